#include "Transformer.h"

#include "inference/InferenceError.h"

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
    // prefix does (one gather per tensor keeps the buffer contiguous).
    for (auto* list : {&selfKeys, &selfValues}) {
        for (torch::Tensor& tensor : *list) tensor = tensor.index_select(0, rows);
    }
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
    const std::int64_t position = cache.length;
    torch::Tensor h = m_norm1(input);
    torch::Tensor queries = selfAttention->splitHeads(selfAttention->query(h));
    cache.selfKeys[layer].narrow(2, position, 1).copy_(selfAttention->splitHeads(selfAttention->key(h)));
    cache.selfValues[layer].narrow(2, position, 1).copy_(selfAttention->splitHeads(selfAttention->value(h)));
    torch::Tensor context = selfAttention->attend(queries, cache.selfKeys[layer].narrow(2, 0, position + 1),
                                                  cache.selfValues[layer].narrow(2, 0, position + 1), {}, nullptr);
    torch::Tensor x = input + m_dropout(selfAttention->output(context));
    h = m_norm2(x);
    torch::Tensor probabilities;
    context = crossAttention->attend(crossAttention->splitHeads(crossAttention->query(h)), cache.memoryKeys[layer],
                                     cache.memoryValues[layer], {}, crossProbabilities ? &probabilities : nullptr);
    x = x + m_dropout(crossAttention->output(context));
    if (crossProbabilities != nullptr) *crossProbabilities = probabilities.mean(1).squeeze(1); // (N, P)
    return x + m_dropout(m_feedForward(m_norm3(x)));
}

EncoderDecoderImpl::EncoderDecoderImpl(const TransformerOptions& options) : m_options(options) {
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

torch::Tensor EncoderDecoderImpl::positionalEncoding(std::int64_t first, std::int64_t count,
                                                     const torch::TensorOptions& like) {
    const std::int64_t needed = first + count;
    if (!m_positionTable.defined() || m_positionTable.size(0) < needed || m_positionTable.device() != like.device() ||
        m_positionTable.scalar_type() != like.dtype().toScalarType()) {
        const std::int64_t rows = std::max<std::int64_t>(needed, 128);
        const std::int64_t d = m_options.modelDimension;
        torch::Tensor position = torch::arange(rows, torch::kFloat32).unsqueeze(1);
        torch::Tensor divisor = torch::exp(torch::arange(0, d, 2, torch::kFloat32) * (-std::log(10000.0) / double(d)));
        torch::Tensor table = torch::zeros({rows, d});
        table.index_put_({torch::indexing::Slice(), torch::indexing::Slice(0, torch::indexing::None, 2)}, torch::sin(position * divisor));
        table.index_put_({torch::indexing::Slice(), torch::indexing::Slice(1, torch::indexing::None, 2)},
                         torch::cos(position * divisor).narrow(1, 0, d / 2));
        m_positionTable = table.to(like.device(), like.dtype().toScalarType());
    }
    return m_positionTable.narrow(0, first, count);
}

torch::Tensor EncoderDecoderImpl::embed(const torch::Tensor& tokens, std::int64_t firstPosition) {
    torch::Tensor x = m_embedding(tokens) * std::sqrt(double(m_options.modelDimension));
    x = x + positionalEncoding(firstPosition, tokens.size(1), x.options());
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

DecoderCache EncoderDecoderImpl::startCache(const torch::Tensor& memory, std::int64_t capacity) {
    DecoderCache cache;
    cache.capacity = capacity;
    const std::int64_t rows = memory.size(0);
    const std::int64_t headDimension = m_options.modelDimension / m_options.heads;
    for (auto& layer : m_decoder) {
        cache.selfKeys.push_back(torch::empty({rows, m_options.heads, capacity, headDimension}, memory.options()));
        cache.selfValues.push_back(torch::empty({rows, m_options.heads, capacity, headDimension}, memory.options()));
        cache.memoryKeys.push_back(layer->crossAttention->splitHeads(layer->crossAttention->key(memory)).contiguous());
        cache.memoryValues.push_back(layer->crossAttention->splitHeads(layer->crossAttention->value(memory)).contiguous());
    }
    return cache;
}

torch::Tensor EncoderDecoderImpl::decodeStep(const torch::Tensor& lastTokens, DecoderCache& cache,
                                             torch::Tensor* crossAttention) {
    if (cache.length >= cache.capacity) {
        throw InferenceError(ErrorCode::InvalidArgument, "decoder cache is full (" + std::to_string(cache.capacity) + " tokens)");
    }
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

} // namespace raddraft::inference
