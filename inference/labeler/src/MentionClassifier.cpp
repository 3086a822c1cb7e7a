#include "labeler/MentionClassifier.h"

#include "labeler/MentionPhrases.h"

#include <algorithm>

namespace raddraft::labeler {

namespace {

struct CompiledRules {
    std::vector<Phrase> stops = makePhrases(scopeStopPhrases());
    std::vector<Phrase> afterUncertaintyStops = makePhrases(afterUncertaintyStopPhrases());
    std::vector<Phrase> preNegationUncertainty = makePhrases(preNegationUncertaintyPhrases());
    std::vector<Phrase> negationBefore = makePhrases(negationBeforePhrases());
    std::vector<Phrase> negationAfter = makePhrases(negationAfterPhrases());
    std::vector<Phrase> pseudoNegation = makePhrases(pseudoNegationPhrases());
    std::vector<Phrase> uncertaintyBefore = makePhrases(uncertaintyBeforePhrases());
    std::vector<Phrase> uncertaintyAfter = makePhrases(uncertaintyAfterPhrases());
};

const CompiledRules& rules()
{
    static const CompiledRules compiled;
    return compiled;
}

bool startsAnyPhrase(const std::vector<Phrase>& phrases, const Sentence& sentence, std::size_t position)
{
    for (const Phrase& phrase : phrases)
        if (phrase.matchesAt(sentence, position, sentence.size()))
            return true;
    return false;
}

/// The first token of the scope before `position`: at most `words` back, after the nearest stop.
std::size_t scopeBegin(const Sentence& sentence, std::size_t position, std::size_t words, const std::vector<Phrase>& stops)
{
    const std::size_t earliest = position > words ? position - words : 0;
    for (std::size_t i = position; i > earliest; --i)
        if (startsAnyPhrase(stops, sentence, i - 1))
            return i;
    return earliest;
}

/// One past the last token of the scope from `position`: at most `words` on, before the nearest stop.
std::size_t scopeEnd(const Sentence& sentence, std::size_t position, std::size_t words, const std::vector<Phrase>& stops)
{
    const std::size_t latest = std::min(sentence.size(), position + words);
    for (std::size_t i = position; i < latest; ++i)
        if (startsAnyPhrase(stops, sentence, i))
            return i;
    return latest;
}

/// A negation phrase inside [from, to) that does not begin a pseudo-negation.
bool hasNegation(const std::vector<Phrase>& negations, const Sentence& sentence, std::size_t from, std::size_t to)
{
    for (const TokenSpan& span : findPhrases(negations, sentence, from, to))
        if (!startsAnyPhrase(rules().pseudoNegation, sentence, span.begin))
            return true;
    return false;
}

} // namespace

MentionStatus classifyMention(const Sentence& sentence, TokenSpan mention, const ScopeLimits& limits)
{
    const CompiledRules& compiled = rules();
    const std::size_t before = scopeBegin(sentence, mention.begin, limits.wordsBefore, compiled.stops);
    const std::size_t after = scopeEnd(sentence, mention.end, limits.wordsAfter, compiled.stops);

    if (anyPhraseWithin(compiled.preNegationUncertainty, sentence, before, after))
        return MentionStatus::Uncertain;
    if (hasNegation(compiled.negationBefore, sentence, before, mention.end)
        || hasNegation(compiled.negationAfter, sentence, mention.end, after))
        return MentionStatus::Negative;
    const std::size_t uncertainAfter =
        std::min(after, scopeEnd(sentence, mention.end, limits.wordsAfter, compiled.afterUncertaintyStops));
    if (anyPhraseWithin(compiled.uncertaintyBefore, sentence, before, mention.end)
        || anyPhraseWithin(compiled.uncertaintyAfter, sentence, mention.end, uncertainAfter))
        return MentionStatus::Uncertain;
    return MentionStatus::Positive;
}

} // namespace raddraft::labeler
