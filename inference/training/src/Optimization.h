#pragma once
// Optimisation pieces the training loop shares: Adam/AdamW over parameter groups with their own
// base rates, the learning rate of a schedule applied to every group, global gradient-norm
// clipping, and mixed precision on CUDA (autocast to float16 + dynamic loss scaling, as
// torch.cuda.amp's autocast and GradScaler).

#include "TrainingConfig.h"

#include <nlohmann/json.hpp>
#include <torch/optim.h>
#include <torch/types.h>

#include <memory>
#include <string>
#include <vector>

namespace raddraft::training {

struct ParameterGroup {
    std::string name;                    ///< "extractor", "tag_head", "report"
    std::vector<torch::Tensor> parameters;
    bool extractor = false;              ///< runs at extractorLearningRate instead of learningRate
};

/// An optimiser and the base rate of each of its groups (schedules scale these).
struct Optimization {
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    std::vector<double> baseRates;
    std::vector<torch::Tensor> parameters; ///< every parameter of every group, for clipping

    /// Sets each group's rate to base × factor; returns the first group's rate.
    double setRateFactor(double factor);
};

/// Adam (L2 weight decay in the gradient) or AdamW (decoupled) over the non-empty groups.
/// Throws TrainingError when no group has a parameter.
Optimization makeOptimization(const OptimizerConfig& config, const std::vector<ParameterGroup>& groups);

/// Scales gradients so that their global L2 norm is at most maxNorm (no-op for maxNorm <= 0) and
/// returns the norm before clipping. Parameters without a gradient are skipped.
double clipGradientNorm(const std::vector<torch::Tensor>& parameters, double maxNorm);

/// Dynamic loss scaling: the loss is multiplied by `scale` before backward so that float16
/// gradients do not underflow; before the optimiser step the gradients are divided by it again,
/// and a step whose gradients hold an inf or NaN is skipped while the scale is halved. After
/// growthInterval finite steps in a row the scale doubles. Disabled, every call is a no-op and
/// unscale() always reports finite gradients.
class LossScaler {
public:
    explicit LossScaler(bool enabled, double initialScale = 65536.0, double growthFactor = 2.0, double backoffFactor = 0.5,
                        int growthInterval = 2000);

    bool enabled() const { return m_enabled; }
    double scale() const { return m_scale; }
    torch::Tensor scaleLoss(const torch::Tensor& loss) const;
    /// Divides every gradient by the scale; false when any gradient is not finite (the step must
    /// be skipped).
    bool unscale(const std::vector<torch::Tensor>& parameters) const;
    /// After each step: backs off on an overflow, grows after growthInterval clean steps.
    void update(bool gradientsFinite);

    nlohmann::json toJson() const;
    void restore(const nlohmann::json& json);

private:
    bool m_enabled;
    double m_scale;
    double m_growthFactor;
    double m_backoffFactor;
    int m_growthInterval;
    int m_cleanSteps = 0;
};

/// Enables CUDA autocast (float16) for its lifetime when `enabled`; restores the previous state
/// and clears autocast's weight cache on destruction.
class AutocastScope {
public:
    explicit AutocastScope(bool enabled);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool m_enabled;
    bool m_previous = false;
};

} // namespace raddraft::training
