#include "FindingGroups.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <stdexcept>

namespace raddraft::inference {
namespace {

struct ExclusiveTerm {
    const char* name;
    std::vector<std::string> stems;
};

// The paper's appendix A.1 lists whole words; stems let the inflected forms match too
// ("severe", not "sever", which would catch "several").
const std::vector<ExclusiveTerm>& exclusiveTerms() {
    static const std::vector<ExclusiveTerm> terms = {
        {"right", {"right"}},
        {"left", {"left"}},
        {"bilateral", {"bilateral"}},
        {"small", {"small"}},
        {"large", {"great", "large"}},
        {"low", {"low"}},
        {"high", {"high"}},
        {"increase", {"elevat", "enlarg", "increas", "widen"}},
        {"decrease", {"shrink", "decreas"}},
        {"improve", {"improv", "resolv", "clear"}},
        {"worsen", {"worsen"}},
        {"mild", {"mild"}},
        {"severe", {"severe"}},
    };
    return terms;
}

double squaredDistance(const std::vector<float>& a, const std::vector<float>& b) {
    double sum = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double difference = double(a[i]) - double(b[i]);
        sum += difference * difference;
    }
    return sum;
}

// Uniform in [0, 1) from the generator's raw 64 bits (53 significant bits).
double uniform(std::mt19937_64& random) { return double(random() >> 11U) * 0x1.0p-53; }

void checkDimensions(const std::vector<std::vector<float>>& points) {
    for (const std::vector<float>& point : points) {
        if (point.size() != points.front().size()) throw std::invalid_argument("k-means: the points differ in dimension");
    }
}

std::vector<std::vector<float>> kMeansPlusPlus(const std::vector<std::vector<float>>& points, int clusters,
                                               std::mt19937_64& random) {
    const std::size_t n = points.size();
    std::vector<std::vector<float>> centroids;
    centroids.push_back(points[std::size_t(uniform(random) * double(n)) % n]);
    std::vector<double> nearest(n);
    for (std::size_t i = 0; i < n; ++i) nearest[i] = squaredDistance(points[i], centroids.back());
    while (int(centroids.size()) < clusters) {
        const double total = std::accumulate(nearest.begin(), nearest.end(), 0.0);
        if (total <= 0.0) break; // every point coincides with a centroid: no more distinct points
        const double target = uniform(random) * total;
        double running = 0.0;
        std::size_t chosen = n;
        for (std::size_t i = 0; i < n; ++i) {
            if (nearest[i] <= 0.0) continue;
            running += nearest[i];
            chosen = i;
            if (running > target) break;
        }
        centroids.push_back(points[chosen]);
        for (std::size_t i = 0; i < n; ++i) nearest[i] = std::min(nearest[i], squaredDistance(points[i], centroids.back()));
    }
    return centroids;
}

} // namespace

const std::vector<std::string>& exclusiveTermNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list;
        for (const ExclusiveTerm& term : exclusiveTerms()) list.emplace_back(term.name);
        return list;
    }();
    return names;
}

std::vector<int> exclusivityVector(const std::vector<std::string>& words) {
    const std::vector<ExclusiveTerm>& terms = exclusiveTerms();
    std::vector<int> vector(terms.size(), 0);
    for (std::size_t t = 0; t < terms.size(); ++t) {
        for (const std::string& word : words) {
            for (const std::string& stem : terms[t].stems) {
                if (word.compare(0, stem.size(), stem) == 0) vector[t] = 1;
            }
        }
    }
    return vector;
}

KMeansResult kMeans(const std::vector<std::vector<float>>& points, const KMeansOptions& options) {
    KMeansResult result;
    if (points.empty() || options.clusters < 1) return result;
    checkDimensions(points);
    std::mt19937_64 random(options.seed);
    result.centroids = kMeansPlusPlus(points, options.clusters, random);
    const std::size_t n = points.size(), k = result.centroids.size(), dimension = points.front().size();
    result.assignment.assign(n, -1);

    for (int iteration = 0; iteration < std::max(1, options.maxIterations); ++iteration) {
        bool changed = false;
        std::vector<double> distanceToOwn(n);
        for (std::size_t i = 0; i < n; ++i) {
            int best = 0;
            double bestDistance = squaredDistance(points[i], result.centroids[0]);
            for (std::size_t c = 1; c < k; ++c) {
                const double distance = squaredDistance(points[i], result.centroids[c]);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = int(c);
                }
            }
            distanceToOwn[i] = bestDistance;
            if (result.assignment[i] != best) changed = true;
            result.assignment[i] = best;
        }
        result.iterations = iteration + 1;

        // Means in double; an empty cluster takes the point farthest from its own centroid.
        std::vector<std::vector<double>> sums(k, std::vector<double>(dimension, 0.0));
        std::vector<std::size_t> sizes(k, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const auto c = std::size_t(result.assignment[i]);
            ++sizes[c];
            for (std::size_t d = 0; d < dimension; ++d) sums[c][d] += points[i][d];
        }
        for (std::size_t c = 0; c < k; ++c) {
            if (sizes[c] > 0) continue;
            std::size_t farthest = n; // never the last point of its cluster, which would empty that one
            for (std::size_t i = 0; i < n; ++i) {
                if (sizes[std::size_t(result.assignment[i])] < 2) continue;
                if (farthest == n || distanceToOwn[i] > distanceToOwn[farthest]) farthest = i;
            }
            if (farthest == n) continue; // fewer points than clusters cannot happen (k ≤ distinct points)
            const auto from = std::size_t(result.assignment[farthest]);
            for (std::size_t d = 0; d < dimension; ++d) {
                sums[from][d] -= points[farthest][d];
                sums[c][d] = points[farthest][d];
            }
            --sizes[from];
            sizes[c] = 1;
            result.assignment[farthest] = int(c);
            distanceToOwn[farthest] = 0.0;
            changed = true;
        }
        for (std::size_t c = 0; c < k; ++c) {
            if (sizes[c] == 0) continue;
            for (std::size_t d = 0; d < dimension; ++d) result.centroids[c][d] = float(sums[c][d] / double(sizes[c]));
        }
        if (!changed) break;
    }
    return result;
}

std::vector<int> dbscan(const std::vector<std::vector<float>>& points, double eps, int minPoints) {
    const std::size_t n = points.size();
    checkDimensions(points);
    const double eps2 = eps * eps;
    const auto neighbours = [&](std::size_t i) {
        std::vector<std::size_t> found;
        for (std::size_t j = 0; j < n; ++j) {
            if (squaredDistance(points[i], points[j]) <= eps2) found.push_back(j);
        }
        return found;
    };
    constexpr int kUnvisited = -2, kNoise = -1;
    std::vector<int> labels(n, kUnvisited);
    int cluster = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (labels[i] != kUnvisited) continue;
        const std::vector<std::size_t> seeds = neighbours(i);
        if (int(seeds.size()) < minPoints) {
            labels[i] = kNoise;
            continue;
        }
        labels[i] = cluster;
        std::deque<std::size_t> queue(seeds.begin(), seeds.end());
        while (!queue.empty()) {
            const std::size_t j = queue.front();
            queue.pop_front();
            if (labels[j] == kNoise) labels[j] = cluster; // a border point
            if (labels[j] != kUnvisited) continue;
            labels[j] = cluster;
            const std::vector<std::size_t> more = neighbours(j);
            if (int(more.size()) >= minPoints) queue.insert(queue.end(), more.begin(), more.end());
        }
        ++cluster;
    }
    return labels;
}

std::vector<FindingGroup> buildFindingGroups(const GroupingInput& sentences, const FindingGroupOptions& options) {
    const std::size_t n = sentences.embeddings.size();
    if (sentences.words.size() != n || sentences.counts.size() != n) {
        throw std::invalid_argument("finding groups: words, embeddings and counts differ in length");
    }
    std::vector<FindingGroup> groups;
    if (n == 0) return groups;
    const KMeansResult clusters = kMeans(sentences.embeddings, options.kMeans);
    const std::size_t dimension = sentences.embeddings.front().size();

    for (std::size_t c = 0; c < clusters.centroids.size(); ++c) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < n; ++i) {
            if (clusters.assignment[i] == int(c)) members.push_back(i);
        }
        std::vector<std::vector<float>> vectors;
        for (std::size_t i : members) {
            const std::vector<int> occurrences = exclusivityVector(sentences.words[i]);
            vectors.emplace_back(occurrences.begin(), occurrences.end());
        }
        // Sub-groups in DBSCAN's label order; its noise (label −1) last, as one group.
        const std::vector<int> labels = dbscan(vectors, options.exclusivityEps, options.exclusivityMinPoints);
        std::map<int, std::vector<std::size_t>> split;
        for (std::size_t m = 0; m < members.size(); ++m) split[labels[m] < 0 ? std::numeric_limits<int>::max() : labels[m]].push_back(members[m]);

        for (auto& [label, indices] : split) {
            FindingGroup group;
            group.cluster = int(c);
            group.centroid.assign(dimension, 0.0f);
            std::vector<double> sum(dimension, 0.0);
            for (std::size_t i : indices) {
                for (std::size_t d = 0; d < dimension; ++d) sum[d] += sentences.embeddings[i][d];
                group.count += sentences.counts[i];
            }
            for (std::size_t d = 0; d < dimension; ++d) group.centroid[d] = float(sum[d] / double(indices.size()));
            std::sort(indices.begin(), indices.end(), [&](std::size_t a, std::size_t b) {
                if (sentences.counts[a] != sentences.counts[b]) return sentences.counts[a] > sentences.counts[b];
                const double da = squaredDistance(sentences.embeddings[a], group.centroid);
                const double db = squaredDistance(sentences.embeddings[b], group.centroid);
                if (da != db) return da < db;
                return a < b;
            });
            group.members = indices;
            group.representative = indices.front();
            group.exclusivity = exclusivityVector(sentences.words[group.representative]);
            groups.push_back(std::move(group));
        }
    }
    std::stable_sort(groups.begin(), groups.end(), [](const FindingGroup& a, const FindingGroup& b) { return a.count > b.count; });
    return groups;
}

int nearestFindingGroup(const std::vector<float>& embedding, const std::vector<int>& exclusivity,
                        const std::vector<std::vector<float>>& centroids,
                        const std::vector<std::vector<int>>& groupExclusivity) {
    const auto search = [&](bool sameExclusivity) {
        int best = -1;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (std::size_t g = 0; g < centroids.size(); ++g) {
            if (sameExclusivity && (g >= groupExclusivity.size() || groupExclusivity[g] != exclusivity)) continue;
            const double distance = squaredDistance(embedding, centroids[g]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = int(g);
            }
        }
        return best;
    };
    const int matching = search(true);
    return matching >= 0 ? matching : search(false);
}

} // namespace raddraft::inference
