#pragma once
// Test fixtures of the trainer: a toy dataset on disk in R2Gen's layout (annotation.json with
// phantom-style labels, images as binary PGM files) and an ImageReader for those files. inference/
// has no image codecs, and the trainer's reader is injected, so the tests bring their own: a
// real file format, read from real files.

#include "evaluation/Bleu.h"
#include "inference/Pipeline.h"
#include "inference/Text.h"
#include "training/Training.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>
#include <unistd.h>

namespace raddraft::training::testing {

inline std::filesystem::path scratchDirectory(const std::string& name) {
    const auto directory = std::filesystem::temp_directory_path() / ("raddraft_training_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    return directory;
}

/// Writes an 8-bit binary PGM (P5).
inline void writePgm(const std::filesystem::path& path, const inference::ImageView& image) {
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << image.width << " " << image.height << "\n255\n";
    for (float value : image.pixels) out.put(char(std::uint8_t(std::lround(std::min(1.0f, std::max(0.0f, value)) * 255.0f))));
    if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

/// Reads an 8-bit binary PGM written by writePgm into [0, 1]. Thread-safe.
inline inference::ImageView readPgm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::string magic;
    int width = 0, height = 0, maximum = 0;
    in >> magic >> width >> height >> maximum;
    in.get();
    if (magic != "P5" || width <= 0 || height <= 0 || maximum != 255) throw std::runtime_error(path + ": not an 8-bit P5 PGM");
    inference::ImageView image;
    image.width = width;
    image.height = height;
    image.pixels.resize(std::size_t(width) * std::size_t(height));
    for (float& value : image.pixels) {
        const int byte = in.get();
        if (byte < 0) throw std::runtime_error(path + ": truncated");
        value = float(byte) / 255.0f;
    }
    return image;
}

/// A synthetic radiograph: dark lungs, bright mediastinum and blobs whose places depend on
/// `pattern` (so that studies are told apart by their images).
inline inference::ImageView toyView(int size, int pattern, bool lateral) {
    inference::ImageView view;
    view.width = view.height = size;
    view.pixels.resize(std::size_t(size) * std::size_t(size));
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const double u = double(x) / size - 0.5, v = double(y) / size - 0.5;
            double value = 0.25 + (lateral ? 0.3 * std::exp(-u * u / 0.05) : 0.5 * std::exp(-u * u / 0.01));
            for (int bit = 0; bit < 3; ++bit) {
                if (((pattern >> bit) & 1) == 0) continue;
                const double cu = (bit - 1) * 0.28, cv = (bit == 1 ? -0.2 : 0.15) * (lateral ? -1 : 1);
                value += 0.6 * std::exp(-((u - cu) * (u - cu) + (v - cv) * (v - cv)) / 0.004);
            }
            view.pixels[std::size_t(y) * std::size_t(size) + std::size_t(x)] = float(std::min(1.0, value));
        }
    }
    return view;
}

/// Eight distinct reports (one per toy study pattern).
inline const std::vector<std::string>& toyReports() {
    static const std::vector<std::string> reports = {
        "The heart is normal in size. The lungs are clear. No pleural effusion or pneumothorax.",
        "The heart is enlarged. There is a small left pleural effusion.",
        "Large right pneumothorax. The heart size is normal.",
        "There is a nodule in the right upper lobe. No pleural effusion.",
        "Pulmonary edema with cardiomegaly. Bilateral pleural effusions are present.",
        "Endotracheal tube in place. The lungs are clear.",
        "Left lower lobe consolidation. No pneumothorax is seen.",
        "The lungs are hyperinflated consistent with emphysema. No acute process.",
    };
    return reports;
}

/// Graph labels of toy study `pattern` (a few findings so that tag pre-training has targets).
inline nlohmann::json toyLabels(int pattern) {
    return {{"normal", pattern == 0 ? 1 : 0},
            {"cardiomegaly", (pattern == 1 || pattern == 4) ? 1 : 0},
            {"pleural effusion", (pattern == 1 || pattern == 4) ? 1 : pattern == 3 ? -1 : 0},
            {"pneumothorax", pattern == 2 ? 1 : 0},
            {"nodule", pattern == 3 ? 1 : 0},
            {"medical device", pattern == 5 ? 1 : 0},
            {"pneumonia", pattern == 6 ? 1 : 0},
            {"emphysema", pattern == 7 ? 1 : 0}};
}

/// Writes DIR/annotation.json and DIR/images/*.pgm: `trainCount` training studies (pattern =
/// index % 8) and `validationCount` validation studies that repeat the first patterns with other
/// ids (the overfitting test scores the training studies through them).
inline void writeToyDataset(const std::filesystem::path& directory, int trainCount, int validationCount, int size = 64) {
    std::filesystem::create_directories(directory / "images");
    nlohmann::json annotation = {{"train", nlohmann::json::array()}, {"val", nlohmann::json::array()}, {"test", nlohmann::json::array()}};
    const auto add = [&](const std::string& split, const std::string& id, int pattern) {
        const std::string frontal = id + "-frontal.pgm", lateral = id + "-lateral.pgm";
        writePgm(directory / "images" / frontal, toyView(size, pattern, false));
        writePgm(directory / "images" / lateral, toyView(size, pattern, true));
        annotation[split].push_back({{"id", id},
                                     {"report", toyReports()[std::size_t(pattern % 8)]},
                                     {"image_path", {frontal, lateral}},
                                     {"split", split},
                                     {"labels", toyLabels(pattern % 8)},
                                     {"observations", nlohmann::json::object()},
                                     {"context_labels", nlohmann::json::array()},
                                     {"masks", nlohmann::json::object()}});
    };
    for (int i = 0; i < trainCount; ++i) add("train", "train-" + std::to_string(i), i % 8);
    for (int i = 0; i < validationCount; ++i) add("val", "val-" + std::to_string(i), i % 8);
    std::ofstream(directory / "annotation.json") << annotation.dump(1);
}

inline std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The recipe of the tests that train a tiny model until it reproduces the 8 toy studies: seed 11,
/// one thread, 64-px images, 2 pre-training epochs, then `epochs` report epochs at a constant
/// 2e-3 keeping the best validation BLEU-4 (patience `patience`). `model` is the model section.
inline nlohmann::json overfitConfig(nlohmann::json model, int epochs = 300, int patience = 60) {
    return {{"seed", 11},
            {"threads", 1}, // tiny tensors: a second OpenMP thread costs more than it gives
            {"model", std::move(model)},
            {"data", {{"image_size", 64}, {"vocabulary_threshold", 1}, {"workers", 1}}},
            {"augmentation", {{"enabled", false}}},
            {"pretrain",
             {{"initialize_from", ""}, {"epochs", 2}, {"batch_size", 8}, {"schedule", {{"kind", "constant"}, {"warmup_steps", 0}}},
              {"clip_norm", 5.0}}},
            {"train",
             {{"epochs", epochs},
              {"batch_size", 8},
              {"optimizer", {{"learning_rate", 2e-3}}},
              {"schedule", {{"kind", "constant"}, {"warmup_steps", 10}}},
              {"clip_norm", 1.0},
              {"early_stopping", {{"metric", "bleu4"}, {"patience", patience}}}}},
            {"checkpoint_every_epochs", 1000}};
}

/// A CPU training request for `modelType` from `dataset` (writeToyDataset) into `bundle`.
inline TrainingRequest toyTrainingRequest(const std::string& modelType, const std::filesystem::path& dataset,
                                          const std::filesystem::path& bundle, const nlohmann::json& config) {
    TrainingRequest request;
    request.modelType = modelType;
    request.datasetDirectory = dataset.string();
    request.bundleDirectory = bundle.string();
    request.configJson = config.dump();
    request.device = "cpu";
    request.imageReader = readPgm;
    request.commandLine = modelType + " training test";
    return request;
}

/// Drafts the 8 toy training studies of `dataset` with `bundle` through the inference pipeline
/// (CPU, greedy, one thread), hands each draft to `check` (study index, draft), and returns the
/// corpus BLEU-4 against the studies' cleaned reports; `firstDraft` (optional out) gets study 0's text.
inline double draftToyTrainingStudies(const std::filesystem::path& dataset, const std::filesystem::path& bundle,
                                      const std::function<void(int, const inference::Draft&)>& check = {},
                                      std::string* firstDraft = nullptr) {
    inference::PipelineOptions options;
    options.device = inference::DevicePreference::Cpu;
    options.beamWidth = 1;
    options.threads = 1;
    inference::Pipeline pipeline = inference::Pipeline::load(bundle.string(), options);
    evaluation::TextCorpus corpus;
    for (int i = 0; i < 8; ++i) {
        inference::StudyInput study;
        study.frontal = readPgm((dataset / "images" / ("train-" + std::to_string(i) + "-frontal.pgm")).string());
        study.lateral = readPgm((dataset / "images" / ("train-" + std::to_string(i) + "-lateral.pgm")).string());
        const inference::Draft draft = pipeline.run(study);
        if (check) check(i, draft);
        std::string hypothesis;
        for (const inference::DraftToken& token : draft.tokens) hypothesis += (hypothesis.empty() ? "" : " ") + token.text;
        const std::string id = "s" + std::to_string(i);
        corpus.hypotheses[id] = hypothesis;
        corpus.references[id] = {inference::cleanReport(toyReports()[std::size_t(i)], inference::CleaningStyle::IuXray)};
    }
    if (firstDraft != nullptr) *firstDraft = corpus.hypotheses["s0"];
    return evaluation::computeBleu(corpus).orders[3].corpus;
}

} // namespace raddraft::training::testing
