#include "evaluation/CiderD.h"

#include "NGrams.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace raddraft::evaluation {

namespace {

constexpr double kEuler = 2.718281828459045; // np.e

struct WeightedVector {
    std::vector<std::map<detail::NGram, double>> weights; ///< per order
    std::vector<double> norms;                            ///< per order
    int length = 0;                                       ///< number of bigrams (the scorer's quirk)
};

WeightedVector toWeightedVector(const detail::NGramCounts& counts, const std::map<detail::NGram, int>& documentFrequency,
                                double logSampleCount, int maxOrder)
{
    WeightedVector vector;
    vector.weights.resize(maxOrder);
    vector.norms.assign(maxOrder, 0.0);
    for (const auto& [gram, termFrequency] : counts) {
        const auto found = documentFrequency.find(gram);
        const double frequency = found == documentFrequency.end() ? 0.0 : found->second;
        const double logFrequency = std::log(std::max(1.0, frequency));
        const std::size_t order = gram.size() - 1;
        const double weight = static_cast<double>(termFrequency) * (logSampleCount - logFrequency);
        vector.weights[order][gram] = weight;
        vector.norms[order] += std::pow(weight, 2);
        if (order == 1)
            vector.length += termFrequency;
    }
    for (double& norm : vector.norms)
        norm = std::sqrt(norm);
    return vector;
}

std::vector<double> similarity(const WeightedVector& hypothesis, const WeightedVector& reference, double sigma)
{
    const double delta = static_cast<double>(hypothesis.length - reference.length);
    std::vector<double> values(hypothesis.weights.size(), 0.0);
    for (std::size_t order = 0; order < values.size(); ++order) {
        for (const auto& [gram, weight] : hypothesis.weights[order]) {
            const auto found = reference.weights[order].find(gram);
            const double referenceWeight = found == reference.weights[order].end() ? 0.0 : found->second;
            values[order] += std::min(weight, referenceWeight) * referenceWeight;
        }
        if (hypothesis.norms[order] != 0.0 && reference.norms[order] != 0.0)
            values[order] /= hypothesis.norms[order] * reference.norms[order];
        values[order] *= std::pow(kEuler, -(delta * delta) / (2 * sigma * sigma));
    }
    return values;
}

} // namespace

MetricScore computeCiderD(const TextCorpus& corpus, const CiderDOptions& options)
{
    validateCorpus(corpus);
    std::map<std::string, std::vector<detail::NGramCounts>> referenceCounts;
    std::map<detail::NGram, int> documentFrequency;
    for (const auto& [id, references] : corpus.references) {
        std::set<detail::NGram> seen;
        for (const std::string& reference : references) {
            referenceCounts[id].push_back(detail::countNGrams(splitOnWhitespace(reference), options.maxOrder));
            for (const auto& entry : referenceCounts[id].back())
                seen.insert(entry.first);
        }
        for (const detail::NGram& gram : seen)
            ++documentFrequency[gram];
    }
    const double logSampleCount = std::log(static_cast<double>(corpus.references.size()));

    MetricScore result;
    for (const auto& [id, hypothesis] : corpus.hypotheses) {
        const WeightedVector hypothesisVector = toWeightedVector(
            detail::countNGrams(splitOnWhitespace(hypothesis), options.maxOrder), documentFrequency, logSampleCount,
            options.maxOrder);
        std::vector<double> summed(options.maxOrder, 0.0);
        const std::vector<detail::NGramCounts>& references = referenceCounts.at(id);
        for (const detail::NGramCounts& reference : references) {
            const std::vector<double> values = similarity(
                hypothesisVector, toWeightedVector(reference, documentFrequency, logSampleCount, options.maxOrder),
                options.sigma);
            for (int order = 0; order < options.maxOrder; ++order)
                summed[order] += values[order];
        }
        double score = detail::numpyMean(summed);
        score /= static_cast<double>(references.size());
        score *= 10.0;
        result.perSample.push_back(score);
    }
    result.corpus = detail::numpyMean(result.perSample);
    return result;
}

} // namespace raddraft::evaluation
