#include "labeler/Labeler.h"

#include "labeler/MentionPhrases.h"

#include <algorithm>

namespace raddraft::labeler {

struct Labeler::CompiledObservation {
    Observation observation;
    std::vector<Phrase> mentions;
    std::vector<Phrase> organMentions;
    std::vector<Phrase> abnormalQualifiers;
    std::vector<Phrase> unmentions;
};

namespace {

bool overlaps(const TokenSpan& a, const TokenSpan& b)
{
    return a.begin < b.end && b.begin < a.end;
}

bool overlapsAny(const TokenSpan& span, const std::vector<TokenSpan>& others)
{
    return std::any_of(others.begin(), others.end(), [&](const TokenSpan& other) { return overlaps(span, other); });
}

/// Matches of `phrases` that overlap neither each other (the earlier, longer one wins), nor
/// `taken`, nor a cancelling context in `unmentions`.
std::vector<TokenSpan> findMentionSpans(const std::vector<Phrase>& phrases, const std::vector<Phrase>& unmentions,
                                        const Sentence& sentence, const std::vector<TokenSpan>& taken)
{
    const std::vector<TokenSpan> cancelled = findPhrases(unmentions, sentence, 0, sentence.size());
    std::vector<TokenSpan> kept;
    for (const TokenSpan& span : findPhrases(phrases, sentence, 0, sentence.size()))
        if (!overlapsAny(span, kept) && !overlapsAny(span, taken) && !overlapsAny(span, cancelled))
            kept.push_back(span);
    return kept;
}

struct Qualifier {
    TokenSpan span;
    bool abnormal = false;
};

/// The qualifier nearest to an organ mention inside the scope limits (abnormal wins ties).
std::optional<Qualifier> nearestQualifier(const Sentence& sentence, const TokenSpan& organ,
                                          const std::vector<Phrase>& abnormal, const std::vector<Phrase>& normal,
                                          const LabelerOptions& options)
{
    static const std::vector<Phrase> stops = [] {
        std::vector<Phrase> phrases = makePhrases(scopeStopPhrases());
        phrases.emplace_back("with");
        return phrases;
    }();
    std::size_t from = organ.begin > options.organQualifierWordsBefore ? organ.begin - options.organQualifierWordsBefore : 0;
    for (std::size_t i = organ.begin; i > from; --i)
        if (anyPhraseWithin(stops, sentence, i - 1, i)) {
            from = i;
            break;
        }
    std::size_t to = std::min(sentence.size(), organ.end + options.organQualifierWordsAfter);
    for (std::size_t i = organ.end; i < to; ++i)
        if (anyPhraseWithin(stops, sentence, i, i + 1)) {
            to = i;
            break;
        }
    std::optional<Qualifier> best;
    std::size_t bestDistance = 0;
    const auto consider = [&](const std::vector<Phrase>& phrases, bool isAbnormal) {
        for (const TokenSpan& span : findPhrases(phrases, sentence, from, to)) {
            if (overlaps(span, organ))
                continue;
            const std::size_t distance = span.begin >= organ.end ? span.begin - organ.end : organ.begin - span.end;
            if (!best || distance < bestDistance || (distance == bestDistance && isAbnormal && !best->abnormal)) {
                best = Qualifier{span, isAbnormal};
                bestDistance = distance;
            }
        }
    };
    consider(abnormal, true);
    consider(normal, false);
    return best;
}

} // namespace

Labeler::Labeler(LabelerOptions options)
    : options_(options), blockers_(makePhrases(noFindingBlockerPhrases())),
      normalQualifiers_(makePhrases(normalQualifierPhrases()))
{
    for (const ObservationPhrases& phrases : observationPhrases())
        observations_.push_back({phrases.observation, makePhrases(phrases.mentions), makePhrases(phrases.organMentions),
                                 makePhrases(phrases.abnormalQualifiers), makePhrases(phrases.unmentions)});
}

Labeler::~Labeler() = default;

std::vector<LabeledMention> Labeler::findMentions(const std::string& text) const
{
    std::vector<LabeledMention> mentions;
    const std::vector<Sentence> sentences = splitSentences(text);
    for (std::size_t index = 0; index < sentences.size(); ++index) {
        const Sentence& sentence = sentences[index];
        for (const CompiledObservation& compiled : observations_) {
            const std::vector<TokenSpan> direct = findMentionSpans(compiled.mentions, compiled.unmentions, sentence, {});
            for (const TokenSpan& span : direct)
                mentions.push_back({compiled.observation, index, span, classifyMention(sentence, span, options_.scope)});
            for (const TokenSpan& organ : findMentionSpans(compiled.organMentions, compiled.unmentions, sentence, direct)) {
                const std::optional<Qualifier> qualifier =
                    nearestQualifier(sentence, organ, compiled.abnormalQualifiers, normalQualifiers_, options_);
                if (!qualifier)
                    continue; // "the heart" alone says nothing
                const TokenSpan span{std::min(organ.begin, qualifier->span.begin), std::max(organ.end, qualifier->span.end)};
                const MentionStatus status =
                    qualifier->abnormal ? classifyMention(sentence, span, options_.scope) : MentionStatus::Negative;
                mentions.push_back({compiled.observation, index, span, status});
            }
        }
        for (const TokenSpan& span : findMentionSpans(blockers_, {}, sentence, {}))
            mentions.push_back({std::nullopt, index, span, classifyMention(sentence, span, options_.scope)});
    }
    std::stable_sort(mentions.begin(), mentions.end(), [](const LabeledMention& a, const LabeledMention& b) {
        return a.sentence != b.sentence ? a.sentence < b.sentence : a.span.begin < b.span.begin;
    });
    return mentions;
}

ReportLabels Labeler::label(const std::string& text) const
{
    std::vector<ClassifiedMention> classified;
    for (const LabeledMention& mention : findMentions(text))
        classified.push_back({mention.observation, mention.status});
    return aggregateMentions(classified, !splitSentences(text).empty());
}

} // namespace raddraft::labeler
