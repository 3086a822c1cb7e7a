#pragma once
// Tag (multi-label classifier) metrics: ROC AUC per label and macro, ROC curve points, expected
// calibration error and reliability-diagram data. Scores are the model's per-label probabilities
// (or any real score for AUC / ROC); truth is 1 positive, 0 negative (anything else throws).

#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::evaluation {

/// ROC AUC by the Mann–Whitney statistic with average ranks for tied scores (a tie between a
/// positive and a negative counts ½), equal to scikit-learn's roc_auc_score. std::nullopt when
/// truth holds only one class (AUC undefined). Throws std::invalid_argument when the lengths
/// differ, a truth value is not 0/1, or a score is not finite.
std::optional<double> rocAuc(const std::vector<double>& scores, const std::vector<int>& truth);

struct RocPoint {
    double falsePositiveRate = 0, truePositiveRate = 0;
    double threshold = 0; ///< predicted positive when score ≥ threshold; +inf for the (0,0) point
};

/// ROC curve as scikit-learn's roc_curve(drop_intermediate=False): (0,0) at threshold +inf, then
/// one point per distinct score, descending, ending at (1,1). Empty when AUC is undefined (one
/// class only). Same argument checks as rocAuc.
std::vector<RocPoint> rocCurve(const std::vector<double>& scores, const std::vector<int>& truth);

struct TagAuc {
    std::map<std::string, std::optional<double>> perLabel; ///< nullopt: one class only
    std::optional<double> macro;  ///< mean over labels with a defined AUC; nullopt if none
    std::size_t definedLabels = 0; ///< how many labels entered the macro average
};

/// Per-label AUC over the labels of `scores`; each must be in `truth` with the same length
/// (else std::invalid_argument). Undefined labels are excluded from the macro average.
TagAuc computeTagAuc(const std::map<std::string, std::vector<double>>& scores,
                     const std::map<std::string, std::vector<int>>& truth);

struct ReliabilityBin {
    double lower = 0, upper = 0;  ///< bin i = [i/B, (i+1)/B); the last bin also holds 1.0
    long count = 0;
    double meanConfidence = 0;    ///< mean predicted probability in the bin; 0 when empty
    double observedFrequency = 0; ///< fraction of positives in the bin; 0 when empty
};

struct Calibration {
    std::vector<ReliabilityBin> bins; ///< always numBins entries, empty ones included
    double expectedCalibrationError = 0; ///< Σ count/N · |observedFrequency − meanConfidence|
    long total = 0;
};

/// Binary (probability-of-positive) calibration with numBins equal-width bins (default 10).
/// For a pooled multi-label ECE, concatenate every label's scores and truth. ECE is 0 for empty
/// input. Throws std::invalid_argument on length mismatch, a truth value not 0/1, a score outside
/// [0, 1] (or NaN), or numBins < 1.
Calibration computeCalibration(const std::vector<double>& probabilities,
                               const std::vector<int>& truth, int numBins = 10);

} // namespace raddraft::evaluation
