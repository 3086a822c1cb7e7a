// CVSE's trainer (CvseTrainer.cpp): the preparation labels, encodes, classifies and groups the
// abnormal sentences of the training reports deterministically; a tiny CVSE on fixed features of
// the 8 toy studies learns, through the trainer's reportLoss, to rank each study's own findings
// first; a validation pass calibrates the threshold so that the normal study reports nothing; and
// a whole trainModel run bundles the groups, calibrates, drafts through the pipeline and resumes
// in the report stage exactly.

#include "CvseModel.h"
#include "DefaultKnowledgeGraph.h"
#include "ModelTrainer.h"
#include "SentenceLabels.h"
#include "StudyBatches.h"
#include "TrainingTestSupport.h"
#include "inference/Pipeline.h"
#include "training/Training.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

using namespace raddraft;
using namespace raddraft::training;
using namespace raddraft::training::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kPatches = 8; // 2 views × 2 × 2
constexpr std::int64_t kChannels = 512;

const json& tinyHyperParameters() {
    static const json parameters = {{"joint_dim", 32},     {"attention_dim", 32},      {"text_dim", 16},   {"text_buckets", 64},
                                    {"groups", 9},         {"text_epochs", 40},        {"classifier_epochs", 300},
                                    {"negatives", 4},      {"max_length", 40}};
    return parameters;
}

struct Fixture {
    std::unique_ptr<inference::ReportModel> model;
    std::unique_ptr<ModelTrainer> trainer;
    std::vector<TrainingExample> train;
    FeatureCache cache;

    inference::CvseReportModel& cvse() { return dynamic_cast<inference::CvseReportModel&>(*model); }
};

Fixture tinyFixture() {
    Fixture fixture;
    std::vector<std::string> cleaned;
    for (const std::string& report : toyReports()) cleaned.push_back(inference::cleanReport(report, inference::CleaningStyle::IuXray));
    inference::Manifest manifest;
    manifest.modelType = "cvse";
    manifest.hyperParameters = tinyHyperParameters();
    manifest.vocabulary = inference::Vocabulary::build(cleaned, 1).tokens();
    manifest.knowledgeGraph = inference::KnowledgeGraph::fromJson(json::parse(defaultKnowledgeGraphJson()), "built-in chest graph");
    manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = 64;
    fixture.model = inference::createModel(manifest, 17);
    fixture.trainer = TrainerRegistry::instance().find("cvse").create(*fixture.model);
    for (int i = 0; i < 8; ++i) {
        TrainingExample example;
        example.id = "train-" + std::to_string(i);
        example.split = "train";
        example.report = toyReports()[std::size_t(i)];
        example.labels.assign(manifest.labels.size(), 0.0f);
        example.labelWeights.assign(manifest.labels.size(), 1.0f);
        fixture.train.push_back(example);
        fixture.cache.ids.push_back(example.id);
    }
    torch::manual_seed(23);
    fixture.cache.patches = torch::randn({8, kPatches, kChannels});
    fixture.cache.pooled = fixture.cache.patches.mean(1);
    fixture.cache.views = 2;
    fixture.cache.gridRows = 2;
    fixture.cache.gridCols = 2;
    return fixture;
}

// The 8 studies in the given order (the session shuffles them every epoch, and the negatives are
// sampled from the batch's content).
ReportBatch batchOf(const Fixture& fixture, bool training, std::vector<std::int64_t> rows = {0, 1, 2, 3, 4, 5, 6, 7}) {
    std::vector<std::string> reports;
    for (std::int64_t row : rows) reports.push_back(fixture.train[std::size_t(row)].report);
    const TokenBatch tokens = encodeReports(reports, fixture.model->vocabulary(), inference::CleaningStyle::IuXray, 60);
    ReportBatch batch;
    batch.features = fixture.cache.gather(rows, torch::kCPU);
    batch.inputTokens = tokens.inputs;
    batch.targetTokens = tokens.targets;
    batch.tokenMask = tokens.mask;
    if (training) {
        for (std::int64_t row : rows) batch.studyIds.push_back(fixture.train[std::size_t(row)].id);
    }
    return batch;
}

// The abnormal sentences of the toy reports (SentenceLabels.h's rule), readable.
std::set<std::string> abnormalToySentences() {
    const SentenceLabeler labeler(inference::CleaningStyle::IuXray);
    std::set<std::string> sentences;
    for (const std::string& report : toyReports()) {
        for (const inference::FindingSentence& sentence : inference::reportSentences(report, inference::CleaningStyle::IuXray)) {
            if (labeler.isAbnormal(sentence)) sentences.insert(sentence.text);
        }
    }
    return sentences;
}

std::set<std::int64_t> truthOf(Fixture& fixture, std::size_t study) {
    std::set<std::int64_t> groups;
    for (int group : fixture.cvse().groupsOfSentences(inference::reportSentences(toyReports()[study], inference::CleaningStyle::IuXray))) {
        if (group >= 0) groups.insert(group);
    }
    return groups;
}

void trainHead(Fixture& fixture, int steps) {
    fixture.model->network().train();
    torch::optim::Adam optimizer(fixture.trainer->reportParameters(), torch::optim::AdamOptions(1e-2));
    std::vector<std::int64_t> rows = {0, 1, 2, 3, 4, 5, 6, 7};
    std::mt19937 random(9);
    for (int step = 0; step < steps; ++step) {
        std::shuffle(rows.begin(), rows.end(), random);
        const ReportBatch batch = batchOf(fixture, true, rows);
        optimizer.zero_grad();
        const torch::Tensor loss = fixture.trainer->reportLoss(batch);
        loss.backward();
        optimizer.step();
    }
}

} // namespace

TEST(CvseTraining, PreparationGroupsTheAbnormalSentencesDeterministically) {
    Fixture fixture = tinyFixture();
    fixture.trainer->prepareReportTraining(&fixture.cache, fixture.train);
    // The rule finds 9 abnormal sentences in the toy reports; the classifier, trained on those
    // labels, finds the same; k = 9 leaves each its own group.
    const std::set<std::string> expected = abnormalToySentences();
    ASSERT_EQ(expected.size(), 9u);
    const std::vector<inference::CorpusEntry>& corpus = fixture.model->manifest().corpus;
    std::set<std::string> grouped;
    for (const inference::CorpusEntry& entry : corpus) {
        EXPECT_EQ(entry.members.front(), entry.text); // the representative leads its members
        grouped.insert(entry.members.begin(), entry.members.end());
    }
    EXPECT_EQ(grouped, expected);
    EXPECT_EQ(corpus.front().id, "g000");
    const inference::CvseNetwork& network = fixture.cvse().typedNetwork();
    EXPECT_EQ(network->groupCount(), std::int64_t(corpus.size()));
    EXPECT_DOUBLE_EQ(network->scoreThreshold(), inference::kUncalibratedScoreThreshold);
    // Group embeddings are means of unit vectors: length ≤ 1, > 0.
    const torch::Tensor lengths = network->groupEmbeddings().norm(2, -1);
    EXPECT_TRUE((lengths <= 1.0001).all().item<bool>());
    EXPECT_TRUE((lengths > 0.1).all().item<bool>());

    // The normal study has no finding; the edema study two (edema, bilateral effusions).
    EXPECT_TRUE(truthOf(fixture, 0).empty());
    EXPECT_EQ(truthOf(fixture, 4).size(), 2u);

    // The same preparation again: the same groups, bit for bit.
    Fixture again = tinyFixture();
    again.trainer->prepareReportTraining(&again.cache, again.train);
    ASSERT_EQ(again.model->manifest().corpus.size(), corpus.size());
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        EXPECT_EQ(again.model->manifest().corpus[i].text, corpus[i].text);
        EXPECT_EQ(again.model->manifest().corpus[i].members, corpus[i].members);
    }
    EXPECT_TRUE(torch::equal(again.cvse().typedNetwork()->groupEmbeddings(), network->groupEmbeddings()));
}

TEST(CvseTraining, ATinyModelRetrievesTheRightGroupsAndCalibratesItsThreshold) {
    Fixture fixture = tinyFixture();
    fixture.trainer->prepareReportTraining(&fixture.cache, fixture.train);
    const ReportBatch batch = batchOf(fixture, true);
    const double before = fixture.trainer->reportLoss(batch).item<double>();
    trainHead(fixture, 300);
    const double after = fixture.trainer->reportLoss(batch).item<double>();
    EXPECT_GT(before, 0.05);
    EXPECT_LT(after, 0.01);

    // Each study's own groups lead its ranking.
    fixture.model->network().eval();
    torch::NoGradGuard noGrad;
    const std::vector<inference::CvseRetrieval> retrievals = fixture.cvse().retrieve(batch.features, false);
    for (std::size_t study = 1; study < 8; ++study) {
        const std::set<std::int64_t> truth = truthOf(fixture, study);
        ASSERT_FALSE(truth.empty()) << study;
        const std::set<std::int64_t> top(retrievals[study].ranking.begin(), retrievals[study].ranking.begin() + std::ptrdiff_t(truth.size()));
        EXPECT_EQ(top, truth) << "study " << study;
    }

    // A validation pass (eval mode, no study ids: the groups come from the target tokens)
    // calibrates the threshold: the normal study then reports nothing, the others their findings.
    fixture.trainer->reportLoss(batchOf(fixture, false));
    const double threshold = fixture.cvse().typedNetwork()->scoreThreshold();
    EXPECT_GT(threshold, inference::kUncalibratedScoreThreshold);
    const std::vector<inference::CvseRetrieval> calibrated = fixture.cvse().retrieve(batch.features, false);
    EXPECT_TRUE(calibrated[0].reported.empty());
    for (std::size_t study = 1; study < 8; ++study) {
        const std::set<std::int64_t> truth = truthOf(fixture, study);
        EXPECT_EQ(std::set<std::int64_t>(calibrated[study].reported.begin(), calibrated[study].reported.end()), truth) << study;
    }
    // decode gives the retrieved sentences' tokens: the normal study's is the normal sentence.
    const auto decoded = fixture.trainer->decode(batch.features, 1, 40);
    const auto& vocabulary = fixture.model->vocabulary();
    EXPECT_EQ(inference::detokenize([&] {
                  std::vector<std::string> tokens;
                  for (std::int64_t id : decoded[2]) tokens.push_back(vocabulary.tokenOf(id));
                  return tokens;
              }()),
              "Large right pneumothorax.");
    EXPECT_EQ(decoded[0], fixture.cvse().reportTokens(calibrated[0]));
}

TEST(CvseTraining, AWholeRunBundlesTheGroupsCalibratesAndResumesExactly) {
    const fs::path root = scratchDirectory("cvse_run");
    writeToyDataset(root / "data", 8, 8);
    json model = tinyHyperParameters();
    const json config = {{"seed", 5},
                         {"threads", 1},
                         {"model", model},
                         {"data", {{"image_size", 64}, {"vocabulary_threshold", 1}, {"workers", 0}}},
                         {"augmentation", {{"enabled", false}}},
                         {"pretrain", {{"epochs", 0}}},
                         {"train", {{"epochs", 3}, {"batch_size", 4}, {"early_stopping", {{"patience", 0}}}}},
                         {"bundle", {{"store_half", false}}}};
    const auto request = [&](const std::string& out) {
        TrainingRequest value;
        value.modelType = "cvse";
        value.datasetDirectory = (root / "data").string();
        value.bundleDirectory = (root / out).string();
        value.configJson = config.dump();
        value.device = "cpu";
        value.imageReader = readPgm;
        return value;
    };
    const TrainingResult whole = trainModel(request("whole"));
    ASSERT_TRUE(whole.completed);

    TrainingRequest parts = request("parts");
    int finished = 0;
    parts.observer = [&](const TrainingEvent& event) {
        if (event.kind == TrainingEventKind::EpochFinished) ++finished;
    };
    parts.stopRequested = [&] { return finished >= 1; };
    EXPECT_FALSE(trainModel(parts).completed);
    parts.resume = true;
    parts.stopRequested = nullptr;
    ASSERT_TRUE(trainModel(parts).completed);

    const json a = json::parse(readText(root / "whole" / "manifest.json"));
    const json b = json::parse(readText(root / "parts" / "manifest.json"));
    EXPECT_EQ(a.at("weights"), b.at("weights")); // SHA-256 of the weights: identical
    ASSERT_EQ(a.at("corpus").size(), 9u);
    EXPECT_EQ(a.at("corpus"), b.at("corpus"));
    EXPECT_EQ(a.at("evaluation").at("selection").at("report").at("selection_metric"), "ce_f1");

    // The bundle carries a calibrated threshold and drafts through the pipeline.
    inference::PipelineOptions options;
    options.device = inference::DevicePreference::Cpu;
    options.threads = 1;
    inference::Pipeline pipeline = inference::Pipeline::load((root / "whole").string(), options);
    inference::StudyInput study;
    study.frontal = readPgm((root / "data/images/val-2-frontal.pgm").string());
    study.lateral = readPgm((root / "data/images/val-2-lateral.pgm").string());
    const inference::Draft draft = pipeline.run(study);
    ASSERT_FALSE(draft.sentences.empty());
    EXPECT_EQ(draft.retrievedReports.size(), 5u);
    const double threshold = draft.sentences.front().support.values.at("threshold");
    EXPECT_GT(threshold, inference::kUncalibratedScoreThreshold);
    fs::remove_all(root);
}
