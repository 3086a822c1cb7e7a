#pragma once
// Learning-rate schedules as a pure function of the optimiser step, so that a resumed run sets
// exactly the rate an uninterrupted run would (nothing but the step is stored).

#include <cstdint>
#include <string>

namespace raddraft::training {

struct LearningRateSchedule {
    /// "constant", "step", "warmup_cosine" or "warmup_linear" (TrainingConfig.h's ScheduleConfig).
    std::string kind = "constant";
    std::int64_t warmupSteps = 0;  ///< linear warm-up from 1/warmupSteps to 1 over these steps
    std::int64_t totalSteps = 1;   ///< steps of the whole stage (cosine/linear end here)
    std::int64_t stepSize = 1;     ///< "step": steps between decays (epochs × steps per epoch)
    double gamma = 0.1;            ///< "step": decay factor
    double finalFactor = 0.0;      ///< cosine/linear: factor at the last step

    /// Factor of the base rate for the 0-based optimiser step `step`:
    /// - warm-up (all kinds): (step + 1) / warmupSteps while step < warmupSteps;
    /// - constant: 1; step: gamma^floor(step / stepSize);
    /// - warmup_cosine: f + (1 − f)·½(1 + cos(π·p)), warmup_linear: 1 − (1 − f)·p, where
    ///   p = (step − warmupSteps) / max(1, totalSteps − 1 − warmupSteps), clamped to [0, 1], so the
    ///   last step (totalSteps − 1) runs at exactly f × the base rate.
    double factor(std::int64_t step) const;
};

} // namespace raddraft::training
