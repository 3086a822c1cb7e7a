#pragma once
// Negation and uncertainty detection for one mention, with scope: the rules of the CheXpert
// labeler's three stages (pre-negation uncertainty, negation, post-negation uncertainty) applied
// to the words around the mention inside its sentence.

#include "labeler/PhraseMatcher.h"
#include "labeler/ReportText.h"

#include <cstddef>

namespace raddraft::labeler {

enum class MentionStatus { Positive, Negative, Uncertain };

/// How far the rules look from a mention, in tokens. The scope also ends at the sentence's ends
/// and at scopeStopPhrases() (";", ":", "but", "however", "although", …), whichever is nearer.
struct ScopeLimits {
    std::size_t wordsBefore = 10; ///< "without evidence of focal airspace disease, pleural effusion, or pneumothorax"
    std::size_t wordsAfter = 6;  ///< "pneumothorax is not seen", "effusion is not excluded"
};

/// Classifies the mention at `mention` in `sentence`:
///  1. Uncertain if a pre-negation uncertainty phrase ("cannot exclude", "not excluded") lies in
///     the scope before or after it;
///  2. Negative if a negation phrase lies before it ("no", "without", "free of") or inside its
///     span (an organ mention extended to its qualifier: "heart is not enlarged"), or a negation
///     phrase for after it follows ("is absent", "not seen", "has resolved"); negation words that
///     begin a pseudo-negation ("no change in") are ignored;
///  3. Uncertain if an uncertainty phrase lies before it ("possible", "may represent",
///     "suspicious for") or one for after it follows ("versus", "is likely") — the scope after is
///     cut further at afterUncertaintyStopPhrases() ("and", "with");
///  4. Positive otherwise.
MentionStatus classifyMention(const Sentence& sentence, TokenSpan mention, const ScopeLimits& limits = {});

} // namespace raddraft::labeler
