// raddraft-cli infer: drafts a report for one study with a model bundle and prints it; with
// --json also writes the Draft (docs/DRAFT_SCHEMA.md).

#include "CliCommand.h"

#include "dicom/DicomScanner.h"
#include "dicom/PixelDecoder.h"
#include "display/HangingProtocol.h"
#include "display/ModelInput.h"
#include "inference/Pipeline.h"


#include <cstdio>
#include <iostream>
#include <optional>

namespace raddraft::cli {

const char* const kInferUsage =
    "Usage: raddraft-cli infer --model BUNDLE [options] (--frontal FILE [--lateral FILE] | PATH...)\n"
    "\n"
    "Drafts a report for one study and prints it.\n"
    "  --model BUNDLE      model bundle directory (manifest.json + weights)\n"
    "  --frontal FILE      the frontal (PA/AP) image: DICOM, PNG or JPEG\n"
    "  --lateral FILE      the lateral image\n"
    "  PATH...             DICOM files or folders instead: views come from ViewPosition (PA/AP\n"
    "                      frontal, LL/RL/LATERAL lateral); a single image is taken as frontal\n"
    "  --device D          auto (default: CUDA when available), cpu or cuda\n"
    "  --half              half precision (CUDA only)\n"
    "  --beam N            beam width (default: the bundle's, 3); 1 = greedy\n"
    "  --max-length N      maximum report length in tokens (default: the bundle's)\n"
    "  --json OUT          also write the Draft as JSON (written atomically)\n"
    "Images are windowed as the viewer shows them first (the file's window, else automatic).\n";

namespace {

struct InferArguments {
    std::string model;
    std::optional<std::string> frontal;
    std::optional<std::string> lateral;
    std::vector<std::string> paths;
    std::string device = "auto";
    bool half = false;
    int beam = 0;
    int maxLength = 0;
    std::optional<std::string> json;
};

std::optional<InferArguments> parse(const std::vector<std::string>& arguments, std::string& problem)
{
    InferArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= arguments.size()) {
                problem = argument + " needs a value";
                return std::nullopt;
            }
            return arguments[++i];
        };
        const auto number = [&](int& target) {
            const auto text = value();
            if (!text)
                return false;
            try {
                std::size_t used = 0;
                target = std::stoi(*text, &used);
                if (used == text->size() && target >= 1)
                    return true;
            } catch (const std::exception&) {
            }
            problem = argument + " needs a positive whole number, not '" + *text + "'";
            return false;
        };
        if (argument == "--model" || argument == "--frontal" || argument == "--lateral" || argument == "--device" ||
            argument == "--json") {
            const auto text = value();
            if (!text)
                return std::nullopt;
            if (argument == "--model")
                parsed.model = *text;
            else if (argument == "--frontal")
                parsed.frontal = *text;
            else if (argument == "--lateral")
                parsed.lateral = *text;
            else if (argument == "--device")
                parsed.device = *text;
            else
                parsed.json = *text;
        } else if (argument == "--beam") {
            if (!number(parsed.beam))
                return std::nullopt;
        } else if (argument == "--max-length") {
            if (!number(parsed.maxLength))
                return std::nullopt;
        } else if (argument == "--half") {
            parsed.half = true;
        } else if (!argument.empty() && argument[0] == '-') {
            problem = "unknown option " + argument;
            return std::nullopt;
        } else {
            parsed.paths.push_back(argument);
        }
    }
    if (parsed.model.empty())
        problem = "--model BUNDLE is required";
    else if (parsed.device != "auto" && parsed.device != "cpu" && parsed.device != "cuda")
        problem = "--device must be auto, cpu or cuda, not '" + parsed.device + "'";
    else if ((parsed.frontal || parsed.lateral) && !parsed.paths.empty())
        problem = "give either --frontal/--lateral or PATH..., not both";
    else if (!parsed.frontal && !parsed.lateral && parsed.paths.empty())
        problem = "no images: give --frontal/--lateral or PATH...";
    if (!problem.empty())
        return std::nullopt;
    return parsed;
}

inference::ImageView loadView(const std::string& file)
{
    const dicom::DecodedImage image = dicom::decodeFile(file);
    viewer::UnitImage unit = viewer::toUnitImage(image, 0);
    return {std::move(unit.pixels), unit.width, unit.height};
}

// Picks the views of a study from DICOM/plain-image paths by the chest hanging protocol.
inference::StudyInput studyFromPaths(const std::vector<std::string>& paths)
{
    dicom::ScanResult merged;
    for (const std::string& path : paths) {
        dicom::ScanResult scanned = dicom::scanPath(path);
        for (const dicom::DicomError& error : scanned.errors)
            std::cerr << "raddraft-cli: warning: skipped " << error.what() << "\n";
        for (dicom::PatientInfo& patient : scanned.patients)
            merged.patients.push_back(std::move(patient));
    }
    const dicom::StudyInfo* study = nullptr;
    for (const dicom::PatientInfo& patient : merged.patients)
        for (const dicom::StudyInfo& candidate : patient.studies)
            if (!study)
                study = &candidate;
    if (!study)
        throw dicom::DicomError(paths.front(), "no readable image found");
    const viewer::Hanging hanging = viewer::chooseHanging(*study);
    inference::StudyInput input;
    const auto fileOf = [](const viewer::HangingSlot& slot) {
        return slot.series->instances[static_cast<std::size_t>(slot.instanceIndex)].filePath;
    };
    if (hanging.isChestPair) {
        input.frontal = loadView(fileOf(hanging.slots[0]));
        input.lateral = loadView(fileOf(hanging.slots[1]));
        return input;
    }
    if (hanging.slots.size() == 1 && hanging.slots[0].series->instances.size() == 1) {
        const auto& instance = hanging.slots[0].series->instances.front();
        if (viewer::chestViewOf(instance) == viewer::ChestView::Lateral)
            input.lateral = loadView(instance.filePath);
        else
            input.frontal = loadView(instance.filePath);
        return input;
    }
    throw dicom::DicomError(paths.front(), "cannot tell the frontal from the lateral view (no usable ViewPosition); "
                                           "name them with --frontal and --lateral");
}

} // namespace

int runInferCommand(const std::vector<std::string>& arguments)
{
    std::string problem;
    const std::optional<InferArguments> parsed = parse(arguments, problem);
    if (!parsed) {
        printError("infer: " + problem + " (see raddraft-cli infer --help)");
        return kExitUsage;
    }
    try {
        inference::StudyInput study;
        if (parsed->frontal)
            study.frontal = loadView(*parsed->frontal);
        if (parsed->lateral)
            study.lateral = loadView(*parsed->lateral);
        if (!parsed->paths.empty())
            study = studyFromPaths(parsed->paths);

        inference::PipelineOptions options;
        options.device = parsed->device == "cpu"    ? inference::DevicePreference::Cpu
                         : parsed->device == "cuda" ? inference::DevicePreference::Cuda
                                                    : inference::DevicePreference::Auto;
        options.halfPrecision = parsed->half;
        options.beamWidth = parsed->beam;
        options.maxLength = parsed->maxLength;
        inference::Pipeline pipeline = inference::Pipeline::load(parsed->model, options);
        const inference::Draft draft = pipeline.run(study);

        std::cout << draft.text << "\n";
        double total = 0;
        for (const inference::StageTiming& timing : draft.timings)
            total += timing.milliseconds;
        std::fprintf(stderr, "model %s \"%s\" %s (bundle %s) on %s, %.0f ms\n", draft.model.type.c_str(), draft.model.name.c_str(),
                     draft.model.version.c_str(), draft.model.bundleHash.substr(0, 12).c_str(), draft.model.device.c_str(), total);
        if (parsed->json)
            writeFileAtomically(*parsed->json, {inference::draftToJson(draft)});
        return kExitSuccess;
    } catch (const dicom::DicomError& error) {
        printError(error.what());
    } catch (const inference::InferenceError& error) {
        printError(error.what());
    } catch (const std::runtime_error& error) { // writing --json
        printError(error.what());
    }
    return kExitFailure;
}

} // namespace raddraft::cli
