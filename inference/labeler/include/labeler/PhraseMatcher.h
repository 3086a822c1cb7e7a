#pragma once
// Multi-word phrase matching on tokens: the only text matching the labeler does (no regex).

#include "labeler/ReportText.h"

#include <string>
#include <vector>

namespace raddraft::labeler {

/// A half-open range [begin, end) of token indices in a Sentence.
struct TokenSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const TokenSpan& other) const { return begin == other.begin && end == other.end; }
};

/// A phrase written as lowercase words separated by spaces. A word ending in "*" matches any
/// token starting with the rest ("opacit*" matches "opacity" and "opacities"); hyphens in the
/// written phrase split words as in the text ("air-space" = "air space").
class Phrase {
public:
    explicit Phrase(const std::string& text);

    const std::string& text() const { return text_; }
    std::size_t wordCount() const { return words_.size(); }

    /// Whether the phrase matches the tokens starting at `begin` (and ending before `limit`).
    bool matchesAt(const Sentence& sentence, std::size_t begin, std::size_t limit) const;

    /// Every match inside [from, to), left to right (overlapping matches included).
    std::vector<TokenSpan> findAll(const Sentence& sentence, std::size_t from, std::size_t to) const;

private:
    struct Word {
        std::string text;
        bool prefix = false;
    };
    std::string text_;
    std::vector<Word> words_;
};

/// Phrases built from a list of strings.
std::vector<Phrase> makePhrases(const std::vector<std::string>& texts);

/// Whether any of `phrases` matches entirely inside [from, to).
bool anyPhraseWithin(const std::vector<Phrase>& phrases, const Sentence& sentence, std::size_t from, std::size_t to);

/// Every match of any of `phrases` inside [from, to), ordered by begin, longest first.
std::vector<TokenSpan> findPhrases(const std::vector<Phrase>& phrases, const Sentence& sentence, std::size_t from,
                                   std::size_t to);

} // namespace raddraft::labeler
