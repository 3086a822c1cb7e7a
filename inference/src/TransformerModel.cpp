#include "TransformerModel.h"

#include "GenerationStages.h"

#include <torch/torch.h>

namespace raddraft::inference {

nlohmann::json transformerDefaultHyperParameters() {
    return {{"visual_extractor", "resnet18"}, {"d_model", 256},       {"num_heads", 8},
            {"num_layers", 3},                {"d_ff", 512},          {"dropout", 0.1},
            {"max_length", 60},               {"beam_width", 3},      {"length_penalty", 0.0},
            {"block_trigrams", false},        {"tag_threshold", 0.5}};
}

void registerTransformerModel(ModelRegistry& registry) {
    registry.add({"transformer",
                  "Visual extractor + Transformer encoder-decoder (R2Gen's base without its memory)",
                  transformerDefaultHyperParameters(),
                  [](const Manifest& manifest) { return std::make_unique<TransformerReportModel>(manifest); }});
}

TransformerReportNetworkImpl::TransformerReportNetworkImpl(const VisualExtractorOptions& extractor,
                                                           const TransformerOptions& transformer, std::int64_t labels) {
    visualExtractor = register_module("visual_extractor", VisualExtractor(extractor));
    encoderDecoder = register_module("encoder_decoder", EncoderDecoder(transformer));
    if (labels > 0) {
        tagHead = register_module("tag_head", TagHead(TagHeadOptions{transformer.inputFeatures, labels, 0.0}));
    }
}

EncoderDecoderSession::EncoderDecoderSession(EncoderDecoder model, torch::Tensor memory, bool useCache)
    : m_model(std::move(model)), m_memory(std::move(memory)), m_useCache(useCache) {}

void EncoderDecoderSession::start(std::int64_t beamWidth, std::int64_t capacity) {
    if (m_useCache) {
        m_cache = m_model->startCache(m_memory, capacity, beamWidth);
    } else {
        const torch::Tensor expanded = m_memory.repeat_interleave(beamWidth, 0);
        m_expandedMemory = expanded;
        m_prefix = torch::empty({expanded.size(0), 0}, torch::TensorOptions().dtype(torch::kInt64).device(expanded.device()));
    }
}

torch::Tensor EncoderDecoderSession::step(const torch::Tensor& lastTokens, torch::Tensor* crossAttention) {
    if (m_useCache) return m_model->decodeStep(lastTokens, m_cache, crossAttention);
    m_prefix = torch::cat({m_prefix, lastTokens.view({-1, 1})}, 1);
    torch::Tensor attention;
    const torch::Tensor logits = m_model->decodeAll(m_expandedMemory, m_prefix, {}, crossAttention ? &attention : nullptr);
    if (crossAttention != nullptr) *crossAttention = attention.select(1, attention.size(1) - 1);
    return logits.select(1, logits.size(1) - 1);
}

void EncoderDecoderSession::reorder(const torch::Tensor& rows) {
    if (m_useCache) {
        m_cache.reorder(rows);
    } else {
        m_prefix = m_prefix.index_select(0, rows);
        m_expandedMemory = m_expandedMemory.index_select(0, rows);
    }
}

namespace {
TransformerOptions transformerOptionsOf(const Manifest& manifest, std::int64_t inputFeatures) {
    const nlohmann::json& h = manifest.hyperParameters;
    TransformerOptions options;
    options.inputFeatures = inputFeatures;
    options.vocabularySize = std::int64_t(manifest.vocabulary.size()) + 1;
    options.modelDimension = h.value("d_model", options.modelDimension);
    options.heads = h.value("num_heads", options.heads);
    options.layers = h.value("num_layers", options.layers);
    options.feedForwardDimension = h.value("d_ff", options.feedForwardDimension);
    options.dropout = h.value("dropout", options.dropout);
    return options;
}
} // namespace

TransformerReportModel::TransformerReportModel(const Manifest& manifest) : ReportModel(manifest) {
    VisualExtractorOptions extractor;
    extractor.architecture = hyperParameter<std::string>("visual_extractor", "resnet18");
    const std::int64_t channels = visualFeatureChannels(extractor.architecture);
    m_network = TransformerReportNetwork(extractor, transformerOptionsOf(this->manifest(), channels),
                                         std::int64_t(this->manifest().labels.size()));
}

VisualFeatures TransformerReportModel::extractFeatures(const torch::Tensor& images) {
    return m_network->visualExtractor->extract(images);
}

std::vector<Draft> TransformerReportModel::generate(const GenerationRequest& request) {
    GenerationStages stages(request);
    stages.begin("extractor");
    const VisualFeatures features = extractFeatures(request.images);
    const TagEvidence tags = evaluateTagHead(m_network->tagHead, features);
    stages.endOrCancel();

    stages.begin("encoder");
    const torch::Tensor memory = m_network->encoderDecoder->encode(features.patches);
    stages.endOrCancel();

    stages.begin("decode");
    EncoderDecoderSession session(m_network->encoderDecoder, memory, true);
    DecodeOptions decode = request.decode;
    decode.progress = stages.progressOf("decode");
    const std::vector<DecodedSequence> sequences = beamSearch(session, decode);
    stages.end();

    std::vector<Draft> drafts;
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        const auto item = std::int64_t(i);
        drafts.push_back(assembleDraft(*this, sequences[i], request.views, features.gridRows, features.gridCols,
                                       tags.probabilitiesOf(item), tags.classActivationsOf(item)));
    }
    return drafts;
}

} // namespace raddraft::inference
