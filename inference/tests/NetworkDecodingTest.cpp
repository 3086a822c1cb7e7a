#include "Decoding.h"
#include "GraphHeads.h"
#include "KnowledgeGraph.h"
#include "TorchSupport.h"
#include "Transformer.h"
#include "TransformerModel.h"
#include "VisualExtractor.h"
#include "inference/InferenceError.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <functional>

using namespace raddraft::inference;

namespace {

std::int64_t parameterCount(torch::nn::Module& module) {
    std::int64_t count = 0;
    for (const auto& parameter : module.parameters()) count += parameter.numel();
    return count;
}

bool hasTensor(torch::nn::Module& module, const std::string& name) {
    for (const auto& [key, tensor] : namedTensors(module)) {
        if (key == name) return true;
    }
    return false;
}

// Toy decoder: the log-probabilities of the next token are a fixed pseudo-random function of
// the whole prefix (and of the batch item), so beam search has real choices to make.
class ToyDecoder : public IncrementalDecoder {
public:
    ToyDecoder(std::int64_t batch, std::int64_t vocabulary) : m_batch(batch), m_vocabulary(vocabulary) {}
    std::int64_t batchSize() const override { return m_batch; }
    std::int64_t vocabularySize() const override { return m_vocabulary; }
    torch::Device device() const override { return torch::kCPU; }
    void start(std::int64_t beamWidth, std::int64_t) override {
        m_prefixes.assign(std::size_t(m_batch * beamWidth), {});
        for (std::size_t row = 0; row < m_prefixes.size(); ++row) m_prefixes[row] = {std::int64_t(row) / beamWidth};
    }
    torch::Tensor step(const torch::Tensor& lastTokens, torch::Tensor*) override {
        torch::Tensor logits = torch::empty({std::int64_t(m_prefixes.size()), m_vocabulary});
        for (std::size_t row = 0; row < m_prefixes.size(); ++row) {
            m_prefixes[row].push_back(lastTokens[std::int64_t(row)].item<std::int64_t>());
            logits[std::int64_t(row)] = logitsFor(m_prefixes[row]);
        }
        return logits;
    }
    void reorder(const torch::Tensor& rows) override {
        std::vector<std::vector<std::int64_t>> next;
        for (std::int64_t i = 0; i < rows.size(0); ++i) next.push_back(m_prefixes[std::size_t(rows[i].item<std::int64_t>())]);
        m_prefixes = next;
    }
    // prefix = {batch item, BOS, tokens...}
    torch::Tensor logitsFor(const std::vector<std::int64_t>& prefix) const {
        std::uint64_t hash = 1469598103934665603ull;
        for (std::int64_t token : prefix) hash = (hash ^ std::uint64_t(token + 1)) * 1099511628211ull;
        torch::Generator generator = at::detail::createCPUGenerator(hash);
        return torch::randn({m_vocabulary}, generator) * 2.0;
    }

private:
    std::int64_t m_batch;
    std::int64_t m_vocabulary;
    std::vector<std::vector<std::int64_t>> m_prefixes;
};

struct Best {
    double score = -INFINITY;
    std::vector<std::int64_t> tokens;
};

// Exhaustive search with the same semantics as beamSearch (see Decoding.h).
void exhaustive(const ToyDecoder& toy, std::vector<std::int64_t> prefix, std::vector<std::int64_t> tokens, double score,
                int maxLength, Best& best) {
    const torch::Tensor logProbabilities = torch::log_softmax(toy.logitsFor(prefix), 0);
    for (std::int64_t word = 0; word < toy.vocabularySize(); ++word) {
        const double next = score + logProbabilities[word].item<float>();
        if (word == 0 || int(tokens.size()) + 1 == maxLength) {
            std::vector<std::int64_t> complete = tokens;
            if (word != 0) complete.push_back(word);
            if (next > best.score) best = {next, complete};
            continue;
        }
        auto longerPrefix = prefix;
        longerPrefix.push_back(word);
        auto longerTokens = tokens;
        longerTokens.push_back(word);
        exhaustive(toy, longerPrefix, longerTokens, next, maxLength, best);
    }
}

} // namespace

TEST(VisualExtractor, TorchvisionNamesAndParameterCounts) {
    // torchvision's counts minus the classifier (fc / classifier).
    VisualExtractor resnet18(VisualExtractorOptions{"resnet18"});
    EXPECT_EQ(parameterCount(*resnet18), 11689512 - 513000);
    EXPECT_TRUE(hasTensor(*resnet18, "backbone.layer2.0.downsample.0.weight"));
    EXPECT_TRUE(hasTensor(*resnet18, "backbone.layer4.1.bn2.running_var"));
    VisualExtractor resnet50(VisualExtractorOptions{"resnet50"});
    EXPECT_EQ(parameterCount(*resnet50), 25557032 - 2049000);
    EXPECT_TRUE(hasTensor(*resnet50, "backbone.layer1.0.conv3.weight"));
    VisualExtractor densenet(VisualExtractorOptions{"densenet121"});
    EXPECT_EQ(parameterCount(*densenet), 7978856 - 1025000);
    EXPECT_TRUE(hasTensor(*densenet, "backbone.features.denseblock4.denselayer16.conv2.weight"));
    EXPECT_TRUE(hasTensor(*densenet, "backbone.features.transition3.norm.running_mean"));
    EXPECT_THROW(VisualExtractor(VisualExtractorOptions{"vgg16"}), InferenceError);
}

TEST(VisualExtractor, PatchTokensForOneAndTwoViews) {
    torch::manual_seed(0);
    VisualExtractor extractor(VisualExtractorOptions{"resnet18"});
    extractor->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor images = torch::randn({2, 2, 3, 224, 224});
    const VisualFeatures two = extractor->extract(images);
    EXPECT_EQ(two.patches.sizes(), (std::vector<std::int64_t>{2, 98, 512}));
    EXPECT_EQ(two.pooled.sizes(), (std::vector<std::int64_t>{2, 512}));
    EXPECT_EQ(two.gridRows, 7);
    const VisualFeatures one = extractor->extract(images.narrow(1, 1, 1));
    EXPECT_EQ(one.patches.sizes(), (std::vector<std::int64_t>{2, 49, 512}));
    // Fusion is concatenation: the lateral tokens of the two-view run equal the one-view run.
    EXPECT_TRUE(torch::allclose(two.patches.narrow(1, 49, 49), one.patches, 1e-5, 1e-5));
}

TEST(VisualExtractor, FoldedInferenceEqualsModulePath) {
    // In eval mode without autograd the ResNets fold every batch norm into its convolution and
    // run channels-last; the result must equal the module path (autograd on) up to rounding,
    // and follow weight changes (the folded plan is cached per weight version).
    torch::manual_seed(5);
    VisualExtractor extractor(VisualExtractorOptions{"resnet18"});
    {
        torch::NoGradGuard noGrad;
        for (auto& item : extractor->named_buffers()) {
            if (item.key().find("running_mean") != std::string::npos) item.value().uniform_(-0.2, 0.2);
            if (item.key().find("running_var") != std::string::npos) item.value().uniform_(0.5, 2.0);
        }
        for (auto& item : extractor->named_parameters()) {
            if (item.key().find("bn") != std::string::npos && item.key().find("weight") != std::string::npos) item.value().uniform_(0.5, 1.5);
            if (item.key().find("bn") != std::string::npos && item.key().find("bias") != std::string::npos) item.value().uniform_(-0.1, 0.1);
        }
    }
    extractor->eval();
    const torch::Tensor images = torch::randn({1, 2, 3, 96, 96});
    auto compare = [&] {
        const torch::Tensor reference = extractor->forward(images.flatten(0, 1)).detach(); // autograd on: module path
        torch::NoGradGuard noGrad;
        const torch::Tensor folded = extractor->forward(images.flatten(0, 1));
        const double scale = reference.abs().max().item<double>();
        EXPECT_GT(scale, 0.0);
        EXPECT_LE((folded - reference).abs().max().item<double>(), 1e-5 * scale);
    };
    compare();
    {
        torch::NoGradGuard noGrad;
        for (auto& item : extractor->named_buffers()) {
            if (item.key() == "backbone.layer3.0.bn1.running_var") item.value().mul_(3.0);
        }
    }
    compare();
}

TEST(GraphHeads, LossesAndGraphConvolution) {
    const torch::Tensor logits = torch::tensor({{2.0f, -1.0f}});
    const torch::Tensor targets = torch::tensor({{1.0f, 0.0f}});
    // Hand-computed: p = sigmoid(2) = 0.8808, q = sigmoid(-1) = 0.2689.
    const double p = 1.0 / (1.0 + std::exp(-2.0));
    const double q = 1.0 / (1.0 + std::exp(1.0));
    const double focal = (0.25 * std::pow(1 - p, 2) * -std::log(p) + 0.75 * std::pow(q, 2) * -std::log(1 - q)) / 2;
    EXPECT_NEAR(focalLoss(logits, targets).item<double>(), focal, 1e-6);
    const double bce = (-3.0 * std::log(p) - std::log(1 - q)) / 2;
    EXPECT_NEAR(weightedBinaryCrossEntropy(logits, targets, torch::tensor({3.0f, 3.0f})).item<double>(), bce, 1e-6);

    const KnowledgeGraph graph = KnowledgeGraph::load(std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json");
    const auto [forward, backward] = graphAdjacencies(graph);
    EXPECT_TRUE(torch::allclose(forward.t(), backward) == false); // directed graph: not symmetric
    GraphConvolution layer(16, 8);
    layer->eval();
    const torch::Tensor states = torch::randn({2, 16, graph.nodeCount()});
    const torch::Tensor out = layer(states, forward, backward);
    EXPECT_EQ(out.sizes(), states.sizes());
    EXPECT_GE(out.min().item<float>(), 0.0f);
}

TEST(GraphHeads, ClassActivationsAverageToTheLogits) {
    torch::manual_seed(3);
    TagHead head(TagHeadOptions{32, 5, 0.0});
    head->eval();
    const torch::Tensor patches = torch::randn({2, 98, 32});
    const torch::Tensor maps = head->classActivations(patches);
    ASSERT_EQ(maps.sizes(), (std::vector<std::int64_t>{2, 98, 5}));
    const torch::Tensor logits = head(patches.mean(1));
    const torch::Tensor bias = head(torch::zeros({1, 32})); // the bias alone
    EXPECT_TRUE(torch::allclose(maps.mean(1) + bias, logits, 1e-5, 1e-5));
}

TEST(Decoding, BeamSearchEqualsExhaustiveSearch) {
    const std::int64_t vocabulary = 4; // EOS + 3 words
    const int maxLength = 3;
    ToyDecoder toy(2, vocabulary);
    DecodeOptions options;
    options.maxLength = maxLength;
    options.collectCrossAttention = false;
    // 1 + 3 + 9 + 27 = 40 complete hypotheses: a beam of 40 can never prune the optimum.
    options.beamWidth = 40;
    const auto results = beamSearch(toy, options);
    ASSERT_EQ(results.size(), 2u);
    for (std::int64_t b = 0; b < 2; ++b) {
        Best best;
        exhaustive(toy, {b, 0}, {}, 0.0, maxLength, best);
        EXPECT_EQ(results[std::size_t(b)].tokens, best.tokens) << "batch item " << b;
        EXPECT_NEAR(results[std::size_t(b)].score, best.score, 1e-5);
        // The per-token log-probabilities add up to the score (plus EOS when it ended so).
        double sum = 0.0;
        for (float value : results[std::size_t(b)].logProbabilities) sum += value;
        if (!results[std::size_t(b)].endedWithEos) EXPECT_NEAR(sum, best.score, 1e-5);
        else EXPECT_LE(best.score, sum + 1e-6);
    }
    // Smaller beams can only be as good as the optimum; beam 1 is greedy.
    options.beamWidth = 3;
    const auto beam3 = beamSearch(toy, options);
    options.beamWidth = 1;
    const auto greedy = beamSearch(toy, options);
    for (std::size_t b = 0; b < 2; ++b) {
        EXPECT_LE(beam3[b].score, results[b].score + 1e-6);
        EXPECT_LE(greedy[b].score, beam3[b].score + 1e-6);
    }
    // Greedy picks the arg-max at every step.
    std::vector<std::int64_t> prefix{0, 0};
    std::vector<std::int64_t> greedyTokens;
    for (int t = 0; t < maxLength; ++t) {
        const std::int64_t word = toy.logitsFor(prefix).argmax().item<std::int64_t>();
        if (word == 0) break;
        greedyTokens.push_back(word);
        prefix.push_back(word);
    }
    EXPECT_EQ(greedy[0].tokens, greedyTokens);
}

TEST(Decoding, MinLengthAndTrigramBlocking) {
    ToyDecoder toy(1, 8);
    DecodeOptions options;
    options.beamWidth = 2;
    options.maxLength = 12;
    options.minLength = 12;
    options.collectCrossAttention = false;
    const auto full = beamSearch(toy, options);
    EXPECT_EQ(full[0].tokens.size(), 12u);
    EXPECT_FALSE(full[0].endedWithEos);
    options.blockRepeatedTrigrams = true;
    const auto blocked = beamSearch(toy, options);
    const auto& tokens = blocked[0].tokens;
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        for (std::size_t j = i + 1; j + 2 < tokens.size(); ++j) {
            EXPECT_FALSE(tokens[i] == tokens[j] && tokens[i + 1] == tokens[j + 1] && tokens[i + 2] == tokens[j + 2])
                << "trigram repeated at " << i << " and " << j;
        }
    }
    options.isCancelled = [] { return true; };
    EXPECT_THROW(beamSearch(toy, options), CancelledError);
}

TEST(Transformer, CachedDecodingEqualsFullRecomputation) {
    torch::manual_seed(3);
    TransformerOptions options;
    options.inputFeatures = 24;
    options.vocabularySize = 17;
    options.modelDimension = 32;
    options.heads = 4;
    options.layers = 3;
    options.feedForwardDimension = 48;
    EncoderDecoder model(options);
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor memory = model->encode(torch::randn({2, 10, 24}));
    const torch::Tensor tokens = torch::cat({torch::zeros({2, 1}, torch::kInt64), torch::randint(1, 17, {2, 15})}, 1);
    torch::Tensor fullAttention;
    const torch::Tensor full = model->decodeAll(memory, tokens, {}, &fullAttention);
    DecoderCache cache = model->startCache(memory, 16);
    double maxDifference = 0.0;
    double maxAttentionDifference = 0.0;
    for (std::int64_t t = 0; t < 16; ++t) {
        torch::Tensor attention;
        const torch::Tensor step = model->decodeStep(tokens.select(1, t), cache, &attention);
        maxDifference = std::max(maxDifference, (step - full.select(1, t)).abs().max().item<double>());
        maxAttentionDifference = std::max(maxAttentionDifference, (attention - fullAttention.select(1, t)).abs().max().item<double>());
    }
    EXPECT_LE(maxDifference, 1e-5);
    EXPECT_LE(maxAttentionDifference, 1e-5);
    EXPECT_THROW(model->decodeStep(tokens.select(1, 0), cache, nullptr), InferenceError); // cache full

    // The fused inference weights follow an in-place weight change (cached per weight version).
    for (auto& item : model->named_parameters()) {
        if (item.key() == "decoder_layers.1.self_attn.key.weight" || item.key() == "decoder_layers.2.src_attn.value.bias") {
            item.value().add_(0.25);
        }
    }
    const torch::Tensor changed = model->decodeAll(memory, tokens);
    DecoderCache changedCache = model->startCache(memory, 16);
    for (std::int64_t t = 0; t < 16; ++t) {
        const torch::Tensor step = model->decodeStep(tokens.select(1, t), changedCache, nullptr);
        EXPECT_LE((step - changed.select(1, t)).abs().max().item<double>(), 1e-5);
    }

    // Beam search through the cached and the uncached session gives the same result.
    DecodeOptions decode;
    decode.beamWidth = 3;
    decode.maxLength = 15;
    decode.minLength = 15;
    EncoderDecoderSession cached(model, memory, true);
    EncoderDecoderSession uncached(model, memory, false);
    const auto a = beamSearch(cached, decode);
    const auto b = beamSearch(uncached, decode);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].tokens, b[i].tokens);
        EXPECT_NEAR(a[i].score, b[i].score, 1e-4);
        ASSERT_TRUE(a[i].crossAttention.defined());
        EXPECT_EQ(a[i].crossAttention.sizes(), (std::vector<std::int64_t>{15, 3, 10}));
        EXPECT_LE((a[i].crossAttention - b[i].crossAttention).abs().max().item<double>(), 1e-5);
        // Attention rows are distributions over the 10 patches.
        EXPECT_TRUE(torch::allclose(a[i].crossAttention.sum(-1), torch::ones({15, 3}), 1e-4, 1e-4));
    }
}
