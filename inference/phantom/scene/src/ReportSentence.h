#pragma once
// A report sentence template and what it says: the template's text with {placeholders} and the
// observations it mentions with their status, as the labeler would classify them. The labels of
// a report are the labeler's own aggregation (labeler/Aggregation.h) of these mentions; that the
// labeler reads the same values back from the text is PhantomReportTest's key test.

#include "labeler/Aggregation.h"
#include "labeler/Observation.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::phantom::detail {

/// One mention a template makes: an observation, or (observation nullopt) a No Finding blocker
/// such as "hyperinflated" or "postoperative" (labeler/MentionPhrases.h).
using Mention = labeler::ClassifiedMention;

inline Mention positive(labeler::Observation observation) { return {observation, labeler::MentionStatus::Positive}; }
inline Mention negative(labeler::Observation observation) { return {observation, labeler::MentionStatus::Negative}; }
inline Mention uncertain(labeler::Observation observation) { return {observation, labeler::MentionStatus::Uncertain}; }
inline Mention positiveBlocker() { return {std::nullopt, labeler::MentionStatus::Positive}; }
inline Mention negativeBlocker() { return {std::nullopt, labeler::MentionStatus::Negative}; }

/// When a template fits (bit set): the finding's severity word and laterality.
enum PhrasingFit : unsigned {
    kFitsMild = 1U << 0U,      ///< small / mild (and kinds without severity)
    kFitsModerate = 1U << 1U,
    kFitsSevere = 1U << 2U,    ///< large / marked / severe
    kFitsUnilateral = 1U << 3U,
    kFitsBilateral = 1U << 4U,
    kFitsAnySeverity = kFitsMild | kFitsModerate | kFitsSevere,
    kFitsAny = kFitsAnySeverity | kFitsUnilateral | kFitsBilateral,
};

struct Phrasing {
    const char* text;            ///< one or more sentences, each ending with "."
    std::vector<Mention> says;   ///< every observation and blocker mention in `text`
    unsigned fits = kFitsAny;
};

/// A filled-in sentence of a report.
struct WrittenSentence {
    std::string text;
    std::vector<Mention> says;
};

/// Replaces every {name} in `text` by words.at(name) and capitalises the first letter.
/// Throws std::logic_error naming the placeholder when `words` lacks it (a table bug).
std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& words);

} // namespace raddraft::phantom::detail
