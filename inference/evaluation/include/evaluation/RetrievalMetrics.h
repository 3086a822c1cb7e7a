#pragma once
// Ranking metrics of a retrieval model over a fixed set of items (CVSE's finding groups, Ni et al.
// 2020): Recall@k, Precision@k and mean average precision, as its public code reports them
// (Recall_3/5, Precision_3/5, MAP_3/5), with the textbook AP@k, and the calibration of the score
// threshold under which a retrieved item is withheld. Standard C++ only.

#include <set>
#include <string>
#include <vector>

namespace raddraft::evaluation {

/// One query (a study): the items as the model ranked them, best first (at least as many as the
/// largest cut-off that is scored; fewer count as misses), and the items that are relevant.
struct RankedRetrieval {
    std::vector<std::string> ranking;
    std::set<std::string> relevant;
};

struct RetrievalAtK {
    int k = 0;
    double recall = 0.0;          ///< Σ relevant in the top k / Σ relevant (micro over queries)
    double precision = 0.0;       ///< Σ relevant in the top k / (k × queries)
    double meanAveragePrecision = 0.0; ///< mean over queries of AP@k
};

struct RetrievalScores {
    long queries = 0;             ///< queries with at least one relevant item (the others are skipped)
    long skipped = 0;             ///< queries without a relevant item
    std::vector<RetrievalAtK> atK; ///< one per cut-off, in the order given
};

/// AP@k = Σ_{i ≤ k, item i relevant} precision@i / min(k, |relevant|); 0 when nothing is
/// relevant. k ≤ 0 means the whole ranking, normalised by |relevant| (the plain AP).
double averagePrecision(const std::vector<std::string>& ranking, const std::set<std::string>& relevant, int k);

/// Scores the queries with a relevant item at each cut-off (k ≥ 1; std::invalid_argument otherwise).
RetrievalScores scoreRetrieval(const std::vector<RankedRetrieval>& queries, const std::vector<int>& cutoffs);

/// One query's candidates for the threshold: the scores of the items the model would report
/// (its top k) with whether each is relevant, and how many items are relevant in all.
struct ScoredCandidates {
    std::vector<double> scores;
    std::vector<bool> relevant;   ///< index-aligned with scores
    long relevantCount = 0;       ///< relevant items of the query, retrieved or not
};

struct ThresholdChoice {
    double threshold = 0.0;       ///< report a candidate when its score ≥ threshold
    double f1 = 0.0, precision = 0.0, recall = 0.0; ///< micro over all queries at that threshold
};

/// The threshold that maximises the micro F1 of the reported candidates (score ≥ threshold)
/// against the relevant items over all queries, queries without a relevant item included (each
/// candidate reported there is a false positive). Candidate thresholds are the candidates' own
/// scores; among equal F1 the lowest threshold wins. With no candidate at all, `floor`.
/// Throws std::invalid_argument when scores and relevant differ in length.
ThresholdChoice calibrateRetrievalThreshold(const std::vector<ScoredCandidates>& queries, double floor);

} // namespace raddraft::evaluation
