// Trainer of model type "transformer" (TransformerModel.h): the ResNet extractor and the tag head
// pre-train on the graph labels; the encoder-decoder learns the reports by teacher forcing
// (mean cross-entropy over the real target tokens, padding masked); the tag head is kept from
// pre-training unless train.tag_loss_weight > 0 (docs/MODELS.md § Training).

#include "ModelTrainer.h"
#include "TrainingRecipe.h"
#include "TransformerModel.h"
#include "training/TrainingError.h"

#include <torch/torch.h>

namespace raddraft::training {
namespace {

class TransformerTrainer : public ModelTrainer {
public:
    explicit TransformerTrainer(inference::ReportModel& model)
        : ModelTrainer(model), m_network(typedNetworkOf(model)) {}

    torch::nn::Module& visualExtractor() override { return *m_network->visualExtractor; }
    torch::nn::Module* tagHead() override { return m_network->tagHead ? m_network->tagHead.get() : nullptr; }

    torch::Tensor tagLogits(const inference::VisualFeatures& features) override {
        return m_network->tagHead->forward(features.pooled);
    }

    std::vector<torch::Tensor> reportParameters() override { return m_network->encoderDecoder->parameters(); }

    torch::Tensor reportLoss(const ReportBatch& batch) override {
        const torch::Tensor logits = m_network->encoderDecoder->forward(batch.features.patches, batch.inputTokens, batch.tokenMask);
        return maskedCrossEntropy(logits, batch.targetTokens, batch.tokenMask);
    }

    std::vector<std::vector<std::int64_t>> decode(const inference::VisualFeatures& features, int beamWidth, int maxLength) override {
        const torch::Tensor memory = m_network->encoderDecoder->encode(features.patches);
        inference::EncoderDecoderSession session(m_network->encoderDecoder, memory, true);
        inference::DecodeOptions options;
        options.beamWidth = beamWidth;
        options.maxLength = maxLength;
        options.collectCrossAttention = false;
        std::vector<std::vector<std::int64_t>> tokens;
        for (const inference::DecodedSequence& sequence : inference::beamSearch(session, options)) tokens.push_back(sequence.tokens);
        return tokens;
    }

private:
    static inference::TransformerReportNetwork typedNetworkOf(inference::ReportModel& model) {
        auto* transformer = dynamic_cast<inference::TransformerReportModel*>(&model);
        if (transformer == nullptr) throw TrainingError("the transformer trainer was given a '" + model.manifest().modelType + "' model");
        return transformer->typedNetwork();
    }

    inference::TransformerReportNetwork m_network;
};

} // namespace

void registerTransformerTrainer(TrainerRegistry& registry) {
    // The recipe of the bundled model resources/models/transformer-phantom (docs/MODELS.md §
    // Training and § The bundled baseline): ResNet-18 pre-trained on the graph labels at 160 px for
    // 2 epochs, then a 2-layer d_model 256 encoder-decoder on cached features for ≤ 10 epochs;
    // 27 MB as F16, 43 min end to end on the shared 2-core CPU for 1,500 phantom studies.
    TrainerType type;
    type.name = "transformer";
    type.configOverrides = phantomRecipe({{"visual_extractor", "resnet18"}, {"d_model", 256}, {"num_heads", 8}, {"num_layers", 2},
                                          {"d_ff", 512}, {"dropout", 0.1}, {"max_length", 60}});
    type.create = [](inference::ReportModel& model) { return std::make_unique<TransformerTrainer>(model); };
    registry.add(std::move(type));
}

} // namespace raddraft::training
