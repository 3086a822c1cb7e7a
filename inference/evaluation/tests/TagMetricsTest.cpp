// Tag metrics on hand-computed cases (AUC by pair counting, ROC as scikit-learn's roc_curve,
// ECE by hand over 10 bins).

#include "evaluation/TagMetrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace raddraft::evaluation {
namespace {

TEST(TagMetrics, AucWithoutTies)
{
    // Pairs (pos, neg): 0.35>0.1, 0.35<0.4, 0.8>0.1, 0.8>0.4 → 3/4.
    const auto auc = rocAuc({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1});
    ASSERT_TRUE(auc.has_value());
    EXPECT_DOUBLE_EQ(*auc, 0.75);
}

TEST(TagMetrics, AucTiesCountHalf)
{
    // pos {0.5, 0.9} vs neg {0.5, 0.2}: ½ + 1 + 1 + 1 = 3.5 of 4.
    const auto auc = rocAuc({0.5, 0.5, 0.2, 0.9}, {1, 0, 0, 1});
    ASSERT_TRUE(auc.has_value());
    EXPECT_DOUBLE_EQ(*auc, 0.875);
    EXPECT_DOUBLE_EQ(*rocAuc({0.3, 0.3, 0.3}, {1, 0, 1}), 0.5);
}

TEST(TagMetrics, AucUndefinedForOneClassAndExcludedFromMacro)
{
    EXPECT_FALSE(rocAuc({0.1, 0.9}, {1, 1}).has_value());
    EXPECT_FALSE(rocAuc({}, {}).has_value());
    const TagAuc tags = computeTagAuc(
        {{"A", {0.1, 0.4, 0.35, 0.8}}, {"B", {0.2, 0.3}}, {"C", {0.2, 0.8}}},
        {{"A", {0, 0, 1, 1}}, {"B", {0, 0}}, {"C", {1, 0}}});
    EXPECT_DOUBLE_EQ(*tags.perLabel.at("A"), 0.75);
    EXPECT_FALSE(tags.perLabel.at("B").has_value());
    EXPECT_DOUBLE_EQ(*tags.perLabel.at("C"), 0.0);
    EXPECT_EQ(tags.definedLabels, 2u);
    ASSERT_TRUE(tags.macro.has_value());
    EXPECT_DOUBLE_EQ(*tags.macro, 0.375);
}

TEST(TagMetrics, RejectsBadInput)
{
    EXPECT_THROW(rocAuc({0.1}, {0, 1}), std::invalid_argument);
    EXPECT_THROW(rocAuc({0.1, 0.2}, {0, 2}), std::invalid_argument);
    EXPECT_THROW(rocAuc({0.1, std::nan("")}, {0, 1}), std::invalid_argument);
    EXPECT_THROW(computeTagAuc({{"A", {0.1}}}, {}), std::invalid_argument);
    EXPECT_THROW(computeCalibration({1.5}, {1}), std::invalid_argument);
    EXPECT_THROW(computeCalibration({0.5}, {1}, 0), std::invalid_argument);
}

TEST(TagMetrics, RocCurvePoints)
{
    // Descending: 0.8 P, 0.4 N, 0.35 P, 0.1 N.
    const auto curve = rocCurve({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1});
    ASSERT_EQ(curve.size(), 5u);
    EXPECT_TRUE(std::isinf(curve[0].threshold));
    const double fpr[] = {0, 0, 0.5, 0.5, 1}, tpr[] = {0, 0.5, 0.5, 1, 1};
    const double thr[] = {0, 0.8, 0.4, 0.35, 0.1};
    for (std::size_t i = 0; i < curve.size(); ++i) {
        EXPECT_DOUBLE_EQ(curve[i].falsePositiveRate, fpr[i]) << i;
        EXPECT_DOUBLE_EQ(curve[i].truePositiveRate, tpr[i]) << i;
        if (i > 0) {
            EXPECT_DOUBLE_EQ(curve[i].threshold, thr[i]) << i;
        }
    }
    // A tied score is one point: 0.9 P → (0, ½); 0.5 P+N → (½, 1); 0.2 N → (1, 1).
    const auto tied = rocCurve({0.5, 0.5, 0.2, 0.9}, {1, 0, 0, 1});
    ASSERT_EQ(tied.size(), 4u);
    EXPECT_DOUBLE_EQ(tied[2].falsePositiveRate, 0.5);
    EXPECT_DOUBLE_EQ(tied[2].truePositiveRate, 1.0);
    EXPECT_DOUBLE_EQ(tied[2].threshold, 0.5);
    EXPECT_TRUE(rocCurve({0.1}, {0}).empty());
}

TEST(TagMetrics, CalibrationHandComputed)
{
    // Bins: 0.05 → 0; 0.15, 0.15 → 1; 0.55 → 5; 0.95, 1.0 → 9 (last bin closed).
    // ECE = (1·0.05 + 2·|0.5 − 0.15| + 1·0.55 + 2·|1 − 0.975|) / 6 = 1.35 / 6 = 0.225.
    const Calibration cal =
        computeCalibration({0.05, 0.15, 0.15, 0.95, 1.0, 0.55}, {0, 1, 0, 1, 1, 0});
    ASSERT_EQ(cal.bins.size(), 10u);
    EXPECT_EQ(cal.total, 6);
    EXPECT_NEAR(cal.expectedCalibrationError, 0.225, 1e-12);
    EXPECT_EQ(cal.bins[0].count, 1);
    EXPECT_EQ(cal.bins[1].count, 2);
    EXPECT_NEAR(cal.bins[1].meanConfidence, 0.15, 1e-12);
    EXPECT_DOUBLE_EQ(cal.bins[1].observedFrequency, 0.5);
    EXPECT_EQ(cal.bins[2].count, 0);
    EXPECT_DOUBLE_EQ(cal.bins[2].meanConfidence, 0.0);
    EXPECT_EQ(cal.bins[5].count, 1);
    EXPECT_EQ(cal.bins[9].count, 2);
    EXPECT_NEAR(cal.bins[9].meanConfidence, 0.975, 1e-12);
    EXPECT_DOUBLE_EQ(cal.bins[9].observedFrequency, 1.0);
    EXPECT_DOUBLE_EQ(cal.bins[9].lower, 0.9);
    EXPECT_DOUBLE_EQ(cal.bins[9].upper, 1.0);
}

TEST(TagMetrics, CalibrationBinEdgesAreLeftClosed)
{
    // 0.1 belongs to bin 1 ([0.1, 0.2)), 0.0 to bin 0; a perfectly calibrated case has ECE 0.
    const Calibration cal = computeCalibration({0.0, 0.1}, {0, 0});
    EXPECT_EQ(cal.bins[0].count, 1);
    EXPECT_EQ(cal.bins[1].count, 1);
    EXPECT_NEAR(cal.expectedCalibrationError, 0.05, 1e-12);
    EXPECT_DOUBLE_EQ(computeCalibration({0.0, 1.0}, {0, 1}).expectedCalibrationError, 0.0);
    EXPECT_DOUBLE_EQ(computeCalibration({}, {}).expectedCalibrationError, 0.0);
}

} // namespace
} // namespace raddraft::evaluation
