#pragma once
// Model type "transformer": the R2Gen base without its relational memory — visual extractor
// (ResNet/DenseNet, views fused by concatenating patch tokens) → Transformer encoder–decoder,
// plus an optional tag head over the manifest's labels (the knowledge-graph findings).
//
// Hyper-parameters (manifest "hyperparameters", defaults in brackets):
//   visual_extractor ["resnet18"]  d_model [256]  num_heads [8]  num_layers [3]  d_ff [512]
//   dropout [0.1]  max_length [60]  beam_width [3]  length_penalty [0.0]
//   block_trigrams [false]  tag_threshold [0.5]
// Weights: "visual_extractor.backbone.*" (torchvision names), "encoder_decoder.*", "tag_head.*".

#include "Decoding.h"
#include "GraphHeads.h"
#include "ReportModel.h"
#include "Transformer.h"
#include "VisualExtractor.h"

namespace raddraft::inference {

class TransformerReportNetworkImpl : public torch::nn::Module {
public:
    TransformerReportNetworkImpl(const VisualExtractorOptions& extractor, const TransformerOptions& transformer,
                                 std::int64_t labels);

    VisualExtractor visualExtractor{nullptr};
    EncoderDecoder encoderDecoder{nullptr};
    TagHead tagHead{nullptr}; ///< null when there are no labels
};
TORCH_MODULE(TransformerReportNetwork);

/// IncrementalDecoder over an EncoderDecoder and encoded memory (B, P, D). With useCache false
/// every step re-runs the decoder over the whole prefix (reference / benchmark baseline).
class EncoderDecoderSession : public IncrementalDecoder {
public:
    EncoderDecoderSession(EncoderDecoder model, torch::Tensor memory, bool useCache = true);

    std::int64_t batchSize() const override { return m_memory.size(0); }
    std::int64_t vocabularySize() const override { return m_model->options().vocabularySize; }
    torch::Device device() const override { return m_memory.device(); }
    void start(std::int64_t beamWidth, std::int64_t capacity) override;
    torch::Tensor step(const torch::Tensor& lastTokens, torch::Tensor* crossAttention) override;
    void reorder(const torch::Tensor& rows) override;

private:
    EncoderDecoder m_model;
    torch::Tensor m_memory;          ///< (B, P, D)
    bool m_useCache;
    DecoderCache m_cache;            ///< cached mode
    torch::Tensor m_expandedMemory;  ///< full-recompute mode: (B·K, P, D)
    torch::Tensor m_prefix;          ///< full-recompute mode: tokens fed so far (B·K, t)
};

class TransformerReportModel : public ReportModel {
public:
    explicit TransformerReportModel(const Manifest& manifest);

    torch::nn::Module& network() override { return *m_network; }
    VisualFeatures extractFeatures(const torch::Tensor& images) override;
    std::vector<Draft> generate(const GenerationRequest& request) override;

    TransformerReportNetwork& typedNetwork() { return m_network; }

private:
    TransformerReportNetwork m_network{nullptr};
};

/// The type's defaults as JSON (also registered in the ModelRegistry).
nlohmann::json transformerDefaultHyperParameters();

} // namespace raddraft::inference
