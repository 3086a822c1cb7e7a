#pragma once
// The labeler's phrase lists, as data: mention phrases and cancelling ("unmention") contexts per
// observation, the phrases that only block No Finding, and the negation / uncertainty triggers.
// All phrases are lowercase and use PhraseMatcher.h's syntax ("opacit*" is a prefix).

#include "labeler/Observation.h"

#include <string>
#include <vector>

namespace raddraft::labeler {

struct ObservationPhrases {
    Observation observation = Observation::NoFinding;
    /// A match is a mention of the observation ("cardiomegaly", "pleural effusion").
    std::vector<std::string> mentions;
    /// Organ or measurement words ("heart size", "cardiac silhouette", "lung volumes") that are a
    /// mention only together with a qualifier near them: one of `abnormalQualifiers` makes an
    /// ordinary mention ("the heart is enlarged", then negation and uncertainty apply: "the heart
    /// is not enlarged" is negative), one of normalQualifierPhrases() a negative one ("normal heart
    /// size"); without a qualifier the words are no mention.
    std::vector<std::string> organMentions;
    std::vector<std::string> abnormalQualifiers;
    /// A mention overlapping a match of one of these is dropped ("pericardial effusion").
    std::vector<std::string> unmentions;
};

/// One entry per observation except No Finding, in Observation order.
const std::vector<ObservationPhrases>& observationPhrases();

/// Abnormal statements outside our label set ("tortuous aorta", "hyperinflation"); when positive
/// or uncertain they block No Finding, like CheXpert's No Finding mention list.
const std::vector<std::string>& noFindingBlockerPhrases();

/// Qualifiers that make an organ mention negative ("normal", "within normal limits").
const std::vector<std::string>& normalQualifierPhrases();

/// Uncertainty that outranks negation, anywhere in a mention's scope ("cannot exclude",
/// "is not excluded", "cannot be ruled out").
const std::vector<std::string>& preNegationUncertaintyPhrases();

/// Negation before the mention ("no", "without", "negative for", "free of", "clear of",
/// "no evidence of", "resolved") and after it ("is absent", "not seen", "has resolved").
const std::vector<std::string>& negationBeforePhrases();
const std::vector<std::string>& negationAfterPhrases();

/// Phrases that start with a negation word but negate nothing ("no change in …", "not
/// significantly changed"): a negation trigger that starts where one of these starts is ignored.
const std::vector<std::string>& pseudoNegationPhrases();

/// Uncertainty checked after negation, before the mention ("may represent", "possible",
/// "probable", "suspicious for", "concerning for", "likely", "question of", "could be") and
/// after it ("versus", "is possible", "is likely", "is suspected").
const std::vector<std::string>& uncertaintyBeforePhrases();
const std::vector<std::string>& uncertaintyAfterPhrases();

/// Words that end a rule's scope inside a sentence: ";", ":", "but", "however", "although",
/// "though", "whereas", "except", "which".
const std::vector<std::string>& scopeStopPhrases();

/// Words that additionally end the scope of rules that look *after* a mention for uncertainty
/// ("and", "with", "in", "of"): "cardiomegaly and possible effusion" leaves cardiomegaly certain.
const std::vector<std::string>& afterUncertaintyStopPhrases();

} // namespace raddraft::labeler
