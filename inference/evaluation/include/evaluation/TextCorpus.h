#pragma once
// The input of every text metric: one hypothesis and one or more references per sample id, as
// pycocoevalcap receives them (R2Gen's cleaned strings, not tokenised any further).

#include <map>
#include <string>
#include <vector>

namespace raddraft::evaluation {

/// Samples keyed by id. Per-sample results are ordered by id (std::map order), so zero-padded or
/// otherwise sortable ids keep insertion order.
struct TextCorpus {
    std::map<std::string, std::string> hypotheses;              ///< id → the one generated report
    std::map<std::string, std::vector<std::string>> references; ///< id → one or more references
};

/// Throws std::invalid_argument unless both maps hold the same ids and every id has at least one
/// reference (pycocoevalcap asserts the same).
void validateCorpus(const TextCorpus& corpus);

/// Python's str.split(): runs of whitespace separate, no empty tokens.
std::vector<std::string> splitOnWhitespace(const std::string& text);

/// Python's str.split(" "): every single space separates, so empty tokens occur; "" gives {""}.
std::vector<std::string> splitOnSingleSpaces(const std::string& text);

/// A corpus score and one value per sample, in id order.
struct MetricScore {
    double corpus = 0.0;
    std::vector<double> perSample;
};

} // namespace raddraft::evaluation
