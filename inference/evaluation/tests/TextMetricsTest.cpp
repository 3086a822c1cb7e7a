// BLEU-1..4, ROUGE-L and CIDEr-D against the reference implementation's golden vectors
// (pycocoevalcap as vendored by R2Gen), corpus and per-sample values, plus hand-computed cases.

#include "evaluation/Bleu.h"
#include "evaluation/CiderD.h"
#include "evaluation/RougeL.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <stdexcept>

namespace raddraft::evaluation {
namespace {

nlohmann::json loadVectors()
{
    std::ifstream stream(RADDRAFT_NLG_VECTORS);
    if (!stream)
        throw std::runtime_error("cannot open " RADDRAFT_NLG_VECTORS);
    return nlohmann::json::parse(stream);
}

TextCorpus corpusOf(const nlohmann::json& testCase)
{
    TextCorpus corpus;
    for (const auto& [id, references] : testCase.at("gts").items())
        corpus.references[id] = references.get<std::vector<std::string>>();
    for (const auto& [id, hypotheses] : testCase.at("res").items())
        corpus.hypotheses[id] = hypotheses.at(0).get<std::string>();
    return corpus;
}

// Relative comparison: many BLEU values are legitimately 1e-6 … 1e-17.
::testing::AssertionResult closeTo(double actual, double expected)
{
    const double tolerance = 1e-9 * std::max(std::fabs(actual), std::fabs(expected)) + 1e-15;
    if (std::fabs(actual - expected) <= tolerance && std::fabs(actual - expected) <= 1e-6)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "actual " << actual << " expected " << expected;
}

void expectMetric(const std::string& caseName, const std::string& key, const MetricScore& score,
                  const nlohmann::json& testCase)
{
    EXPECT_TRUE(closeTo(score.corpus, testCase.at("scores").at(key).get<double>())) << caseName << " " << key;
    const std::vector<double> expected = testCase.at("per_sample").at(key).get<std::vector<double>>();
    ASSERT_EQ(score.perSample.size(), expected.size()) << caseName << " " << key;
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_TRUE(closeTo(score.perSample[i], expected[i])) << caseName << " " << key << " sample " << i;
}

TEST(TextMetrics, GoldenVectorsMatchReferenceImplementation)
{
    const nlohmann::json vectors = loadVectors();
    ASSERT_EQ(vectors.at("cases").size(), 25u);
    for (const nlohmann::json& testCase : vectors.at("cases")) {
        const std::string name = testCase.at("name").get<std::string>();
        const TextCorpus corpus = corpusOf(testCase);
        // per_sample lists follow per_sample.ids; our per-sample order is the map's id order.
        const std::vector<std::string> ids = testCase.at("per_sample").at("ids").get<std::vector<std::string>>();
        std::vector<std::string> ourIds;
        for (const auto& entry : corpus.hypotheses)
            ourIds.push_back(entry.first);
        ASSERT_EQ(ourIds, ids) << name;

        const BleuScores bleu = computeBleu(corpus);
        for (int k = 0; k < 4; ++k)
            expectMetric(name, "BLEU_" + std::to_string(k + 1), bleu.orders[k], testCase);
        expectMetric(name, "ROUGE_L", computeRougeL(corpus), testCase);
        expectMetric(name, "CIDEr", computeCiderD(corpus), testCase);
    }
}

TEST(TextMetrics, BleuOfTwoTokenIdenticalHypothesisShowsSmoothingConstants)
{
    TextCorpus corpus;
    corpus.hypotheses["a"] = "no effusion";
    corpus.references["a"] = {"no effusion"};
    const BleuScores bleu = computeBleu(corpus);
    // p1 = p2 ≈ 1, p3 = p4 = 1e-15/1e-9 = 1e-6 → BLEU_3 = (1e-6)^(1/3) = 0.01, BLEU_4 = 1e-3.
    EXPECT_NEAR(bleu.orders[0].corpus, 1.0, 1e-8);
    EXPECT_NEAR(bleu.orders[2].corpus, 0.01, 1e-8);
    EXPECT_NEAR(bleu.orders[3].corpus, 0.001, 1e-9);
}

TEST(TextMetrics, RougeLHandComputed)
{
    TextCorpus corpus;
    corpus.hypotheses["a"] = "the heart is large";           // 4 tokens
    corpus.references["a"] = {"the heart size is normal ."}; // 6 tokens, LCS "the heart is" = 3
    const double precision = 3.0 / 4.0;
    const double recall = 3.0 / 6.0;
    const double expected = (1 + 1.44) * precision * recall / (recall + 1.44 * precision);
    EXPECT_NEAR(computeRougeL(corpus).corpus, expected, 1e-12);
}

TEST(TextMetrics, CiderOfSingleSampleIsZero)
{
    TextCorpus corpus;
    corpus.hypotheses["a"] = "no pleural effusion .";
    corpus.references["a"] = {"no pleural effusion ."};
    EXPECT_EQ(computeCiderD(corpus).corpus, 0.0);
}

TEST(TextMetrics, MismatchedIdsAreRejected)
{
    TextCorpus corpus;
    corpus.hypotheses["a"] = "x";
    corpus.references["b"] = {"x"};
    EXPECT_THROW(computeBleu(corpus), std::invalid_argument);
    corpus.references["a"] = {};
    EXPECT_THROW(computeRougeL(corpus), std::invalid_argument);
}

} // namespace
} // namespace raddraft::evaluation
