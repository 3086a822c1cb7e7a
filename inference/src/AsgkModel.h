#pragma once
// Model type "asgk": ASGK, the Auxiliary Signal-Guided Knowledge encoder-decoder of Li et al.
// ("Auxiliary Signal-Guided Knowledge Encoder-Decoder for Medical Report Generation",
// ../shared/papers/asgk.txt). A medical tag graph encoder turns the image into a graph over the
// knowledge graph's findings; a GPT-style decoder writes the report from that graph. Two auxiliary
// signals: internal (a crop of the global CNN's hottest region, encoded by a second CNN and fused
// with the global feature) and external (the decoder first trains as a language model on text).
//
// Code ↔ paper (§3; docs/MODELS.md § ASGK has every choice and its reason):
//   eq. 9   H = max_k |f_c^k|: activationHeatmaps over the global CNN's last feature map;
//           threshold 0.7·max(H), the largest connected component (8-neighbourhood) and its
//           bounding box: largestThresholdedComponent / cropAuxiliaryRegions (the box crops the
//           preprocessed image, resized to region_size).
//   f_l     the second CNN: "region_encoder" (RegionEncoder, small: 4 strided convolutions);
//   f_f     f_g ⊕ f_l element-wise: f_f = f_g + W_f f_l ("region_encoder.fusion", zero-initialised,
//           so f_f = f_g until the branch has learnt something).
//   eq. 1   V = sigmoid(W_v f_f): "tag_head" (the transformer's tag head, so
//           pretrain.initialize_from copies it).
//   eq. 2   node states x_i = prior_i + v_i·presence_i + visual_i (the scalar v_i lifted by a
//           per-node W_v, plus what node i attends to among the patches);
//           e_ij = softmax_j((W_q x_i)·(W_k x_j)/√d): "graph_encoder.edge_query", "edge_key".
//   eq. 3   G = att(G_prior, V, E): messages over ½(E + Â_prior), Â_prior the row-normalised
//           chest-graph adjacency (with self loops) restricted to the findings;
//           G = LayerNorm(x + ReLU(W_g Ẽ x)): "graph_encoder.graph_update", "graph_norm".
//           Then multi-head self-attention over G: "graph_encoder.self_attention_layers" (pre-norm
//           encoder layers) and "graph_encoder.output_norm".
//   eq. 4   tag loss BCE, or focal (eq. 10-11, α = 0.25, γ = 2): asgkTagLoss.
//   eq. 6   h_0 = W_e[I_W] + W_p[I_P]: "word_embedding", "position_embedding" (learned).
//   eq. 7   3 blocks: masked self-attention, attention over G, position-wise FFN: "decoder_layers"
//           (Transformer.h's DecoderLayer), "decoder_norm".
//   eq. 8   P = softmax(h_N W_eᵀ): logits against "word_embedding.weight" (tied; no own weight).
// External pre-training trains the decoder as a language model with a single zero memory token
// (no image), see AsgkTrainer.cpp.
//
// Hyper-parameters (defaults in brackets), besides visual_extractor ["resnet18"], d_model [256],
// num_heads [8], num_layers [3] (decoder blocks), d_ff [256], dropout [0.1], max_length [60],
// beam_width [3], length_penalty [0.0], block_trigrams [false], tag_threshold [0.5]:
//   graph_layers [1]            self-attention layers over G
//   max_positions [128]         rows of the position embedding (longest training sequence + 1)
//   internal_signal [true]      the auxiliary region branch (IA); false: f_f = f_g
//   external_signal [true]      training only: the decoder's language-model pre-training (EA)
//   tag_loss ["focal"]          "focal" or "bce" (the paper's "+IA+CE" ablation)
//   focal_alpha [0.25], focal_gamma [2.0], tag_loss_weight [1.0] (weight of the tag loss beside
//                               the report loss; the paper sets all loss weights to 1)
//   region_threshold [0.7]      τ of the heatmap
//   region_size [64]            side of the resized crop, pixels
//   region_channels [128]       widest convolution of the region CNN
//   auxiliary_epochs [5]        training only: epochs of the region branch + tag head (focal loss)
//   lm_epochs [5]               training only: language-model epochs of the decoder
//   external_corpus [""]        training only: a UTF-8 text file, one document per line, added
//                               to the training reports for the language model
// Weights: "visual_extractor.*", "tag_head.*", "region_encoder.*" (internal_signal only),
// "graph_encoder.*", "word_embedding.*", "position_embedding.*", "decoder_layers.*",
// "decoder_norm.*", and the buffers "auxiliary_trained", "language_model_trained" (scalars, 1 once
// the trainer's stages have run: a resumed run does not repeat them).

#include "Decoding.h"
#include "GraphHeads.h"
#include "ReportModel.h"
#include "CachedDecoderSession.h"
#include "Transformer.h"
#include "VisualExtractor.h"

#include <string>
#include <vector>

namespace raddraft::inference {

/// H of eq. 9 for every view: patches (B, V·h·w, C) → (B, V, h, w), max over the channels of |f|.
torch::Tensor activationHeatmaps(const VisualFeatures& features);

/// The largest connected component of {H ≥ threshold · max H} in one map and its bounding box,
/// rows [top, bottom) and columns [left, right) of the map. 8-neighbourhood; ties in area go to
/// the component with more heat, then to the first in row-major order. A map whose maximum is not
/// positive gives the whole map.
struct AuxiliaryRegion {
    std::int64_t top = 0, left = 0, bottom = 0, right = 0;
    std::int64_t area = 0; ///< cells of the component
};
AuxiliaryRegion largestThresholdedComponent(const torch::Tensor& heatmap, double threshold);

/// The auxiliary regions of a batch: each view's heatmap (B, V, h, w) is upsampled bilinearly to
/// the image size, its region found, and the image (B, V, 3, H, W) cropped there and resized to
/// size × size (bilinear).
struct RegionCrops {
    torch::Tensor images; ///< (B, V, 3, size, size), the images' dtype and device
    torch::Tensor boxes;  ///< (B, V, 4) float32 CPU: x0, y0, x1, y1 in [0, 1] of the image
};
RegionCrops cropAuxiliaryRegions(const torch::Tensor& images, const torch::Tensor& heatmaps, double threshold,
                                 std::int64_t size);

/// The multi-label tag loss: weighted mean over the known labels (weights > 0) of eq. 10-11,
/// −α (1 − p*)^γ log p*, with p* = p for a positive label and 1 − p otherwise; "bce" is eq. 4
/// (α = 1, γ = 0). weights undefined: every label counts. Throws InvalidArgument for another kind.
torch::Tensor asgkTagLoss(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& weights,
                          const std::string& kind, double alpha = 0.25, double gamma = 2.0);

/// The second CNN: regions (N, 3, s, s) → f_l projected to the global feature size (N, C).
class RegionEncoderImpl : public torch::nn::Module {
public:
    RegionEncoderImpl(std::int64_t channels, std::int64_t outputFeatures);
    torch::Tensor forward(const torch::Tensor& regions);

private:
    torch::nn::Sequential m_convolutions{nullptr};
    torch::nn::Linear m_fusion{nullptr};
};
TORCH_MODULE(RegionEncoder);

struct TagGraphOptions {
    std::int64_t inputFeatures = 512;  ///< C
    std::int64_t modelDimension = 256; ///< d
    std::int64_t heads = 8;
    std::int64_t layers = 1;           ///< self-attention layers over G
    std::int64_t feedForwardDimension = 256;
    double dropout = 0.1;
};

/// Eq. 2-3 and the self-attention over G.
class TagGraphEncoderImpl : public torch::nn::Module {
public:
    /// priorAdjacency: (N, N) rows summing to 1 over the N tag nodes.
    TagGraphEncoderImpl(const TagGraphOptions& options, const torch::Tensor& priorAdjacency);

    struct Output {
        torch::Tensor graph; ///< (B, N, d) the final graph: the decoder's memory
        torch::Tensor edges; ///< (B, N, N) E of eq. 2, rows sum to 1
    };
    /// probabilities V (B, N), patches (B, P, C).
    Output forward(const torch::Tensor& probabilities, const torch::Tensor& patches);

private:
    torch::Tensor m_priorNodes, m_presence; ///< (N, d) each
    torch::nn::Linear m_nodeAttention{nullptr}, m_visualProjection{nullptr};
    torch::nn::Linear m_edgeQuery{nullptr}, m_edgeKey{nullptr}, m_graphUpdate{nullptr};
    torch::nn::LayerNorm m_graphNorm{nullptr}, m_outputNorm{nullptr};
    torch::nn::ModuleList m_layerList{nullptr};
    std::vector<EncoderLayer> m_layers;
    torch::Tensor m_priorAdjacency; ///< buffer (N, N)
};
TORCH_MODULE(TagGraphEncoder);

struct AsgkOptions {
    std::int64_t inputFeatures = 512;
    std::int64_t vocabularySize = 761;
    std::int64_t modelDimension = 256;
    std::int64_t heads = 8;
    std::int64_t decoderLayers = 3;
    std::int64_t graphLayers = 1;
    std::int64_t feedForwardDimension = 256;
    double dropout = 0.1;
    std::int64_t maxPositions = 128;
    bool internalSignal = true;
    std::int64_t regionChannels = 128;
};

class AsgkNetworkImpl : public torch::nn::Module {
public:
    /// priorAdjacency: (labels, labels), see TagGraphEncoderImpl.
    AsgkNetworkImpl(const VisualExtractorOptions& extractor, const AsgkOptions& options, const torch::Tensor& priorAdjacency);

    const AsgkOptions& options() const { return m_options; }

    /// f_f (B, C): the pooled global feature fused with the region branch's (features.regions is
    /// required when internal_signal is on).
    torch::Tensor fusedFeature(const VisualFeatures& features);
    /// W_v f_f: (B, labels) logits.
    torch::Tensor tagLogits(const VisualFeatures& features);

    struct Encoded {
        torch::Tensor tagLogits; ///< (B, N)
        torch::Tensor memory;    ///< (B, N, d) the graph
        torch::Tensor edges;     ///< (B, N, N)
    };
    Encoded encode(const VisualFeatures& features);
    /// The language model's memory: one zero token per row (B, 1, d).
    torch::Tensor emptyMemory(std::int64_t batch, const torch::TensorOptions& like) const;

    /// Teacher forcing: tokens (N, T) from BOS → logits (N, T, V); crossAttention (optional out)
    /// (N, T, layers, nodes).
    torch::Tensor decodeAll(const torch::Tensor& memory, const torch::Tensor& tokens, const torch::Tensor& tokenMask = {},
                            torch::Tensor* crossAttention = nullptr);
    DecoderCache startCache(const torch::Tensor& memory, std::int64_t capacity, std::int64_t rowsPerInput = 1);
    torch::Tensor decodeStep(const torch::Tensor& lastTokens, DecoderCache& cache, torch::Tensor* crossAttention);

    /// W_e, the tied input/output embedding (V, d).
    const torch::Tensor& wordEmbeddingWeight() const { return m_wordEmbedding->weight; }

    bool auxiliaryTrained() const { return m_auxiliaryTrained.item<float>() > 0.5f; }
    bool languageModelTrained() const { return m_languageModelTrained.item<float>() > 0.5f; }
    void markAuxiliaryTrained();
    void markLanguageModelTrained();

    VisualExtractor visualExtractor{nullptr};
    TagHead tagHead{nullptr};
    RegionEncoder regionEncoder{nullptr}; ///< null without internal_signal
    TagGraphEncoder graphEncoder{nullptr};

private:
    torch::Tensor embed(const torch::Tensor& tokens, std::int64_t firstPosition);
    torch::Tensor logits(const torch::Tensor& hidden);

    AsgkOptions m_options;
    torch::nn::Embedding m_wordEmbedding{nullptr}, m_positionEmbedding{nullptr};
    torch::nn::Dropout m_embeddingDropout{nullptr};
    torch::nn::ModuleList m_decoderList{nullptr};
    std::vector<DecoderLayer> m_decoder;
    torch::nn::LayerNorm m_decoderNorm{nullptr};
    torch::Tensor m_auxiliaryTrained, m_languageModelTrained;
};
TORCH_MODULE(AsgkNetwork);

/// IncrementalDecoder over an AsgkNetwork and a memory (B, N, d) (the graph, or emptyMemory).
using AsgkDecoderSession = CachedDecoderSession<AsgkNetwork>;

class AsgkReportModel : public ReportModel {
public:
    explicit AsgkReportModel(const Manifest& manifest);

    torch::nn::Module& network() override { return *m_network; }
    /// Global features plus, with internal_signal, the auxiliary crops (features.regions).
    VisualFeatures extractFeatures(const torch::Tensor& images) override;
    std::vector<Draft> generate(const GenerationRequest& request) override;

    AsgkNetwork& typedNetwork() { return m_network; }

private:
    AsgkNetwork m_network{nullptr};
};

/// The knowledge graph's adjacency (with self loops) restricted to `labels` (in their order) and
/// row-normalised: Â_prior of eq. 3. Throws InvalidArgument naming a label that is no node.
torch::Tensor tagPriorAdjacency(const KnowledgeGraph& graph, const std::vector<std::string>& labels);

nlohmann::json asgkDefaultHyperParameters();

} // namespace raddraft::inference
