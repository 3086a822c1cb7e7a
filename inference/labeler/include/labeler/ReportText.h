#pragma once
// Report text → sentences of lowercase word tokens, the unit every rule works on.

#include <string>
#include <vector>

namespace raddraft::labeler {

/// One sentence: lowercase tokens. Letters, digits and in-word apostrophes form words ("can't",
/// "3.5"); hyphens and slashes split words ("air-space" → "air", "space"); commas, brackets and
/// quotes are dropped. ";" and ":" are kept as tokens of their own because they end a rule's
/// scope (MentionClassifier.h).
using Sentence = std::vector<std::string>;

/// Splits at ".", "?", "!" (not a decimal point between digits) and at line breaks; empty
/// sentences are dropped. ASCII letters are lowercased; other bytes are treated as spaces.
std::vector<Sentence> splitSentences(const std::string& text);

} // namespace raddraft::labeler
