// Clinical efficacy on a hand-computed case (values checked against scikit-learn's definitions).

#include "evaluation/ClinicalEfficacy.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace raddraft::evaluation {
namespace {

TEST(ClinicalEfficacy, HandComputedMicroAndMacro)
{
    // Label A: gen 1,1,0(blank),−1 vs ref 1,0,1,1 → TP 1, FP 1, FN 2 (uncertain and blank are 0).
    // Label B: never positive anywhere → P = R = F1 = 0 (zero_division = 0).
    const std::vector<ReportLabels> generated = {{{"A", 1}}, {{"A", 1}, {"B", 0}}, {}, {{"A", -1}}};
    const std::vector<ReportLabels> reference = {{{"A", 1}}, {{"A", 0}}, {{"A", 1}}, {{"A", 1}, {"B", -1}}};
    const ClinicalEfficacy ce = computeClinicalEfficacy(generated, reference, {"A", "B"});
    EXPECT_DOUBLE_EQ(ce.perLabel.at("A").precision, 0.5);
    EXPECT_DOUBLE_EQ(ce.perLabel.at("A").recall, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(ce.perLabel.at("A").f1, 2.0 / 5.0);
    EXPECT_DOUBLE_EQ(ce.perLabel.at("B").f1, 0.0);
    EXPECT_DOUBLE_EQ(ce.precisionMicro, 0.5);
    EXPECT_DOUBLE_EQ(ce.recallMicro, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(ce.f1Micro, 0.4);
    EXPECT_DOUBLE_EQ(ce.precisionMacro, 0.25);
    EXPECT_DOUBLE_EQ(ce.recallMacro, 1.0 / 6.0);
    EXPECT_DOUBLE_EQ(ce.f1Macro, 0.2);
}

TEST(ClinicalEfficacy, RejectsMismatchedLengths)
{
    EXPECT_THROW(computeClinicalEfficacy({{}}, {}, {"A"}), std::invalid_argument);
}

} // namespace
} // namespace raddraft::evaluation
