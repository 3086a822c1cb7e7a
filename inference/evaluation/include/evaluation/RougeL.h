#pragma once
// ROUGE-L as pycocoevalcap's Rouge scorer computes it (the ROUGE_L of R2Gen's papers).

#include "evaluation/TextCorpus.h"

namespace raddraft::evaluation {

/// Per sample: tokens are text.split(" ") (single spaces, empty tokens kept); for each reference
/// the LCS length gives P_r = lcs/|hyp| and R_r = lcs/|ref|; P = max P_r and R = max R_r taken
/// independently; F = (1 + β²)·P·R/(R + β²·P) with β = 1.2, or 0 when P or R is 0.
/// Corpus value: the mean of the per-sample F (NumPy summation order).
/// Throws std::invalid_argument on an invalid corpus (validateCorpus).
MetricScore computeRougeL(const TextCorpus& corpus);

/// Length of the longest common subsequence of two token sequences.
std::size_t longestCommonSubsequence(const std::vector<std::string>& first, const std::vector<std::string>& second);

} // namespace raddraft::evaluation
