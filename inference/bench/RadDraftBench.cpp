// raddraft-bench: latency and throughput of the inference engine (LibTorch only).
//
//   raddraft-bench [--device cpu|cuda] [--half] [--runs N] [--warmup N] [--batch N]
//                  [--sizes default,r2gen] [--lengths 10,20,40,60] [--out DIR]
//   raddraft-bench --bundles DIR[,DIR...] [--device cpu|cuda] [--half] [--runs N] [--warmup N]
//
// For each size it creates a bundle with random weights (timing does not depend on the values),
// runs two-view studies through the public Pipeline, and reports p50/p90 per stage at batch 1 and
// studies/s at batch N. EOS is suppressed (minLength = maxLength) so every run decodes the full
// length. It then times the decoder alone for several lengths with and without the key/value
// cache to show that the cached decode grows linearly with length. With --bundles it times
// trained bundles of any model type instead (batch 1, every stage the model reports).

#include "Decoding.h"
#include "Manifest.h"
#include "TorchSupport.h"
#include "Transformer.h"
#include "TransformerModel.h"
#include "inference/Bundle.h"
#include "inference/Pipeline.h"

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace raddraft::inference;
namespace fs = std::filesystem;

namespace {

struct BenchSize {
    std::string name;
    std::string hyperParameters;
    int maxLength;
};

std::vector<std::string> splitComma(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, ',');) parts.push_back(part);
    return parts;
}

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const double position = fraction * double(values.size() - 1);
    const std::size_t low = std::size_t(position);
    const std::size_t high = std::min(low + 1, values.size() - 1);
    return values[low] + (values[high] - values[low]) * (position - double(low));
}

ImageView randomView(int size, int seed) {
    ImageView view;
    view.width = view.height = size;
    view.pixels.resize(std::size_t(size) * std::size_t(size));
    std::uint32_t state = 2463534242u + std::uint32_t(seed);
    for (float& pixel : view.pixels) {
        state ^= state << 13; state ^= state >> 17; state ^= state << 5;
        pixel = float(state % 1000) / 999.0f;
    }
    return view;
}

std::vector<std::string> benchVocabulary() {
    // 760 tokens + <unk>, sorted, like IU X-ray's published vocabulary size.
    std::vector<std::string> tokens{"<unk>"};
    for (int i = 0; i < 760; ++i) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "w%04d", i);
        tokens.push_back(buffer);
    }
    std::sort(tokens.begin(), tokens.end());
    return tokens;
}

double milliseconds(std::chrono::steady_clock::duration duration) {
    return std::chrono::duration<double, std::milli>(duration).count();
}

} // namespace

// Batch-1 runs of one study after `warmup` untimed ones: per-stage timings in the order the
// model reports them, the totals, and the token count of the last draft.
struct TimedRuns {
    std::vector<std::string> order;
    std::map<std::string, std::vector<double>> stages;
    std::vector<double> totals;
    std::size_t tokens = 0;
};

TimedRuns timeRuns(Pipeline& pipeline, const StudyInput& study, int warmup, int runs) {
    TimedRuns timed;
    for (int run = 0; run < warmup + runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const Draft draft = pipeline.run(study);
        const double total = milliseconds(std::chrono::steady_clock::now() - start);
        if (run < warmup) continue;
        timed.totals.push_back(total);
        timed.tokens = draft.tokens.size();
        for (const StageTiming& timing : draft.timings) {
            if (!timed.stages.count(timing.stage)) timed.order.push_back(timing.stage);
            timed.stages[timing.stage].push_back(timing.milliseconds);
        }
    }
    return timed;
}

// A trained bundle of any model type at batch 1, EOS suppressed up to its max_length (the longest
// report it can write: the worst case), every stage its generate() times, in its order.
void benchBundle(const std::string& bundle, PipelineOptions options, int runs, int warmup) {
    const Manifest manifest = readManifest(bundle);
    const int maxLength = manifest.hyperParameters.value("max_length", 60);
    options.minLength = maxLength;
    options.maxLength = maxLength;
    Pipeline pipeline = Pipeline::load(bundle, options);
    StudyInput study;
    study.frontal = randomView(512, 1);
    study.lateral = randomView(512, 2);
    const TimedRuns timed = timeRuns(pipeline, study, warmup, runs);
    std::cout << "## " << manifest.modelName << " (" << manifest.modelType << ", " << fs::path(bundle).filename().string() << ")\n\n"
              << "Batch 1, two views (512x512 input), " << runs << " runs, " << timed.tokens << " tokens decoded (max_length " << maxLength
              << "):\n\n| stage | p50 ms | p90 ms |\n|---|---|---|\n";
    for (const std::string& stage : timed.order) {
        const std::vector<double>& values = timed.stages.at(stage);
        std::printf("| %s | %.1f | %.1f |\n", stage.c_str(), percentile(values, 0.5), percentile(values, 0.9));
    }
    std::printf("| **total (Pipeline::run)** | **%.1f** | **%.1f** |\n\n", percentile(timed.totals, 0.5), percentile(timed.totals, 0.9));
    std::fflush(stdout);
}

int main(int argc, char** argv) {
    std::string device = "cpu";
    bool half = false;
    int runs = 20, warmup = 3, batch = 32;
    std::vector<std::string> sizes{"default", "r2gen"};
    std::vector<int> lengths{10, 20, 40, 60};
    std::vector<std::string> bundles; // trained bundles of any model type: --bundles replaces --sizes
    fs::path out = fs::temp_directory_path() / ("raddraft-bench-" + std::to_string(::getpid()));
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) { std::cerr << arg << " needs a value\n"; std::exit(2); }
            return argv[++i];
        };
        if (arg == "--device") device = next();
        else if (arg == "--half") half = true;
        else if (arg == "--runs") runs = std::stoi(next());
        else if (arg == "--warmup") warmup = std::stoi(next());
        else if (arg == "--batch") batch = std::stoi(next());
        else if (arg == "--sizes") sizes = splitComma(next());
        else if (arg == "--lengths") { lengths.clear(); for (auto& l : splitComma(next())) lengths.push_back(std::stoi(l)); }
        else if (arg == "--out") out = next();
        else if (arg == "--bundles") bundles = splitComma(next());
        else { std::cerr << "usage: raddraft-bench [--device cpu|cuda] [--half] [--runs N] [--warmup N] [--batch N] [--sizes default,r2gen] [--lengths 10,20,40,60] [--out DIR] [--bundles DIR,DIR...]\n"; return 2; }
    }
    const std::map<std::string, BenchSize> known = {
        {"default", {"default (ResNet-18, d_model 256, 3 layers, d_ff 512, beam 3, 60 tokens)",
                     R"({"visual_extractor":"resnet18","d_model":256,"num_heads":8,"num_layers":3,"d_ff":512,"max_length":60,"beam_width":3})", 60}},
        {"r2gen", {"R2Gen (ResNet-101, d_model 512, 3 layers, d_ff 512, beam 3, 60 tokens)",
                   R"({"visual_extractor":"resnet101","d_model":512,"num_heads":8,"num_layers":3,"d_ff":512,"max_length":60,"beam_width":3})", 60}},
    };
    try {
        PipelineOptions options;
        options.device = device == "cuda" ? DevicePreference::Cuda : DevicePreference::Cpu;
        options.halfPrecision = half;
        fs::create_directories(out);
        std::cout << "raddraft-bench: device " << device << (half ? " (half)" : "") << ", threads "
                  << configureThreads(0) << ", hardware threads " << std::thread::hardware_concurrency()
                  << ", runs " << runs << " (+" << warmup << " warm-up)\n"
                  << "EOS is suppressed: every run decodes the full maximum length.\n\n";
        if (!bundles.empty()) {
            for (const std::string& bundle : bundles) benchBundle(bundle, options, runs, warmup);
            return 0;
        }
        for (const std::string& key : sizes) {
            const BenchSize& size = known.at(key);
            BundleSpec spec;
            spec.name = "bench " + key;
            spec.hyperParametersJson = size.hyperParameters;
            spec.vocabulary = benchVocabulary();
            spec.seed = 1;
            const fs::path bundle = out / key;
            createRandomBundle(spec, bundle.string(), true);
            options.minLength = size.maxLength;
            options.maxLength = size.maxLength;
            Pipeline pipeline = Pipeline::load(bundle.string(), options);
            StudyInput study;
            study.frontal = randomView(512, 1);
            study.lateral = randomView(512, 2);

            TimedRuns timed = timeRuns(pipeline, study, warmup, runs);
            if (timed.tokens != std::size_t(size.maxLength)) std::cerr << "warning: decoded " << timed.tokens << " tokens\n";
            std::map<std::string, std::vector<double>>& stages = timed.stages;
            const std::vector<double>& totals = timed.totals;
            std::cout << "## " << size.name << "\n\nBatch 1, two views (512x512 input resized to 224), " << runs << " runs:\n\n"
                      << "| stage | p50 ms | p90 ms |\n|---|---|---|\n";
            for (const char* stage : {"preprocess", "extractor", "encoder", "decode"}) {
                std::printf("| %s | %.1f | %.1f |\n", stage, percentile(stages[stage], 0.5), percentile(stages[stage], 0.9));
            }
            std::printf("| **total (Pipeline::run)** | **%.1f** | **%.1f** |\n\n", percentile(totals, 0.5), percentile(totals, 0.9));

            if (batch > 1) {
                std::vector<StudyInput> studies(std::size_t(batch), study);
                pipeline.runBatch(studies); // warm-up
                const int batchRuns = std::max(1, runs / 10);
                const auto start = std::chrono::steady_clock::now();
                for (int run = 0; run < batchRuns; ++run) pipeline.runBatch(studies);
                const double seconds = milliseconds(std::chrono::steady_clock::now() - start) / 1000.0;
                std::printf("Batch %d: %.2f studies/s (%.0f ms per batch, mean of %d)\n\n", batch,
                            double(batch * batchRuns) / seconds, seconds * 1000.0 / batchRuns, batchRuns);
            }

            // Decoder alone: cached vs full recomputation for several lengths, beam 3, batch 1.
            std::unique_ptr<ReportModel> model = loadModel(bundle.string(), selectDevice(
                device == "cuda" ? DeviceKind::Cuda : DeviceKind::Cpu, half));
            auto& network = dynamic_cast<TransformerReportModel&>(*model).typedNetwork();
            c10::InferenceMode inferenceMode;
            const auto dtype = half ? torch::kFloat16 : torch::kFloat32;
            const torch::Device torchDevice = device == "cuda" ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
            const torch::Tensor memory = network->encoderDecoder->encode(
                torch::randn({1, 98, network->visualExtractor->featureChannels()}).to(torchDevice, dtype));
            std::cout << "Decode time vs length (beam 3, batch 1, median of 5):\n\n| tokens | cached ms | ms/token | no cache ms | ms/token |\n|---|---|---|---|---|\n";
            for (int length : lengths) {
                double timesFor[2];
                for (int cached = 1; cached >= 0; --cached) {
                    std::vector<double> samples;
                    for (int run = 0; run < 6; ++run) {
                        EncoderDecoderSession session(network->encoderDecoder, memory, cached == 1);
                        DecodeOptions decode;
                        decode.beamWidth = 3;
                        decode.maxLength = length;
                        decode.minLength = length;
                        const auto start = std::chrono::steady_clock::now();
                        beamSearch(session, decode);
                        synchronizeDevice(torchDevice);
                        if (run > 0) samples.push_back(milliseconds(std::chrono::steady_clock::now() - start));
                    }
                    timesFor[cached] = percentile(samples, 0.5);
                }
                std::printf("| %d | %.1f | %.2f | %.1f | %.2f |\n", length, timesFor[1], timesFor[1] / length, timesFor[0], timesFor[0] / length);
            }
            std::cout << "\n";
            fs::remove_all(bundle);
        }
        fs::remove_all(out);
    } catch (const std::exception& error) {
        std::cerr << "raddraft-bench: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
