#pragma once
// One training run (training/Training.h's trainModel): the stages pretrain → report (on cached
// features) → evaluate → bundle, each epoch checkpointed. The session owns the data, the model,
// its ModelTrainer, the optimiser of the current stage, the curves and the checkpoint state;
// everything a stage does is a pure function of (config, dataset, seed, epoch, checkpoint), so a
// resumed run continues exactly where the stopped one was.

#include "Checkpoint.h"
#include "EarlyStopping.h"
#include "FeatureCache.h"
#include "ModelTrainer.h"
#include "Optimization.h"
#include "TorchSupport.h"
#include "TrainingConfig.h"
#include "TrainingCurves.h"
#include "TrainingExamples.h"
#include "ValidationMetrics.h"
#include "datasets/Dataset.h"
#include "training/Training.h"

#include <chrono>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

namespace raddraft::training {

class TrainingSession {
public:
    /// Validates the request and the configuration, reads the examples, builds the vocabulary
    /// and the model. Throws TrainingError.
    TrainingSession(TrainingRequest request, datasets::Dataset dataset);

    TrainingResult run();

private:
    void prepareWorkDirectory();
    bool runPretraining();
    /// pretrain.initialize_from: copies the extractor and tag head weights of a bundle.
    void initializeFromBundle(const std::string& bundleDirectory);
    void prepareFeatureCache();
    bool runReportTraining();
    void evaluateAndWriteBundle();

    /// Features of `examples` in batches of at most `batchSize`, in order: from the cache, or
    /// from the extractor without augmentation (eval mode, no autograd).
    void forEachFeatureBatch(const std::vector<TrainingExample>& examples, std::size_t batchSize,
                             const std::function<void(const inference::VisualFeatures&, const std::vector<std::size_t>&)>& body);
    /// Decodes and scores a split; beamWidth/maxLength as given. Also the teacher-forced loss.
    ValidationScores validateReports(const std::vector<TrainingExample>& examples, int beamWidth, double* loss,
                                     std::vector<GeneratedReport>* generated = nullptr);
    /// Validation loss and macro AUC of the tag head.
    std::pair<double, double> validateTags(const torch::Tensor& positiveWeight);

    /// One optimiser step on `loss` with loss scaling, clipping and the schedule's rate.
    void step(Optimization& optimization, const torch::Tensor& loss, double clipNorm);

    void saveProgress(torch::optim::Optimizer* optimizer);
    /// After an epoch: a checkpoint when one is due (every checkpoint_every_epochs, or `force`
    /// for a requested stop), else just the curves. The epoch that ends a stage is not saved here:
    /// the stage change that follows writes the checkpoint (with the best epoch's weights).
    void endEpoch(torch::optim::Optimizer* optimizer, bool force);
    void enterStage(const std::string& stage);
    void emit(TrainingEvent event) const;
    void message(const std::string& stage, const std::string& text) const;
    /// Wall seconds of a stage so far (saved time + the running stage's unsaved time).
    double stageSeconds(const std::string& stage) const;
    /// Adds the wall and CPU time since the last mark to `stage` and sets new marks.
    void chargeTime(const std::string& stage);
    void resetTimeMarks();
    bool stopRequested() const { return m_request.stopRequested && m_request.stopRequested(); }
    nlohmann::json provenance() const;
    std::string checkpointDirectory() const;
    std::string workFile(const std::string& name) const;

    TrainingRequest m_request;
    datasets::Dataset m_dataset;
    TrainingConfig m_config;
    ExampleSet m_examples;
    inference::CleaningStyle m_cleaning = inference::CleaningStyle::IuXray;
    inference::DeviceSelection m_device;
    bool m_mixedPrecision = false;
    std::unique_ptr<inference::ReportModel> m_model;
    std::unique_ptr<ModelTrainer> m_trainer;
    std::optional<FeatureCache> m_cache;
    std::string m_annotationHash;
    std::string m_workDirectory;

    // Checkpointed progress.
    std::string m_stage = "pretrain";    ///< "pretrain", "report", "evaluate", "done"
    int m_epoch = 0;                     ///< epochs completed in the current stage
    std::int64_t m_step = 0;             ///< optimiser steps taken in the current stage
    EarlyStopping m_stopping;
    LossScaler m_scaler{false};
    NamedTensors m_best;                 ///< best epoch's weights of the current stage
    TrainingCurves m_curves;
    nlohmann::json m_stageSeconds = nlohmann::json::object();    ///< wall time per stage
    nlohmann::json m_stageCpuSeconds = nlohmann::json::object(); ///< process CPU time per stage (std::clock)
    nlohmann::json m_results = nlohmann::json::object(); ///< per-stage outcomes (best epoch, ...)
    int m_resumeCount = 0;
    std::string m_startedAt;
    std::chrono::steady_clock::time_point m_stageClock; ///< wall-time mark
    std::clock_t m_cpuMark = 0;                         ///< CPU-time mark
};

} // namespace raddraft::training
