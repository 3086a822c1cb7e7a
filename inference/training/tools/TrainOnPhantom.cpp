// raddraft-train-phantom: trains a model type on a phantom dataset without its image files, by
// rendering each study's images in memory from the study id (inference/phantom is deterministic
// per set seed and index). It is `raddraft-cli train` for machines that have LibTorch but neither
// Qt nor the 3 GB of PNGs — a CUDA box reached with only the repository and annotation.json —
// and it can write the drafts of a split for `raddraft-cli evaluate --from-drafts` on a
// workstation that has the files (docs/MODELS.md § Training on a GPU machine).
//
// The rendered pixels are exactly what `raddraft-cli phantom` writes into its 16-bit PNGs (same
// renderer, same spec), divided by 65535 as DatasetImageReader does, so a model trained here
// saw the same images as one trained from the files.

#include "datasets/Dataset.h"
#include "inference/Pipeline.h"
#include "phantom/PhantomRenderer.h"
#include "phantom/PhantomSpec.h"
#include "training/Training.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace raddraft;

namespace {

constexpr const char* kUsage =
    "Usage: raddraft-train-phantom --type TYPE --dataset DIR --seed S --out BUNDLE\n"
    "                              [--size PX] [--normal-fraction F] [--config JSON|FILE] [--work DIR]\n"
    "                              [--device auto|cpu|cuda] [--threads N] [--overwrite]\n"
    "                              [--drafts OUT.jsonl [--drafts-split test|val|train]]\n"
    "DIR holds the annotation.json of `raddraft-cli phantom --seed S --size PX --normal-fraction F`;\n"
    "its images are rendered in memory, not read. --drafts writes one line per study of the split,\n"
    "{\"id\", \"draft\"} (the Draft without per-token maps), for `raddraft-cli evaluate --from-drafts`.\n";

struct Arguments {
    std::string type;
    std::string dataset;
    std::string out;
    std::string work;
    std::string config = "{}";
    std::string device = "auto";
    std::string drafts;
    std::string draftsSplit = "test";
    std::uint64_t seed = 0;
    bool seedGiven = false;
    int size = 512;
    double normalFraction = 0.3;
    int threads = 0;
    bool overwrite = false;
};

Arguments parseArguments(int argc, char** argv) {
    Arguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (name == "--overwrite") {
            arguments.overwrite = true;
            continue;
        }
        if (i + 1 >= argc) throw std::invalid_argument(name + " needs a value");
        const std::string value = argv[++i];
        if (name == "--type") arguments.type = value;
        else if (name == "--dataset") arguments.dataset = value;
        else if (name == "--out") arguments.out = value;
        else if (name == "--work") arguments.work = value;
        else if (name == "--device") arguments.device = value;
        else if (name == "--drafts") arguments.drafts = value;
        else if (name == "--drafts-split") arguments.draftsSplit = value;
        else if (name == "--seed") arguments.seed = std::stoull(value), arguments.seedGiven = true;
        else if (name == "--size") arguments.size = std::stoi(value);
        else if (name == "--normal-fraction") arguments.normalFraction = std::stod(value);
        else if (name == "--threads") arguments.threads = std::stoi(value);
        else if (name == "--config") {
            if (!value.empty() && value.front() == '{') {
                arguments.config = value;
            } else {
                std::ifstream in(value);
                if (!in) throw std::invalid_argument(value + ": cannot read the configuration file");
                std::stringstream text;
                text << in.rdbuf();
                arguments.config = text.str();
            }
        } else {
            throw std::invalid_argument("unknown option " + name);
        }
    }
    if (arguments.type.empty() || arguments.dataset.empty() || arguments.out.empty() || !arguments.seedGiven) {
        throw std::invalid_argument("--type, --dataset, --seed and --out are required");
    }
    return arguments;
}

/// Renders phantom studies on demand and keeps both views of each (a study is asked for once per
/// view, by concurrent loader threads).
class PhantomImageSource {
public:
    PhantomImageSource(std::uint64_t seed, int size, double normalFraction)
        : m_seed(seed), m_size(size), m_normalFraction(normalFraction) {}

    /// path: <dataset>/images/phantom-NNNNNN/<0|1>.png → the view in [0, 1].
    inference::ImageView read(const std::string& path) {
        const fs::path file(path);
        const std::string id = file.parent_path().filename().string();
        const std::string name = file.filename().string();
        int index = -1;
        if (std::sscanf(id.c_str(), "phantom-%d", &index) != 1 || index < 0 || (name != "0.png" && name != "1.png")) {
            throw std::runtime_error(path + ": not a phantom study image (images/phantom-NNNNNN/0.png or 1.png)");
        }
        const std::shared_ptr<const Views> views = studyViews(index, id);
        const phantom::PhantomImage& image = name == "0.png" ? views->frontal : views->lateral;
        inference::ImageView view;
        view.width = image.width;
        view.height = image.height;
        view.pixels.resize(image.pixels.size());
        for (std::size_t i = 0; i < image.pixels.size(); ++i) view.pixels[i] = float(image.pixels[i]) / 65535.0f;
        return view;
    }

private:
    struct Views {
        phantom::PhantomImage frontal;
        phantom::PhantomImage lateral;
    };

    std::shared_ptr<const Views> studyViews(int index, const std::string& id) {
        std::shared_ptr<Entry> entry;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            std::shared_ptr<Entry>& slot = m_studies[index];
            if (!slot) slot = std::make_shared<Entry>();
            entry = slot;
        }
        std::call_once(entry->once, [&] {
            const phantom::StudySpec spec = phantom::sampleStudySpec(m_seed, index, m_normalFraction);
            if (spec.id != id) throw std::runtime_error(id + ": the phantom sampler names study " + std::to_string(index) + " '" + spec.id + "'");
            phantom::RenderOptions options;
            options.size = m_size;
            phantom::RenderedStudy rendered = phantom::renderStudy(spec, options);
            auto views = std::make_shared<Views>();
            views->frontal = std::move(rendered.frontal);
            views->lateral = std::move(rendered.lateral);
            entry->views = std::move(views);
        });
        return entry->views;
    }

    struct Entry {
        std::once_flag once;
        std::shared_ptr<const Views> views;
    };

    std::uint64_t m_seed;
    int m_size;
    double m_normalFraction;
    std::mutex m_mutex;
    std::map<int, std::shared_ptr<Entry>> m_studies;
};

void printEvent(const training::TrainingEvent& event) {
    using Kind = training::TrainingEventKind;
    if (event.kind == Kind::Progress) return;
    std::ostringstream line;
    line << "[" << event.stage << "] ";
    switch (event.kind) {
    case Kind::StageStarted: line << "started: " << event.epochs << " epoch(s), " << event.steps << " steps each"; break;
    case Kind::EpochFinished:
        line << "epoch " << event.epoch << "/" << event.epochs << " loss " << event.loss;
        for (const auto& [name, value] : event.metrics) line << " " << name << " " << value;
        break;
    case Kind::StageFinished: line << "finished in " << event.stageSeconds << " s"; break;
    case Kind::Message: line << event.message; break;
    case Kind::Progress: break;
    }
    std::cerr << line.str() << std::endl;
}

void writeDrafts(const Arguments& arguments, PhantomImageSource& images) {
    const datasets::Dataset dataset = datasets::loadDataset(arguments.dataset);
    inference::PipelineOptions options;
    options.device = arguments.device == "cpu"    ? inference::DevicePreference::Cpu
                     : arguments.device == "cuda" ? inference::DevicePreference::Cuda
                                                  : inference::DevicePreference::Auto;
    options.threads = arguments.threads;
    inference::Pipeline pipeline = inference::Pipeline::load(arguments.out, options);
    const fs::path target(arguments.drafts);
    const fs::path partial = target.string() + ".partial";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(partial.string() + ": cannot write");
    const auto start = std::chrono::steady_clock::now();
    std::size_t written = 0;
    const std::vector<const datasets::DatasetRecord*> records = dataset.split(arguments.draftsSplit);
    constexpr std::size_t kBatch = 32; // the GPU decodes a batch's beams together
    for (std::size_t begin = 0; begin < records.size(); begin += kBatch) {
        const std::size_t end = std::min(records.size(), begin + kBatch);
        // Render the batch's studies in parallel (each study once, both views).
        std::vector<std::future<inference::StudyInput>> pending;
        for (std::size_t i = begin; i < end; ++i) {
            pending.push_back(std::async(std::launch::async, [&images, record = records[i]] {
                inference::StudyInput study;
                study.frontal = images.read(record->imagePaths.at(0));
                if (record->imagePaths.size() > 1) study.lateral = images.read(record->imagePaths.at(1));
                return study;
            }));
        }
        std::vector<inference::StudyInput> studies;
        for (auto& study : pending) studies.push_back(study.get());
        std::vector<inference::Draft> drafts = pipeline.runBatch(studies);
        for (std::size_t i = begin; i < end; ++i) {
            inference::Draft& draft = drafts[i - begin];
            for (inference::DraftToken& token : draft.tokens) token.heatmaps.clear(); // evaluation needs none
            out << nlohmann::json({{"id", records[i]->id}, {"draft", nlohmann::json::parse(inference::draftToJson(draft))}}).dump()
                << "\n";
            ++written;
        }
    }
    out.close();
    if (!out) throw std::runtime_error(partial.string() + ": write failed");
    fs::rename(partial, target);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "drafts: " << written << " studies of split '" << arguments.draftsSplit << "' in " << seconds << " s → "
              << arguments.drafts << std::endl;
}

} // namespace

int main(int argc, char** argv) {
    Arguments arguments;
    try {
        arguments = parseArguments(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "raddraft-train-phantom: " << error.what() << "\n" << kUsage;
        return 2;
    }
    try {
        auto images = std::make_shared<PhantomImageSource>(arguments.seed, arguments.size, arguments.normalFraction);
        training::TrainingRequest request;
        request.modelType = arguments.type;
        request.datasetDirectory = arguments.dataset;
        request.bundleDirectory = arguments.out;
        request.workDirectory = arguments.work;
        request.configJson = arguments.config;
        request.device = arguments.device;
        request.threads = arguments.threads;
        request.overwriteBundle = arguments.overwrite;
        request.imageReader = [images](const std::string& path) { return images->read(path); };
        request.imagesAreFiles = false;
        request.observer = printEvent;
        std::string commandLine;
        for (int i = 0; i < argc; ++i) commandLine += (i ? " " : "") + std::string(argv[i]);
        request.commandLine = commandLine;
        const training::TrainingResult result = training::trainModel(request);
        std::cerr << "bundle: " << result.bundleDirectory << "\n";
        for (const auto& [stage, seconds] : result.stageSeconds) std::cerr << "  " << stage << ": " << seconds << " s\n";
        if (!arguments.drafts.empty()) writeDrafts(arguments, *images);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "raddraft-train-phantom: " << error.what() << "\n";
        return 1;
    }
}
