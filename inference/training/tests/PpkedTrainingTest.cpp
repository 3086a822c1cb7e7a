// PPKED's trainer (PpkedTrainer.cpp): the retrieval index it builds from the training split, the
// study's own report excluded from its retrieval in the loss, a tiny PPKED network that overfits
// 8 studies through the trainer's reportLoss and decode, and a whole trainModel run that resumes in
// the report stage and whose bundle carries the corpus.

#include "DefaultKnowledgeGraph.h"
#include "ModelTrainer.h"
#include "PpkedModel.h"
#include "StudyBatches.h"
#include "TrainingTestSupport.h"
#include "evaluation/Bleu.h"
#include "inference/Pipeline.h"
#include "inference/Text.h"
#include "training/Training.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>
#include <sstream>

using namespace raddraft;
using namespace raddraft::training;
using namespace raddraft::training::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kPatches = 8;
constexpr std::int64_t kChannels = 512;

inference::Vocabulary toyVocabulary() {
    std::vector<std::string> cleaned;
    for (const std::string& report : toyReports()) cleaned.push_back(inference::cleanReport(report, inference::CleaningStyle::IuXray));
    return inference::Vocabulary::build(cleaned, 1);
}

struct Fixture {
    std::unique_ptr<inference::ReportModel> model;
    std::unique_ptr<ModelTrainer> trainer;
    std::vector<TrainingExample> train;
    FeatureCache cache;
};

// A tiny PPKED on fixed random features of the 8 toy studies (no extractor run): what the report
// stage sees after feature caching.
Fixture tinyFixture(const json& overrides = json::object()) {
    Fixture fixture;
    inference::Manifest manifest;
    manifest.modelType = "ppked";
    manifest.hyperParameters = {{"d_model", 64},        {"num_heads", 4},  {"num_layers", 1},
                                {"d_ff", 128},          {"dropout", 0.0},  {"max_length", 40},
                                {"retrieval_top_k", 4}, {"report_embedding_size", 16}, {"report_encoder_epochs", 3},
                                {"graph_layers", 1}};
    for (const auto& [key, value] : overrides.items()) manifest.hyperParameters[key] = value;
    manifest.vocabulary = toyVocabulary().tokens();
    manifest.knowledgeGraph = inference::KnowledgeGraph::fromJson(json::parse(defaultKnowledgeGraphJson()), "built-in chest graph");
    manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = 64;
    fixture.model = inference::createModel(manifest, 17);
    fixture.trainer = TrainerRegistry::instance().find("ppked").create(*fixture.model);

    for (int i = 0; i < 8; ++i) {
        TrainingExample example;
        example.id = "train-" + std::to_string(i);
        example.split = "train";
        example.report = toyReports()[std::size_t(i)];
        const json labels = toyLabels(i);
        for (const std::string& label : manifest.labels) {
            const int value = labels.value(label, 0);
            example.labels.push_back(value == 1 ? 1.0f : 0.0f);
            example.labelWeights.push_back(value == -1 ? 0.0f : 1.0f);
        }
        fixture.train.push_back(example);
        fixture.cache.ids.push_back(example.id);
    }
    torch::manual_seed(23);
    fixture.cache.patches = torch::rand({8, kPatches, kChannels});
    fixture.cache.pooled = fixture.cache.patches.mean(1);
    fixture.cache.views = 2;
    fixture.cache.gridRows = 2;
    fixture.cache.gridCols = 2;
    return fixture;
}

ReportBatch batchOf(const Fixture& fixture, bool withIds) {
    std::vector<std::string> reports;
    for (const TrainingExample& example : fixture.train) reports.push_back(example.report);
    const TokenBatch tokens = encodeReports(reports, fixture.model->vocabulary(), inference::CleaningStyle::IuXray, 60);
    ReportBatch batch;
    batch.features = fixture.cache.gather({0, 1, 2, 3, 4, 5, 6, 7}, torch::kCPU);
    batch.inputTokens = tokens.inputs;
    batch.targetTokens = tokens.targets;
    batch.tokenMask = tokens.mask;
    if (withIds) {
        for (const TrainingExample& example : fixture.train) batch.studyIds.push_back(example.id);
    }
    return batch;
}

double trainBleu4(Fixture& fixture) {
    torch::NoGradGuard noGrad;
    fixture.model->network().eval();
    const auto decoded = fixture.trainer->decode(fixture.cache.gather({0, 1, 2, 3, 4, 5, 6, 7}, torch::kCPU), 1, 40);
    evaluation::TextCorpus corpus;
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        std::string hypothesis;
        for (std::int64_t id : decoded[i]) hypothesis += (hypothesis.empty() ? "" : " ") + fixture.model->vocabulary().tokenOf(id);
        corpus.hypotheses[std::to_string(i)] = hypothesis;
        corpus.references[std::to_string(i)] = {inference::cleanReport(toyReports()[i], inference::CleaningStyle::IuXray)};
    }
    return evaluation::computeBleu(corpus).orders[3].corpus;
}

} // namespace

TEST(PpkedTraining, TheRetrievalIndexIsTheTrainingSplitAndAStudyNeverRetrievesItself) {
    Fixture fixture = tinyFixture();
    fixture.trainer->prepareReportTraining(&fixture.cache, fixture.train);
    auto& ppked = dynamic_cast<inference::PpkedReportModel&>(*fixture.model);
    const inference::PpkedNetwork& network = ppked.typedNetwork();

    // The corpus is the training split (ids, reports), the index its cached pooled features and
    // the embeddings of the trained report encoder (distinct reports, distinct embeddings).
    const std::vector<inference::CorpusEntry>& corpus = fixture.model->manifest().corpus;
    ASSERT_EQ(corpus.size(), 8u);
    for (std::size_t i = 0; i < 8; ++i) {
        EXPECT_EQ(corpus[i].id, fixture.train[i].id);
        EXPECT_EQ(corpus[i].text, fixture.train[i].report);
    }
    EXPECT_TRUE(torch::equal(network->retrievalImageEmbeddings(), fixture.cache.pooled));
    const torch::Tensor reports = network->retrievalReportEmbeddings();
    ASSERT_EQ(reports.sizes(), (std::vector<std::int64_t>{8, 16}));
    EXPECT_GT(torch::cdist(reports, reports).add(torch::eye(8)).min().item<float>(), 1e-3);
    // The report encoder trained from a fixed start: the same index again.
    Fixture again = tinyFixture();
    again.trainer->prepareReportTraining(&again.cache, again.train);
    EXPECT_TRUE(torch::equal(dynamic_cast<inference::PpkedReportModel&>(*again.model).typedNetwork()->retrievalReportEmbeddings(), reports));
    // Only the report head trains in the report stage.
    std::int64_t reportParameters = 0;
    for (const torch::Tensor& parameter : fixture.trainer->reportParameters()) reportParameters += parameter.numel();
    std::int64_t headParameters = 0;
    for (const auto& item : fixture.model->network().named_parameters()) {
        const std::string& name = item.key();
        if (name.rfind("visual_extractor.", 0) != 0 && name.rfind("tag_head.", 0) != 0 && name.rfind("report_encoder.", 0) != 0) {
            headParameters += item.value().numel();
        }
    }
    EXPECT_EQ(reportParameters, headParameters);

    // The training loss excludes each study's own row: it equals the network's loss with those
    // rows excluded explicitly, and differs from the loss with the study's own report in reach.
    torch::NoGradGuard noGrad;
    fixture.model->network().eval();
    const ReportBatch batch = batchOf(fixture, true);
    const double training = fixture.trainer->reportLoss(batch).item<double>();
    inference::PpkedNetwork typed = ppked.typedNetwork();
    const inference::PpkedKnowledge excluded = typed->explore(batch.features, torch::arange(8, torch::kInt64));
    for (std::int64_t study = 0; study < 8; ++study) {
        for (std::int64_t k = 0; k < excluded.retrievedRows.size(1); ++k) EXPECT_NE(excluded.retrievedRows[study][k].item<std::int64_t>(), study);
    }
    const double expected =
        maskedCrossEntropy(typed->decodeAll(excluded, batch.inputTokens, batch.tokenMask), batch.targetTokens, batch.tokenMask).item<double>();
    EXPECT_NEAR(training, expected, 1e-6);
    const double withSelf = fixture.trainer->reportLoss(batchOf(fixture, false)).item<double>();
    EXPECT_GT(std::abs(withSelf - training), 1e-6);
}

TEST(PpkedTraining, ATinyPpkedOverfitsEightStudiesThroughItsTrainer) {
    Fixture fixture = tinyFixture();
    fixture.trainer->prepareReportTraining(&fixture.cache, fixture.train);
    torch::optim::Adam optimizer(fixture.trainer->reportParameters(), torch::optim::AdamOptions(3e-3));
    const ReportBatch batch = batchOf(fixture, true);
    double bleu4 = 0.0;
    for (int round = 0; round < 6 && bleu4 <= 0.9; ++round) {
        fixture.model->network().train();
        for (int step = 0; step < 40; ++step) {
            optimizer.zero_grad();
            const torch::Tensor loss = fixture.trainer->reportLoss(batch);
            loss.backward();
            optimizer.step();
        }
        bleu4 = trainBleu4(fixture);
    }
    EXPECT_GT(bleu4, 0.9);
}

TEST(PpkedTraining, AWholeRunResumesInTheReportStageAndBundlesTheCorpus) {
    const fs::path root = scratchDirectory("ppked_run");
    writeToyDataset(root / "data", 8, 4);
    const json config = {{"seed", 5},
                         {"threads", 1},
                         {"model", {{"d_model", 32}, {"num_heads", 4}, {"num_layers", 1}, {"d_ff", 64}, {"dropout", 0.1},
                                    {"max_length", 20}, {"retrieval_top_k", 3}, {"report_embedding_size", 16},
                                    {"report_encoder_epochs", 2}, {"graph_layers", 1}}},
                         {"data", {{"image_size", 64}, {"vocabulary_threshold", 1}, {"workers", 0}}},
                         {"augmentation", {{"enabled", false}}},
                         {"pretrain", {{"epochs", 0}}},
                         {"train", {{"epochs", 3}, {"batch_size", 4}, {"early_stopping", {{"patience", 0}}}}},
                         {"checkpoint_every_epochs", 1000}}; // stage changes and the stop still write one
    const auto request = [&](const std::string& out) {
        TrainingRequest value;
        value.modelType = "ppked";
        value.datasetDirectory = (root / "data").string();
        value.bundleDirectory = (root / out).string();
        value.configJson = config.dump();
        value.device = "cpu";
        value.imageReader = readPgm;
        return value;
    };
    // Stopped in the report stage (the stop is read when an epoch ends, the event comes after:
    // after epoch 2), then resumed: the corpus in the checkpoint sizes the index buffers before
    // the weights load (the index is rebuilt identically: the first test).
    TrainingRequest parts = request("bundle");
    int finished = 0;
    parts.observer = [&](const TrainingEvent& event) {
        if (event.kind == TrainingEventKind::EpochFinished) ++finished;
    };
    parts.stopRequested = [&] { return finished >= 1; };
    EXPECT_FALSE(trainModel(parts).completed);
    const json state = json::parse(readText(root / "bundle.training" / "checkpoint" / "state.json"));
    EXPECT_EQ(state.at("stage"), "report");
    EXPECT_EQ(state.at("corpus").size(), 8u);
    parts.resume = true;
    parts.stopRequested = nullptr;
    ASSERT_TRUE(trainModel(parts).completed);

    const json manifest = json::parse(readText(root / "bundle" / "manifest.json"));
    EXPECT_EQ(manifest.at("provenance").at("resumed"), 1);
    ASSERT_EQ(manifest.at("corpus").size(), 8u);
    EXPECT_EQ(manifest.at("corpus")[3].at("id"), "train-3");
    EXPECT_EQ(manifest.at("corpus")[3].at("text"), toyReports()[3]);

    // The bundle drafts through the pipeline and retrieves training reports.
    inference::PipelineOptions options;
    options.device = inference::DevicePreference::Cpu;
    options.threads = 1;
    inference::Pipeline pipeline = inference::Pipeline::load((root / "bundle").string(), options);
    inference::StudyInput study;
    study.frontal = readPgm((root / "data/images/val-2-frontal.pgm").string());
    study.lateral = readPgm((root / "data/images/val-2-lateral.pgm").string());
    const inference::Draft draft = pipeline.run(study);
    ASSERT_EQ(draft.retrievedReports.size(), 3u);
    for (const inference::RetrievedReport& report : draft.retrievedReports) EXPECT_EQ(report.id.rfind("train-", 0), 0u);
    EXPECT_EQ(draft.topicMaps.size(), 20u);
    fs::remove_all(root);
}
