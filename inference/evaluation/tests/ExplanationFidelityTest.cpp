// Explanation fidelity on hand-computed cases. Upsampling values are torch's
// F.interpolate(mode="bilinear", align_corners=False) for the same inputs.

#include "evaluation/ExplanationFidelity.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace raddraft::evaluation {
namespace {

Mask maskWith(int h, int w, std::initializer_list<std::pair<int, int>> inside)
{
    Mask m{h, w, std::vector<std::uint8_t>(static_cast<std::size_t>(h * w), 0)};
    for (const auto& [y, x] : inside) m.values[static_cast<std::size_t>(y * w + x)] = 1;
    return m;
}

// [[0, 0], [0, 1]] → 4×4 is the outer product of (0, ¼, ¾, 1) with itself:
//   0 0      0      0
//   0 .0625  .1875  .25
//   0 .1875  .5625  .75
//   0 .25    .75    1      (sum 4, max at (3, 3))
const Heatmap kCorner{2, 2, {0, 0, 0, 1}};

TEST(ExplanationFidelity, UpsampleMatchesTorchAlignCornersFalse)
{
    const std::vector<float> up = upsampleBilinear({2, 2, {1, 2, 3, 4}}, 4, 4);
    const std::vector<float> expected = {1.0f, 1.25f, 1.75f, 2.0f, 1.5f, 1.75f, 2.25f, 2.5f,
                                         2.5f, 2.75f, 3.25f, 3.5f, 3.0f, 3.25f, 3.75f, 4.0f};
    ASSERT_EQ(up.size(), expected.size());
    for (std::size_t i = 0; i < up.size(); ++i) EXPECT_FLOAT_EQ(up[i], expected[i]) << i;
    // Non-square: 1×2 → 1×4 = (1, 1.25, 1.75, 2).
    const std::vector<float> row = upsampleBilinear({1, 2, {1, 2}}, 1, 4);
    EXPECT_FLOAT_EQ(row[1], 1.25f);
    EXPECT_FLOAT_EQ(row[3], 2.0f);
    EXPECT_THROW(upsampleBilinear({2, 2, {1, 2, 3}}, 4, 4), std::invalid_argument);
}

TEST(ExplanationFidelity, MaskOnTheHotCorner)
{
    // Mask = rows 2–3 × cols 2–3: energy (.5625 + .75 + .75 + 1) / 4; region ≥ 0.7 = 3 pixels,
    // all inside the 4-pixel mask → IoU 3/4.
    const FidelityScores s = computeFidelity(kCorner, maskWith(4, 4, {{2, 2}, {2, 3}, {3, 2}, {3, 3}}), 0.0);
    EXPECT_TRUE(s.pointingHit);
    EXPECT_DOUBLE_EQ(s.energy, 0.765625);
    EXPECT_DOUBLE_EQ(s.iou, 0.75);
}

TEST(ExplanationFidelity, PointingToleranceIsEuclidean)
{
    // Mask pixel (0, 0), maximum at (3, 3): Euclidean √18 ≈ 4.24, Chebyshev 3.
    const Mask far = maskWith(4, 4, {{0, 0}});
    EXPECT_FALSE(computeFidelity(kCorner, far, 0.0).pointingHit);
    EXPECT_FALSE(computeFidelity(kCorner, far, 3.5).pointingHit); // would hit with Chebyshev
    EXPECT_FALSE(computeFidelity(kCorner, far, 4.2).pointingHit);
    EXPECT_TRUE(computeFidelity(kCorner, far, 4.25).pointingHit);
    EXPECT_TRUE(computeFidelity(kCorner, far).pointingHit); // default 15 px
    // Distance exactly 3 counts (≤).
    EXPECT_TRUE(computeFidelity(kCorner, maskWith(4, 4, {{3, 0}}), 3.0).pointingHit);
    EXPECT_FALSE(computeFidelity(kCorner, maskWith(4, 4, {{3, 0}}), 2.9).pointingHit);
    const FidelityScores s = computeFidelity(kCorner, far, 0.0);
    EXPECT_DOUBLE_EQ(s.energy, 0.0);
    EXPECT_DOUBLE_EQ(s.iou, 0.0); // 0 / (3 + 1)
}

TEST(ExplanationFidelity, ZeroAndNegativeHeatmaps)
{
    const Mask m = maskWith(4, 4, {{0, 0}, {1, 1}});
    const FidelityScores zero = computeFidelity({2, 2, {0, 0, 0, 0}}, m);
    EXPECT_FALSE(zero.pointingHit); // constant heatmap points nowhere
    EXPECT_DOUBLE_EQ(zero.energy, 0.0);
    EXPECT_DOUBLE_EQ(zero.iou, 0.0);
    // Negative values carry no energy: only the upsampled positive corner counts (all outside m).
    const FidelityScores neg = computeFidelity({2, 2, {-1, 0, 0, 1}}, maskWith(4, 4, {{0, 0}}), 0.0);
    EXPECT_DOUBLE_EQ(neg.energy, 0.0);
    EXPECT_FALSE(neg.pointingHit);
}

TEST(ExplanationFidelity, RejectsEmptyOrInconsistentMask)
{
    EXPECT_THROW(computeFidelity(kCorner, maskWith(4, 4, {})), std::invalid_argument);
    EXPECT_THROW(computeFidelity(kCorner, Mask{4, 4, {1}}), std::invalid_argument);
    EXPECT_THROW(computeFidelity(kCorner, maskWith(4, 4, {{0, 0}}), -1.0), std::invalid_argument);
}

TEST(ExplanationFidelity, AggregatorPerFindingOverallAndMacro)
{
    FidelityAggregator agg;
    agg.add("A", {true, 0.5, 0.25});
    agg.add("A", {false, 0.7, 0.75});
    agg.add("B", {true, 1.0, 1.0});
    const FidelitySummary s = agg.summary();
    EXPECT_EQ(s.perFinding.at("A").studies, 2);
    EXPECT_DOUBLE_EQ(s.perFinding.at("A").pointingGame, 0.5);
    EXPECT_DOUBLE_EQ(s.perFinding.at("A").energyPointingGame, 0.6);
    EXPECT_DOUBLE_EQ(s.perFinding.at("A").iou, 0.5);
    EXPECT_EQ(s.overall.studies, 3);
    EXPECT_DOUBLE_EQ(s.overall.pointingGame, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(s.overall.energyPointingGame, 2.2 / 3.0);
    EXPECT_DOUBLE_EQ(s.overall.iou, 2.0 / 3.0);
    EXPECT_EQ(s.macro.studies, 2);
    EXPECT_DOUBLE_EQ(s.macro.pointingGame, 0.75);
    EXPECT_DOUBLE_EQ(s.macro.energyPointingGame, 0.8);
    EXPECT_DOUBLE_EQ(s.macro.iou, 0.75);
    EXPECT_EQ(FidelityAggregator{}.summary().overall.studies, 0);
}

} // namespace
} // namespace raddraft::evaluation
