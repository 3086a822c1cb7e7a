#include "GraphHeads.h"

namespace raddraft::inference {

TagHeadImpl::TagHeadImpl(const TagHeadOptions& options) {
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout));
    m_classifier = register_module("classifier", torch::nn::Linear(options.inputFeatures, options.labels));
}

torch::Tensor TagHeadImpl::forward(const torch::Tensor& pooled) {
    return m_classifier(m_dropout(pooled));
}

torch::Tensor TagHeadImpl::classActivations(const torch::Tensor& patches) {
    return torch::matmul(patches, m_classifier->weight.t());
}

torch::Tensor weightedBinaryCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets,
                                         const torch::Tensor& positiveWeight) {
    auto options = torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kMean);
    if (positiveWeight.defined()) options = options.pos_weight(positiveWeight);
    return torch::nn::functional::binary_cross_entropy_with_logits(logits, targets.to(logits.scalar_type()), options);
}

torch::Tensor focalLoss(const torch::Tensor& logits, const torch::Tensor& targets, double alpha, double gamma) {
    const torch::Tensor y = targets.to(logits.scalar_type());
    const torch::Tensor crossEntropy = torch::nn::functional::binary_cross_entropy_with_logits(
        logits, y, torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone));
    const torch::Tensor p = torch::sigmoid(logits);
    const torch::Tensor pT = p * y + (1 - p) * (1 - y);
    const torch::Tensor alphaT = alpha * y + (1 - alpha) * (1 - y);
    return (alphaT * torch::pow(1 - pT, gamma) * crossEntropy).mean();
}

std::pair<torch::Tensor, torch::Tensor> graphAdjacencies(const KnowledgeGraph& graph) {
    const std::int64_t n = graph.nodeCount();
    auto forward = graph.normalizedAdjacency(false);
    auto backward = graph.normalizedAdjacency(true);
    return {torch::from_blob(forward.data(), {n, n}, torch::kFloat32).clone(),
            torch::from_blob(backward.data(), {n, n}, torch::kFloat32).clone()};
}

GraphConvolutionImpl::GraphConvolutionImpl(std::int64_t features, std::int64_t stateSize) {
    m_condense = register_module("condense", torch::nn::Conv1d(torch::nn::Conv1dOptions(features, stateSize, 1)));
    m_condenseNorm = register_module("condense_norm", torch::nn::BatchNorm1d(stateSize));
    m_forwardTransform = register_module("fw_trans", torch::nn::Conv1d(torch::nn::Conv1dOptions(features, stateSize, 1)));
    m_forwardNorm = register_module("fw_norm", torch::nn::BatchNorm1d(stateSize));
    m_backwardTransform = register_module("bw_trans", torch::nn::Conv1d(torch::nn::Conv1dOptions(features, stateSize, 1)));
    m_backwardNorm = register_module("bw_norm", torch::nn::BatchNorm1d(stateSize));
    m_update = register_module("update", torch::nn::Conv1d(torch::nn::Conv1dOptions(3 * stateSize, features, 1)));
    m_updateNorm = register_module("update_norm", torch::nn::BatchNorm1d(features));
}

torch::Tensor GraphConvolutionImpl::forward(const torch::Tensor& states, const torch::Tensor& forwardAdjacency,
                                            const torch::Tensor& backwardAdjacency) {
    const torch::Tensor condensed = torch::relu(m_condenseNorm(m_condense(states)));
    const torch::Tensor forwardMessages = torch::relu(m_forwardNorm(torch::matmul(m_forwardTransform(states), forwardAdjacency)));
    const torch::Tensor backwardMessages = torch::relu(m_backwardNorm(torch::matmul(m_backwardTransform(states), backwardAdjacency)));
    const torch::Tensor updated = m_updateNorm(m_update(torch::cat({condensed, forwardMessages, backwardMessages}, 1)));
    return torch::relu(updated + states);
}

} // namespace raddraft::inference
