#include "AsgkModel.h"

#include "GenerationStages.h"

#include "inference/InferenceError.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace raddraft::inference {

nlohmann::json asgkDefaultHyperParameters() {
    return {{"visual_extractor", "resnet18"}, {"d_model", 256},          {"num_heads", 8},
            {"num_layers", 3},                {"d_ff", 256},             {"dropout", 0.1},
            {"max_length", 60},               {"beam_width", 3},         {"length_penalty", 0.0},
            {"block_trigrams", false},        {"tag_threshold", 0.5},    {"graph_layers", 1},
            {"max_positions", 128},           {"internal_signal", true}, {"external_signal", true},
            {"tag_loss", "focal"},            {"focal_alpha", 0.25},     {"focal_gamma", 2.0},
            {"tag_loss_weight", 1.0},         {"region_threshold", 0.7}, {"region_size", 64},
            {"region_channels", 128},         {"auxiliary_epochs", 5},   {"lm_epochs", 5},
            {"external_corpus", ""}};
}

void registerAsgkModel(ModelRegistry& registry) {
    registry.add({"asgk",
                  "ASGK: a medical tag graph encoder over the knowledge graph's findings and a GPT-style decoder, "
                  "guided by an auxiliary image region and language-model pre-training (Li et al.)",
                  asgkDefaultHyperParameters(),
                  [](const Manifest& manifest) { return std::make_unique<AsgkReportModel>(manifest); }});
}

// ---- the internal auxiliary signal (eq. 9) ---------------------------------------------------

torch::Tensor activationHeatmaps(const VisualFeatures& features) {
    const std::int64_t batch = features.patches.size(0);
    return features.patches.detach().abs().amax(-1).view({batch, features.views, features.gridRows, features.gridCols});
}

AuxiliaryRegion largestThresholdedComponent(const torch::Tensor& heatmap, double threshold) {
    if (heatmap.dim() != 2 || heatmap.numel() == 0) throw InferenceError(ErrorCode::InvalidArgument, "a heatmap (h, w) is expected");
    const torch::Tensor map = heatmap.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    const std::int64_t rows = map.size(0), cols = map.size(1);
    const float* values = map.data_ptr<float>();
    const float maximum = *std::max_element(values, values + map.numel());
    AuxiliaryRegion best;
    if (!(maximum > 0.0f)) return {0, 0, rows, cols, rows * cols};
    const float cut = float(threshold) * maximum;
    std::vector<char> seen(std::size_t(rows * cols), 0);
    std::vector<std::int64_t> stack;
    double bestHeat = -1.0;
    for (std::int64_t start = 0; start < rows * cols; ++start) {
        if (seen[std::size_t(start)] || values[start] < cut) continue;
        AuxiliaryRegion region{rows, cols, 0, 0, 0};
        double heat = 0.0;
        seen[std::size_t(start)] = 1;
        stack.assign(1, start);
        while (!stack.empty()) {
            const std::int64_t cell = stack.back();
            stack.pop_back();
            const std::int64_t r = cell / cols, c = cell % cols;
            region.top = std::min(region.top, r);
            region.left = std::min(region.left, c);
            region.bottom = std::max(region.bottom, r + 1);
            region.right = std::max(region.right, c + 1);
            ++region.area;
            heat += values[cell];
            for (std::int64_t dr = -1; dr <= 1; ++dr) {
                for (std::int64_t dc = -1; dc <= 1; ++dc) {
                    const std::int64_t nr = r + dr, nc = c + dc;
                    if (nr < 0 || nc < 0 || nr >= rows || nc >= cols) continue;
                    const std::int64_t next = nr * cols + nc;
                    if (seen[std::size_t(next)] || values[next] < cut) continue;
                    seen[std::size_t(next)] = 1;
                    stack.push_back(next);
                }
            }
        }
        if (region.area > best.area || (region.area == best.area && heat > bestHeat)) {
            best = region;
            bestHeat = heat;
        }
    }
    if (best.area == 0) return {0, 0, rows, cols, rows * cols}; // threshold above 1: nothing kept
    return best;
}

RegionCrops cropAuxiliaryRegions(const torch::Tensor& images, const torch::Tensor& heatmaps, double threshold, std::int64_t size) {
    if (images.dim() != 5 || heatmaps.dim() != 4 || images.size(0) != heatmaps.size(0) || images.size(1) != heatmaps.size(1)) {
        throw InferenceError(ErrorCode::InvalidArgument, "images (B, V, C, H, W) and heatmaps (B, V, h, w) of the same B, V expected");
    }
    if (size < 1) throw InferenceError(ErrorCode::InvalidArgument, "region_size must be at least 1");
    torch::NoGradGuard noGrad;
    namespace F = torch::nn::functional;
    const std::int64_t batch = images.size(0), views = images.size(1);
    const std::int64_t height = images.size(3), width = images.size(4);
    // The heatmaps at image resolution (the paper's Fig. 3 thresholds the upsampled map).
    const torch::Tensor upsampled =
        F::interpolate(heatmaps.to(torch::kFloat32).flatten(0, 1).unsqueeze(1),
                       F::InterpolateFuncOptions().size(std::vector<std::int64_t>{height, width}).mode(torch::kBilinear).align_corners(false))
            .squeeze(1)
            .to(torch::kCPU);
    RegionCrops crops;
    crops.boxes = torch::empty({batch, views, 4}, torch::kFloat32);
    std::vector<torch::Tensor> resized;
    for (std::int64_t item = 0; item < batch * views; ++item) {
        const AuxiliaryRegion region = largestThresholdedComponent(upsampled[item], threshold);
        const torch::Tensor crop = images[item / views][item % views]
                                       .narrow(1, region.top, region.bottom - region.top)
                                       .narrow(2, region.left, region.right - region.left)
                                       .unsqueeze(0);
        resized.push_back(F::interpolate(crop.to(torch::kFloat32), F::InterpolateFuncOptions()
                                                                       .size(std::vector<std::int64_t>{size, size})
                                                                       .mode(torch::kBilinear)
                                                                       .align_corners(false)));
        crops.boxes[item / views][item % views] =
            torch::tensor({float(region.left) / float(width), float(region.top) / float(height), float(region.right) / float(width),
                           float(region.bottom) / float(height)});
    }
    crops.images = torch::cat(resized).view({batch, views, images.size(2), size, size}).to(images.scalar_type());
    return crops;
}

torch::Tensor asgkTagLoss(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& weights,
                          const std::string& kind, double alpha, double gamma) {
    if (kind != "focal" && kind != "bce") {
        throw InferenceError(ErrorCode::InvalidArgument, "tag_loss must be \"focal\" or \"bce\", not \"" + kind + "\"");
    }
    const torch::Tensor z = logits.to(torch::kFloat32);
    const torch::Tensor positive = targets.to(torch::kFloat32) > 0.5;
    // log p* of eq. 10, computed from the logit for stability: log σ(z) or log σ(−z).
    const torch::Tensor logTrue = torch::log_sigmoid(torch::where(positive, z, -z));
    torch::Tensor elements = -logTrue;
    if (kind == "focal") elements = alpha * torch::pow(1.0 - torch::exp(logTrue), gamma) * elements;
    if (!weights.defined()) return elements.mean();
    const torch::Tensor w = weights.to(torch::kFloat32);
    return (elements * w).sum() / w.sum().clamp_min(1.0);
}

torch::Tensor tagPriorAdjacency(const KnowledgeGraph& graph, const std::vector<std::string>& labels) {
    const auto count = std::int64_t(labels.size());
    std::vector<std::int64_t> nodeOf(labels.size(), -1);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        for (const KnowledgeGraphNode& node : graph.nodes) {
            if (node.name == labels[i]) nodeOf[i] = node.id;
        }
        if (nodeOf[i] < 0) {
            throw InferenceError(ErrorCode::InvalidArgument, "label '" + labels[i] + "' is not a node of the knowledge graph '" + graph.name + "'");
        }
    }
    std::vector<float> adjacency(std::size_t(count * count), 0.0f);
    for (std::int64_t a = 0; a < count; ++a) adjacency[std::size_t(a * count + a)] = 1.0f;
    for (const KnowledgeGraphEdge& edge : graph.edges) {
        const auto a = std::find(nodeOf.begin(), nodeOf.end(), edge.source) - nodeOf.begin();
        const auto b = std::find(nodeOf.begin(), nodeOf.end(), edge.target) - nodeOf.begin();
        if (a >= count || b >= count || a == b) continue; // an edge from or to the global node
        // The prior relates findings both ways: the graph's direction is not causal.
        adjacency[std::size_t(a * count + b)] += float(edge.weight);
        adjacency[std::size_t(b * count + a)] += float(edge.weight);
    }
    const torch::Tensor matrix = torch::from_blob(adjacency.data(), {count, count}, torch::kFloat32).clone();
    return matrix / matrix.sum(1, true);
}

// ---- modules -----------------------------------------------------------------------------------

RegionEncoderImpl::RegionEncoderImpl(std::int64_t channels, std::int64_t outputFeatures) {
    if (channels < 8 || outputFeatures < 1) throw InferenceError(ErrorCode::InvalidArgument, "region_channels must be at least 8");
    torch::nn::Sequential layers;
    std::int64_t input = 3;
    for (std::int64_t width : {channels / 8, channels / 4, channels / 2, channels}) {
        layers->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(input, width, 3).stride(2).padding(1).bias(false)));
        layers->push_back(torch::nn::BatchNorm2d(width));
        layers->push_back(torch::nn::ReLU());
        input = width;
    }
    m_convolutions = register_module("convolutions", layers);
    m_fusion = register_module("fusion", torch::nn::Linear(channels, outputFeatures));
    torch::NoGradGuard noGrad;
    // f_f = f_g + W_f f_l starts as f_g: the tag head copied from a baseline keeps its meaning.
    m_fusion->weight.zero_();
    m_fusion->bias.zero_();
}

torch::Tensor RegionEncoderImpl::forward(const torch::Tensor& regions) {
    return m_fusion(m_convolutions->forward(regions).mean({2, 3}));
}

TagGraphEncoderImpl::TagGraphEncoderImpl(const TagGraphOptions& options, const torch::Tensor& priorAdjacency) {
    const std::int64_t nodes = priorAdjacency.size(0);
    const std::int64_t d = options.modelDimension;
    if (nodes < 1 || options.layers < 0) throw InferenceError(ErrorCode::InvalidArgument, "the tag graph needs labels and graph_layers >= 0");
    m_priorNodes = register_parameter("prior_nodes", torch::empty({nodes, d}));
    m_presence = register_parameter("presence", torch::empty({nodes, d}));
    torch::nn::init::xavier_uniform_(m_priorNodes);
    torch::nn::init::xavier_uniform_(m_presence);
    m_nodeAttention = register_module("node_attention", torch::nn::Linear(options.inputFeatures, nodes));
    m_visualProjection = register_module("visual_projection", torch::nn::Linear(options.inputFeatures, d));
    m_edgeQuery = register_module("edge_query", torch::nn::Linear(d, d));
    m_edgeKey = register_module("edge_key", torch::nn::Linear(d, d));
    m_graphUpdate = register_module("graph_update", torch::nn::Linear(d, d));
    m_graphNorm = register_module("graph_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d})));
    m_outputNorm = register_module("output_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d})));
    TransformerOptions transformer;
    transformer.modelDimension = d;
    transformer.heads = options.heads;
    transformer.feedForwardDimension = options.feedForwardDimension;
    transformer.dropout = options.dropout;
    m_layerList = register_module("self_attention_layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < options.layers; ++i) {
        m_layers.push_back(EncoderLayer(transformer));
        m_layerList->push_back(m_layers.back());
    }
    m_priorAdjacency = register_buffer("prior_adjacency", priorAdjacency.to(torch::kFloat32).clone());
}

TagGraphEncoderImpl::Output TagGraphEncoderImpl::forward(const torch::Tensor& probabilities, const torch::Tensor& patches) {
    const double d = double(m_priorNodes.size(1));
    // Node states: prior feature, the probability lifted per node, and the node's own view of
    // the image (softmax attention over the patches).
    const torch::Tensor attention = torch::softmax(m_nodeAttention(patches), 1);                // (B, P, N)
    const torch::Tensor visual = m_visualProjection(torch::matmul(attention.transpose(1, 2), patches)); // (B, N, d)
    const torch::Tensor v = probabilities.to(visual.scalar_type()).unsqueeze(-1);
    const torch::Tensor nodes = m_priorNodes + v * m_presence + visual;
    Output output;
    output.edges = torch::softmax(torch::matmul(m_edgeQuery(nodes), m_edgeKey(nodes).transpose(1, 2)) / std::sqrt(d), -1); // eq. 2
    const torch::Tensor mixed = 0.5 * (output.edges + m_priorAdjacency.to(output.edges.scalar_type()));
    torch::Tensor graph = m_graphNorm(nodes + torch::relu(m_graphUpdate(torch::matmul(mixed, nodes)))); // eq. 3
    for (auto& layer : m_layers) graph = layer->forward(graph);
    output.graph = m_outputNorm(graph);
    return output;
}

AsgkNetworkImpl::AsgkNetworkImpl(const VisualExtractorOptions& extractor, const AsgkOptions& options, const torch::Tensor& priorAdjacency)
    : m_options(options) {
    if (options.decoderLayers <= 0 || options.modelDimension <= 0 || options.vocabularySize <= 1 || options.heads <= 0 ||
        options.modelDimension % options.heads != 0 || options.feedForwardDimension <= 0 || options.dropout < 0.0 ||
        options.dropout >= 1.0 || options.maxPositions < 2) {
        throw InferenceError(ErrorCode::InvalidArgument, "invalid asgk options (d_model, num_heads, num_layers, d_ff, dropout or max_positions)");
    }
    const std::int64_t labels = priorAdjacency.size(0);
    visualExtractor = register_module("visual_extractor", VisualExtractor(extractor));
    tagHead = register_module("tag_head", TagHead(TagHeadOptions{options.inputFeatures, labels, 0.0}));
    if (options.internalSignal) regionEncoder = register_module("region_encoder", RegionEncoder(options.regionChannels, options.inputFeatures));
    graphEncoder = register_module(
        "graph_encoder", TagGraphEncoder(TagGraphOptions{options.inputFeatures, options.modelDimension, options.heads, options.graphLayers,
                                                         options.feedForwardDimension, options.dropout},
                                         priorAdjacency));
    m_wordEmbedding = register_module("word_embedding", torch::nn::Embedding(options.vocabularySize, options.modelDimension));
    m_positionEmbedding = register_module("position_embedding", torch::nn::Embedding(options.maxPositions, options.modelDimension));
    m_embeddingDropout = register_module("embedding_dropout", torch::nn::Dropout(options.dropout));
    TransformerOptions transformer;
    transformer.modelDimension = options.modelDimension;
    transformer.heads = options.heads;
    transformer.feedForwardDimension = options.feedForwardDimension;
    transformer.dropout = options.dropout;
    m_decoderList = register_module("decoder_layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < options.decoderLayers; ++i) {
        m_decoder.push_back(DecoderLayer(transformer));
        m_decoderList->push_back(m_decoder.back());
    }
    m_decoderNorm = register_module("decoder_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_auxiliaryTrained = register_buffer("auxiliary_trained", torch::zeros({}));
    m_languageModelTrained = register_buffer("language_model_trained", torch::zeros({}));

    torch::NoGradGuard noGrad;
    // Xavier-uniform for the matrices of the graph encoder and decoder (the extractor and tag
    // head keep theirs or come from a bundle; the region fusion stays zero); GPT's N(0, 0.02)
    // for the two embeddings.
    for (auto& item : named_parameters()) {
        const std::string& name = item.key();
        if (name.rfind("visual_extractor.", 0) == 0 || name.rfind("tag_head.", 0) == 0 || name.rfind("region_encoder.", 0) == 0) continue;
        if (name.rfind("word_embedding.", 0) == 0 || name.rfind("position_embedding.", 0) == 0) {
            item.value().normal_(0.0, 0.02);
        } else if (item.value().dim() > 1) {
            torch::nn::init::xavier_uniform_(item.value());
        }
    }
}

void AsgkNetworkImpl::markAuxiliaryTrained() {
    torch::NoGradGuard noGrad;
    m_auxiliaryTrained.fill_(1.0);
}

void AsgkNetworkImpl::markLanguageModelTrained() {
    torch::NoGradGuard noGrad;
    m_languageModelTrained.fill_(1.0);
}

torch::Tensor AsgkNetworkImpl::fusedFeature(const VisualFeatures& features) {
    if (!regionEncoder) return features.pooled;
    if (!features.regions.defined()) {
        throw InferenceError(ErrorCode::InvalidArgument, "asgk with internal_signal needs the auxiliary region crops (features.regions)");
    }
    const torch::Tensor regions = features.regions.to(features.pooled.scalar_type());
    const torch::Tensor local = regionEncoder(regions.flatten(0, 1)).view({regions.size(0), regions.size(1), -1}).mean(1);
    return features.pooled + local;
}

torch::Tensor AsgkNetworkImpl::tagLogits(const VisualFeatures& features) { return tagHead(fusedFeature(features)); }

AsgkNetworkImpl::Encoded AsgkNetworkImpl::encode(const VisualFeatures& features) {
    Encoded encoded;
    encoded.tagLogits = tagLogits(features);
    const TagGraphEncoderImpl::Output graph = graphEncoder(torch::sigmoid(encoded.tagLogits), features.patches);
    encoded.memory = graph.graph;
    encoded.edges = graph.edges;
    return encoded;
}

torch::Tensor AsgkNetworkImpl::emptyMemory(std::int64_t batch, const torch::TensorOptions& like) const {
    return torch::zeros({batch, 1, m_options.modelDimension}, like);
}

namespace {

void requirePositions(std::int64_t sequenceLength, std::int64_t maxPositions) {
    if (sequenceLength > maxPositions) {
        throw InferenceError(ErrorCode::InvalidArgument, "asgk: a sequence of " + std::to_string(sequenceLength) +
                                                             " tokens exceeds max_positions " + std::to_string(maxPositions));
    }
}

} // namespace

torch::Tensor AsgkNetworkImpl::embed(const torch::Tensor& tokens, std::int64_t firstPosition) {
    const std::int64_t length = tokens.size(1);
    requirePositions(firstPosition + length, m_options.maxPositions);
    const torch::Tensor positions =
        torch::arange(firstPosition, firstPosition + length, torch::TensorOptions().dtype(torch::kInt64).device(tokens.device()));
    return m_embeddingDropout(m_wordEmbedding(tokens) + m_positionEmbedding(positions).unsqueeze(0)); // eq. 6
}

torch::Tensor AsgkNetworkImpl::logits(const torch::Tensor& hidden) {
    return torch::matmul(m_decoderNorm(hidden), m_wordEmbedding->weight.t()); // eq. 8, tied
}

torch::Tensor AsgkNetworkImpl::decodeAll(const torch::Tensor& memory, const torch::Tensor& tokens, const torch::Tensor& tokenMask,
                                         torch::Tensor* crossAttention) {
    const std::int64_t length = tokens.size(1);
    torch::Tensor mask = torch::ones({length, length}, torch::TensorOptions().dtype(torch::kBool).device(tokens.device()))
                             .tril()
                             .view({1, 1, length, length});
    if (tokenMask.defined()) mask = mask & tokenMask.view({tokenMask.size(0), 1, 1, length});
    torch::Tensor x = embed(tokens, 0);
    std::vector<torch::Tensor> perLayer;
    for (auto& layer : m_decoder) {
        torch::Tensor probabilities;
        x = layer->forward(x, memory, mask, crossAttention ? &probabilities : nullptr);
        if (crossAttention != nullptr) perLayer.push_back(probabilities);
    }
    if (crossAttention != nullptr) *crossAttention = torch::stack(perLayer, 2);
    return logits(x);
}

DecoderCache AsgkNetworkImpl::startCache(const torch::Tensor& memory, std::int64_t capacity, std::int64_t rowsPerInput) {
    const bool inference = !is_training() && !torch::GradMode::is_enabled();
    return startDecoderCache(m_decoder, memory, capacity, rowsPerInput, inference ? fuseDecoderWeights(m_decoder) : nullptr);
}

torch::Tensor AsgkNetworkImpl::decodeStep(const torch::Tensor& lastTokens, DecoderCache& cache, torch::Tensor* crossAttention) {
    if (cache.length >= cache.capacity) {
        throw InferenceError(ErrorCode::InvalidArgument, "decoder cache is full (" + std::to_string(cache.capacity) + " tokens)");
    }
    if (cache.fused && !is_training() && !torch::GradMode::is_enabled()) {
        // Inference path: eq. 6 as two row look-ups (dropout is the identity in eval), the decoder
        // layers' fused in-place steps, eq. 8 against the tied embedding.
        requirePositions(cache.length + 1, m_options.maxPositions);
        torch::Tensor x = at::index_select(m_wordEmbedding->weight, 0, lastTokens.view({-1}));
        x.add_(m_positionEmbedding->weight.select(0, cache.length));
        return stepLinear(fusedDecoderStep(m_decoder, m_decoderNorm, x, cache, crossAttention), m_wordEmbedding->weight, {});
    }
    torch::Tensor x = embed(lastTokens.view({-1, 1}), cache.length);
    std::vector<torch::Tensor> perLayer;
    for (std::size_t i = 0; i < m_decoder.size(); ++i) {
        torch::Tensor probabilities;
        x = m_decoder[i]->step(x, cache, i, crossAttention ? &probabilities : nullptr);
        if (crossAttention != nullptr) perLayer.push_back(probabilities);
    }
    ++cache.length;
    if (crossAttention != nullptr) *crossAttention = torch::stack(perLayer, 1); // (N, L, nodes)
    return logits(x).squeeze(1);
}

// ---- the model type ------------------------------------------------------------------------

namespace {

constexpr std::size_t kTokenNodes = 5;       // graph nodes listed per token and sentence
constexpr double kEdgeShown = 0.3;           // the paper's Fig. 3: edges with weight > 0.3
constexpr const char* kRegionLabel = "auxiliary region";

AsgkOptions asgkOptionsOf(const Manifest& manifest, std::int64_t inputFeatures) {
    const nlohmann::json& h = manifest.hyperParameters;
    AsgkOptions options;
    options.inputFeatures = inputFeatures;
    options.vocabularySize = std::int64_t(manifest.vocabulary.size()) + 1;
    options.modelDimension = h.value("d_model", options.modelDimension);
    options.heads = h.value("num_heads", options.heads);
    options.decoderLayers = h.value("num_layers", options.decoderLayers);
    options.graphLayers = h.value("graph_layers", options.graphLayers);
    options.feedForwardDimension = h.value("d_ff", options.feedForwardDimension);
    options.dropout = h.value("dropout", options.dropout);
    options.maxPositions = h.value("max_positions", options.maxPositions);
    options.internalSignal = h.value("internal_signal", options.internalSignal);
    options.regionChannels = h.value("region_channels", options.regionChannels);
    const double threshold = h.value("region_threshold", 0.7);
    if (!(threshold > 0.0 && threshold <= 1.0) || h.value("region_size", 64) < 8 || h.value("auxiliary_epochs", 0) < 0 ||
        h.value("lm_epochs", 0) < 0 || h.value("tag_loss_weight", 1.0) < 0.0 || h.value("max_length", 60) >= options.maxPositions) {
        throw InferenceError(ErrorCode::InvalidArgument, "asgk: region_threshold must be in (0, 1], region_size at least 8, epochs and "
                                                         "tag_loss_weight not negative, max_length below max_positions");
    }
    const std::string tagLoss = h.value("tag_loss", std::string("focal"));
    if (tagLoss != "focal" && tagLoss != "bce") {
        throw InferenceError(ErrorCode::InvalidArgument, "tag_loss must be \"focal\" or \"bce\", not \"" + tagLoss + "\"");
    }
    return options;
}

torch::Tensor priorOf(const Manifest& manifest) {
    if (!manifest.knowledgeGraph || manifest.labels.empty()) {
        throw InferenceError(ErrorCode::InvalidArgument, "asgk needs a knowledge graph and labels in the manifest (the tag graph's nodes)");
    }
    return tagPriorAdjacency(*manifest.knowledgeGraph, manifest.labels);
}

// (V·h·w) values of one input → one grid per view.
std::vector<Heatmap> viewGrids(const torch::Tensor& values, const std::vector<std::string>& views, std::int64_t rows, std::int64_t cols) {
    const torch::Tensor flat = values.to(torch::kFloat32).contiguous().view({-1});
    std::vector<Heatmap> maps;
    for (std::int64_t v = 0; v * rows * cols < flat.numel(); ++v) {
        Heatmap map;
        map.view = std::size_t(v) < views.size() ? views[std::size_t(v)] : std::string();
        map.rows = int(rows);
        map.cols = int(cols);
        const float* data = flat.data_ptr<float>() + v * rows * cols;
        map.values.assign(data, data + rows * cols);
        maps.push_back(std::move(map));
    }
    return maps;
}

// The largest entries of weights (N) as named items, largest first.
std::vector<WeightedItem> topNodes(const torch::Tensor& weights, const std::vector<std::string>& names, std::size_t limit) {
    const torch::Tensor values = weights.to(torch::kFloat32).contiguous();
    const float* data = values.data_ptr<float>();
    std::vector<std::size_t> order(std::size_t(values.numel()));
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return data[a] > data[b]; });
    std::vector<WeightedItem> items;
    for (std::size_t index : order) {
        if (items.size() >= limit || data[index] <= 0.0f) break;
        items.push_back({names[index], double(data[index])});
    }
    return items;
}

} // namespace

AsgkReportModel::AsgkReportModel(const Manifest& manifest) : ReportModel(manifest) {
    VisualExtractorOptions extractor;
    extractor.architecture = hyperParameter<std::string>("visual_extractor", "resnet18");
    m_network = AsgkNetwork(extractor, asgkOptionsOf(this->manifest(), visualFeatureChannels(extractor.architecture)),
                            priorOf(this->manifest()));
}

VisualFeatures AsgkReportModel::extractFeatures(const torch::Tensor& images) {
    VisualFeatures features = m_network->visualExtractor->extract(images);
    if (m_network->regionEncoder) {
        features.regions = cropAuxiliaryRegions(images, activationHeatmaps(features), hyperParameter("region_threshold", 0.7),
                                                hyperParameter<std::int64_t>("region_size", 64))
                               .images;
    }
    return features;
}

std::vector<Draft> AsgkReportModel::generate(const GenerationRequest& request) {
    GenerationStages stages(request);
    stages.begin("extractor");
    VisualFeatures features = m_network->visualExtractor->extract(request.images);
    const torch::Tensor heatmaps = activationHeatmaps(features); // (B, V, h, w)
    const RegionCrops crops = cropAuxiliaryRegions(request.images, heatmaps, hyperParameter("region_threshold", 0.7),
                                                   hyperParameter<std::int64_t>("region_size", 64));
    if (m_network->regionEncoder) features.regions = crops.images;
    stages.endOrCancel();

    stages.begin("encoder");
    const AsgkNetworkImpl::Encoded encoded = m_network->encode(features);
    const torch::Tensor probabilities = torch::sigmoid(encoded.tagLogits.to(torch::kFloat32)).to(torch::kCPU);
    const torch::Tensor edges = encoded.edges.to(torch::kFloat32).to(torch::kCPU);
    const torch::Tensor classActivations = m_network->tagHead->classActivations(features.patches).to(torch::kFloat32).to(torch::kCPU);
    stages.endOrCancel();

    stages.begin("decode");
    AsgkDecoderSession session(m_network, encoded.memory);
    DecodeOptions decode = request.decode;
    decode.progress = stages.progressOf("decode");
    decode.collectCrossAttention = true;
    std::vector<DecodedSequence> sequences = beamSearch(session, decode);
    stages.end();

    const std::vector<std::string>& labels = manifest().labels;
    const KnowledgeGraph& graph = *manifest().knowledgeGraph;
    std::vector<int> nodeIdOf;
    for (const std::string& label : labels) {
        for (const KnowledgeGraphNode& node : graph.nodes) {
            if (node.name == label) nodeIdOf.push_back(node.id);
        }
    }
    const torch::Tensor heat = heatmaps.to(torch::kFloat32).to(torch::kCPU);
    std::vector<Draft> drafts;
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        const auto item = std::int64_t(i);
        // The decoder attends over graph nodes, not patches: its attention explains tokens by nodes.
        torch::Tensor nodeAttention = sequences[i].crossAttention; // (T, layers, N)
        sequences[i].crossAttention = torch::Tensor();
        Draft draft = assembleDraft(*this, sequences[i], request.views, features.gridRows, features.gridCols, probabilities[item],
                                    classActivations[item]);
        if (nodeAttention.defined() && nodeAttention.size(0) > 0) {
            const torch::Tensor perToken = nodeAttention.mean(1); // (T, N)
            for (std::size_t t = 0; t < draft.tokens.size(); ++t) {
                draft.tokens[t].graphNodes = topNodes(perToken[std::int64_t(t)], labels, kTokenNodes);
            }
            for (DraftSentence& sentence : draft.sentences) {
                const torch::Tensor mean = perToken.narrow(0, sentence.tokenBegin, sentence.tokenEnd - sentence.tokenBegin).mean(0);
                sentence.support.graphNodes = topNodes(mean, labels, kTokenNodes);
            }
        }
        // The tag graph (Fig. 3): every node with its probability (the view greys those ≤ 0.5), the
        // learned edges E of eq. 2 whose weight exceeds 0.3.
        draft.graphEdges.clear();
        const torch::Tensor studyEdges = edges[item];
        for (std::size_t a = 0; a < nodeIdOf.size(); ++a) {
            for (std::size_t b = 0; b < nodeIdOf.size(); ++b) {
                const double weight = studyEdges[std::int64_t(a)][std::int64_t(b)].item<double>();
                if (a != b && weight > kEdgeShown) draft.graphEdges.push_back({nodeIdOf[a], nodeIdOf[b], weight});
            }
        }
        // The internal auxiliary signal: H per view (normalised to sum 1 over the views) and the box.
        const torch::Tensor studyHeat = heat[item];
        const double mass = studyHeat.sum().item<double>();
        NamedHeatmaps heatmap;
        heatmap.name = "auxiliary heatmap";
        heatmap.weight = 1.0;
        heatmap.heatmaps = viewGrids(mass > 0.0 ? studyHeat / mass : studyHeat, request.views, features.gridRows, features.gridCols);
        draft.topicMaps.push_back(std::move(heatmap));
        for (std::int64_t v = 0; v < crops.boxes.size(1); ++v) {
            const torch::Tensor box = crops.boxes[item][v];
            draft.regionBoxes.push_back({std::size_t(v) < request.views.size() ? request.views[std::size_t(v)] : std::string(), kRegionLabel,
                                         box[0].item<double>(), box[1].item<double>(), box[2].item<double>(), box[3].item<double>()});
        }
        drafts.push_back(std::move(draft));
    }
    return drafts;
}

} // namespace raddraft::inference
