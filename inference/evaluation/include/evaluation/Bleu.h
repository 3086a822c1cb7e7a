#pragma once
// BLEU-1..4 exactly as pycocoevalcap's BleuScorer computes it (score_option 'closest'), which is
// what R2Gen and its successors report.

#include "evaluation/TextCorpus.h"

#include <array>

namespace raddraft::evaluation {

/// BLEU-k for k = 1..4 (index k−1): corpus values from summed counts, and per-sample values from
/// each sample's own counts.
/// Rules (shared/reference/nlg_vectors_notes.md): whitespace tokens; n-gram counts clipped by the
/// maximum count in any single reference; effective reference length = the closest reference
/// length, a tie picking the shorter; BLEU_k = (Π_{i≤k} (correct_i + 1e-15)/(guess_i + 1e-9))^(1/k);
/// brevity penalty exp(1 − 1/ratio) when ratio = (testlen + 1e-15)/(reflen + 1e-9) < 1.
struct BleuScores {
    std::array<MetricScore, 4> orders;
};

/// Throws std::invalid_argument on an invalid corpus (validateCorpus).
BleuScores computeBleu(const TextCorpus& corpus);

} // namespace raddraft::evaluation
