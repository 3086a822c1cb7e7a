// raddraft-cli train: trains a model type on a dataset into a complete bundle (inference/training,
// docs/MODELS.md § Training). This file parses the arguments, injects the Qt image reader, shows
// progress on stderr and plots the curves; the training itself is training::trainModel.

#include "CliCommand.h"
#include "TrainingCurvesPlot.h"

#include "DatasetImageReader.h"
#include "training/Training.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <unistd.h>

namespace raddraft::cli {

const char* const kTrainUsage =
    "Usage: raddraft-cli train --type TYPE --dataset DIR --out BUNDLE [options]\n"
    "\n"
    "Trains a report model on a dataset and writes a complete bundle (weights, manifest with\n"
    "provenance and validation results). Stages: multi-label pre-training of the visual extractor on\n"
    "the labels, feature caching, report training on the cached features with early stopping,\n"
    "evaluation on the validation split. Every epoch is checkpointed; Ctrl+C stops after the\n"
    "current epoch and --resume continues exactly where the run stopped.\n"
    "  --type TYPE        model type (transformer)\n"
    "  --dataset DIR      R2Gen layout: DIR/annotation.json + DIR/images/ (phantom, IU X-ray, MIMIC-CXR)\n"
    "  --out BUNDLE       the bundle directory to write\n"
    "  --config JSON      a JSON file of settings over the type's defaults (see --print-config)\n"
    "  --device D         auto (default: CUDA when available), cpu or cuda\n"
    "  --threads N        CPU threads for LibTorch (default: the config's, else all cores)\n"
    "  --resume           continue the checkpoint in the work directory\n"
    "  --work DIR         work directory for config.json, curves.csv/.png, features and checkpoint/\n"
    "                     (default: BUNDLE.training next to the bundle)\n"
    "  --overwrite        replace an existing bundle directory\n"
    "  --progress         a progress bar even when stderr is not a terminal\n"
    "  --print-config     print the type's default configuration (every key) and exit\n";

namespace {

struct TrainArguments {
    std::string type;
    std::string dataset;
    std::string out;
    std::optional<std::string> config;
    std::string device = "auto";
    int threads = 0;
    bool resume = false;
    std::string work;
    bool overwrite = false;
    bool progress = false;
    bool printConfig = false;
};

std::optional<TrainArguments> parse(const std::vector<std::string>& arguments, std::string& problem)
{
    TrainArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= arguments.size()) {
                problem = argument + " needs a value";
                return std::nullopt;
            }
            return arguments[++i];
        };
        if (argument == "--type" || argument == "--dataset" || argument == "--out" || argument == "--config" ||
            argument == "--device" || argument == "--work" || argument == "--threads") {
            const auto text = value();
            if (!text)
                return std::nullopt;
            if (argument == "--type")
                parsed.type = *text;
            else if (argument == "--dataset")
                parsed.dataset = *text;
            else if (argument == "--out")
                parsed.out = *text;
            else if (argument == "--config")
                parsed.config = *text;
            else if (argument == "--device")
                parsed.device = *text;
            else if (argument == "--work")
                parsed.work = *text;
            else {
                try {
                    std::size_t used = 0;
                    parsed.threads = std::stoi(*text, &used);
                    if (used != text->size() || parsed.threads < 1)
                        throw std::invalid_argument("not positive");
                } catch (const std::exception&) {
                    problem = "--threads needs a positive whole number, not '" + *text + "'";
                    return std::nullopt;
                }
            }
        } else if (argument == "--resume") {
            parsed.resume = true;
        } else if (argument == "--overwrite") {
            parsed.overwrite = true;
        } else if (argument == "--progress") {
            parsed.progress = true;
        } else if (argument == "--print-config") {
            parsed.printConfig = true;
        } else {
            problem = "unknown argument " + argument;
            return std::nullopt;
        }
    }
    if (parsed.type.empty())
        problem = "--type TYPE is required";
    else if (parsed.printConfig)
        return parsed;
    else if (parsed.dataset.empty())
        problem = "--dataset DIR is required";
    else if (parsed.out.empty())
        problem = "--out BUNDLE is required";
    else if (parsed.device != "auto" && parsed.device != "cpu" && parsed.device != "cuda")
        problem = "--device must be auto, cpu or cuda, not '" + parsed.device + "'";
    if (!problem.empty())
        return std::nullopt;
    return parsed;
}

std::string readConfigFile(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw training::TrainingError(path + ": cannot read the configuration (" + file.errorString().toStdString() + ")");
    return file.readAll().toStdString();
}

std::string commandLineOf(const std::vector<std::string>& arguments)
{
    std::string line = "raddraft-cli train";
    for (const std::string& argument : arguments) {
        const bool plain = !argument.empty() && argument.find_first_of(" \t\"'$\\") == std::string::npos;
        line += " " + (plain ? argument : "'" + argument + "'");
    }
    return line;
}

std::string duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "--";
    const long total = long(std::lround(seconds));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ldh%02ldm", total / 3600, (total / 60) % 60);
    else if (total >= 60)
        std::snprintf(text, sizeof text, "%ldm%02lds", total / 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%lds", total);
    return text;
}

// Progress on stderr: a redrawn bar with the stage's ETA on a terminal (or with --progress),
// otherwise plain lines at stage and epoch ends and at most every 30 s in between (logs).
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool bar) : m_bar(bar) {}

    void operator()(const training::TrainingEvent& event)
    {
        using Kind = training::TrainingEventKind;
        switch (event.kind) {
        case Kind::StageStarted:
            line("stage " + event.stage + (event.epochs > 1 ? ": " + std::to_string(event.epochs) + " epochs of " : ": ") +
                 std::to_string(event.steps) + (event.stage == "features" ? " studies" : " batches"));
            m_lastLine = std::chrono::steady_clock::now();
            break;
        case Kind::Progress:
            progress(event);
            break;
        case Kind::EpochFinished: {
            std::string text = event.stage + " epoch " + std::to_string(event.epoch) + "/" + std::to_string(event.epochs) +
                               ": loss " + number(event.loss, 4);
            for (const auto& [name, value] : event.metrics)
                text += ", " + name + " " + number(value, 4);
            text += ", lr " + number(event.learningRate, 2, true) + ", " + duration(event.stageSeconds);
            line(text);
            break;
        }
        case Kind::StageFinished:
            line("stage " + event.stage + " done in " + duration(event.stageSeconds));
            break;
        case Kind::Message:
            line(event.message);
            break;
        }
    }

private:
    static std::string number(double value, int digits, bool scientific = false)
    {
        if (!std::isfinite(value))
            return "n/a";
        char text[32];
        std::snprintf(text, sizeof text, scientific ? "%.*e" : "%.*f", digits, value);
        return text;
    }

    void progress(const training::TrainingEvent& event)
    {
        const double done = double(event.epoch - 1) * double(event.steps) + double(event.step);
        const double total = double(event.epochs) * double(event.steps);
        const double fraction = total > 0 ? done / total : 0.0;
        const double eta = fraction > 0 ? event.stageSeconds * (1.0 - fraction) / fraction : NAN;
        std::string status = event.stage;
        if (event.epochs > 1)
            status += " " + std::to_string(event.epoch) + "/" + std::to_string(event.epochs);
        status += " " + std::to_string(event.step) + "/" + std::to_string(event.steps);
        if (std::isfinite(event.loss))
            status += " loss " + number(event.loss, 4);
        status += " ETA " + duration(eta);
        if (m_bar) {
            const int width = 24;
            const int filled = int(std::lround(fraction * width));
            std::fprintf(stderr, "\r\033[K[%s%s] %3d%% %s", std::string(std::size_t(filled), '#').c_str(),
                         std::string(std::size_t(width - filled), '.').c_str(), int(std::lround(fraction * 100)), status.c_str());
            std::fflush(stderr);
            m_barShown = true;
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - m_lastLine >= std::chrono::seconds(30)) {
            line(status);
        }
    }

    void line(const std::string& text)
    {
        if (m_barShown) {
            std::fputs("\r\033[K", stderr);
            m_barShown = false;
        }
        std::fprintf(stderr, "%s\n", text.c_str());
        m_lastLine = std::chrono::steady_clock::now();
    }

    bool m_bar;
    bool m_barShown = false;
    std::chrono::steady_clock::time_point m_lastLine = std::chrono::steady_clock::now();
};

// One line of the validation metrics from manifest.evaluation (the full JSON is in the manifest).
void printValidation(const std::string& evaluationJson)
{
    const QJsonObject validation =
        QJsonDocument::fromJson(QByteArray::fromStdString(evaluationJson)).object().value(QStringLiteral("validation")).toObject();
    if (validation.isEmpty()) {
        std::cout << "validation: none (the dataset has no validation split)\n";
        return;
    }
    std::string line = "validation (" + std::to_string(validation.value(QStringLiteral("n_studies")).toInt()) + " studies):";
    for (const char* key : {"BLEU_1", "BLEU_4", "METEOR", "ROUGE_L", "CIDEr", "CE_F1_micro", "tag_AUC_macro"}) {
        const QJsonValue value = validation.value(QString::fromLatin1(key));
        char text[64];
        std::snprintf(text, sizeof text, " %s %.4f", key, value.toDouble());
        line += value.isDouble() ? std::string(text) : " " + std::string(key) + " n/a";
    }
    std::cout << line << "\n";
}

// The first Ctrl+C asks the run to stop after the current epoch (with a checkpoint); a second
// one ends the process as usual.
std::atomic<bool> g_stopRequested{false};

extern "C" void requestStop(int)
{
    g_stopRequested = true;
    std::signal(SIGINT, SIG_DFL);
}

// libgomp (LibTorch's OpenMP) reads OMP_WAIT_POLICY once, when it is loaded. Its default keeps
// idle team threads spinning between parallel regions; on a 2-core machine they take the CPU from
// the image loader threads and from the next operation (measured: report training 5× slower under
// load). So train re-executes itself once with OMP_WAIT_POLICY=PASSIVE unless a policy was chosen.
// Returns only when that is not possible; training then goes on in this process.
void restartWithPassiveOpenMpWaits(const std::vector<std::string>& arguments)
{
    if (std::getenv("OMP_WAIT_POLICY") != nullptr)
        return;
    if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0)
        return;
    std::vector<std::string> words{"raddraft-cli", "train"};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    ::execv("/proc/self/exe", argv.data());
}

} // namespace

int runTrainCommand(const std::vector<std::string>& arguments)
{
    std::string problem;
    const std::optional<TrainArguments> parsed = parse(arguments, problem);
    if (!parsed) {
        printError("train: " + problem + " (see raddraft-cli train --help)");
        return kExitUsage;
    }
    try {
        if (parsed->printConfig) {
            std::cout << training::defaultTrainingConfigJson(parsed->type) << "\n";
            return kExitSuccess;
        }
        restartWithPassiveOpenMpWaits(arguments);
        training::TrainingRequest request;
        request.modelType = parsed->type;
        request.datasetDirectory = parsed->dataset;
        request.bundleDirectory = parsed->out;
        request.workDirectory = parsed->work;
        if (parsed->config)
            request.configJson = readConfigFile(*parsed->config);
        request.device = parsed->device;
        request.threads = parsed->threads;
        request.resume = parsed->resume;
        request.overwriteBundle = parsed->overwrite;
        request.imageReader = dataset_io::DatasetImageReader();
        ProgressPrinter printer(parsed->progress || ::isatty(STDERR_FILENO) == 1);
        request.observer = [&printer](const training::TrainingEvent& event) { printer(event); };
        g_stopRequested = false;
        request.stopRequested = [] { return g_stopRequested.load(); };
        request.commandLine = commandLineOf(arguments);
        request.callerVersions = {{"qt", qVersion()}};

        std::signal(SIGINT, requestStop);
        const training::TrainingResult result = training::trainModel(request);
        std::signal(SIGINT, SIG_DFL);

        const std::string plot = (std::filesystem::path(result.workDirectory) / "curves.png").string();
        try {
            writeTrainingCurvesPlot(result.curvesCsv, plot, parsed->type + " on " + std::filesystem::path(parsed->dataset).filename().string());
        } catch (const std::runtime_error& error) {
            std::cerr << "raddraft-cli: warning: no curves plot: " << error.what() << "\n";
        }
        if (!result.completed) {
            printError("train: stopped; the checkpoint in " + result.workDirectory + " continues with --resume");
            return kExitFailure;
        }
        double total = 0;
        for (const auto& [stage, seconds] : result.stageSeconds)
            total += seconds;
        std::cout << "wrote " << result.bundleDirectory << " (work directory " << result.workDirectory << ", "
                  << duration(total) << ")\n";
        printValidation(result.evaluationJson);
        return kExitSuccess;
    } catch (const training::TrainingError& error) {
        std::signal(SIGINT, SIG_DFL);
        printError("train: " + std::string(error.what()));
    } catch (const std::exception& error) { // a library below that forgot to translate its error
        std::signal(SIGINT, SIG_DFL);
        printError("train: " + std::string(error.what()));
    }
    return kExitFailure;
}

} // namespace raddraft::cli
