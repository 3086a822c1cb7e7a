// The ASGK trainer (AsgkTrainer.cpp): the auxiliary branch trains on the cached crops and the
// decoder as a language model (external signal) deterministically, once, without touching the
// report stage's random stream, with clear errors for a missing cache or corpus file; and a tiny
// ASGK overfits 8 toy studies through the whole trainer (crops cached with the features) so that
// greedy decoding of its written bundle reproduces their reports and explains them.

#include "AsgkModel.h"
#include "DefaultKnowledgeGraph.h"
#include "FeatureCache.h"
#include "ModelTrainer.h"
#include "StudyBatches.h"
#include "TrainingTestSupport.h"
#include "evaluation/Bleu.h"
#include "inference/Pipeline.h"
#include "inference/Text.h"
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

std::unique_ptr<inference::ReportModel> smallAsgk(const json& overrides) {
    inference::Manifest manifest;
    manifest.modelType = "asgk";
    manifest.modelName = "trainer test";
    manifest.hyperParameters = {{"d_model", 32},         {"num_heads", 4},        {"num_layers", 1},  {"d_ff", 64},
                                {"region_size", 16},     {"region_channels", 16}, {"max_positions", 40},
                                {"auxiliary_epochs", 3}, {"lm_epochs", 3},        {"max_length", 20}};
    for (const auto& [key, value] : overrides.items()) manifest.hyperParameters[key] = value;
    manifest.vocabulary = {".", "<unk>", "clear", "heart", "is", "lungs", "normal", "the"};
    manifest.knowledgeGraph = inference::KnowledgeGraph::fromJson(json::parse(defaultKnowledgeGraphJson()), "chest graph");
    manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = 64;
    return inference::createModel(manifest, 1);
}

inference::AsgkNetwork& networkOf(inference::ReportModel& model) {
    return dynamic_cast<inference::AsgkReportModel&>(model).typedNetwork();
}

// 16 studies: 8 patch tokens × 512 channels and two 16-px crops each; "cardiomegaly" (label 1) is
// present in the even ones, whose crops are bright.
struct CachedStudies {
    FeatureCache cache;
    std::vector<TrainingExample> train;
};

CachedStudies cachedStudies(std::size_t labelCount) {
    CachedStudies studies;
    torch::manual_seed(21);
    studies.cache.patches = torch::randn({16, 8, 512}).abs();
    studies.cache.regions = torch::randn({16, 2, 3, 16, 16});
    for (int i = 0; i < 16; ++i) {
        TrainingExample example;
        example.id = "s" + std::to_string(i);
        example.split = "train";
        example.report = i % 2 == 0 ? "The heart is normal." : "The lungs are clear.";
        example.labels.assign(labelCount, 0.0f);
        example.labelWeights.assign(labelCount, 1.0f);
        if (i % 2 == 0) {
            example.labels[1] = 1.0f;
            studies.cache.regions[i].add_(2.0);
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

double languageModelLoss(inference::ReportModel& model, const std::vector<TrainingExample>& train) {
    torch::NoGradGuard noGrad;
    inference::AsgkNetwork& network = networkOf(model);
    network->eval();
    std::vector<std::string> reports;
    for (const TrainingExample& example : train) reports.push_back(example.report);
    const TokenBatch tokens = encodeReports(reports, model.vocabulary(), inference::CleaningStyle::IuXray, 30);
    const torch::Tensor memory = network->emptyMemory(tokens.inputs.size(0), network->wordEmbeddingWeight().options());
    return maskedCrossEntropy(network->decodeAll(memory, tokens.inputs, tokens.mask), tokens.targets, tokens.mask).item<double>();
}

} // namespace

TEST(AsgkTraining, AuxiliaryAndLanguageModelStagesTrainOnceDeterministically) {
    std::unique_ptr<inference::ReportModel> model = smallAsgk({});
    const CachedStudies studies = cachedStudies(model->manifest().labels.size());
    std::unique_ptr<ModelTrainer> trainer = TrainerRegistry::instance().find("asgk").create(*model);
    inference::AsgkNetwork& network = networkOf(*model);
    const double lossBefore = languageModelLoss(*model, studies.train);
    const torch::Tensor fusionBefore = network->named_parameters()["region_encoder.fusion.weight"].clone();

    // The report stage's random stream is the same with and without the two stages.
    torch::manual_seed(99);
    const torch::Tensor reference = torch::randn({4});
    torch::manual_seed(99);
    trainer->prepareReportTraining(&studies.cache, studies.train);
    EXPECT_TRUE(torch::equal(torch::randn({4}), reference));
    EXPECT_TRUE(network->auxiliaryTrained());
    EXPECT_TRUE(network->languageModelTrained());
    EXPECT_FALSE(torch::equal(network->named_parameters()["region_encoder.fusion.weight"], fusionBefore));
    EXPECT_LT(languageModelLoss(*model, studies.train), lossBefore);

    // Deterministic: a twin of the same seed ends with the same weights.
    std::unique_ptr<inference::ReportModel> twin = smallAsgk({});
    TrainerRegistry::instance().find("asgk").create(*twin)->prepareReportTraining(&studies.cache, studies.train);
    const auto twinParameters = networkOf(*twin)->named_parameters();
    for (const auto& item : network->named_parameters()) {
        EXPECT_TRUE(torch::equal(item.value(), twinParameters[item.key()])) << item.key();
    }

    // Already done (a resumed run): nothing is trained again.
    const torch::Tensor embedding = network->wordEmbeddingWeight().clone();
    trainer->prepareReportTraining(&studies.cache, studies.train);
    EXPECT_TRUE(torch::equal(network->wordEmbeddingWeight(), embedding));
    // The crop settings enter the feature cache key; without the region branch nothing does.
    EXPECT_NE(trainer->featureCacheVariant().find("size=16"), std::string::npos);
    std::unique_ptr<inference::ReportModel> plain = smallAsgk({{"internal_signal", false}});
    EXPECT_EQ(TrainerRegistry::instance().find("asgk").create(*plain)->featureCacheVariant(), "");

    // Clear errors: the branch needs the cached crops; the corpus file must exist.
    try {
        std::unique_ptr<inference::ReportModel> uncached = smallAsgk({});
        TrainerRegistry::instance().find("asgk").create(*uncached)->prepareReportTraining(nullptr, studies.train);
        FAIL() << "no error";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("train.feature_cache"), std::string::npos) << error.what();
    }
    try {
        std::unique_ptr<inference::ReportModel> missing = smallAsgk({{"external_corpus", "/nonexistent/textbook.txt"}});
        TrainerRegistry::instance().find("asgk").create(*missing)->prepareReportTraining(&studies.cache, studies.train);
        FAIL() << "no error";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/textbook.txt"), std::string::npos) << error.what();
    }

    // The report loss (report + tag loss) runs and every parameter but the extractor trains.
    ReportBatch batch;
    batch.features = studies.cache.gather({0, 1}, torch::kCPU);
    batch.inputTokens = torch::tensor({0, 8, 4, 5, 0, 8, 0, 0}, torch::kInt64).view({2, 4});
    batch.targetTokens = torch::tensor({8, 4, 5, 0, 8, 0, 0, 0}, torch::kInt64).view({2, 4});
    batch.tokenMask = batch.targetTokens.ne(0) | torch::tensor({0, 0, 0, 1, 0, 1, 0, 0}, torch::kBool).view({2, 4});
    network->eval(); // no dropout: the two losses differ by the tag loss alone
    const torch::Tensor withoutTags = trainer->reportLoss(batch);
    batch.labels = torch::zeros({2, 20});
    batch.labelWeights = torch::ones({2, 20});
    const torch::Tensor withTags = trainer->reportLoss(batch);
    EXPECT_TRUE(std::isfinite(withTags.item<double>()));
    EXPECT_GT(withTags.item<double>(), withoutTags.item<double>());
    EXPECT_EQ(trainer->reportParameters().size() + trainer->visualExtractor().parameters().size(), model->network().parameters().size());
}

TEST(AsgkTraining, ATinyAsgkOverfitsEightStudiesAndItsBundleExplainsItsDrafts) {
    const fs::path root = scratchDirectory("asgk_overfit");
    writeToyDataset(root / "data", 8, 8);
    // Greedy evaluation (beam_width 1): the overfitting proof.
    const json config = overfitConfig(
        {{"d_model", 64}, {"num_heads", 4}, {"num_layers", 2}, {"d_ff", 128}, {"dropout", 0.0}, {"max_length", 40},
         {"beam_width", 1}, {"max_positions", 64}, {"region_size", 16}, {"region_channels", 32}, {"auxiliary_epochs", 10},
         {"lm_epochs", 20}, {"external_signal", true}}); // the full method (the recipe leaves EA off)
    const TrainingResult result = trainModel(toyTrainingRequest("asgk", root / "data", root / "bundle", config));
    ASSERT_TRUE(result.completed);

    const json manifest = json::parse(readText(root / "bundle" / "manifest.json"));
    EXPECT_EQ(manifest.at("model").at("type"), "asgk");
    EXPECT_GT(manifest.at("evaluation").at("validation").at("BLEU_4").get<double>(), 0.9);
    std::unique_ptr<inference::ReportModel> loaded = inference::loadModel((root / "bundle").string(), inference::DeviceSelection{});
    EXPECT_TRUE(networkOf(*loaded)->auxiliaryTrained());
    EXPECT_TRUE(networkOf(*loaded)->languageModelTrained());

    std::string firstDraft;
    const double bleu4 = draftToyTrainingStudies(root / "data", root / "bundle", [](int, const inference::Draft& draft) {
        for (const inference::DraftToken& token : draft.tokens) EXPECT_FALSE(token.graphNodes.empty()) << token.text;
        EXPECT_EQ(draft.regionBoxes.size(), 2u);
        EXPECT_EQ(draft.topicMaps.size(), 1u);
    }, &firstDraft);
    EXPECT_GT(bleu4, 0.9) << "first draft: " << firstDraft;
    fs::remove_all(root);
}
