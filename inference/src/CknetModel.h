#pragma once
// Model type "cknet": CKNet, the Cross-modal Knowledge driven Network of Kang et al.
// ("Bridging the Gap: Cross-modal Knowledge Driven Network for Radiology Report Generation",
// ../shared/papers/cknet.txt). The node embeddings G of the chest knowledge graph are a frozen
// "shared knowledge matrix"; visual patch features and word features both distil their γ most
// related nodes from it and preserve them before the Transformer encoder / decoder.
//
// Code ↔ paper (section III; docs/MODELS.md § CKNet has every choice and its reason):
//   §III-A  G = {g_1..g_N}: CknetGraphClassifier (image → node states by graph convolution over
//           the knowledge graph → per-node multi-label logits) is trained by the trainer on the
//           cached features; the knowledge matrix is then fixed: buffer "knowledge_matrix" (N, d_g)
//           = per-node mean state over the training studies where that finding is present,
//           centred over the nodes and scaled to RMS 1 (knowledgeMatrixFromNodeStates).
//   eq. 1   v_s = f_img(I): visual_extractor (patch tokens of both views), then "att_embed"
//           (Linear C → d, ReLU, Dropout) as the paper's 2048 → 512 projection.
//           v_t: the word embedding "tgt_embed" × √d (BioClinicalBERT is not available here).
//   eq. 4   q = v·W_q, k = g·W_k: KnowledgeDistillation "query", "key" (split into h heads).
//   eq. 5   D = q·kᵀ/√d_k per head.
//   eq. 6   top-γ nodes of D per head; w = softmax of their scores (the sign guard: the literal
//           D/ΣD is undefined for scores of mixed sign; see selectTopNodes).
//   eq. 7-8 g' = g·W_g ("value", per head), r = Σ_j w_j g'_j, heads concatenated.
//   eq. 9   k = FCN(Concat(v, r)): "fuse" (Linear 2d → d).
//   eq. 10  m = f_e(k_s): 3 pre-norm encoder layers ("encoder_layers", "encoder_norm").
//   eq. 11  ŷ_T = f_d(m; k_t,1..T−1): decoder layers over k_t + positional encoding (added after
//           preservation, so a word's nodes depend on the word alone), "logit". Beam 3.
// The same KnowledgeDistillation module serves both modalities (eq. 4, 7, 9 use one W_q, W_k,
// W_g, FCN for v_s and v_t — that shared querying is what aligns the modalities).
//
// Hyper-parameters (defaults in brackets), besides the transformer's (visual_extractor
// ["resnet18"], d_model [256], num_heads [8], num_layers [3], d_ff [256], dropout [0.1],
// max_length [60], beam_width [3], length_penalty [0.0], block_trigrams [false],
// tag_threshold [0.5]):
//   knowledge_matrix ["trained"]  "trained" (the paper), "random" (the "+MEN" ablation: a frozen
//                                 random matrix of the same size), "none" (the plain base: no
//                                 distillation or preservation)
//   knowledge_dim [128]           d_g, columns of the knowledge matrix (the paper: 512)
//   top_nodes [8]                 γ (clamped to the node count)
//   knowledge_epochs [10]         training only: epochs of the graph classifier
// Weights: "visual_extractor.*", "tag_head.*", "att_embed.*", "tgt_embed.*", "distillation.*",
// "encoder_layers.*", "decoder_layers.*", "encoder_norm.*", "decoder_norm.*", "logit.*", and the
// buffers "knowledge_matrix" (N, d_g) and "knowledge_matrix_trained" (scalar, 1 once the trainer
// has written a trained matrix) unless knowledge_matrix is "none".

#include "Decoding.h"
#include "GraphHeads.h"
#include "ReportModel.h"
#include "CachedDecoderSession.h"
#include "Transformer.h"
#include "VisualExtractor.h"

#include <string>
#include <vector>

namespace raddraft::inference {

/// The γ selected nodes of every query, per head.
struct NodeSelection {
    torch::Tensor scores;  ///< (…, h, T, N) D of eq. 5 (float32)
    torch::Tensor indices; ///< (…, h, T, γ) int64: the γ largest scores, largest first
    torch::Tensor weights; ///< (…, h, T, γ) float32: softmax over the selected scores (sum 1)
};

/// Eq. 6 with the sign guard: keeps the γ largest scores along the last axis (γ is clamped to
/// its size) and normalises them with a softmax. A softmax is monotone in D (the top-γ order is
/// kept), positive and sums to 1 whatever the signs; it is the normalisation of CMN's memory
/// querying, whose equations CKNet's eq. 4-8 restate.
NodeSelection selectTopNodes(const torch::Tensor& scores, std::int64_t topNodes);

/// (…, h, T, γ) weights at (…, h, T, γ) indices → dense (…, T, N) node weights averaged over the
/// h heads (each row sums to 1): what the explanations show.
torch::Tensor headAveragedNodeWeights(const NodeSelection& selection, std::int64_t nodeCount);

struct KnowledgeDistillationOptions {
    std::int64_t modelDimension = 256;     ///< d: width of v and of the output k
    std::int64_t knowledgeDimension = 128; ///< d_g: width of the knowledge matrix rows
    std::int64_t heads = 8;                ///< h: querying heads; must divide d
    std::int64_t topNodes = 8;             ///< γ
};

/// Knowledge distillation (eq. 4-6) and preservation (eq. 7-9) of one modality's features.
class KnowledgeDistillationImpl : public torch::nn::Module {
public:
    explicit KnowledgeDistillationImpl(const KnowledgeDistillationOptions& options);

    struct Result {
        torch::Tensor enriched;  ///< (B, T, d): k = FCN(Concat(v, r))
        torch::Tensor preserved; ///< (B, T, d): r, heads concatenated
        NodeSelection selection; ///< per head: (B, h, T, …)
    };
    /// features v (B, T, d), knowledge matrix G (N, d_g).
    Result forward(const torch::Tensor& features, const torch::Tensor& knowledge);

    const KnowledgeDistillationOptions& options() const { return m_options; }

    torch::nn::Linear query{nullptr}; ///< W_q (d → d)
    torch::nn::Linear key{nullptr};   ///< W_k (d_g → d)
    torch::nn::Linear value{nullptr}; ///< W_g (d_g → d)
    torch::nn::Linear fuse{nullptr};  ///< FCN (2d → d)

private:
    KnowledgeDistillationOptions m_options;
};
TORCH_MODULE(KnowledgeDistillation);

struct CknetOptions {
    std::int64_t inputFeatures = 512;        ///< C: channels of the visual patch tokens
    std::int64_t vocabularySize = 761;       ///< logits, id 0 (BOS/EOS/PAD) included
    std::int64_t modelDimension = 256;       ///< d
    std::int64_t heads = 8;                  ///< attention and querying heads
    std::int64_t layers = 3;                 ///< encoder layers = decoder layers
    std::int64_t feedForwardDimension = 256; ///< d_ff
    double dropout = 0.1;
    std::string knowledgeMatrix = "trained"; ///< "trained", "random" or "none"
    std::int64_t knowledgeNodes = 21;        ///< N: rows of the knowledge matrix (graph nodes)
    std::int64_t knowledgeDimension = 128;   ///< d_g
    std::int64_t topNodes = 8;               ///< γ
    std::int64_t labels = 20;                ///< tag-head logits; 0 = no tag head
};

/// Node weights of one modality for the explanations: (B, T, N), head-averaged; undefined for
/// knowledge_matrix "none".
struct EncodedVisual {
    torch::Tensor memory;      ///< (B, P, d) encoder output
    torch::Tensor nodeWeights; ///< (B, P, N) or undefined
};

/// Incremental decoding state: the Transformer's key/value cache plus, in inference, the
/// knowledge-enriched word feature k_t of every vocabulary entry (the word side is a function of
/// the token alone, so each step looks its new tokens up instead of distilling them again).
struct CknetDecoderCache {
    DecoderCache decoder;
    torch::Tensor enrichedVocabulary; ///< (V, d), inference only

    void reorder(const torch::Tensor& rows) { decoder.reorder(rows); }
};

class CknetNetworkImpl : public torch::nn::Module {
public:
    CknetNetworkImpl(const VisualExtractorOptions& extractor, const CknetOptions& options);

    bool hasKnowledge() const { return m_options.knowledgeMatrix != "none"; }
    const CknetOptions& options() const { return m_options; }

    /// Patch tokens (B, P, C) → encoder memory and the patches' node weights.
    EncodedVisual encode(const torch::Tensor& patches, bool collectNodeWeights = false);
    /// Eq. 4-9 on the word side: tokens (N, T) → k_t (N, T, d) before the positional encoding;
    /// nodeWeights (optional out): (N, T, nodes) head-averaged.
    torch::Tensor enrichWords(const torch::Tensor& tokens, torch::Tensor* nodeWeights = nullptr);
    /// Teacher-forced decoding: tokens (N, T) starting with BOS → logits (N, T, V); tokenMask
    /// (N, T) bool marks real tokens; crossAttention (optional out): (N, T, layers, P).
    torch::Tensor decodeAll(const torch::Tensor& memory, const torch::Tensor& tokens, const torch::Tensor& tokenMask = {},
                            torch::Tensor* crossAttention = nullptr);
    /// Training forward: patches (N, P, C), tokens (N, T) → logits (N, T, V).
    torch::Tensor forward(const torch::Tensor& patches, const torch::Tensor& tokens, const torch::Tensor& tokenMask = {});

    /// As EncoderDecoder::startCache: B inputs × rowsPerInput rows, at most `capacity` steps.
    CknetDecoderCache startCache(const torch::Tensor& memory, std::int64_t capacity, std::int64_t rowsPerInput = 1);
    /// One step: lastTokens (N) → logits (N, V); crossAttention (optional out): (N, layers, P).
    torch::Tensor decodeStep(const torch::Tensor& lastTokens, CknetDecoderCache& cache, torch::Tensor* crossAttention);

    /// Replaces the knowledge matrix (N, d_g) and marks it trained (throws InvalidArgument for
    /// another shape or knowledge_matrix other than "trained").
    void setTrainedKnowledgeMatrix(const torch::Tensor& matrix);
    bool knowledgeMatrixTrained() const;
    const torch::Tensor& knowledgeMatrix() const { return m_knowledgeMatrix; }

    VisualExtractor visualExtractor{nullptr};
    TagHead tagHead{nullptr}; ///< null when there are no labels
    KnowledgeDistillation distillation{nullptr}; ///< null for knowledge_matrix "none"

private:
    CknetOptions m_options;
    torch::nn::Sequential m_visualProjection{nullptr};
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Dropout m_embeddingDropout{nullptr};
    torch::nn::ModuleList m_encoderLayers{nullptr}, m_decoderLayers{nullptr};
    std::vector<EncoderLayer> m_encoder;
    std::vector<DecoderLayer> m_decoder;
    torch::nn::LayerNorm m_encoderNorm{nullptr}, m_decoderNorm{nullptr};
    torch::nn::Linear m_logit{nullptr};
    torch::Tensor m_knowledgeMatrix;        ///< buffer (N, d_g), frozen
    torch::Tensor m_knowledgeMatrixTrained; ///< buffer (), 1 when trained
    SinusoidPositions m_positions;
};
TORCH_MODULE(CknetNetwork);

/// IncrementalDecoder over a CknetNetwork and encoded memory (B, P, d).
using CknetDecoderSession = CachedDecoderSession<CknetNetwork, CknetDecoderCache>;

/// The graph network that embeds the knowledge graph (§III-A, after Zhang et al. 2020): node
/// states initialised from the image — each finding node by its own spatial attention over the
/// patch tokens, the global node by the pooled vector — projected to d_g, propagated by graph
/// convolutions over the graph's forward and backward adjacencies, and classified per node.
/// Trained as a multi-label classifier on the graph labels (weighted BCE), then only its node
/// states are kept (knowledgeMatrixFromNodeStates). Not part of the bundle.
class CknetGraphClassifierImpl : public torch::nn::Module {
public:
    /// graph: the manifest's knowledge graph; inputFeatures: C; stateDimension: d_g.
    CknetGraphClassifierImpl(const KnowledgeGraph& graph, std::int64_t inputFeatures, std::int64_t stateDimension,
                             std::int64_t layers = 2);

    struct Output {
        torch::Tensor states; ///< (B, N, d_g) node states after the graph convolutions
        torch::Tensor logits; ///< (B, N) one logit per node (the global node's is unused)
    };
    /// patches (B, P, C), pooled (B, C).
    Output forward(const torch::Tensor& patches, const torch::Tensor& pooled);

private:
    std::int64_t m_globalNode;
    torch::nn::Linear m_nodeAttention{nullptr};  ///< C → N spatial attention logits per node
    torch::nn::Linear m_nodeProjection{nullptr}; ///< C → d_g
    torch::nn::ModuleList m_layers{nullptr};
    std::vector<GraphConvolution> m_convolutions;
    torch::Tensor m_classifierWeight, m_classifierBias; ///< (N, d_g), (N): per-node classifier
    torch::Tensor m_forwardAdjacency, m_backwardAdjacency;
};
TORCH_MODULE(CknetGraphClassifier);

/// The frozen knowledge matrix from node states (S, N, d_g) of S training studies and their
/// node labels present (S, N) (1 = the finding is present): row n = mean state of node n over
/// the studies where it is present, over all studies where it never is (the global node, absent
/// findings); then centred over the nodes and scaled to RMS 1, so that only what tells the nodes
/// apart is kept, at the scale of the "random" ablation's N(0, 1) matrix.
torch::Tensor knowledgeMatrixFromNodeStates(const torch::Tensor& states, const torch::Tensor& present);

class CknetReportModel : public ReportModel {
public:
    explicit CknetReportModel(const Manifest& manifest);

    torch::nn::Module& network() override { return *m_network; }
    VisualFeatures extractFeatures(const torch::Tensor& images) override;
    std::vector<Draft> generate(const GenerationRequest& request) override;

    CknetNetwork& typedNetwork() { return m_network; }

private:
    CknetNetwork m_network{nullptr};
};

/// The type's defaults as JSON (also registered in the ModelRegistry).
nlohmann::json cknetDefaultHyperParameters();

} // namespace raddraft::inference
