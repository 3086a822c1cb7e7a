#pragma once
// The training configuration: one JSON object whose defaults are also its schema. A user config
// is merged over the defaults key by key; a key the defaults do not have, or a value whose JSON
// type differs from the default's, is a TrainingError naming the key ("train.optimizer.lr").
// The merged JSON is then read into the structs below, which check ranges and enumerations.
// docs/MODELS.md § Training lists every key.

#include "Augmentation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace raddraft::training {

struct OptimizerConfig {
    std::string kind = "adamw";          ///< "adam" or "adamw" (decoupled weight decay)
    double learningRate = 1e-3;          ///< base rate of the heads
    double extractorLearningRate = 1e-4; ///< base rate of the visual extractor when it trains
    double weightDecay = 0.0;
    double beta1 = 0.9, beta2 = 0.999;
    double epsilon = 1e-8;
};

struct ScheduleConfig {
    /// "constant", "step" (× gamma every stepEpochs), "warmup_cosine" or "warmup_linear" (linear
    /// warm-up, then cosine / linear decay to finalFactor × the base rate at the last step).
    std::string kind = "warmup_cosine";
    std::int64_t warmupSteps = 0;        ///< optimiser steps of linear warm-up (all kinds)
    int stepEpochs = 1;                  ///< "step": epochs between decays
    double gamma = 0.1;                  ///< "step": decay factor
    double finalFactor = 0.0;            ///< cosine / linear: factor reached at the last step
};

struct EarlyStoppingConfig {
    /// pretrain: "tag_auc" or "val_loss"; report: "bleu4", "ce_f1" or "val_loss".
    std::string metric;
    int patience = 0;                    ///< epochs without improvement before stopping; 0 = never
    double minDelta = 0.0;               ///< an improvement must exceed this
};

/// What the multi-label loss does with uncertain (−1) labels.
enum class UncertainLabels {
    Ignore,   ///< weight 0: neither positive nor negative (default)
    Positive, ///< counted as present (CheXpert's U-Ones)
    Negative, ///< counted as absent (U-Zeros)
};

struct StageConfig {
    int epochs = 0;
    int batchSize = 16;
    OptimizerConfig optimizer;
    ScheduleConfig schedule;
    double clipNorm = 0.0;               ///< global gradient-norm clipping; 0 = off
    EarlyStoppingConfig earlyStopping;
};

struct PretrainConfig : StageConfig {
    bool positiveWeighting = true;       ///< pos_weight = negatives / positives per label
    double maxPositiveWeight = 10.0;     ///< clamp of that ratio
    /// A bundle whose visual extractor and tag head (`visual_extractor.*`, `tag_head.*`, same
    /// names, shapes and labels) initialise the model instead of pre-training: the five paper
    /// models share the baseline's pre-trained ResNet this way, and their ablations share its
    /// feature cache. Empty: pre-train as configured.
    std::string initializeFrom;
};

struct ReportTrainConfig : StageConfig {
    /// true: train the heads on features extracted once (frozen extractor, no augmentation);
    /// false: images through the extractor every step (augmented; extractor trains at
    /// optimizer.extractorLearningRate).
    bool featureCache = true;
    /// Another run's features.safetensors, used when its key matches this run's (same extractor
    /// weights, preprocessing and studies); otherwise the features are extracted as usual.
    std::string featureCacheFrom;
    double tagLossWeight = 0.0;          ///< > 0: the tag head trains jointly (weighted BCE term)
    int validationBeamWidth = 1;         ///< decoding of the per-epoch validation (1 = greedy)
};

struct DataConfig {
    int imageSize = 224;
    std::vector<std::string> views{"frontal", "lateral"}; ///< image_path order of the dataset
    std::string cleaning = "iu_xray";
    int vocabularyThreshold = 3;         ///< IU X-ray's (R2Gen); MIMIC-CXR uses 10
    int maxTokens = 60;                  ///< report length cap in training, BOS included
    std::string knowledgeGraph;          ///< graph JSON file; empty: the built-in chest graph
    UncertainLabels uncertainLabels = UncertainLabels::Ignore;
    int workers = 2;                     ///< image loader threads (0 = load on the training thread)
    int prefetchBatches = 4;             ///< batches prepared ahead
    int maxTrainStudies = 0;             ///< 0 = all (the first N of the split, file order)
    int maxValidationStudies = 0;        ///< 0 = all
    /// "full": the reports as stored; "abnormal": only their abnormal-finding sentences
    /// (SentenceLabels.h; a report without one becomes "No acute cardiopulmonary abnormality."),
    /// the paper baselines' "abnormal" set CVSE is compared with (docs/MODELS.md § CVSE).
    std::string reports = "full";
};

struct BundleConfig {
    std::string name;                    ///< empty: "<type> trained on <dataset folder name>"
    std::string version = "0.1.0";
    bool storeHalf = true;               ///< F16 weights (half the size)
};

struct TrainingConfig {
    std::uint64_t seed = 42;
    int threads = 0;                     ///< 0: OMP_NUM_THREADS or all cores
    std::string mixedPrecision = "auto"; ///< "auto" (on with CUDA), "on" (CUDA required), "off"
    /// Checkpoint every N epochs (and always at a stage's end, an early stop and a requested
    /// stop). A resumed run replays the epochs after the last checkpoint identically.
    int checkpointEveryEpochs = 1;
    nlohmann::json model = nlohmann::json::object(); ///< the model type's hyper-parameters
    DataConfig data;
    AugmentationOptions augmentation;
    PretrainConfig pretrain;
    ReportTrainConfig train;
    BundleConfig bundle;

    nlohmann::json json;                 ///< the merged configuration as read (for config.json)
};

/// The generic defaults with `modelDefaults` as "model" and `typeOverrides` (a partial config
/// of the same shape, e.g. the trainer's own epochs and sizes) merged over them.
nlohmann::json defaultTrainingConfig(const nlohmann::json& modelDefaults, const nlohmann::json& typeOverrides);

/// Merges `overrides` over `defaults` key by key (objects recursively; arrays and scalars are
/// replaced). Throws TrainingError "config: unknown key 'a.b'" or "config: 'a.b' must be a
/// number / a whole number / true or false / a string / an array of strings / an object".
nlohmann::json mergeConfig(const nlohmann::json& defaults, const nlohmann::json& overrides);

/// Reads a merged configuration, checking ranges and enumerations (TrainingError naming the key).
TrainingConfig readTrainingConfig(const nlohmann::json& merged);

/// Parses JSON text ("config: invalid JSON: ..." on failure; it must be an object).
nlohmann::json parseConfigText(const std::string& text, const std::string& sourceName);

} // namespace raddraft::training
