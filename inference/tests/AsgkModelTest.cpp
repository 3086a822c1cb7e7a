// ASGK (AsgkModel.h): shapes of every stage; the auxiliary region is the largest connected
// component of the thresholded heatmap (hand-made maps with two blobs) and the crop is cut there;
// the tag loss equals eq. 10-11 (and eq. 4) on hand values; the output projection is the word
// embedding itself; cached decoding equals teacher forcing; a bundle drafts with the heatmap, the
// region boxes and the tag graph, and survives saving and loading.

#include "AsgkModel.h"
#include "TestSupport.h"
#include "inference/Bundle.h"
#include "inference/Pipeline.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

using namespace raddraft::inference;
using raddraft::inference::testing::scratchDirectory;
using raddraft::inference::testing::tinyVocabulary;
namespace fs = std::filesystem;

namespace {

Manifest tinyManifest(bool internalSignal = true) {
    Manifest manifest;
    manifest.modelType = "asgk";
    manifest.modelName = "asgk test";
    manifest.hyperParameters = {{"d_model", 32},        {"num_heads", 4},       {"num_layers", 2},
                                {"d_ff", 64},           {"graph_layers", 1},    {"region_size", 16},
                                {"region_channels", 16}, {"max_length", 12},     {"max_positions", 40},
                                {"internal_signal", internalSignal}};
    manifest.vocabulary = tinyVocabulary();
    manifest.knowledgeGraph = KnowledgeGraph::load(std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json");
    manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = 64;
    return manifest;
}

AsgkNetwork& networkOf(ReportModel& model) { return dynamic_cast<AsgkReportModel&>(model).typedNetwork(); }

StudyInput gradientStudy() {
    StudyInput study;
    for (std::optional<ImageView>* view : {&study.frontal, &study.lateral}) {
        ImageView image;
        image.width = 90;
        image.height = 80;
        for (int y = 0; y < image.height; ++y) {
            for (int x = 0; x < image.width; ++x) image.pixels.push_back(float(0.5 + 0.4 * std::sin(0.1 * x + 0.07 * y)));
        }
        *view = image;
    }
    return study;
}

} // namespace

TEST(Asgk, TheAuxiliaryRegionIsTheLargestComponentOfTheThresholdedMap) {
    // Two blobs: a small hot one (2×2 at 1.0) and a larger warm one (3×3 at 0.8).
    torch::Tensor map = torch::zeros({10, 10});
    map.narrow(0, 1, 2).narrow(1, 1, 2).fill_(1.0);
    map.narrow(0, 6, 3).narrow(1, 5, 3).fill_(0.8);
    AuxiliaryRegion region = largestThresholdedComponent(map, 0.7);
    EXPECT_EQ(region.area, 9);
    EXPECT_EQ(region.top, 6);
    EXPECT_EQ(region.bottom, 9);
    EXPECT_EQ(region.left, 5);
    EXPECT_EQ(region.right, 8);
    // Above 0.9 of the maximum only the small blob is left.
    region = largestThresholdedComponent(map, 0.9);
    EXPECT_EQ(region.area, 4);
    EXPECT_EQ(region.top, 1);
    EXPECT_EQ(region.left, 1);
    EXPECT_EQ(region.bottom, 3);
    EXPECT_EQ(region.right, 3);
    // Diagonal neighbours join a component (8-neighbourhood): one component of 4 cells, 4×4 box.
    torch::Tensor diagonal = torch::zeros({6, 6});
    for (int i = 0; i < 4; ++i) diagonal[i][i] = 1.0;
    region = largestThresholdedComponent(diagonal, 0.7);
    EXPECT_EQ(region.area, 4);
    EXPECT_EQ(region.bottom - region.top, 4);
    EXPECT_EQ(region.right - region.left, 4);
    // A map without positive heat: the whole map.
    region = largestThresholdedComponent(torch::zeros({3, 4}), 0.7);
    EXPECT_EQ(region.bottom, 3);
    EXPECT_EQ(region.right, 4);
    EXPECT_THROW(largestThresholdedComponent(torch::zeros({3}), 0.7), InferenceError);
}

TEST(Asgk, CropsAreCutWhereTheUpsampledHeatmapIsHot) {
    // Images whose top-left quadrant is 5 (the rest 0); heatmaps hot only in the top-left cell.
    torch::Tensor images = torch::zeros({1, 2, 3, 8, 8});
    images.narrow(3, 0, 4).narrow(4, 0, 4).fill_(5.0);
    torch::Tensor heatmaps = torch::zeros({1, 2, 2, 2});
    heatmaps.select(2, 0).select(2, 0).fill_(1.0);
    const RegionCrops crops = cropAuxiliaryRegions(images, heatmaps, 0.7, 6);
    EXPECT_EQ(crops.images.sizes(), (std::vector<std::int64_t>{1, 2, 3, 6, 6}));
    EXPECT_TRUE(torch::allclose(crops.images, torch::full({1, 2, 3, 6, 6}, 5.0)));
    // Bilinear upsampling (align_corners false) of [[1, 0], [0, 0]] to 8×8 is ≥ 0.7 on the
    // top-left 3×3 pixels: (1 − 0.125)² = 0.77, 1 − 0.375 = 0.625.
    const torch::Tensor expected = torch::tensor({0.0f, 0.0f, 3.0f / 8.0f, 3.0f / 8.0f});
    EXPECT_TRUE(torch::allclose(crops.boxes[0][0], expected)) << crops.boxes;
    EXPECT_TRUE(torch::allclose(crops.boxes[0][1], expected));
}

TEST(Asgk, TagLossEqualsTheFocalAndBinaryCrossEntropyFormulas) {
    const torch::Tensor logits = torch::tensor({2.0f, -1.0f, 0.5f}).view({1, 3});
    const torch::Tensor targets = torch::tensor({1.0f, 0.0f, 0.0f}).view({1, 3});
    const auto sigmoid = [](double z) { return 1.0 / (1.0 + std::exp(-z)); };
    const double p0 = sigmoid(2.0), p1 = 1.0 - sigmoid(-1.0), p2 = 1.0 - sigmoid(0.5); // p* of eq. 10
    const auto focal = [](double p) { return -0.25 * std::pow(1.0 - p, 2.0) * std::log(p); }; // eq. 11
    EXPECT_NEAR(asgkTagLoss(logits, targets, {}, "focal").item<double>(), (focal(p0) + focal(p1) + focal(p2)) / 3.0, 1e-7);
    EXPECT_NEAR(asgkTagLoss(logits, targets, {}, "bce").item<double>(), -(std::log(p0) + std::log(p1) + std::log(p2)) / 3.0, 1e-6);
    // Unknown labels (weight 0) do not count.
    const torch::Tensor weights = torch::tensor({1.0f, 0.0f, 1.0f}).view({1, 3});
    EXPECT_NEAR(asgkTagLoss(logits, targets, weights, "focal").item<double>(), (focal(p0) + focal(p2)) / 2.0, 1e-7);
    EXPECT_NEAR(asgkTagLoss(logits, targets, {}, "focal", 0.5, 0.0).item<double>(),
                -0.5 * (std::log(p0) + std::log(p1) + std::log(p2)) / 3.0, 1e-6);
    EXPECT_THROW(asgkTagLoss(logits, targets, {}, "hinge"), InferenceError);
}

TEST(Asgk, ShapesOfEveryStageAndTheTiedEmbedding) {
    std::unique_ptr<ReportModel> model = createModel(tinyManifest(), 3);
    AsgkNetwork& network = networkOf(*model);
    network->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor images = torch::rand({2, 2, 3, 64, 64});
    const VisualFeatures features = model->extractFeatures(images);
    EXPECT_EQ(features.patches.sizes(), (std::vector<std::int64_t>{2, 8, 512}));
    EXPECT_EQ(features.regions.sizes(), (std::vector<std::int64_t>{2, 2, 3, 16, 16}));
    EXPECT_EQ(activationHeatmaps(features).sizes(), (std::vector<std::int64_t>{2, 2, 2, 2}));
    // The fusion starts at zero: f_f = f_g until the region branch trains.
    EXPECT_TRUE(torch::allclose(network->fusedFeature(features), features.pooled));

    const AsgkNetworkImpl::Encoded encoded = network->encode(features);
    EXPECT_EQ(encoded.tagLogits.sizes(), (std::vector<std::int64_t>{2, 20}));
    EXPECT_EQ(encoded.memory.sizes(), (std::vector<std::int64_t>{2, 20, 32}));
    EXPECT_EQ(encoded.edges.sizes(), (std::vector<std::int64_t>{2, 20, 20}));
    EXPECT_TRUE(torch::allclose(encoded.edges.sum(-1), torch::ones({2, 20}), 1e-5, 1e-5));

    const torch::Tensor tokens = torch::tensor({0, 6, 9, 4, 0, 3, 8, 1}, torch::kInt64).view({2, 4});
    torch::Tensor crossAttention;
    const torch::Tensor logits = network->decodeAll(encoded.memory, tokens, {}, &crossAttention);
    EXPECT_EQ(logits.sizes(), (std::vector<std::int64_t>{2, 4, 15}));
    EXPECT_EQ(crossAttention.sizes(), (std::vector<std::int64_t>{2, 4, 2, 20}));

    // Cached step-by-step decoding equals teacher forcing, on the inference path (fused weights,
    // eq. 6 as row look-ups) and on the module path (autograd on).
    for (const bool inference : {true, false}) {
        std::unique_ptr<torch::AutoGradMode> gradMode;
        if (!inference) gradMode = std::make_unique<torch::AutoGradMode>(true);
        DecoderCache cache = network->startCache(encoded.memory, 4);
        EXPECT_EQ(cache.fused != nullptr, inference);
        for (std::int64_t t = 0; t < 4; ++t) {
            torch::Tensor stepAttention;
            const torch::Tensor step = network->decodeStep(tokens.select(1, t), cache, &stepAttention);
            EXPECT_TRUE(torch::allclose(step, logits.select(1, t), 1e-4, 1e-5)) << "step " << t << (inference ? " inference" : " module");
            EXPECT_TRUE(torch::allclose(stepAttention, crossAttention.select(1, t), 1e-5, 1e-6)) << "step " << t;
        }
    }

    // Tied output embedding (eq. 8): one tensor, no separate output matrix; zeroing the row of a
    // word zeroes that word's logit everywhere.
    const auto parameters = network->named_parameters();
    EXPECT_TRUE(parameters["word_embedding.weight"].is_same(network->wordEmbeddingWeight()));
    for (const auto& item : parameters) {
        if (item.key() != "word_embedding.weight") {
            EXPECT_FALSE(item.value().sizes() == network->wordEmbeddingWeight().sizes()) << item.key();
        }
    }
    parameters["word_embedding.weight"][7].zero_();
    const torch::Tensor after = network->decodeAll(encoded.memory, tokens);
    EXPECT_TRUE(torch::equal(after.select(2, 7), torch::zeros({2, 4})));

    // Without the internal signal there is no region branch and no crop.
    std::unique_ptr<ReportModel> baseline = createModel(tinyManifest(false), 3);
    EXPECT_FALSE(networkOf(*baseline)->regionEncoder);
    EXPECT_FALSE(baseline->extractFeatures(images).regions.defined());
    for (const auto& item : networkOf(*baseline)->named_parameters()) EXPECT_EQ(item.key().rfind("region_encoder.", 0), std::string::npos);
}

TEST(AsgkBundle, DraftsCarryTheHeatmapRegionBoxesAndTagGraphAndSurviveSavingAndLoading) {
    const fs::path root = scratchDirectory("asgk_bundle");
    BundleSpec spec;
    spec.modelType = "asgk";
    spec.name = "tiny asgk";
    spec.hyperParametersJson = tinyManifest().hyperParameters.dump();
    spec.vocabulary = tinyVocabulary();
    spec.knowledgeGraphFile = std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json";
    spec.imageSize = 64;
    spec.seed = 5;
    createRandomBundle(spec, (root / "bundle").string());
    PipelineOptions options;
    options.device = DevicePreference::Cpu;
    options.threads = 1;
    options.minLength = 4;
    Pipeline pipeline = Pipeline::load((root / "bundle").string(), options);
    const Draft draft = pipeline.run(gradientStudy());
    EXPECT_EQ(draft.model.type, "asgk");
    ASSERT_EQ(draft.regionBoxes.size(), 2u);
    EXPECT_EQ(draft.regionBoxes[0].view, "frontal");
    EXPECT_EQ(draft.regionBoxes[1].view, "lateral");
    for (const RegionBox& box : draft.regionBoxes) {
        EXPECT_EQ(box.label, "auxiliary region");
        EXPECT_GE(box.x0, 0.0);
        EXPECT_LT(box.x0, box.x1);
        EXPECT_LE(box.x1, 1.0);
        EXPECT_LT(box.y0, box.y1);
    }
    ASSERT_EQ(draft.topicMaps.size(), 1u);
    EXPECT_EQ(draft.topicMaps[0].name, "auxiliary heatmap");
    ASSERT_EQ(draft.topicMaps[0].heatmaps.size(), 2u);
    double mass = 0.0;
    for (const Heatmap& map : draft.topicMaps[0].heatmaps) {
        for (float value : map.values) mass += value;
    }
    EXPECT_NEAR(mass, 1.0, 1e-5);
    EXPECT_EQ(draft.graphNodes.size(), 21u);
    for (const GraphEdgeState& edge : draft.graphEdges) EXPECT_GT(edge.weight, 0.3);
    ASSERT_GE(draft.tokens.size(), 4u);
    for (const DraftToken& token : draft.tokens) EXPECT_FALSE(token.graphNodes.empty()) << token.text;

    // Saved and loaded again, the bundle drafts the same text.
    std::unique_ptr<ReportModel> loaded = loadModel((root / "bundle").string(), DeviceSelection{});
    saveBundle(*loaded, (root / "copy").string(), false, false);
    Pipeline reloaded = Pipeline::load((root / "copy").string(), options);
    EXPECT_EQ(reloaded.run(gradientStudy()).text, draft.text);
    fs::remove_all(root);
}
