// CKNet (CknetModel.h): top-γ node selection and its sign rule on hand-made scores and q/k,
// preservation, shapes and masks, cached decoding against full recomputation, the "random" /
// "none" ablations, the graph network and the knowledge matrix, and a bundle whose drafts carry
// patch and token nodes and survive saving and loading unchanged.

#include "CknetModel.h"
#include "Manifest.h"
#include "Preprocessing.h"
#include "TestSupport.h"
#include "inference/Draft.h"
#include "inference/Pipeline.h"

#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

using namespace raddraft::inference;
using namespace raddraft::inference::testing;
namespace fs = std::filesystem;

namespace {

CknetOptions tinyOptions(const std::string& knowledgeMatrix) {
    CknetOptions options;
    options.inputFeatures = 24;
    options.vocabularySize = 17;
    options.modelDimension = 32;
    options.heads = 4;
    options.layers = 2;
    options.feedForwardDimension = 48;
    options.dropout = 0.0;
    options.knowledgeMatrix = knowledgeMatrix;
    options.knowledgeNodes = 6;
    options.knowledgeDimension = 8;
    options.topNodes = 3;
    options.labels = 5;
    return options;
}

bool hasTensor(torch::nn::Module& module, const std::string& name) {
    for (const auto& [key, tensor] : namedTensors(module)) {
        if (key == name) return true;
    }
    return false;
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

BundleSpec tinyCknetSpec(const std::string& knowledgeMatrix) {
    BundleSpec spec = tinyBundleSpec(5);
    spec.modelType = "cknet";
    spec.name = "tiny cknet";
    spec.hyperParametersJson = R"({"d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 64, "max_length": 12,
                                   "knowledge_dim": 16, "top_nodes": 4, "knowledge_matrix": ")" +
                               knowledgeMatrix + R"("})";
    return spec;
}

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

// Reference decoder for beam search: every step re-runs the full teacher-forced decoder over
// the prefix of each row (no cache, no vocabulary table), so rows, beams and reordering are
// checked against the cached session.
class FullRecomputeSession : public IncrementalDecoder {
public:
    FullRecomputeSession(CknetNetwork network, torch::Tensor memory) : m_network(std::move(network)), m_memory(std::move(memory)) {}
    std::int64_t batchSize() const override { return m_memory.size(0); }
    std::int64_t vocabularySize() const override { return m_network->options().vocabularySize; }
    torch::Device device() const override { return m_memory.device(); }
    void start(std::int64_t beamWidth, std::int64_t) override {
        m_rowsMemory = m_memory.repeat_interleave(beamWidth, 0);
        m_prefix = torch::empty({m_rowsMemory.size(0), 0}, torch::kInt64);
    }
    torch::Tensor step(const torch::Tensor& lastTokens, torch::Tensor* crossAttention) override {
        m_prefix = torch::cat({m_prefix, lastTokens.view({-1, 1})}, 1);
        torch::Tensor attention;
        const torch::Tensor logits = m_network->decodeAll(m_rowsMemory, m_prefix, {}, &attention);
        if (crossAttention != nullptr) *crossAttention = attention.select(1, attention.size(1) - 1);
        return logits.select(1, logits.size(1) - 1);
    }
    void reorder(const torch::Tensor& rows) override { m_prefix = m_prefix.index_select(0, rows); }

private:
    CknetNetwork m_network;
    torch::Tensor m_memory, m_rowsMemory, m_prefix;
};

} // namespace

TEST(Cknet, TopNodeSelectionKeepsTheLargestScoresWithPositiveWeightsSummingToOne) {
    // Scores of mixed sign (row 0) and all negative (row 1): the literal D/ΣD would give a
    // negative weight in row 0 and weights > 1 in row 1; the softmax gives a distribution.
    const torch::Tensor scores = torch::tensor({-3.0f, 1.0f, -0.5f, 2.0f, 0.1f, -1.0f, -5.0f, -1.0f, -2.0f, -8.0f, -0.5f, -9.0f})
                                     .view({2, 6});
    const NodeSelection selection = selectTopNodes(scores, 3);
    EXPECT_TRUE(torch::equal(selection.indices, torch::tensor({3, 1, 4, 4, 1, 2}, torch::kInt64).view({2, 3})));
    EXPECT_TRUE(torch::allclose(selection.weights.sum(-1), torch::ones({2})));
    EXPECT_TRUE((selection.weights > 0).all().item<bool>());
    const torch::Tensor expected = torch::softmax(torch::tensor({2.0f, 1.0f, 0.1f, -0.5f, -1.0f, -2.0f}).view({2, 3}), -1);
    EXPECT_LE(maxDifference(selection.weights, expected), 1e-6);
    // Weights follow the scores' order (largest first).
    EXPECT_TRUE((selection.weights.select(1, 0) >= selection.weights.select(1, 1)).all().item<bool>());

    // γ larger than the node count keeps every node; γ < 1 is an error.
    EXPECT_EQ(selectTopNodes(scores, 50).indices.size(1), 6);
    EXPECT_THROW(selectTopNodes(scores, 0), InferenceError);

    // Head-averaged dense weights: zero outside the selection, each row sums to 1.
    NodeSelection perHead = selectTopNodes(torch::randn({2, 4, 5, 6}), 2); // (B, h, T, N)
    const torch::Tensor dense = headAveragedNodeWeights(perHead, 6);
    EXPECT_EQ(dense.sizes(), (std::vector<std::int64_t>{2, 5, 6}));
    EXPECT_TRUE(torch::allclose(dense.sum(-1), torch::ones({2, 5})));
}

TEST(Cknet, DistillationAndPreservationFollowEquationsFourToNine) {
    // One head, identity W_q / W_k / W_g and zero biases: D = v·gᵀ/√d, r = Σ_j w_j g_j.
    KnowledgeDistillation distillation(KnowledgeDistillationOptions{4, 4, 1, 2});
    {
        torch::NoGradGuard noGrad;
        for (const torch::nn::Linear& linear : {distillation->query, distillation->key, distillation->value}) {
            linear->weight.copy_(torch::eye(4));
            linear->bias.zero_();
        }
    }
    const torch::Tensor knowledge = torch::tensor({1.0f, 0.0f, 0.0f, 0.0f,   // node 0
                                                   0.0f, 1.0f, 0.0f, 0.0f,   // node 1
                                                   0.0f, 0.0f, -1.0f, 0.0f,  // node 2
                                                   0.5f, 0.5f, 0.5f, 0.5f})  // node 3
                                        .view({4, 4});
    const torch::Tensor features = torch::tensor({2.0f, 0.0f, 1.0f, 0.0f, 0.0f, -1.0f, 0.0f, -3.0f}).view({1, 2, 4});
    torch::NoGradGuard noGrad;
    const KnowledgeDistillationImpl::Result result = distillation(features, knowledge);
    const torch::Tensor scores = torch::matmul(features, knowledge.t()) / 2.0; // √d = 2
    EXPECT_LE(maxDifference(result.selection.scores.squeeze(1), scores), 1e-6);
    // Row 0 scores: [1, 0, -0.5, 0.75] → nodes 0, 3. Row 1: [0, -0.5, 0, -1] → nodes 0 and 2
    // tie at 0; topk keeps both zeros ahead of the negatives.
    EXPECT_EQ(result.selection.indices[0][0][0][0].item<std::int64_t>(), 0);
    EXPECT_EQ(result.selection.indices[0][0][0][1].item<std::int64_t>(), 3);
    const torch::Tensor w = result.selection.weights[0][0][0];
    const torch::Tensor expectedPreserved = w[0] * knowledge[0] + w[1] * knowledge[3];
    EXPECT_LE(maxDifference(result.preserved[0][0], expectedPreserved), 1e-6);
    EXPECT_EQ(result.preserved.sizes(), (std::vector<std::int64_t>{1, 2, 4}));
    EXPECT_EQ(result.enriched.sizes(), (std::vector<std::int64_t>{1, 2, 4}));
    EXPECT_LE(maxDifference(result.enriched, distillation->fuse(torch::cat({features, result.preserved}, -1))), 1e-6);
    const torch::Tensor rowOneNodes = std::get<0>(result.selection.indices[0][0][1].sort());
    EXPECT_TRUE(torch::equal(rowOneNodes, torch::tensor({0, 2}, torch::kInt64)));
}

TEST(Cknet, ShapesMasksAndCachedDecodingEqualFullDecoding) {
    torch::manual_seed(3);
    CknetNetwork network(VisualExtractorOptions{}, tinyOptions("random"));
    network->eval();
    const torch::Tensor patches = torch::randn({2, 10, 24});
    const torch::Tensor tokens = torch::cat({torch::zeros({2, 1}, torch::kInt64), torch::randint(1, 17, {2, 11})}, 1);

    torch::Tensor full, fullAttention, memory;
    {
        torch::NoGradGuard noGrad;
        const EncodedVisual encoded = network->encode(patches, true);
        memory = encoded.memory;
        EXPECT_EQ(memory.sizes(), (std::vector<std::int64_t>{2, 10, 32}));
        EXPECT_EQ(encoded.nodeWeights.sizes(), (std::vector<std::int64_t>{2, 10, 6}));
        EXPECT_TRUE(torch::allclose(encoded.nodeWeights.sum(-1), torch::ones({2, 10})));
        full = network->decodeAll(memory, tokens, {}, &fullAttention);
        EXPECT_EQ(full.sizes(), (std::vector<std::int64_t>{2, 12, 17}));
        EXPECT_EQ(fullAttention.sizes(), (std::vector<std::int64_t>{2, 12, 2, 10}));

        // Causal: changing later tokens leaves earlier logits alone; padding masked out of the
        // keys leaves the real positions alone.
        torch::Tensor changed = tokens.clone();
        changed.narrow(1, 6, 6).fill_(3);
        const torch::Tensor prefixLogits = network->decodeAll(memory, changed).narrow(1, 0, 6);
        EXPECT_LE(maxDifference(prefixLogits, full.narrow(1, 0, 6)), 1e-5);
        torch::Tensor mask = torch::ones({2, 12}, torch::kBool);
        mask.narrow(1, 8, 4).fill_(false);
        const torch::Tensor masked = network->decodeAll(memory, changed, mask);
        torch::Tensor other = changed.clone();
        other.narrow(1, 8, 4).fill_(5);
        EXPECT_LE(maxDifference(network->decodeAll(memory, other, mask).narrow(1, 0, 8), masked.narrow(1, 0, 8)), 1e-5);
    }

    // Word-side distillation is per token, so the cached step (module path with autograd, and
    // the fused inference path with the distilled vocabulary) equals full recomputation.
    for (const bool inference : {false, true}) {
        std::unique_ptr<torch::NoGradGuard> noGrad;
        if (inference) noGrad = std::make_unique<torch::NoGradGuard>();
        CknetDecoderCache cache = network->startCache(memory, 12);
        EXPECT_EQ(cache.enrichedVocabulary.defined(), inference);
        double logitDifference = 0.0, attentionDifference = 0.0;
        for (std::int64_t t = 0; t < 12; ++t) {
            torch::Tensor attention;
            const torch::Tensor step = network->decodeStep(tokens.select(1, t), cache, &attention);
            logitDifference = std::max(logitDifference, maxDifference(step, full.select(1, t)));
            attentionDifference = std::max(attentionDifference, maxDifference(attention, fullAttention.select(1, t)));
        }
        EXPECT_LE(logitDifference, 1e-4) << (inference ? "inference path" : "module path");
        EXPECT_LE(attentionDifference, 1e-5);
        EXPECT_THROW(network->decodeStep(tokens.select(1, 0), cache, nullptr), InferenceError); // full
    }

    {
        // Beam search over the cached session equals beam search over full recomputation: one
        // sequence per input, the same tokens, scores and attention per generated token.
        torch::NoGradGuard noGrad;
        DecodeOptions decode;
        decode.beamWidth = 3;
        decode.maxLength = 8;
        decode.minLength = 4;
        CknetDecoderSession session(network, memory);
        FullRecomputeSession reference(network, memory);
        const std::vector<DecodedSequence> cached = beamSearch(session, decode);
        const std::vector<DecodedSequence> full = beamSearch(reference, decode);
        ASSERT_EQ(cached.size(), 2u);
        for (std::size_t i = 0; i < cached.size(); ++i) {
            EXPECT_EQ(cached[i].tokens, full[i].tokens);
            EXPECT_NEAR(cached[i].score, full[i].score, 1e-4);
            ASSERT_TRUE(cached[i].crossAttention.defined());
            EXPECT_EQ(cached[i].crossAttention.size(1), 2);
            EXPECT_LE(maxDifference(cached[i].crossAttention, full[i].crossAttention), 1e-5);
        }
        EXPECT_NE(cached[0].tokens, cached[1].tokens); // the inputs are told apart
    }

    // Training: the loss reaches the distillation and the knowledge matrix stays frozen (a buffer).
    network->train();
    const torch::Tensor logits = network->forward(patches, tokens);
    logits.sum().backward();
    EXPECT_TRUE(network->distillation->query->weight.grad().defined());
    EXPECT_GT(network->distillation->query->weight.grad().abs().sum().item<double>(), 0.0);
    for (const auto& item : network->named_parameters()) EXPECT_EQ(item.key().find("knowledge_matrix"), std::string::npos);
}

TEST(Cknet, AblationsBuildAndRunAndTheTrainedMatrixIsSetOnce) {
    torch::manual_seed(4);
    for (const std::string mode : {"trained", "random", "none"}) {
        CknetNetwork network(VisualExtractorOptions{}, tinyOptions(mode));
        network->eval();
        // The baseline bundle's extractor and tag head copy in under these names (pretrain.initialize_from).
        EXPECT_TRUE(hasTensor(*network, "visual_extractor.backbone.conv1.weight")) << mode;
        EXPECT_TRUE(hasTensor(*network, "tag_head.classifier.weight")) << mode;
        EXPECT_EQ(hasTensor(*network, "knowledge_matrix"), mode != "none") << mode;
        EXPECT_EQ(hasTensor(*network, "distillation.fuse.weight"), mode != "none") << mode;
        EXPECT_EQ(bool(network->distillation), mode != "none");
        if (mode == "random") {
            EXPECT_GT(network->knowledgeMatrix().abs().sum().item<double>(), 0.0);
        }
        if (mode == "trained") {
            EXPECT_EQ(network->knowledgeMatrix().abs().sum().item<double>(), 0.0);
        }
        EXPECT_FALSE(network->knowledgeMatrixTrained());
        torch::NoGradGuard noGrad;
        const EncodedVisual encoded = network->encode(torch::randn({1, 7, 24}), true);
        EXPECT_EQ(encoded.nodeWeights.defined(), mode != "none");
        const torch::Tensor logits = network->decodeAll(encoded.memory, torch::zeros({1, 3}, torch::kInt64));
        EXPECT_TRUE(torch::isfinite(logits).all().item<bool>()) << mode;
    }
    CknetNetwork trained(VisualExtractorOptions{}, tinyOptions("trained"));
    EXPECT_THROW(trained->setTrainedKnowledgeMatrix(torch::ones({5, 8})), InferenceError);
    const torch::Tensor matrix = torch::randn({6, 8});
    trained->setTrainedKnowledgeMatrix(matrix);
    EXPECT_TRUE(trained->knowledgeMatrixTrained());
    EXPECT_TRUE(torch::equal(trained->knowledgeMatrix(), matrix));
    CknetNetwork random(VisualExtractorOptions{}, tinyOptions("random"));
    EXPECT_THROW(random->setTrainedKnowledgeMatrix(matrix), InferenceError);
    EXPECT_THROW(CknetNetwork(VisualExtractorOptions{}, tinyOptions("learned")), InferenceError);
    CknetOptions noGraph = tinyOptions("random");
    noGraph.knowledgeNodes = 0;
    EXPECT_THROW(CknetNetwork(VisualExtractorOptions{}, noGraph), InferenceError);
}

TEST(Cknet, GraphClassifierAndKnowledgeMatrixFromNodeStates) {
    torch::manual_seed(5);
    const KnowledgeGraph graph = KnowledgeGraph::load(std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json");
    CknetGraphClassifier classifier(graph, 24, 16);
    const auto output = classifier(torch::randn({3, 10, 24}), torch::randn({3, 24}));
    EXPECT_EQ(output.states.sizes(), (std::vector<std::int64_t>{3, 21, 16}));
    EXPECT_EQ(output.logits.sizes(), (std::vector<std::int64_t>{3, 21}));
    EXPECT_TRUE((output.states >= 0).all().item<bool>()); // graph convolutions end in a ReLU

    // Hand-made states of 3 studies × 3 nodes × 2: node 0 present in studies 0 and 1, node 1
    // never (→ mean over all), node 2 in study 2.
    const torch::Tensor states = torch::tensor({1.0f, 2.0f, 0.0f, 0.0f, 4.0f, 4.0f,   //
                                                3.0f, 4.0f, 3.0f, 3.0f, 0.0f, 0.0f,   //
                                                9.0f, 9.0f, 6.0f, 0.0f, 2.0f, 8.0f})
                                     .view({3, 3, 2});
    const torch::Tensor present = torch::tensor({1.0f, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1.0f}).view({3, 3});
    const torch::Tensor rows = torch::tensor({2.0f, 3.0f, 3.0f, 1.0f, 2.0f, 8.0f}).view({3, 2});
    const torch::Tensor centred = rows - rows.mean(0, true);
    const torch::Tensor expected = centred / centred.pow(2).mean().sqrt();
    const torch::Tensor matrix = knowledgeMatrixFromNodeStates(states, present);
    EXPECT_LE(maxDifference(matrix, expected), 1e-6);
    EXPECT_NEAR(matrix.pow(2).mean().item<double>(), 1.0, 1e-6);
    EXPECT_THROW(knowledgeMatrixFromNodeStates(states, present.narrow(1, 0, 2)), InferenceError);
}

TEST(CknetBundle, DraftsCarryPatchAndTokenNodesAndSurviveSavingAndLoading) {
    const fs::path root = scratchDirectory("cknet_bundle");
    createRandomBundle(tinyCknetSpec("random"), (root / "random").string());
    PipelineOptions options;
    options.device = DevicePreference::Cpu;
    options.threads = 1;
    options.minLength = 6; // random weights may end at once; force tokens to explain
    Pipeline pipeline = Pipeline::load((root / "random").string(), options);
    const Draft draft = pipeline.run(gradientStudy());
    EXPECT_EQ(draft.model.type, "cknet");

    // Patches: 2 views × 2 × 2 cells at 64 px, each with ≤ γ nodes, positive weights ≤ 1 in all.
    ASSERT_EQ(draft.patchNodes.size(), 8u);
    EXPECT_EQ(draft.patchNodes[0].view, "frontal");
    EXPECT_EQ(draft.patchNodes[4].view, "lateral");
    EXPECT_EQ(draft.patchNodes[3].row, 1);
    EXPECT_EQ(draft.patchNodes[3].col, 1);
    for (const PatchNodes& patch : draft.patchNodes) {
        ASSERT_FALSE(patch.nodes.empty());
        EXPECT_LE(patch.nodes.size(), 4u);
        double sum = 0.0;
        for (std::size_t j = 0; j < patch.nodes.size(); ++j) {
            EXPECT_GT(patch.nodes[j].weight, 0.0);
            if (j > 0) {
                EXPECT_LE(patch.nodes[j].weight, patch.nodes[j - 1].weight);
            }
            sum += patch.nodes[j].weight;
        }
        EXPECT_LE(sum, 1.0 + 1e-6);
    }
    // Tokens: each generated word lists its distilled nodes; sentences aggregate theirs.
    ASSERT_GE(draft.tokens.size(), 6u);
    for (const DraftToken& token : draft.tokens) {
        ASSERT_FALSE(token.graphNodes.empty()) << token.text;
        EXPECT_LE(token.graphNodes.size(), 4u);
    }
    for (const DraftSentence& sentence : draft.sentences) {
        EXPECT_FALSE(sentence.support.graphNodes.empty());
        EXPECT_LE(sentence.support.graphNodes.size(), 5u);
    }
    // Graph activations: mean distillation weight over patches (a distribution over the nodes).
    ASSERT_EQ(draft.graphNodes.size(), 21u);
    double activation = 0.0;
    for (const GraphNodeState& node : draft.graphNodes) activation += node.activation;
    EXPECT_NEAR(activation, 1.0, 1e-5);
    // Per-token cross-attention maps and finding maps as the baseline.
    EXPECT_EQ(draft.tokens[0].heatmaps.size(), 2u);
    EXPECT_EQ(draft.findings.size(), 20u);

    // Save → load: a model in memory with a trained knowledge matrix drafts exactly the same
    // before saving and after loading its bundle.
    Manifest manifest = readManifest((root / "random").string());
    manifest.hyperParameters["knowledge_matrix"] = "trained";
    std::unique_ptr<ReportModel> model = createModel(manifest, 9);
    CknetNetwork& network = dynamic_cast<CknetReportModel&>(*model).typedNetwork();
    const torch::Tensor matrix = torch::randn({21, 16});
    network->setTrainedKnowledgeMatrix(matrix);
    model->network().eval();
    Draft inMemory;
    {
        c10::InferenceMode inferenceMode;
        const StudyInput study = gradientStudy();
        const torch::Tensor images = torch::stack({preprocessView(*study.frontal, manifest.preprocessing, "frontal"),
                                                   preprocessView(*study.lateral, manifest.preprocessing, "lateral")})
                                         .unsqueeze(0);
        StageClock clock(torch::kCPU);
        GenerationRequest request;
        request.images = images;
        request.views = {"frontal", "lateral"};
        request.decode = model->defaultDecodeOptions();
        request.decode.minLength = 6;
        request.clock = &clock;
        inMemory = model->generate(request).at(0);
    }
    saveBundle(*model, (root / "trained").string(), false, false);
    Pipeline reloaded = Pipeline::load((root / "trained").string(), options);
    Draft again = reloaded.run(gradientStudy());
    ASSERT_FALSE(again.patchNodes.empty());
    again.timings.clear();
    again.model = inMemory.model;
    EXPECT_EQ(draftToJson(again), draftToJson(inMemory));

    // The trained matrix and its flag travel in the bundle, also as F16.
    saveBundle(*model, (root / "trained-half").string(), true, false);
    for (const char* name : {"trained", "trained-half"}) {
        std::unique_ptr<ReportModel> loaded = loadModel((root / name).string(), DeviceSelection{});
        CknetNetwork& loadedNetwork = dynamic_cast<CknetReportModel&>(*loaded).typedNetwork();
        EXPECT_TRUE(loadedNetwork->knowledgeMatrixTrained()) << name;
        EXPECT_LE(maxDifference(loadedNetwork->knowledgeMatrix(), matrix), std::string(name) == "trained" ? 0.0 : 2e-3) << name;
    }
    fs::remove_all(root);
}
