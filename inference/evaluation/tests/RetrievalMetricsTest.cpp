// Retrieval metrics on hand-made rankings (numbers worked out by hand in the comments).

#include "evaluation/RetrievalMetrics.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace raddraft::evaluation {
namespace {

TEST(RetrievalMetrics, AveragePrecisionAtK)
{
    // Relevant {a, c}; ranking a x c y: hits at ranks 1 and 3 → (1/1 + 2/3) / min(k, 2).
    const std::vector<std::string> ranking{"a", "x", "c", "y"};
    EXPECT_DOUBLE_EQ(averagePrecision(ranking, {"a", "c"}, 3), (1.0 + 2.0 / 3.0) / 2.0);
    // k = 1: only rank 1 (a hit) over min(1, 2) = 1.
    EXPECT_DOUBLE_EQ(averagePrecision(ranking, {"a", "c"}, 1), 1.0);
    // k = 2: rank 1 only → 1 / 2.
    EXPECT_DOUBLE_EQ(averagePrecision(ranking, {"a", "c"}, 2), 0.5);
    // Whole ranking, a relevant item never ranked (z) counts in the normaliser: (1 + 2/3) / 3.
    EXPECT_DOUBLE_EQ(averagePrecision(ranking, {"a", "c", "z"}, 0), (1.0 + 2.0 / 3.0) / 3.0);
    EXPECT_DOUBLE_EQ(averagePrecision(ranking, {}, 3), 0.0);
    EXPECT_DOUBLE_EQ(averagePrecision(ranking, {"q"}, 3), 0.0);
}

TEST(RetrievalMetrics, RecallPrecisionAndMapAtThreeAndFive)
{
    const std::vector<RankedRetrieval> queries = {
        {{"a", "b", "c", "d", "e"}, {"a", "d"}}, // top3: a; top5: a, d
        {{"x", "y", "z", "w", "v"}, {"v"}},      // top3: none; top5: v (rank 5)
        {{"p", "q", "r", "s", "t"}, {}},         // nothing relevant: skipped
    };
    const RetrievalScores scores = scoreRetrieval(queries, {3, 5});
    EXPECT_EQ(scores.queries, 2);
    EXPECT_EQ(scores.skipped, 1);
    ASSERT_EQ(scores.atK.size(), 2u);
    // @3: 1 hit of 3 relevant; precision 1 / (3 × 2).
    EXPECT_DOUBLE_EQ(scores.atK[0].recall, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(scores.atK[0].precision, 1.0 / 6.0);
    // AP@3: query 1 (1/1) / 2 = 0.5; query 2: 0 → mean 0.25.
    EXPECT_DOUBLE_EQ(scores.atK[0].meanAveragePrecision, 0.25);
    // @5: 3 hits of 3; precision 3 / 10; AP@5: (1 + 2/4) / 2 = 0.75 and (1/5) / 1 = 0.2.
    EXPECT_DOUBLE_EQ(scores.atK[1].recall, 1.0);
    EXPECT_DOUBLE_EQ(scores.atK[1].precision, 0.3);
    EXPECT_DOUBLE_EQ(scores.atK[1].meanAveragePrecision, (0.75 + 0.2) / 2.0);
    EXPECT_THROW(scoreRetrieval(queries, {0}), std::invalid_argument);
}

TEST(RetrievalMetrics, ShortRankingsCountAsMisses)
{
    const RetrievalScores scores = scoreRetrieval({{{"a"}, {"a", "b"}}}, {3});
    EXPECT_DOUBLE_EQ(scores.atK[0].recall, 0.5);
    EXPECT_DOUBLE_EQ(scores.atK[0].precision, 1.0 / 3.0);
}

TEST(RetrievalMetrics, ThresholdMaximisesMicroF1AndPrefersTheLowerOnTies)
{
    // Candidates by score: 0.9 hit, 0.8 hit, 0.5 miss, 0.4 hit, 0.1 miss; 4 relevant in all.
    //   τ 0.9: P 1, R 1/4 → F1 0.4;   τ 0.8: P 1, R 1/2 → 0.667
    //   τ 0.5: P 2/3, R 1/2 → 0.571;  τ 0.4: P 3/4, R 3/4 → 0.75;  τ 0.1: P 3/5, R 3/4 → 0.667
    const std::vector<ScoredCandidates> queries = {
        {{0.9, 0.5}, {true, false}, 2},
        {{0.8, 0.4}, {true, true}, 2},
        {{0.1}, {false}, 0}, // a study without an abnormal finding: a report here is a false positive
    };
    const ThresholdChoice choice = calibrateRetrievalThreshold(queries, -5.0);
    EXPECT_DOUBLE_EQ(choice.threshold, 0.4);
    EXPECT_DOUBLE_EQ(choice.precision, 0.75);
    EXPECT_DOUBLE_EQ(choice.recall, 0.75);
    EXPECT_DOUBLE_EQ(choice.f1, 0.75);

    // A tie: τ 0.8 reports 1 (a hit) of 2 relevant → P 1, R 1/2, F1 2/3; τ 0.3 reports 4 with both
    // hits → P 1/2, R 1, F1 2/3. The lower threshold wins.
    const ThresholdChoice tie = calibrateRetrievalThreshold({{{0.8, 0.6, 0.5, 0.3}, {true, false, false, true}, 2}}, -5.0);
    EXPECT_DOUBLE_EQ(tie.threshold, 0.3);
    EXPECT_NEAR(tie.f1, 2.0 / 3.0, 1e-12);
}

TEST(RetrievalMetrics, ThresholdWithoutCandidatesOrHits)
{
    EXPECT_DOUBLE_EQ(calibrateRetrievalThreshold({}, -5.0).threshold, -5.0);
    // Nothing relevant among the candidates: report nothing (above the best score).
    const ThresholdChoice none = calibrateRetrievalThreshold({{{-0.5, -1.0}, {false, false}, 1}}, -5.0);
    EXPECT_GT(none.threshold, -0.5);
    EXPECT_DOUBLE_EQ(none.f1, 0.0);
    EXPECT_THROW(calibrateRetrievalThreshold({{{0.1}, {}, 0}}, -5.0), std::invalid_argument);
}

} // namespace
} // namespace raddraft::evaluation
