#include "evaluation/RetrievalMetrics.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace raddraft::evaluation {

double averagePrecision(const std::vector<std::string>& ranking, const std::set<std::string>& relevant, int k) {
    if (relevant.empty()) return 0.0;
    const std::size_t depth = k <= 0 ? ranking.size() : std::min(ranking.size(), std::size_t(k));
    double sum = 0.0;
    long hits = 0;
    std::set<std::string> seen; // a repeated item counts once
    for (std::size_t i = 0; i < depth; ++i) {
        if (!seen.insert(ranking[i]).second) continue;
        if (relevant.count(ranking[i]) == 0) continue;
        ++hits;
        sum += double(hits) / double(i + 1);
    }
    const std::size_t normaliser = k <= 0 ? relevant.size() : std::min(relevant.size(), std::size_t(k));
    return sum / double(normaliser);
}

RetrievalScores scoreRetrieval(const std::vector<RankedRetrieval>& queries, const std::vector<int>& cutoffs) {
    for (int k : cutoffs) {
        if (k < 1) throw std::invalid_argument("retrieval metrics: a cut-off must be at least 1");
    }
    RetrievalScores scores;
    std::vector<long> hits(cutoffs.size(), 0);
    std::vector<double> apSums(cutoffs.size(), 0.0);
    long relevantTotal = 0;
    for (const RankedRetrieval& query : queries) {
        if (query.relevant.empty()) {
            ++scores.skipped;
            continue;
        }
        ++scores.queries;
        relevantTotal += long(query.relevant.size());
        for (std::size_t c = 0; c < cutoffs.size(); ++c) {
            const std::size_t depth = std::min(query.ranking.size(), std::size_t(cutoffs[c]));
            std::set<std::string> top(query.ranking.begin(), query.ranking.begin() + std::ptrdiff_t(depth));
            for (const std::string& item : top) hits[c] += long(query.relevant.count(item));
            apSums[c] += averagePrecision(query.ranking, query.relevant, cutoffs[c]);
        }
    }
    for (std::size_t c = 0; c < cutoffs.size(); ++c) {
        RetrievalAtK at;
        at.k = cutoffs[c];
        if (scores.queries > 0) {
            at.recall = double(hits[c]) / double(relevantTotal);
            at.precision = double(hits[c]) / double(long(cutoffs[c]) * scores.queries);
            at.meanAveragePrecision = apSums[c] / double(scores.queries);
        }
        scores.atK.push_back(at);
    }
    return scores;
}

ThresholdChoice calibrateRetrievalThreshold(const std::vector<ScoredCandidates>& queries, double floor) {
    std::vector<std::pair<double, bool>> candidates;
    long relevantTotal = 0;
    for (const ScoredCandidates& query : queries) {
        if (query.scores.size() != query.relevant.size()) {
            throw std::invalid_argument("threshold calibration: scores and relevance flags differ in length");
        }
        relevantTotal += query.relevantCount;
        for (std::size_t i = 0; i < query.scores.size(); ++i) candidates.emplace_back(query.scores[i], query.relevant[i]);
    }
    ThresholdChoice best;
    best.threshold = floor;
    if (candidates.empty()) return best;
    // Highest score first: lowering the threshold to each distinct score reports one more run of
    // candidates; the last threshold reached with the best F1 is the lowest one.
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    long truePositives = 0, reported = 0;
    bool first = true;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        ++reported;
        if (candidates[i].second) ++truePositives;
        if (i + 1 < candidates.size() && candidates[i + 1].first == candidates[i].first) continue;
        const double precision = double(truePositives) / double(reported);
        const double recall = relevantTotal > 0 ? double(truePositives) / double(relevantTotal) : 0.0;
        const double f1 = truePositives > 0 ? 2.0 * precision * recall / (precision + recall) : 0.0;
        if (first || f1 >= best.f1) {
            best = {candidates[i].first, f1, precision, recall};
            first = false;
        }
    }
    // Nothing relevant was ever reported: every threshold scores F1 0, and reporting nothing is
    // the honest choice — above the highest candidate.
    if (truePositives == 0) best = {candidates.front().first + 1.0, 0.0, 0.0, 0.0};
    return best;
}

} // namespace raddraft::evaluation
