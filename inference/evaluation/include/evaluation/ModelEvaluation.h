#pragma once
// Everything `raddraft-cli evaluate` reports about a model on a dataset, assembled from per-study
// outcomes: the text metrics, clinical efficacy (the labeler on generated and reference reports),
// tag AUC and calibration against the dataset's labels, and the explanation fidelity of the
// per-finding heatmaps against ground-truth masks. The CLI runs the model and reads the files;
// this class only counts, so it is tested with hand-made outcomes.

#include "evaluation/ClinicalEfficacy.h"
#include "evaluation/ExplanationFidelity.h"
#include "evaluation/TagMetrics.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace raddraft::evaluation {

struct StudyOutcome {
    std::string id;
    std::string referenceText;        ///< the dataset's report as stored (input of the labeler)
    std::string generatedText;        ///< the model's report as drafted (input of the labeler)
    std::string referenceForMetrics;  ///< cleaned as the model's training reports were
    std::string generatedForMetrics;  ///< cleaned the same way
    std::map<std::string, double> tagProbabilities; ///< the model's findings; empty: no tag head
    /// The dataset's label per finding: 1 present, 0 absent, −1 uncertain; empty: unknown.
    std::map<std::string, int> tagTruth;
};

struct ModelEvaluationResult {
    long studies = 0;
    std::vector<std::pair<std::string, double>> textMetrics; ///< computeTextMetrics order
    ClinicalEfficacy chexpert;  ///< the 14 CheXpert observations (the papers' CE)
    ClinicalEfficacy extended;  ///< CheXpert's 14 and our extra findings
    /// Present when some label has both classes among the studies with known truth.
    std::optional<TagAuc> tagAuc;
    std::map<std::string, std::vector<RocPoint>> rocCurves; ///< labels with a defined AUC
    std::optional<Calibration> calibration; ///< pooled over every (study, label) with known truth
    long tagPairs = 0;                      ///< (study, label) pairs that entered AUC/calibration
    std::optional<FidelitySummary> fidelity; ///< present when a heatmap was scored against a mask

    /// The JSON of `raddraft-cli evaluate --json`: the top-level keys (n_studies,
    /// BLEU_1 … CIDEr, CE_precision_micro, CE_recall_micro, CE_F1_micro, CE_F1_macro,
    /// tag_AUC_macro, pointing_game, energy_pointing_game, heatmap_IoU; null where undefined)
    /// followed by "details".
    nlohmann::ordered_json toJson() const;
};

class ModelEvaluation {
public:
    void add(StudyOutcome outcome);
    /// One scored (study, finding, view) heatmap.
    void addFidelity(const std::string& finding, const FidelityScores& scores);
    /// Runs the labeler and the metrics. Throws std::invalid_argument when no study was added.
    ModelEvaluationResult finish(int calibrationBins = 10) const;

private:
    std::vector<StudyOutcome> m_outcomes;
    FidelityAggregator m_fidelity;
    bool m_hasFidelity = false;
};

} // namespace raddraft::evaluation
