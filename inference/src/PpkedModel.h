#pragma once
// Model type "ppked": Posterior-and-Prior Knowledge Exploring-and-Distilling (Liu et al., CVPR
// 2021; shared/papers/ppked.txt) on the engine's visual extractor and tag head.
//
// Paper → code (equation numbers of the paper; open choices in docs/MODELS.md § PPKED)
//   I (§3.1)       patch tokens of all views (V·h·w × C) → image_projection (Linear, ReLU, Dropout)
//   T (§3.1)       the topic bag: `topics` hyper-parameter (the paper's 20 by default), one vector
//                  per topic = poke.topic_embeddings + the mean word embedding of its name's words
//   Eq. (2), (3)   MHA and FFN: MultiHeadAttention / FeedForward (Transformer.h), each followed by
//                  dropout, residual and LayerNorm (KnowledgeAttention, MkdLayer)
//   Eq. (4)        PoKE: T̂ = FFN(MHA(I, T)) (poke.topic_attention, queries = regions),
//                  Î = FFN(MHA(T̂, I)) (poke.image_attention)
//   Eq. (5)        I′ = LayerNorm(Î + T̂) (poke.output_norm)
//   W_Pr (§3.1)    PrWE: the N_K training reports whose pooled image embedding is most cosine-similar
//                  (retrieve; buffers retrieval_image_embeddings / retrieval_report_embeddings,
//                  texts in manifest.corpus), embedded by report_encoder (max-pooling) and
//                  report_projection
//   G_Pr (§3.1)    PrMK: the knowledge-graph nodes, each initialised from the image regions it
//                  attends to, then graph convolutions (graph_embedding; GraphHeads.h, Zhang et al.)
//   Eq. (6), (7)   W′ = FFN(MHA(I′, W_Pr)) (report_attention), G′ = FFN(MHA(I′, G_Pr)) (graph_attention)
//   Eq. (8)        MKD masked self-attention over the prefix (mkd_layers.N.self_attention)
//   Eq. (9), (12)  ADA(h_t) = MHA(h_t, I′ + λ1·G′ + λ2·W′), [λ1, λ2] = σ(h_t W_h ⊕ (I′W_I + G′W_G +
//                  W′W_W)), one λ pair per (token, region) (AdaptiveDistillingAttention)
//   Eq. (10)       FFN, then Linear + softmax (mkd_layers.N.feed_forward, logit)
//   Eq. (11)       cross-entropy (the trainer, inference/training/src/PpkedTrainer.cpp)
//
// Ablations (Table 2) are hyper-parameters: use_poke (off: I′ = I), use_prke_graph (PrMK),
// use_prke_reports (PrWE), decoder "transformer" | "lstm" (TD), use_ada (off: λ1 = λ2 = 1, i.e.
// plain cross-attention over I′ + G′ + W′).
//
// Hyper-parameters (manifest "hyperparameters", defaults in ppkedDefaultHyperParameters()):
//   visual_extractor d_model num_heads num_layers d_ff dropout max_length beam_width
//   length_penalty block_trigrams tag_threshold (as "transformer"), topics (names),
//   retrieval_top_k, retrieval_centered, report_embedding_size, report_encoder_epochs (trainer), graph_layers,
//   use_poke, use_prke_graph, use_prke_reports, decoder, use_ada, graph_node_threshold,
//   retrieved_reports_shown.
// Weights: "visual_extractor.*" and "tag_head.*" exactly as the transformer's (so
// pretrain.initialize_from can share them), the PPKED modules below, and the retrieval index
// buffers whose row count is manifest.corpus.size().

#include "Decoding.h"
#include "GraphHeads.h"
#include "KnowledgeGraph.h"
#include "ReportModel.h"
#include "Transformer.h"
#include "VisualExtractor.h"

#include <optional>
#include <string>
#include <vector>

namespace raddraft::inference {

/// The paper's topic bag (§3.1): its 20 most common abnormalities or findings, in its order.
const std::vector<std::string>& ppkedPaperTopics();

struct PpkedOptions {
    VisualExtractorOptions extractor;         ///< its channels are C
    std::int64_t vocabularySize = 0;          ///< logits, id 0 (BOS/EOS/PAD) included
    std::int64_t modelDimension = 256;        ///< d
    std::int64_t heads = 8;                   ///< n of Eq. (2); must divide d
    std::int64_t layers = 2;                  ///< transformer MKD layers (the LSTM MKD has one)
    std::int64_t feedForwardDimension = 512;  ///< hidden width of every FFN of Eq. (3)
    double dropout = 0.1;
    std::int64_t labels = 0;                  ///< tag-head logits; 0 = no tag head
    /// One entry per topic of T: the vocabulary ids of its name's words (may be empty); N_T =
    /// topicWords.size() (0 disables PoKE).
    std::vector<std::vector<std::int64_t>> topicWords;
    std::int64_t retrievalTopK = 100;         ///< N_K; fewer when the corpus is smaller
    /// Cosine of the embeddings minus the index's mean (true) or of the embeddings as they are.
    bool centeredRetrieval = true;
    std::int64_t reportEmbeddingSize = 128;   ///< width of the report encoder
    std::int64_t corpusSize = 0;              ///< rows of the retrieval index
    std::int64_t graphLayers = 2;             ///< graph convolutions of G_Pr
    std::optional<KnowledgeGraph> graph;      ///< the nodes of G_Pr; none disables PrMK
    bool usePoke = true;
    bool useGraph = true;                     ///< PrMK
    bool useReports = true;                   ///< PrWE
    bool useAda = true;
    bool lstmDecoder = false;                 ///< false: transformer decoder (TD)
};

/// FFN(MHA(X, Y)) of Eq. (4), (6) and (7): X the queries, Y the keys and values; after the MHA
/// and after the FFN dropout, a residual connection and LayerNorm (the paper's basic module).
class KnowledgeAttentionImpl : public torch::nn::Module {
public:
    KnowledgeAttentionImpl(std::int64_t modelDimension, std::int64_t heads, std::int64_t hiddenDimension, double dropout);
    /// query (B, Lq, d), keyValue (B, Lk, d) → (B, Lq, d). attention (optional out): (B, Lq, Lk),
    /// mean over heads, rows summing to 1.
    torch::Tensor forward(const torch::Tensor& query, const torch::Tensor& keyValue, torch::Tensor* attention = nullptr);

private:
    MultiHeadAttention m_attention{nullptr};
    FeedForward m_feedForward{nullptr};
    torch::nn::LayerNorm m_attentionNorm{nullptr}, m_feedForwardNorm{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(KnowledgeAttention);

/// PoKE, Eq. (4) and (5).
class PosteriorKnowledgeExplorerImpl : public torch::nn::Module {
public:
    PosteriorKnowledgeExplorerImpl(std::int64_t topics, std::int64_t modelDimension, std::int64_t heads,
                                   std::int64_t hiddenDimension, double dropout);
    /// image I (B, P, d), topics T (N_T, d) → I′ (B, P, d). topicAttention (optional out):
    /// (B, P, N_T), each region's attention over the topics (mean over heads).
    torch::Tensor forward(const torch::Tensor& image, const torch::Tensor& topics, torch::Tensor* topicAttention = nullptr);

    torch::Tensor topicEmbeddings; ///< (N_T, d) learned part of T

private:
    KnowledgeAttention m_topicAttention{nullptr}, m_imageAttention{nullptr};
    torch::nn::LayerNorm m_outputNorm{nullptr};
};
TORCH_MODULE(PosteriorKnowledgeExplorer);

/// The report embedding module of W_Pr (§3.1): token embeddings → a width-3 convolution (local
/// context; the paper uses BERT, not available here) → ReLU → max-pooling over the report's
/// tokens, as the paper max-pools BERT's outputs.
class ReportEncoderImpl : public torch::nn::Module {
public:
    ReportEncoderImpl(std::int64_t vocabularySize, std::int64_t size);
    /// tokens (N, L) int64 word ids, 0 = padding → (N, size); an empty report gives zeros.
    torch::Tensor forward(const torch::Tensor& tokens);

private:
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Conv1d m_convolution{nullptr};
};
TORCH_MODULE(ReportEncoder);

/// G_Pr (§3.1, following Zhang et al. 2020): every node of the knowledge graph starts as its
/// learned embedding plus the image regions its own query attends to (the image guides the
/// graph), then graph convolutions pass messages along the edges, forward and backward.
class PriorMedicalKnowledgeImpl : public torch::nn::Module {
public:
    PriorMedicalKnowledgeImpl(const KnowledgeGraph& graph, std::int64_t modelDimension, std::int64_t layers);
    /// image I (B, P, d) → node features (B, N_nodes, d).
    torch::Tensor forward(const torch::Tensor& image);

private:
    torch::Tensor m_nodeEmbeddings, m_nodeQueries; ///< (N_nodes, d) parameters
    torch::nn::ModuleList m_layers{nullptr};
    std::vector<GraphConvolution> m_convolutions;
    torch::Tensor m_forwardAdjacency, m_backwardAdjacency; ///< derived from the manifest, not weights
};
TORCH_MODULE(PriorMedicalKnowledge);

/// What PoKE and PrKE produce for a batch (Eq. 1), with their attention for the explanations.
struct PpkedKnowledge {
    torch::Tensor image;           ///< I′ (B, P, d); I itself when PoKE is off
    torch::Tensor graph;           ///< G′_Pr (B, P, d); undefined when PrMK is off
    torch::Tensor reports;         ///< W′_Pr (B, P, d); undefined when PrWE is off or nothing was retrieved
    torch::Tensor topicAttention;  ///< (B, P, N_T) of MHA(I, T); undefined without PoKE
    torch::Tensor graphAttention;  ///< (B, P, N_nodes) of MHA(I′, G_Pr)
    torch::Tensor reportAttention; ///< (B, P, K) of MHA(I′, W_Pr)
    torch::Tensor retrievedRows;   ///< (B, K) int64 corpus rows, most similar first
    torch::Tensor retrievedScores; ///< (B, K) float32 cosine similarities
};

/// Keys, values and the knowledge term of the gate of one ADA, computed once per input. Eq. (12)
/// is linear in its memory, (I′ + λ1 G′ + λ2 W′)W + b = (I′W + b) + λ1 G′W + λ2 W′W, so a token's
/// λ only rescales precomputed scores and values: no per-token (P × d) memory is built.
struct DistillingMemory {
    torch::Tensor imageKeys, imageValues;   ///< (N, h, P, d_k), biases included
    torch::Tensor graphKeys, graphValues;   ///< (N, h, P, d_k) without biases; undefined without G′
    torch::Tensor reportKeys, reportValues; ///< undefined without W′
    torch::Tensor gate;                     ///< (N, P, 2): I′W_I + G′W_G + W′W_W; undefined without ADA
    /// Rows `rows` of every tensor (beam expansion and reordering).
    DistillingMemory indexSelect(const torch::Tensor& rows) const;
};

/// Per-token evidence of the distilling attention.
struct DistillingTrace {
    torch::Tensor attention; ///< (N, T, P): attention over the regions, mean over heads
    torch::Tensor lambdas;   ///< (N, T, P, 2): λ1 (G′), λ2 (W′); undefined without ADA
};

/// ADA, Eq. (9) and (12). With `adaptive` false it is plain multi-head attention over
/// I′ + G′ + W′ (λ1 = λ2 = 1), the paper's "without ADA". The network zero-initialises the
/// gates (λ = 0.5 everywhere at the start).
class AdaptiveDistillingAttentionImpl : public torch::nn::Module {
public:
    AdaptiveDistillingAttentionImpl(std::int64_t modelDimension, std::int64_t heads, double dropout, bool adaptive,
                                    bool withGraph, bool withReports);
    DistillingMemory remember(const PpkedKnowledge& knowledge);
    /// h (N, T, d) → (N, T, d) after the output projection.
    torch::Tensor forward(const torch::Tensor& h, const DistillingMemory& memory, DistillingTrace* trace = nullptr);

    bool adaptive() const { return m_adaptive; }

private:
    MultiHeadAttention m_attention{nullptr};
    torch::nn::Linear m_gateState{nullptr};   ///< W_h (with the gate's bias)
    torch::nn::Linear m_gateImage{nullptr}, m_gateGraph{nullptr}, m_gateReports{nullptr}; ///< W_I, W_G, W_W
    torch::nn::Dropout m_dropout{nullptr};
    bool m_adaptive;
};
TORCH_MODULE(AdaptiveDistillingAttention);

/// One transformer MKD layer: Eq. (8) masked self-attention, Eq. (9) ADA, the FFN of Eq. (10),
/// each followed by dropout, residual and LayerNorm.
class MkdLayerImpl : public torch::nn::Module {
public:
    MkdLayerImpl(const PpkedOptions& options, bool withGraph, bool withReports);
    /// Teacher forcing: x (N, T, d), selfMask broadcastable to (N, 1, T, T).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& selfMask, const DistillingMemory& memory,
                          DistillingTrace* trace = nullptr);
    /// One step: x (N, 1, d); keys/values (N, h, t, d_k) of the prefix grow by this position.
    torch::Tensor step(const torch::Tensor& x, torch::Tensor& keys, torch::Tensor& values, const DistillingMemory& memory,
                       DistillingTrace* trace = nullptr);

    AdaptiveDistillingAttention distilling{nullptr};

private:
    torch::Tensor finish(const torch::Tensor& x, const DistillingMemory& memory, DistillingTrace* trace);

    MultiHeadAttention m_selfAttention{nullptr};
    FeedForward m_feedForward{nullptr};
    torch::nn::LayerNorm m_selfNorm{nullptr}, m_distillingNorm{nullptr}, m_feedForwardNorm{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(MkdLayer);

/// The LSTM MKD of the ablation (Table 2, e): an LSTM cell fed the word embedding and the last
/// distilled context, whose state queries the same memory through the same distilling attention,
/// then the FFN of Eq. (10).
class MkdLstmImpl : public torch::nn::Module {
public:
    struct State {
        torch::Tensor hidden, cell, context; ///< (N, d) each
        State indexSelect(const torch::Tensor& rows) const;
    };
    MkdLstmImpl(const PpkedOptions& options, bool withGraph, bool withReports);
    /// The initial state from the mean of I′ (B, P, d).
    State initialState(const torch::Tensor& image);
    /// One step: embedded word x (N, d) → output (N, d); updates `state`.
    torch::Tensor step(const torch::Tensor& x, State& state, const DistillingMemory& memory, DistillingTrace* trace = nullptr);

    AdaptiveDistillingAttention distilling{nullptr};

private:
    torch::nn::LSTMCell m_cell{nullptr};
    torch::nn::Linear m_initialState{nullptr};
    FeedForward m_feedForward{nullptr};
    torch::nn::LayerNorm m_distillingNorm{nullptr}, m_feedForwardNorm{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(MkdLstm);

/// Evidence of a teacher-forced decoding pass, per decoder layer.
struct MkdTrace {
    torch::Tensor attention; ///< (N, T, L, P)
    torch::Tensor lambdas;   ///< (N, T, L, P, 2); undefined without ADA
};

class PpkedNetworkImpl : public torch::nn::Module {
public:
    explicit PpkedNetworkImpl(const PpkedOptions& options);

    /// W_Pr's retrieval: per input the min(N_K, available) corpus rows whose image embedding has
    /// the highest cosine similarity with `pooled` (B, C), most similar first; with
    /// centeredRetrieval both sides first subtract the index's mean embedding. excludedRows (B)
    /// int64 (−1 = none) removes a row from an input's candidates: a training study never
    /// retrieves its own report. rows/scores are (B, 0) when the corpus is empty.
    struct Retrieval {
        torch::Tensor rows;   ///< (B, K) int64
        torch::Tensor scores; ///< (B, K) float32
    };
    Retrieval retrieve(const torch::Tensor& pooled, const torch::Tensor& excludedRows = {}) const;

    /// PoKE and PrKE over visual features (Eq. 1, first two lines).
    PpkedKnowledge explore(const VisualFeatures& features, const torch::Tensor& excludedRows = {});
    /// One DistillingMemory per decoder layer.
    std::vector<DistillingMemory> remember(const PpkedKnowledge& knowledge);
    /// MKD by teacher forcing: tokens (N, T) starting with BOS → logits (N, T, V). tokenMask
    /// (optional, (N, T) bool) marks real tokens.
    torch::Tensor decodeAll(const PpkedKnowledge& knowledge, const torch::Tensor& tokens, const torch::Tensor& tokenMask = {},
                            MkdTrace* trace = nullptr);

    /// The topic bag T (N_T, d).
    torch::Tensor topics();
    /// Transformer MKD input: word embedding · sqrt(d) + sinusoid position (x_t = w_t + e_t).
    torch::Tensor embedTokens(const torch::Tensor& tokens, std::int64_t firstPosition);
    std::int64_t corpusSize() const { return m_retrievalImageEmbeddings.size(0); }
    /// Resizes the index buffers in place to `rows` (contents zero): a new corpus.
    void resizeRetrievalIndex(std::int64_t rows);
    /// Fills the index: image (N, C) pooled embeddings, reports (N, E) report-encoder embeddings.
    void setRetrievalIndex(const torch::Tensor& imageEmbeddings, const torch::Tensor& reportEmbeddings);
    const torch::Tensor& retrievalImageEmbeddings() const { return m_retrievalImageEmbeddings; }
    const torch::Tensor& retrievalReportEmbeddings() const { return m_retrievalReportEmbeddings; }
    const PpkedOptions& options() const { return m_options; }
    bool usesGraph() const { return !graphEmbedding.is_empty(); }
    bool usesReports() const { return !reportEncoder.is_empty(); }

    VisualExtractor visualExtractor{nullptr};
    TagHead tagHead{nullptr};                       ///< null when there are no labels
    torch::nn::Sequential imageProjection{nullptr};
    torch::nn::Embedding wordEmbedding{nullptr};
    torch::nn::Dropout embeddingDropout{nullptr};
    PosteriorKnowledgeExplorer poke{nullptr};       ///< null without PoKE
    ReportEncoder reportEncoder{nullptr};           ///< null without PrWE
    torch::nn::Linear reportProjection{nullptr};
    KnowledgeAttention reportAttention{nullptr};
    PriorMedicalKnowledge graphEmbedding{nullptr};  ///< null without PrMK
    KnowledgeAttention graphAttention{nullptr};
    std::vector<MkdLayer> mkdLayers;                ///< transformer MKD
    MkdLstm mkdLstm{nullptr};                       ///< LSTM MKD
    torch::nn::Linear logit{nullptr};

private:
    PpkedOptions m_options;
    std::int64_t m_inputFeatures = 0;
    torch::nn::ModuleList m_mkdLayerList{nullptr};
    torch::Tensor m_topicWordMatrix; ///< (N_T, V): mean over a topic's words (not a weight)
    torch::Tensor m_retrievalImageEmbeddings, m_retrievalReportEmbeddings; ///< buffers (N, C), (N, E)
};
TORCH_MODULE(PpkedNetwork);

/// IncrementalDecoder of the MKD over explored knowledge (B inputs).
class PpkedDecoderSession : public IncrementalDecoder {
public:
    PpkedDecoderSession(PpkedNetwork network, PpkedKnowledge knowledge);

    std::int64_t batchSize() const override { return m_knowledge.image.size(0); }
    std::int64_t vocabularySize() const override { return m_network->options().vocabularySize; }
    torch::Device device() const override { return m_knowledge.image.device(); }
    void start(std::int64_t beamWidth, std::int64_t capacity) override;
    torch::Tensor step(const torch::Tensor& lastTokens, torch::Tensor* crossAttention) override;
    void reorder(const torch::Tensor& rows) override;

private:
    PpkedNetwork m_network;
    PpkedKnowledge m_knowledge;
    std::vector<DistillingMemory> m_memories; ///< per layer, B·K rows
    std::vector<torch::Tensor> m_keys, m_values; ///< transformer: per layer (B·K, h, t, d_k)
    MkdLstmImpl::State m_state;               ///< LSTM
    std::int64_t m_length = 0;
};

class PpkedReportModel : public ReportModel {
public:
    explicit PpkedReportModel(const Manifest& manifest);

    torch::nn::Module& network() override { return *m_network; }
    VisualFeatures extractFeatures(const torch::Tensor& images) override;
    std::vector<Draft> generate(const GenerationRequest& request) override;

    PpkedNetwork& typedNetwork() { return m_network; }

protected:
    void corpusChanged() override;

private:
    PpkedNetwork m_network{nullptr};
};

/// The type's defaults as JSON (also registered in the ModelRegistry).
nlohmann::json ppkedDefaultHyperParameters();

} // namespace raddraft::inference
