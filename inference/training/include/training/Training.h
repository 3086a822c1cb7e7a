#pragma once
// Training a report model from a dataset in R2Gen's annotation.json layout into a complete bundle
// (docs/MODELS.md § Training). Standard C++ only: callers (raddraft-cli train) need no LibTorch
// headers.
//
//   TrainingRequest request;
//   request.modelType = "transformer";
//   request.datasetDirectory = "phantom-1500";
//   request.bundleDirectory = "resources/models/transformer-default";
//   request.imageReader = DatasetImageReader();          // image decoding is injected
//   TrainingResult result = trainModel(request);
//
// Stages, each checkpointed so that --resume continues exactly where a run stopped:
//   pretrain  multi-label pre-training of the visual extractor + tag head on the graph labels
//   features  visual features of every study extracted once with the frozen extractor
//   report    the report head (encoder-decoder) trained on the cached features, early stopping
//             on a validation metric (BLEU-4 or CE F1), best epoch kept
//   evaluate  the best model decoded on the validation split; metrics go into the manifest
// Artefacts (config.json, curves.csv, features, checkpoint/) live in the work directory, by
// default the bundle's sibling "<bundle>.training"; the bundle itself holds only what the loader
// reads (manifest.json + weights).

#include "inference/Pipeline.h"
#include "training/TrainingError.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace raddraft::training {

/// Decodes one image file into a grey image in [0, 1] (1 = white). Must be thread-safe: loader
/// threads call it concurrently. Throws on failure (the message names the file).
using ImageReader = std::function<inference::ImageView(const std::string& path)>;

enum class TrainingEventKind {
    StageStarted,  ///< stage, epochs, steps (per epoch)
    Progress,      ///< after each optimisation step / extracted batch: step, loss, learningRate
    EpochFinished, ///< epoch done: loss (train mean), metrics (validation), learningRate
    StageFinished, ///< stage done: stageSeconds
    Message,       ///< a notice worth a line (skipped stage, resumed run, early stop)
};

struct TrainingEvent {
    TrainingEventKind kind = TrainingEventKind::Message;
    std::string stage;            ///< "pretrain", "features", "report", "evaluate"
    int epoch = 0;                ///< 1-based within the stage; 0 where not applicable
    int epochs = 0;               ///< planned epochs of the stage (early stopping may end sooner)
    std::int64_t step = 0;        ///< units done within the epoch (batches; studies for features)
    std::int64_t steps = 0;       ///< units per epoch
    double loss = std::numeric_limits<double>::quiet_NaN(); ///< running mean over the epoch
    double learningRate = 0.0;    ///< of the first parameter group
    double stageSeconds = 0.0;    ///< wall time spent in the stage so far (resumed runs included)
    std::map<std::string, double> metrics; ///< EpochFinished: "val_loss", "val_bleu4", ...
    std::string message;
};

using TrainingObserver = std::function<void(const TrainingEvent&)>;

struct TrainingRequest {
    std::string modelType = "transformer";
    std::string datasetDirectory;        ///< DIR with annotation.json (datasets/Dataset.h)
    std::string bundleDirectory;         ///< the bundle to write
    std::string workDirectory;           ///< empty: bundleDirectory + ".training"
    /// JSON object merged over the type's default configuration (defaultTrainingConfigJson);
    /// an unknown key or a value of the wrong type → TrainingError naming the key.
    std::string configJson = "{}";
    std::string device = "auto";         ///< "auto" (CUDA when available), "cpu" or "cuda"
    int threads = 0;                     ///< CPU intra-op threads; 0: the config's, else all cores
    /// Continue the checkpoint in the work directory. Without it an existing checkpoint is an
    /// error (nothing is overwritten by accident).
    bool resume = false;
    bool overwriteBundle = false;        ///< replace an existing bundle directory
    ImageReader imageReader;             ///< required
    /// true: every image path must name a readable file (checked before anything starts);
    /// false: the reader makes the images itself (raddraft-train-phantom renders them).
    bool imagesAreFiles = true;
    TrainingObserver observer;           ///< optional; called on the training thread
    /// Polled after every epoch; returning true stops the run there with a resumable checkpoint
    /// (TrainingResult::completed is false and no bundle is written).
    std::function<bool()> stopRequested;
    std::string commandLine;             ///< recorded in the manifest's provenance
    std::map<std::string, std::string> callerVersions; ///< e.g. {"qt", "6.4.2"}, recorded too
};

struct TrainingResult {
    bool completed = false;              ///< false: stopped by stopRequested, resumable
    std::string bundleDirectory;
    std::string workDirectory;
    std::string curvesCsv;               ///< work/curves.csv
    std::string evaluationJson;          ///< what went into manifest.evaluation
    std::map<std::string, double> stageSeconds; ///< wall time per stage, resumed runs included
};

/// Runs (or resumes) a training run. Throws TrainingError; a failure leaves the last complete
/// checkpoint, so the run can be resumed after the cause is fixed.
TrainingResult trainModel(const TrainingRequest& request);

/// Model types that have a trainer (a subset of the registered model types).
std::vector<std::string> trainableModelTypes();

/// The default configuration of a type as a JSON object (pretty-printed): every key a config may
/// set, with its default. Throws TrainingError for a type without a trainer.
std::string defaultTrainingConfigJson(const std::string& modelType);

} // namespace raddraft::training
