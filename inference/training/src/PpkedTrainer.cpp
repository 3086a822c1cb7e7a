// Trainer of model type "ppked" (PpkedModel.h), as the paper trains it (§4.1): the session's
// multi-label pre-training with weighted BCE (extractor + tag head), then cross-entropy on the
// reports (Eq. 11) for everything else.
//
// prepareReportTraining builds PrWE's retrieval index from the training split: the corpus (study
// ids and reports, into manifest.corpus), the pooled image embeddings of the cached features, and
// the report embeddings. The report encoder (the paper's BERT + max-pooling, which is not
// available here) is trained there, before the report stage, on the training reports alone: from
// its max-pooled embedding a linear head predicts the report's graph labels (weighted BCE, the
// pre-training loss) and another the words the report contains (bag-of-words BCE); then it is
// frozen and its embeddings are stored as a buffer. Training it jointly with the decoder would
// re-embed every retrieved report (N_K per study) at every step and change the index under the
// decoder; fixed embeddings are what the paper's pre-trained encoder gives as well. Everything
// there is seeded from a constant and uses its own generator, so a resumed run rebuilds the same
// index without touching the generator that drives dropout.

#include "ModelTrainer.h"
#include "TrainingRecipe.h"
#include "PpkedModel.h"
#include "training/TrainingError.h"

#include <torch/torch.h>

#include <algorithm>
#include <map>
#include <random>

namespace raddraft::training {
namespace {

constexpr std::uint64_t kReportEncoderSeed = 20210619; // fixed: the index must not depend on the run's generator
constexpr std::int64_t kReportEncoderBatch = 64;
constexpr double kReportEncoderLearningRate = 1e-3;
constexpr std::size_t kReportEncoderMaxTokens = 200;

class PpkedTrainer : public ModelTrainer {
public:
    explicit PpkedTrainer(inference::ReportModel& model) : ModelTrainer(model), m_model(typedModelOf(model)), m_network(m_model.typedNetwork()) {}

    torch::nn::Module& visualExtractor() override { return *m_network->visualExtractor; }
    torch::nn::Module* tagHead() override { return m_network->tagHead ? m_network->tagHead.get() : nullptr; }

    torch::Tensor tagLogits(const inference::VisualFeatures& features) override { return m_network->tagHead->forward(features.pooled); }

    std::vector<torch::Tensor> reportParameters() override {
        // Everything but the extractor, the tag head and the report encoder (trained and frozen in
        // prepareReportTraining).
        std::vector<torch::Tensor> parameters;
        for (const auto& item : m_network->named_parameters()) {
            const std::string& name = item.key();
            if (name.rfind("visual_extractor.", 0) == 0 || name.rfind("tag_head.", 0) == 0 || name.rfind("report_encoder.", 0) == 0) continue;
            parameters.push_back(item.value());
        }
        return parameters;
    }

    torch::Tensor reportLoss(const ReportBatch& batch) override {
        const inference::PpkedKnowledge knowledge = m_network->explore(batch.features, excludedRowsOf(batch));
        const torch::Tensor logits = m_network->decodeAll(knowledge, batch.inputTokens, batch.tokenMask);
        return maskedCrossEntropy(logits, batch.targetTokens, batch.tokenMask);
    }

    std::vector<std::vector<std::int64_t>> decode(const inference::VisualFeatures& features, int beamWidth, int maxLength) override {
        inference::PpkedDecoderSession session(m_network, m_network->explore(features));
        inference::DecodeOptions options;
        options.beamWidth = beamWidth;
        options.maxLength = maxLength;
        options.collectCrossAttention = false;
        std::vector<std::vector<std::int64_t>> tokens;
        for (const inference::DecodedSequence& sequence : inference::beamSearch(session, options)) tokens.push_back(sequence.tokens);
        return tokens;
    }

    void prepareReportTraining(const FeatureCache* cache, const std::vector<TrainingExample>& train) override {
        m_corpusRows.clear();
        if (!m_network->usesReports()) return;
        if (cache == nullptr) {
            throw TrainingError("ppked: the retrieval index of the prior working experience is built from the cached features of the "
                                "training split: set train.feature_cache to true (or model.use_prke_reports to false)");
        }
        std::vector<inference::CorpusEntry> corpus;
        for (std::size_t row = 0; row < train.size(); ++row) {
            corpus.push_back({train[row].id, train[row].report, {}});
            m_corpusRows[train[row].id] = std::int64_t(row);
        }
        const std::vector<std::int64_t> cacheRows = cache->rowsOf(train);
        const torch::Tensor pooled = cache->pooled.index_select(0, torch::tensor(cacheRows, torch::kInt64));
        const torch::Tensor reportEmbeddings = trainReportEncoder(train);
        m_model.setCorpus(std::move(corpus)); // resizes the index buffers
        const torch::Tensor& like = m_network->retrievalImageEmbeddings();
        m_network->setRetrievalIndex(pooled.to(like.device(), like.scalar_type()), reportEmbeddings.to(like.device(), like.scalar_type()));
    }

private:
    static inference::PpkedReportModel& typedModelOf(inference::ReportModel& model) {
        auto* ppked = dynamic_cast<inference::PpkedReportModel*>(&model);
        if (ppked == nullptr) throw TrainingError("the ppked trainer was given a '" + model.manifest().modelType + "' model");
        return *ppked;
    }

    // A training study never retrieves its own report (it would be the answer itself).
    torch::Tensor excludedRowsOf(const ReportBatch& batch) const {
        if (batch.studyIds.empty() || m_corpusRows.empty()) return {};
        std::vector<std::int64_t> rows;
        for (const std::string& id : batch.studyIds) {
            const auto found = m_corpusRows.find(id);
            rows.push_back(found == m_corpusRows.end() ? -1 : found->second);
        }
        return torch::tensor(rows, torch::kInt64).to(batch.features.pooled.device());
    }

    // The word ids of every training report (cleaned and encoded as the decoder's targets, BOS and
    // EOS dropped), padded with 0: (N, L).
    torch::Tensor reportTokens(const std::vector<TrainingExample>& train) const {
        const inference::CleaningStyle style = inference::cleaningStyleFromName(m_model.manifest().cleaning);
        std::vector<std::vector<std::int64_t>> reports;
        std::size_t longest = 1;
        for (const TrainingExample& example : train) {
            std::vector<std::int64_t> ids;
            for (std::int64_t id : m_model.vocabulary().encode(inference::cleanReport(example.report, style))) {
                if (id != inference::Vocabulary::kEndId && ids.size() < kReportEncoderMaxTokens) ids.push_back(id);
            }
            longest = std::max(longest, ids.size());
            reports.push_back(std::move(ids));
        }
        torch::Tensor tokens = torch::zeros({std::int64_t(reports.size()), std::int64_t(longest)}, torch::kInt64);
        auto access = tokens.accessor<std::int64_t, 2>();
        for (std::size_t row = 0; row < reports.size(); ++row) {
            for (std::size_t column = 0; column < reports[row].size(); ++column) access[std::int64_t(row)][std::int64_t(column)] = reports[row][column];
        }
        return tokens;
    }

    // Trains the report encoder from a fixed initialisation and returns the embeddings of every
    // training report, (N, E) float32 on the CPU.
    torch::Tensor trainReportEncoder(const std::vector<TrainingExample>& train) {
        inference::ReportEncoder& encoder = m_network->reportEncoder;
        const torch::Device device = m_network->retrievalImageEmbeddings().device();
        const std::int64_t size = m_network->options().reportEmbeddingSize;
        const std::int64_t vocabulary = m_network->options().vocabularySize;
        const auto epochs = m_model.manifest().hyperParameters.value("report_encoder_epochs", std::int64_t(20));
        torch::Generator generator = at::detail::createCPUGenerator(kReportEncoderSeed);

        const torch::Tensor tokens = reportTokens(train);
        const std::int64_t count = tokens.size(0);
        const std::size_t labelCount = train.empty() ? 0 : train.front().labels.size();
        torch::Tensor labels = torch::zeros({count, std::int64_t(labelCount)});
        torch::Tensor labelWeights = torch::zeros({count, std::int64_t(labelCount)});
        for (std::int64_t row = 0; row < count; ++row) {
            const TrainingExample& example = train[std::size_t(row)];
            if (example.labels.size() == labelCount && labelCount > 0) {
                labels[row] = torch::tensor(example.labels);
                labelWeights[row] = torch::tensor(example.labelWeights);
            }
        }
        torch::Tensor words = torch::zeros({count, vocabulary}).scatter_(1, tokens, 1.0);
        words.select(1, 0).zero_(); // padding is not a word

        // Linear heads as plain tensors: building torch::nn::Linear would draw from the global
        // generator.
        const auto options = torch::TensorOptions().device(device);
        const std::int64_t labelOutputs = std::max<std::int64_t>(1, std::int64_t(labelCount));
        torch::Tensor wordWeight = torch::empty({vocabulary, size}, options), wordBias = torch::zeros({vocabulary}, options);
        torch::Tensor labelWeight = torch::empty({labelOutputs, size}, options), labelBias = torch::zeros({labelOutputs}, options);
        std::vector<torch::Tensor> parameters = encoder->parameters();
        for (torch::Tensor* head : {&wordWeight, &wordBias, &labelWeight, &labelBias}) parameters.push_back(head->requires_grad_(true));
        {
            torch::NoGradGuard noGrad;
            for (torch::Tensor& parameter : parameters) {
                if (parameter.dim() > 1) {
                    const double fanIn = double(parameter.numel() / parameter.size(0));
                    const double fanOut = double(parameter.size(0)) * (parameter.dim() > 2 ? double(parameter.size(2)) : 1.0);
                    const double bound = std::sqrt(6.0 / (fanIn + fanOut)); // Xavier-uniform
                    parameter.copy_(torch::rand(parameter.sizes(), generator) * (2 * bound) - bound);
                } else {
                    parameter.zero_();
                }
            }
            encoder->named_parameters()["embedding.weight"][0].zero_(); // padding row
        }
        torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(kReportEncoderLearningRate));
        std::mt19937_64 shuffle(kReportEncoderSeed);
        std::vector<std::int64_t> order(static_cast<std::size_t>(count));
        for (std::int64_t i = 0; i < count; ++i) order[std::size_t(i)] = i;
        const bool wasTraining = encoder->is_training();
        encoder->train();
        for (std::int64_t epoch = 0; epoch < epochs; ++epoch) {
            std::shuffle(order.begin(), order.end(), shuffle);
            for (std::int64_t start = 0; start < count; start += kReportEncoderBatch) {
                const std::int64_t end = std::min(count, start + kReportEncoderBatch);
                const torch::Tensor rows = torch::tensor(std::vector<std::int64_t>(order.begin() + start, order.begin() + end), torch::kInt64);
                const torch::Tensor embedding = encoder(tokens.index_select(0, rows).to(device));
                torch::Tensor loss = torch::nn::functional::binary_cross_entropy_with_logits(
                    torch::nn::functional::linear(embedding, wordWeight, wordBias), words.index_select(0, rows).to(device));
                if (labelCount > 0) {
                    loss = loss + tagLoss(torch::nn::functional::linear(embedding, labelWeight, labelBias), labels.index_select(0, rows),
                                          labelWeights.index_select(0, rows), {});
                }
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
        encoder->train(wasTraining);
        for (torch::Tensor& parameter : encoder->parameters()) parameter.mutable_grad() = torch::Tensor();

        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> embeddings;
        for (std::int64_t start = 0; start < count; start += kReportEncoderBatch) {
            const std::int64_t length = std::min(kReportEncoderBatch, count - start);
            embeddings.push_back(encoder(tokens.narrow(0, start, length).to(device)).to(torch::kCPU, torch::kFloat32));
        }
        return count == 0 ? torch::zeros({0, size}) : torch::cat(embeddings);
    }

    inference::PpkedReportModel& m_model;
    inference::PpkedNetwork m_network;
    std::map<std::string, std::int64_t> m_corpusRows; ///< study id → corpus row (the training split)
};

} // namespace

void registerPpkedTrainer(TrainerRegistry& registry) {
    // The transformer baseline's recipe (160 px ResNet-18, 2 pre-training epochs, which
    // pretrain.initialize_from can replace by the baseline bundle's extractor and tag head), with
    // the paper's report stage: Adam, cross-entropy, early stopping on validation BLEU-4. d_ff 256
    // and one MKD layer: PPKED has four knowledge blocks and the MKD beside ResNet-18's 22.4 MB
    // (F16) and the retrieval index; with two layers the phantom bundle would pass 30 MB
    // (docs/MODELS.md § PPKED).
    TrainerType type;
    type.name = "ppked";
    type.configOverrides = phantomRecipe({{"visual_extractor", "resnet18"}, {"d_model", 256}, {"num_heads", 8}, {"num_layers", 1},
                                          {"d_ff", 256}, {"dropout", 0.1}, {"max_length", 60}},
                                         {{"train", {{"epochs", 12}}}});
    type.create = [](inference::ReportModel& model) { return std::make_unique<PpkedTrainer>(model); };
    registry.add(std::move(type));
}

} // namespace raddraft::training
