#include "Optimization.h"

#include <torch/version.h>

#include "training/TrainingError.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <cmath>

namespace raddraft::training {

double Optimization::setRateFactor(double factor) {
    auto& groups = optimizer->param_groups();
    for (std::size_t i = 0; i < groups.size() && i < baseRates.size(); ++i) groups[i].options().set_lr(baseRates[i] * factor);
    return baseRates.empty() ? 0.0 : baseRates.front() * factor;
}

Optimization makeOptimization(const OptimizerConfig& config, const std::vector<ParameterGroup>& groups) {
    Optimization result;
    std::vector<torch::optim::OptimizerParamGroup> parameterGroups;
    for (const ParameterGroup& group : groups) {
        if (group.parameters.empty()) continue;
        const double rate = group.extractor ? config.extractorLearningRate : config.learningRate;
        if (config.kind == "adamw") {
            parameterGroups.emplace_back(group.parameters, std::make_unique<torch::optim::AdamWOptions>(
                                                               torch::optim::AdamWOptions(rate)
                                                                   .betas({config.beta1, config.beta2})
                                                                   .eps(config.epsilon)
                                                                   .weight_decay(config.weightDecay)));
        } else {
            parameterGroups.emplace_back(group.parameters, std::make_unique<torch::optim::AdamOptions>(
                                                               torch::optim::AdamOptions(rate)
                                                                   .betas({config.beta1, config.beta2})
                                                                   .eps(config.epsilon)
                                                                   .weight_decay(config.weightDecay)));
        }
        result.baseRates.push_back(rate);
        result.parameters.insert(result.parameters.end(), group.parameters.begin(), group.parameters.end());
    }
    if (parameterGroups.empty()) throw TrainingError("nothing to train: the model has no parameter for this stage");
    if (config.kind == "adamw") {
        result.optimizer = std::make_unique<torch::optim::AdamW>(std::move(parameterGroups));
    } else {
        result.optimizer = std::make_unique<torch::optim::Adam>(std::move(parameterGroups));
    }
    return result;
}

double clipGradientNorm(const std::vector<torch::Tensor>& parameters, double maxNorm) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> norms;
    for (const torch::Tensor& parameter : parameters) {
        if (parameter.grad().defined()) norms.push_back(parameter.grad().detach().to(torch::kFloat32).norm());
    }
    if (norms.empty()) return 0.0;
    const double total = torch::stack(norms).norm().item<double>();
    if (maxNorm > 0 && total > maxNorm) {
        const double factor = maxNorm / (total + 1e-6);
        for (const torch::Tensor& parameter : parameters) {
            if (parameter.grad().defined()) parameter.grad().mul_(factor);
        }
    }
    return total;
}

LossScaler::LossScaler(bool enabled, double initialScale, double growthFactor, double backoffFactor, int growthInterval)
    : m_enabled(enabled), m_scale(enabled ? initialScale : 1.0), m_growthFactor(growthFactor), m_backoffFactor(backoffFactor),
      m_growthInterval(growthInterval) {}

torch::Tensor LossScaler::scaleLoss(const torch::Tensor& loss) const {
    return m_enabled ? loss * m_scale : loss;
}

bool LossScaler::unscale(const std::vector<torch::Tensor>& parameters) const {
    if (!m_enabled) return true;
    torch::NoGradGuard noGrad;
    bool finite = true;
    for (const torch::Tensor& parameter : parameters) {
        if (!parameter.grad().defined()) continue;
        parameter.grad().div_(m_scale);
        if (finite && !torch::isfinite(parameter.grad()).all().item<bool>()) finite = false;
    }
    return finite;
}

void LossScaler::update(bool gradientsFinite) {
    if (!m_enabled) return;
    if (!gradientsFinite) {
        m_scale *= m_backoffFactor;
        m_cleanSteps = 0;
    } else if (++m_cleanSteps >= m_growthInterval) {
        m_scale *= m_growthFactor;
        m_cleanSteps = 0;
    }
}

nlohmann::json LossScaler::toJson() const {
    return {{"enabled", m_enabled}, {"scale", m_scale}, {"clean_steps", m_cleanSteps}};
}

void LossScaler::restore(const nlohmann::json& json) {
    m_scale = json.at("scale").get<double>();
    m_cleanSteps = json.at("clean_steps").get<int>();
}

AutocastScope::AutocastScope(bool enabled) : m_enabled(enabled) {
    if (!m_enabled) return;
    // CUDA autocast: LibTorch 2.4+ names the device type (the old calls warn on every use).
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    m_previous = at::autocast::is_autocast_enabled(at::kCUDA);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
    m_previous = at::autocast::is_enabled();
    at::autocast::set_enabled(true);
#endif
}

AutocastScope::~AutocastScope() {
    if (!m_enabled) return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCUDA, m_previous);
#else
    at::autocast::set_enabled(m_previous);
#endif
    if (!m_previous) at::autocast::clear_cache();
}

} // namespace raddraft::training
