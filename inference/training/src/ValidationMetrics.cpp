#include "ValidationMetrics.h"

#include "evaluation/ModelEvaluation.h"
#include "evaluation/TagMetrics.h"
#include "training/TrainingError.h"

#include <limits>
#include <stdexcept>

namespace raddraft::training {

ValidationScores scoreReports(const std::vector<TrainingExample>& examples, const std::vector<GeneratedReport>& generated,
                              const std::vector<std::string>& labels, const inference::Vocabulary& vocabulary,
                              inference::CleaningStyle style, int maxTokens) {
    if (examples.size() != generated.size() || examples.empty()) {
        throw TrainingError("validation: " + std::to_string(generated.size()) + " generated reports for " +
                            std::to_string(examples.size()) + " studies");
    }
    evaluation::ModelEvaluation evaluation;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        evaluation::StudyOutcome outcome;
        outcome.id = examples[i].id;
        outcome.referenceText = examples[i].report;
        outcome.generatedText = inference::detokenize(generated[i].tokens);
        outcome.referenceForMetrics = referenceText(examples[i].report, vocabulary, style, maxTokens);
        for (const std::string& token : generated[i].tokens) {
            outcome.generatedForMetrics += (outcome.generatedForMetrics.empty() ? "" : " ") + token;
        }
        for (std::size_t l = 0; l < generated[i].tagProbabilities.size() && l < labels.size(); ++l) {
            outcome.tagProbabilities[labels[l]] = generated[i].tagProbabilities[l];
            if (examples[i].labelWeights[l] > 0) outcome.tagTruth[labels[l]] = examples[i].labels[l] > 0.5f ? 1 : 0;
        }
        evaluation.add(std::move(outcome));
    }
    try {
        const evaluation::ModelEvaluationResult result = evaluation.finish();
        ValidationScores scores;
        for (const auto& [name, value] : result.textMetrics) {
            if (name == "BLEU_4") scores.bleu4 = value;
        }
        scores.ceF1 = result.chexpert.f1Micro;
        scores.tagAuc = result.tagAuc && result.tagAuc->macro ? *result.tagAuc->macro : std::numeric_limits<double>::quiet_NaN();
        scores.evaluation = result.toJson();
        return scores;
    } catch (const std::invalid_argument& error) {
        throw TrainingError(std::string("validation: ") + error.what());
    }
}

double macroTagAuc(const std::vector<TrainingExample>& examples, const std::vector<std::vector<float>>& probabilities,
                   const std::vector<std::string>& labels) {
    std::map<std::string, std::vector<double>> scores;
    std::map<std::string, std::vector<int>> truth;
    for (std::size_t i = 0; i < examples.size() && i < probabilities.size(); ++i) {
        for (std::size_t l = 0; l < labels.size() && l < probabilities[i].size(); ++l) {
            if (examples[i].labelWeights[l] <= 0) continue;
            scores[labels[l]].push_back(probabilities[i][l]);
            truth[labels[l]].push_back(examples[i].labels[l] > 0.5f ? 1 : 0);
        }
    }
    if (scores.empty()) return std::numeric_limits<double>::quiet_NaN();
    const evaluation::TagAuc auc = evaluation::computeTagAuc(scores, truth);
    return auc.macro ? *auc.macro : std::numeric_limits<double>::quiet_NaN();
}

} // namespace raddraft::training
