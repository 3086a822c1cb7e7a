#include "Transformer.h"

#include "SkinnyGemm.h"
#include "inference/InferenceError.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace raddraft::inference {

MultiHeadAttentionImpl::MultiHeadAttentionImpl(std::int64_t modelDimension, std::int64_t heads, double dropout)
    : m_heads(heads) {
    if (heads <= 0 || modelDimension % heads != 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "d_model " + std::to_string(modelDimension) +
                                                             " is not divisible by " + std::to_string(heads) + " heads");
    }
    query = register_module("query", torch::nn::Linear(modelDimension, modelDimension));
    key = register_module("key", torch::nn::Linear(modelDimension, modelDimension));
    value = register_module("value", torch::nn::Linear(modelDimension, modelDimension));
    output = register_module("output", torch::nn::Linear(modelDimension, modelDimension));
    m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
}

torch::Tensor MultiHeadAttentionImpl::splitHeads(const torch::Tensor& x) const {
    return x.view({x.size(0), x.size(1), m_heads, x.size(2) / m_heads}).transpose(1, 2);
}

torch::Tensor MultiHeadAttentionImpl::attend(const torch::Tensor& queries, const torch::Tensor& keys,
                                             const torch::Tensor& values, const torch::Tensor& mask,
                                             torch::Tensor* probabilities) {
    const double scale = 1.0 / std::sqrt(double(queries.size(-1)));
    torch::Tensor scores = torch::matmul(queries, keys.transpose(-2, -1)) * scale;
    if (mask.defined()) scores = scores.masked_fill(mask.logical_not(), -std::numeric_limits<float>::infinity());
    // Softmax in float32 even in half precision.
    torch::Tensor weights = torch::softmax(scores, -1, torch::kFloat32);
    if (probabilities != nullptr) *probabilities = weights;
    weights = m_dropout(weights.to(queries.scalar_type()));
    torch::Tensor context = torch::matmul(weights, values); // (N, h, Tq, d_k)
    return context.transpose(1, 2).reshape({context.size(0), context.size(2), context.size(1) * context.size(3)});
}

torch::Tensor MultiHeadAttentionImpl::forward(const torch::Tensor& queryInput, const torch::Tensor& keyInput,
                                              const torch::Tensor& valueInput, const torch::Tensor& mask,
                                              torch::Tensor* probabilities) {
    return output(attend(splitHeads(query(queryInput)), splitHeads(key(keyInput)), splitHeads(value(valueInput)),
                         mask, probabilities));
}

FeedForwardImpl::FeedForwardImpl(std::int64_t modelDimension, std::int64_t hiddenDimension, double dropout) {
    m_w1 = register_module("w_1", torch::nn::Linear(modelDimension, hiddenDimension));
    m_w2 = register_module("w_2", torch::nn::Linear(hiddenDimension, modelDimension));
    m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x) {
    return m_w2(m_dropout(torch::relu(m_w1(x))));
}

EncoderLayerImpl::EncoderLayerImpl(const TransformerOptions& options) {
    m_selfAttention = register_module("self_attn", MultiHeadAttention(options.modelDimension, options.heads, options.dropout));
    m_feedForward = register_module("feed_forward", FeedForward(options.modelDimension, options.feedForwardDimension, options.dropout));
    m_norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout));
}

torch::Tensor EncoderLayerImpl::forward(const torch::Tensor& input) {
    torch::Tensor h = m_norm1(input);
    torch::Tensor x = input + m_dropout(m_selfAttention(h, h, h));
    return x + m_dropout(m_feedForward(m_norm2(x)));
}

void DecoderCache::reorder(const torch::Tensor& rows) {
    // Beams only move within their own input, and every row of one input shares the same
    // encoded memory, so memoryKeys/memoryValues need no reordering; only the self-attention
    // prefix does: one gather over all layers, of the filled positions only, into the spare
    // buffer (no allocation), which then becomes the cache.
    if (torch::GradMode::is_enabled()) {
        selfKeyValues = selfKeyValues.index_select(2, rows);
        return;
    }
    if (length == 0) return;
    if (!spareKeyValues.defined()) spareKeyValues = torch::empty_like(selfKeyValues);
    torch::Tensor target = spareKeyValues.narrow(4, 0, length);
    at::index_select_out(target, selfKeyValues.narrow(4, 0, length), 2, rows);
    std::swap(selfKeyValues, spareKeyValues);
}

namespace {

// Softmax over the last axis, in float32 even for half-precision scores.
torch::Tensor softmaxLastAxis(const torch::Tensor& scores) {
    return scores.scalar_type() == torch::kFloat32 ? at::_softmax(scores, -1, false) : at::softmax(scores, -1, torch::kFloat32);
}

torch::Tensor layerNorm(const torch::Tensor& x, const torch::nn::LayerNorm& norm) {
    return at::layer_norm(x, norm->options.normalized_shape(), norm->weight, norm->bias, norm->options.eps());
}

} // namespace

torch::Tensor stepLinear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
    if (!x.is_cpu() || x.dim() != 2 || x.size(0) > kSkinnyLinearMaxRows || x.scalar_type() != torch::kFloat32 ||
        weight.scalar_type() != torch::kFloat32 || !weight.is_contiguous() || weight.size(1) != x.size(1) ||
        (bias.defined() && (!bias.is_contiguous() || bias.scalar_type() != torch::kFloat32))) {
        return at::linear(x, weight, bias);
    }
    const torch::Tensor input = x.contiguous();
    const std::int64_t rows = input.size(0);
    const std::int64_t k = input.size(1);
    const std::int64_t n = weight.size(0);
    torch::Tensor output = torch::empty({rows, n}, input.options());
    const float* inputData = input.data_ptr<float>();
    const float* weightData = weight.data_ptr<float>();
    const float* biasData = bias.defined() ? bias.data_ptr<float>() : nullptr;
    float* outputData = output.data_ptr<float>();
    skinnyLinear(inputData, rows, weightData, biasData, outputData, k, n, at::get_num_threads());
    return output;
}

DecoderLayerImpl::DecoderLayerImpl(const TransformerOptions& options) {
    selfAttention = register_module("self_attn", MultiHeadAttention(options.modelDimension, options.heads, options.dropout));
    crossAttention = register_module("src_attn", MultiHeadAttention(options.modelDimension, options.heads, options.dropout));
    m_feedForward = register_module("feed_forward", FeedForward(options.modelDimension, options.feedForwardDimension, options.dropout));
    m_norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_norm3 = register_module("norm3", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout));
}

torch::Tensor DecoderLayerImpl::forward(const torch::Tensor& input, const torch::Tensor& memory,
                                        const torch::Tensor& selfMask, torch::Tensor* crossProbabilities) {
    torch::Tensor h = m_norm1(input);
    torch::Tensor x = input + m_dropout(selfAttention(h, h, h, selfMask));
    h = m_norm2(x);
    torch::Tensor probabilities;
    x = x + m_dropout(crossAttention->forward(h, memory, memory, torch::Tensor(), crossProbabilities ? &probabilities : nullptr));
    if (crossProbabilities != nullptr) *crossProbabilities = probabilities.mean(1); // (N, T, P)
    return x + m_dropout(m_feedForward(m_norm3(x)));
}

torch::Tensor DecoderLayerImpl::step(const torch::Tensor& input, DecoderCache& cache, std::size_t layer,
                                     torch::Tensor* crossProbabilities) {
    // Module path (autograd and dropout work): used in training mode or with grad enabled.
    const std::int64_t position = cache.length;
    const std::int64_t heads = crossAttention->heads();
    const torch::Tensor memoryKeys = cache.memoryKeys[layer].view({cache.rows, heads, -1, cache.memoryKeys[layer].size(2)});
    const torch::Tensor memoryValues = cache.memoryValues[layer].view(memoryKeys.sizes());
    torch::Tensor h = m_norm1(input);
    torch::Tensor queries = selfAttention->splitHeads(selfAttention->query(h));
    cache.keys(layer).narrow(2, position, 1).copy_(selfAttention->splitHeads(selfAttention->key(h)));
    cache.values(layer).narrow(2, position, 1).copy_(selfAttention->splitHeads(selfAttention->value(h)));
    torch::Tensor context = selfAttention->attend(queries, cache.keys(layer).narrow(2, 0, position + 1),
                                                  cache.values(layer).narrow(2, 0, position + 1), {}, nullptr);
    torch::Tensor x = input + m_dropout(selfAttention->output(context));
    h = m_norm2(x);
    torch::Tensor probabilities;
    context = crossAttention->attend(crossAttention->splitHeads(crossAttention->query(h)), memoryKeys, memoryValues, {},
                                     crossProbabilities ? &probabilities : nullptr);
    x = x + m_dropout(crossAttention->output(context));
    if (crossProbabilities != nullptr) *crossProbabilities = probabilities.mean(1).squeeze(1); // (N, P)
    return x + m_dropout(m_feedForward(m_norm3(x)));
}

void DecoderLayerImpl::inferenceStep(torch::Tensor& x, DecoderCache& cache, std::size_t layer,
                                     torch::Tensor* crossProbabilities) {
    // Same arithmetic as step() with fewer, larger operators: one GEMM for Q/K/V (the scale is
    // folded into Q), K/V written into the cache with one copy, attention as batched GEMMs over
    // (N·h) rows, residuals added in place. Dropout is the identity in eval mode.
    const FusedDecoderWeights::Layer& fused = cache.fused->layers[layer];
    const std::int64_t rows = x.size(0);
    const std::int64_t d = x.size(1);
    const std::int64_t heads = selfAttention->heads();
    const std::int64_t headDimension = d / heads;
    const std::int64_t position = cache.length;
    const auto layerIndex = std::int64_t(layer);

    // Masked self-attention over the cached prefix and this position.
    torch::Tensor qkv = stepLinear(layerNorm(x, m_norm1), fused.selfQkvWeight, fused.selfQkvBias)
                            .view({rows, 3, heads, headDimension});
    cache.selfKeyValues.select(0, layerIndex).select(3, position).copy_(qkv.narrow(1, 1, 2).transpose(0, 1));
    const torch::Tensor queries = qkv.select(1, 0).reshape({rows * heads, 1, headDimension});
    const torch::Tensor keys = cache.keys(layer).narrow(2, 0, position + 1).view({rows * heads, position + 1, headDimension});
    const torch::Tensor values = cache.values(layer).narrow(2, 0, position + 1).view({rows * heads, position + 1, headDimension});
    torch::Tensor weights = softmaxLastAxis(at::bmm(queries, keys.transpose(1, 2)));
    torch::Tensor context = at::bmm(weights.to(x.scalar_type()), values).view({rows, d});
    x.add_(stepLinear(context, selfAttention->output->weight, selfAttention->output->bias));

    // Cross-attention over the encoded patches (keys/values computed once in startCache).
    const torch::Tensor& memoryKeys = cache.memoryKeys[layer];
    const torch::Tensor crossQueries = stepLinear(layerNorm(x, m_norm2), fused.crossQueryWeight, fused.crossQueryBias)
                                           .view({rows * heads, 1, headDimension});
    weights = softmaxLastAxis(at::bmm(crossQueries, memoryKeys.transpose(1, 2))); // (N·h, 1, P)
    if (crossProbabilities != nullptr) at::mean_out(*crossProbabilities, weights.view({rows, heads, memoryKeys.size(1)}), {1});
    context = at::bmm(weights.to(x.scalar_type()), cache.memoryValues[layer]).view({rows, d});
    x.add_(stepLinear(context, crossAttention->output->weight, crossAttention->output->bias));

    // Feed-forward.
    const FeedForwardImpl& feedForward = *m_feedForward;
    torch::Tensor hidden = stepLinear(layerNorm(x, m_norm3), feedForward.first()->weight, feedForward.first()->bias);
    hidden.relu_();
    x.add_(stepLinear(hidden, feedForward.second()->weight, feedForward.second()->bias));
}

// CKNet, JPG and ASGK call this per decoding run (a few MB of concatenations at d_model 256, next
// to ~50 ms of decoding); the transformer caches its copy until a source weight changes.
std::shared_ptr<FusedDecoderWeights> fuseDecoderWeights(const std::vector<DecoderLayer>& layers) {
    torch::NoGradGuard noGrad;
    auto fused = std::make_shared<FusedDecoderWeights>();
    for (const DecoderLayer& layer : layers) {
        const MultiHeadAttentionImpl& self = *layer->selfAttention;
        const MultiHeadAttentionImpl& cross = *layer->crossAttention;
        const double scale = 1.0 / std::sqrt(double(self.query->weight.size(0) / self.heads()));
        FusedDecoderWeights::Layer fusedLayer;
        fusedLayer.selfQkvWeight = torch::cat({self.query->weight * scale, self.key->weight, self.value->weight});
        fusedLayer.selfQkvBias = torch::cat({self.query->bias * scale, self.key->bias, self.value->bias});
        fusedLayer.crossQueryWeight = cross.query->weight * scale;
        fusedLayer.crossQueryBias = cross.query->bias * scale;
        fusedLayer.crossKvWeight = torch::cat({cross.key->weight, cross.value->weight});
        fusedLayer.crossKvBias = torch::cat({cross.key->bias, cross.value->bias});
        fused->layers.push_back(std::move(fusedLayer));
    }
    return fused;
}

DecoderCache startDecoderCache(std::vector<DecoderLayer>& layers, const torch::Tensor& memory, std::int64_t capacity,
                               std::int64_t rowsPerInput, std::shared_ptr<const FusedDecoderWeights> fused) {
    if (capacity < 1 || rowsPerInput < 1) {
        throw InferenceError(ErrorCode::InvalidArgument, "decoder cache needs a capacity and rows per input >= 1");
    }
    if (layers.empty() || memory.dim() != 3) {
        throw InferenceError(ErrorCode::InvalidArgument, "decoder cache needs decoder layers and a (B, P, D) memory");
    }
    const std::int64_t batch = memory.size(0);
    const std::int64_t entries = memory.size(1);
    const std::int64_t heads = layers.front()->crossAttention->heads();
    const std::int64_t headDimension = memory.size(2) / heads;
    DecoderCache cache;
    cache.capacity = capacity;
    cache.rows = batch * rowsPerInput;
    cache.selfKeyValues = torch::empty({std::int64_t(layers.size()), 2, cache.rows, heads, capacity, headDimension},
                                       memory.options());
    cache.fused = std::move(fused);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        MultiHeadAttentionImpl& cross = *layers[i]->crossAttention;
        // Keys and values of the memory, once per input: (B, P, 2D) → (2, B, h, P, d_k), then
        // repeated for the rows of each input.
        torch::Tensor keyValues = cache.fused ? at::linear(memory, cache.fused->layers[i].crossKvWeight, cache.fused->layers[i].crossKvBias)
                                              : torch::cat({cross.key->forward(memory), cross.value->forward(memory)}, -1);
        keyValues = keyValues.view({batch, entries, 2, heads, headDimension}).permute({2, 0, 3, 1, 4});
        keyValues = keyValues.unsqueeze(2)
                        .expand({2, batch, rowsPerInput, heads, entries, headDimension})
                        .reshape({2, cache.rows * heads, entries, headDimension});
        cache.memoryKeys.push_back(keyValues.select(0, 0));
        cache.memoryValues.push_back(keyValues.select(0, 1));
    }
    return cache;
}

torch::Tensor fusedDecoderStep(std::vector<DecoderLayer>& layers, const torch::nn::LayerNorm& finalNorm,
                               torch::Tensor x, DecoderCache& cache, torch::Tensor* crossAttention) {
    torch::Tensor attention;
    if (crossAttention != nullptr) {
        attention = torch::empty({cache.rows, std::int64_t(layers.size()), cache.memoryKeys.front().size(1)},
                                 x.options().dtype(torch::kFloat32));
    }
    for (std::size_t i = 0; i < layers.size(); ++i) {
        torch::Tensor slot;
        if (crossAttention != nullptr) slot = attention.select(1, std::int64_t(i));
        layers[i]->inferenceStep(x, cache, i, crossAttention ? &slot : nullptr);
    }
    ++cache.length;
    if (crossAttention != nullptr) *crossAttention = attention; // (N, L, P)
    return layerNorm(x, finalNorm);
}

torch::Tensor sinusoidPositionTable(std::int64_t first, std::int64_t count, std::int64_t dimension) {
    using torch::indexing::None;
    using torch::indexing::Slice;
    const torch::Tensor position = torch::arange(first, first + count, torch::kFloat32).unsqueeze(1);
    const torch::Tensor divisor =
        torch::exp(torch::arange(0, dimension, 2, torch::kFloat32) * (-std::log(10000.0) / double(dimension)));
    torch::Tensor table = torch::zeros({count, dimension});
    table.index_put_({Slice(), Slice(0, None, 2)}, torch::sin(position * divisor));
    // An odd dimension has one cosine column fewer than sine columns.
    table.index_put_({Slice(), Slice(1, None, 2)}, torch::cos(position * divisor).narrow(1, 0, dimension / 2));
    return table;
}

torch::Tensor SinusoidPositions::rows(std::int64_t first, std::int64_t count, const torch::TensorOptions& like) {
    const std::int64_t needed = first + count;
    if (!m_table.defined() || m_table.size(0) < needed || m_table.device() != like.device() ||
        m_table.scalar_type() != like.dtype().toScalarType()) {
        m_table = sinusoidPositionTable(0, std::max<std::int64_t>(needed, 128), m_dimension)
                      .to(like.device(), like.dtype().toScalarType());
    }
    return m_table.narrow(0, first, count);
}

EncoderDecoderImpl::EncoderDecoderImpl(const TransformerOptions& options)
    : m_options(options), m_positions(options.modelDimension) {
    if (options.layers <= 0 || options.modelDimension <= 0 || options.vocabularySize <= 1 || options.inputFeatures <= 0 ||
        options.feedForwardDimension <= 0 || options.dropout < 0.0 || options.dropout >= 1.0) {
        throw InferenceError(ErrorCode::InvalidArgument, "invalid transformer options");
    }
    m_visualProjection = register_module(
        "att_embed", torch::nn::Sequential(torch::nn::Linear(options.inputFeatures, options.modelDimension),
                                           torch::nn::ReLU(), torch::nn::Dropout(options.dropout)));
    m_encoderLayers = register_module("encoder_layers", torch::nn::ModuleList());
    m_decoderLayers = register_module("decoder_layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < options.layers; ++i) {
        m_encoder.push_back(EncoderLayer(options));
        m_encoderLayers->push_back(m_encoder.back());
        m_decoder.push_back(DecoderLayer(options));
        m_decoderLayers->push_back(m_decoder.back());
    }
    m_encoderNorm = register_module("encoder_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_decoderNorm = register_module("decoder_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_embedding = register_module("tgt_embed", torch::nn::Embedding(options.vocabularySize, options.modelDimension));
    m_embeddingDropout = register_module("embedding_dropout", torch::nn::Dropout(options.dropout));
    m_logit = register_module("logit", torch::nn::Linear(options.modelDimension, options.vocabularySize));
    // R2Gen initialises every matrix with Xavier-uniform.
    torch::NoGradGuard noGrad;
    for (auto& parameter : parameters()) {
        if (parameter.dim() > 1) torch::nn::init::xavier_uniform_(parameter);
    }
}

torch::Tensor EncoderDecoderImpl::embed(const torch::Tensor& tokens, std::int64_t firstPosition) {
    torch::Tensor x = m_embedding(tokens) * std::sqrt(double(m_options.modelDimension));
    x = x + m_positions.rows(firstPosition, tokens.size(1), x.options());
    return m_embeddingDropout(x);
}

torch::Tensor EncoderDecoderImpl::encode(const torch::Tensor& patches) {
    torch::Tensor x = m_visualProjection->forward(patches);
    for (auto& layer : m_encoder) x = layer->forward(x);
    return m_encoderNorm(x);
}

torch::Tensor EncoderDecoderImpl::decodeAll(const torch::Tensor& memory, const torch::Tensor& tokens,
                                            const torch::Tensor& tokenMask, torch::Tensor* crossAttention) {
    const std::int64_t length = tokens.size(1);
    torch::Tensor mask = torch::ones({length, length}, torch::TensorOptions().dtype(torch::kBool).device(tokens.device()))
                             .tril()
                             .view({1, 1, length, length});
    if (tokenMask.defined()) mask = mask & tokenMask.view({tokenMask.size(0), 1, 1, length});
    torch::Tensor x = embed(tokens, 0);
    std::vector<torch::Tensor> perLayer;
    for (auto& layer : m_decoder) {
        torch::Tensor probabilities;
        x = layer->forward(x, memory, mask, crossAttention ? &probabilities : nullptr);
        if (crossAttention != nullptr) perLayer.push_back(probabilities);
    }
    if (crossAttention != nullptr) *crossAttention = torch::stack(perLayer, 2); // (N, T, L, P)
    return m_logit(m_decoderNorm(x));
}

torch::Tensor EncoderDecoderImpl::forward(const torch::Tensor& patches, const torch::Tensor& tokens,
                                          const torch::Tensor& tokenMask) {
    return decodeAll(encode(patches), tokens, tokenMask);
}

std::shared_ptr<const FusedDecoderWeights> EncoderDecoderImpl::fusedWeights() {
    std::vector<torch::Tensor> sources;
    for (auto& layer : m_decoder) {
        for (const MultiHeadAttention& attention : {layer->selfAttention, layer->crossAttention}) {
            for (const torch::nn::Linear& linear : {attention->query, attention->key, attention->value}) {
                sources.push_back(linear->weight);
                sources.push_back(linear->bias);
            }
        }
    }
    sources.push_back(m_embedding->weight);
    TensorVersions key(sources);
    if (m_fused && key.matches(m_fusedSources)) return m_fused;

    std::shared_ptr<FusedDecoderWeights> fused = fuseDecoderWeights(m_decoder);
    torch::NoGradGuard noGrad;
    fused->scaledEmbedding = m_embedding->weight * std::sqrt(double(m_options.modelDimension));
    if (key.cacheable()) {
        m_fused = fused;
        m_fusedSources = std::move(key);
    }
    return fused;
}

DecoderCache EncoderDecoderImpl::startCache(const torch::Tensor& memory, std::int64_t capacity, std::int64_t rowsPerInput) {
    const bool inference = !is_training() && !torch::GradMode::is_enabled();
    return startDecoderCache(m_decoder, memory, capacity, rowsPerInput, inference ? fusedWeights() : nullptr);
}

torch::Tensor EncoderDecoderImpl::decodeStep(const torch::Tensor& lastTokens, DecoderCache& cache,
                                             torch::Tensor* crossAttention) {
    if (cache.length >= cache.capacity) {
        throw InferenceError(ErrorCode::InvalidArgument, "decoder cache is full (" + std::to_string(cache.capacity) + " tokens)");
    }
    if (cache.fused && !is_training() && !torch::GradMode::is_enabled()) return fastStep(lastTokens, cache, crossAttention);
    torch::Tensor x = embed(lastTokens.view({-1, 1}), cache.length);
    std::vector<torch::Tensor> perLayer;
    for (std::size_t i = 0; i < m_decoder.size(); ++i) {
        torch::Tensor probabilities;
        x = m_decoder[i]->step(x, cache, i, crossAttention ? &probabilities : nullptr);
        if (crossAttention != nullptr) perLayer.push_back(probabilities);
    }
    ++cache.length;
    if (crossAttention != nullptr) *crossAttention = torch::stack(perLayer, 1); // (N, L, P)
    return m_logit(m_decoderNorm(x)).squeeze(1);
}

torch::Tensor EncoderDecoderImpl::fastStep(const torch::Tensor& lastTokens, DecoderCache& cache, torch::Tensor* crossAttention) {
    // x (N, D) = sqrt(d_model)·embedding + position; embedding dropout is the identity in eval.
    torch::Tensor x = at::index_select(cache.fused->scaledEmbedding, 0, lastTokens.view({-1}));
    x.add_(m_positions.rows(cache.length, 1, x.options()));
    return stepLinear(fusedDecoderStep(m_decoder, m_decoderNorm, x, cache, crossAttention), m_logit->weight, m_logit->bias);
}

} // namespace raddraft::inference
