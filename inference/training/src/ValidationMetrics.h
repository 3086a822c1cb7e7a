#pragma once
// Validation metrics of a training run, computed with raddraft_evaluation exactly as
// `raddraft-cli evaluate` computes them (evaluation/ModelEvaluation.h): BLEU on R2Gen's cleaned
// token strings, CE from our labeler on the generated and the stored reports, tag AUC against the
// dataset's labels with uncertain truth left out.

#include "TrainingExamples.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace raddraft::training {

/// What the model produced for one validation study.
struct GeneratedReport {
    std::vector<std::string> tokens;          ///< decoded tokens, EOS excluded
    std::vector<float> tagProbabilities;      ///< per manifest label; empty: no tag head
};

struct ValidationScores {
    double bleu4 = 0.0;
    double ceF1 = 0.0;                        ///< CheXpert's 14 observations, micro F1
    double tagAuc = 0.0;                      ///< macro; NaN when undefined
    nlohmann::ordered_json evaluation;        ///< ModelEvaluationResult::toJson()
};

/// Scores generated[i] against examples[i]. Throws TrainingError when the sizes differ or the
/// list is empty.
ValidationScores scoreReports(const std::vector<TrainingExample>& examples, const std::vector<GeneratedReport>& generated,
                              const std::vector<std::string>& labels, const inference::Vocabulary& vocabulary,
                              inference::CleaningStyle style, int maxTokens);

/// Macro tag AUC of probabilities[i][label] against the examples' targets where their weight is
/// positive; NaN when no label has both classes.
double macroTagAuc(const std::vector<TrainingExample>& examples, const std::vector<std::vector<float>>& probabilities,
                   const std::vector<std::string>& labels);

} // namespace raddraft::training
