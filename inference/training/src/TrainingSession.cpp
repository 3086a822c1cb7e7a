#include "TrainingSession.h"

#include "BatchPlan.h"
#include "DefaultKnowledgeGraph.h"
#include "FileUtil.h"
#include "LearningRateSchedule.h"
#include "Sha256.h"
#include "StudyBatches.h"
#include "datasets/DatasetError.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <cmath>
#include <ctime>
#include <filesystem>
#include <limits>

namespace raddraft::training {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kCheckpointFormat = 1;
constexpr std::size_t kValidationBatchSize = 32;

// A Progress event: `step` of `steps` units of epoch `epoch` of `epochs` in `stage`; `meanLoss` is
// NaN where the stage has no loss (feature extraction).
TrainingEvent batchProgress(const std::string& stage, int epoch, int epochs, std::int64_t step, std::int64_t steps,
                            double meanLoss, double learningRate, double stageSeconds) {
    TrainingEvent progress;
    progress.kind = TrainingEventKind::Progress;
    progress.stage = stage;
    progress.epoch = epoch;
    progress.epochs = epochs;
    progress.step = step;
    progress.steps = steps;
    progress.loss = meanLoss;
    progress.learningRate = learningRate;
    progress.stageSeconds = stageSeconds;
    return progress;
}

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inference::DeviceKind deviceKindOf(const std::string& name) {
    if (name == "cpu") return inference::DeviceKind::Cpu;
    if (name == "cuda") return inference::DeviceKind::Cuda;
    if (name == "auto") return inference::DeviceKind::Auto;
    throw TrainingError("device must be auto, cpu or cuda, not '" + name + "'");
}

// The configuration without the keys that may change between a run and its resumption because
// they do not change any result (threads, loader threads and queue depth).
json resultRelevantConfig(json config) {
    config.erase("threads");
    config.erase("checkpoint_every_epochs");
    config["data"].erase("workers");
    config["data"].erase("prefetch_batches");
    config["train"].erase("feature_cache_from"); // only where features come from, not what they are
    return config;
}

// The first key path where two JSON values differ ("" when equal).
std::string firstDifference(const json& a, const json& b, const std::string& path) {
    if (a.is_object() && b.is_object()) {
        for (const auto& [key, value] : a.items()) {
            const std::string name = path.empty() ? key : path + "." + key;
            if (!b.contains(key)) return name;
            const std::string inner = firstDifference(value, b.at(key), name);
            if (!inner.empty()) return inner;
        }
        for (const auto& [key, value] : b.items()) {
            if (!a.contains(key)) return path.empty() ? key : path + "." + key;
        }
        return "";
    }
    return a == b ? "" : (path.empty() ? "(root)" : path);
}

LearningRateSchedule scheduleOf(const ScheduleConfig& config, std::int64_t epochs, std::int64_t stepsPerEpoch) {
    LearningRateSchedule schedule;
    schedule.kind = config.kind;
    schedule.warmupSteps = config.warmupSteps;
    schedule.totalSteps = std::max<std::int64_t>(1, epochs * stepsPerEpoch);
    schedule.stepSize = std::max<std::int64_t>(1, config.stepEpochs * stepsPerEpoch);
    schedule.gamma = config.gamma;
    schedule.finalFactor = config.finalFactor;
    return schedule;
}

std::int64_t batchesPerEpoch(std::size_t examples, int batchSize) {
    return std::int64_t((examples + std::size_t(batchSize) - 1) / std::size_t(batchSize));
}

torch::Tensor labelTensor(const std::vector<TrainingExample>& examples, const std::vector<std::size_t>& indices, bool weights) {
    const std::size_t labels = examples.empty() ? 0 : examples.front().labels.size();
    torch::Tensor result = torch::zeros({std::int64_t(indices.size()), std::int64_t(labels)});
    for (std::size_t row = 0; row < indices.size(); ++row) {
        const std::vector<float>& values = weights ? examples[indices[row]].labelWeights : examples[indices[row]].labels;
        if (!values.empty()) result[std::int64_t(row)] = torch::tensor(values);
    }
    return result;
}

std::vector<std::string> tokenTexts(const inference::Vocabulary& vocabulary, const std::vector<std::int64_t>& ids) {
    std::vector<std::string> tokens;
    for (std::int64_t id : ids) tokens.push_back(vocabulary.tokenOf(id));
    return tokens;
}

json numberOrNull(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

} // namespace

// ---- set-up --------------------------------------------------------------------------------

TrainingSession::TrainingSession(TrainingRequest request, datasets::Dataset dataset)
    : m_request(std::move(request)), m_dataset(std::move(dataset)) {
    if (!m_request.imageReader) throw TrainingError("no image reader was given to the trainer");
    if (m_request.bundleDirectory.empty()) throw TrainingError("no output bundle directory was given");
    m_workDirectory = m_request.workDirectory.empty() ? m_request.bundleDirectory + ".training" : m_request.workDirectory;
    if (fs::exists(m_request.bundleDirectory) && !m_request.overwriteBundle) {
        throw TrainingError(m_request.bundleDirectory + ": already exists (choose another output or allow overwriting)");
    }

    // Configuration: generic defaults + the trainer's recipe + the model type's hyper-parameters,
    // then the user's overrides.
    const TrainerType& trainerType = TrainerRegistry::instance().find(m_request.modelType);
    const inference::ModelType& modelType = inference::ModelRegistry::instance().find(m_request.modelType);
    json typeOverrides = trainerType.configOverrides;
    json modelDefaults = modelType.defaultHyperParameters;
    if (typeOverrides.contains("model")) {
        for (const auto& [key, value] : typeOverrides["model"].items()) modelDefaults[key] = value;
        typeOverrides.erase("model");
    }
    const json defaults = defaultTrainingConfig(modelDefaults, typeOverrides);
    m_config = readTrainingConfig(mergeConfig(defaults, parseConfigText(m_request.configJson, "the training configuration")));
    m_cleaning = inference::cleaningStyleFromName(m_config.data.cleaning);

    const int threads = m_request.threads > 0 ? m_request.threads : m_config.threads;
    m_device = inference::translateTorchErrors("selecting device", [&] {
        return inference::selectDevice(deviceKindOf(m_request.device), false, threads);
    });
    if (m_config.mixedPrecision == "on" && !m_device.device.is_cuda()) {
        throw TrainingError("config: 'mixed_precision' is \"on\" but training runs on the CPU (autocast with loss scaling needs CUDA)");
    }
    m_mixedPrecision = m_device.device.is_cuda() && m_config.mixedPrecision != "off";
    m_scaler = LossScaler(m_mixedPrecision);

    // Labels: the knowledge graph's findings.
    inference::KnowledgeGraph graph;
    try {
        graph = m_config.data.knowledgeGraph.empty()
                    ? inference::KnowledgeGraph::fromJson(json::parse(defaultKnowledgeGraphJson()), "built-in chest graph")
                    : inference::KnowledgeGraph::load(m_config.data.knowledgeGraph);
    } catch (const inference::InferenceError& error) {
        throw TrainingError(std::string("config: data.knowledge_graph: ") + error.what());
    }
    const std::vector<std::string> labels = graph.findingNames();
    m_examples = buildExamples(m_dataset, labels, m_config.data);
    if (m_examples.train.empty()) throw TrainingError(m_dataset.directory + "/annotation.json: the train split is empty");

    const fs::path annotation = fs::path(m_dataset.directory) / "annotation.json";
    m_annotationHash = fs::exists(annotation) ? inference::Sha256::hexOfFile(annotation.string()) : std::string();

    inference::Manifest manifest;
    manifest.modelType = m_request.modelType;
    manifest.modelName = m_config.bundle.name.empty()
                             ? m_request.modelType + " trained on " + fs::path(m_dataset.directory).filename().string()
                             : m_config.bundle.name;
    manifest.modelVersion = m_config.bundle.version;
    manifest.hyperParameters = m_config.model;
    manifest.vocabulary = buildVocabulary(m_examples.train, m_cleaning, m_config.data.vocabularyThreshold).tokens();
    manifest.cleaning = m_config.data.cleaning;
    manifest.labels = labels;
    manifest.knowledgeGraph = graph;
    manifest.preprocessing.imageSize = m_config.data.imageSize;
    manifest.preprocessing.views = m_config.data.views;
    try {
        m_model = inference::createModel(manifest, m_config.seed);
    } catch (const inference::InferenceError& error) {
        throw TrainingError(std::string("config: model: ") + error.what());
    }
    inference::translateTorchErrors("moving the model to " + m_device.description(), [&] { m_model->network().to(m_device.device); });
    m_trainer = trainerType.create(*m_model);
}

std::string TrainingSession::checkpointDirectory() const { return (fs::path(m_workDirectory) / "checkpoint").string(); }
std::string TrainingSession::workFile(const std::string& name) const { return (fs::path(m_workDirectory) / name).string(); }

void TrainingSession::prepareWorkDirectory() {
    std::error_code error;
    fs::create_directories(m_workDirectory, error);
    if (error) throw TrainingError(m_workDirectory + ": cannot create the work directory (" + error.message() + ")");
    const json relevant = resultRelevantConfig(m_config.json);
    const std::string vocabularyHash = inference::Sha256::hexOf(json(m_model->manifest().vocabulary).dump());
    if (checkpointExists(checkpointDirectory())) {
        if (!m_request.resume) {
            throw TrainingError(checkpointDirectory() + ": a checkpoint of an earlier run is here; resume it, or delete " +
                                m_workDirectory + " to start again");
        }
        const json state = loadCheckpointState(checkpointDirectory());
        const auto mismatch = [&](const std::string& what) {
            throw TrainingError("cannot resume " + checkpointDirectory() + ": " + what);
        };
        if (state.value("format", 0) != kCheckpointFormat) mismatch("unknown checkpoint format");
        if (state.at("model_type") != m_request.modelType) mismatch("it trains a '" + state.at("model_type").get<std::string>() + "' model");
        const std::string difference = firstDifference(state.at("config"), relevant, "");
        if (!difference.empty()) mismatch("the configuration differs at '" + difference + "'");
        if (state.at("annotation_sha256") != m_annotationHash) mismatch("the dataset's annotation.json has changed");
        if (state.at("vocabulary_sha256") != vocabularyHash) mismatch("the vocabulary differs");
        m_stage = state.at("stage").get<std::string>();
        m_epoch = state.at("epoch").get<int>();
        m_step = state.at("step").get<std::int64_t>();
        m_curves = TrainingCurves::fromJson(state.at("curves"));
        m_stageSeconds = state.at("stage_seconds");
        m_stageCpuSeconds = state.at("stage_cpu_seconds");
        m_results = state.at("results");
        m_resumeCount = state.at("resumed").get<int>() + 1;
        m_startedAt = state.at("started_at").get<std::string>();
        m_scaler.restore(state.at("loss_scaler"));
        // A corpus the trainer built (PPKED's retrieval index) sizes buffers: restore it first.
        std::vector<inference::CorpusEntry> corpus;
        for (const json& entry : state.value("corpus", json::array())) {
            corpus.push_back({entry.at("id").get<std::string>(), entry.at("text").get<std::string>(),
                              entry.value("members", std::vector<std::string>())});
        }
        if (!corpus.empty()) m_model->setCorpus(std::move(corpus));
        loadCheckpointModel(checkpointDirectory(), m_model->network());
        m_best = loadCheckpointBest(checkpointDirectory(), m_model->network());
        m_stopping.restore(state.at("early_stopping"));
        message(m_stage, "resuming " + checkpointDirectory() + " at stage " + m_stage + ", epoch " + std::to_string(m_epoch + 1));
    } else {
        m_startedAt = utcNow();
    }
    inference::writeTextFileAtomically(workFile("config.json"), m_config.json.dump(2) + "\n");
}

// ---- events, time and checkpoints ------------------------------------------------------------

void TrainingSession::emit(TrainingEvent event) const {
    if (m_request.observer) m_request.observer(event);
}

void TrainingSession::message(const std::string& stage, const std::string& text) const {
    TrainingEvent event;
    event.kind = TrainingEventKind::Message;
    event.stage = stage;
    event.message = text;
    emit(event);
}

double TrainingSession::stageSeconds(const std::string& stage) const {
    return m_stageSeconds.value(stage, 0.0) + (stage == m_stage ? secondsSince(m_stageClock) : 0.0);
}

void TrainingSession::chargeTime(const std::string& stage) {
    const auto now = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    m_stageSeconds[stage] = m_stageSeconds.value(stage, 0.0) + std::chrono::duration<double>(now - m_stageClock).count();
    m_stageCpuSeconds[stage] = m_stageCpuSeconds.value(stage, 0.0) + double(cpu - m_cpuMark) / CLOCKS_PER_SEC;
    m_stageClock = now;
    m_cpuMark = cpu;
}

void TrainingSession::resetTimeMarks() {
    m_stageClock = std::chrono::steady_clock::now();
    m_cpuMark = std::clock();
}

void TrainingSession::saveProgress(torch::optim::Optimizer* optimizer) {
    chargeTime(m_stage); // time so far goes into the stage's account before it is written
    json state = {
        {"format", kCheckpointFormat},
        {"model_type", m_request.modelType},
        {"config", resultRelevantConfig(m_config.json)},
        {"annotation_sha256", m_annotationHash},
        {"vocabulary_sha256", inference::Sha256::hexOf(json(m_model->manifest().vocabulary).dump())},
        {"stage", m_stage},
        {"epoch", m_epoch},
        {"step", m_step},
        {"early_stopping", m_stopping.toJson()},
        {"loss_scaler", m_scaler.toJson()},
        {"curves", m_curves.toJson()},
        {"stage_seconds", m_stageSeconds},
        {"stage_cpu_seconds", m_stageCpuSeconds},
        {"results", m_results},
        {"resumed", m_resumeCount},
        {"started_at", m_startedAt},
        {"corpus", json::array()},
    };
    for (const inference::CorpusEntry& entry : m_model->manifest().corpus) {
        state["corpus"].push_back({{"id", entry.id}, {"text", entry.text}, {"members", entry.members}});
    }
    saveCheckpoint(checkpointDirectory(), state, m_model->network(), m_best.empty() ? nullptr : &m_best, optimizer);
    m_curves.writeCsv(workFile("curves.csv"));
}

void TrainingSession::endEpoch(torch::optim::Optimizer* optimizer, bool force) {
    const bool stageEnds = m_stopping.shouldStop() || m_epoch == (m_stage == "pretrain" ? m_config.pretrain.epochs : m_config.train.epochs);
    if (force || (!stageEnds && m_epoch % m_config.checkpointEveryEpochs == 0)) {
        saveProgress(optimizer);
    } else {
        m_curves.writeCsv(workFile("curves.csv"));
    }
}

void TrainingSession::enterStage(const std::string& stage) {
    chargeTime(m_stage);
    m_stage = stage;
    m_epoch = 0;
    m_step = 0;
    m_best.clear();
    m_stopping = EarlyStopping();
    m_scaler = LossScaler(m_mixedPrecision);
    saveProgress(nullptr);
}

void TrainingSession::step(Optimization& optimization, const torch::Tensor& loss, double clipNorm) {
    if (!m_mixedPrecision && !std::isfinite(loss.item<double>())) {
        throw TrainingError(m_stage + ": the loss is not finite at epoch " + std::to_string(m_epoch + 1) + ", step " +
                            std::to_string(m_step + 1) + " (lower the learning rate or enable clip_norm)");
    }
    m_scaler.scaleLoss(loss).backward();
    const bool finite = m_scaler.unscale(optimization.parameters);
    if (finite) {
        clipGradientNorm(optimization.parameters, clipNorm);
        optimization.optimizer->step();
    }
    m_scaler.update(finite);
    ++m_step;
}

// ---- stages ----------------------------------------------------------------------------------

TrainingResult TrainingSession::run() {
    return inference::translateTorchErrors("training", [&] {
        prepareWorkDirectory();
        resetTimeMarks();
        TrainingResult result;
        result.bundleDirectory = m_request.bundleDirectory;
        result.workDirectory = m_workDirectory;
        result.curvesCsv = workFile("curves.csv");
        const auto finish = [&](bool completed) {
            result.completed = completed;
            for (const auto& [stage, seconds] : m_stageSeconds.items()) result.stageSeconds[stage] = seconds.get<double>();
            return result;
        };
        if (m_stage == "pretrain" && !runPretraining()) return finish(false);
        if (m_stage == "report") {
            if (m_config.train.featureCache) prepareFeatureCache();
            if (!runReportTraining()) return finish(false);
        }
        evaluateAndWriteBundle();
        const inference::Manifest written = inference::readManifest(m_request.bundleDirectory);
        result.evaluationJson = written.evaluation.dump(2);
        return finish(true);
    });
}

bool TrainingSession::runPretraining() {
    const PretrainConfig& config = m_config.pretrain;
    torch::nn::Module* head = m_trainer->tagHead();
    if (!config.initializeFrom.empty()) {
        initializeFromBundle(config.initializeFrom);
        enterStage("report");
        return true;
    }
    if (config.epochs == 0 || head == nullptr) {
        message("pretrain", head == nullptr ? "pre-training skipped: the model has no tag head" : "pre-training skipped: pretrain.epochs is 0");
        enterStage("report");
        return true;
    }
    const std::vector<TrainingExample>& train = m_examples.train;
    const std::int64_t steps = batchesPerEpoch(train.size(), config.batchSize);
    Optimization optimization =
        makeOptimization(config.optimizer, {{"extractor", m_trainer->visualExtractor().parameters(), false},
                                            {"tag_head", head->parameters(), false}});
    if (m_epoch > 0) loadCheckpointOptimizer(checkpointDirectory(), *optimization.optimizer);
    const LearningRateSchedule schedule = scheduleOf(config.schedule, config.epochs, steps);
    const torch::Tensor positiveWeight =
        config.positiveWeighting
            ? torch::tensor(positiveWeights(train, train.front().labels.size(), config.maxPositiveWeight)).to(m_device.device)
            : torch::Tensor();
    EarlyStopping stopping(config.earlyStopping.patience, config.earlyStopping.minDelta, config.earlyStopping.metric != "val_loss");
    if (m_epoch > 0) stopping.restore(m_stopping.toJson());
    m_stopping = stopping;
    const bool validate = !m_examples.validation.empty();
    int frontal = -1;
    for (std::size_t v = 0; v < m_config.data.views.size(); ++v) {
        if (m_config.data.views[v] == "frontal") frontal = int(v);
    }

    TrainingEvent started;
    started.kind = TrainingEventKind::StageStarted;
    started.stage = "pretrain";
    started.epochs = config.epochs;
    started.steps = steps;
    started.stageSeconds = stageSeconds("pretrain");
    emit(started);

    for (int epoch = m_epoch + 1; epoch <= config.epochs; ++epoch) {
        ImageBatchOptions options;
        options.preprocessing = m_model->manifest().preprocessing;
        if (m_config.augmentation.enabled) options.augmentation = m_config.augmentation;
        options.frontalView = frontal;
        options.seed = mixSeed(m_config.seed, "pretrain-images", std::uint64_t(epoch));
        options.workers = m_config.data.workers;
        options.prefetchBatches = m_config.data.prefetchBatches;
        ImageBatchLoader loader(train, planBatches(train.size(), std::size_t(config.batchSize), true,
                                                   mixSeed(m_config.seed, "pretrain-order", std::uint64_t(epoch))),
                                m_request.imageReader, options);
        m_model->network().train();
        double lossSum = 0.0, rate = 0.0;
        std::int64_t done = 0;
        while (std::optional<ImageBatch> batch = loader.next()) {
            rate = optimization.setRateFactor(schedule.factor(m_step));
            optimization.optimizer->zero_grad();
            torch::Tensor loss;
            {
                AutocastScope autocast(m_mixedPrecision);
                const inference::VisualFeatures features = m_model->extractFeatures(batch->images.to(m_device.device));
                loss = tagLoss(m_trainer->tagLogits(features), batch->labels, batch->labelWeights, positiveWeight);
            }
            step(optimization, loss, config.clipNorm);
            lossSum += loss.item<double>();
            ++done;
            emit(batchProgress("pretrain", epoch, config.epochs, done, steps, lossSum / double(done), rate,
                               stageSeconds("pretrain")));
        }

        CurveRow row;
        row.stage = "pretrain";
        row.epoch = epoch;
        row.step = m_step;
        row.trainLoss = lossSum / double(std::max<std::int64_t>(1, done));
        row.learningRate = rate;
        if (validate) {
            const auto [validationLoss, auc] = validateTags(positiveWeight);
            row.validationLoss = validationLoss;
            row.validationTagAuc = auc;
            if (m_stopping.update(epoch, config.earlyStopping.metric == "val_loss" ? validationLoss : auc)) {
                m_best = copyWeights(m_model->network());
            }
        }
        m_epoch = epoch;
        row.seconds = stageSeconds("pretrain");
        m_curves.add(row);
        // A requested stop is read once per epoch: this epoch is checkpointed, then the run ends.
        // (After the last epoch the stage change right after writes the checkpoint.)
        const bool stop = stopRequested() && epoch < config.epochs;
        endEpoch(optimization.optimizer.get(), stop);

        TrainingEvent finished;
        finished.kind = TrainingEventKind::EpochFinished;
        finished.stage = "pretrain";
        finished.epoch = epoch;
        finished.epochs = config.epochs;
        finished.step = steps;
        finished.steps = steps;
        finished.loss = row.trainLoss;
        finished.learningRate = rate;
        finished.stageSeconds = row.seconds;
        if (validate) finished.metrics = {{"val_loss", row.validationLoss}, {"val_tag_auc", row.validationTagAuc}};
        emit(finished);
        if (m_stopping.shouldStop()) {
            message("pretrain", "early stop after epoch " + std::to_string(epoch) + ": no improvement of " +
                                    config.earlyStopping.metric + " for " + std::to_string(config.earlyStopping.patience) + " epochs");
            break;
        }
        if (stop) return false;
    }

    json result = {{"epochs", m_epoch}, {"selection_metric", config.earlyStopping.metric}};
    if (!m_best.empty()) {
        restoreWeights(m_model->network(), m_best);
        result["best_epoch"] = m_stopping.bestEpoch();
        result["best_value"] = numberOrNull(m_stopping.bestValue());
    } else {
        result["best_epoch"] = m_epoch; // no validation split: the last epoch
    }
    m_results["pretrain"] = result;
    TrainingEvent done;
    done.kind = TrainingEventKind::StageFinished;
    done.stage = "pretrain";
    done.stageSeconds = stageSeconds("pretrain");
    emit(done);
    enterStage("report");
    return !stopRequested();
}

std::pair<double, double> TrainingSession::validateTags(const torch::Tensor& positiveWeight) {
    const std::vector<TrainingExample>& examples = m_examples.validation;
    m_model->network().eval();
    double lossSum = 0.0;
    double weightSum = 0.0;
    std::vector<std::vector<float>> probabilities;
    forEachFeatureBatch(examples, kValidationBatchSize, [&](const inference::VisualFeatures& features, const std::vector<std::size_t>& indices) {
        const torch::Tensor logits = m_trainer->tagLogits(features).to(torch::kFloat32);
        const torch::Tensor weights = labelTensor(examples, indices, true);
        const double batchWeight = std::max(1.0, weights.sum().item<double>());
        lossSum += tagLoss(logits, labelTensor(examples, indices, false), weights, positiveWeight).item<double>() * batchWeight;
        weightSum += batchWeight;
        const torch::Tensor p = torch::sigmoid(logits).to(torch::kCPU).contiguous();
        for (std::int64_t i = 0; i < p.size(0); ++i) {
            probabilities.emplace_back(p[i].data_ptr<float>(), p[i].data_ptr<float>() + p.size(1));
        }
    });
    m_model->network().train();
    return {lossSum / std::max(1.0, weightSum), macroTagAuc(examples, probabilities, m_model->manifest().labels)};
}

void TrainingSession::forEachFeatureBatch(
    const std::vector<TrainingExample>& examples, std::size_t batchSize,
    const std::function<void(const inference::VisualFeatures&, const std::vector<std::size_t>&)>& body) {
    torch::NoGradGuard noGrad;
    const auto batches = planBatches(examples.size(), batchSize, false, 0);
    if (m_cache) {
        const std::vector<std::int64_t> rows = m_cache->rowsOf(examples);
        for (const std::vector<std::size_t>& indices : batches) {
            std::vector<std::int64_t> batchRows;
            for (std::size_t index : indices) batchRows.push_back(rows[index]);
            body(m_cache->gather(batchRows, m_device.device), indices);
        }
        return;
    }
    ImageBatchOptions options;
    options.preprocessing = m_model->manifest().preprocessing;
    options.workers = m_config.data.workers;
    options.prefetchBatches = m_config.data.prefetchBatches;
    ImageBatchLoader loader(examples, batches, m_request.imageReader, options);
    torch::nn::Module& extractor = m_trainer->visualExtractor();
    const bool wasTraining = extractor.is_training();
    extractor.eval();
    while (std::optional<ImageBatch> batch = loader.next()) {
        AutocastScope autocast(m_mixedPrecision);
        body(m_model->extractFeatures(batch->images.to(m_device.device)), batch->examples);
    }
    extractor.train(wasTraining);
}

void TrainingSession::initializeFromBundle(const std::string& bundleDirectory) {
    torch::nn::Module* head = m_trainer->tagHead();
    std::unique_ptr<inference::ReportModel> source;
    try {
        source = inference::loadModel(bundleDirectory, inference::DeviceSelection{}, true);
    } catch (const std::exception& error) {
        throw TrainingError("pretrain.initialize_from: " + std::string(error.what()));
    }
    if (head != nullptr && source->manifest().labels != m_model->manifest().labels) {
        throw TrainingError("pretrain.initialize_from: " + bundleDirectory + ": its tag head has other labels than this run's");
    }
    std::map<std::string, torch::Tensor> available;
    for (const auto& item : source->network().named_parameters()) available[item.key()] = item.value();
    for (const auto& item : source->network().named_buffers()) available[item.key()] = item.value();
    const auto copyInto = [&](torch::nn::Module& module, const std::string& prefix) {
        torch::NoGradGuard noGrad;
        std::vector<std::pair<std::string, torch::Tensor>> targets;
        for (const auto& item : module.named_parameters()) targets.emplace_back(item.key(), item.value());
        for (const auto& item : module.named_buffers()) targets.emplace_back(item.key(), item.value());
        for (auto& [name, target] : targets) {
            const auto found = available.find(prefix + name);
            if (found == available.end() || !found->second.sizes().equals(target.sizes())) {
                throw TrainingError("pretrain.initialize_from: " + bundleDirectory + " has no tensor '" + prefix + name +
                                    "' of shape " + c10::str(target.sizes()));
            }
            target.copy_(found->second.to(target.device(), target.scalar_type()));
        }
    };
    copyInto(m_trainer->visualExtractor(), "visual_extractor.");
    if (head != nullptr) copyInto(*head, "tag_head.");
    m_results["pretrain"] = {{"initialized_from", fs::absolute(bundleDirectory).string()},
                             {"source_bundle_sha256", inference::bundleHash(bundleDirectory)}};
    message("pretrain", "pre-training skipped: the visual extractor" + std::string(head ? " and the tag head" : "") +
                            " come from " + bundleDirectory);
}

void TrainingSession::prepareFeatureCache() {
    std::vector<TrainingExample> studies = m_examples.train;
    studies.insert(studies.end(), m_examples.validation.begin(), m_examples.validation.end());
    std::vector<std::string> ids;
    for (const TrainingExample& example : studies) ids.push_back(example.id);
    torch::nn::Module& extractor = m_trainer->visualExtractor();
    std::string key = featureCacheKey(extractor, m_model->manifest().preprocessing, ids);
    if (const std::string variant = m_trainer->featureCacheVariant(); !variant.empty()) {
        key = inference::Sha256::hexOf(key + ";variant=" + variant);
    }
    const std::string path = workFile("features.safetensors");
    if (std::optional<FeatureCache> cached = loadFeatureCache(path, key)) {
        m_cache = std::move(cached);
        message("features", "using the cached features in " + path);
        return;
    }
    const std::string& shared = m_config.train.featureCacheFrom;
    if (!shared.empty()) {
        if (std::optional<FeatureCache> cached = loadFeatureCache(shared, key)) {
            m_cache = std::move(cached);
            saveFeatureCache(*m_cache, path); // a resumed run must not depend on the other run's directory
            message("features", "using the cached features of " + shared + " (same extractor, preprocessing and studies)");
            return;
        }
        message("features", shared + " was made by another extractor, preprocessing or study list: extracting anew");
    }
    chargeTime(m_stage); // extraction time is the features stage's, not the report stage's
    const auto start = std::chrono::steady_clock::now();
    const std::int64_t batch = std::max<std::int64_t>(1, m_config.train.batchSize);
    TrainingEvent started;
    started.kind = TrainingEventKind::StageStarted;
    started.stage = "features";
    started.epochs = 1;
    started.steps = std::int64_t(studies.size());
    emit(started);
    ImageBatchOptions options;
    options.preprocessing = m_model->manifest().preprocessing;
    options.workers = m_config.data.workers;
    options.prefetchBatches = m_config.data.prefetchBatches;
    ImageBatchLoader loader(studies, planBatches(studies.size(), std::size_t(batch), false, 0), m_request.imageReader, options);
    m_model->network().eval();
    FeatureCache cache = extractFeatureCache(
        loader, studies, [&](const torch::Tensor& images) { return m_model->extractFeatures(images); }, m_device.device,
        [&](std::int64_t done, std::int64_t total) {
            emit(batchProgress("features", 1, 1, done, total, std::numeric_limits<double>::quiet_NaN(), 0.0, secondsSince(start)));
        });
    cache.key = key;
    saveFeatureCache(cache, path);
    m_cache = std::move(cache);
    const double seconds = secondsSince(start);
    chargeTime("features");
    TrainingEvent finished;
    finished.kind = TrainingEventKind::StageFinished;
    finished.stage = "features";
    finished.stageSeconds = seconds;
    emit(finished);
}

bool TrainingSession::runReportTraining() {
    const ReportTrainConfig& config = m_config.train;
    const std::vector<TrainingExample>& train = m_examples.train;
    const std::int64_t steps = batchesPerEpoch(train.size(), config.batchSize);
    torch::nn::Module* head = m_trainer->tagHead();
    const bool trainTags = config.tagLossWeight > 0 && head != nullptr;
    std::vector<ParameterGroup> groups{{"report", m_trainer->reportParameters(), false}};
    if (trainTags) groups.push_back({"tag_head", head->parameters(), false});
    if (!config.featureCache) groups.push_back({"extractor", m_trainer->visualExtractor().parameters(), true});
    Optimization optimization = makeOptimization(config.optimizer, groups);
    if (m_epoch > 0) loadCheckpointOptimizer(checkpointDirectory(), *optimization.optimizer);
    const LearningRateSchedule schedule = scheduleOf(config.schedule, config.epochs, steps);
    EarlyStopping stopping(config.earlyStopping.patience, config.earlyStopping.minDelta, config.earlyStopping.metric != "val_loss");
    if (m_epoch > 0) stopping.restore(m_stopping.toJson());
    m_stopping = stopping;
    const bool validate = !m_examples.validation.empty();
    const torch::Tensor positiveWeight =
        trainTags && m_config.pretrain.positiveWeighting
            ? torch::tensor(positiveWeights(train, train.front().labels.size(), m_config.pretrain.maxPositiveWeight)).to(m_device.device)
            : torch::Tensor();
    const inference::Vocabulary& vocabulary = m_model->vocabulary();
    const std::vector<std::int64_t> cacheRows = m_cache ? m_cache->rowsOf(train) : std::vector<std::int64_t>();
    int frontal = -1;
    for (std::size_t v = 0; v < m_config.data.views.size(); ++v) {
        if (m_config.data.views[v] == "frontal") frontal = int(v);
    }
    m_trainer->prepareReportTraining(m_cache ? &*m_cache : nullptr, train);

    TrainingEvent started;
    started.kind = TrainingEventKind::StageStarted;
    started.stage = "report";
    started.epochs = config.epochs;
    started.steps = steps;
    started.stageSeconds = stageSeconds("report");
    emit(started);

    for (int epoch = m_epoch + 1; epoch <= config.epochs; ++epoch) {
        const auto plan = planBatches(train.size(), std::size_t(config.batchSize), true,
                                      mixSeed(m_config.seed, "report-order", std::uint64_t(epoch)));
        std::unique_ptr<ImageBatchLoader> loader;
        if (!m_cache) {
            ImageBatchOptions options;
            options.preprocessing = m_model->manifest().preprocessing;
            if (m_config.augmentation.enabled) options.augmentation = m_config.augmentation;
            options.frontalView = frontal;
            options.seed = mixSeed(m_config.seed, "report-images", std::uint64_t(epoch));
            options.workers = m_config.data.workers;
            options.prefetchBatches = m_config.data.prefetchBatches;
            loader = std::make_unique<ImageBatchLoader>(train, plan, m_request.imageReader, options);
        }
        m_model->network().train();
        double lossSum = 0.0, rate = 0.0;
        std::int64_t done = 0;
        for (const std::vector<std::size_t>& indices : plan) {
            ReportBatch batch;
            std::vector<std::string> reports;
            torch::Tensor images;
            if (m_cache) {
                std::vector<std::int64_t> rows;
                for (std::size_t index : indices) {
                    rows.push_back(cacheRows[index]);
                    reports.push_back(train[index].report);
                }
                batch.features = m_cache->gather(rows, m_device.device);
            } else {
                std::optional<ImageBatch> loaded = loader->next();
                reports = loaded->reports;
                images = loaded->images.to(m_device.device);
            }
            const TokenBatch tokens = encodeReports(reports, vocabulary, m_cleaning, m_config.data.maxTokens);
            batch.inputTokens = tokens.inputs.to(m_device.device);
            batch.targetTokens = tokens.targets.to(m_device.device);
            batch.tokenMask = tokens.mask.to(m_device.device);
            batch.labels = labelTensor(train, indices, false).to(m_device.device);
            batch.labelWeights = labelTensor(train, indices, true).to(m_device.device);
            for (std::size_t index : indices) batch.studyIds.push_back(train[index].id);

            rate = optimization.setRateFactor(schedule.factor(m_step));
            optimization.optimizer->zero_grad();
            torch::Tensor loss;
            {
                AutocastScope autocast(m_mixedPrecision);
                if (!m_cache) batch.features = m_model->extractFeatures(images);
                loss = m_trainer->reportLoss(batch);
                if (trainTags) {
                    loss = loss + config.tagLossWeight * tagLoss(m_trainer->tagLogits(batch.features), batch.labels,
                                                                 batch.labelWeights, positiveWeight);
                }
            }
            step(optimization, loss, config.clipNorm);
            lossSum += loss.item<double>();
            ++done;
            emit(batchProgress("report", epoch, config.epochs, done, steps, lossSum / double(done), rate,
                               stageSeconds("report")));
        }

        CurveRow row;
        row.stage = "report";
        row.epoch = epoch;
        row.step = m_step;
        row.trainLoss = lossSum / double(std::max<std::int64_t>(1, done));
        row.learningRate = rate;
        if (validate) {
            double validationLoss = 0.0;
            const ValidationScores scores = validateReports(m_examples.validation, config.validationBeamWidth, &validationLoss);
            row.validationLoss = validationLoss;
            row.validationBleu4 = scores.bleu4;
            row.validationCeF1 = scores.ceF1;
            const std::string& metric = config.earlyStopping.metric;
            const double value = metric == "bleu4" ? scores.bleu4 : metric == "ce_f1" ? scores.ceF1 : validationLoss;
            if (m_stopping.update(epoch, value)) m_best = copyWeights(m_model->network());
        }
        m_epoch = epoch;
        row.seconds = stageSeconds("report");
        m_curves.add(row);
        // A requested stop is read once per epoch: this epoch is checkpointed, then the run ends.
        // (After the last epoch the stage change right after writes the checkpoint.)
        const bool stop = stopRequested() && epoch < config.epochs;
        endEpoch(optimization.optimizer.get(), stop);

        TrainingEvent finished;
        finished.kind = TrainingEventKind::EpochFinished;
        finished.stage = "report";
        finished.epoch = epoch;
        finished.epochs = config.epochs;
        finished.step = steps;
        finished.steps = steps;
        finished.loss = row.trainLoss;
        finished.learningRate = rate;
        finished.stageSeconds = row.seconds;
        if (validate) {
            finished.metrics = {{"val_loss", row.validationLoss}, {"val_bleu4", row.validationBleu4}, {"val_ce_f1", row.validationCeF1}};
        }
        emit(finished);
        if (m_stopping.shouldStop()) {
            message("report", "early stop after epoch " + std::to_string(epoch) + ": no improvement of " +
                                  config.earlyStopping.metric + " for " + std::to_string(config.earlyStopping.patience) + " epochs");
            break;
        }
        if (stop) return false;
    }

    json result = {{"epochs", m_epoch}, {"selection_metric", config.earlyStopping.metric}};
    if (!m_best.empty()) {
        restoreWeights(m_model->network(), m_best);
        result["best_epoch"] = m_stopping.bestEpoch();
        result["best_value"] = numberOrNull(m_stopping.bestValue());
    } else {
        result["best_epoch"] = m_epoch;
    }
    m_results["report"] = result;
    TrainingEvent done;
    done.kind = TrainingEventKind::StageFinished;
    done.stage = "report";
    done.stageSeconds = stageSeconds("report");
    emit(done);
    enterStage("evaluate");
    return !stopRequested();
}

ValidationScores TrainingSession::validateReports(const std::vector<TrainingExample>& examples, int beamWidth, double* loss,
                                                  std::vector<GeneratedReport>* generatedOut) {
    m_model->network().eval();
    const inference::Vocabulary& vocabulary = m_model->vocabulary();
    const int maxLength = m_model->defaultDecodeOptions().maxLength;
    std::vector<GeneratedReport> generated(examples.size());
    double lossSum = 0.0;
    double tokenCount = 0.0;
    torch::nn::Module* head = m_trainer->tagHead();
    forEachFeatureBatch(examples, kValidationBatchSize, [&](const inference::VisualFeatures& features, const std::vector<std::size_t>& indices) {
        const std::vector<std::vector<std::int64_t>> decoded = m_trainer->decode(features, beamWidth, maxLength);
        torch::Tensor probabilities;
        if (head != nullptr) probabilities = torch::sigmoid(m_trainer->tagLogits(features).to(torch::kFloat32)).to(torch::kCPU).contiguous();
        for (std::size_t row = 0; row < indices.size(); ++row) {
            GeneratedReport& report = generated[indices[row]];
            report.tokens = tokenTexts(vocabulary, decoded[row]);
            if (probabilities.defined()) {
                const torch::Tensor values = probabilities[std::int64_t(row)];
                report.tagProbabilities.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
            }
        }
        if (loss != nullptr) {
            std::vector<std::string> reports;
            for (std::size_t index : indices) reports.push_back(examples[index].report);
            const TokenBatch tokens = encodeReports(reports, vocabulary, m_cleaning, m_config.data.maxTokens);
            ReportBatch batch;
            batch.features = features;
            batch.inputTokens = tokens.inputs.to(m_device.device);
            batch.targetTokens = tokens.targets.to(m_device.device);
            batch.tokenMask = tokens.mask.to(m_device.device);
            const double count = tokens.mask.sum().item<double>();
            lossSum += m_trainer->reportLoss(batch).item<double>() * count;
            tokenCount += count;
        }
    });
    m_model->network().train();
    if (loss != nullptr) *loss = lossSum / std::max(1.0, tokenCount);
    ValidationScores scores = scoreReports(examples, generated, m_model->manifest().labels, vocabulary, m_cleaning, m_config.data.maxTokens);
    if (generatedOut != nullptr) *generatedOut = std::move(generated);
    return scores;
}

void TrainingSession::evaluateAndWriteBundle() {
    if (!m_cache && m_config.train.featureCache && !m_examples.validation.empty()) prepareFeatureCache();
    chargeTime(m_stage);
    m_stage = "evaluate";
    json evaluation = json::object();
    if (!m_examples.validation.empty()) {
        message("evaluate", "decoding the validation split (" + std::to_string(m_examples.validation.size()) + " studies)");
        std::vector<GeneratedReport> generated;
        const ValidationScores scores =
            validateReports(m_examples.validation, m_model->defaultDecodeOptions().beamWidth, nullptr, &generated);
        evaluation["validation"] = scores.evaluation;
        std::string lines;
        for (std::size_t i = 0; i < generated.size(); ++i) {
            lines += json({{"id", m_examples.validation[i].id},
                           {"reference", m_examples.validation[i].report},
                           {"generated", inference::detokenize(generated[i].tokens)}})
                         .dump() +
                     "\n";
        }
        inference::writeTextFileAtomically(workFile("validation_reports.jsonl"), lines);
    } else {
        evaluation["validation"] = nullptr;
        evaluation["note"] = "the dataset has no validation split: nothing was evaluated, the last epoch was kept";
    }
    evaluation["decoding"] = {{"beam_width", m_model->defaultDecodeOptions().beamWidth},
                              {"max_length", m_model->defaultDecodeOptions().maxLength}};
    evaluation["selection"] = m_results;
    chargeTime("evaluate");

    // The bundle: the same weights under the final manifest (provenance, evaluation).
    inference::Manifest manifest = m_model->manifest();
    manifest.evaluation = evaluation;
    manifest.provenance = provenance();
    const inference::ModelType& type = inference::ModelRegistry::instance().find(manifest.modelType);
    std::unique_ptr<inference::ReportModel> bundled = type.create(manifest);
    restoreWeights(bundled->network(), copyWeights(m_model->network()));
    inference::saveBundle(*bundled, m_request.bundleDirectory, m_config.bundle.storeHalf, m_request.overwriteBundle);
    m_stage = "done";
    saveProgress(nullptr);
    message("evaluate", "wrote " + m_request.bundleDirectory);
}

nlohmann::json TrainingSession::provenance() const {
    json records = json::object();
    for (const datasets::DatasetRecord& record : m_dataset.records) records[record.split] = records.value(record.split, 0) + 1;
    const char* kinds[] = {"iu_xray", "mimic_cxr", "phantom"};
    json versions = {{"raddraft", RADDRAFT_VERSION},
                     {"libtorch", TORCH_VERSION},
                     {"nlohmann_json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." + std::to_string(NLOHMANN_JSON_VERSION_MINOR) +
                                           "." + std::to_string(NLOHMANN_JSON_VERSION_PATCH)},
                     {"compiler", __VERSION__}};
    for (const auto& [name, version] : m_request.callerVersions) versions[name] = version;
    double total = 0.0;
    for (const auto& [stage, seconds] : m_stageSeconds.items()) total += seconds.get<double>();
    return {
        {"initialisation", {{"kind", "trained"}, {"seed", m_config.seed}}},
        {"command_line", m_request.commandLine},
        {"dataset",
         {{"path", fs::absolute(m_dataset.directory).string()},
          {"kind", kinds[int(m_dataset.kind)]},
          {"records", records},
          {"used", {{"train", m_examples.train.size()}, {"val", m_examples.validation.size()}}},
          {"annotation_sha256", m_annotationHash},
          {"label_source", m_examples.labelSource}}},
        {"seed", m_config.seed},
        {"config", m_config.json},
        {"device", m_device.description()},
        {"threads", m_device.threads},
        {"mixed_precision", m_mixedPrecision},
        {"stage_seconds", m_stageSeconds},
        {"stage_cpu_seconds", m_stageCpuSeconds},
        {"total_seconds", total},
        {"started_at", m_startedAt},
        {"finished_at", utcNow()},
        {"resumed", m_resumeCount},
        {"versions", versions},
    };
}

// ---- public API ------------------------------------------------------------------------------

TrainingResult trainModel(const TrainingRequest& request) {
    datasets::Dataset dataset;
    try {
        dataset = datasets::loadDataset(request.datasetDirectory);
    } catch (const datasets::DatasetError& error) {
        throw TrainingError(error.what());
    }
    const std::vector<std::string> missing =
        request.imagesAreFiles ? datasets::checkImages(dataset) : std::vector<std::string>();
    if (!missing.empty()) {
        std::string text = missing.front();
        if (missing.size() > 1) text += " (and " + std::to_string(missing.size() - 1) + " more)";
        throw TrainingError("dataset " + request.datasetDirectory + ": " + text);
    }
    try {
        TrainingSession session(request, std::move(dataset));
        return session.run();
    } catch (const inference::InferenceError& error) {
        // LibTorch failures (translated inside), devices, bundle writing: one error type here.
        throw TrainingError(error.what());
    } catch (const nlohmann::json::exception& error) {
        // A checkpoint state.json that parses but lacks a field (edited or truncated by hand).
        throw TrainingError(std::string("unusable checkpoint state: ") + error.what());
    }
}

std::vector<std::string> trainableModelTypes() { return TrainerRegistry::instance().names(); }

std::string defaultTrainingConfigJson(const std::string& modelType) {
    const TrainerType& trainerType = TrainerRegistry::instance().find(modelType);
    json modelDefaults = inference::ModelRegistry::instance().find(modelType).defaultHyperParameters;
    json overrides = trainerType.configOverrides;
    if (overrides.contains("model")) {
        for (const auto& [key, value] : overrides["model"].items()) modelDefaults[key] = value;
        overrides.erase("model");
    }
    return defaultTrainingConfig(modelDefaults, overrides).dump(2);
}

} // namespace raddraft::training
