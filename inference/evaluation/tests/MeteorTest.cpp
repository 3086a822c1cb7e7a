// METEOR (exact + stem modules, 1.5 English parameters) on hand-computed cases. The golden vectors
// hold no METEOR values (the reference jar is absent), so these cases are the check.

#include "evaluation/Meteor.h"

#include <gtest/gtest.h>

#include <cmath>

namespace raddraft::evaluation {
namespace {

TEST(Meteor, IdenticalTextScoresOne)
{
    const MeteorStatistics statistics = alignForMeteor("the heart is enlarged .", "the heart is enlarged .");
    EXPECT_EQ(statistics.chunks, 1);
    EXPECT_DOUBLE_EQ(meteorScore(statistics), 1.0);
}

TEST(Meteor, SwappedWordsPayFullFragmentationPenalty)
{
    // Two content words, both matched, 2 chunks over 2 matches: frag = 1, penalty = 0.6.
    EXPECT_NEAR(meteorScore(alignForMeteor("effusion cardiomegaly", "cardiomegaly effusion")), 0.4, 1e-12);
}

TEST(Meteor, StemMatchHandComputed)
{
    // hyp: pleural(content) effusions(content); ref: pleural effusion .(function)
    // exact: pleural (1.0); stem: effusions ~ effusion (0.6); one chunk, ref not fully covered.
    const MeteorStatistics statistics = alignForMeteor("pleural effusions", "pleural effusion .");
    EXPECT_EQ(statistics.hypothesisMatches, 2);
    EXPECT_EQ(statistics.chunks, 1);
    const double precision = (0.75 * 1.6) / (0.75 * 2);
    const double recall = (0.75 * 1.6) / (0.75 * 2 + 0.25 * 1);
    const double fMean = precision * recall / (0.85 * precision + 0.15 * recall);
    const double penalty = 0.6 * std::pow(1.0 / 2.0, 0.2);
    EXPECT_NEAR(meteorScore(statistics), fMean * (1 - penalty), 1e-12);
}

TEST(Meteor, NoMatchScoresZeroAndCorpusTakesBestReference)
{
    TextCorpus corpus;
    corpus.hypotheses["a"] = "no pneumothorax";
    corpus.references["a"] = {"heart normal", "no pneumothorax"};
    corpus.hypotheses["b"] = "cardiomegaly";
    corpus.references["b"] = {"clear lungs"};
    const MetricScore score = computeMeteor(corpus);
    ASSERT_EQ(score.perSample.size(), 2u);
    EXPECT_DOUBLE_EQ(score.perSample[0], 1.0);
    EXPECT_DOUBLE_EQ(score.perSample[1], 0.0);
    EXPECT_GT(score.corpus, 0.0);
    EXPECT_LT(score.corpus, 1.0);
}

} // namespace
} // namespace raddraft::evaluation
