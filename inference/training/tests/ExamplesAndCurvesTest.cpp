// Examples from dataset records (views, tag targets, uncertain labels, the labeler fallback), the
// vocabulary and references, positive weights, and the curves CSV.

#include "TrainingCurves.h"
#include "TrainingExamples.h"
#include "training/TrainingError.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace raddraft;
using namespace raddraft::training;

namespace {

datasets::DatasetRecord record(const std::string& id, const std::string& split, const std::string& report,
                               std::map<std::string, int> labels) {
    datasets::DatasetRecord result;
    result.id = id;
    result.split = split;
    result.report = report;
    result.imagePaths = {"/data/" + id + "-frontal.png", "/data/" + id + "-lateral.png"};
    result.graphLabels = std::move(labels);
    return result;
}

const std::vector<std::string> kLabels{"normal", "cardiomegaly", "pleural effusion", "others"};

} // namespace

TEST(TrainingExamples, GraphLabelsBecomeTargetsAndUncertainOnesFollowTheConfig) {
    datasets::Dataset dataset;
    dataset.directory = "/data";
    dataset.records = {record("a", "train", "Mild cardiomegaly.", {{"normal", 0}, {"cardiomegaly", 1}, {"pleural effusion", -1}}),
                       record("b", "val", "Normal chest.", {{"normal", 1}, {"cardiomegaly", 0}, {"pleural effusion", 0}})};
    DataConfig data;
    ExampleSet set = buildExamples(dataset, kLabels, data);
    ASSERT_EQ(set.train.size(), 1u);
    ASSERT_EQ(set.validation.size(), 1u);
    EXPECT_EQ(set.labelSource, "dataset");
    EXPECT_EQ(set.train[0].imagePaths, (std::vector<std::string>{"/data/a-frontal.png", "/data/a-lateral.png"}));
    EXPECT_EQ(set.train[0].labels, (std::vector<float>{0, 1, 0, 0}));
    EXPECT_EQ(set.train[0].labelWeights, (std::vector<float>{1, 1, 0, 0})); // uncertain ignored, "others" unknown

    data.uncertainLabels = UncertainLabels::Positive;
    set = buildExamples(dataset, kLabels, data);
    EXPECT_EQ(set.train[0].labels[2], 1.0f);
    EXPECT_EQ(set.train[0].labelWeights[2], 1.0f);
    data.uncertainLabels = UncertainLabels::Negative;
    set = buildExamples(dataset, kLabels, data);
    EXPECT_EQ(set.train[0].labels[2], 0.0f);
    EXPECT_EQ(set.train[0].labelWeights[2], 1.0f);

    data.views = {"lateral"};
    set = buildExamples(dataset, kLabels, data);
    EXPECT_EQ(set.train[0].imagePaths, std::vector<std::string>{"/data/a-lateral.png"});
}

TEST(TrainingExamples, RecordsWithoutGraphLabelsAreLabelledFromTheirReport) {
    datasets::Dataset dataset;
    dataset.directory = "/iu";
    dataset.records = {record("x", "train", "The heart is enlarged. Small left pleural effusion.", {}),
                       record("y", "train", "Heart size normal. No pleural effusion. The lungs are clear.", {})};
    const ExampleSet set = buildExamples(dataset, kLabels, DataConfig());
    EXPECT_EQ(set.labelSource, "labeler");
    EXPECT_EQ(set.train[0].labels[1], 1.0f);        // cardiomegaly
    EXPECT_EQ(set.train[0].labels[2], 1.0f);        // pleural effusion
    EXPECT_EQ(set.train[1].labels[2], 0.0f);
    EXPECT_EQ(set.train[1].labelWeights[2], 1.0f);
    EXPECT_EQ(set.train[1].labelWeights[3], 0.0f);  // "others": no observation maps to it
    EXPECT_EQ(graphNodeForObservation("Pleural Effusion"), "pleural effusion");
    EXPECT_EQ(graphNodeForObservation("No Finding"), "normal");
    EXPECT_EQ(graphNodeForObservation("Enlarged Cardiomediastinum"), "");
}

TEST(TrainingExamples, AMissingViewIsAnErrorNamingTheRecord) {
    datasets::Dataset dataset;
    dataset.directory = "/data";
    dataset.records = {record("only-frontal", "train", "Normal.", {{"normal", 1}})};
    dataset.records[0].imagePaths.resize(1);
    try {
        buildExamples(dataset, kLabels, DataConfig());
        FAIL() << "no error";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("'only-frontal' has no lateral image"), std::string::npos) << error.what();
    }
}

TEST(TrainingExamples, LimitsKeepTheFirstStudiesOfASplit) {
    datasets::Dataset dataset;
    for (int i = 0; i < 5; ++i) dataset.records.push_back(record("t" + std::to_string(i), "train", "Normal.", {{"normal", 1}}));
    DataConfig data;
    data.maxTrainStudies = 3;
    const ExampleSet set = buildExamples(dataset, kLabels, data);
    ASSERT_EQ(set.train.size(), 3u);
    EXPECT_EQ(set.train[2].id, "t2");
}

TEST(TrainingExamples, VocabularyThresholdAndReferences) {
    std::vector<TrainingExample> train(3);
    train[0].report = "The heart is normal.";
    train[1].report = "The heart is enlarged.";
    train[2].report = "The lungs are clear.";
    const inference::Vocabulary vocabulary = buildVocabulary(train, inference::CleaningStyle::IuXray, 2);
    EXPECT_EQ(vocabulary.tokens(), (std::vector<std::string>{".", "<unk>", "heart", "is", "the"}));
    EXPECT_EQ(referenceText("The heart is huge.", vocabulary, inference::CleaningStyle::IuXray, 60), "the heart is <unk> .");
    EXPECT_EQ(referenceText("The heart is huge.", vocabulary, inference::CleaningStyle::IuXray, 3), "the heart");
}

TEST(TrainingExamples, PositiveWeightsAreNegativesOverPositivesClamped) {
    std::vector<TrainingExample> train(5);
    for (std::size_t i = 0; i < train.size(); ++i) {
        train[i].labels = {i == 0 ? 1.0f : 0.0f, 1.0f, 0.0f};
        train[i].labelWeights = {1.0f, 1.0f, 1.0f};
    }
    train[4].labelWeights[0] = 0.0f; // unknown: not counted
    const std::vector<float> weights = positiveWeights(train, 3, 10.0);
    EXPECT_FLOAT_EQ(weights[0], 3.0f); // 3 negatives / 1 positive
    EXPECT_FLOAT_EQ(weights[1], 1.0f); // clamped up to 1
    EXPECT_FLOAT_EQ(weights[2], 1.0f); // no positive at all
    EXPECT_FLOAT_EQ(positiveWeights(train, 3, 2.0)[0], 2.0f);
}

TEST(TrainingCurves, CsvRoundTripKeepsMissingCellsEmpty) {
    TrainingCurves curves;
    CurveRow pretrain;
    pretrain.stage = "pretrain";
    pretrain.epoch = 1;
    pretrain.step = 12;
    pretrain.trainLoss = 0.693;
    pretrain.validationTagAuc = 0.71;
    pretrain.learningRate = 1e-3;
    pretrain.seconds = 3.5;
    curves.add(pretrain);
    CurveRow report;
    report.stage = "report";
    report.epoch = 2;
    report.step = 40;
    report.trainLoss = 2.5;
    report.validationBleu4 = 0.125;
    report.validationCeF1 = 0.5;
    curves.add(report);
    const std::string csv = curves.toCsv();
    EXPECT_NE(csv.find("pretrain,1,12,0.693,,0.71,,,0.001,3.5\n"), std::string::npos) << csv;
    const TrainingCurves parsed = TrainingCurves::fromCsv(csv, "curves.csv");
    ASSERT_EQ(parsed.rows().size(), 2u);
    EXPECT_EQ(parsed.rows()[1].stage, "report");
    EXPECT_DOUBLE_EQ(parsed.rows()[1].validationBleu4, 0.125);
    EXPECT_TRUE(std::isnan(parsed.rows()[1].learningRate));
    EXPECT_EQ(TrainingCurves::fromJson(curves.toJson()).toCsv(), csv);
    EXPECT_THROW(TrainingCurves::fromCsv("epoch,loss\n1,2\n", "bad.csv"), TrainingError);
    EXPECT_THROW(TrainingCurves::fromCsv(std::string(TrainingCurves::kHeader) + "\nreport,1,2,x,,,,,,\n", "bad.csv"), TrainingError);
}
