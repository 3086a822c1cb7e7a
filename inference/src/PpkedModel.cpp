#include "PpkedModel.h"

#include "GenerationStages.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <set>

namespace raddraft::inference {

const std::vector<std::string>& ppkedPaperTopics() {
    // §3.1: "we choose N_T = 20 most common (abnormality) topics or findings".
    static const std::vector<std::string> topics = {
        "cardiomegaly", "scoliosis", "fractures",  "effusion",  "thickening",       "pneumothorax",  "hernia",
        "calcinosis",   "emphysema", "pneumonia",  "edema",     "atelectasis",      "cicatrix",      "opacity",
        "lesion",       "airspace disease",        "hypoinflation", "medical device", "normal",       "other"};
    return topics;
}

nlohmann::json ppkedDefaultHyperParameters() {
    return {{"visual_extractor", "resnet18"},
            {"d_model", 256},
            {"num_heads", 8},
            {"num_layers", 2},
            {"d_ff", 512},
            {"dropout", 0.1},
            {"max_length", 60},
            {"beam_width", 3},
            {"length_penalty", 0.0},
            {"block_trigrams", false},
            {"tag_threshold", 0.5},
            {"topics", ppkedPaperTopics()},
            {"retrieval_top_k", 100},
            {"retrieval_centered", true},
            {"report_embedding_size", 128},
            {"report_encoder_epochs", 20},
            {"graph_layers", 2},
            {"use_poke", true},
            {"use_prke_graph", true},
            {"use_prke_reports", true},
            {"decoder", "transformer"},
            {"use_ada", true},
            {"graph_node_threshold", 0.2},
            {"retrieved_reports_shown", 10}};
}

void registerPpkedModel(ModelRegistry& registry) {
    registry.add({"ppked",
                  "PPKED: posterior (topic) and prior (knowledge graph, retrieved reports) knowledge explored and "
                  "distilled by adaptive attention (Liu et al. 2021)",
                  ppkedDefaultHyperParameters(),
                  [](const Manifest& manifest) { return std::make_unique<PpkedReportModel>(manifest); }});
}

namespace {

// Dropout, residual, LayerNorm after a sub-layer (the paper's basic module, §3.1).
torch::Tensor addAndNormalize(torch::nn::LayerNorm& norm, torch::nn::Dropout& dropout, const torch::Tensor& x,
                              const torch::Tensor& sublayer) {
    return norm(x + dropout(sublayer));
}

torch::nn::LayerNorm layerNorm(std::int64_t d) { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({d})); }

torch::Tensor selectRows(const torch::Tensor& tensor, const torch::Tensor& rows) {
    return tensor.defined() ? tensor.index_select(0, rows) : tensor;
}

// (N, h, T, d_k) → (N, T, h·d_k)
torch::Tensor mergeHeads(const torch::Tensor& x) {
    return x.transpose(1, 2).reshape({x.size(0), x.size(2), x.size(1) * x.size(3)});
}

} // namespace

// ---- KnowledgeAttention: FFN(MHA(X, Y)) ----------------------------------------------------

KnowledgeAttentionImpl::KnowledgeAttentionImpl(std::int64_t modelDimension, std::int64_t heads, std::int64_t hiddenDimension,
                                               double dropout) {
    m_attention = register_module("attention", MultiHeadAttention(modelDimension, heads, dropout));
    m_attentionNorm = register_module("attention_norm", layerNorm(modelDimension));
    m_feedForward = register_module("feed_forward", FeedForward(modelDimension, hiddenDimension, dropout));
    m_feedForwardNorm = register_module("feed_forward_norm", layerNorm(modelDimension));
    m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
}

torch::Tensor KnowledgeAttentionImpl::forward(const torch::Tensor& query, const torch::Tensor& keyValue, torch::Tensor* attention) {
    torch::Tensor probabilities;
    const torch::Tensor attended = m_attention->forward(query, keyValue, keyValue, {}, attention ? &probabilities : nullptr);
    if (attention != nullptr) *attention = probabilities.mean(1);
    const torch::Tensor x = addAndNormalize(m_attentionNorm, m_dropout, query, attended);
    return addAndNormalize(m_feedForwardNorm, m_dropout, x, m_feedForward(x));
}

// ---- PoKE ----------------------------------------------------------------------------------

PosteriorKnowledgeExplorerImpl::PosteriorKnowledgeExplorerImpl(std::int64_t topics, std::int64_t modelDimension,
                                                               std::int64_t heads, std::int64_t hiddenDimension, double dropout) {
    topicEmbeddings = register_parameter("topic_embeddings", torch::zeros({topics, modelDimension}));
    m_topicAttention = register_module("topic_attention", KnowledgeAttention(modelDimension, heads, hiddenDimension, dropout));
    m_imageAttention = register_module("image_attention", KnowledgeAttention(modelDimension, heads, hiddenDimension, dropout));
    m_outputNorm = register_module("output_norm", layerNorm(modelDimension));
}

torch::Tensor PosteriorKnowledgeExplorerImpl::forward(const torch::Tensor& image, const torch::Tensor& topics,
                                                      torch::Tensor* topicAttention) {
    // Eq. (4): the regions first pick their topics (queries = I), then the attended topics mine
    // the regions (queries = T̂); the paper reports that the reverse order is worse.
    const torch::Tensor bag = topics.unsqueeze(0).expand({image.size(0), topics.size(0), topics.size(1)});
    const torch::Tensor attendedTopics = m_topicAttention(image, bag, topicAttention); // T̂ (B, P, d)
    const torch::Tensor topicImage = m_imageAttention(attendedTopics, image);          // Î (B, P, d)
    return m_outputNorm(topicImage + attendedTopics);                                  // Eq. (5)
}

// ---- report encoder ------------------------------------------------------------------------

ReportEncoderImpl::ReportEncoderImpl(std::int64_t vocabularySize, std::int64_t size) {
    m_embedding = register_module("embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(vocabularySize, size).padding_idx(0)));
    m_convolution = register_module("convolution", torch::nn::Conv1d(torch::nn::Conv1dOptions(size, size, 3).padding(1)));
}

torch::Tensor ReportEncoderImpl::forward(const torch::Tensor& tokens) {
    torch::Tensor ids = tokens;
    if (ids.size(1) == 0) ids = torch::zeros({tokens.size(0), 1}, tokens.options());
    const torch::Tensor features = torch::relu(m_convolution(m_embedding(ids).transpose(1, 2))); // (N, E, L)
    // Max over the report's own tokens; the features are ≥ 0, so zeroing the padding leaves the
    // maximum unchanged and gives zeros for an empty report.
    return features.masked_fill(ids.eq(0).unsqueeze(1), 0.0).amax(2);
}

// ---- G_Pr ------------------------------------------------------------------------------------

PriorMedicalKnowledgeImpl::PriorMedicalKnowledgeImpl(const KnowledgeGraph& graph, std::int64_t modelDimension, std::int64_t layers) {
    const std::int64_t nodes = graph.nodeCount();
    m_nodeEmbeddings = register_parameter("node_embeddings", torch::zeros({nodes, modelDimension}));
    m_nodeQueries = register_parameter("node_queries", torch::zeros({nodes, modelDimension}));
    m_layers = register_module("layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < layers; ++i) {
        m_convolutions.push_back(GraphConvolution(modelDimension, std::max<std::int64_t>(1, modelDimension / 4)));
        m_layers->push_back(m_convolutions.back());
    }
    std::tie(m_forwardAdjacency, m_backwardAdjacency) = graphAdjacencies(graph);
}

torch::Tensor PriorMedicalKnowledgeImpl::forward(const torch::Tensor& image) {
    const double scale = 1.0 / std::sqrt(double(image.size(2)));
    const torch::Tensor scores = torch::matmul(m_nodeQueries, image.transpose(1, 2)) * scale; // (B, N, P)
    const torch::Tensor weights = torch::softmax(scores, -1, torch::kFloat32).to(image.scalar_type());
    torch::Tensor states = (torch::matmul(weights, image) + m_nodeEmbeddings).transpose(1, 2); // (B, d, N)
    const torch::Tensor forwardAdjacency = m_forwardAdjacency.to(image.device(), image.scalar_type());
    const torch::Tensor backwardAdjacency = m_backwardAdjacency.to(image.device(), image.scalar_type());
    for (GraphConvolution& layer : m_convolutions) states = layer(states, forwardAdjacency, backwardAdjacency);
    return states.transpose(1, 2);
}

// ---- ADA ---------------------------------------------------------------------------------------

DistillingMemory DistillingMemory::indexSelect(const torch::Tensor& rows) const {
    return {selectRows(imageKeys, rows),   selectRows(imageValues, rows),  selectRows(graphKeys, rows),
            selectRows(graphValues, rows), selectRows(reportKeys, rows),   selectRows(reportValues, rows),
            selectRows(gate, rows)};
}

AdaptiveDistillingAttentionImpl::AdaptiveDistillingAttentionImpl(std::int64_t modelDimension, std::int64_t heads, double dropout,
                                                                 bool adaptive, bool withGraph, bool withReports)
    : m_adaptive(adaptive) {
    m_attention = register_module("attention", MultiHeadAttention(modelDimension, heads, dropout));
    m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
    if (adaptive) {
        // Eq. (12): W_h, W_I, W_G, W_W ∈ R^{d×2}; one bias for the sum (on W_h).
        const auto gate = [&](bool bias) { return torch::nn::Linear(torch::nn::LinearOptions(modelDimension, 2).bias(bias)); };
        m_gateState = register_module("gate_state", gate(true));
        m_gateImage = register_module("gate_image", gate(false));
        if (withGraph) m_gateGraph = register_module("gate_graph", gate(false));
        if (withReports) m_gateReports = register_module("gate_reports", gate(false));
    }
}

DistillingMemory AdaptiveDistillingAttentionImpl::remember(const PpkedKnowledge& knowledge) {
    MultiHeadAttentionImpl& attention = *m_attention;
    DistillingMemory memory;
    memory.imageKeys = attention.splitHeads(attention.key(knowledge.image));
    memory.imageValues = attention.splitHeads(attention.value(knowledge.image));
    const auto withoutBias = [&](const torch::Tensor& x, const torch::nn::Linear& linear) {
        return attention.splitHeads(torch::matmul(x, linear->weight.t()));
    };
    if (knowledge.graph.defined()) {
        memory.graphKeys = withoutBias(knowledge.graph, attention.key);
        memory.graphValues = withoutBias(knowledge.graph, attention.value);
    }
    if (knowledge.reports.defined()) {
        memory.reportKeys = withoutBias(knowledge.reports, attention.key);
        memory.reportValues = withoutBias(knowledge.reports, attention.value);
    }
    if (m_adaptive) {
        memory.gate = m_gateImage(knowledge.image);
        if (knowledge.graph.defined() && !m_gateGraph.is_empty()) memory.gate = memory.gate + m_gateGraph(knowledge.graph);
        if (knowledge.reports.defined() && !m_gateReports.is_empty()) memory.gate = memory.gate + m_gateReports(knowledge.reports);
    }
    return memory;
}

torch::Tensor AdaptiveDistillingAttentionImpl::forward(const torch::Tensor& h, const DistillingMemory& memory, DistillingTrace* trace) {
    MultiHeadAttentionImpl& attention = *m_attention;
    const torch::Tensor queries = attention.splitHeads(attention.query(h)); // (N, h, T, d_k)
    const double scale = 1.0 / std::sqrt(double(queries.size(-1)));
    const auto scores = [&](const torch::Tensor& keys) { return torch::matmul(queries, keys.transpose(-2, -1)) * scale; };

    // λ per (token, region): h_t W_h (N, T, 1, 2) ⊕ the knowledge term (N, 1, P, 2).
    torch::Tensor lambdas, lambdaGraph, lambdaReports; // (N, T, P, 2); (N, 1, T, P) each
    if (m_adaptive) {
        lambdas = torch::sigmoid(m_gateState(h).unsqueeze(2) + memory.gate.unsqueeze(1));
        lambdaGraph = lambdas.select(-1, 0).unsqueeze(1);
        lambdaReports = lambdas.select(-1, 1).unsqueeze(1);
    }
    const auto weighted = [&](const torch::Tensor& x, const torch::Tensor& lambda) { return lambda.defined() ? x * lambda : x; };
    torch::Tensor logits = scores(memory.imageKeys);
    if (memory.graphKeys.defined()) logits = logits + weighted(scores(memory.graphKeys), lambdaGraph);
    if (memory.reportKeys.defined()) logits = logits + weighted(scores(memory.reportKeys), lambdaReports);
    const torch::Tensor probabilities = torch::softmax(logits, -1, torch::kFloat32); // (N, h, T, P)
    if (trace != nullptr) {
        trace->attention = probabilities.mean(1);
        trace->lambdas = lambdas.defined() ? lambdas.to(torch::kFloat32) : torch::Tensor();
    }
    const torch::Tensor weights = m_dropout(probabilities.to(queries.scalar_type()));
    torch::Tensor context = torch::matmul(weights, memory.imageValues);
    if (memory.graphValues.defined()) context = context + torch::matmul(weighted(weights, lambdaGraph), memory.graphValues);
    if (memory.reportValues.defined()) context = context + torch::matmul(weighted(weights, lambdaReports), memory.reportValues);
    return attention.output(mergeHeads(context));
}

// ---- MKD ---------------------------------------------------------------------------------------

MkdLayerImpl::MkdLayerImpl(const PpkedOptions& options, bool withGraph, bool withReports) {
    const std::int64_t d = options.modelDimension;
    m_selfAttention = register_module("self_attention", MultiHeadAttention(d, options.heads, options.dropout));
    m_selfNorm = register_module("self_norm", layerNorm(d));
    distilling = register_module("distilling",
                                 AdaptiveDistillingAttention(d, options.heads, options.dropout, options.useAda, withGraph, withReports));
    m_distillingNorm = register_module("distilling_norm", layerNorm(d));
    m_feedForward = register_module("feed_forward", FeedForward(d, options.feedForwardDimension, options.dropout));
    m_feedForwardNorm = register_module("feed_forward_norm", layerNorm(d));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout));
}

torch::Tensor MkdLayerImpl::finish(const torch::Tensor& x, const DistillingMemory& memory, DistillingTrace* trace) {
    const torch::Tensor distilled = addAndNormalize(m_distillingNorm, m_dropout, x, distilling(x, memory, trace)); // Eq. (9)
    return addAndNormalize(m_feedForwardNorm, m_dropout, distilled, m_feedForward(distilled));                   // Eq. (10)
}

torch::Tensor MkdLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& selfMask, const DistillingMemory& memory,
                                    DistillingTrace* trace) {
    const torch::Tensor h = addAndNormalize(m_selfNorm, m_dropout, x, m_selfAttention(x, x, x, selfMask)); // Eq. (8)
    return finish(h, memory, trace);
}

torch::Tensor MkdLayerImpl::step(const torch::Tensor& x, torch::Tensor& keys, torch::Tensor& values, const DistillingMemory& memory,
                                 DistillingTrace* trace) {
    MultiHeadAttentionImpl& self = *m_selfAttention;
    const torch::Tensor newKeys = self.splitHeads(self.key(x));
    const torch::Tensor newValues = self.splitHeads(self.value(x));
    keys = keys.defined() ? torch::cat({keys, newKeys}, 2) : newKeys;
    values = values.defined() ? torch::cat({values, newValues}, 2) : newValues;
    const torch::Tensor context = self.attend(self.splitHeads(self.query(x)), keys, values, {}, nullptr);
    const torch::Tensor h = addAndNormalize(m_selfNorm, m_dropout, x, self.output(context));
    return finish(h, memory, trace);
}

MkdLstmImpl::State MkdLstmImpl::State::indexSelect(const torch::Tensor& rows) const {
    return {selectRows(hidden, rows), selectRows(cell, rows), selectRows(context, rows)};
}

MkdLstmImpl::MkdLstmImpl(const PpkedOptions& options, bool withGraph, bool withReports) {
    const std::int64_t d = options.modelDimension;
    m_cell = register_module("cell", torch::nn::LSTMCell(2 * d, d));
    m_initialState = register_module("initial_state", torch::nn::Linear(d, 2 * d));
    distilling = register_module("distilling",
                                 AdaptiveDistillingAttention(d, options.heads, options.dropout, options.useAda, withGraph, withReports));
    m_distillingNorm = register_module("distilling_norm", layerNorm(d));
    m_feedForward = register_module("feed_forward", FeedForward(d, options.feedForwardDimension, options.dropout));
    m_feedForwardNorm = register_module("feed_forward_norm", layerNorm(d));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout));
}

MkdLstmImpl::State MkdLstmImpl::initialState(const torch::Tensor& image) {
    const torch::Tensor both = torch::tanh(m_initialState(image.mean(1)));
    const std::int64_t d = both.size(1) / 2;
    return {both.narrow(1, 0, d).contiguous(), both.narrow(1, d, d).contiguous(), torch::zeros_like(both.narrow(1, 0, d))};
}

torch::Tensor MkdLstmImpl::step(const torch::Tensor& x, State& state, const DistillingMemory& memory, DistillingTrace* trace) {
    auto [hidden, cell] = m_cell(torch::cat({x, state.context}, 1), std::make_tuple(state.hidden, state.cell));
    const torch::Tensor query = hidden.unsqueeze(1);
    const torch::Tensor distilled = addAndNormalize(m_distillingNorm, m_dropout, query, distilling(query, memory, trace));
    const torch::Tensor output = addAndNormalize(m_feedForwardNorm, m_dropout, distilled, m_feedForward(distilled));
    state = {hidden, cell, distilled.squeeze(1)};
    return output.squeeze(1);
}

// ---- the network -----------------------------------------------------------------------------

PpkedNetworkImpl::PpkedNetworkImpl(const PpkedOptions& options) : m_options(options) {
    const std::int64_t d = options.modelDimension;
    if (d <= 0 || options.layers <= 0 || options.feedForwardDimension <= 0 || options.vocabularySize <= 1 ||
        options.dropout < 0.0 || options.dropout >= 1.0 || options.retrievalTopK < 1 || options.reportEmbeddingSize < 1 ||
        options.corpusSize < 0 || options.graphLayers < 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "invalid ppked options");
    }
    m_inputFeatures = visualFeatureChannels(options.extractor.architecture);
    visualExtractor = register_module("visual_extractor", VisualExtractor(options.extractor));
    if (options.labels > 0) tagHead = register_module("tag_head", TagHead(TagHeadOptions{m_inputFeatures, options.labels, 0.0}));
    imageProjection = register_module("image_projection", torch::nn::Sequential(torch::nn::Linear(m_inputFeatures, d), torch::nn::ReLU(),
                                                                                torch::nn::Dropout(options.dropout)));
    wordEmbedding = register_module("word_embedding", torch::nn::Embedding(options.vocabularySize, d));
    embeddingDropout = register_module("embedding_dropout", torch::nn::Dropout(options.dropout));

    const auto topicCount = std::int64_t(options.topicWords.size());
    if (options.usePoke && topicCount > 0) {
        poke = register_module("poke", PosteriorKnowledgeExplorer(topicCount, d, options.heads, options.feedForwardDimension, options.dropout));
        // t_i is "the word embedding of the i-th topic" (§3.1): the mean embedding of its words
        // (shared with the decoder's) plus a learned vector (alone for words the vocabulary lacks).
        m_topicWordMatrix = torch::zeros({topicCount, options.vocabularySize});
        for (std::int64_t topic = 0; topic < topicCount; ++topic) {
            const auto& words = options.topicWords[std::size_t(topic)];
            for (std::int64_t id : words) m_topicWordMatrix[topic][id] += 1.0 / double(words.size());
        }
    }
    const bool withGraph = options.useGraph && options.graph && options.graph->nodeCount() > 0;
    const bool withReports = options.useReports;
    if (withReports) {
        reportEncoder = register_module("report_encoder", ReportEncoder(options.vocabularySize, options.reportEmbeddingSize));
        reportProjection = register_module("report_projection", torch::nn::Linear(options.reportEmbeddingSize, d));
        reportAttention = register_module("report_attention", KnowledgeAttention(d, options.heads, options.feedForwardDimension, options.dropout));
        m_retrievalImageEmbeddings = register_buffer("retrieval_image_embeddings", torch::zeros({options.corpusSize, m_inputFeatures}));
        m_retrievalReportEmbeddings =
            register_buffer("retrieval_report_embeddings", torch::zeros({options.corpusSize, options.reportEmbeddingSize}));
    }
    if (withGraph) {
        graphEmbedding = register_module("graph_embedding", PriorMedicalKnowledge(*options.graph, d, options.graphLayers));
        graphAttention = register_module("graph_attention", KnowledgeAttention(d, options.heads, options.feedForwardDimension, options.dropout));
    }
    if (options.lstmDecoder) {
        mkdLstm = register_module("mkd_lstm", MkdLstm(options, withGraph, withReports));
    } else {
        m_mkdLayerList = register_module("mkd_layers", torch::nn::ModuleList());
        for (std::int64_t i = 0; i < options.layers; ++i) {
            mkdLayers.push_back(MkdLayer(options, withGraph, withReports));
            m_mkdLayerList->push_back(mkdLayers.back());
        }
    }
    logit = register_module("logit", torch::nn::Linear(d, options.vocabularySize));

    // Xavier-uniform for every matrix of the PPKED part, as the transformer; the extractor and
    // the tag head keep their own initialisation (and are usually copied from a baseline).
    torch::NoGradGuard noGrad;
    for (auto& item : named_parameters()) {
        const std::string& name = item.key();
        if (name.rfind("visual_extractor.", 0) == 0 || name.rfind("tag_head.", 0) == 0) continue;
        if (item.value().dim() > 1) torch::nn::init::xavier_uniform_(item.value());
    }
    if (withReports) named_parameters()["report_encoder.embedding.weight"][0].zero_(); // padding row
    // ADA's gates start closed to nothing and open to nothing: λ1 = λ2 = 0.5 for every token and
    // region, so the prior knowledge enters half-weighted and the gates learn from there.
    for (auto& item : named_parameters()) {
        if (item.key().find(".distilling.gate_") != std::string::npos) item.value().zero_();
    }
}

torch::Tensor PpkedNetworkImpl::topics() {
    const torch::Tensor& embeddings = wordEmbedding->weight;
    return poke->topicEmbeddings + torch::matmul(m_topicWordMatrix.to(embeddings.device(), embeddings.scalar_type()), embeddings);
}

torch::Tensor PpkedNetworkImpl::embedTokens(const torch::Tensor& tokens, std::int64_t firstPosition) {
    const std::int64_t d = m_options.modelDimension;
    torch::Tensor x = wordEmbedding(tokens);
    if (mkdLstm.is_empty()) x = x * std::sqrt(double(d)) + sinusoidPositionTable(firstPosition, tokens.size(1), d).to(x.options());
    return embeddingDropout(x);
}

void PpkedNetworkImpl::resizeRetrievalIndex(std::int64_t rows) {
    if (!usesReports()) return;
    torch::NoGradGuard noGrad;
    m_retrievalImageEmbeddings.resize_({rows, m_inputFeatures}).zero_();
    m_retrievalReportEmbeddings.resize_({rows, m_options.reportEmbeddingSize}).zero_();
}

void PpkedNetworkImpl::setRetrievalIndex(const torch::Tensor& imageEmbeddings, const torch::Tensor& reportEmbeddings) {
    if (!usesReports()) throw InferenceError(ErrorCode::InvalidArgument, "this ppked model retrieves no reports (use_prke_reports is false)");
    if (!imageEmbeddings.sizes().equals(m_retrievalImageEmbeddings.sizes()) ||
        !reportEmbeddings.sizes().equals(m_retrievalReportEmbeddings.sizes())) {
        throw InferenceError(ErrorCode::InvalidArgument,
                             "retrieval index of shapes " + c10::str(imageEmbeddings.sizes()) + " and " + c10::str(reportEmbeddings.sizes()) +
                                 " does not fit the model's " + c10::str(m_retrievalImageEmbeddings.sizes()) + " and " +
                                 c10::str(m_retrievalReportEmbeddings.sizes()) + " (set the corpus first)");
    }
    torch::NoGradGuard noGrad;
    m_retrievalImageEmbeddings.copy_(imageEmbeddings);
    m_retrievalReportEmbeddings.copy_(reportEmbeddings);
}

PpkedNetworkImpl::Retrieval PpkedNetworkImpl::retrieve(const torch::Tensor& pooled, const torch::Tensor& excludedRows) const {
    const std::int64_t batch = pooled.size(0);
    const std::int64_t corpus = usesReports() ? corpusSize() : 0;
    const bool excluding = excludedRows.defined() && excludedRows.ge(0).any().item<bool>();
    const std::int64_t k = std::min(m_options.retrievalTopK, corpus - (excluding ? 1 : 0));
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).device(pooled.device());
    if (k <= 0) return {torch::empty({batch, 0}, longOptions), torch::empty({batch, 0}, longOptions.dtype(torch::kFloat32))};
    namespace F = torch::nn::functional;
    const auto unit = F::NormalizeFuncOptions().dim(1).eps(1e-12);
    torch::Tensor queries = pooled.to(torch::kFloat32);
    torch::Tensor index = m_retrievalImageEmbeddings.to(pooled.device(), torch::kFloat32);
    if (m_options.centeredRetrieval) {
        // Pooled ReLU features share a large common component that crowds cosines toward 1;
        // without it the cosine compares what sets a study apart from the average study.
        const torch::Tensor mean = index.mean(0, true);
        queries = queries - mean;
        index = index - mean;
    }
    torch::Tensor similarity = torch::matmul(F::normalize(queries, unit), F::normalize(index, unit).t()); // (B, N) cosine
    if (excluding) {
        const torch::Tensor rows = excludedRows.to(pooled.device(), torch::kInt64).view({batch, 1});
        const torch::Tensor excluded =
            torch::zeros_like(similarity, torch::kBool).scatter_(1, rows.clamp_min(0), rows.ge(0));
        similarity = similarity.masked_fill(excluded, -std::numeric_limits<float>::infinity());
    }
    auto [scores, rows] = similarity.topk(k, 1, true, true);
    return {rows, scores};
}

PpkedKnowledge PpkedNetworkImpl::explore(const VisualFeatures& features, const torch::Tensor& excludedRows) {
    PpkedKnowledge knowledge;
    const torch::Tensor image = imageProjection->forward(features.patches); // I
    knowledge.image = poke.is_empty() ? image : poke(image, topics(), &knowledge.topicAttention);
    if (usesGraph()) knowledge.graph = graphAttention(knowledge.image, graphEmbedding(image), &knowledge.graphAttention);
    if (usesReports()) {
        const Retrieval retrieval = retrieve(features.pooled, excludedRows);
        knowledge.retrievedRows = retrieval.rows;
        knowledge.retrievedScores = retrieval.scores;
        if (retrieval.rows.size(1) > 0) {
            const torch::Tensor embeddings = m_retrievalReportEmbeddings.index_select(0, retrieval.rows.reshape({-1}))
                                                 .view({retrieval.rows.size(0), retrieval.rows.size(1), -1})
                                                 .to(image.scalar_type());
            knowledge.reports = reportAttention(knowledge.image, reportProjection(embeddings), &knowledge.reportAttention);
        }
    }
    return knowledge;
}

std::vector<DistillingMemory> PpkedNetworkImpl::remember(const PpkedKnowledge& knowledge) {
    std::vector<DistillingMemory> memories;
    if (!mkdLstm.is_empty()) {
        memories.push_back(mkdLstm->distilling->remember(knowledge));
    } else {
        for (MkdLayer& layer : mkdLayers) memories.push_back(layer->distilling->remember(knowledge));
    }
    return memories;
}

torch::Tensor PpkedNetworkImpl::decodeAll(const PpkedKnowledge& knowledge, const torch::Tensor& tokens, const torch::Tensor& tokenMask,
                                          MkdTrace* trace) {
    const std::vector<DistillingMemory> memories = remember(knowledge);
    const std::int64_t length = tokens.size(1);
    std::vector<torch::Tensor> attention, lambdas; // per layer (N, T, P) / (N, T, P, 2)
    torch::Tensor output;
    if (!mkdLstm.is_empty()) {
        MkdLstmImpl::State state = mkdLstm->initialState(knowledge.image);
        const torch::Tensor embedded = embedTokens(tokens, 0);
        std::vector<torch::Tensor> outputs, stepAttention, stepLambdas;
        for (std::int64_t t = 0; t < length; ++t) {
            DistillingTrace stepTrace;
            outputs.push_back(mkdLstm->step(embedded.select(1, t), state, memories.front(), trace ? &stepTrace : nullptr));
            if (trace != nullptr) {
                stepAttention.push_back(stepTrace.attention);
                if (stepTrace.lambdas.defined()) stepLambdas.push_back(stepTrace.lambdas);
            }
        }
        output = length > 0 ? torch::stack(outputs, 1) : embedded;
        if (trace != nullptr && length > 0) {
            attention.push_back(torch::cat(stepAttention, 1));
            if (!stepLambdas.empty()) lambdas.push_back(torch::cat(stepLambdas, 1));
        }
    } else {
        torch::Tensor mask = torch::ones({length, length}, torch::TensorOptions().dtype(torch::kBool).device(tokens.device()))
                                 .tril()
                                 .view({1, 1, length, length});
        if (tokenMask.defined()) mask = mask & tokenMask.view({tokenMask.size(0), 1, 1, length});
        output = embedTokens(tokens, 0);
        for (std::size_t i = 0; i < mkdLayers.size(); ++i) {
            DistillingTrace layerTrace;
            output = mkdLayers[i]->forward(output, mask, memories[i], trace ? &layerTrace : nullptr);
            if (trace != nullptr) {
                attention.push_back(layerTrace.attention);
                if (layerTrace.lambdas.defined()) lambdas.push_back(layerTrace.lambdas);
            }
        }
    }
    if (trace != nullptr) {
        trace->attention = attention.empty() ? torch::Tensor() : torch::stack(attention, 2);
        trace->lambdas = lambdas.empty() ? torch::Tensor() : torch::stack(lambdas, 2);
    }
    return logit(output);
}

// ---- incremental decoding --------------------------------------------------------------------

PpkedDecoderSession::PpkedDecoderSession(PpkedNetwork network, PpkedKnowledge knowledge)
    : m_network(std::move(network)), m_knowledge(std::move(knowledge)) {}

void PpkedDecoderSession::start(std::int64_t beamWidth, std::int64_t) {
    const torch::Tensor rows =
        torch::arange(batchSize(), torch::TensorOptions().dtype(torch::kInt64).device(device())).repeat_interleave(beamWidth);
    m_memories.clear();
    for (const DistillingMemory& memory : m_network->remember(m_knowledge)) m_memories.push_back(memory.indexSelect(rows));
    m_keys.assign(m_network->mkdLayers.size(), torch::Tensor());
    m_values.assign(m_network->mkdLayers.size(), torch::Tensor());
    if (!m_network->mkdLstm.is_empty()) m_state = m_network->mkdLstm->initialState(m_knowledge.image).indexSelect(rows);
    m_length = 0;
}

torch::Tensor PpkedDecoderSession::step(const torch::Tensor& lastTokens, torch::Tensor* crossAttention) {
    std::vector<torch::Tensor> attention;
    torch::Tensor output;
    if (!m_network->mkdLstm.is_empty()) {
        DistillingTrace trace;
        const torch::Tensor x = m_network->embedTokens(lastTokens.view({-1, 1}), m_length).select(1, 0);
        output = m_network->mkdLstm->step(x, m_state, m_memories.front(), crossAttention ? &trace : nullptr);
        if (crossAttention != nullptr) attention.push_back(trace.attention.select(1, 0));
    } else {
        output = m_network->embedTokens(lastTokens.view({-1, 1}), m_length);
        for (std::size_t i = 0; i < m_network->mkdLayers.size(); ++i) {
            DistillingTrace trace;
            output = m_network->mkdLayers[i]->step(output, m_keys[i], m_values[i], m_memories[i], crossAttention ? &trace : nullptr);
            if (crossAttention != nullptr) attention.push_back(trace.attention.select(1, 0));
        }
        output = output.select(1, 0);
    }
    ++m_length;
    if (crossAttention != nullptr) *crossAttention = torch::stack(attention, 1); // (N, L, P)
    return m_network->logit(output);
}

void PpkedDecoderSession::reorder(const torch::Tensor& rows) {
    // Beams move only within their input, whose rows share one memory: only the prefix state moves.
    for (torch::Tensor& keys : m_keys) keys = selectRows(keys, rows);
    for (torch::Tensor& values : m_values) values = selectRows(values, rows);
    if (!m_network->mkdLstm.is_empty()) m_state = m_state.indexSelect(rows);
}

// ---- the model type --------------------------------------------------------------------------

namespace {

template <typename T>
T readHyperParameter(const nlohmann::json& hyperParameters, const std::string& key) {
    try {
        return hyperParameters.at(key).get<T>();
    } catch (const nlohmann::json::exception& error) {
        throw InferenceError(ErrorCode::InvalidArgument, "ppked hyper-parameter '" + key + "' has the wrong type: " + error.what());
    }
}

// The vocabulary ids of a topic name's words; a word the vocabulary lacks is tried without and
// with a plural "s" ("fractures" → "fracture"), then skipped.
std::vector<std::int64_t> topicWordIds(const std::string& topic, const Vocabulary& vocabulary) {
    const std::vector<std::string>& tokens = vocabulary.tokens();
    const auto known = [&](const std::string& word) {
        return word != Vocabulary::kUnknownToken && std::binary_search(tokens.begin(), tokens.end(), word);
    };
    std::string lower = topic;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    std::vector<std::int64_t> ids;
    for (const std::string& word : splitTokens(lower)) {
        std::vector<std::string> candidates{word, word + "s"};
        if (word.size() > 1 && word.back() == 's') candidates.insert(candidates.begin() + 1, word.substr(0, word.size() - 1));
        for (const std::string& candidate : candidates) {
            if (known(candidate)) {
                ids.push_back(vocabulary.idOf(candidate));
                break;
            }
        }
    }
    return ids;
}

PpkedOptions ppkedOptionsOf(const Manifest& manifest, const Vocabulary& vocabulary) {
    const nlohmann::json& h = manifest.hyperParameters;
    PpkedOptions options;
    options.extractor.architecture = readHyperParameter<std::string>(h, "visual_extractor");
    options.vocabularySize = vocabulary.size() + 1;
    options.modelDimension = readHyperParameter<std::int64_t>(h, "d_model");
    options.heads = readHyperParameter<std::int64_t>(h, "num_heads");
    options.layers = readHyperParameter<std::int64_t>(h, "num_layers");
    options.feedForwardDimension = readHyperParameter<std::int64_t>(h, "d_ff");
    options.dropout = readHyperParameter<double>(h, "dropout");
    options.labels = std::int64_t(manifest.labels.size());
    for (const std::string& topic : readHyperParameter<std::vector<std::string>>(h, "topics")) {
        options.topicWords.push_back(topicWordIds(topic, vocabulary));
    }
    options.retrievalTopK = readHyperParameter<std::int64_t>(h, "retrieval_top_k");
    options.centeredRetrieval = readHyperParameter<bool>(h, "retrieval_centered");
    options.reportEmbeddingSize = readHyperParameter<std::int64_t>(h, "report_embedding_size");
    options.corpusSize = std::int64_t(manifest.corpus.size());
    options.graphLayers = readHyperParameter<std::int64_t>(h, "graph_layers");
    options.graph = manifest.knowledgeGraph;
    options.usePoke = readHyperParameter<bool>(h, "use_poke");
    options.useGraph = readHyperParameter<bool>(h, "use_prke_graph");
    options.useReports = readHyperParameter<bool>(h, "use_prke_reports");
    options.useAda = readHyperParameter<bool>(h, "use_ada");
    const std::string decoder = readHyperParameter<std::string>(h, "decoder");
    if (decoder != "transformer" && decoder != "lstm") {
        throw InferenceError(ErrorCode::InvalidArgument, "ppked hyper-parameter 'decoder' must be \"transformer\" or \"lstm\", not '" + decoder + "'");
    }
    options.lstmDecoder = decoder == "lstm";
    readHyperParameter<std::int64_t>(h, "report_encoder_epochs"); // type check (the trainer reads it)
    readHyperParameter<double>(h, "graph_node_threshold");
    readHyperParameter<std::int64_t>(h, "retrieved_reports_shown");
    return options;
}

Heatmap heatmapOf(const torch::Tensor& values, const std::string& view, std::int64_t rows, std::int64_t cols) {
    Heatmap heatmap{view, int(rows), int(cols), {}};
    const torch::Tensor contiguous = values.contiguous().to(torch::kFloat32);
    heatmap.values.assign(contiguous.data_ptr<float>(), contiguous.data_ptr<float>() + contiguous.numel());
    return heatmap;
}

std::vector<Heatmap> splitViews(const torch::Tensor& patches, const std::vector<std::string>& views, std::int64_t rows, std::int64_t cols) {
    std::vector<Heatmap> heatmaps;
    for (std::size_t v = 0; v < views.size(); ++v) {
        heatmaps.push_back(heatmapOf(patches.narrow(0, std::int64_t(v) * rows * cols, rows * cols), views[v], rows, cols));
    }
    return heatmaps;
}

PpkedKnowledge knowledgeOf(const PpkedKnowledge& knowledge, std::int64_t input) {
    const auto one = [&](const torch::Tensor& tensor) { return tensor.defined() ? tensor.narrow(0, input, 1) : tensor; };
    return {one(knowledge.image),           one(knowledge.graph),           one(knowledge.reports),
            one(knowledge.topicAttention),  one(knowledge.graphAttention),  one(knowledge.reportAttention),
            one(knowledge.retrievedRows),   one(knowledge.retrievedScores)};
}

// What explains one draft beyond assembleDraft's shared part: the evidence of PoKE, PrKE and ADA.
struct Explanation {
    torch::Tensor topicAttention;  // (P, N_T) float CPU or undefined
    torch::Tensor retrievedRows;   // (K) int64 CPU or undefined
    torch::Tensor retrievedScores; // (K)
    torch::Tensor lambdas;         // (T, 2): per token, mean over layers and regions; undefined without ADA
    torch::Tensor reportFlow;      // (T, K): attention of each token on each retrieved report
    torch::Tensor graphFlow;       // (T, N_nodes)
    bool withGraph = false, withReports = false;
};

void addExplanations(Draft& draft, const Explanation& explanation, const Manifest& manifest, const std::vector<std::string>& topicNames,
                     const std::vector<std::string>& views, std::int64_t gridRows, std::int64_t gridCols) {
    // PoKE: each topic's attention over the regions, normalised to a distribution over all views;
    // its weight is its share of the regions' attention (the weights sum to 1).
    if (explanation.topicAttention.defined()) {
        for (std::int64_t topic = 0; topic < explanation.topicAttention.size(1); ++topic) {
            const torch::Tensor column = explanation.topicAttention.select(1, topic);
            const double mass = column.sum().item<double>();
            NamedHeatmaps maps{topicNames[std::size_t(topic)], column.mean().item<double>(), {}};
            if (mass > 0.0) maps.heatmaps = splitViews(column / mass, views, gridRows, gridCols);
            draft.topicMaps.push_back(std::move(maps));
        }
    }

    const double graphThreshold = manifest.hyperParameters.value("graph_node_threshold", 0.2);
    std::set<std::int64_t> referenced; // retrieved-list positions a sentence points to
    for (DraftSentence& sentence : draft.sentences) {
        const std::int64_t begin = sentence.tokenBegin;
        const std::int64_t count = sentence.tokenEnd - sentence.tokenBegin;
        if (count <= 0) continue;
        if (explanation.lambdas.defined()) {
            const torch::Tensor mean = explanation.lambdas.narrow(0, begin, count).mean(0);
            if (explanation.withGraph) sentence.support.values["lambda1"] = mean[0].item<double>();
            if (explanation.withReports) sentence.support.values["lambda2"] = mean[1].item<double>();
        }
        if (explanation.graphFlow.defined() && manifest.knowledgeGraph) {
            const torch::Tensor flow = explanation.graphFlow.narrow(0, begin, count).mean(0);
            for (std::int64_t node = 0; node < flow.size(0); ++node) {
                const double weight = flow[node].item<double>();
                if (weight > graphThreshold) sentence.support.graphNodes.push_back({manifest.knowledgeGraph->nodes[std::size_t(node)].name, weight});
            }
            std::sort(sentence.support.graphNodes.begin(), sentence.support.graphNodes.end(),
                      [](const WeightedItem& a, const WeightedItem& b) { return a.weight > b.weight; });
        }
        if (explanation.reportFlow.defined() && explanation.reportFlow.size(1) > 0) {
            const torch::Tensor flow = explanation.reportFlow.narrow(0, begin, count).mean(0);
            auto [weights, positions] = flow.topk(std::min<std::int64_t>(3, flow.size(0)));
            for (std::int64_t i = 0; i < weights.size(0); ++i) {
                const std::int64_t position = positions[i].item<std::int64_t>();
                const std::int64_t row = explanation.retrievedRows[position].item<std::int64_t>();
                sentence.support.reports.push_back({manifest.corpus[std::size_t(row)].id, weights[i].item<double>()});
                referenced.insert(position);
            }
        }
    }

    // The retrieved reports: the most similar ones and every one a sentence points to, by cosine.
    if (explanation.retrievedRows.defined()) {
        const auto shown = manifest.hyperParameters.value("retrieved_reports_shown", std::int64_t(10));
        for (std::int64_t position = 0; position < explanation.retrievedRows.size(0); ++position) {
            if (position >= shown && referenced.count(position) == 0) continue;
            const std::int64_t row = explanation.retrievedRows[position].item<std::int64_t>();
            const CorpusEntry& entry = manifest.corpus[std::size_t(row)];
            draft.retrievedReports.push_back({entry.id, entry.text, explanation.retrievedScores[position].item<double>()});
        }
    }
}

} // namespace

PpkedReportModel::PpkedReportModel(const Manifest& manifest) : ReportModel(manifest) {
    m_network = PpkedNetwork(ppkedOptionsOf(this->manifest(), vocabulary()));
}

void PpkedReportModel::corpusChanged() { m_network->resizeRetrievalIndex(std::int64_t(manifest().corpus.size())); }

VisualFeatures PpkedReportModel::extractFeatures(const torch::Tensor& images) { return m_network->visualExtractor->extract(images); }

std::vector<Draft> PpkedReportModel::generate(const GenerationRequest& request) {
    GenerationStages stages(request);
    stages.begin("extractor");
    const VisualFeatures features = extractFeatures(request.images);
    const TagEvidence tags = evaluateTagHead(m_network->tagHead, features);
    stages.endOrCancel();

    stages.begin("encoder"); // PoKE and PrKE (retrieval included)
    const PpkedKnowledge knowledge = m_network->explore(features);
    stages.endOrCancel();

    stages.begin("decode");
    PpkedDecoderSession session(m_network, knowledge);
    DecodeOptions decode = request.decode;
    decode.collectCrossAttention = false; // the explanation pass below recomputes it with λ
    decode.progress = stages.progressOf("decode");
    std::vector<DecodedSequence> sequences = beamSearch(session, decode);
    stages.end();

    // Evidence of the chosen sequences: one teacher-forced pass over each (the same arithmetic
    // as the incremental steps), which yields ADA's attention and λ per token and layer.
    request.clock->begin("explanations"); // timed, not a progress stage of its own
    std::vector<std::string> topicNames = hyperParameter<std::vector<std::string>>("topics", {});
    std::vector<Draft> drafts;
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        const auto input = std::int64_t(i);
        DecodedSequence& sequence = sequences[i];
        const PpkedKnowledge own = knowledgeOf(knowledge, input);
        Explanation explanation;
        explanation.withGraph = own.graph.defined();
        explanation.withReports = own.reports.defined();
        if (own.topicAttention.defined()) explanation.topicAttention = own.topicAttention[0].to(torch::kCPU, torch::kFloat32);
        if (own.retrievedRows.defined()) {
            explanation.retrievedRows = own.retrievedRows[0].to(torch::kCPU);
            explanation.retrievedScores = own.retrievedScores[0].to(torch::kCPU, torch::kFloat32);
        }
        if (!sequence.tokens.empty()) {
            std::vector<std::int64_t> inputs{Vocabulary::kEndId};
            inputs.insert(inputs.end(), sequence.tokens.begin(), sequence.tokens.end() - 1);
            const torch::Tensor tokens = torch::tensor(inputs, torch::kInt64).view({1, -1}).to(request.images.device());
            MkdTrace trace;
            m_network->decodeAll(own, tokens, {}, &trace);
            const torch::Tensor attention = trace.attention[0].to(torch::kCPU, torch::kFloat32); // (T, L, P)
            sequence.crossAttention = attention;
            if (trace.lambdas.defined()) explanation.lambdas = trace.lambdas[0].to(torch::kCPU, torch::kFloat32).mean({1, 2});
            if (own.reportAttention.defined()) {
                explanation.reportFlow = torch::matmul(attention, own.reportAttention[0].to(torch::kCPU, torch::kFloat32)).mean(1);
            }
            if (own.graphAttention.defined()) {
                explanation.graphFlow = torch::matmul(attention, own.graphAttention[0].to(torch::kCPU, torch::kFloat32)).mean(1);
            }
        }
        Draft draft = assembleDraft(*this, sequence, request.views, features.gridRows, features.gridCols,
                                    tags.probabilitiesOf(input),
                                    tags.classActivationsOf(input));
        addExplanations(draft, explanation, manifest(), topicNames, request.views, features.gridRows, features.gridCols);
        drafts.push_back(std::move(draft));
    }
    stages.end();
    return drafts;
}

} // namespace raddraft::inference
