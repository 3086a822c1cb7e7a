#include "labeler/ReportText.h"

#include <cctype>

namespace raddraft::labeler {

namespace {

bool isWordCharacter(char character)
{
    return std::isalnum(static_cast<unsigned char>(character)) != 0;
}

bool isDigit(char character)
{
    return std::isdigit(static_cast<unsigned char>(character)) != 0;
}

} // namespace

std::vector<Sentence> splitSentences(const std::string& text)
{
    std::vector<Sentence> sentences;
    Sentence current;
    std::string word;
    const auto endWord = [&] {
        if (!word.empty())
            current.push_back(word);
        word.clear();
    };
    const auto endSentence = [&] {
        endWord();
        if (!current.empty())
            sentences.push_back(current);
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char character = text[i];
        const bool previousIsWord = i > 0 && isWordCharacter(text[i - 1]);
        const bool nextIsWord = i + 1 < text.size() && isWordCharacter(text[i + 1]);
        if (isWordCharacter(character)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
        } else if (character == '.' && i > 0 && isDigit(text[i - 1]) && i + 1 < text.size() && isDigit(text[i + 1])) {
            word += character; // decimal point
        } else if (character == '\'' && previousIsWord && nextIsWord) {
            word += character; // "can't", "patient's"
        } else if (character == '.' || character == '?' || character == '!' || character == '\n' || character == '\r') {
            endSentence();
        } else if (character == ';' || character == ':') {
            endWord();
            current.emplace_back(1, character);
        } else {
            endWord();
        }
    }
    endSentence();
    return sentences;
}

} // namespace raddraft::labeler
