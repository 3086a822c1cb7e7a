#include "LearningRateSchedule.h"

#include <algorithm>
#include <cmath>

namespace raddraft::training {

double LearningRateSchedule::factor(std::int64_t step) const {
    if (step < warmupSteps) return double(step + 1) / double(warmupSteps);
    if (kind == "step") return std::pow(gamma, double(step / std::max<std::int64_t>(1, stepSize)));
    if (kind == "warmup_cosine" || kind == "warmup_linear") {
        const double span = double(std::max<std::int64_t>(1, totalSteps - 1 - warmupSteps));
        const double progress = std::clamp(double(step - warmupSteps) / span, 0.0, 1.0);
        if (kind == "warmup_linear") return 1.0 - (1.0 - finalFactor) * progress;
        constexpr double kPi = 3.14159265358979323846;
        return finalFactor + (1.0 - finalFactor) * 0.5 * (1.0 + std::cos(kPi * progress));
    }
    return 1.0;
}

} // namespace raddraft::training
