#pragma once
// Greedy and beam-search decoding over any incremental decoder (the Transformer baseline, and
// later PPKED's MKD, CKNet's decoder, ...). Batched: B inputs × K beams are decoded together.
//
// Semantics (tested against exhaustive search on a toy vocabulary):
// - Every hypothesis starts from BOS (id 0) and emits at most maxLength tokens; EOS (id 0) ends
//   it and counts as one of the maxLength tokens. A hypothesis that reaches maxLength without
//   EOS is complete as well.
// - score = sum of the natural-log probabilities of the emitted tokens (EOS included).
// - A finished hypothesis stays in the beam with its score frozen (padded with EOS).
// - Final choice: the beam with the largest score / lp(length), lp = ((5 + length) / 6)^α
//   (GNMT); α = 0 (default) means no length penalty, as R2Gen.
// - Trigram blocking (optional): a token that would repeat a trigram already in the
//   hypothesis gets probability 0.
// - minLength suppresses EOS for the first minLength steps (the benchmark forces full length).
// Greedy decoding is beam search with beamWidth 1.

#include <torch/types.h>

#include <atomic>
#include <functional>
#include <vector>

namespace raddraft::inference {

class IncrementalDecoder {
public:
    virtual ~IncrementalDecoder() = default;
    virtual std::int64_t batchSize() const = 0;       ///< B
    virtual std::int64_t vocabularySize() const = 0;  ///< V, id 0 included
    virtual torch::Device device() const = 0;
    /// Prepares B·K rows; row b·K + k belongs to input b. capacity = maximum steps.
    virtual void start(std::int64_t beamWidth, std::int64_t capacity) = 0;
    /// lastTokens (B·K) int64 → logits or log-probabilities (B·K, V) (normalised by the search).
    /// crossAttention (optional out): (B·K, layers, P) for the token fed at this step's output.
    virtual torch::Tensor step(const torch::Tensor& lastTokens, torch::Tensor* crossAttention) = 0;
    /// Keeps rows `rows` (B·K int64 indices into the current rows) in that order.
    virtual void reorder(const torch::Tensor& rows) = 0;
};

struct DecodeOptions {
    int beamWidth = 3;            ///< 1 = greedy
    int maxLength = 60;           ///< 60 for IU X-ray, 100 for MIMIC-CXR
    int minLength = 0;            ///< EOS forbidden before this many tokens
    double lengthPenalty = 0.0;   ///< GNMT α, 0 = none
    bool blockRepeatedTrigrams = false;
    bool collectCrossAttention = true; ///< keep the best beam's attention maps
    /// Polled before every step; when it returns true decoding throws CancelledError.
    std::function<bool()> isCancelled;
    /// Called after every step with (step + 1) / maxLength.
    std::function<void(double)> progress;
};

struct DecodedSequence {
    std::vector<std::int64_t> tokens;     ///< EOS excluded
    std::vector<float> logProbabilities;  ///< per emitted token (EOS excluded)
    double score = 0.0;                   ///< sum of log-probabilities, EOS included
    bool endedWithEos = false;
    /// (tokens.size(), layers, P) float32 on the CPU, averaged over heads; undefined when not
    /// collected or when the decoder provides none.
    torch::Tensor crossAttention;
};

/// One sequence per input. Throws CancelledError, or InferenceError(InvalidArgument).
std::vector<DecodedSequence> beamSearch(IncrementalDecoder& decoder, const DecodeOptions& options);

} // namespace raddraft::inference
