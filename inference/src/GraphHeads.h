#pragma once
// Heads over the visual features that the seed models share:
// - TagHead: multi-label classifier over the knowledge-graph findings, trained with weighted
//   BCE (PPKED's pre-training) or focal loss (α = 0.25, γ = 2).
// - GraphConvolution: one layer of the chest-graph network of Zhang et al. 2020 (the classifier
//   PPKED and CKNet build on), with forward and backward messages over normalised adjacencies;
//   module names follow that public implementation (condense, fw_trans, bw_trans, update).

#include "KnowledgeGraph.h"

#include <torch/nn.h>

namespace raddraft::inference {

struct TagHeadOptions {
    std::int64_t inputFeatures = 512; ///< pooled visual feature size
    std::int64_t labels = 20;         ///< one logit per finding
    double dropout = 0.0;
};

class TagHeadImpl : public torch::nn::Module {
public:
    explicit TagHeadImpl(const TagHeadOptions& options);
    /// pooled (B, C) → logits (B, labels)
    torch::Tensor forward(const torch::Tensor& pooled);
    /// Class activation maps: patches (B, P, C) → (B, P, labels), each patch's contribution to
    /// the label's logit without the bias. Because the head is linear over the mean of the
    /// patches, the mean over P of these plus the bias is exactly forward(pooled).
    torch::Tensor classActivations(const torch::Tensor& patches);

private:
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_classifier{nullptr};
};
TORCH_MODULE(TagHead);

/// Mean binary cross-entropy with logits; positiveWeight (labels) scales the positive term
/// (e.g. negatives / positives per label); undefined → 1.
torch::Tensor weightedBinaryCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets,
                                         const torch::Tensor& positiveWeight = {});

/// Focal loss (Lin et al.): mean of −α_t (1 − p_t)^γ log p_t.
torch::Tensor focalLoss(const torch::Tensor& logits, const torch::Tensor& targets, double alpha = 0.25,
                        double gamma = 2.0);

/// Forward and backward normalised adjacency matrices (N, N) of a graph, as float tensors.
std::pair<torch::Tensor, torch::Tensor> graphAdjacencies(const KnowledgeGraph& graph);

class GraphConvolutionImpl : public torch::nn::Module {
public:
    GraphConvolutionImpl(std::int64_t features, std::int64_t stateSize);
    /// states (B, features, N); forward/backward adjacencies (N, N) → (B, features, N):
    /// relu(update([condense(s), fw_trans(s)·A_fw, bw_trans(s)·A_bw]) + s).
    torch::Tensor forward(const torch::Tensor& states, const torch::Tensor& forwardAdjacency,
                          const torch::Tensor& backwardAdjacency);

private:
    torch::nn::Conv1d m_condense{nullptr}, m_forwardTransform{nullptr}, m_backwardTransform{nullptr}, m_update{nullptr};
    torch::nn::BatchNorm1d m_condenseNorm{nullptr}, m_forwardNorm{nullptr}, m_backwardNorm{nullptr}, m_updateNorm{nullptr};
};
TORCH_MODULE(GraphConvolution);

} // namespace raddraft::inference
