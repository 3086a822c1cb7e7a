// Whole training runs on toy datasets written to disk: a tiny transformer overfits 8 studies so
// that greedy decoding of the written bundle reproduces their reports (the end-to-end proof);
// a run stopped twice and resumed ends with exactly the weights and curves of an uninterrupted
// run; early stopping keeps the best epoch; bad configurations and leftover checkpoints are
// clear errors.

#include "TrainingTestSupport.h"
#include "evaluation/Bleu.h"
#include "inference/Pipeline.h"
#include "inference/Text.h"
#include "training/Training.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace raddraft;
using namespace raddraft::training;
using namespace raddraft::training::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json manifestOf(const fs::path& bundle) { return json::parse(readText(bundle / "manifest.json")); }

// A tiny transformer: ResNet-18 at 64 px (2×2 patches per view), d_model 64, one layer.
json tinyConfig() {
    return overfitConfig({{"d_model", 64}, {"num_heads", 4}, {"num_layers", 1}, {"d_ff", 128}, {"dropout", 0.0}, {"max_length", 40}},
                         200, 25);
}

TrainingRequest requestFor(const fs::path& dataset, const fs::path& bundle, const json& config) {
    TrainingRequest request = toyTrainingRequest("transformer", dataset, bundle, config);
    request.commandLine = "training test";
    return request;
}

// curves.csv without its last column (wall time differs between runs).
std::string curvesWithoutSeconds(const fs::path& csv) {
    std::istringstream lines(readText(csv));
    std::string line, result;
    while (std::getline(lines, line)) result += line.substr(0, line.rfind(',')) + "\n";
    return result;
}

} // namespace

TEST(TrainingRun, ATinyTransformerOverfitsEightStudiesAndItsBundleDecodesThem) {
    const fs::path root = scratchDirectory("overfit");
    writeToyDataset(root / "data", 8, 8);
    std::vector<TrainingEvent> events;
    TrainingRequest request = requestFor(root / "data", root / "bundle", tinyConfig());
    request.observer = [&](const TrainingEvent& event) {
        if (event.kind != TrainingEventKind::Progress) events.push_back(event);
    };
    const TrainingResult result = trainModel(request);
    ASSERT_TRUE(result.completed);
    EXPECT_EQ(result.workDirectory, (root / "bundle").string() + ".training");
    EXPECT_GT(result.stageSeconds.at("report"), 0.0);

    // The bundle loads and drafts through the inference pipeline (F16 weights, greedy).
    std::string firstDraft;
    const double bleu4 = draftToyTrainingStudies(root / "data", root / "bundle", {}, &firstDraft);
    EXPECT_GT(bleu4, 0.9) << "first draft: " << firstDraft;

    // Manifest: vocabulary from the training reports, labels of the graph, provenance, evaluation.
    const json manifest = manifestOf(root / "bundle");
    EXPECT_EQ(manifest.at("model").at("type"), "transformer");
    EXPECT_EQ(manifest.at("preprocessing").at("image_size"), 64);
    const json& provenance = manifest.at("provenance");
    EXPECT_EQ(provenance.at("command_line"), "training test");
    EXPECT_EQ(provenance.at("dataset").at("records").at("train"), 8);
    EXPECT_EQ(provenance.at("dataset").at("annotation_sha256").get<std::string>().size(), 64u);
    EXPECT_EQ(provenance.at("seed"), 11);
    EXPECT_TRUE(provenance.at("stage_seconds").contains("pretrain"));
    EXPECT_TRUE(provenance.at("versions").contains("libtorch"));
    const json& evaluation = manifest.at("evaluation");
    EXPECT_GT(evaluation.at("validation").at("BLEU_4").get<double>(), 0.9);

    // Early stopping kept the epoch with the best validation BLEU-4 (the first of equal ones).
    std::istringstream curves(readText(fs::path(result.curvesCsv)));
    std::string line;
    std::getline(curves, line);
    int bestEpoch = 0, pretrainRows = 0;
    double best = -1.0;
    while (std::getline(curves, line)) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
        if (cells[0] == "pretrain") {
            ++pretrainRows;
            continue;
        }
        const double value = std::stod(cells[6]);
        if (value > best) {
            best = value;
            bestEpoch = std::stoi(cells[1]);
        }
    }
    EXPECT_EQ(pretrainRows, 2);
    EXPECT_EQ(evaluation.at("selection").at("report").at("best_epoch"), bestEpoch);
    EXPECT_NEAR(evaluation.at("selection").at("report").at("best_value").get<double>(), best, 1e-8); // CSV keeps 9 digits

    // Events: stages in order, each epoch reported.
    std::vector<std::string> stages;
    for (const TrainingEvent& event : events) {
        if (event.kind == TrainingEventKind::StageStarted) stages.push_back(event.stage);
    }
    EXPECT_EQ(stages, (std::vector<std::string>{"pretrain", "features", "report"}));
    fs::remove_all(root);
}

TEST(TrainingRun, AStoppedAndResumedRunEndsExactlyAsAnUninterruptedOne) {
    const fs::path root = scratchDirectory("resume");
    writeToyDataset(root / "data", 8, 4);
    json config = tinyConfig();
    config["augmentation"]["enabled"] = true;   // loader randomness per epoch
    config["model"]["dropout"] = 0.1;           // generator state across the resume
    config["pretrain"]["epochs"] = 2;
    config["train"]["epochs"] = 5;
    config["train"]["early_stopping"]["patience"] = 0;
    config["checkpoint_every_epochs"] = 2;      // the resumed run replays an epoch

    const TrainingResult whole = trainModel(requestFor(root / "data", root / "whole", config));
    ASSERT_TRUE(whole.completed);

    // Stops: after pretrain epoch 1, then after report epoch 3 of the resumed run.
    int finishedEpochs = 0;
    int stopAfter = 1;
    TrainingRequest request = requestFor(root / "data", root / "parts", config);
    request.observer = [&](const TrainingEvent& event) {
        if (event.kind == TrainingEventKind::EpochFinished) ++finishedEpochs;
    };
    request.stopRequested = [&] { return finishedEpochs >= stopAfter; };
    const TrainingResult first = trainModel(request);
    EXPECT_FALSE(first.completed);
    EXPECT_FALSE(fs::exists(root / "parts"));

    // Without resume an existing checkpoint is an error, not silently overwritten.
    try {
        trainModel(request);
        FAIL() << "a leftover checkpoint was overwritten";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("checkpoint"), std::string::npos) << error.what();
    }

    request.resume = true;
    finishedEpochs = 0;
    stopAfter = 3; // pretrain epoch 2, report epochs 1, 2 → stops after report epoch 3
    const TrainingResult second = trainModel(request);
    EXPECT_FALSE(second.completed);

    request.stopRequested = nullptr;
    const TrainingResult third = trainModel(request);
    ASSERT_TRUE(third.completed);

    const json a = manifestOf(root / "whole"), b = manifestOf(root / "parts");
    EXPECT_EQ(a.at("weights"), b.at("weights")); // the SHA-256 of the weights: identical parameters
    EXPECT_EQ(a.at("evaluation"), b.at("evaluation"));
    EXPECT_EQ(b.at("provenance").at("resumed"), 2);
    EXPECT_EQ(curvesWithoutSeconds(whole.curvesCsv), curvesWithoutSeconds(third.curvesCsv));
    fs::remove_all(root);
}

TEST(TrainingRun, ConfigurationErrorsNameTheKeyBeforeAnyWork) {
    const fs::path root = scratchDirectory("config");
    writeToyDataset(root / "data", 2, 0);
    json config = tinyConfig();
    config["train"]["optimiser"] = {{"learning_rate", 1.0}};
    try {
        trainModel(requestFor(root / "data", root / "bundle", config));
        FAIL() << "no error";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("'train.optimiser'"), std::string::npos) << error.what();
    }
    config = tinyConfig();
    config["model"]["num_layer"] = 2;
    EXPECT_THROW(trainModel(requestFor(root / "data", root / "bundle", config)), TrainingError);
    EXPECT_FALSE(fs::exists(root / "bundle.training" / "checkpoint"));

    // An unknown model type lists the trainable ones.
    TrainingRequest request = requestFor(root / "data", root / "bundle", json::object());
    request.modelType = "r2gen";
    try {
        trainModel(request);
        FAIL() << "no error";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("transformer"), std::string::npos) << error.what();
    }
    // A dataset whose image is missing names the file.
    fs::remove(root / "data/images/train-1-lateral.pgm");
    try {
        trainModel(requestFor(root / "data", root / "bundle", tinyConfig()));
        FAIL() << "no error";
    } catch (const TrainingError& error) {
        EXPECT_NE(std::string(error.what()).find("train-1-lateral.pgm"), std::string::npos) << error.what();
    }
    const std::vector<std::string> types = trainableModelTypes(); // seed models add theirs
    EXPECT_NE(std::find(types.begin(), types.end(), "transformer"), types.end());
    EXPECT_NE(defaultTrainingConfigJson("transformer").find("\"checkpoint_every_epochs\""), std::string::npos);
    fs::remove_all(root);
}
