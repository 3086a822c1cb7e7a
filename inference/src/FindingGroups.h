#pragma once
// CVSE's groups of abnormal findings (Ni et al. 2020, § 3.2 and appendix A.1): the abnormal
// sentences of the training reports are clustered by k-means over their sentence embeddings, then
// every cluster is split by the paper's mutual-exclusivity rules — one-hot occurrence vectors over
// six sets of exclusive terms, divided by DBSCAN — so that "left lower lobe atelectasis" and
// "right lower lobe atelectasis" end up in different groups although their embeddings are close.
// Each final group keeps its members and a representative sentence, the text CVSE retrieves.
//
// Standard C++ only, deterministic: the same input and options give the same groups on every
// platform (random numbers come from std::mt19937_64's raw output, never from a std::
// distribution, whose algorithms the standard leaves open).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace raddraft::inference {

/// The paper's six sets of mutually exclusive terms, 13 terms in vector order:
///   right, left, bilateral | small, large (great|large) | low, high |
///   increase (elevate|enlarge|increase|widen), decrease (shrink|decrease) |
///   improve (improve|resolve|clear), worsen | mild, severe.
constexpr int kExclusiveTermCount = 13;

/// Names of the 13 terms in vector order ("right", ..., "severe").
const std::vector<std::string>& exclusiveTermNames();

/// One-hot occurrences of the exclusive terms in a sentence's cleaned words: element t is 1 when
/// some word starts with one of term t's stems ("enlarged" → enlarge, "lower" → low, "mildly" →
/// mild, "bilaterally" → bilateral), else 0. Several terms of one set may be 1 ("right and left").
std::vector<int> exclusivityVector(const std::vector<std::string>& words);

struct KMeansOptions {
    int clusters = 40;          ///< k; clamped to the number of distinct points
    std::uint64_t seed = 7;     ///< k-means++ seeding
    int maxIterations = 100;    ///< Lloyd iterations (stops earlier when no assignment changes)
};

struct KMeansResult {
    std::vector<int> assignment;                  ///< cluster of each point
    std::vector<std::vector<float>> centroids;    ///< mean of each cluster's points
    int iterations = 0;                           ///< Lloyd iterations run
};

/// Lloyd's k-means on squared Euclidean distance with k-means++ seeding (Arthur & Vassilvitskii
/// 2007). Ties go to the lower cluster index. An empty cluster is re-seeded with the point
/// farthest from its own centroid. All points must have the same dimension (std::invalid_argument
/// otherwise); no points → an empty result.
KMeansResult kMeans(const std::vector<std::vector<float>>& points, const KMeansOptions& options);

/// DBSCAN (Ester et al. 1996) on Euclidean distance: a point with at least `minPoints` points
/// within `eps` (itself included) is a core point; clusters are the core points reachable from
/// each other plus their border points. Returns a label per point: 0, 1, ... in order of
/// discovery (point index order), −1 for noise.
std::vector<int> dbscan(const std::vector<std::vector<float>>& points, double eps, int minPoints);

struct FindingGroupOptions {
    KMeansOptions kMeans;
    /// DBSCAN over the exclusivity vectors inside each k-means cluster. On 0/1 vectors an eps
    /// below 1 joins only identical vectors (the default, 0.5, is scikit-learn's); eps ≥ 1 would
    /// chain "right" to "left" through sentences that name neither.
    double exclusivityEps = 0.5;
    /// DBSCAN's min_samples; 1 (the default) leaves no noise. With more, the noise points of a
    /// cluster form one group of their own (as scikit-learn's label −1 would).
    int exclusivityMinPoints = 1;
};

/// The sentences to group: cleaned words, an embedding and the number of times each occurs in
/// the corpus, index-aligned.
struct GroupingInput {
    std::vector<std::vector<std::string>> words;
    std::vector<std::vector<float>> embeddings;
    std::vector<long> counts;
};

struct FindingGroup {
    std::size_t representative = 0;    ///< the most frequent member (ties: nearest the centroid, then lowest index)
    std::vector<std::size_t> members;  ///< sentence indices by decreasing count, then index; representative first
    std::vector<float> centroid;       ///< mean of the members' embeddings
    std::vector<int> exclusivity;      ///< the representative's exclusivity vector
    int cluster = 0;                   ///< the k-means cluster it was split from
    long count = 0;                    ///< occurrences of all members together
};

/// k-means over the embeddings, then each cluster split by DBSCAN over the members'
/// exclusivity vectors. Groups are ordered by decreasing total count (ties: cluster, then split
/// order). Throws std::invalid_argument when the input's vectors differ in length.
std::vector<FindingGroup> buildFindingGroups(const GroupingInput& sentences, const FindingGroupOptions& options);

/// The group a sentence not seen in training belongs to: nearest centroid (Euclidean) among the
/// groups whose exclusivity vector equals the sentence's, or among all groups when none does.
/// −1 when there are no groups.
int nearestFindingGroup(const std::vector<float>& embedding, const std::vector<int>& exclusivity,
                        const std::vector<std::vector<float>>& centroids,
                        const std::vector<std::vector<int>>& groupExclusivity);

} // namespace raddraft::inference
