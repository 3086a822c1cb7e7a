#include "evaluation/TextCorpus.h"

#include <cctype>
#include <stdexcept>

namespace raddraft::evaluation {

void validateCorpus(const TextCorpus& corpus)
{
    if (corpus.hypotheses.size() != corpus.references.size())
        throw std::invalid_argument("hypotheses and references hold different numbers of ids");
    auto reference = corpus.references.begin();
    for (const auto& [id, hypothesis] : corpus.hypotheses) {
        (void)hypothesis;
        if (reference->first != id)
            throw std::invalid_argument("id '" + id + "' has no reference (or a reference has no hypothesis)");
        if (reference->second.empty())
            throw std::invalid_argument("id '" + id + "' has an empty reference list");
        ++reference;
    }
}

std::vector<std::string> splitOnWhitespace(const std::string& text)
{
    std::vector<std::string> tokens;
    std::string current;
    for (const char character : text) {
        if (std::isspace(static_cast<unsigned char>(character))) {
            if (!current.empty())
                tokens.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(character);
        }
    }
    if (!current.empty())
        tokens.push_back(std::move(current));
    return tokens;
}

std::vector<std::string> splitOnSingleSpaces(const std::string& text)
{
    std::vector<std::string> tokens;
    std::size_t start = 0;
    while (true) {
        const std::size_t space = text.find(' ', start);
        if (space == std::string::npos) {
            tokens.push_back(text.substr(start));
            return tokens;
        }
        tokens.push_back(text.substr(start, space - start));
        start = space + 1;
    }
}

} // namespace raddraft::evaluation
