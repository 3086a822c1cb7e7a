#pragma once
// Model type "jpg": JPG, the Jointly learning framework for automated disease Prediction and
// radiology report Generation of You et al. (../shared/papers/jpg.txt). Visual patch features and
// word features are projected into one shared subspace and re-expressed over a shared base
// matrix; a classifier on the new visual representations initialises a GRU that decodes
// context-aware disease labels ("pleural_effusion right small"); the Transformer encoder reads the
// new visual representations plus the predicted labels' features, the decoder the aligned word
// representations.
//
// Code ↔ paper (§3; docs/MODELS.md § JPG has every choice and its reason):
//   eq. 3     X = f_v(I): visual_extractor (patch tokens of both views, C channels).
//   eq. 4-6   X̃ = X·W_x, Ỹ = Y·W_y, B̃ = B·W_b: SharedSubspace "project_visual", "project_text",
//             "project_basis" (no bias, as the equations), "basis" B (m, d_b).
//   eq. 7-9   S = softmax_rows(cos(X̃, B̃)), G = softmax_rows(cos(Ỹ, B̃)): cosines, as the text
//             says (eq. 7 writes a dot product, whose growth saturates the softmax and collapses
//             different studies onto the same basis vectors).
//   eq. 10    r_x = S·B̃, r_y = G·B̃; d_s = d_model so both feed the Transformer directly.
//   §3.4      the classification layer: JpgLabelClassifier over r_x (per finding an attention
//             pooling of the patches, a hidden "output embedding", one logit); the GRU
//             (JpgLabelDecoder) starts from tanh(W_init · embedding) and unrolls at most 5 steps
//             (eq. 11); its first token is the finding itself (forced at inference), then
//             location and severity words, then EOS.
//   eq. 12    encoder input [r_x1 … r_xp, c_1 … c_L]: c_k = p_k · mean of the aligned textual
//             representations (G·B̃) of finding k's decoded label tokens.
//   eq. 13    decoder input r_y of the previous tokens × √d_model + positional encoding; beam 3.
//
// Hyper-parameters (defaults in brackets), besides the transformer's (visual_extractor
// ["resnet18"], d_model [256], num_heads [8], num_layers [3], d_ff [128], dropout [0.1],
// max_length [60], beam_width [3], length_penalty [0.0], block_trigrams [false],
// tag_threshold [0.5]):
//   basis_vectors [256]          m, rows of the base matrix (the paper: 2048)
//   basis_dim [128]              d_b, columns of the base matrix (the paper: 512)
//   shared_subspace [true]       false = the "JPG-projection" ablation: r_x = ReLU(Linear(x)),
//                                r_y = word embedding × √d, no base matrix
//   auxiliary_labels [true]      false = the "JPG-auxiliary" ablation: labels are still predicted
//                                (and trained) but c is not given to the encoder
//   label_max_tokens [5]         GRU steps per label (EOS counts as a step)
//   label_hidden [128]           GRU state width
//   context_words [left right bilateral upper middle lower base apex mild moderate severe small
//                 large]         the label vocabulary after the finding tokens
//   label_epochs_single [10], label_epochs_context [10], label_loss_weight [1.0]: training only
// Label vocabulary: id 0 = BOS/EOS/PAD, ids 1..L = the manifest's labels (spaces → "_"), then the
// context words.
// Weights: "visual_extractor.*", "tag_head.*", "subspace.*" (or "att_embed.*" without the shared
// subspace), "tgt_embed.*", "label_classifier.*", "label_decoder.*", "encoder_layers.*",
// "decoder_layers.*", "encoder_norm.*", "decoder_norm.*", "logit.*", and the buffer
// "label_stages_done" (scalar, 1 once the trainer ran the two label stages).

#include "Decoding.h"
#include "GraphHeads.h"
#include "ReportModel.h"
#include "CachedDecoderSession.h"
#include "Transformer.h"
#include "VisualExtractor.h"

#include <string>
#include <vector>

namespace raddraft::inference {

struct SharedSubspaceOptions {
    std::int64_t visualFeatures = 512; ///< d_x
    std::int64_t textFeatures = 256;   ///< d_y
    std::int64_t basisVectors = 256;   ///< m
    std::int64_t basisDimension = 128; ///< d_b
    std::int64_t subspaceDimension = 256; ///< d_s
    double similarityScale = 10.0;        ///< s: S = softmax_rows(s · cos(x̃_i, b̃_j)), eq. 7-9
};

/// Eq. 4-10: the shared base matrix and the three projections.
class SharedSubspaceImpl : public torch::nn::Module {
public:
    explicit SharedSubspaceImpl(const SharedSubspaceOptions& options);

    struct Result {
        torch::Tensor representation; ///< (…, T, d_s): S·B̃ (or G·B̃)
        torch::Tensor weights;        ///< (…, T, m): S (or G), rows sum to 1
    };
    /// B̃ = B·W_b, (m, d_s).
    torch::Tensor projectedBasis();
    /// Visual features X (…, T, d_x) → r_x and S.
    Result visual(const torch::Tensor& features);
    /// Textual features Y (…, T, d_y) → r_y and G.
    Result textual(const torch::Tensor& features);

    const SharedSubspaceOptions& options() const { return m_options; }

    torch::Tensor basis;                      ///< B (m, d_b)
    torch::nn::Linear projectVisual{nullptr}; ///< W_x
    torch::nn::Linear projectText{nullptr};   ///< W_y
    torch::nn::Linear projectBasis{nullptr};  ///< W_b

private:
    Result represent(const torch::Tensor& projected);
    SharedSubspaceOptions m_options;
};
TORCH_MODULE(SharedSubspace);

/// The classification layer of §3.4 over the new visual representations: each finding k pools
/// the patches (plus a sinusoidal patch position, so that the pooled vector says where) with its
/// own softmax attention, turns the pooled vector into its output embedding e_k and a logit.
class JpgLabelClassifierImpl : public torch::nn::Module {
public:
    JpgLabelClassifierImpl(std::int64_t modelDimension, std::int64_t labels);

    struct Output {
        torch::Tensor logits;     ///< (B, L)
        torch::Tensor embeddings; ///< (B, L, d): e_k, the GRU's initial input
        torch::Tensor attention;  ///< (B, L, P): each finding's pooling weights (rows sum to 1)
    };
    /// representations (B, P, d) with positions already added.
    Output forward(const torch::Tensor& representations);

private:
    torch::nn::Linear m_attention{nullptr}; ///< d → L
    torch::nn::Linear m_hidden{nullptr};    ///< d → d
    torch::Tensor m_weight, m_bias;         ///< (L, d), (L)
};
TORCH_MODULE(JpgLabelClassifier);

/// Greedily decoded labels of N rows.
struct LabelDecoding {
    torch::Tensor tokens;           ///< (N, steps) int64, 0 after the label's end
    torch::Tensor lengths;          ///< (N) int64: emitted tokens, EOS excluded (≤ steps)
    torch::Tensor logProbabilities; ///< (N, steps) float32 of the emitted tokens, 0 after the end
    torch::Tensor endLogProbability; ///< (N) float32: log p(EOS) where EOS was emitted, else 0
};

/// The GRU of §3.4 over the label vocabulary.
class JpgLabelDecoderImpl : public torch::nn::Module {
public:
    JpgLabelDecoderImpl(std::int64_t inputDimension, std::int64_t hidden, std::int64_t vocabularySize);

    /// h_0 = tanh(W_init · e): embeddings (N, d) → (N, hidden).
    torch::Tensor initialState(const torch::Tensor& embeddings);
    /// Teacher forcing: state (N, hidden), inputs (N, T) starting with BOS → logits (N, T, V).
    torch::Tensor forward(const torch::Tensor& state, const torch::Tensor& inputs);
    /// Greedy decoding of at most `steps` tokens; firstTokens (N) forces each row's first token
    /// (the finding), or undefined to choose it greedily as well.
    LabelDecoding decode(const torch::Tensor& state, std::int64_t steps, const torch::Tensor& firstTokens);

    torch::nn::Embedding embedding{nullptr}; ///< label tokens → d (the textual features of labels)

private:
    torch::nn::Linear m_init{nullptr};
    torch::nn::GRUCell m_cell{nullptr};
    torch::nn::Linear m_output{nullptr};
};
TORCH_MODULE(JpgLabelDecoder);

struct JpgOptions {
    std::int64_t inputFeatures = 512;        ///< C
    std::int64_t vocabularySize = 761;       ///< report logits, id 0 included
    std::int64_t modelDimension = 256;       ///< d = d_s = d_y
    std::int64_t heads = 8;
    std::int64_t layers = 3;
    std::int64_t feedForwardDimension = 128;
    double dropout = 0.1;
    std::int64_t basisVectors = 256;         ///< m
    std::int64_t basisDimension = 128;       ///< d_b
    double similarityScale = 10.0;           ///< the cosines' scale in eq. 7-9 (docs/MODELS.md § JPG)
    bool sharedSubspace = true;
    bool auxiliaryLabels = true;
    std::int64_t labels = 20;                ///< L, single disease labels (the manifest's)
    std::int64_t labelVocabularySize = 34;   ///< 1 + L + context words
    std::int64_t labelMaxTokens = 5;
    std::int64_t labelHidden = 128;
};

/// Everything the encoder side computes for a batch of studies.
struct JpgEncoded {
    torch::Tensor memory;             ///< (B, P [+ L], d) encoder output
    JpgLabelClassifierImpl::Output classified; ///< logits (B, L), embeddings, attention (B, L, P)
    torch::Tensor labelProbabilities; ///< (B, L) sigmoid of the logits
    LabelDecoding labels;             ///< rows b·L + k: finding k's context-aware label of study b
    torch::Tensor visualWeights;      ///< (B, P, m) S, undefined without the shared subspace
};

class JpgNetworkImpl : public torch::nn::Module {
public:
    JpgNetworkImpl(const VisualExtractorOptions& extractor, const JpgOptions& options);

    const JpgOptions& options() const { return m_options; }

    /// r_x (B, P, d) and S (undefined without the shared subspace).
    SharedSubspaceImpl::Result visualRepresentations(const torch::Tensor& patches);
    /// Report tokens (N, T) → r_y (N, T, d) before scaling and positions.
    torch::Tensor textualRepresentations(const torch::Tensor& tokens);
    /// Label tokens (N, T) → their aligned textual representations (N, T, d).
    torch::Tensor labelRepresentations(const torch::Tensor& labelTokens);
    /// The classifier on r_x + patch positions.
    JpgLabelClassifierImpl::Output classify(const torch::Tensor& visual);
    /// GRU initial states of every (study, finding) row: (B·L, hidden).
    torch::Tensor labelStates(const JpgLabelClassifierImpl::Output& classified);
    /// Encoder side: classifier, context-aware labels (greedy, first token forced to the
    /// finding), c, encoder.
    JpgEncoded encode(const torch::Tensor& patches);
    /// Teacher-forced decoding: tokens (N, T) starting with BOS → logits (N, T, V).
    torch::Tensor decodeAll(const torch::Tensor& memory, const torch::Tensor& tokens, const torch::Tensor& tokenMask = {});

    /// As EncoderDecoder::startCache; in eval mode without autograd the steps take the fused
    /// inference path, with r_y of the whole vocabulary computed here once (eq. 9 is per token).
    DecoderCache startCache(const torch::Tensor& memory, std::int64_t capacity, std::int64_t rowsPerInput = 1);
    /// One step: lastTokens (N) → logits (N, V); crossAttention (optional out): (N, layers, P [+ L]).
    torch::Tensor decodeStep(const torch::Tensor& lastTokens, DecoderCache& cache, torch::Tensor* crossAttention);

    /// The label token of finding k: k + 1.
    static std::int64_t findingToken(std::int64_t finding) { return finding + 1; }

    bool labelStagesDone() const;
    void markLabelStagesDone();

    VisualExtractor visualExtractor{nullptr};
    TagHead tagHead{nullptr};                 ///< the baseline's head on pooled features (shared pre-training)
    SharedSubspace subspace{nullptr};         ///< null for the "JPG-projection" ablation
    JpgLabelClassifier labelClassifier{nullptr};
    JpgLabelDecoder labelDecoder{nullptr};

private:
    JpgOptions m_options;
    torch::nn::Sequential m_visualProjection{nullptr}; ///< the ablation's att_embed
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Dropout m_embeddingDropout{nullptr};
    torch::nn::ModuleList m_encoderLayers{nullptr}, m_decoderLayers{nullptr};
    std::vector<EncoderLayer> m_encoder;
    std::vector<DecoderLayer> m_decoder;
    torch::nn::LayerNorm m_encoderNorm{nullptr}, m_decoderNorm{nullptr};
    torch::nn::Linear m_logit{nullptr};
    torch::Tensor m_labelStagesDone; ///< buffer (), 1 when trained
    SinusoidPositions m_positions;
};
TORCH_MODULE(JpgNetwork);

/// IncrementalDecoder over a JpgNetwork and encoded memory.
using JpgDecoderSession = CachedDecoderSession<JpgNetwork>;

class JpgReportModel : public ReportModel {
public:
    explicit JpgReportModel(const Manifest& manifest);

    torch::nn::Module& network() override { return *m_network; }
    VisualFeatures extractFeatures(const torch::Tensor& images) override;
    std::vector<Draft> generate(const GenerationRequest& request) override;

    JpgNetwork& typedNetwork() { return m_network; }
    /// Label token texts in id order (index 0 = "<eos>").
    const std::vector<std::string>& labelVocabulary() const { return m_labelVocabulary; }
    /// A decoded label (tokens, EOS excluded) as readable text: "pleural effusion right small".
    std::string labelText(const std::vector<std::int64_t>& tokens) const;

private:
    JpgNetwork m_network{nullptr};
    std::vector<std::string> m_labelVocabulary;
};

/// The label vocabulary of a manifest's labels and context words (index 0 = "<eos>").
std::vector<std::string> jpgLabelVocabulary(const std::vector<std::string>& labels, const std::vector<std::string>& contextWords);

/// The type's defaults as JSON (also registered in the ModelRegistry).
nlohmann::json jpgDefaultHyperParameters();

} // namespace raddraft::inference
