#include "evaluation/Meteor.h"

#include "evaluation/PorterStemmer.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace raddraft::evaluation {

bool isFunctionWord(const std::string& token)
{
    static const std::set<std::string> words = {
        ".", ",", "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
        "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "nor", "of", "off",
        "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    };
    return words.count(token) != 0;
}

namespace {

struct Token {
    std::string text;
    std::string stem;
    bool function = false;
    int matchedWith = -1; ///< index in the other text, −1 when unmatched
    double weight = 0.0;  ///< weight of the module that matched it
};

std::vector<Token> tokensOf(const std::string& text)
{
    std::vector<Token> tokens;
    for (std::string& word : splitOnWhitespace(text)) {
        Token token;
        token.stem = porterStem(word);
        token.function = isFunctionWord(word);
        token.text = std::move(word);
        tokens.push_back(std::move(token));
    }
    return tokens;
}

template <typename KeyOf>
void matchStage(std::vector<Token>& hypothesis, std::vector<Token>& reference, double weight, KeyOf keyOf)
{
    for (std::size_t h = 0; h < hypothesis.size(); ++h) {
        if (hypothesis[h].matchedWith >= 0)
            continue;
        int chosen = -1;
        // Prefer continuing the chunk of the previous hypothesis token.
        if (h > 0 && hypothesis[h - 1].matchedWith >= 0) {
            const std::size_t next = static_cast<std::size_t>(hypothesis[h - 1].matchedWith) + 1;
            if (next < reference.size() && reference[next].matchedWith < 0 &&
                keyOf(reference[next]) == keyOf(hypothesis[h]))
                chosen = static_cast<int>(next);
        }
        for (std::size_t r = 0; chosen < 0 && r < reference.size(); ++r)
            if (reference[r].matchedWith < 0 && keyOf(reference[r]) == keyOf(hypothesis[h]))
                chosen = static_cast<int>(r);
        if (chosen < 0)
            continue;
        hypothesis[h].matchedWith = chosen;
        hypothesis[h].weight = weight;
        reference[chosen].matchedWith = static_cast<int>(h);
        reference[chosen].weight = weight;
    }
}

} // namespace

MeteorStatistics alignForMeteor(const std::string& hypothesis, const std::string& reference,
                                const MeteorOptions& options)
{
    std::vector<Token> hypothesisTokens = tokensOf(hypothesis);
    std::vector<Token> referenceTokens = tokensOf(reference);
    matchStage(hypothesisTokens, referenceTokens, options.exactWeight, [](const Token& t) { return t.text; });
    matchStage(hypothesisTokens, referenceTokens, options.stemWeight, [](const Token& t) { return t.stem; });

    MeteorStatistics statistics;
    int previousReference = -2;
    for (const Token& token : hypothesisTokens) {
        (token.function ? statistics.hypothesisFunction : statistics.hypothesisContent) += 1;
        if (token.matchedWith < 0) {
            previousReference = -2;
            continue;
        }
        (token.function ? statistics.weightedHypothesisFunction : statistics.weightedHypothesisContent) +=
            token.weight;
        statistics.hypothesisMatches += 1;
        if (token.matchedWith != previousReference + 1)
            statistics.chunks += 1;
        previousReference = token.matchedWith;
    }
    for (const Token& token : referenceTokens) {
        (token.function ? statistics.referenceFunction : statistics.referenceContent) += 1;
        if (token.matchedWith < 0)
            continue;
        (token.function ? statistics.weightedReferenceFunction : statistics.weightedReferenceContent) +=
            token.weight;
        statistics.referenceMatches += 1;
    }
    return statistics;
}

double meteorScore(const MeteorStatistics& s, const MeteorOptions& options)
{
    const double delta = options.delta;
    const double precisionDenominator = delta * s.hypothesisContent + (1 - delta) * s.hypothesisFunction;
    const double recallDenominator = delta * s.referenceContent + (1 - delta) * s.referenceFunction;
    if (precisionDenominator <= 0 || recallDenominator <= 0)
        return 0.0;
    const double precision =
        (delta * s.weightedHypothesisContent + (1 - delta) * s.weightedHypothesisFunction) / precisionDenominator;
    const double recall =
        (delta * s.weightedReferenceContent + (1 - delta) * s.weightedReferenceFunction) / recallDenominator;
    if (precision <= 0 || recall <= 0)
        return 0.0;
    const double fMean = precision * recall / (options.alpha * precision + (1 - options.alpha) * recall);
    const double hypothesisLength = s.hypothesisContent + s.hypothesisFunction;
    const double referenceLength = s.referenceContent + s.referenceFunction;
    double fragmentation = s.chunks / ((s.hypothesisMatches + s.referenceMatches) / 2);
    if (s.chunks == 1 && s.hypothesisMatches == hypothesisLength && s.referenceMatches == referenceLength)
        fragmentation = 0.0; // a single chunk covering both texts: no penalty
    const double penalty = options.gamma * std::pow(fragmentation, options.beta);
    return fMean * (1 - penalty);
}

MetricScore computeMeteor(const TextCorpus& corpus, const MeteorOptions& options)
{
    validateCorpus(corpus);
    MetricScore result;
    MeteorStatistics total;
    for (const auto& [id, hypothesis] : corpus.hypotheses) {
        double best = -1.0;
        MeteorStatistics bestStatistics;
        for (const std::string& reference : corpus.references.at(id)) {
            const MeteorStatistics statistics = alignForMeteor(hypothesis, reference, options);
            const double score = meteorScore(statistics, options);
            if (score > best) {
                best = score;
                bestStatistics = statistics;
            }
        }
        result.perSample.push_back(best);
        const MeteorStatistics& s = bestStatistics;
        total.hypothesisContent += s.hypothesisContent;
        total.hypothesisFunction += s.hypothesisFunction;
        total.referenceContent += s.referenceContent;
        total.referenceFunction += s.referenceFunction;
        total.weightedHypothesisContent += s.weightedHypothesisContent;
        total.weightedHypothesisFunction += s.weightedHypothesisFunction;
        total.weightedReferenceContent += s.weightedReferenceContent;
        total.weightedReferenceFunction += s.weightedReferenceFunction;
        total.hypothesisMatches += s.hypothesisMatches;
        total.referenceMatches += s.referenceMatches;
        total.chunks += s.chunks;
    }
    result.corpus = meteorScore(total, options);
    return result;
}

} // namespace raddraft::evaluation
