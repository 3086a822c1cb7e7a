#include "FindingSentences.h"

namespace raddraft::inference {
namespace {

std::vector<FindingSentence> sentencesOf(const std::vector<std::string>& tokens) {
    std::vector<FindingSentence> sentences;
    for (const TokenSpan& span : splitSentences(tokens)) {
        FindingSentence sentence;
        for (int i = span.begin; i < span.end; ++i) {
            const std::string& token = tokens[std::size_t(i)];
            if (token != ".") sentence.words.push_back(token);
        }
        if (sentence.words.empty()) continue;
        sentence.text = detokenizeSentence(tokens, span);
        if (sentence.text.empty()) continue; // only <unk>: nothing readable to offer
        sentences.push_back(std::move(sentence));
    }
    return sentences;
}

} // namespace

std::vector<FindingSentence> reportSentences(const std::string& report, CleaningStyle style) {
    return sentencesOf(splitTokens(cleanReport(report, style)));
}

std::vector<FindingSentence> tokenSentences(const std::vector<std::int64_t>& ids, const Vocabulary& vocabulary) {
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (std::int64_t id : ids) tokens.push_back(vocabulary.tokenOf(id));
    return sentencesOf(tokens);
}

std::string sentenceKey(const std::vector<std::string>& words, const Vocabulary& vocabulary) {
    std::string key;
    for (const std::string& word : words) {
        if (!key.empty()) key.push_back(' ');
        key += vocabulary.tokenOf(vocabulary.idOf(word));
    }
    return key;
}

std::vector<std::int64_t> sentenceTokenIds(const std::vector<std::string>& words, const Vocabulary& vocabulary) {
    std::vector<std::int64_t> ids;
    ids.reserve(words.size());
    for (const std::string& word : words) ids.push_back(vocabulary.idOf(word));
    return ids;
}

} // namespace raddraft::inference
