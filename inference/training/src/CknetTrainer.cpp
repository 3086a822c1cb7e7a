// Trainer of model type "cknet" (CknetModel.h). Stages as the transformer's: the ResNet extractor
// and the tag head pre-train on the graph labels (or come from a bundle, pretrain.initialize_from);
// features are cached; then, before the first report epoch, prepareReportTraining trains the
// paper's graph network (CknetGraphClassifier: multi-label classification of the graph's findings,
// weighted BCE) on the cached training features and freezes the knowledge matrix it yields into
// the network's buffer; the report head (projection, shared distillation, encoder-decoder) then
// learns the reports by teacher forcing with that matrix fixed. docs/MODELS.md § CKNet.

#include "BatchPlan.h"
#include "ScopedCpuSeed.h"
#include "CknetModel.h"
#include "ModelTrainer.h"
#include "TrainingRecipe.h"
#include "training/TrainingError.h"

#include <torch/torch.h>

#include <mutex>

namespace raddraft::training {
namespace {

constexpr std::uint64_t kGraphSeed = 20240611;   // the graph network's initialisation and batch order
constexpr std::size_t kGraphBatchSize = 32;
constexpr double kGraphLearningRate = 1e-3;
constexpr double kGraphMaxPositiveWeight = 10.0; // as pretrain.max_positive_weight's default
constexpr std::int64_t kGraphLayers = 2;

class CknetTrainer : public ModelTrainer {
public:
    explicit CknetTrainer(inference::ReportModel& model) : ModelTrainer(model), m_network(typedNetworkOf(model)) {}

    torch::nn::Module& visualExtractor() override { return *m_network->visualExtractor; }
    torch::nn::Module* tagHead() override { return m_network->tagHead ? m_network->tagHead.get() : nullptr; }

    torch::Tensor tagLogits(const inference::VisualFeatures& features) override {
        return m_network->tagHead->forward(features.pooled);
    }

    std::vector<torch::Tensor> reportParameters() override {
        std::vector<torch::Tensor> parameters;
        for (const auto& item : m_network->named_parameters()) {
            const std::string& name = item.key();
            if (name.rfind("visual_extractor.", 0) == 0 || name.rfind("tag_head.", 0) == 0) continue;
            parameters.push_back(item.value());
        }
        return parameters;
    }

    torch::Tensor reportLoss(const ReportBatch& batch) override {
        const torch::Tensor logits = m_network->forward(batch.features.patches, batch.inputTokens, batch.tokenMask);
        return maskedCrossEntropy(logits, batch.targetTokens, batch.tokenMask);
    }

    std::vector<std::vector<std::int64_t>> decode(const inference::VisualFeatures& features, int beamWidth, int maxLength) override {
        const torch::Tensor memory = m_network->encode(features.patches).memory;
        inference::CknetDecoderSession session(m_network, memory);
        inference::DecodeOptions options;
        options.beamWidth = beamWidth;
        options.maxLength = maxLength;
        options.collectCrossAttention = false;
        std::vector<std::vector<std::int64_t>> tokens;
        for (const inference::DecodedSequence& sequence : inference::beamSearch(session, options)) tokens.push_back(sequence.tokens);
        return tokens;
    }

    void prepareReportTraining(const FeatureCache* cache, const std::vector<TrainingExample>& train) override {
        if (m_network->options().knowledgeMatrix != "trained") return; // "random" / "none": nothing to learn
        if (m_network->knowledgeMatrixTrained()) return; // a resumed run: the checkpoint holds the matrix
        if (cache == nullptr) {
            throw TrainingError("cknet: knowledge_matrix \"trained\" trains its graph network on the cached features; set "
                                "train.feature_cache to true (or model.knowledge_matrix to \"random\" or \"none\")");
        }
        if (train.empty()) throw TrainingError("cknet: no training studies to train the knowledge graph network on");
        m_network->setTrainedKnowledgeMatrix(trainKnowledgeMatrix(*cache, train));
    }

private:
    static inference::CknetNetwork typedNetworkOf(inference::ReportModel& model) {
        auto* cknet = dynamic_cast<inference::CknetReportModel*>(&model);
        if (cknet == nullptr) throw TrainingError("the cknet trainer was given a '" + model.manifest().modelType + "' model");
        return cknet->typedNetwork();
    }

    // §III-A: the graph network trained as a multi-label classifier on the training split's
    // cached features, then its node states turned into the frozen knowledge matrix.
    torch::Tensor trainKnowledgeMatrix(const FeatureCache& cache, const std::vector<TrainingExample>& train) {
        const inference::Manifest& manifest = model().manifest();
        const inference::KnowledgeGraph& graph = *manifest.knowledgeGraph;
        std::vector<std::int64_t> labelNodes;
        for (const std::string& label : manifest.labels) {
            std::int64_t node = -1;
            for (const inference::KnowledgeGraphNode& candidate : graph.nodes) {
                if (candidate.name == label) node = candidate.id;
            }
            if (node < 0) throw TrainingError("cknet: label '" + label + "' is not a node of the knowledge graph '" + graph.name + "'");
            labelNodes.push_back(node);
        }
        const std::int64_t labelCount = std::int64_t(labelNodes.size());
        const torch::Device device = m_network->knowledgeMatrix().device();
        const std::vector<std::int64_t> rows = cache.rowsOf(train);
        const auto rowsOf = [&](const std::vector<std::size_t>& indices) {
            std::vector<std::int64_t> selected;
            for (std::size_t index : indices) selected.push_back(rows[index]);
            return selected;
        };
        const auto labelsOf = [&](const std::vector<std::size_t>& indices, bool weights) {
            torch::Tensor result = torch::zeros({std::int64_t(indices.size()), labelCount});
            for (std::size_t row = 0; row < indices.size(); ++row) {
                const std::vector<float>& values = weights ? train[indices[row]].labelWeights : train[indices[row]].labels;
                if (!values.empty()) result[std::int64_t(row)] = torch::tensor(values);
            }
            return result.to(device);
        };
        const torch::Tensor labelNodeIndex = torch::tensor(labelNodes, torch::kInt64).to(device);
        const torch::Tensor positiveWeight =
            torch::tensor(positiveWeights(train, std::size_t(labelCount), kGraphMaxPositiveWeight)).to(device);
        const int epochs = manifest.hyperParameters.value("knowledge_epochs", 10);
        const std::int64_t stateDimension = manifest.hyperParameters.value("knowledge_dim", 128);

        ScopedCpuSeed seed(kGraphSeed);
        inference::CknetGraphClassifier classifier(graph, cache.patches.size(2), stateDimension, kGraphLayers);
        classifier->to(device);
        torch::optim::Adam optimizer(classifier->parameters(), torch::optim::AdamOptions(kGraphLearningRate));
        classifier->train();
        for (int epoch = 1; epoch <= epochs; ++epoch) {
            for (const std::vector<std::size_t>& indices :
                 planBatches(train.size(), kGraphBatchSize, true, mixSeed(kGraphSeed, "cknet-graph", std::uint64_t(epoch)))) {
                const inference::VisualFeatures features = cache.gather(rowsOf(indices), device);
                const torch::Tensor logits = classifier(features.patches, features.pooled).logits.index_select(1, labelNodeIndex);
                const torch::Tensor loss = tagLoss(logits, labelsOf(indices, false), labelsOf(indices, true), positiveWeight);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }

        // Node states of every training study with the trained network, and where each finding
        // is present (a known positive label).
        classifier->eval();
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> states;
        for (const std::vector<std::size_t>& indices : planBatches(train.size(), kGraphBatchSize, false, 0)) {
            const inference::VisualFeatures features = cache.gather(rowsOf(indices), device);
            states.push_back(classifier(features.patches, features.pooled).states.to(torch::kCPU));
        }
        const auto nodeCount = std::size_t(graph.nodeCount());
        std::vector<float> present(train.size() * nodeCount, 0.0f);
        for (std::size_t study = 0; study < train.size(); ++study) {
            for (std::size_t label = 0; label < labelNodes.size(); ++label) {
                if (train[study].labelWeights[label] > 0 && train[study].labels[label] > 0.5f) {
                    present[study * nodeCount + std::size_t(labelNodes[label])] = 1.0f;
                }
            }
        }
        const torch::Tensor presence =
            torch::from_blob(present.data(), {std::int64_t(train.size()), std::int64_t(nodeCount)}, torch::kFloat32);
        return inference::knowledgeMatrixFromNodeStates(torch::cat(states), presence).to(device);
    }

    inference::CknetNetwork m_network;
};

} // namespace

void registerCknetTrainer(TrainerRegistry& registry) {
    // The transformer's recipe (160 px ResNet-18 pre-trained 2 epochs, or shared from its bundle
    // with pretrain.initialize_from) with the paper's 3-layer, 8-head encoder-decoder.
    TrainerType type;
    type.name = "cknet";
    type.configOverrides = phantomRecipe({{"visual_extractor", "resnet18"}, {"d_model", 256}, {"num_heads", 8}, {"num_layers", 3},
                                          {"d_ff", 256}, {"dropout", 0.1}, {"max_length", 60}, {"knowledge_matrix", "trained"},
                                          {"knowledge_dim", 128}, {"top_nodes", 8}, {"knowledge_epochs", 10}},
                                         // Selected on CE F1: on BLEU-4 the bundle wrote the normal report well and
                                         // lost 0.07 test CE F1 (docs/MODELS.md § CKNet).
                                         {{"train", {{"epochs", 12}, {"early_stopping", {{"metric", "ce_f1"}}}}}});
    type.create = [](inference::ReportModel& model) { return std::make_unique<CknetTrainer>(model); };
    registry.add(std::move(type));
}

} // namespace raddraft::training
