#include "evaluation/TagMetrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace raddraft::evaluation {
namespace {

void checkBinary(const std::vector<double>& scores, const std::vector<int>& truth)
{
    if (scores.size() != truth.size())
        throw std::invalid_argument("tag metrics: scores and truth differ in length");
    for (int t : truth)
        if (t != 0 && t != 1) throw std::invalid_argument("tag metrics: truth must be 0 or 1");
    for (double s : scores)
        if (!std::isfinite(s)) throw std::invalid_argument("tag metrics: score not finite");
}

} // namespace

std::optional<double> rocAuc(const std::vector<double>& scores, const std::vector<int>& truth)
{
    checkBinary(scores, truth);
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0;
    long positives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && scores[order[j]] == scores[order[i]]) ++j;
        const double averageRank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k)
            if (truth[order[k]] == 1) {
                positiveRankSum += averageRank;
                ++positives;
            }
        i = j;
    }
    const long negatives = static_cast<long>(n) - positives;
    if (positives == 0 || negatives == 0) return std::nullopt;
    const double p = static_cast<double>(positives), q = static_cast<double>(negatives);
    return (positiveRankSum - p * (p + 1) / 2.0) / (p * q);
}

std::vector<RocPoint> rocCurve(const std::vector<double>& scores, const std::vector<int>& truth)
{
    checkBinary(scores, truth);
    const std::size_t n = scores.size();
    const long positives = std::count(truth.begin(), truth.end(), 1);
    const long negatives = static_cast<long>(n) - positives;
    if (positives == 0 || negatives == 0) return {};
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    std::vector<RocPoint> curve{{0.0, 0.0, std::numeric_limits<double>::infinity()}};
    long tp = 0, fp = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && scores[order[j]] == scores[order[i]]) {
            (truth[order[j]] == 1 ? tp : fp) += 1;
            ++j;
        }
        curve.push_back({static_cast<double>(fp) / static_cast<double>(negatives),
                         static_cast<double>(tp) / static_cast<double>(positives),
                         scores[order[i]]});
        i = j;
    }
    return curve;
}

TagAuc computeTagAuc(const std::map<std::string, std::vector<double>>& scores,
                     const std::map<std::string, std::vector<int>>& truth)
{
    TagAuc result;
    double sum = 0;
    for (const auto& [label, labelScores] : scores) {
        const auto it = truth.find(label);
        if (it == truth.end())
            throw std::invalid_argument("tag metrics: no truth for label " + label);
        const std::optional<double> auc = rocAuc(labelScores, it->second);
        result.perLabel[label] = auc;
        if (auc) {
            sum += *auc;
            ++result.definedLabels;
        }
    }
    if (result.definedLabels > 0) result.macro = sum / static_cast<double>(result.definedLabels);
    return result;
}

Calibration computeCalibration(const std::vector<double>& probabilities,
                               const std::vector<int>& truth, int numBins)
{
    if (numBins < 1) throw std::invalid_argument("calibration: numBins must be ≥ 1");
    checkBinary(probabilities, truth);
    Calibration result;
    result.bins.resize(static_cast<std::size_t>(numBins));
    std::vector<double> confidenceSum(result.bins.size(), 0.0), positiveSum(result.bins.size(), 0.0);
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        const double p = probabilities[i];
        if (!(p >= 0.0 && p <= 1.0))
            throw std::invalid_argument("calibration: probability outside [0, 1]");
        const int bin = std::min(static_cast<int>(std::floor(p * numBins)), numBins - 1);
        const auto b = static_cast<std::size_t>(bin);
        ++result.bins[b].count;
        confidenceSum[b] += p;
        positiveSum[b] += truth[i];
    }
    result.total = static_cast<long>(probabilities.size());
    for (std::size_t b = 0; b < result.bins.size(); ++b) {
        ReliabilityBin& bin = result.bins[b];
        bin.lower = static_cast<double>(b) / numBins;
        bin.upper = static_cast<double>(b + 1) / numBins;
        if (bin.count == 0) continue;
        const double c = static_cast<double>(bin.count);
        bin.meanConfidence = confidenceSum[b] / c;
        bin.observedFrequency = positiveSum[b] / c;
        result.expectedCalibrationError += c / static_cast<double>(result.total) *
                                           std::abs(bin.observedFrequency - bin.meanConfidence);
    }
    return result;
}

} // namespace raddraft::evaluation
