#include "evaluation/RougeL.h"

#include "NGrams.h"

#include <algorithm>
#include <cmath>

namespace raddraft::evaluation {

namespace {
constexpr double kBeta = 1.2;
}

std::size_t longestCommonSubsequence(const std::vector<std::string>& first, const std::vector<std::string>& second)
{
    std::vector<std::size_t> previous(second.size() + 1, 0);
    std::vector<std::size_t> current(second.size() + 1, 0);
    for (std::size_t i = 1; i <= first.size(); ++i) {
        for (std::size_t j = 1; j <= second.size(); ++j)
            current[j] = first[i - 1] == second[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
        std::swap(previous, current);
    }
    return previous[second.size()];
}

MetricScore computeRougeL(const TextCorpus& corpus)
{
    validateCorpus(corpus);
    const double betaSquared = std::pow(kBeta, 2); // Python's self.beta**2
    MetricScore result;
    for (const auto& [id, hypothesis] : corpus.hypotheses) {
        const std::vector<std::string> candidate = splitOnSingleSpaces(hypothesis);
        double bestPrecision = 0.0;
        double bestRecall = 0.0;
        for (const std::string& reference : corpus.references.at(id)) {
            const std::vector<std::string> referenceTokens = splitOnSingleSpaces(reference);
            const double lcs = static_cast<double>(longestCommonSubsequence(referenceTokens, candidate));
            bestPrecision = std::max(bestPrecision, lcs / static_cast<double>(candidate.size()));
            bestRecall = std::max(bestRecall, lcs / static_cast<double>(referenceTokens.size()));
        }
        double score = 0.0;
        if (bestPrecision != 0.0 && bestRecall != 0.0)
            score = ((1 + betaSquared) * bestPrecision * bestRecall) / (bestRecall + betaSquared * bestPrecision);
        result.perSample.push_back(score);
    }
    result.corpus = detail::numpyMean(result.perSample);
    return result;
}

} // namespace raddraft::evaluation
