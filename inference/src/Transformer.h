#pragma once
// The Transformer encoder–decoder of R2Gen's base model (without its relational memory):
// visual patch tokens → att_embed (Linear, ReLU, Dropout) → pre-norm encoder → pre-norm decoder
// with masked self-attention and cross-attention over the encoded patches → logit.
// Incremental decoding keeps a key/value cache (all layers in one preallocated tensor), so each
// step attends over the cached prefix instead of recomputing it (O(current length) per step). In
// eval mode without autograd a step runs an inference path with fused projections and a few-row
// linear kernel (SkinnyGemm.h); training and autograd use the module path.

#include "TorchSupport.h"

#include <torch/nn.h>

#include <memory>
#include <utility>
#include <vector>

namespace raddraft::inference {

struct TransformerOptions {
    std::int64_t inputFeatures = 2048;   ///< channels of the visual patch tokens
    std::int64_t vocabularySize = 761;   ///< logits, id 0 (BOS/EOS/PAD) included
    std::int64_t modelDimension = 512;   ///< d_model
    std::int64_t heads = 8;              ///< attention heads; must divide d_model
    std::int64_t layers = 3;             ///< encoder layers = decoder layers
    std::int64_t feedForwardDimension = 512; ///< d_ff
    double dropout = 0.1;
};

class MultiHeadAttentionImpl : public torch::nn::Module {
public:
    MultiHeadAttentionImpl(std::int64_t modelDimension, std::int64_t heads, double dropout);

    /// (N, T, D) → (N, h, T, d_k)
    torch::Tensor splitHeads(const torch::Tensor& x) const;
    /// Scaled dot-product attention on split heads. mask: broadcastable to (N, h, Tq, Tk), true
    /// = may attend. probabilities (optional out): (N, h, Tq, Tk). Returns (N, Tq, D) before
    /// the output projection.
    torch::Tensor attend(const torch::Tensor& queries, const torch::Tensor& keys, const torch::Tensor& values,
                         const torch::Tensor& mask, torch::Tensor* probabilities);
    /// Full attention including projections.
    torch::Tensor forward(const torch::Tensor& query, const torch::Tensor& key, const torch::Tensor& value,
                          const torch::Tensor& mask = {}, torch::Tensor* probabilities = nullptr);

    std::int64_t heads() const { return m_heads; }

    torch::nn::Linear query{nullptr}, key{nullptr}, value{nullptr}, output{nullptr};

private:
    std::int64_t m_heads;
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(MultiHeadAttention);

class FeedForwardImpl : public torch::nn::Module {
public:
    FeedForwardImpl(std::int64_t modelDimension, std::int64_t hiddenDimension, double dropout);
    torch::Tensor forward(const torch::Tensor& x);
    const torch::nn::Linear& first() const { return m_w1; }
    const torch::nn::Linear& second() const { return m_w2; }

private:
    torch::nn::Linear m_w1{nullptr}, m_w2{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(FeedForward);

class EncoderLayerImpl : public torch::nn::Module {
public:
    explicit EncoderLayerImpl(const TransformerOptions& options);
    torch::Tensor forward(const torch::Tensor& x);

private:
    MultiHeadAttention m_selfAttention{nullptr};
    FeedForward m_feedForward{nullptr};
    torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(EncoderLayer);

/// Inference-only weights derived from a decoder's parameters: the self-attention Q/K/V
/// projections fused into one (3D, D) matrix and the cross-attention K/V into one (2D, D), with
/// the attention scale 1/sqrt(d_k) folded into the query rows. The bundle format is unchanged:
/// these are computed from the named parameters when decoding starts and cached by the model
/// until a source parameter changes (data pointer or version counter).
struct FusedDecoderWeights {
    struct Layer {
        torch::Tensor selfQkvWeight, selfQkvBias;      ///< (3D, D), (3D): [scaled Q; K; V]
        torch::Tensor crossQueryWeight, crossQueryBias; ///< (D, D), (D): scaled
        torch::Tensor crossKvWeight, crossKvBias;      ///< (2D, D), (2D): [K; V]
    };
    std::vector<Layer> layers;
    torch::Tensor scaledEmbedding; ///< (V, D) token embedding times sqrt(d_model)
};

/// Key/value cache of one incremental decoding run over N rows (batch × beam).
struct DecoderCache {
    /// Self-attention keys and values of every layer, (L, 2, N, h, capacity, d_k), filled up to
    /// `length` along the capacity axis; one tensor so that a beam reorder is one gather.
    torch::Tensor selfKeyValues;
    torch::Tensor spareKeyValues;            ///< same shape: target of the gather (no allocation)
    std::vector<torch::Tensor> memoryKeys;   ///< per layer (N·h, P, d_k), computed once
    std::vector<torch::Tensor> memoryValues; ///< per layer (N·h, P, d_k)
    std::shared_ptr<const FusedDecoderWeights> fused; ///< set when the fast path is usable
    std::int64_t length = 0;                 ///< tokens already fed
    std::int64_t capacity = 0;               ///< maximum tokens
    std::int64_t rows = 0;                   ///< N

    /// (N, h, capacity, d_k) views of one layer's keys / values.
    torch::Tensor keys(std::size_t layer) const { return selfKeyValues.select(0, std::int64_t(layer)).select(0, 0); }
    torch::Tensor values(std::size_t layer) const { return selfKeyValues.select(0, std::int64_t(layer)).select(0, 1); }

    /// Keeps rows `rows` (int64, N entries, may repeat) of the self-attention cache, in that
    /// order. Rows must stay within their input (beam reordering): the memory tensors, identical
    /// for all rows of one input, are not gathered.
    void reorder(const torch::Tensor& rows);
};

class DecoderLayerImpl : public torch::nn::Module {
public:
    explicit DecoderLayerImpl(const TransformerOptions& options);
    /// Teacher-forced: x (N, T, D); selfMask broadcastable to (N, 1, T, T).
    /// crossProbabilities (optional out): (N, T, P), averaged over heads.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& memory, const torch::Tensor& selfMask,
                          torch::Tensor* crossProbabilities);
    /// One incremental step: x (N, 1, D); writes this position into `cache` for `layer`.
    torch::Tensor step(const torch::Tensor& x, DecoderCache& cache, std::size_t layer,
                       torch::Tensor* crossProbabilities);
    /// The same step for inference (eval mode, no autograd) with the fused weights of
    /// cache.fused: x (N, D) is updated in place; crossProbabilities (optional out) is a (N, P)
    /// view to write the head-averaged cross-attention into.
    void inferenceStep(torch::Tensor& x, DecoderCache& cache, std::size_t layer, torch::Tensor* crossProbabilities);

    MultiHeadAttention selfAttention{nullptr}, crossAttention{nullptr};

private:
    FeedForward m_feedForward{nullptr};
    torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr}, m_norm3{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(DecoderLayer);

// ---- Shared by every model whose decoder is a stack of DecoderLayer -------------------------

/// The inference weights of `layers` (FusedDecoderWeights; scaledEmbedding is left to the caller).
std::shared_ptr<FusedDecoderWeights> fuseDecoderWeights(const std::vector<DecoderLayer>& layers);

/// Starts incremental decoding of `layers` over `memory` (B, P, D) for at most `capacity` tokens,
/// with `rowsPerInput` rows (beams) per input: N = B·rowsPerInput rows, row b·rowsPerInput + k
/// belonging to input b. The cross-attention keys/values are computed once per input. With
/// `fused` the cache runs the inference path (fusedDecoderStep) and the keys/values come from the
/// fused weights; without, every step goes through the modules (autograd, dropout).
DecoderCache startDecoderCache(std::vector<DecoderLayer>& layers, const torch::Tensor& memory, std::int64_t capacity,
                               std::int64_t rowsPerInput, std::shared_ptr<const FusedDecoderWeights> fused);

/// One step of the inference path (cache.fused set; eval mode, no autograd): x (N, D), the
/// embedded last tokens with their position, runs through the layers' fused in-place steps and
/// comes back normalised by finalNorm; cache.length advances. crossAttention (optional out):
/// (N, layers, P), averaged over heads.
torch::Tensor fusedDecoderStep(std::vector<DecoderLayer>& layers, const torch::nn::LayerNorm& finalNorm,
                               torch::Tensor x, DecoderCache& cache, torch::Tensor* crossAttention);

/// x (N, K) · weightᵀ + bias (bias may be undefined) for the few rows of a decoding step: one pass
/// over the weight for all rows (SkinnyGemm.h), because BLAS repacks the whole weight on every
/// call; other shapes, dtypes and devices use at::linear.
torch::Tensor stepLinear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias);

/// Positions first … first+count−1 of the sinusoid encoding of Vaswani et al. (2017) §3.5,
/// (count, dimension) float32: PE(p, 2i) = sin(p / 10000^(2i/d)), PE(p, 2i+1) = cos(…).
torch::Tensor sinusoidPositionTable(std::int64_t first, std::int64_t count, std::int64_t dimension);

/// sinusoidPositionTable kept in the device and dtype last asked for and grown on demand (a
/// cache, not a weight: bundles do not store it).
class SinusoidPositions {
public:
    explicit SinusoidPositions(std::int64_t dimension) : m_dimension(dimension) {}
    /// Rows [first, first + count) as (count, dimension), in like's device and dtype.
    torch::Tensor rows(std::int64_t first, std::int64_t count, const torch::TensorOptions& like);

private:
    std::int64_t m_dimension;
    torch::Tensor m_table;
};

class EncoderDecoderImpl : public torch::nn::Module {
public:
    explicit EncoderDecoderImpl(const TransformerOptions& options);

    /// Visual patch tokens (N, P, C) → memory (N, P, D).
    torch::Tensor encode(const torch::Tensor& patches);
    /// Teacher-forced decoding: tokens (N, T) starting with BOS → logits (N, T, V).
    /// tokenMask (optional, (N, T) bool) marks real tokens (padding false).
    /// crossAttention (optional out): (N, T, layers, P), averaged over heads.
    torch::Tensor decodeAll(const torch::Tensor& memory, const torch::Tensor& tokens,
                            const torch::Tensor& tokenMask = {}, torch::Tensor* crossAttention = nullptr);
    /// Training forward: patches (N, P, C), tokens (N, T) → logits (N, T, V).
    torch::Tensor forward(const torch::Tensor& patches, const torch::Tensor& tokens,
                          const torch::Tensor& tokenMask = {});

    /// Starts incremental decoding over `memory` (B, P, D) for at most `capacity` tokens, with
    /// `rowsPerInput` rows (beams) per input: the cache has N = B·rowsPerInput rows, row
    /// b·rowsPerInput + k belonging to input b. The cross-attention keys/values are computed
    /// once per input here.
    DecoderCache startCache(const torch::Tensor& memory, std::int64_t capacity, std::int64_t rowsPerInput = 1);
    /// One step: lastTokens (N) → logits (N, V). crossAttention (optional out): (N, layers, P).
    torch::Tensor decodeStep(const torch::Tensor& lastTokens, DecoderCache& cache, torch::Tensor* crossAttention);

    const TransformerOptions& options() const { return m_options; }

private:
    /// Fused inference weights, rebuilt when a source parameter changed.
    std::shared_ptr<const FusedDecoderWeights> fusedWeights();
    torch::Tensor fastStep(const torch::Tensor& lastTokens, DecoderCache& cache, torch::Tensor* crossAttention);

    torch::Tensor embed(const torch::Tensor& tokens, std::int64_t firstPosition);

    TransformerOptions m_options;
    torch::nn::Sequential m_visualProjection{nullptr};
    torch::nn::ModuleList m_encoderLayers{nullptr}, m_decoderLayers{nullptr};
    std::vector<EncoderLayer> m_encoder;
    std::vector<DecoderLayer> m_decoder;
    torch::nn::LayerNorm m_encoderNorm{nullptr}, m_decoderNorm{nullptr};
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Dropout m_embeddingDropout{nullptr};
    torch::nn::Linear m_logit{nullptr};
    SinusoidPositions m_positions;
    std::shared_ptr<const FusedDecoderWeights> m_fused;
    TensorVersions m_fusedSources;
};
TORCH_MODULE(EncoderDecoder);

} // namespace raddraft::inference
