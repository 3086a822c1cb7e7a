#include "evaluation/Bleu.h"

#include "NGrams.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace raddraft::evaluation {

namespace {

constexpr int kMaxOrder = 4;
constexpr double kTiny = 1e-15;
constexpr double kSmall = 1e-9;

struct BleuCounts {
    double testLength = 0.0;
    double referenceLength = 0.0;
    std::array<double, kMaxOrder> guess{};
    std::array<double, kMaxOrder> correct{};

    void add(const BleuCounts& other)
    {
        testLength += other.testLength;
        referenceLength += other.referenceLength;
        for (int k = 0; k < kMaxOrder; ++k) {
            guess[k] += other.guess[k];
            correct[k] += other.correct[k];
        }
    }
};

BleuCounts countSample(const std::string& hypothesis, const std::vector<std::string>& references)
{
    const std::vector<std::string> hypothesisTokens = splitOnWhitespace(hypothesis);
    const int testLength = static_cast<int>(hypothesisTokens.size());

    detail::NGramCounts maxReferenceCounts;
    int closestLength = -1;
    for (const std::string& reference : references) {
        const std::vector<std::string> tokens = splitOnWhitespace(reference);
        const int length = static_cast<int>(tokens.size());
        // Python: min((abs(L - testlen), L)) — the shorter length wins a tie.
        if (closestLength < 0 || std::abs(length - testLength) < std::abs(closestLength - testLength) ||
            (std::abs(length - testLength) == std::abs(closestLength - testLength) && length < closestLength))
            closestLength = length;
        for (const auto& [gram, count] : detail::countNGrams(tokens, kMaxOrder)) {
            int& best = maxReferenceCounts[gram];
            best = std::max(best, count);
        }
    }

    BleuCounts counts;
    counts.testLength = testLength;
    counts.referenceLength = closestLength;
    for (int k = 1; k <= kMaxOrder; ++k)
        counts.guess[k - 1] = std::max(0, testLength - k + 1);
    for (const auto& [gram, count] : detail::countNGrams(hypothesisTokens, kMaxOrder)) {
        const auto found = maxReferenceCounts.find(gram);
        if (found != maxReferenceCounts.end())
            counts.correct[gram.size() - 1] += std::min(found->second, count);
    }
    return counts;
}

std::array<double, kMaxOrder> scoresFromCounts(const BleuCounts& counts)
{
    std::array<double, kMaxOrder> scores{};
    double product = 1.0;
    for (int k = 0; k < kMaxOrder; ++k) {
        product *= (counts.correct[k] + kTiny) / (counts.guess[k] + kSmall);
        scores[k] = std::pow(product, 1.0 / (k + 1));
    }
    const double ratio = (counts.testLength + kTiny) / (counts.referenceLength + kSmall);
    if (ratio < 1.0)
        for (double& score : scores)
            score *= std::exp(1.0 - 1.0 / ratio);
    return scores;
}

} // namespace

BleuScores computeBleu(const TextCorpus& corpus)
{
    validateCorpus(corpus);
    BleuScores result;
    BleuCounts total;
    for (const auto& [id, hypothesis] : corpus.hypotheses) {
        const BleuCounts counts = countSample(hypothesis, corpus.references.at(id));
        total.add(counts);
        const std::array<double, kMaxOrder> sample = scoresFromCounts(counts);
        for (int k = 0; k < kMaxOrder; ++k)
            result.orders[k].perSample.push_back(sample[k]);
    }
    const std::array<double, kMaxOrder> corpusScores = scoresFromCounts(total);
    for (int k = 0; k < kMaxOrder; ++k)
        result.orders[k].corpus = corpusScores[k];
    return result;
}

} // namespace raddraft::evaluation
