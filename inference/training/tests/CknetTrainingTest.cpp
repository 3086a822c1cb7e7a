// The CKNet trainer (CknetTrainer.cpp): the knowledge matrix trained from cached features is
// deterministic, leaves the report stage's random stream alone, is skipped when already trained
// (a resumed run) and needs the feature cache; and a tiny CKNet overfits 8 toy studies through
// the whole trainer so that greedy decoding of its written bundle reproduces their reports and
// explains them with graph nodes.

#include "CknetModel.h"
#include "DefaultKnowledgeGraph.h"
#include "FeatureCache.h"
#include "ModelTrainer.h"
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

std::unique_ptr<inference::ReportModel> smallCknet(const std::string& knowledgeMatrix) {
    inference::Manifest manifest;
    manifest.modelType = "cknet";
    manifest.modelName = "trainer test";
    manifest.hyperParameters = {{"d_model", 32}, {"num_heads", 4},     {"num_layers", 1},
                                {"d_ff", 64},    {"knowledge_dim", 16}, {"top_nodes", 4},
                                {"knowledge_epochs", 3}, {"knowledge_matrix", knowledgeMatrix}};
    manifest.vocabulary = {".", "<unk>", "clear", "lungs"};
    manifest.knowledgeGraph = inference::KnowledgeGraph::fromJson(json::parse(defaultKnowledgeGraphJson()), "chest graph");
    manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = 64;
    return inference::createModel(manifest, 1);
}

inference::CknetNetwork& networkOf(inference::ReportModel& model) {
    return dynamic_cast<inference::CknetReportModel&>(model).typedNetwork();
}

// 16 studies of 8 patch tokens × 512 channels; "cardiomegaly" (label 1) is present in the even
// ones and lifts channels 0-31 of their first patches.
struct CachedStudies {
    FeatureCache cache;
    std::vector<TrainingExample> train;
};

CachedStudies cachedStudies(std::size_t labelCount) {
    CachedStudies studies;
    torch::manual_seed(21);
    studies.cache.patches = torch::randn({16, 8, 512}).abs();
    for (int i = 0; i < 16; ++i) {
        TrainingExample example;
        example.id = "s" + std::to_string(i);
        example.split = "train";
        example.labels.assign(labelCount, 0.0f);
        example.labelWeights.assign(labelCount, 1.0f);
        if (i % 2 == 0) {
            example.labels[1] = 1.0f;
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

TEST(CknetTraining, TheKnowledgeMatrixIsTrainedOnceDeterministicallyFromTheCachedFeatures) {
    std::unique_ptr<inference::ReportModel> model = smallCknet("trained");
    const CachedStudies studies = cachedStudies(model->manifest().labels.size());
    std::unique_ptr<ModelTrainer> trainer = TrainerRegistry::instance().find("cknet").create(*model);

    // The report stage's random stream is the same with and without training the graph network.
    torch::manual_seed(99);
    const torch::Tensor reference = torch::randn({4});
    torch::manual_seed(99);
    trainer->prepareReportTraining(&studies.cache, studies.train);
    EXPECT_TRUE(torch::equal(torch::randn({4}), reference));

    inference::CknetNetwork& network = networkOf(*model);
    ASSERT_TRUE(network->knowledgeMatrixTrained());
    const torch::Tensor matrix = network->knowledgeMatrix().clone();
    EXPECT_EQ(matrix.sizes(), (std::vector<std::int64_t>{21, 16}));
    EXPECT_NEAR(matrix.pow(2).mean().item<double>(), 1.0, 1e-5);
    EXPECT_LE(matrix.mean(0).abs().max().item<double>(), 1e-5); // centred over the nodes
    EXPECT_GT((matrix[2] - matrix[3]).abs().sum().item<double>(), 0.0); // cardiomegaly ≠ scoliosis

    // Deterministic: another model of the same seed gets the same matrix.
    std::unique_ptr<inference::ReportModel> twin = smallCknet("trained");
    TrainerRegistry::instance().find("cknet").create(*twin)->prepareReportTraining(&studies.cache, studies.train);
    EXPECT_TRUE(torch::equal(networkOf(*twin)->knowledgeMatrix(), matrix));

    // Already trained (a resumed run): nothing is retrained, even from other features.
    CachedStudies other = cachedStudies(model->manifest().labels.size());
    other.cache.patches.mul_(2.0);
    trainer->prepareReportTraining(&other.cache, other.train);
    EXPECT_TRUE(torch::equal(network->knowledgeMatrix(), matrix));

    // Without the feature cache the matrix cannot be trained: a clear error.
    std::unique_ptr<inference::ReportModel> uncached = smallCknet("trained");
    try {
        TrainerRegistry::instance().find("cknet").create(*uncached)->prepareReportTraining(nullptr, studies.train);
        FAIL() << "no error";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("train.feature_cache"), std::string::npos) << error.what();
    }

    // The ablations have nothing to train; their report loss and decoding run.
    for (const std::string mode : {"random", "none"}) {
        std::unique_ptr<inference::ReportModel> ablation = smallCknet(mode);
        std::unique_ptr<ModelTrainer> ablationTrainer = TrainerRegistry::instance().find("cknet").create(*ablation);
        const torch::Tensor before = mode == "random" ? networkOf(*ablation)->knowledgeMatrix().clone() : torch::Tensor();
        ablationTrainer->prepareReportTraining(nullptr, studies.train);
        if (mode == "random") {
            EXPECT_TRUE(torch::equal(networkOf(*ablation)->knowledgeMatrix(), before));
        }
        ReportBatch batch;
        batch.features = studies.cache.gather({0, 1}, torch::kCPU);
        batch.inputTokens = torch::tensor({0, 3, 4, 1, 0, 3, 0, 0}, torch::kInt64).view({2, 4});
        batch.targetTokens = torch::tensor({3, 4, 1, 0, 3, 0, 0, 0}, torch::kInt64).view({2, 4});
        batch.tokenMask = batch.targetTokens.ne(0) | torch::tensor({0, 0, 0, 1, 0, 1, 0, 0}, torch::kBool).view({2, 4});
        const torch::Tensor loss = ablationTrainer->reportLoss(batch);
        EXPECT_TRUE(std::isfinite(loss.item<double>())) << mode;
        EXPECT_GT(loss.item<double>(), 0.0);
        EXPECT_EQ(ablationTrainer->reportParameters().size() + ablationTrainer->visualExtractor().parameters().size() +
                      ablationTrainer->tagHead()->parameters().size(),
                  ablation->network().parameters().size());
        ablation->network().eval();
        torch::NoGradGuard noGrad;
        EXPECT_EQ(ablationTrainer->decode(batch.features, 2, 5).size(), 2u);
    }
}

TEST(CknetTraining, ATinyCknetOverfitsEightStudiesAndItsBundleExplainsItsDrafts) {
    const fs::path root = scratchDirectory("cknet_overfit");
    writeToyDataset(root / "data", 8, 8);
    // Greedy evaluation (beam_width 1): the overfitting proof; beam search is tested against full
    // recomputation in inference_torch_tests.
    const json config = overfitConfig({{"d_model", 64}, {"num_heads", 4}, {"num_layers", 1}, {"d_ff", 128}, {"dropout", 0.0},
                                       {"max_length", 40}, {"beam_width", 1}, {"knowledge_dim", 32}, {"top_nodes", 4},
                                       {"knowledge_epochs", 50}});
    const TrainingResult result = trainModel(toyTrainingRequest("cknet", root / "data", root / "bundle", config));
    ASSERT_TRUE(result.completed);

    const json manifest = json::parse(readText(root / "bundle" / "manifest.json"));
    EXPECT_EQ(manifest.at("model").at("type"), "cknet");
    EXPECT_GT(manifest.at("evaluation").at("validation").at("BLEU_4").get<double>(), 0.9);
    std::unique_ptr<inference::ReportModel> loaded = inference::loadModel((root / "bundle").string(), inference::DeviceSelection{});
    EXPECT_TRUE(networkOf(*loaded)->knowledgeMatrixTrained());

    std::string firstDraft;
    const double bleu4 = draftToyTrainingStudies(root / "data", root / "bundle", [](int, const inference::Draft& draft) {
        for (const inference::DraftToken& token : draft.tokens) EXPECT_FALSE(token.graphNodes.empty()) << token.text;
        EXPECT_EQ(draft.patchNodes.size(), 8u); // 2 views × 2 × 2 patches at 64 px
    }, &firstDraft);
    EXPECT_GT(bleu4, 0.9) << "first draft: " << firstDraft;
    fs::remove_all(root);
}
