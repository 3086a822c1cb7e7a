#pragma once
// The per-model-type part of training. The session (TrainingSession.h) owns the loop, the data,
// the optimiser, the checkpoints and the metrics; a ModelTrainer only says which modules play
// which part and how its loss and decoding are computed. Adding a trainable type (PPKED, CKNet,
// CVSE, JPG, ASGK): one file <Type>Trainer.cpp with a ModelTrainer subclass and a
// `void register<Type>Trainer(TrainerRegistry&)`, plus one line in TrainerRegistry's constructor
// (ModelTrainer.cpp).
//
// Stages and the hooks they call:
//   pretrain  visualExtractor() + tagHead() train on tagLoss(tagLogits(features), labels)
//   features  model().extractFeatures(images) with the extractor frozen (eval mode, no grad)
//   report    prepareReportTraining(cache, train) once, then reportLoss(batch) over
//             reportParameters() (+ tagHead() when train.tag_loss_weight > 0); decode() on the
//             validation features every epoch

#include "FeatureCache.h"
#include "ReportModel.h"
#include "TrainingExamples.h"

#include <nlohmann/json.hpp>
#include <torch/nn.h>
#include <torch/types.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace raddraft::training {

/// One batch of the report loss, on the training device.
struct ReportBatch {
    inference::VisualFeatures features; ///< patches (B, P, C), pooled (B, C)
    torch::Tensor inputTokens;          ///< (B, T) int64: BOS then the report, padded with 0
    torch::Tensor targetTokens;         ///< (B, T) int64: the report then EOS, padded with 0
    torch::Tensor tokenMask;            ///< (B, T) bool: true for real targets (EOS included)
    torch::Tensor labels;               ///< (B, L) float 0/1
    torch::Tensor labelWeights;         ///< (B, L) float, 0 = unknown or ignored
    /// Study id of each row for training-split batches (PPKED excludes a study's own report from
    /// its retrieval); empty for validation batches.
    std::vector<std::string> studyIds;
};

class ModelTrainer {
public:
    explicit ModelTrainer(inference::ReportModel& model) : m_model(model) {}
    virtual ~ModelTrainer() = default;
    ModelTrainer(const ModelTrainer&) = delete;
    ModelTrainer& operator=(const ModelTrainer&) = delete;

    inference::ReportModel& model() { return m_model; }

    /// The visual extractor module (what extractFeatures runs); pre-trained, then frozen when
    /// features are cached.
    virtual torch::nn::Module& visualExtractor() = 0;
    /// The multi-label tag head, or nullptr when the model has none (pre-training is skipped).
    virtual torch::nn::Module* tagHead() = 0;
    /// Tag logits (B, labels) from features. Only called when tagHead() is not null.
    virtual torch::Tensor tagLogits(const inference::VisualFeatures& features) = 0;

    /// Parameters of the report head: everything but the extractor and the tag head.
    virtual std::vector<torch::Tensor> reportParameters() = 0;
    /// Teacher-forced report loss of a batch (mean cross-entropy over the masked targets).
    virtual torch::Tensor reportLoss(const ReportBatch& batch) = 0;
    /// Decodes token ids (EOS excluded) for every input. The caller sets eval mode and disables
    /// autograd.
    virtual std::vector<std::vector<std::int64_t>> decode(const inference::VisualFeatures& features, int beamWidth,
                                                          int maxLength) = 0;

    /// Called before the report stage's first epoch (also when a run resumes in it) with the
    /// training split and its cached features (null when train.feature_cache is false), for
    /// example to build PPKED's retrieval index into the network's buffers. Must be
    /// deterministic. Default: nothing.
    virtual void prepareReportTraining(const FeatureCache* cache, const std::vector<TrainingExample>& train);

    /// What besides the extractor's weights, the preprocessing and the studies decides the
    /// features extractFeatures returns (ASGK: how its auxiliary crops are cut); it enters the
    /// feature cache's key. Default: "" (nothing).
    virtual std::string featureCacheVariant() { return ""; }

private:
    inference::ReportModel& m_model;
};

struct TrainerType {
    std::string name; ///< the model type's registry name
    /// A partial training configuration merged over the generic defaults for this type (sizes,
    /// epochs, rates): the type's recommended recipe. Its "model" part overrides the model
    /// type's hyper-parameter defaults.
    nlohmann::json configOverrides = nlohmann::json::object();
    std::function<std::unique_ptr<ModelTrainer>(inference::ReportModel&)> create;
};

class TrainerRegistry {
public:
    static TrainerRegistry& instance();
    void add(TrainerType type);
    /// Throws TrainingError listing the trainable types.
    const TrainerType& find(const std::string& name) const;
    std::vector<std::string> names() const;

private:
    TrainerRegistry();
    std::map<std::string, TrainerType> m_types;
};

// One registration function per trainable type (defined in <Type>Trainer.cpp).
void registerTransformerTrainer(TrainerRegistry& registry);
void registerCknetTrainer(TrainerRegistry& registry);
void registerPpkedTrainer(TrainerRegistry& registry);
void registerCvseTrainer(TrainerRegistry& registry);
void registerJpgTrainer(TrainerRegistry& registry);
void registerAsgkTrainer(TrainerRegistry& registry);

/// The multi-label loss every trainer pre-trains with: binary cross-entropy with logits, each
/// element weighted by `weights` (0 = unknown or ignored), positives additionally by
/// `positiveWeight` (labels) when defined; sum over weighted elements / their total weight.
torch::Tensor tagLoss(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& weights,
                      const torch::Tensor& positiveWeight);

/// Mean token cross-entropy: logits (B, T, V), targets (B, T), mask (B, T) bool.
torch::Tensor maskedCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& mask);

} // namespace raddraft::training
