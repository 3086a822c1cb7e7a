// Which sentences are abnormal findings (SentenceLabels.h): exact on phantom reports — checked
// against the ground truth of generated studies, one abnormal sentence per finding in the
// Findings section and none in a normal study — sensible on free text, and data.reports
// "abnormal" keeps only those sentences of the training reports.

#include "SentenceLabels.h"
#include "TrainingConfig.h"
#include "TrainingExamples.h"
#include "phantom/PhantomReport.h"
#include "phantom/PhantomSentences.h"
#include "phantom/PhantomSpec.h"
#include "training/TrainingError.h"

#include <gtest/gtest.h>

using namespace raddraft;
using namespace raddraft::training;
using inference::CleaningStyle;

namespace {

long abnormalCount(const SentenceLabeler& labeler, const std::string& text) {
    long count = 0;
    for (const inference::FindingSentence& sentence : inference::reportSentences(text, CleaningStyle::IuXray)) {
        count += labeler.isAbnormal(sentence) ? 1 : 0;
    }
    return count;
}

} // namespace

TEST(SentenceLabels, ExactOnPhantomReports) {
    const SentenceLabeler labeler(CleaningStyle::IuXray);
    long normalStudies = 0, findings = 0;
    for (int index = 0; index < 400; ++index) {
        const phantom::StudySpec spec = phantom::sampleStudySpec(20240611, index, 0.3);
        const phantom::PhantomReport report = phantom::writeReport(spec);
        // The Findings section describes every finding in one sentence and states the rest as normal.
        EXPECT_EQ(abnormalCount(labeler, report.findings), long(spec.findings.size())) << spec.id << ": " << report.findings;
        // The Impression names findings again (some only), or says nothing acute.
        EXPECT_LE(abnormalCount(labeler, report.impression), long(spec.findings.size())) << spec.id << ": " << report.impression;
        if (spec.findings.empty()) ++normalStudies;
        findings += long(spec.findings.size());
    }
    EXPECT_GT(normalStudies, 50);
    EXPECT_GT(findings, 400);
    for (const std::string& statement : phantom::normalStatementSentences()) EXPECT_EQ(abnormalCount(labeler, statement), 0) << statement;
}

TEST(SentenceLabels, FreeTextByTheLabeler) {
    const SentenceLabeler labeler(CleaningStyle::IuXray);
    EXPECT_EQ(abnormalCount(labeler, "Mild cardiomegaly."), 1);
    EXPECT_EQ(abnormalCount(labeler, "Cannot exclude a small left pleural effusion."), 1); // hedged counts
    EXPECT_EQ(abnormalCount(labeler, "The lungs are hyperinflated."), 1);                 // a No Finding blocker
    EXPECT_EQ(abnormalCount(labeler, "Heart size within normal limits. No focal consolidation."), 0);
    EXPECT_EQ(abnormalCount(labeler, "No acute cardiopulmonary abnormality."), 0);
    EXPECT_EQ(labeler.abnormalFindings("The heart is normal in size. Small left pleural effusion. No pneumothorax."),
              "Small left pleural effusion.");
    EXPECT_EQ(labeler.abnormalFindings("The heart is normal in size. The lungs are clear."), inference::kNoAbnormalFindingSentence);
}

TEST(SentenceLabels, AbnormalReportsOptionKeepsOnlyTheFindings) {
    datasets::Dataset dataset;
    dataset.directory = "/data";
    for (const auto& [id, report] : std::vector<std::pair<std::string, std::string>>{
             {"a", "Heart size is normal. There is a small right pneumothorax. No pleural effusion."},
             {"b", "Normal heart size. The lungs are clear."}}) {
        datasets::DatasetRecord record;
        record.id = id;
        record.split = "train";
        record.report = report;
        record.imagePaths = {"/data/" + id + "-frontal.png", "/data/" + id + "-lateral.png"};
        record.graphLabels = {{"pneumothorax", id == "a" ? 1 : 0}};
        dataset.records.push_back(record);
    }
    DataConfig data;
    EXPECT_EQ(data.reports, "full");
    EXPECT_EQ(buildExamples(dataset, {"pneumothorax"}, data).train[0].report, dataset.records[0].report);
    data.reports = "abnormal";
    const ExampleSet set = buildExamples(dataset, {"pneumothorax"}, data);
    EXPECT_EQ(set.train[0].report, "There is a small right pneumothorax.");
    EXPECT_EQ(set.train[1].report, inference::kNoAbnormalFindingSentence);
    EXPECT_EQ(set.train[0].labels, std::vector<float>{1.0f}); // tag targets come from the dataset as before

    // The option is part of the configuration schema.
    const nlohmann::json defaults = defaultTrainingConfig(nlohmann::json::object(), nlohmann::json::object());
    EXPECT_EQ(readTrainingConfig(mergeConfig(defaults, {{"data", {{"reports", "abnormal"}}}})).data.reports, "abnormal");
    EXPECT_THROW(readTrainingConfig(mergeConfig(defaults, {{"data", {{"reports", "normal"}}}})), TrainingError);
}
