// PPKED (PpkedModel.h): the shapes and masks of every block, ADA's λ and its equivalence with
// attention over the explicit memory I′ + λ1 G′ + λ2 W′, retrieval of the nearest reports (the
// query study excluded), incremental decoding against teacher forcing, the explanations a Draft
// carries, identical drafts after a bundle round trip, and the ablation switches.

#include "PpkedModel.h"
#include "TestSupport.h"
#include "TransformerModel.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <map>
#include <set>

using namespace raddraft::inference;
using raddraft::inference::testing::scratchDirectory;
using raddraft::inference::testing::tinyVocabulary;

namespace {

constexpr std::int64_t kPatches = 8; // 2 views × 2 × 2 (ResNet-18 at 64 px)
constexpr std::int64_t kChannels = 512;

std::vector<CorpusEntry> tinyCorpus(int size) {
    const std::vector<std::string> texts = {"The heart is normal in size.", "No pleural effusion.", "The lungs are clear.",
                                            "No pneumothorax.", "Pleural effusion is present.", "Heart size is normal."};
    std::vector<CorpusEntry> corpus;
    for (int i = 0; i < size; ++i) corpus.push_back({"study-" + std::to_string(i), texts[std::size_t(i) % texts.size()], {}});
    return corpus;
}

Manifest tinyManifest(const nlohmann::json& overrides = nlohmann::json::object(), int corpusSize = 5) {
    Manifest manifest;
    manifest.modelType = "ppked";
    manifest.modelName = "tiny ppked";
    manifest.hyperParameters = {{"d_model", 32},       {"num_heads", 4},    {"num_layers", 2},
                                {"d_ff", 64},          {"dropout", 0.0},    {"max_length", 12},
                                {"retrieval_top_k", 3}, {"report_embedding_size", 16}, {"graph_layers", 1}};
    for (const auto& [key, value] : overrides.items()) manifest.hyperParameters[key] = value;
    manifest.vocabulary = tinyVocabulary();
    manifest.knowledgeGraph = KnowledgeGraph::load(std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json");
    manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = 64;
    manifest.corpus = tinyCorpus(corpusSize);
    return manifest;
}

std::unique_ptr<PpkedReportModel> tinyModel(const nlohmann::json& overrides = nlohmann::json::object(), int corpusSize = 5,
                                            std::uint64_t seed = 3) {
    std::unique_ptr<ReportModel> model = createModel(tinyManifest(overrides, corpusSize), seed);
    std::unique_ptr<PpkedReportModel> ppked(dynamic_cast<PpkedReportModel*>(model.release()));
    if (ppked->typedNetwork()->usesReports()) {
        // A random but fixed index: positive image embeddings (as pooled ReLU features) and
        // report embeddings.
        torch::manual_seed(seed + 100);
        ppked->typedNetwork()->setRetrievalIndex(torch::rand({corpusSize, kChannels}), torch::rand({corpusSize, 16}));
    }
    ppked->network().eval();
    return ppked;
}

VisualFeatures randomFeatures(std::int64_t batch, std::uint64_t seed = 5) {
    torch::manual_seed(seed);
    VisualFeatures features;
    features.patches = torch::rand({batch, kPatches, kChannels});
    features.pooled = features.patches.mean(1);
    features.views = 2;
    features.gridRows = 2;
    features.gridCols = 2;
    return features;
}

torch::Tensor randomTokens(std::int64_t batch, std::int64_t length, std::uint64_t seed = 9) {
    torch::manual_seed(seed);
    torch::Tensor tokens = torch::randint(1, std::int64_t(tinyVocabulary().size()) + 1, {batch, length}, torch::kInt64);
    tokens.select(1, 0).fill_(0); // BOS
    return tokens;
}

void expectRowsSumToOne(const torch::Tensor& probabilities, const std::string& what) {
    EXPECT_TRUE(torch::allclose(probabilities.sum(-1), torch::ones_like(probabilities.sum(-1)), 1e-4, 1e-5)) << what;
}

// The images of a study after preprocessing: (1, 2, 3, 64, 64).
torch::Tensor randomImages(std::uint64_t seed = 21) {
    torch::manual_seed(seed);
    return torch::randn({1, 2, 3, 64, 64});
}

std::vector<Draft> generateDrafts(ReportModel& model, const torch::Tensor& images, int minLength = 12) {
    c10::InferenceMode inferenceMode;
    StageClock clock(torch::kCPU);
    GenerationRequest request;
    request.images = images;
    request.views = {"frontal", "lateral"};
    request.decode = model.defaultDecodeOptions();
    request.decode.minLength = minLength; // random weights: force a full-length draft
    request.clock = &clock;
    return model.generate(request);
}

std::set<std::string> tensorNames(torch::nn::Module& module) {
    std::set<std::string> names;
    for (const auto& [name, tensor] : namedTensors(module)) names.insert(name);
    return names;
}

} // namespace

TEST(PpkedBlocks, ShapesOfPokeAndPrkeAndTheirAttention) {
    auto model = tinyModel();
    PpkedNetwork& network = model->typedNetwork();
    torch::NoGradGuard noGrad;
    const VisualFeatures features = randomFeatures(2);
    const PpkedKnowledge knowledge = network->explore(features);
    const std::int64_t d = 32;
    EXPECT_EQ(network->topics().sizes(), (std::vector<std::int64_t>{20, d}));
    EXPECT_EQ(knowledge.image.sizes(), (std::vector<std::int64_t>{2, kPatches, d}));
    EXPECT_EQ(knowledge.topicAttention.sizes(), (std::vector<std::int64_t>{2, kPatches, 20}));
    EXPECT_EQ(knowledge.graph.sizes(), (std::vector<std::int64_t>{2, kPatches, d}));
    EXPECT_EQ(knowledge.graphAttention.sizes(), (std::vector<std::int64_t>{2, kPatches, 21}));
    EXPECT_EQ(knowledge.reports.sizes(), (std::vector<std::int64_t>{2, kPatches, d}));
    EXPECT_EQ(knowledge.reportAttention.sizes(), (std::vector<std::int64_t>{2, kPatches, 3}));
    EXPECT_EQ(knowledge.retrievedRows.sizes(), (std::vector<std::int64_t>{2, 3}));
    expectRowsSumToOne(knowledge.topicAttention, "topic attention");
    expectRowsSumToOne(knowledge.graphAttention, "graph attention");
    expectRowsSumToOne(knowledge.reportAttention, "report attention");
    // Eq. (5) ends with a LayerNorm: every region of I′ has mean 0 (the norm's affine part is the identity at init).
    EXPECT_LT(knowledge.image.mean(-1).abs().max().item<float>(), 1e-4);

    const torch::Tensor tokens = randomTokens(2, 6);
    MkdTrace trace;
    const torch::Tensor logits = network->decodeAll(knowledge, tokens, {}, &trace);
    EXPECT_EQ(logits.sizes(), (std::vector<std::int64_t>{2, 6, std::int64_t(tinyVocabulary().size()) + 1}));
    EXPECT_EQ(trace.attention.sizes(), (std::vector<std::int64_t>{2, 6, 2, kPatches}));
    EXPECT_EQ(trace.lambdas.sizes(), (std::vector<std::int64_t>{2, 6, 2, kPatches, 2}));
    expectRowsSumToOne(trace.attention, "distilling attention");
    // The gates start at zero: λ1 = λ2 = 0.5 everywhere.
    EXPECT_TRUE(torch::allclose(trace.lambdas, torch::full_like(trace.lambdas, 0.5)));
    // Trained gates give λ per token (h_t W_h) and per region (I′W_I + G′W_G + W′W_W), in [0, 1].
    for (auto& item : network->named_parameters()) {
        if (item.key().find(".distilling.gate_") != std::string::npos) item.value().normal_(0.0, 0.02);
    }
    network->decodeAll(knowledge, tokens, {}, &trace);
    EXPECT_GE(trace.lambdas.min().item<float>(), 0.0f);
    EXPECT_LE(trace.lambdas.max().item<float>(), 1.0f);
    EXPECT_GT(trace.lambdas.std(0).mean().item<float>(), 1e-3); // across inputs
    EXPECT_GT(trace.lambdas.std(1).mean().item<float>(), 1e-3); // across tokens
    EXPECT_GT(trace.lambdas.std(3).mean().item<float>(), 1e-3); // across regions

    // The report encoder max-pools over the report's own tokens: padding changes nothing.
    torch::Tensor report = torch::tensor({{3, 5, 7, 0, 0}}, torch::kInt64);
    const torch::Tensor embedding = network->reportEncoder(report);
    EXPECT_EQ(embedding.sizes(), (std::vector<std::int64_t>{1, 16}));
    EXPECT_TRUE(torch::allclose(embedding, network->reportEncoder(report.narrow(1, 0, 3))));
    EXPECT_TRUE(torch::equal(network->reportEncoder(torch::zeros({1, 4}, torch::kInt64)), torch::zeros({1, 16})));
}

TEST(PpkedBlocks, TheDecoderIsCausalAndIgnoresPaddingForBothDecoders) {
    for (const std::string decoder : {"transformer", "lstm"}) {
        auto model = tinyModel({{"decoder", decoder}});
        PpkedNetwork& network = model->typedNetwork();
        torch::NoGradGuard noGrad;
        const PpkedKnowledge knowledge = network->explore(randomFeatures(2));
        torch::Tensor tokens = randomTokens(2, 7);
        const torch::Tensor logits = network->decodeAll(knowledge, tokens);
        torch::Tensor changed = tokens.clone();
        changed.narrow(1, 4, 3).fill_(3);
        const torch::Tensor changedLogits = network->decodeAll(knowledge, changed);
        EXPECT_TRUE(torch::allclose(logits.narrow(1, 0, 4), changedLogits.narrow(1, 0, 4), 1e-5, 1e-6)) << decoder;
        EXPECT_FALSE(torch::allclose(logits.narrow(1, 4, 3), changedLogits.narrow(1, 4, 3))) << decoder;
        // Padding (mask false) at the end: the real positions do not see it.
        torch::Tensor mask = torch::ones({2, 7}, torch::kBool);
        mask.narrow(1, 5, 2).fill_(false);
        torch::Tensor padded = tokens.clone();
        padded.narrow(1, 5, 2).fill_(0);
        const torch::Tensor maskedLogits = network->decodeAll(knowledge, padded, mask);
        EXPECT_TRUE(torch::allclose(maskedLogits.narrow(1, 0, 5), logits.narrow(1, 0, 5), 1e-5, 1e-6)) << decoder;
    }
}

TEST(PpkedBlocks, IncrementalStepsEqualTeacherForcing) {
    for (const nlohmann::json& overrides : {nlohmann::json{{"decoder", "transformer"}}, nlohmann::json{{"decoder", "lstm"}},
                                            nlohmann::json{{"use_ada", false}}}) {
        auto model = tinyModel(overrides);
        PpkedNetwork& network = model->typedNetwork();
        torch::NoGradGuard noGrad;
        const PpkedKnowledge knowledge = network->explore(randomFeatures(2));
        const torch::Tensor tokens = randomTokens(2, 6);
        MkdTrace trace;
        const torch::Tensor logits = network->decodeAll(knowledge, tokens, {}, &trace);
        PpkedDecoderSession session(network, knowledge);
        session.start(1, 6);
        for (std::int64_t t = 0; t < 6; ++t) {
            torch::Tensor attention;
            const torch::Tensor step = session.step(tokens.select(1, t), &attention);
            EXPECT_TRUE(torch::allclose(step, logits.select(1, t), 1e-4, 1e-5)) << overrides.dump() << " step " << t;
            EXPECT_TRUE(torch::allclose(attention, trace.attention.select(1, t), 1e-4, 1e-5)) << overrides.dump();
        }
        // Beam rows: row b·K + k belongs to input b; a reorder keeps them in step.
        session.start(2, 6);
        torch::Tensor first = session.step(torch::zeros({4}, torch::kInt64), nullptr);
        EXPECT_TRUE(torch::allclose(first[0], first[1], 1e-5, 1e-6));
        EXPECT_TRUE(torch::allclose(first[2], logits.select(1, 0)[1], 1e-4, 1e-5));
        session.reorder(torch::tensor({1, 1, 3, 2}, torch::kInt64));
        const torch::Tensor second = session.step(tokens.select(1, 1).repeat_interleave(2), nullptr);
        EXPECT_TRUE(torch::allclose(second[2], logits.select(1, 1)[1], 1e-4, 1e-5)) << overrides.dump();
    }
}

TEST(PpkedBlocks, AdaIsAttentionOverTheWeightedMemoryWithLambdasInTheUnitInterval) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(1);
    const std::int64_t d = 16, heads = 4, regions = 5;
    PpkedKnowledge knowledge;
    knowledge.image = torch::randn({2, regions, d});
    knowledge.graph = torch::randn({2, regions, d});
    knowledge.reports = torch::randn({2, regions, d});
    const torch::Tensor h = torch::randn({2, 1, d});
    for (const bool adaptive : {true, false}) {
        AdaptiveDistillingAttention ada(d, heads, 0.0, adaptive, true, true);
        ada->eval();
        DistillingTrace trace;
        const torch::Tensor output = ada(h, ada->remember(knowledge), &trace);
        // The same heads on an explicit memory M = I′ + λ1·G′ + λ2·W′ (λ per region).
        MultiHeadAttention reference(d, heads, 0.0);
        for (auto& [name, tensor] : namedTensors(*reference)) tensor.copy_(ada->named_parameters()["attention." + name]);
        torch::Tensor memory = knowledge.image + knowledge.graph + knowledge.reports;
        if (adaptive) {
            ASSERT_TRUE(trace.lambdas.defined());
            EXPECT_EQ(trace.lambdas.sizes(), (std::vector<std::int64_t>{2, 1, regions, 2}));
            EXPECT_GE(trace.lambdas.min().item<float>(), 0.0f);
            EXPECT_LE(trace.lambdas.max().item<float>(), 1.0f);
            const torch::Tensor lambdas = trace.lambdas.select(1, 0); // (2, P, 2)
            memory = knowledge.image + lambdas.select(-1, 0).unsqueeze(-1) * knowledge.graph +
                     lambdas.select(-1, 1).unsqueeze(-1) * knowledge.reports;
        } else {
            EXPECT_FALSE(trace.lambdas.defined());
        }
        torch::Tensor probabilities;
        const torch::Tensor expected = reference->forward(h, memory, memory, {}, &probabilities);
        EXPECT_TRUE(torch::allclose(output, expected, 1e-4, 1e-5)) << "adaptive " << adaptive;
        EXPECT_TRUE(torch::allclose(trace.attention, probabilities.mean(1), 1e-4, 1e-5));
    }
}

TEST(PpkedRetrieval, ReturnsTheNearestReportsAndExcludesTheQueryStudy) {
    auto model = tinyModel({{"retrieval_top_k", 3}, {"retrieval_centered", false}}, 5);
    PpkedNetwork& network = model->typedNetwork();
    // Hand-made index: row i points mostly along axis i, with a little of axis 0.
    torch::Tensor index = torch::zeros({5, kChannels});
    for (int i = 0; i < 5; ++i) {
        index[i][i] = 1.0;
        index[i][0] += 0.3 * i;
    }
    network->setRetrievalIndex(index * 7.0, torch::rand({5, 16})); // scale: cosine ignores it
    // Query 0 lies between rows 2 (closest) and 3; query 1 is row 4 itself. Cosines: query 0
    // → rows 2, 3, 0, 4, 1; query 1 → rows 4, 0, 3, 2, 1 (no ties).
    torch::Tensor pooled = torch::zeros({2, kChannels});
    pooled[0][2] = 1.0;
    pooled[0][3] = 0.5;
    pooled[0][0] = 0.1;
    pooled[1] = index[4];
    const auto cosine = [&](std::int64_t query, std::int64_t row) {
        return (torch::dot(pooled[query], index[row]) / (pooled[query].norm() * index[row].norm())).item<float>();
    };
    const PpkedNetworkImpl::Retrieval all = network->retrieve(pooled);
    ASSERT_EQ(all.rows.sizes(), (std::vector<std::int64_t>{2, 3}));
    for (std::int64_t query = 0; query < 2; ++query) {
        std::vector<std::pair<float, std::int64_t>> expected;
        for (std::int64_t row = 0; row < 5; ++row) expected.emplace_back(cosine(query, row), row);
        std::sort(expected.rbegin(), expected.rend());
        for (std::int64_t k = 0; k < 3; ++k) {
            EXPECT_EQ(all.rows[query][k].item<std::int64_t>(), expected[std::size_t(k)].second) << query << ":" << k;
            EXPECT_NEAR(all.scores[query][k].item<float>(), expected[std::size_t(k)].first, 1e-5);
        }
    }
    EXPECT_EQ(all.rows[0][0].item<std::int64_t>(), 2);
    EXPECT_EQ(all.rows[1][0].item<std::int64_t>(), 4);
    EXPECT_NEAR(all.scores[1][0].item<float>(), 1.0f, 1e-5);

    // In training a study never retrieves itself; −1 excludes nothing.
    const PpkedNetworkImpl::Retrieval excluded = network->retrieve(pooled, torch::tensor({2, 4}, torch::kInt64));
    for (std::int64_t k = 0; k < 3; ++k) {
        EXPECT_NE(excluded.rows[0][k].item<std::int64_t>(), 2);
        EXPECT_NE(excluded.rows[1][k].item<std::int64_t>(), 4);
    }
    EXPECT_EQ(excluded.rows[0][0].item<std::int64_t>(), all.rows[0][1].item<std::int64_t>());
    const PpkedNetworkImpl::Retrieval partly = network->retrieve(pooled, torch::tensor({-1, 4}, torch::kInt64));
    EXPECT_TRUE(torch::equal(partly.rows[0], all.rows[0]));

    // Centred (the default): the cosine of the embeddings minus the index's mean, which a
    // component common to every study (as pooled ReLU features have) does not change.
    auto centred = tinyModel({{"retrieval_top_k", 3}}, 5);
    const torch::Tensor common = torch::full({kChannels}, 5.0);
    centred->typedNetwork()->setRetrievalIndex(index * 7.0 + common, torch::rand({5, 16}));
    const torch::Tensor queries = pooled * 7.0; // query 1 is row 4 of this index
    const PpkedNetworkImpl::Retrieval shifted = centred->typedNetwork()->retrieve(queries + common);
    const torch::Tensor mean = (index * 7.0).mean(0);
    for (std::int64_t query = 0; query < 2; ++query) {
        const torch::Tensor q = queries[query] - mean;
        std::vector<std::pair<float, std::int64_t>> expected;
        for (std::int64_t row = 0; row < 5; ++row) {
            const torch::Tensor x = index[row] * 7.0 - mean;
            expected.emplace_back((torch::dot(q, x) / (q.norm() * x.norm())).item<float>(), row);
        }
        std::sort(expected.rbegin(), expected.rend());
        for (std::int64_t k = 0; k < 3; ++k) {
            EXPECT_EQ(shifted.rows[query][k].item<std::int64_t>(), expected[std::size_t(k)].second) << query << ":" << k;
            EXPECT_NEAR(shifted.scores[query][k].item<float>(), expected[std::size_t(k)].first, 1e-4);
        }
    }
    EXPECT_EQ(shifted.rows[1][0].item<std::int64_t>(), 4);
    EXPECT_NEAR(shifted.scores[1][0].item<float>(), 1.0f, 1e-5);
    // Uncentred, the common component makes every study look alike (cosine near 1).
    network->setRetrievalIndex(index * 7.0 + common, torch::rand({5, 16}));
    EXPECT_GT(network->retrieve(pooled + common).scores.min().item<float>(), 0.9f);

    // A corpus smaller than N_K: everything there is (minus the excluded study); none: nothing.
    auto small = tinyModel({{"retrieval_top_k", 100}}, 4);
    EXPECT_EQ(small->typedNetwork()->retrieve(pooled).rows.size(1), 4);
    EXPECT_EQ(small->typedNetwork()->retrieve(pooled, torch::tensor({0, 1}, torch::kInt64)).rows.size(1), 3);
    auto empty = tinyModel({}, 0);
    EXPECT_EQ(empty->typedNetwork()->retrieve(pooled).rows.size(1), 0);
    const PpkedKnowledge knowledge = empty->typedNetwork()->explore(randomFeatures(2));
    EXPECT_FALSE(knowledge.reports.defined());
}

TEST(PpkedModel, SettingTheCorpusResizesTheIndexBuffers) {
    auto model = tinyModel({}, 0);
    std::map<std::string, std::vector<std::int64_t>> shapes;
    model->setCorpus(tinyCorpus(6));
    for (const auto& [name, tensor] : namedTensors(model->network())) shapes[name] = tensor.sizes().vec();
    EXPECT_EQ(shapes.at("retrieval_image_embeddings"), (std::vector<std::int64_t>{6, kChannels}));
    EXPECT_EQ(shapes.at("retrieval_report_embeddings"), (std::vector<std::int64_t>{6, 16}));
    EXPECT_THROW(model->typedNetwork()->setRetrievalIndex(torch::zeros({5, kChannels}), torch::zeros({5, 16})), InferenceError);
}

TEST(PpkedModel, SharesTheExtractorAndTagHeadNamesWithTheTransformer) {
    // pretrain.initialize_from copies "visual_extractor.*" and "tag_head.*" from a baseline bundle.
    Manifest manifest = tinyManifest();
    auto ppked = tinyModel();
    manifest.modelType = "transformer";
    manifest.hyperParameters = {{"d_model", 32}, {"num_heads", 4}};
    auto transformer = createModel(manifest, 1);
    std::map<std::string, std::vector<std::int64_t>> baseline;
    for (const auto& [name, tensor] : namedTensors(transformer->network())) {
        if (name.rfind("visual_extractor.", 0) == 0 || name.rfind("tag_head.", 0) == 0) baseline[name] = tensor.sizes().vec();
    }
    std::map<std::string, std::vector<std::int64_t>> shared;
    for (const auto& [name, tensor] : namedTensors(ppked->network())) {
        if (name.rfind("visual_extractor.", 0) == 0 || name.rfind("tag_head.", 0) == 0) shared[name] = tensor.sizes().vec();
    }
    EXPECT_FALSE(baseline.empty());
    EXPECT_EQ(shared, baseline);
}

TEST(PpkedModel, TheDraftCarriesTopicsRetrievedReportsGraphNodesAndLambdas) {
    auto model = tinyModel({{"graph_node_threshold", 0.0}, {"retrieved_reports_shown", 1}});
    const std::vector<Draft> drafts = generateDrafts(*model, randomImages());
    ASSERT_EQ(drafts.size(), 1u);
    const Draft& draft = drafts.front();
    ASSERT_EQ(draft.tokens.size(), 12u);
    ASSERT_FALSE(draft.sentences.empty());

    // PoKE: one map set per topic, weights = shares of the regions' attention, each map a
    // distribution over both views.
    ASSERT_EQ(draft.topicMaps.size(), 20u);
    EXPECT_EQ(draft.topicMaps.front().name, "cardiomegaly");
    double weights = 0.0;
    for (const NamedHeatmaps& topic : draft.topicMaps) {
        weights += topic.weight;
        ASSERT_EQ(topic.heatmaps.size(), 2u);
        double mass = 0.0;
        for (const Heatmap& map : topic.heatmaps) {
            EXPECT_EQ(map.rows, 2);
            for (float value : map.values) mass += value;
        }
        EXPECT_NEAR(mass, 1.0, 1e-4) << topic.name;
    }
    EXPECT_NEAR(weights, 1.0, 1e-4);

    // Per-token maps over the patches of both views sum to 1.
    for (const DraftToken& token : draft.tokens) {
        double mass = 0.0;
        for (const Heatmap& map : token.heatmaps) for (float value : map.values) mass += value;
        EXPECT_NEAR(mass, 1.0, 1e-4);
    }

    // Retrieved reports: the most similar one (retrieved_reports_shown 1) plus every report a
    // sentence points to, by cosine, with their corpus texts.
    const std::vector<CorpusEntry> corpus = tinyCorpus(5);
    std::map<std::string, std::string> texts;
    for (const CorpusEntry& entry : corpus) texts[entry.id] = entry.text;
    ASSERT_FALSE(draft.retrievedReports.empty());
    std::set<std::string> retrieved;
    for (std::size_t i = 0; i < draft.retrievedReports.size(); ++i) {
        const RetrievedReport& report = draft.retrievedReports[i];
        EXPECT_EQ(report.text, texts.at(report.id));
        if (i > 0) {
            EXPECT_LE(report.score, draft.retrievedReports[i - 1].score);
        }
        retrieved.insert(report.id);
    }
    for (const DraftSentence& sentence : draft.sentences) {
        ASSERT_FALSE(sentence.support.reports.empty());
        for (std::size_t i = 0; i < sentence.support.reports.size(); ++i) {
            EXPECT_EQ(retrieved.count(sentence.support.reports[i].id), 1u);
            if (i > 0) {
                EXPECT_LE(sentence.support.reports[i].weight, sentence.support.reports[i - 1].weight);
            }
        }
        // λ1 (graph) and λ2 (reports): means over the sentence's tokens.
        ASSERT_EQ(sentence.support.values.count("lambda1"), 1u);
        ASSERT_EQ(sentence.support.values.count("lambda2"), 1u);
        for (const auto& [name, value] : sentence.support.values) {
            EXPECT_GE(value, 0.0) << name;
            EXPECT_LE(value, 1.0) << name;
        }
        // With threshold 0 every node is listed: the graph attention of a sentence sums to 1.
        double mass = 0.0;
        for (const WeightedItem& node : sentence.support.graphNodes) mass += node.weight;
        EXPECT_EQ(sentence.support.graphNodes.size(), 21u);
        EXPECT_NEAR(mass, 1.0, 1e-4);
    }
    // Findings with class activation maps, as the baseline.
    EXPECT_EQ(draft.findings.size(), 20u);

    // The paper's threshold (0.2) keeps only nodes above it.
    auto strict = tinyModel({{"retrieved_reports_shown", 10}});
    const Draft strictDraft = generateDrafts(*strict, randomImages()).front();
    EXPECT_EQ(strictDraft.retrievedReports.size(), 3u); // N_K = 3 ≤ 10
    for (const DraftSentence& sentence : strictDraft.sentences) {
        for (const WeightedItem& node : sentence.support.graphNodes) EXPECT_GT(node.weight, 0.2);
    }
}

TEST(PpkedModel, ABundleSavedAndLoadedDraftsIdentically) {
    const auto directory = scratchDirectory("ppked_bundle");
    auto model = tinyModel();
    saveBundle(*model, (directory / "bundle").string(), false, false);
    const Manifest written = readManifest((directory / "bundle").string());
    EXPECT_EQ(written.corpus.size(), 5u);
    std::unique_ptr<ReportModel> loaded = loadModel((directory / "bundle").string(), DeviceSelection{}, true);
    const torch::Tensor images = randomImages();
    Draft before = generateDrafts(*model, images).front();
    Draft after = generateDrafts(*loaded, images).front();
    before.timings.clear();
    after.timings.clear();
    EXPECT_EQ(draftToJson(before), draftToJson(after));

    std::filesystem::remove_all(directory);
}

TEST(PpkedModel, AblationSwitchesRemoveTheirModulesAndTheirEvidence) {
    const torch::Tensor images = randomImages();
    {
        auto model = tinyModel({{"use_poke", false}});
        const std::set<std::string> names = tensorNames(model->network());
        EXPECT_EQ(std::count_if(names.begin(), names.end(), [](const std::string& n) { return n.rfind("poke.", 0) == 0; }), 0);
        const Draft draft = generateDrafts(*model, images).front();
        EXPECT_TRUE(draft.topicMaps.empty());
        EXPECT_FALSE(draft.retrievedReports.empty());
    }
    {
        auto model = tinyModel({{"use_prke_graph", false}});
        EXPECT_EQ(tensorNames(model->network()).count("graph_embedding.node_embeddings"), 0u);
        const Draft draft = generateDrafts(*model, images).front();
        for (const DraftSentence& sentence : draft.sentences) {
            EXPECT_EQ(sentence.support.values.count("lambda1"), 0u);
            EXPECT_EQ(sentence.support.values.count("lambda2"), 1u);
            EXPECT_TRUE(sentence.support.graphNodes.empty());
        }
    }
    {
        auto model = tinyModel({{"use_prke_reports", false}});
        EXPECT_EQ(tensorNames(model->network()).count("retrieval_image_embeddings"), 0u);
        const Draft draft = generateDrafts(*model, images).front();
        EXPECT_TRUE(draft.retrievedReports.empty());
        for (const DraftSentence& sentence : draft.sentences) {
            EXPECT_EQ(sentence.support.values.count("lambda1"), 1u);
            EXPECT_EQ(sentence.support.values.count("lambda2"), 0u);
            EXPECT_TRUE(sentence.support.reports.empty());
        }
    }
    {
        auto model = tinyModel({{"use_ada", false}});
        EXPECT_EQ(tensorNames(model->network()).count("mkd_layers.0.distilling.gate_state.weight"), 0u);
        const Draft draft = generateDrafts(*model, images).front();
        ASSERT_FALSE(draft.sentences.empty());
        for (const DraftSentence& sentence : draft.sentences) EXPECT_TRUE(sentence.support.values.empty());
    }
    {
        auto model = tinyModel({{"decoder", "lstm"}});
        const std::set<std::string> names = tensorNames(model->network());
        EXPECT_EQ(names.count("mkd_lstm.cell.weight_ih"), 1u);
        EXPECT_EQ(names.count("mkd_layers.0.self_attention.query.weight"), 0u);
        const Draft draft = generateDrafts(*model, images).front();
        ASSERT_EQ(draft.tokens.size(), 12u);
        ASSERT_FALSE(draft.sentences.empty());
        EXPECT_EQ(draft.sentences.front().support.values.count("lambda2"), 1u);
    }
    // A bad switch is a clear error.
    EXPECT_THROW(tinyModel({{"decoder", "gru"}}), InferenceError);
    EXPECT_THROW(tinyModel({{"topics", "cardiomegaly"}}), InferenceError);
}
