#include "ModelTrainer.h"

#include "training/TrainingError.h"

#include <torch/torch.h>

namespace raddraft::training {

void ModelTrainer::prepareReportTraining(const FeatureCache*, const std::vector<TrainingExample>&) {}

TrainerRegistry::TrainerRegistry() {
    registerTransformerTrainer(*this);
    registerCknetTrainer(*this);
    registerPpkedTrainer(*this);
    registerCvseTrainer(*this);
    registerJpgTrainer(*this);
    registerAsgkTrainer(*this);
    // Seed models register here as they land: registerPpkedTrainer(*this); registerCknetTrainer(*this); ...
}

TrainerRegistry& TrainerRegistry::instance() {
    static TrainerRegistry registry;
    return registry;
}

void TrainerRegistry::add(TrainerType type) {
    const std::string name = type.name;
    m_types[name] = std::move(type);
}

const TrainerType& TrainerRegistry::find(const std::string& name) const {
    const auto found = m_types.find(name);
    if (found == m_types.end()) {
        std::string known;
        for (const auto& [key, value] : m_types) known += (known.empty() ? "" : ", ") + key;
        throw TrainingError("model type '" + name + "' has no trainer (trainable: " + known + ")");
    }
    return found->second;
}

std::vector<std::string> TrainerRegistry::names() const {
    std::vector<std::string> names;
    for (const auto& [key, value] : m_types) names.push_back(key);
    return names;
}

torch::Tensor tagLoss(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& weights,
                      const torch::Tensor& positiveWeight) {
    namespace F = torch::nn::functional;
    const torch::Tensor floatLogits = logits.to(torch::kFloat32);
    auto options = F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone);
    if (positiveWeight.defined()) options = options.pos_weight(positiveWeight.to(floatLogits.device()));
    const torch::Tensor perElement = F::binary_cross_entropy_with_logits(floatLogits, targets.to(floatLogits.device()), options);
    const torch::Tensor elementWeights = weights.to(floatLogits.device());
    return (perElement * elementWeights).sum() / elementWeights.sum().clamp_min(1.0);
}

torch::Tensor maskedCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& mask) {
    const torch::Tensor logProbabilities = torch::log_softmax(logits.to(torch::kFloat32), -1);
    const torch::Tensor picked = logProbabilities.gather(-1, targets.unsqueeze(-1)).squeeze(-1);
    const torch::Tensor weights = mask.to(picked.scalar_type());
    return -(picked * weights).sum() / weights.sum().clamp_min(1.0);
}

} // namespace raddraft::training
