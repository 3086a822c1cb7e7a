// raddraft-cli evaluate: runs a model bundle over a dataset split and prints the papers' table
// (BLEU-1..4, METEOR, ROUGE-L, CIDEr, CE P/R/F1, tag AUC, pointing game); --json and --plots
// write the details. The counting is evaluation::ModelEvaluation; this file does the I/O.

#include "CliCommand.h"
#include "EvaluationPlots.h"

#include "DatasetImageReader.h"
#include "datasets/Dataset.h"
#include "evaluation/ModelEvaluation.h"
#include "evaluation/TextMetrics.h"
#include "inference/Pipeline.h"
#include "inference/Text.h"

#include <chrono>
#include <fstream>
#include <map>
#include <cstdio>
#include <iostream>
#include <optional>

namespace raddraft::cli {

const char* const kEvaluateUsage =
    "Usage: raddraft-cli evaluate (--model BUNDLE | --from-drafts FILE) --dataset DIR [options]\n"
    "\n"
    "Drafts a report for every study of a dataset split and scores the drafts: BLEU-1..4, METEOR,\n"
    "ROUGE-L, CIDEr (text, cleaned as the dataset's reports), CE precision/recall/F1 (the labeler on\n"
    "generated and reference reports, 14 CheXpert observations), tag AUC and calibration (when the\n"
    "dataset has labels), pointing game, energy and IoU of the findings' heatmaps (when it has masks).\n"
    "  --model BUNDLE   model bundle directory\n"
    "  --from-drafts FILE  score drafts made elsewhere instead of running a model: JSONL, one\n"
    "                   {\"id\", \"draft\": <Draft JSON>} per study (raddraft-train-phantom --drafts)\n"
    "  --dataset DIR    R2Gen layout: DIR/annotation.json + DIR/images/ (phantom, IU X-ray, MIMIC-CXR)\n"
    "  --split NAME     train, val, test (default) or all\n"
    "  --limit N        only the first N studies of the split\n"
    "  --batch N        studies per model batch (default 8)\n"
    "  --device D       auto (default), cpu or cuda\n"
    "  --tolerance PX   pointing-game tolerance in mask pixels (default 15)\n"
    "  --json OUT       write every number as JSON (top-level keys as the table; details beneath)\n"
    "  --drafts OUT     write the drafts as JSONL ({\"id\", \"report\", \"reference\", \"draft\"}), for\n"
    "                   `score` and --from-drafts (the Draft without per-token maps)\n"
    "  --plots DIR      write DIR/roc.png and DIR/reliability.png\n"
    "Image order per study: IU X-ray and phantom [frontal, lateral]; MIMIC-CXR entries with one image\n"
    "are given to the model as the frontal view.\n";

namespace {

struct EvaluateArguments {
    std::string model;
    std::string dataset;
    std::string split = "test";
    int limit = 0;
    int batch = 8;
    std::string device = "auto";
    double tolerance = evaluation::kDefaultPointingTolerancePixels;
    std::optional<std::string> json;
    std::optional<std::string> drafts;
    std::optional<std::string> plots;
    std::optional<std::string> fromDrafts;
};

std::optional<EvaluateArguments> parse(const std::vector<std::string>& arguments, std::string& problem)
{
    EvaluateArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (i + 1 >= arguments.size()) {
            problem = argument.rfind("--", 0) == 0 ? argument + " needs a value" : "unexpected argument " + argument;
            return std::nullopt;
        }
        const std::string value = arguments[++i];
        const auto positive = [&](int& target) {
            try {
                std::size_t used = 0;
                target = std::stoi(value, &used);
                if (used == value.size() && target >= 1)
                    return true;
            } catch (const std::exception&) {
            }
            problem = argument + " needs a positive whole number, not '" + value + "'";
            return false;
        };
        if (argument == "--model")
            parsed.model = value;
        else if (argument == "--dataset")
            parsed.dataset = value;
        else if (argument == "--split")
            parsed.split = value;
        else if (argument == "--device")
            parsed.device = value;
        else if (argument == "--json")
            parsed.json = value;
        else if (argument == "--drafts")
            parsed.drafts = value;
        else if (argument == "--plots")
            parsed.plots = value;
        else if (argument == "--from-drafts")
            parsed.fromDrafts = value;
        else if (argument == "--limit") {
            if (!positive(parsed.limit))
                return std::nullopt;
        } else if (argument == "--batch") {
            if (!positive(parsed.batch))
                return std::nullopt;
        } else if (argument == "--tolerance") {
            try {
                std::size_t used = 0;
                parsed.tolerance = std::stod(value, &used);
                if (used != value.size() || !(parsed.tolerance >= 0))
                    throw std::invalid_argument(value);
            } catch (const std::exception&) {
                problem = "--tolerance needs a number of pixels ≥ 0, not '" + value + "'";
                return std::nullopt;
            }
        } else {
            problem = "unknown option " + argument;
            return std::nullopt;
        }
    }
    if (parsed.model.empty() == !parsed.fromDrafts.has_value())
        problem = "give either --model BUNDLE or --from-drafts FILE";
    else if (parsed.dataset.empty())
        problem = "--dataset DIR is required";
    else if (parsed.split != "train" && parsed.split != "val" && parsed.split != "test" && parsed.split != "all")
        problem = "--split must be train, val, test or all, not '" + parsed.split + "'";
    else if (parsed.device != "auto" && parsed.device != "cpu" && parsed.device != "cuda")
        problem = "--device must be auto, cpu or cuda, not '" + parsed.device + "'";
    if (!problem.empty())
        return std::nullopt;
    return parsed;
}

inference::StudyInput studyOf(const datasets::DatasetRecord& record, const dataset_io::DatasetImageReader& reader)
{
    inference::StudyInput study;
    if (!record.imagePaths.empty())
        study.frontal = reader.readImage(record.imagePaths[0]);
    if (record.imagePaths.size() > 1)
        study.lateral = reader.readImage(record.imagePaths[1]);
    return study;
}

// Scores the finding heatmaps of one draft against the record's masks: one entry per
// (finding, view) whose mask is not empty. A finding the model gave no map (no positive evidence)
// counts as a miss with zero energy and IoU.
void scoreExplanations(const inference::Draft& draft, const datasets::DatasetRecord& record,
                       const dataset_io::DatasetImageReader& reader, double tolerance,
                       evaluation::ModelEvaluation& evaluation)
{
    static const char* const kViews[] = {"frontal", "lateral"};
    for (const auto& [finding, paths] : record.maskPaths) {
        const inference::Finding* predicted = nullptr;
        for (const inference::Finding& candidate : draft.findings)
            if (candidate.name == finding)
                predicted = &candidate;
        if (!predicted)
            continue; // the model has no label for this finding
        for (std::size_t view = 0; view < paths.size() && view < 2; ++view) {
            if (paths[view].empty())
                continue;
            const dataset_io::DatasetMask mask = reader.readMask(paths[view]);
            evaluation::Mask truth{mask.height, mask.width, mask.pixels};
            bool any = false;
            for (std::uint8_t value : truth.values)
                any = any || value != 0;
            if (!any)
                continue;
            const inference::Heatmap* map = nullptr;
            for (const inference::Heatmap& candidate : predicted->heatmaps)
                if (candidate.view == kViews[view])
                    map = &candidate;
            if (!map) {
                evaluation.addFidelity(finding, evaluation::FidelityScores{});
                continue;
            }
            evaluation.addFidelity(finding, evaluation::computeFidelity({map->rows, map->cols, map->values}, truth, tolerance));
        }
    }
}

std::string number(const std::optional<double>& value)
{
    char text[32];
    if (!value)
        return "n/a";
    std::snprintf(text, sizeof text, "%.3f", *value);
    return text;
}

/// The drafts of `path` by study id. Throws naming the file and line.
std::map<std::string, inference::Draft> readDraftLines(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path + ": cannot read");
    std::map<std::string, inference::Draft> drafts;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty())
            continue;
        try {
            const nlohmann::json item = nlohmann::json::parse(line);
            drafts[item.at("id").get<std::string>()] = inference::draftFromJson(item.at("draft").dump());
        } catch (const std::exception& error) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": not a {\"id\", \"draft\"} line (" + error.what() + ")");
        }
    }
    if (drafts.empty())
        throw std::runtime_error(path + ": no drafts");
    return drafts;
}

} // namespace

int runEvaluateCommand(const std::vector<std::string>& arguments)
{
    std::string problem;
    const std::optional<EvaluateArguments> parsed = parse(arguments, problem);
    if (!parsed) {
        printError("evaluate: " + problem + " (see raddraft-cli evaluate --help)");
        return kExitUsage;
    }
    try {
        const auto started = std::chrono::steady_clock::now();
        const datasets::Dataset dataset = datasets::loadDataset(parsed->dataset);
        std::vector<const datasets::DatasetRecord*> records = dataset.split(parsed->split);
        if (parsed->limit > 0 && records.size() > std::size_t(parsed->limit))
            records.resize(std::size_t(parsed->limit));
        if (records.empty())
            throw std::runtime_error(parsed->dataset + ": the split '" + parsed->split + "' has no studies");

        inference::PipelineOptions options;
        options.device = parsed->device == "cpu"    ? inference::DevicePreference::Cpu
                         : parsed->device == "cuda" ? inference::DevicePreference::Cuda
                                                    : inference::DevicePreference::Auto;
        std::optional<inference::Pipeline> pipeline;
        std::map<std::string, inference::Draft> givenDrafts;
        if (parsed->fromDrafts) {
            givenDrafts = readDraftLines(*parsed->fromDrafts);
            for (const datasets::DatasetRecord* record : records) {
                if (givenDrafts.count(record->id) == 0)
                    throw std::runtime_error(*parsed->fromDrafts + ": no draft for study " + record->id);
            }
        } else {
            pipeline.emplace(inference::Pipeline::load(parsed->model, options));
        }
        const inference::CleaningStyle cleaning = dataset.kind == datasets::DatasetKind::MimicCxr
                                                      ? inference::CleaningStyle::MimicCxr
                                                      : inference::CleaningStyle::IuXray;
        const dataset_io::DatasetImageReader reader;
        evaluation::ModelEvaluation evaluation;
        std::string draftLines;
        bool anyFindingMap = false;
        std::vector<std::pair<const datasets::DatasetRecord*, inference::Draft>> pendingExplanations;

        for (std::size_t begin = 0; begin < records.size(); begin += std::size_t(parsed->batch)) {
            const std::size_t end = std::min(records.size(), begin + std::size_t(parsed->batch));
            std::vector<inference::Draft> drafts;
            if (!pipeline) {
                for (std::size_t i = begin; i < end; ++i)
                    drafts.push_back(givenDrafts.at(records[i]->id));
            }
            std::vector<inference::StudyInput> studies;
            for (std::size_t i = begin; pipeline && i < end; ++i)
                studies.push_back(studyOf(*records[i], reader));
            // Studies with a different set of views cannot share a batch: run those one by one.
            bool sameViews = true;
            for (const inference::StudyInput& study : studies)
                sameViews = sameViews && study.frontal.has_value() == studies[0].frontal.has_value() &&
                            study.lateral.has_value() == studies[0].lateral.has_value();
            if (pipeline && sameViews) {
                drafts = pipeline->runBatch(studies);
            } else if (pipeline) {
                for (const inference::StudyInput& study : studies)
                    drafts.push_back(pipeline->run(study));
            }
            for (std::size_t i = begin; i < end; ++i) {
                const datasets::DatasetRecord& record = *records[i];
                inference::Draft& draft = drafts[i - begin];
                evaluation::StudyOutcome outcome;
                outcome.id = record.id;
                outcome.referenceText = record.report;
                outcome.generatedText = draft.text;
                outcome.referenceForMetrics = inference::cleanReport(record.report, cleaning);
                outcome.generatedForMetrics = inference::cleanReport(draft.text, cleaning);
                for (const inference::Finding& finding : draft.findings) {
                    outcome.tagProbabilities[finding.name] = finding.probability;
                    anyFindingMap = anyFindingMap || !finding.heatmaps.empty();
                }
                outcome.tagTruth = record.graphLabels;
                evaluation.add(outcome);
                if (parsed->drafts) {
                    inference::Draft stored = draft;
                    for (inference::DraftToken& token : stored.tokens)
                        token.heatmaps.clear(); // per-token maps are not scored; they would dominate the file
                    nlohmann::ordered_json line{{"id", record.id},
                                                {"report", draft.text},
                                                {"reference", record.report},
                                                {"draft", nlohmann::ordered_json::parse(inference::draftToJson(stored))}};
                    draftLines += line.dump() + "\n";
                }
                if (!record.maskPaths.empty())
                    pendingExplanations.emplace_back(&record, std::move(draft));
            }
            // Masks are scored only when the model has finding maps at all (decided after all
            // drafts, so keep the drafts until then; they are small).
            std::fprintf(stderr, "\revaluate: %zu/%zu studies", end, records.size());
            std::fflush(stderr);
        }
        std::fprintf(stderr, "\n");
        if (anyFindingMap) {
            for (const auto& [record, draft] : pendingExplanations)
                scoreExplanations(draft, *record, reader, parsed->tolerance, evaluation);
        }

        const evaluation::ModelEvaluationResult result = evaluation.finish();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const inference::ModelIdentity model =
            pipeline ? pipeline->identity() : givenDrafts.at(records.front()->id).model;

        std::printf("model %s \"%s\" %s (bundle %s) on %s; dataset %s, split %s: %ld studies, %.1f s\n",
                    model.type.c_str(), model.name.c_str(), model.version.c_str(), model.bundleHash.substr(0, 12).c_str(),
                    model.device.c_str(), parsed->dataset.c_str(), parsed->split.c_str(), result.studies, seconds);
        std::printf("%-7s %-7s %-7s %-7s %-7s %-7s %-7s | %-6s %-6s %-6s %-8s | %-7s | %-6s %-6s %-6s\n", "BLEU-1",
                    "BLEU-2", "BLEU-3", "BLEU-4", "METEOR", "ROUGE-L", "CIDEr", "CE-P", "CE-R", "CE-F1", "CE-F1ma",
                    "tagAUC", "PG", "EPG", "IoU");
        for (const auto& metric : result.textMetrics)
            std::printf("%-7.3f ", metric.second);
        std::printf("| %-6.3f %-6.3f %-6.3f %-8.3f | %-7s | %-6s %-6s %-6s\n", result.chexpert.precisionMicro,
                    result.chexpert.recallMicro, result.chexpert.f1Micro, result.chexpert.f1Macro,
                    number(result.tagAuc ? result.tagAuc->macro : std::nullopt).c_str(),
                    number(result.fidelity ? std::optional<double>(result.fidelity->overall.pointingGame) : std::nullopt).c_str(),
                    number(result.fidelity ? std::optional<double>(result.fidelity->overall.energyPointingGame) : std::nullopt).c_str(),
                    number(result.fidelity ? std::optional<double>(result.fidelity->overall.iou) : std::nullopt).c_str());
        std::printf("CE over our extended label set: P %.3f R %.3f F1 %.3f (macro F1 %.3f)\n",
                    result.extended.precisionMicro, result.extended.recallMicro, result.extended.f1Micro,
                    result.extended.f1Macro);
        if (!result.tagAuc)
            std::printf("tag AUC: n/a (%s)\n", result.tagPairs == 0 ? "the dataset has no tag labels for the model's findings"
                                                                    : "no label has both classes");
        if (!result.fidelity)
            std::printf("pointing game: n/a (%s)\n", anyFindingMap ? "the dataset has no masks" : "the model has no finding heatmaps");
        else
            std::printf("pointing game over %ld (study, finding, view) masks, tolerance %.0f px\n",
                        result.fidelity->overall.studies, parsed->tolerance);
        std::printf("%s\n", evaluation::kMeteorCaveat);

        if (parsed->json) {
            nlohmann::ordered_json json = result.toJson();
            json["details"]["model"] = {{"type", model.type}, {"name", model.name}, {"version", model.version},
                                        {"bundle_hash", model.bundleHash}, {"device", model.device}};
            json["details"]["dataset"] = {{"directory", dataset.directory}, {"split", parsed->split}};
            json["details"]["pointing_tolerance_pixels"] = parsed->tolerance;
            json["details"]["seconds"] = seconds;
            writeFileAtomically(*parsed->json, {json.dump(2), "\n"});
        }
        if (parsed->drafts)
            writeFileAtomically(*parsed->drafts, {draftLines});
        if (parsed->plots) {
            for (const std::string& file : writeEvaluationPlots(result, *parsed->plots, model.name))
                std::fprintf(stderr, "wrote %s\n", file.c_str());
        }
        return kExitSuccess;
    } catch (const std::exception& error) {
        printError(std::string("evaluate: ") + error.what());
        return kExitFailure;
    }
}

} // namespace raddraft::cli
