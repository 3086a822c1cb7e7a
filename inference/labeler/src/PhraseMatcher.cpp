#include "labeler/PhraseMatcher.h"

#include <algorithm>

namespace raddraft::labeler {

Phrase::Phrase(const std::string& text) : text_(text)
{
    // Tokenise the written phrase as report text is tokenised, keeping the "*" markers.
    std::string word;
    const auto endWord = [&] {
        if (word.empty())
            return;
        Word entry;
        entry.prefix = word.back() == '*';
        entry.text = entry.prefix ? word.substr(0, word.size() - 1) : word;
        words_.push_back(entry);
        word.clear();
    };
    for (const char character : text) {
        if (character == ' ' || character == '-' || character == '/')
            endWord();
        else
            word += character;
    }
    endWord();
}

bool Phrase::matchesAt(const Sentence& sentence, std::size_t begin, std::size_t limit) const
{
    if (words_.empty() || begin + words_.size() > std::min(limit, sentence.size()))
        return false;
    for (std::size_t i = 0; i < words_.size(); ++i) {
        const std::string& token = sentence[begin + i];
        const Word& word = words_[i];
        if (word.prefix ? token.compare(0, word.text.size(), word.text) != 0 : token != word.text)
            return false;
    }
    return true;
}

std::vector<TokenSpan> Phrase::findAll(const Sentence& sentence, std::size_t from, std::size_t to) const
{
    std::vector<TokenSpan> spans;
    for (std::size_t begin = from; begin < std::min(to, sentence.size()); ++begin)
        if (matchesAt(sentence, begin, to))
            spans.push_back({begin, begin + words_.size()});
    return spans;
}

std::vector<Phrase> makePhrases(const std::vector<std::string>& texts)
{
    return std::vector<Phrase>(texts.begin(), texts.end());
}

bool anyPhraseWithin(const std::vector<Phrase>& phrases, const Sentence& sentence, std::size_t from, std::size_t to)
{
    for (std::size_t begin = from; begin < std::min(to, sentence.size()); ++begin)
        for (const Phrase& phrase : phrases)
            if (phrase.matchesAt(sentence, begin, to))
                return true;
    return false;
}

std::vector<TokenSpan> findPhrases(const std::vector<Phrase>& phrases, const Sentence& sentence, std::size_t from,
                                   std::size_t to)
{
    std::vector<TokenSpan> spans;
    for (const Phrase& phrase : phrases)
        for (const TokenSpan& span : phrase.findAll(sentence, from, to))
            spans.push_back(span);
    std::sort(spans.begin(), spans.end(), [](const TokenSpan& a, const TokenSpan& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    return spans;
}

} // namespace raddraft::labeler
