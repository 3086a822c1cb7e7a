#pragma once
// CIDEr-D as the coco-caption "Cider" scorer vendored in R2Gen computes it (the CIDEr of PPKED
// and CKNet): clipping, Gaussian length penalty, × 10.

#include "evaluation/TextCorpus.h"

namespace raddraft::evaluation {

/// Parameters (defaults = pycocoevalcap's Cider()).
struct CiderDOptions {
    int maxOrder = 4;    ///< n-grams of order 1..maxOrder
    double sigma = 6.0;  ///< standard deviation of the length penalty, in tokens
};

/// Per sample: 10 · mean over n of (Σ_refs sim_n(hyp, ref)) / #refs, where sim_n is the clipped
/// cosine of TF-IDF vectors (idf = log N − log max(1, df), df counted over the references of this
/// corpus, one per sample) times exp(−δ²/(2σ²)), δ the difference of the bigram counts.
/// Corpus value: mean of the per-sample values. A corpus of one sample always scores 0.
/// Throws std::invalid_argument on an invalid corpus (validateCorpus).
MetricScore computeCiderD(const TextCorpus& corpus, const CiderDOptions& options = {});

} // namespace raddraft::evaluation
