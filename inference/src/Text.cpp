#include "inference/Text.h"

#include "inference/InferenceError.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace raddraft::inference {
namespace {

// Python's str.replace: every non-overlapping occurrence, left to right, in one pass.
std::string replaceAll(const std::string& text, const std::string& from, const std::string& to) {
    std::string out;
    out.reserve(text.size());
    std::size_t position = 0;
    while (true) {
        const std::size_t found = text.find(from, position);
        if (found == std::string::npos) break;
        out.append(text, position, found - position);
        out.append(to);
        position = found + from.size();
    }
    out.append(text, position, std::string::npos);
    return out;
}

std::string replaceRepeated(std::string text, const std::string& from, const std::string& to, int passes) {
    for (int i = 0; i < passes; ++i) text = replaceAll(text, from, to);
    return text;
}

bool isPythonWhitespace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           (c >= 0x1c && c <= 0x1f);
}

std::string strip(const std::string& text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isPythonWhitespace(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && isPythonWhitespace(static_cast<unsigned char>(text[end - 1]))) --end;
    return text.substr(begin, end - begin);
}

std::string lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    }
    return text;
}

// Python's str.split(separator) with an explicit separator (empty pieces kept).
std::vector<std::string> splitOn(const std::string& text, const std::string& separator) {
    std::vector<std::string> pieces;
    std::size_t position = 0;
    while (true) {
        const std::size_t found = text.find(separator, position);
        if (found == std::string::npos) break;
        pieces.push_back(text.substr(position, found - position));
        position = found + separator.size();
    }
    pieces.push_back(text.substr(position));
    return pieces;
}

// The character class [.,?;*!%^&_+():-\[\]{}] of R2Gen's sent_cleaner; ":-\[" is the range
// ':'..'[' (which includes < = > ? @ and A-Z).
bool isRemovedBySentenceRegex(char c) {
    if (c >= ':' && c <= '[') return true;
    switch (c) {
    case '.': case ',': case '?': case ';': case '*': case '!': case '%': case '^': case '&':
    case '_': case '+': case '(': case ')': case ']': case '{': case '}':
        return true;
    default:
        return false;
    }
}

std::string cleanSentence(const std::string& sentence) {
    std::string text = sentence;
    text = replaceAll(text, "\"", "");
    text = replaceAll(text, "/", "");
    text = replaceAll(text, "\\", "");
    text = replaceAll(text, "'", "");
    text = lower(strip(text));
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (!isRemovedBySentenceRegex(c)) out.push_back(c);
    }
    return out;
}

std::string removeEnumeration(std::string text) {
    text = replaceAll(text, "1. ", "");
    for (const char* number : {"2", "3", "4", "5"}) {
        text = replaceAll(text, std::string(". ") + number + ". ", ". ");
    }
    for (const char* number : {"2", "3", "4", "5"}) {
        text = replaceAll(text, std::string(" ") + number + ". ", ". ");
    }
    return text;
}

} // namespace

CleaningStyle cleaningStyleFromName(const std::string& name) {
    if (name == "iu_xray") return CleaningStyle::IuXray;
    if (name == "mimic_cxr") return CleaningStyle::MimicCxr;
    throw InferenceError(ErrorCode::InvalidArgument,
                         "unknown cleaning style '" + name + "' (expected iu_xray or mimic_cxr)");
}

std::string cleaningStyleName(CleaningStyle style) {
    return style == CleaningStyle::IuXray ? "iu_xray" : "mimic_cxr";
}

std::string cleanReport(const std::string& report, CleaningStyle style) {
    std::string text = report;
    if (style == CleaningStyle::IuXray) {
        text = replaceRepeated(text, "..", ".", 3);
    } else {
        text = replaceAll(text, "\n", " ");
        text = replaceRepeated(text, "__", "_", 7);
        text = replaceRepeated(text, "  ", " ", 6);
        text = replaceRepeated(text, "..", ".", 8);
    }
    text = lower(strip(removeEnumeration(text)));
    std::string joined;
    bool first = true;
    for (const std::string& sentence : splitOn(text, ". ")) {
        if (!first) joined += " . ";
        joined += cleanSentence(sentence);
        first = false;
    }
    return joined + " .";
}

std::vector<std::string> splitTokens(const std::string& cleanedReport) {
    std::vector<std::string> tokens;
    std::string current;
    for (char c : cleanedReport) {
        if (isPythonWhitespace(static_cast<unsigned char>(c))) {
            if (!current.empty()) tokens.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

Vocabulary::Vocabulary(std::vector<std::string> tokens) : m_tokens(std::move(tokens)) {
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        if (i > 0 && !(m_tokens[i - 1] < m_tokens[i])) {
            throw InferenceError(ErrorCode::InvalidArgument,
                                 "vocabulary is not sorted and unique at token '" + m_tokens[i] + "'");
        }
        m_ids.emplace(m_tokens[i], std::int64_t(i) + 1);
    }
    if (m_ids.count(kUnknownToken) == 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "vocabulary lacks the <unk> token");
    }
}

Vocabulary Vocabulary::build(const std::vector<std::string>& cleanedTrainReports, int threshold) {
    std::unordered_map<std::string, int> counts;
    for (const std::string& report : cleanedTrainReports) {
        for (const std::string& token : splitTokens(report)) ++counts[token];
    }
    std::vector<std::string> kept;
    for (const auto& [token, count] : counts) {
        if (count >= threshold && token != kUnknownToken) kept.push_back(token);
    }
    kept.emplace_back(kUnknownToken);
    std::sort(kept.begin(), kept.end()); // byte order of UTF-8 == code-point order
    return Vocabulary(std::move(kept));
}

std::int64_t Vocabulary::idOf(const std::string& token) const {
    const auto found = m_ids.find(token);
    return found != m_ids.end() ? found->second : m_ids.at(kUnknownToken);
}

const std::string& Vocabulary::tokenOf(std::int64_t id) const {
    if (id < 1 || id > size()) {
        throw InferenceError(ErrorCode::InvalidArgument, "token id " + std::to_string(id) +
                                                             " outside the vocabulary [1, " +
                                                             std::to_string(size()) + "]");
    }
    return m_tokens[std::size_t(id - 1)];
}

std::vector<std::int64_t> Vocabulary::encode(const std::string& cleanedReport, int maxLength) const {
    std::vector<std::int64_t> ids{kEndId};
    for (const std::string& token : splitTokens(cleanedReport)) ids.push_back(idOf(token));
    ids.push_back(kEndId);
    if (maxLength > 0 && ids.size() > std::size_t(maxLength)) ids.resize(std::size_t(maxLength));
    return ids;
}

std::string Vocabulary::decode(const std::vector<std::int64_t>& ids) const {
    std::string text;
    for (std::int64_t id : ids) {
        if (id <= 0) break;
        if (!text.empty()) text.push_back(' ');
        text += tokenOf(id);
    }
    return text;
}

std::vector<TokenSpan> splitSentences(const std::vector<std::string>& tokens) {
    std::vector<TokenSpan> spans;
    int begin = 0;
    for (int i = 0; i < int(tokens.size()); ++i) {
        if (tokens[std::size_t(i)] == ".") {
            if (i > begin) spans.push_back({begin, i + 1});
            begin = i + 1;
        }
    }
    if (begin < int(tokens.size())) spans.push_back({begin, int(tokens.size())});
    return spans;
}

std::string detokenizeSentence(const std::vector<std::string>& tokens, TokenSpan span) {
    std::string text;
    for (int i = std::max(0, span.begin); i < std::min(span.end, int(tokens.size())); ++i) {
        const std::string& token = tokens[std::size_t(i)];
        if (token == "." || token == Vocabulary::kUnknownToken || token.empty()) continue;
        if (!text.empty()) text.push_back(' ');
        text += token;
    }
    if (text.empty()) return text;
    if (text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    text.push_back('.');
    return text;
}

std::string detokenize(const std::vector<std::string>& tokens) {
    std::string text;
    for (const TokenSpan& span : splitSentences(tokens)) {
        const std::string sentence = detokenizeSentence(tokens, span);
        if (sentence.empty()) continue;
        if (!text.empty()) text.push_back(' ');
        text += sentence;
    }
    return text;
}

} // namespace raddraft::inference
