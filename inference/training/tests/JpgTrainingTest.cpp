// The JPG trainer (JpgTrainer.cpp, ContextLabels.h): context-aware labels parsed from the phantom's
// annotation and mined from reports; the two label stages run once, deterministically, on the
// cached features, leave the report stage's random stream alone and need the feature cache; and a
// tiny JPG overfits 8 toy studies through the whole trainer so that greedy decoding of its written
// bundle reproduces their reports and names their context-aware labels.

#include "ContextLabels.h"
#include "DefaultKnowledgeGraph.h"
#include "FeatureCache.h"
#include "JpgModel.h"
#include "ModelTrainer.h"
#include "TrainingTestSupport.h"
#include "evaluation/Bleu.h"
#include "inference/Pipeline.h"
#include "inference/Text.h"
#include "labeler/Labeler.h"
#include "training/Training.h"
#include "training/TrainingError.h"

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

const std::vector<std::string> kContextWords{"left", "right", "bilateral", "upper", "middle", "lower",
                                             "base", "apex", "mild", "moderate", "severe", "small", "large"};

std::unique_ptr<inference::ReportModel> smallJpg() {
    inference::Manifest manifest;
    manifest.modelType = "jpg";
    manifest.modelName = "trainer test";
    manifest.hyperParameters = {{"d_model", 32}, {"num_heads", 4},       {"num_layers", 1},       {"d_ff", 64},
                                {"basis_vectors", 16}, {"basis_dim", 16}, {"label_hidden", 16}, {"label_epochs_single", 2},
                                {"label_epochs_context", 2}};
    manifest.vocabulary = {".", "<unk>", "clear", "lungs"};
    manifest.knowledgeGraph = inference::KnowledgeGraph::fromJson(json::parse(defaultKnowledgeGraphJson()), "chest graph");
    manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = 64;
    return inference::createModel(manifest, 1);
}

inference::JpgNetwork& networkOf(inference::ReportModel& model) {
    return dynamic_cast<inference::JpgReportModel&>(model).typedNetwork();
}

std::size_t labelIndex(const std::vector<std::string>& labels, const std::string& name) {
    return std::size_t(std::find(labels.begin(), labels.end(), name) - labels.begin());
}

struct CachedStudies {
    FeatureCache cache;
    std::vector<TrainingExample> train;
};

// 16 studies of 8 patch tokens; "pleural effusion" is present (with a context label) in the even ones.
CachedStudies cachedStudies(const std::vector<std::string>& labels) {
    CachedStudies studies;
    torch::manual_seed(21);
    studies.cache.patches = torch::randn({16, 8, 512}).abs();
    const std::size_t effusion = labelIndex(labels, "pleural effusion");
    for (int i = 0; i < 16; ++i) {
        TrainingExample example;
        example.id = "s" + std::to_string(i);
        example.split = "train";
        example.labels.assign(labels.size(), 0.0f);
        example.labelWeights.assign(labels.size(), 1.0f);
        if (i % 2 == 0) {
            example.labels[effusion] = 1.0f;
            example.contextLabels = {"pleural effusion|left|small"};
            studies.cache.patches[i].narrow(0, 0, 2).narrow(1, 0, 32).add_(3.0);
        }
        studies.cache.ids.push_back(example.id);
        studies.train.push_back(example);
    }
    studies.cache.pooled = studies.cache.patches.mean(1);
    studies.cache.views = 2;
    studies.cache.gridRows = 2;
    studies.cache.gridCols = 2;
    return studies;
}

} // namespace

TEST(JpgContextLabels, ParsedFromThePhantomAndMinedFromReports) {
    const std::vector<std::string> labels = {"cardiomegaly", "pleural effusion", "atelectasis", "normal"};
    EXPECT_EQ(parseContextLabel("pleural effusion|right|small", labels, kContextWords), (ContextLabel{1, {"right", "small"}}));
    EXPECT_EQ(parseContextLabel("atelectasis|bilateral lower|", labels, kContextWords), (ContextLabel{2, {"bilateral", "lower"}}));
    EXPECT_EQ(parseContextLabel("cardiomegaly||mild", labels, kContextWords), (ContextLabel{0, {"mild"}}));
    EXPECT_EQ(parseContextLabel("cardiomegaly|huge|", labels, kContextWords), (ContextLabel{0, {}})); // unknown word dropped
    EXPECT_FALSE(parseContextLabel("hiatal hernia||", labels, kContextWords).has_value());

    const labeler::Labeler reportLabeler;
    // The labeler's positive mentions with their sentence's context words (laterality, then severity).
    std::vector<ContextLabel> mined =
        mineContextLabels(reportLabeler, "The heart is enlarged. There is a small left pleural effusion. No pneumothorax.", labels,
                          kContextWords);
    ASSERT_EQ(mined.size(), 2u);
    EXPECT_EQ(mined[0], (ContextLabel{0, {}}));
    EXPECT_EQ(mined[1], (ContextLabel{1, {"left", "small"}}));
    mined = mineContextLabels(reportLabeler, "Bibasilar atelectasis. No pleural effusion.", labels, kContextWords);
    for (const ContextLabel& label : mined) EXPECT_NE(label.label, 1u); // negated: not a label

    // Targets: the annotation's (or mined) labels, then uncovered positive single labels.
    TrainingExample example;
    example.report = "Mild cardiomegaly. Small right pleural effusion.";
    example.labels = {0, 1, 0, 0};
    example.labelWeights = {1, 1, 1, 1};
    example.contextLabels = {"cardiomegaly||mild"};
    std::vector<ContextLabel> targets = contextLabelTargets(example, labels, kContextWords, true, reportLabeler);
    ASSERT_EQ(targets.size(), 2u);
    EXPECT_EQ(targets[0], (ContextLabel{0, {"mild"}}));
    EXPECT_EQ(targets[1], (ContextLabel{1, {}}));
    targets = contextLabelTargets(example, labels, kContextWords, false, reportLabeler);
    ASSERT_EQ(targets.size(), 2u);
    EXPECT_EQ(targets[0], (ContextLabel{0, {"mild"}}));
    EXPECT_EQ(targets[1], (ContextLabel{1, {"right", "small"}}));
    EXPECT_EQ(singleLabelTargets(example), (std::vector<ContextLabel>{{1, {}}}));
}

TEST(JpgTraining, TheLabelStagesRunOnceDeterministicallyOnTheCachedFeatures) {
    std::unique_ptr<inference::ReportModel> model = smallJpg();
    const CachedStudies studies = cachedStudies(model->manifest().labels);
    std::unique_ptr<ModelTrainer> trainer = TrainerRegistry::instance().find("jpg").create(*model);
    inference::JpgNetwork& network = networkOf(*model);
    const torch::Tensor basisBefore = network->subspace->basis.clone();

    torch::manual_seed(99);
    const torch::Tensor reference = torch::randn({4});
    torch::manual_seed(99);
    trainer->prepareReportTraining(&studies.cache, studies.train);
    EXPECT_TRUE(torch::equal(torch::randn({4}), reference));
    ASSERT_TRUE(network->labelStagesDone());
    EXPECT_FALSE(torch::equal(network->subspace->basis, basisBefore)); // the subspace learnt with the labels
    const torch::Tensor basis = network->subspace->basis.clone();

    std::unique_ptr<inference::ReportModel> twin = smallJpg();
    TrainerRegistry::instance().find("jpg").create(*twin)->prepareReportTraining(&studies.cache, studies.train);
    EXPECT_TRUE(torch::equal(networkOf(*twin)->subspace->basis, basis));

    // Already done (a resumed run): nothing is retrained.
    trainer->prepareReportTraining(&studies.cache, studies.train);
    EXPECT_TRUE(torch::equal(network->subspace->basis, basis));

    // Without the feature cache: a clear error.
    std::unique_ptr<inference::ReportModel> uncached = smallJpg();
    try {
        TrainerRegistry::instance().find("jpg").create(*uncached)->prepareReportTraining(nullptr, studies.train);
        FAIL() << "no error";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("train.feature_cache"), std::string::npos) << error.what();
    }

    // The joint loss (report + labels) on a training batch is larger than the report loss alone
    // on the same batch as a validation batch; parameters split into extractor, tag head, report.
    ReportBatch batch;
    batch.features = studies.cache.gather({0, 1}, torch::kCPU);
    batch.inputTokens = torch::tensor({0, 3, 4, 1, 0, 3, 0, 0}, torch::kInt64).view({2, 4});
    batch.targetTokens = torch::tensor({3, 4, 1, 0, 3, 0, 0, 0}, torch::kInt64).view({2, 4});
    batch.tokenMask = batch.targetTokens.ne(0) | torch::tensor({0, 0, 0, 1, 0, 1, 0, 0}, torch::kBool).view({2, 4});
    batch.labels = torch::zeros({2, 20});
    batch.labelWeights = torch::ones({2, 20});
    model->network().eval();
    const double reportOnly = trainer->reportLoss(batch).item<double>();
    batch.studyIds = {"s0", "s1"};
    const double joint = trainer->reportLoss(batch).item<double>();
    EXPECT_TRUE(std::isfinite(reportOnly));
    EXPECT_GT(joint, reportOnly);
    EXPECT_EQ(trainer->reportParameters().size() + trainer->visualExtractor().parameters().size() +
                  trainer->tagHead()->parameters().size(),
              model->network().parameters().size());
    torch::NoGradGuard noGrad;
    EXPECT_EQ(trainer->decode(batch.features, 2, 5).size(), 2u);
}

TEST(JpgTraining, ATinyJpgOverfitsEightStudiesAndItsBundleNamesTheirLabels) {
    const fs::path root = scratchDirectory("jpg_overfit");
    writeToyDataset(root / "data", 8, 8);
    // Greedy evaluation (beam_width 1): the overfitting proof; cached decoding is tested against
    // full recomputation in inference_torch_tests.
    const json config = overfitConfig({{"d_model", 64}, {"num_heads", 4}, {"num_layers", 1}, {"d_ff", 128}, {"dropout", 0.0},
                                       {"max_length", 40}, {"beam_width", 1}, {"basis_vectors", 64}, {"basis_dim", 32},
                                       {"label_hidden", 32}, {"label_epochs_single", 150}, {"label_epochs_context", 300}});
    const TrainingResult result = trainModel(toyTrainingRequest("jpg", root / "data", root / "bundle", config));
    ASSERT_TRUE(result.completed);

    const json manifest = json::parse(readText(root / "bundle" / "manifest.json"));
    EXPECT_EQ(manifest.at("model").at("type"), "jpg");
    EXPECT_GT(manifest.at("evaluation").at("validation").at("BLEU_4").get<double>(), 0.9);
    std::unique_ptr<inference::ReportModel> loaded = inference::loadModel((root / "bundle").string(), inference::DeviceSelection{});
    EXPECT_TRUE(networkOf(*loaded)->labelStagesDone());

    std::vector<std::string> effusionLabels;
    std::string firstDraft;
    const double bleu4 = draftToyTrainingStudies(root / "data", root / "bundle", [&](int study, const inference::Draft& draft) {
        for (const inference::DraftToken& token : draft.tokens) EXPECT_EQ(token.heatmaps.size(), 2u) << token.text;
        EXPECT_FALSE(draft.topicMaps.empty()) << "study " << study; // every toy study has a positive label
        if (study == 1) {
            for (const inference::NamedHeatmaps& label : draft.topicMaps) effusionLabels.push_back(label.name);
        }
    }, &firstDraft);
    EXPECT_GT(bleu4, 0.9) << "first draft: " << firstDraft;
    // Study 1 ("The heart is enlarged. There is a small left pleural effusion."): its mined label.
    EXPECT_NE(std::find(effusionLabels.begin(), effusionLabels.end(), "pleural effusion left small"), effusionLabels.end())
        << (effusionLabels.empty() ? std::string("no labels") : effusionLabels.front());
    fs::remove_all(root);
}
