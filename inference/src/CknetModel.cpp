#include "CknetModel.h"

#include "GenerationStages.h"

#include "inference/InferenceError.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace raddraft::inference {

nlohmann::json cknetDefaultHyperParameters() {
    return {{"visual_extractor", "resnet18"}, {"d_model", 256},          {"num_heads", 8},
            {"num_layers", 3},                {"d_ff", 256},             {"dropout", 0.1},
            {"max_length", 60},               {"beam_width", 3},         {"length_penalty", 0.0},
            {"block_trigrams", false},        {"tag_threshold", 0.5},    {"knowledge_matrix", "trained"},
            {"knowledge_dim", 128},           {"top_nodes", 8},          {"knowledge_epochs", 10}};
}

void registerCknetModel(ModelRegistry& registry) {
    registry.add({"cknet",
                  "CKNet: visual and word features distil the top-γ nodes of a frozen knowledge-graph matrix "
                  "before a Transformer encoder-decoder (Kang et al.)",
                  cknetDefaultHyperParameters(),
                  [](const Manifest& manifest) { return std::make_unique<CknetReportModel>(manifest); }});
}

// ---- distillation and preservation (eq. 4-9) --------------------------------------------------

NodeSelection selectTopNodes(const torch::Tensor& scores, std::int64_t topNodes) {
    if (topNodes < 1) throw InferenceError(ErrorCode::InvalidArgument, "top_nodes must be at least 1");
    NodeSelection selection;
    selection.scores = scores.to(torch::kFloat32);
    const std::int64_t kept = std::min(topNodes, scores.size(-1));
    auto [values, indices] = selection.scores.topk(kept, -1, /*largest=*/true, /*sorted=*/true);
    selection.indices = indices;
    selection.weights = torch::softmax(values, -1);
    return selection;
}

torch::Tensor headAveragedNodeWeights(const NodeSelection& selection, std::int64_t nodeCount) {
    std::vector<std::int64_t> shape = selection.weights.sizes().vec();
    shape.back() = nodeCount;
    const torch::Tensor dense = torch::zeros(shape, selection.weights.options()).scatter(-1, selection.indices, selection.weights);
    return dense.mean(-3); // over the heads: (…, h, T, N) → (…, T, N)
}

KnowledgeDistillationImpl::KnowledgeDistillationImpl(const KnowledgeDistillationOptions& options) : m_options(options) {
    if (options.heads <= 0 || options.modelDimension % options.heads != 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "d_model " + std::to_string(options.modelDimension) +
                                                             " is not divisible by " + std::to_string(options.heads) + " heads");
    }
    if (options.knowledgeDimension < 1 || options.topNodes < 1) {
        throw InferenceError(ErrorCode::InvalidArgument, "knowledge_dim and top_nodes must be at least 1");
    }
    query = register_module("query", torch::nn::Linear(options.modelDimension, options.modelDimension));
    key = register_module("key", torch::nn::Linear(options.knowledgeDimension, options.modelDimension));
    value = register_module("value", torch::nn::Linear(options.knowledgeDimension, options.modelDimension));
    fuse = register_module("fuse", torch::nn::Linear(2 * options.modelDimension, options.modelDimension));
}

KnowledgeDistillationImpl::Result KnowledgeDistillationImpl::forward(const torch::Tensor& features,
                                                                     const torch::Tensor& knowledge) {
    const std::int64_t batch = features.size(0);
    const std::int64_t length = features.size(1);
    const std::int64_t d = m_options.modelDimension;
    const std::int64_t heads = m_options.heads;
    const std::int64_t headDimension = d / heads;
    const std::int64_t nodes = knowledge.size(0);
    const torch::Tensor matrix = knowledge.to(features.scalar_type());

    // Eq. 4-5, per head: D = q·kᵀ/√d_k, (B, h, T, N).
    const torch::Tensor queries = query(features).view({batch, length, heads, headDimension}).transpose(1, 2);
    const torch::Tensor keys = key(matrix).view({nodes, heads, headDimension}).transpose(0, 1);
    const torch::Tensor scores = torch::matmul(queries, keys.transpose(-2, -1)) / std::sqrt(double(headDimension));

    Result result;
    result.selection = selectTopNodes(scores, m_options.topNodes); // eq. 6
    // Eq. 7-8: r = Σ_j w_j · g_j W_g over the selected nodes, written as a product with the
    // (sparse) dense weights so that the gradient reaches w through the scatter.
    const torch::Tensor dense = torch::zeros(scores.sizes(), result.selection.weights.options())
                                    .scatter(-1, result.selection.indices, result.selection.weights)
                                    .to(features.scalar_type());
    const torch::Tensor values = value(matrix).view({nodes, heads, headDimension}).transpose(0, 1); // (h, N, d_k)
    result.preserved = torch::matmul(dense, values).transpose(1, 2).reshape({batch, length, d});
    result.enriched = fuse(torch::cat({features, result.preserved}, -1)); // eq. 9
    return result;
}

// ---- the network ---------------------------------------------------------------------------

namespace {

TransformerOptions transformerOptionsOf(const CknetOptions& options) {
    TransformerOptions transformer;
    transformer.inputFeatures = options.inputFeatures;
    transformer.vocabularySize = options.vocabularySize;
    transformer.modelDimension = options.modelDimension;
    transformer.heads = options.heads;
    transformer.layers = options.layers;
    transformer.feedForwardDimension = options.feedForwardDimension;
    transformer.dropout = options.dropout;
    return transformer;
}

} // namespace

CknetNetworkImpl::CknetNetworkImpl(const VisualExtractorOptions& extractor, const CknetOptions& options)
    : m_options(options), m_positions(options.modelDimension) {
    const std::string& mode = options.knowledgeMatrix;
    if (mode != "trained" && mode != "random" && mode != "none") {
        throw InferenceError(ErrorCode::InvalidArgument,
                             "knowledge_matrix must be \"trained\", \"random\" or \"none\", not \"" + mode + "\"");
    }
    if (options.layers <= 0 || options.modelDimension <= 0 || options.vocabularySize <= 1 || options.inputFeatures <= 0 ||
        options.feedForwardDimension <= 0 || options.dropout < 0.0 || options.dropout >= 1.0 || options.heads <= 0 ||
        options.modelDimension % options.heads != 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "invalid cknet options (d_model, num_heads, num_layers, d_ff or dropout)");
    }
    if (mode != "none" && options.knowledgeNodes < 1) {
        throw InferenceError(ErrorCode::InvalidArgument,
                             "knowledge_matrix \"" + mode + "\" needs a knowledge graph in the manifest (its nodes are the rows)");
    }
    visualExtractor = register_module("visual_extractor", VisualExtractor(extractor));
    if (options.labels > 0) {
        tagHead = register_module("tag_head", TagHead(TagHeadOptions{options.inputFeatures, options.labels, 0.0}));
    }
    m_visualProjection = register_module(
        "att_embed", torch::nn::Sequential(torch::nn::Linear(options.inputFeatures, options.modelDimension),
                                           torch::nn::ReLU(), torch::nn::Dropout(options.dropout)));
    m_embedding = register_module("tgt_embed", torch::nn::Embedding(options.vocabularySize, options.modelDimension));
    m_embeddingDropout = register_module("embedding_dropout", torch::nn::Dropout(options.dropout));
    if (mode != "none") {
        distillation = register_module(
            "distillation", KnowledgeDistillation(KnowledgeDistillationOptions{options.modelDimension, options.knowledgeDimension,
                                                                               options.heads, options.topNodes}));
    }
    const TransformerOptions transformer = transformerOptionsOf(options);
    m_encoderLayers = register_module("encoder_layers", torch::nn::ModuleList());
    m_decoderLayers = register_module("decoder_layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < options.layers; ++i) {
        m_encoder.push_back(EncoderLayer(transformer));
        m_encoderLayers->push_back(m_encoder.back());
        m_decoder.push_back(DecoderLayer(transformer));
        m_decoderLayers->push_back(m_decoder.back());
    }
    m_encoderNorm = register_module("encoder_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_decoderNorm = register_module("decoder_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.modelDimension})));
    m_logit = register_module("logit", torch::nn::Linear(options.modelDimension, options.vocabularySize));

    torch::NoGradGuard noGrad;
    // Xavier-uniform for every matrix of the report head, as R2Gen / CMN initialise (the
    // extractor and the tag head keep their own initialisation or come from a bundle).
    for (auto& item : named_parameters()) {
        const std::string& name = item.key();
        if (name.rfind("visual_extractor.", 0) == 0 || name.rfind("tag_head.", 0) == 0) continue;
        if (item.value().dim() > 1) torch::nn::init::xavier_uniform_(item.value());
    }
    if (mode != "none") {
        // "trained": zeros until the trainer writes the graph network's matrix (an untrained
        // matrix gives every node the same score); "random": N(0, 1), frozen (the +MEN ablation).
        const std::vector<std::int64_t> shape{options.knowledgeNodes, options.knowledgeDimension};
        m_knowledgeMatrix = register_buffer("knowledge_matrix", mode == "random" ? torch::randn(shape) : torch::zeros(shape));
        m_knowledgeMatrixTrained = register_buffer("knowledge_matrix_trained", torch::zeros({}));
    }
}

void CknetNetworkImpl::setTrainedKnowledgeMatrix(const torch::Tensor& matrix) {
    if (m_options.knowledgeMatrix != "trained") {
        throw InferenceError(ErrorCode::InvalidArgument,
                             "the knowledge matrix is \"" + m_options.knowledgeMatrix + "\", not \"trained\"");
    }
    if (!matrix.sizes().equals(m_knowledgeMatrix.sizes())) {
        throw InferenceError(ErrorCode::InvalidArgument, "knowledge matrix of shape " + c10::str(matrix.sizes()) +
                                                             " does not fit " + c10::str(m_knowledgeMatrix.sizes()));
    }
    torch::NoGradGuard noGrad;
    m_knowledgeMatrix.copy_(matrix);
    m_knowledgeMatrixTrained.fill_(1.0);
}

bool CknetNetworkImpl::knowledgeMatrixTrained() const {
    return m_knowledgeMatrixTrained.defined() && m_knowledgeMatrixTrained.item<float>() > 0.5f;
}

EncodedVisual CknetNetworkImpl::encode(const torch::Tensor& patches, bool collectNodeWeights) {
    EncodedVisual encoded;
    torch::Tensor x = m_visualProjection->forward(patches); // v_s
    if (distillation) {
        const KnowledgeDistillationImpl::Result result = distillation(x, m_knowledgeMatrix);
        x = result.enriched; // k_s
        if (collectNodeWeights) encoded.nodeWeights = headAveragedNodeWeights(result.selection, m_options.knowledgeNodes);
    }
    for (auto& layer : m_encoder) x = layer->forward(x);
    encoded.memory = m_encoderNorm(x);
    return encoded;
}

torch::Tensor CknetNetworkImpl::enrichWords(const torch::Tensor& tokens, torch::Tensor* nodeWeights) {
    torch::Tensor x = m_embedding(tokens) * std::sqrt(double(m_options.modelDimension)); // v_t
    if (!distillation) return x;
    const KnowledgeDistillationImpl::Result result = distillation(x, m_knowledgeMatrix);
    if (nodeWeights != nullptr) *nodeWeights = headAveragedNodeWeights(result.selection, m_options.knowledgeNodes);
    return result.enriched; // k_t
}

torch::Tensor CknetNetworkImpl::decodeAll(const torch::Tensor& memory, const torch::Tensor& tokens,
                                          const torch::Tensor& tokenMask, torch::Tensor* crossAttention) {
    const std::int64_t length = tokens.size(1);
    torch::Tensor mask = torch::ones({length, length}, torch::TensorOptions().dtype(torch::kBool).device(tokens.device()))
                             .tril()
                             .view({1, 1, length, length});
    if (tokenMask.defined()) mask = mask & tokenMask.view({tokenMask.size(0), 1, 1, length});
    torch::Tensor x = enrichWords(tokens);
    x = m_embeddingDropout(x + m_positions.rows(0, length, x.options()));
    std::vector<torch::Tensor> perLayer;
    for (auto& layer : m_decoder) {
        torch::Tensor probabilities;
        x = layer->forward(x, memory, mask, crossAttention ? &probabilities : nullptr);
        if (crossAttention != nullptr) perLayer.push_back(probabilities);
    }
    if (crossAttention != nullptr) *crossAttention = torch::stack(perLayer, 2); // (N, T, L, P)
    return m_logit(m_decoderNorm(x));
}

torch::Tensor CknetNetworkImpl::forward(const torch::Tensor& patches, const torch::Tensor& tokens, const torch::Tensor& tokenMask) {
    return decodeAll(encode(patches).memory, tokens, tokenMask);
}

CknetDecoderCache CknetNetworkImpl::startCache(const torch::Tensor& memory, std::int64_t capacity, std::int64_t rowsPerInput) {
    const bool inference = !is_training() && !torch::GradMode::is_enabled();
    CknetDecoderCache state;
    state.decoder = startDecoderCache(m_decoder, memory, capacity, rowsPerInput, inference ? fuseDecoderWeights(m_decoder) : nullptr);
    if (inference) {
        // k_t depends on the token alone: distil the whole vocabulary once.
        const torch::Tensor vocabulary =
            torch::arange(m_options.vocabularySize, torch::TensorOptions().dtype(torch::kInt64).device(memory.device()));
        state.enrichedVocabulary = enrichWords(vocabulary.view({1, -1})).squeeze(0).contiguous();
    }
    return state;
}

torch::Tensor CknetNetworkImpl::decodeStep(const torch::Tensor& lastTokens, CknetDecoderCache& state, torch::Tensor* crossAttention) {
    DecoderCache& cache = state.decoder;
    if (cache.length >= cache.capacity) {
        throw InferenceError(ErrorCode::InvalidArgument, "decoder cache is full (" + std::to_string(cache.capacity) + " tokens)");
    }
    const bool fast = cache.fused && state.enrichedVocabulary.defined() && !is_training() && !torch::GradMode::is_enabled();
    if (!fast) {
        // Module path (autograd and dropout work).
        torch::Tensor x = enrichWords(lastTokens.view({-1, 1}));
        x = m_embeddingDropout(x + m_positions.rows(cache.length, 1, x.options()));
        std::vector<torch::Tensor> perLayer;
        for (std::size_t i = 0; i < m_decoder.size(); ++i) {
            torch::Tensor probabilities;
            x = m_decoder[i]->step(x, cache, i, crossAttention ? &probabilities : nullptr);
            if (crossAttention != nullptr) perLayer.push_back(probabilities);
        }
        ++cache.length;
        if (crossAttention != nullptr) *crossAttention = torch::stack(perLayer, 1); // (N, L, P)
        return m_logit(m_decoderNorm(x)).squeeze(1);
    }
    // Inference path: the rows' k_t looked up, the decoder layers' fused in-place steps.
    torch::Tensor x = at::index_select(state.enrichedVocabulary, 0, lastTokens.view({-1}));
    x.add_(m_positions.rows(cache.length, 1, x.options()));
    return stepLinear(fusedDecoderStep(m_decoder, m_decoderNorm, x, cache, crossAttention), m_logit->weight, m_logit->bias);
}

// ---- the graph network of §III-A ---------------------------------------------------------------

CknetGraphClassifierImpl::CknetGraphClassifierImpl(const KnowledgeGraph& graph, std::int64_t inputFeatures,
                                                   std::int64_t stateDimension, std::int64_t layers)
    : m_globalNode(graph.globalNode) {
    const std::int64_t nodes = graph.nodeCount();
    if (nodes < 1 || inputFeatures < 1 || stateDimension < 2 || layers < 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "invalid graph classifier (no nodes or sizes below 1)");
    }
    m_nodeAttention = register_module("node_attention", torch::nn::Linear(inputFeatures, nodes));
    m_nodeProjection = register_module("node_projection", torch::nn::Linear(inputFeatures, stateDimension));
    m_layers = register_module("graph_convolutions", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < layers; ++i) {
        m_convolutions.push_back(GraphConvolution(stateDimension, stateDimension / 2));
        m_layers->push_back(m_convolutions.back());
    }
    m_classifierWeight = register_parameter(
        "classifier_weight", torch::empty({nodes, stateDimension}).uniform_(-1.0 / std::sqrt(double(stateDimension)),
                                                                              1.0 / std::sqrt(double(stateDimension))));
    m_classifierBias = register_parameter("classifier_bias", torch::zeros({nodes}));
    auto [forwardAdjacency, backwardAdjacency] = graphAdjacencies(graph);
    m_forwardAdjacency = register_buffer("forward_adjacency", forwardAdjacency);
    m_backwardAdjacency = register_buffer("backward_adjacency", backwardAdjacency);
}

CknetGraphClassifierImpl::Output CknetGraphClassifierImpl::forward(const torch::Tensor& patches, const torch::Tensor& pooled) {
    const std::int64_t nodes = m_classifierBias.size(0);
    // Each node attends over the patches (softmax over P) and pools them: (B, N, C).
    const torch::Tensor attention = torch::softmax(m_nodeAttention(patches), 1);
    torch::Tensor nodeFeatures = torch::matmul(attention.transpose(1, 2), patches);
    if (m_globalNode >= 0) {
        const torch::Tensor isGlobal =
            (torch::arange(nodes, torch::TensorOptions().device(patches.device())) == m_globalNode).view({1, nodes, 1});
        nodeFeatures = torch::where(isGlobal, pooled.unsqueeze(1).expand_as(nodeFeatures), nodeFeatures);
    }
    torch::Tensor states = torch::relu(m_nodeProjection(nodeFeatures)).transpose(1, 2); // (B, d_g, N)
    for (auto& convolution : m_convolutions) states = convolution(states, m_forwardAdjacency, m_backwardAdjacency);
    Output output;
    output.states = states.transpose(1, 2).contiguous();
    output.logits = (output.states * m_classifierWeight).sum(-1) + m_classifierBias;
    return output;
}

torch::Tensor knowledgeMatrixFromNodeStates(const torch::Tensor& states, const torch::Tensor& present) {
    if (states.dim() != 3 || present.dim() != 2 || present.size(0) != states.size(0) || present.size(1) != states.size(1) ||
        states.size(0) < 1) {
        throw InferenceError(ErrorCode::InvalidArgument, "node states (S, N, d) and presence (S, N) of at least one study expected");
    }
    const torch::Tensor values = states.to(torch::kFloat32);
    const torch::Tensor weights = present.to(torch::kFloat32);
    const torch::Tensor counts = weights.sum(0);                                   // (N)
    const torch::Tensor presentMean = (weights.unsqueeze(-1) * values).sum(0) / counts.clamp_min(1.0).unsqueeze(-1);
    const torch::Tensor rows = torch::where((counts > 0).unsqueeze(-1), presentMean, values.mean(0));
    const torch::Tensor centred = rows - rows.mean(0, true);
    const double rms = centred.pow(2).mean().sqrt().item<double>();
    return rms > 1e-12 ? centred / rms : centred;
}

// ---- the model type ------------------------------------------------------------------------

namespace {

constexpr std::size_t kSentenceNodes = 5; // nodes listed per sentence

// The largest positive entries of `weights` (N, float CPU) as named items, largest first.
std::vector<WeightedItem> topItems(const torch::Tensor& weights, const std::vector<KnowledgeGraphNode>& nodes, std::size_t limit) {
    const torch::Tensor values = weights.to(torch::kFloat32).contiguous();
    const float* data = values.data_ptr<float>();
    std::vector<std::size_t> order(std::size_t(values.numel()));
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return data[a] > data[b]; });
    std::vector<WeightedItem> items;
    for (std::size_t index : order) {
        if (items.size() >= limit || data[index] <= 0.0f) break;
        items.push_back({nodes[index].name, double(data[index])});
    }
    return items;
}

CknetOptions cknetOptionsOf(const Manifest& manifest, std::int64_t inputFeatures) {
    const nlohmann::json& h = manifest.hyperParameters;
    CknetOptions options;
    options.inputFeatures = inputFeatures;
    options.vocabularySize = std::int64_t(manifest.vocabulary.size()) + 1;
    options.modelDimension = h.value("d_model", options.modelDimension);
    options.heads = h.value("num_heads", options.heads);
    options.layers = h.value("num_layers", options.layers);
    options.feedForwardDimension = h.value("d_ff", options.feedForwardDimension);
    options.dropout = h.value("dropout", options.dropout);
    options.knowledgeMatrix = h.value("knowledge_matrix", options.knowledgeMatrix);
    options.knowledgeDimension = h.value("knowledge_dim", options.knowledgeDimension);
    options.topNodes = h.value("top_nodes", options.topNodes);
    options.knowledgeNodes = manifest.knowledgeGraph ? manifest.knowledgeGraph->nodeCount() : 0;
    options.labels = std::int64_t(manifest.labels.size());
    if (options.topNodes < 1 || options.knowledgeDimension < 1 || h.value("knowledge_epochs", 0) < 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "top_nodes and knowledge_dim must be at least 1, knowledge_epochs at least 0");
    }
    return options;
}

} // namespace

CknetReportModel::CknetReportModel(const Manifest& manifest) : ReportModel(manifest) {
    VisualExtractorOptions extractor;
    extractor.architecture = hyperParameter<std::string>("visual_extractor", "resnet18");
    m_network = CknetNetwork(extractor, cknetOptionsOf(this->manifest(), visualFeatureChannels(extractor.architecture)));
}

VisualFeatures CknetReportModel::extractFeatures(const torch::Tensor& images) {
    return m_network->visualExtractor->extract(images);
}

std::vector<Draft> CknetReportModel::generate(const GenerationRequest& request) {
    GenerationStages stages(request);
    stages.begin("extractor");
    const VisualFeatures features = extractFeatures(request.images);
    const TagEvidence tags = evaluateTagHead(m_network->tagHead, features);
    stages.endOrCancel();

    stages.begin("encoder");
    const EncodedVisual encoded = m_network->encode(features.patches, true);
    stages.endOrCancel();

    stages.begin("decode");
    CknetDecoderSession session(m_network, encoded.memory);
    DecodeOptions decode = request.decode;
    decode.progress = stages.progressOf("decode");
    const std::vector<DecodedSequence> sequences = beamSearch(session, decode);
    stages.end();

    const torch::Tensor patchWeights = encoded.nodeWeights.defined() ? encoded.nodeWeights.to(torch::kFloat32).to(torch::kCPU)
                                                                     : torch::Tensor(); // (B, P, N)
    const std::int64_t topNodes = m_network->options().topNodes;
    const std::int64_t gridCells = features.gridRows * features.gridCols;
    std::vector<Draft> drafts;
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        const auto item = std::int64_t(i);
        Draft draft = assembleDraft(*this, sequences[i], request.views, features.gridRows, features.gridCols,
                                    tags.probabilitiesOf(item),
                                    tags.classActivationsOf(item));
        if (patchWeights.defined()) {
            const std::vector<KnowledgeGraphNode>& nodes = manifest().knowledgeGraph->nodes;
            const torch::Tensor perPatch = patchWeights[item]; // (P, N)
            for (std::int64_t p = 0; p < perPatch.size(0); ++p) {
                PatchNodes patch;
                const std::int64_t view = p / gridCells;
                patch.view = std::size_t(view) < request.views.size() ? request.views[std::size_t(view)] : std::string();
                patch.row = int((p % gridCells) / features.gridCols);
                patch.col = int((p % gridCells) % features.gridCols);
                patch.nodes = topItems(perPatch[p], nodes, std::size_t(topNodes));
                draft.patchNodes.push_back(std::move(patch));
            }
            // Graph activation: the mean distillation weight of each node over all patches.
            const torch::Tensor activation = perPatch.mean(0);
            for (GraphNodeState& node : draft.graphNodes) node.activation = activation[node.id].item<double>();

            if (!sequences[i].tokens.empty()) {
                const torch::Tensor tokens = torch::tensor(sequences[i].tokens, torch::kInt64).view({1, -1}).to(encoded.memory.device());
                torch::Tensor tokenWeights;
                m_network->enrichWords(tokens, &tokenWeights);
                tokenWeights = tokenWeights.squeeze(0).to(torch::kFloat32).to(torch::kCPU); // (T, N)
                for (std::size_t t = 0; t < draft.tokens.size(); ++t) {
                    draft.tokens[t].graphNodes = topItems(tokenWeights[std::int64_t(t)], nodes, std::size_t(topNodes));
                }
                for (DraftSentence& sentence : draft.sentences) {
                    const torch::Tensor mean = tokenWeights.narrow(0, sentence.tokenBegin, sentence.tokenEnd - sentence.tokenBegin).mean(0);
                    sentence.support.graphNodes = topItems(mean, nodes, kSentenceNodes);
                }
            }
        }
        drafts.push_back(std::move(draft));
    }
    return drafts;
}

} // namespace raddraft::inference
