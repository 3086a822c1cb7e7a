#include "evaluation/ModelEvaluation.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace raddraft::evaluation;

namespace {

StudyOutcome outcome(const std::string& id, const std::string& reference, const std::string& generated) {
    StudyOutcome study;
    study.id = id;
    study.referenceText = reference;
    study.generatedText = generated;
    study.referenceForMetrics = reference;
    study.generatedForMetrics = generated;
    return study;
}

} // namespace

TEST(ModelEvaluation, PerfectDraftsScoreOneAndUndefinedPartsAreNull) {
    ModelEvaluation evaluation;
    evaluation.add(outcome("a", "there is a large left pleural effusion .", "there is a large left pleural effusion ."));
    evaluation.add(outcome("b", "the heart is enlarged . no pneumothorax .", "the heart is enlarged . no pneumothorax ."));
    const ModelEvaluationResult result = evaluation.finish();
    EXPECT_EQ(result.studies, 2);
    ASSERT_EQ(result.textMetrics.size(), 7u);
    EXPECT_EQ(result.textMetrics[0].first, "BLEU_1");
    EXPECT_NEAR(result.textMetrics[0].second, 1.0, 1e-6);
    EXPECT_NEAR(result.textMetrics[3].second, 1.0, 1e-6); // BLEU_4
    EXPECT_DOUBLE_EQ(result.chexpert.f1Micro, 1.0);       // effusion and cardiomegaly, both found
    EXPECT_EQ(result.chexpert.perLabel.at("Pleural Effusion").truePositives, 1);
    EXPECT_EQ(result.chexpert.perLabel.at("Cardiomegaly").truePositives, 1);
    EXPECT_FALSE(result.tagAuc.has_value());
    EXPECT_FALSE(result.fidelity.has_value());

    const nlohmann::ordered_json json = result.toJson();
    const std::vector<std::string> keys = {"n_studies", "BLEU_1", "BLEU_2", "BLEU_3", "BLEU_4", "METEOR", "ROUGE_L",
                                           "CIDEr", "CE_precision_micro", "CE_recall_micro", "CE_F1_micro",
                                           "CE_F1_macro", "tag_AUC_macro", "pointing_game",
                                           "energy_pointing_game", "heatmap_IoU", "details"};
    std::vector<std::string> actual;
    for (const auto& item : json.items()) actual.push_back(item.key());
    EXPECT_EQ(actual, keys);
    EXPECT_TRUE(json["tag_AUC_macro"].is_null());
    EXPECT_TRUE(json["pointing_game"].is_null());
}

TEST(ModelEvaluation, MissedFindingLowersRecallNotPrecision) {
    ModelEvaluation evaluation;
    evaluation.add(outcome("a", "large right pleural effusion . the heart is enlarged .", "the heart is enlarged ."));
    const ModelEvaluationResult result = evaluation.finish();
    EXPECT_DOUBLE_EQ(result.chexpert.precisionMicro, 1.0);
    EXPECT_DOUBLE_EQ(result.chexpert.recallMicro, 0.5);
    EXPECT_EQ(result.chexpert.perLabel.at("Pleural Effusion").falseNegatives, 1);
}

TEST(ModelEvaluation, TagAucIgnoresUncertainTruthAndPoolsCalibration) {
    ModelEvaluation evaluation;
    // cardiomegaly ranked perfectly; effusion inverted; one uncertain truth that must not count.
    const double probabilities[4][2] = {{0.9, 0.2}, {0.8, 0.7}, {0.1, 0.6}, {0.3, 0.99}};
    const int truth[4][2] = {{1, 1}, {1, 0}, {0, 1}, {0, -1}};
    for (int i = 0; i < 4; ++i) {
        StudyOutcome study = outcome(std::to_string(i), "no acute disease .", "no acute disease .");
        study.tagProbabilities = {{"cardiomegaly", probabilities[i][0]}, {"pleural effusion", probabilities[i][1]}};
        study.tagTruth = {{"cardiomegaly", truth[i][0]}, {"pleural effusion", truth[i][1]}};
        evaluation.add(study);
    }
    const ModelEvaluationResult result = evaluation.finish(5);
    ASSERT_TRUE(result.tagAuc.has_value());
    EXPECT_DOUBLE_EQ(*result.tagAuc->perLabel.at("cardiomegaly"), 1.0);
    // effusion: positives {0.2, 0.6}, negative {0.7}: both below → AUC 0.
    EXPECT_DOUBLE_EQ(*result.tagAuc->perLabel.at("pleural effusion"), 0.0);
    EXPECT_DOUBLE_EQ(*result.tagAuc->macro, 0.5);
    EXPECT_EQ(result.tagPairs, 7);
    ASSERT_TRUE(result.calibration.has_value());
    EXPECT_EQ(result.calibration->total, 7);
    EXPECT_EQ(result.calibration->bins.size(), 5u);
    EXPECT_EQ(result.rocCurves.size(), 2u);
    EXPECT_NEAR(result.toJson()["tag_AUC_macro"].get<double>(), 0.5, 1e-12);
}

TEST(ModelEvaluation, FidelityAveragesEveryScoredHeatmap) {
    ModelEvaluation evaluation;
    evaluation.add(outcome("a", "small left pleural effusion .", "small left pleural effusion ."));
    evaluation.addFidelity("pleural effusion", FidelityScores{true, 0.6, 0.5});
    evaluation.addFidelity("pleural effusion", FidelityScores{false, 0.2, 0.1});
    evaluation.addFidelity("nodule", FidelityScores{true, 0.9, 0.3});
    const nlohmann::ordered_json json = evaluation.finish().toJson();
    EXPECT_NEAR(json["pointing_game"].get<double>(), 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(json["energy_pointing_game"].get<double>(), (0.6 + 0.2 + 0.9) / 3.0, 1e-12);
    EXPECT_NEAR(json["details"]["explanation_fidelity"]["per_finding"]["pleural effusion"]["pointing_game"].get<double>(),
                0.5, 1e-12);
}

TEST(ModelEvaluation, EmptyOrDuplicateInputIsAnError) {
    EXPECT_THROW(ModelEvaluation().finish(), std::invalid_argument);
    ModelEvaluation evaluation;
    evaluation.add(outcome("a", "x .", "x ."));
    evaluation.add(outcome("a", "y .", "y ."));
    EXPECT_THROW(evaluation.finish(), std::invalid_argument);
}
