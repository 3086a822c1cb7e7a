#pragma once
// The IncrementalDecoder of a network that decodes through a key/value cache:
// startCache(memory, capacity, rowsPerInput) → Cache, decodeStep(lastTokens, cache, crossAttention)
// → logits, and Cache::reorder(rows) for beam search. CKNet, JPG and ASGK decode this way (the
// transformer's session also has a full-recompute mode, the benchmark's reference; PPKED's
// carries retrieval state).

#include "Decoding.h"
#include "Transformer.h"

#include <torch/torch.h>

#include <utility>

namespace raddraft::inference {

/// Decoding session over `Network` (a torch module holder) and its encoded memory (B, P, d).
template <typename Network, typename Cache = DecoderCache>
class CachedDecoderSession : public IncrementalDecoder {
public:
    CachedDecoderSession(Network network, torch::Tensor memory) : m_network(std::move(network)), m_memory(std::move(memory)) {}

    std::int64_t batchSize() const override { return m_memory.size(0); }
    std::int64_t vocabularySize() const override { return m_network->options().vocabularySize; }
    torch::Device device() const override { return m_memory.device(); }
    void start(std::int64_t beamWidth, std::int64_t capacity) override {
        m_cache = m_network->startCache(m_memory, capacity, beamWidth);
    }
    torch::Tensor step(const torch::Tensor& lastTokens, torch::Tensor* crossAttention) override {
        return m_network->decodeStep(lastTokens, m_cache, crossAttention);
    }
    void reorder(const torch::Tensor& rows) override { m_cache.reorder(rows); }

private:
    Network m_network;
    torch::Tensor m_memory;
    Cache m_cache;
};

} // namespace raddraft::inference
