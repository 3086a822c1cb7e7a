// JPG (JpgModel.h): the shared subspace's shapes and its softmax rows (eq. 7-10), the label
// vocabulary, the GRU that emits at most label_max_tokens tokens with the finding first, the
// encoder input [r_x, c] and the two ablations, cached decoding against full recomputation, and a
// bundle whose drafts carry context-aware labels and first-layer token maps, unchanged after
// saving and loading.

#include "JpgModel.h"
#include "Manifest.h"
#include "TestSupport.h"
#include "inference/Draft.h"
#include "inference/InferenceError.h"
#include "inference/Pipeline.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

using namespace raddraft::inference;
using namespace raddraft::inference::testing;
namespace fs = std::filesystem;

namespace {

BundleSpec tinyJpgSpec(const std::string& extra = "") {
    BundleSpec spec = tinyBundleSpec(5);
    spec.modelType = "jpg";
    spec.name = "tiny jpg";
    spec.hyperParametersJson = R"({"d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 48, "max_length": 12,
                                   "basis_vectors": 24, "basis_dim": 16, "label_hidden": 16)" +
                               extra + "}";
    return spec;
}

std::unique_ptr<ReportModel> tinyJpg(const std::string& extra = "") {
    const fs::path root = scratchDirectory("jpg_manifest");
    createRandomBundle(tinyJpgSpec(extra), (root / "b").string());
    Manifest manifest = readManifest((root / "b").string());
    fs::remove_all(root);
    std::unique_ptr<ReportModel> model = createModel(manifest, 3);
    model->network().eval();
    return model;
}

JpgNetwork& networkOf(ReportModel& model) { return dynamic_cast<JpgReportModel&>(model).typedNetwork(); }

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

void fillParameter(torch::nn::Module& module, const std::string& name, std::int64_t index, double value) {
    torch::NoGradGuard noGrad;
    for (auto& item : module.named_parameters()) {
        if (item.key() == name) {
            item.value()[index].fill_(value);
            return;
        }
    }
    FAIL() << "no parameter " << name;
}

} // namespace

TEST(Jpg, SharedSubspaceRowsAreSoftmaxesAndRepresentationsAreTheirBasisMixtures) {
    std::unique_ptr<ReportModel> model = tinyJpg();
    JpgNetwork& network = networkOf(*model);
    ASSERT_TRUE(network->subspace);
    torch::NoGradGuard noGrad;
    const torch::Tensor patches = torch::randn({2, 8, 512}).abs() * 3.0;
    const SharedSubspaceImpl::Result visual = network->subspace->visual(patches);
    EXPECT_EQ(visual.representation.sizes(), (std::vector<std::int64_t>{2, 8, 32}));
    EXPECT_EQ(visual.weights.sizes(), (std::vector<std::int64_t>{2, 8, 24}));
    EXPECT_TRUE(torch::allclose(visual.weights.sum(-1), torch::ones({2, 8}), 1e-5, 1e-5));
    EXPECT_GE(visual.weights.min().item<double>(), 0.0);
    // r_x = S·B̃ with B̃ = B·W_b (eq. 6, 10); S = softmax of s times the cosines of X W_x and B̃'s
    // rows (eq. 4, 7, 8), s = similarity_scale.
    const torch::Tensor basis = torch::matmul(network->subspace->basis, network->subspace->projectBasis->weight.t());
    EXPECT_TRUE(torch::allclose(visual.representation, torch::matmul(visual.weights, basis), 1e-5, 1e-5));
    const torch::Tensor projected = torch::matmul(patches, network->subspace->projectVisual->weight.t());
    const torch::Tensor cosines = torch::matmul(projected / projected.norm(2, -1, true), (basis / basis.norm(2, -1, true)).t());
    EXPECT_LE(cosines.abs().max().item<double>(), 1.0 + 1e-5);
    const double scale = network->subspace->options().similarityScale;
    EXPECT_EQ(scale, 10.0);
    const torch::Tensor expected = torch::softmax(scale * cosines, -1);
    EXPECT_TRUE(torch::allclose(visual.weights, expected, 1e-5, 1e-5));

    const torch::Tensor words = torch::randn({3, 5, 32});
    const SharedSubspaceImpl::Result textual = network->subspace->textual(words);
    EXPECT_EQ(textual.representation.sizes(), (std::vector<std::int64_t>{3, 5, 32}));
    EXPECT_TRUE(torch::allclose(textual.weights.sum(-1), torch::ones({3, 5}), 1e-5, 1e-5));
    EXPECT_TRUE(torch::allclose(textual.representation, torch::matmul(textual.weights, basis), 1e-5, 1e-5));
}

TEST(Jpg, LabelVocabularyIsFindingsThenContextWords) {
    const std::vector<std::string> vocabulary = jpgLabelVocabulary({"pleural effusion", "nodule"}, {"left", "small"});
    EXPECT_EQ(vocabulary, (std::vector<std::string>{"<eos>", "pleural_effusion", "nodule", "left", "small"}));
    EXPECT_THROW(jpgLabelVocabulary({"nodule"}, {"left", "left"}), InferenceError);
    EXPECT_THROW(jpgLabelVocabulary({"nodule"}, {"upper lobe"}), InferenceError);
    std::unique_ptr<ReportModel> model = tinyJpg();
    const auto& jpg = dynamic_cast<JpgReportModel&>(*model);
    EXPECT_EQ(jpg.labelVocabulary().size(), 1 + 20 + 13u);
    EXPECT_EQ(jpg.labelText({JpgNetworkImpl::findingToken(4), 1 + 20 + 1, 1 + 20 + 11}), "pleural effusion right small");
}

TEST(Jpg, TheGruEmitsAtMostFiveTokensStartingWithTheFinding) {
    std::unique_ptr<ReportModel> model = tinyJpg();
    JpgNetwork& network = networkOf(*model);
    torch::NoGradGuard noGrad;
    // EOS made impossible: every label runs to the 5-step limit and stops there.
    fillParameter(*network, "label_decoder.output.bias", 0, -1e4);
    const torch::Tensor states = torch::randn({6, 16});
    const torch::Tensor findings = torch::tensor({1, 2, 3, 4, 5, 6}, torch::kInt64);
    LabelDecoding decoding = network->labelDecoder->decode(states, 5, findings);
    EXPECT_EQ(decoding.tokens.sizes(), (std::vector<std::int64_t>{6, 5}));
    EXPECT_TRUE(torch::equal(decoding.lengths, torch::full({6}, 5, torch::kInt64)));
    EXPECT_TRUE(torch::equal(decoding.tokens.select(1, 0), findings));
    EXPECT_TRUE(decoding.tokens.gt(0).all().item<bool>());
    EXPECT_TRUE(torch::equal(decoding.endLogProbability, torch::zeros({6})));
    EXPECT_LE(decoding.logProbabilities.max().item<double>(), 0.0);

    // EOS certain after the finding: one token each, EOS's probability recorded.
    fillParameter(*network, "label_decoder.output.bias", 0, 1e4);
    decoding = network->labelDecoder->decode(states, 5, findings);
    EXPECT_TRUE(torch::equal(decoding.lengths, torch::ones({6}, torch::kInt64)));
    EXPECT_TRUE(torch::equal(decoding.tokens.narrow(1, 1, 4), torch::zeros({6, 4}, torch::kInt64)));
    EXPECT_NEAR(decoding.endLogProbability.abs().max().item<double>(), 0.0, 1e-4);

    // The encoder's labels use label_max_tokens (here 3).
    std::unique_ptr<ReportModel> short3 = tinyJpg(R"(, "label_max_tokens": 3)");
    const JpgEncoded encoded = networkOf(*short3)->encode(torch::randn({2, 8, 512}).abs());
    EXPECT_EQ(encoded.labels.tokens.sizes(), (std::vector<std::int64_t>{2 * 20, 3}));
    EXPECT_LE(encoded.labels.lengths.max().item<std::int64_t>(), 3);
    EXPECT_GE(encoded.labels.lengths.min().item<std::int64_t>(), 1); // the forced finding
}

TEST(Jpg, EncoderReadsVisualTokensAndLabelFeaturesAndAblationsDropThem) {
    torch::NoGradGuard noGrad;
    const torch::Tensor patches = torch::randn({2, 8, 512}).abs();
    {
        std::unique_ptr<ReportModel> model = tinyJpg();
        const JpgEncoded encoded = networkOf(*model)->encode(patches);
        EXPECT_EQ(encoded.memory.sizes(), (std::vector<std::int64_t>{2, 8 + 20, 32}));
        EXPECT_EQ(encoded.labelProbabilities.sizes(), (std::vector<std::int64_t>{2, 20}));
        EXPECT_EQ(encoded.classified.attention.sizes(), (std::vector<std::int64_t>{2, 20, 8}));
        EXPECT_TRUE(torch::allclose(encoded.classified.attention.sum(-1), torch::ones({2, 20}), 1e-5, 1e-5));
        EXPECT_EQ(encoded.visualWeights.sizes(), (std::vector<std::int64_t>{2, 8, 24}));
        const torch::Tensor tokens = torch::tensor({0, 3, 4, 1, 0, 3, 0, 0}, torch::kInt64).view({2, 4});
        EXPECT_EQ(networkOf(*model)->decodeAll(encoded.memory, tokens).sizes(), (std::vector<std::int64_t>{2, 4, 15}));
    }
    {
        std::unique_ptr<ReportModel> model = tinyJpg(R"(, "auxiliary_labels": false)"); // JPG-auxiliary
        const JpgEncoded encoded = networkOf(*model)->encode(patches);
        EXPECT_EQ(encoded.memory.sizes(), (std::vector<std::int64_t>{2, 8, 32}));
        EXPECT_EQ(encoded.labelProbabilities.sizes(), (std::vector<std::int64_t>{2, 20})); // still predicted
    }
    {
        std::unique_ptr<ReportModel> model = tinyJpg(R"(, "shared_subspace": false)"); // JPG-projection
        JpgNetwork& network = networkOf(*model);
        EXPECT_FALSE(network->subspace);
        for (const auto& item : network->named_parameters()) EXPECT_NE(item.key().rfind("subspace.", 0), 0u) << item.key();
        const JpgEncoded encoded = network->encode(patches);
        EXPECT_EQ(encoded.memory.sizes(), (std::vector<std::int64_t>{2, 8 + 20, 32}));
        EXPECT_FALSE(encoded.visualWeights.defined());
    }
}

TEST(Jpg, CachedDecodingOnBothPathsEqualsFullRecomputation) {
    std::unique_ptr<ReportModel> model = tinyJpg();
    JpgNetwork& network = networkOf(*model);
    network->eval();
    JpgEncoded encoded;
    torch::Tensor full;
    const torch::Tensor tokens = torch::tensor({0, 5, 7, 2, 0, 9, 3, 3}, torch::kInt64).view({2, 4});
    {
        torch::NoGradGuard noGrad;
        encoded = network->encode(torch::randn({2, 8, 512}).abs());
        full = network->decodeAll(encoded.memory, tokens);
    }
    // r_y is per token (eq. 9), so the incremental steps equal teacher forcing on the module path
    // (autograd on) and on the inference path (vocabulary r_y computed once, fused weights).
    torch::Tensor attentionByPath[2];
    for (const bool inference : {false, true}) {
        std::unique_ptr<torch::NoGradGuard> noGrad;
        if (inference) noGrad = std::make_unique<torch::NoGradGuard>();
        DecoderCache cache = network->startCache(encoded.memory, 4, 1);
        EXPECT_EQ(cache.fused != nullptr, inference);
        std::vector<torch::Tensor> attention;
        for (std::int64_t t = 0; t < 4; ++t) {
            torch::Tensor stepAttention;
            const torch::Tensor step = network->decodeStep(tokens.select(1, t), cache, &stepAttention);
            EXPECT_LE((step - full.select(1, t)).abs().max().item<double>(), 1e-4) << t << (inference ? " inference" : " module");
            EXPECT_EQ(stepAttention.sizes(), (std::vector<std::int64_t>{2, 2, 8 + 20}));
            attention.push_back(stepAttention.detach());
        }
        attentionByPath[inference ? 1 : 0] = torch::stack(attention);
        EXPECT_THROW(network->decodeStep(tokens.select(1, 0), cache, nullptr), InferenceError); // full
    }
    EXPECT_LE((attentionByPath[0] - attentionByPath[1]).abs().max().item<double>(), 1e-5);
}

TEST(JpgBundle, DraftsCarryContextLabelsAndFirstLayerMapsAndSurviveSavingAndLoading) {
    const fs::path root = scratchDirectory("jpg_bundle");
    std::unique_ptr<ReportModel> model = tinyJpg();
    // Every finding predicted present, so that each gets its context-aware label.
    {
        torch::NoGradGuard noGrad;
        for (auto& item : model->network().named_parameters()) {
            if (item.key() == "label_classifier.bias") item.value().fill_(8.0);
        }
    }
    saveBundle(*model, (root / "jpg").string(), false, false);
    PipelineOptions options;
    options.device = DevicePreference::Cpu;
    options.threads = 1;
    options.minLength = 6;
    Pipeline pipeline = Pipeline::load((root / "jpg").string(), options);
    const Draft draft = pipeline.run(gradientStudy());
    EXPECT_EQ(draft.model.type, "jpg");
    ASSERT_EQ(draft.findings.size(), 20u);
    ASSERT_EQ(draft.topicMaps.size(), 20u);
    const auto& jpg = dynamic_cast<JpgReportModel&>(*model);
    for (std::size_t k = 0; k < 20; ++k) {
        const NamedHeatmaps& label = draft.topicMaps[k];
        // The label starts with its finding; its probability is at most the finding's.
        EXPECT_EQ(label.name.rfind(draft.findings[k].name, 0), 0u) << label.name;
        EXPECT_LE(label.name.size(), 60u);
        EXPECT_GT(label.weight, 0.0);
        EXPECT_LE(label.weight, draft.findings[k].probability + 1e-9);
        ASSERT_EQ(label.heatmaps.size(), 2u);
        double mass = 0.0;
        for (const Heatmap& map : label.heatmaps) {
            EXPECT_EQ(map.values.size(), 4u);
            for (float value : map.values) mass += value;
        }
        EXPECT_NEAR(mass, 1.0, 1e-4); // the finding's attention over all patches
    }
    EXPECT_GE(jpg.labelVocabulary().size(), 21u);
    // Token maps: the first decoder layer's attention on the image patches (≤ 1 per token).
    ASSERT_GE(draft.tokens.size(), 6u);
    for (const DraftToken& token : draft.tokens) {
        ASSERT_EQ(token.heatmaps.size(), 2u);
        double mass = 0.0;
        for (const Heatmap& map : token.heatmaps) {
            for (float value : map.values) mass += value;
        }
        EXPECT_GT(mass, 0.0);
        EXPECT_LE(mass, 1.0 + 1e-5);
    }

    // Saved as F32 and reloaded: the same draft.
    saveBundle(*model, (root / "again").string(), false, false);
    Pipeline reloaded = Pipeline::load((root / "again").string(), options);
    Draft again = reloaded.run(gradientStudy());
    Draft first = draft;
    again.timings.clear();
    first.timings.clear();
    again.model = first.model;
    EXPECT_EQ(draftToJson(again), draftToJson(first));
    EXPECT_FALSE(networkOf(*loadModel((root / "again").string(), DeviceSelection{}))->labelStagesDone());
    fs::remove_all(root);
}
