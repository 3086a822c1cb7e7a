#pragma once
// Report text as the R2Gen family processes it: cleaning (IU X-ray and MIMIC-CXR, quirks
// included, see shared/reference/r2gen_cleaning.md), the vocabulary, encoding/decoding, sentence
// splitting, and the detokeniser that turns model tokens into readable sentences for the draft
// pane. Standard C++ only.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace raddraft::inference {

enum class CleaningStyle {
    IuXray,   ///< R2Gen's clean_report_iu_xray
    MimicCxr, ///< R2Gen's clean_report_mimic_cxr
};

/// "iu_xray" / "mimic_cxr" (the names used in manifests). Throws InferenceError(InvalidArgument).
CleaningStyle cleaningStyleFromName(const std::string& name);
std::string cleaningStyleName(CleaningStyle style);

/// Cleans one report exactly as R2Gen does: the result is the space-separated token stream,
/// sentences joined by " . " and terminated by " ." (empty sentences kept, so double spaces occur).
std::string cleanReport(const std::string& report, CleaningStyle style);

/// Whitespace-split tokens of a cleaned report (Python's str.split()).
std::vector<std::string> splitTokens(const std::string& cleanedReport);

/// Id 0 is BOS = EOS = PAD; token ids start at 1 in code-point order of the token strings.
class Vocabulary {
public:
    static constexpr std::int64_t kEndId = 0;
    static constexpr const char* kUnknownToken = "<unk>";

    Vocabulary() = default;
    /// From the token list in id order (id = index + 1). Must be sorted, unique and contain
    /// "<unk>"; throws InferenceError(InvalidArgument) otherwise.
    explicit Vocabulary(std::vector<std::string> tokens);

    /// Counts tokens over already-cleaned training reports, keeps those with count >= threshold
    /// (3 for IU X-ray, 10 for MIMIC-CXR), appends "<unk>" and sorts by code point.
    static Vocabulary build(const std::vector<std::string>& cleanedTrainReports, int threshold);

    /// Number of tokens (without id 0); the model's logit count is size() + 1.
    std::int64_t size() const { return std::int64_t(m_tokens.size()); }
    const std::vector<std::string>& tokens() const { return m_tokens; }
    std::int64_t idOf(const std::string& token) const;        ///< unknown → id of "<unk>"
    const std::string& tokenOf(std::int64_t id) const;         ///< id in [1, size()]

    /// [0] + ids + [0]; out-of-vocabulary tokens become <unk>. maxLength > 0 truncates the
    /// whole sequence (BOS included) to maxLength as R2Gen's training does (EOS may be lost).
    std::vector<std::int64_t> encode(const std::string& cleanedReport, int maxLength = 0) const;
    /// R2Gen's decode: tokens up to (not including) the first 0, joined by single spaces.
    /// A leading BOS (0) must be stripped by the caller.
    std::string decode(const std::vector<std::int64_t>& ids) const;

private:
    std::vector<std::string> m_tokens;
    std::map<std::string, std::int64_t> m_ids;
};

/// A sentence as a half-open range of token indices; the terminating "." token is included.
struct TokenSpan {
    int begin = 0;
    int end = 0;
};

/// Splits a token sequence at "." tokens. A trailing run without "." forms a last sentence.
/// Empty sentences (a lone ".") are dropped.
std::vector<TokenSpan> splitSentences(const std::vector<std::string>& tokens);

/// Readable sentence from model tokens: drops "<unk>" and ".", capitalises the first letter,
/// ends with a period, keeps hyphenated and numeric tokens. Empty string when nothing remains.
std::string detokenizeSentence(const std::vector<std::string>& tokens, TokenSpan span);

/// Whole readable report: detokenised sentences joined by single spaces.
std::string detokenize(const std::vector<std::string>& tokens);

} // namespace raddraft::inference
