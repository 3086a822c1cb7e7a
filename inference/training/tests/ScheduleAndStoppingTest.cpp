// Learning-rate schedules (values at chosen steps) and early stopping (best epoch, patience).

#include "EarlyStopping.h"
#include "LearningRateSchedule.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace raddraft::training;

TEST(LearningRateSchedule, WarmupRisesLinearlyThenCosineReachesTheFinalFactorAtTheLastStep) {
    LearningRateSchedule schedule;
    schedule.kind = "warmup_cosine";
    schedule.warmupSteps = 4;
    schedule.totalSteps = 14;
    schedule.finalFactor = 0.1;
    EXPECT_DOUBLE_EQ(schedule.factor(0), 0.25);
    EXPECT_DOUBLE_EQ(schedule.factor(1), 0.5);
    EXPECT_DOUBLE_EQ(schedule.factor(3), 1.0);
    EXPECT_DOUBLE_EQ(schedule.factor(4), 1.0);          // decay starts at full rate
    // Steps 4 … 13 span the decay: the middle (p = 0.5) is halfway between 1 and 0.1.
    schedule.totalSteps = 13;                            // span 13 − 1 − 4 = 8: step 8 is p = 0.5
    EXPECT_NEAR(schedule.factor(8), 0.55, 1e-12);
    EXPECT_NEAR(schedule.factor(12), 0.1, 1e-12);        // the last step
    EXPECT_NEAR(schedule.factor(50), 0.1, 1e-12);        // clamped beyond
}

TEST(LearningRateSchedule, LinearDecayAndStepDecayAndConstant) {
    LearningRateSchedule linear;
    linear.kind = "warmup_linear";
    linear.warmupSteps = 0;
    linear.totalSteps = 11;
    linear.finalFactor = 0.0;
    EXPECT_DOUBLE_EQ(linear.factor(0), 1.0);
    EXPECT_NEAR(linear.factor(5), 0.5, 1e-12);
    EXPECT_NEAR(linear.factor(10), 0.0, 1e-12);

    LearningRateSchedule step;
    step.kind = "step";
    step.stepSize = 3;
    step.gamma = 0.5;
    EXPECT_DOUBLE_EQ(step.factor(0), 1.0);
    EXPECT_DOUBLE_EQ(step.factor(2), 1.0);
    EXPECT_DOUBLE_EQ(step.factor(3), 0.5);
    EXPECT_DOUBLE_EQ(step.factor(7), 0.25);
    step.warmupSteps = 2;                                // warm-up applies to every kind
    EXPECT_DOUBLE_EQ(step.factor(0), 0.5);

    LearningRateSchedule constant;
    EXPECT_DOUBLE_EQ(constant.factor(0), 1.0);
    EXPECT_DOUBLE_EQ(constant.factor(1000), 1.0);
}

TEST(EarlyStopping, KeepsTheBestEpochAndStopsAfterPatienceEpochsWithoutImprovement) {
    EarlyStopping stopping(2, 0.0, true);
    EXPECT_TRUE(stopping.update(1, 0.10));
    EXPECT_TRUE(stopping.update(2, 0.30));
    EXPECT_FALSE(stopping.update(3, 0.25));
    EXPECT_FALSE(stopping.shouldStop());
    EXPECT_FALSE(stopping.update(4, 0.30));              // equal is not better
    EXPECT_TRUE(stopping.shouldStop());
    EXPECT_EQ(stopping.bestEpoch(), 2);
    EXPECT_DOUBLE_EQ(stopping.bestValue(), 0.30);
}

TEST(EarlyStopping, LowerIsBetterMinDeltaNanAndRoundTrip) {
    EarlyStopping stopping(0, 0.05, false);
    EXPECT_FALSE(stopping.update(1, std::nan("")));      // NaN never counts
    EXPECT_TRUE(stopping.update(2, 2.0));
    EXPECT_FALSE(stopping.update(3, 1.97));              // improvement below minDelta
    EXPECT_TRUE(stopping.update(4, 1.5));
    EXPECT_FALSE(stopping.shouldStop());                 // patience 0: never stops
    EXPECT_EQ(stopping.bestEpoch(), 4);

    EarlyStopping restored(0, 0.05, false);
    restored.restore(stopping.toJson());
    EXPECT_EQ(restored.bestEpoch(), 4);
    EXPECT_DOUBLE_EQ(restored.bestValue(), 1.5);
    EXPECT_EQ(restored.epochsWithoutImprovement(), 0);
    EXPECT_FALSE(restored.update(5, 1.6));
    EXPECT_EQ(restored.epochsWithoutImprovement(), 1);
}
