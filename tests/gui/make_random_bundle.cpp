// raddraft-make-random-bundle: a model bundle with random weights for demonstrations and
// screenshots while no trained bundle is installed (packaging/screenshots.sh).
//
//   raddraft-make-random-bundle OUT_DIR [--type TYPE] [--frontal FILE --lateral FILE] [--tries N]
//
// With the two views (DICOM files), seeds are tried until the random model writes at least two
// sentences for them (random weights often stop at once), so the screenshot has text to point at.
// The text is word salad: it shows the interface, not a model.

#include "dicom/PixelDecoder.h"
#include "display/ModelInput.h"
#include "inference/Bundle.h"
#include "inference/Pipeline.h"

#include <cstdio>
#include <filesystem>
#include <string>

using namespace raddraft;

namespace {

inference::ImageView modelView(const std::string& file)
{
    const dicom::DecodedImage image = dicom::decodeFile(file);
    viewer::UnitImage unit = viewer::toUnitImage(image);
    return {std::move(unit.pixels), unit.width, unit.height};
}

} // namespace

int main(int argc, char* argv[])
{
    std::string out, frontal, lateral, type = "transformer";
    int tries = 40;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const bool hasValue = i + 1 < argc;
        if (argument == "--type" && hasValue) type = argv[++i];
        else if (argument == "--frontal" && hasValue) frontal = argv[++i];
        else if (argument == "--lateral" && hasValue) lateral = argv[++i];
        else if (argument == "--tries" && hasValue) tries = std::stoi(argv[++i]);
        else if (out.empty() && argument.rfind("--", 0) != 0) out = argument;
        else {
            std::fprintf(stderr, "usage: raddraft-make-random-bundle OUT_DIR [--type TYPE] [--frontal FILE --lateral FILE] [--tries N]\n");
            return 2;
        }
    }
    if (out.empty() || frontal.empty() != lateral.empty()) {
        std::fprintf(stderr, "usage: raddraft-make-random-bundle OUT_DIR [--type TYPE] [--frontal FILE --lateral FILE] [--tries N]\n");
        return 2;
    }
    try {
        inference::BundleSpec spec;
        spec.modelType = type; // every type takes these hyper-parameters (ppked, cknet: their defaults for the rest)
        spec.name = "random-demo";
        spec.hyperParametersJson =
            R"({"visual_extractor": "resnet18", "d_model": 128, "num_heads": 4, "num_layers": 2, "d_ff": 256, "max_length": 40})";
        if (type == "cvse") // a retrieval model: no decoder; a random bundle has no finding groups to retrieve
            spec.hyperParametersJson = R"({"visual_extractor": "resnet18", "joint_dim": 128, "max_length": 40})";
        spec.vocabulary = {".", "<unk>", "acute", "are", "cardiomediastinal", "clear", "consolidation", "effusion",
                           "heart", "is", "lungs", "no", "normal", "pleural", "pneumothorax", "silhouette", "size",
                           "the", "within"};
        spec.knowledgeGraphFile = std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json";
        spec.provenanceJson = R"({"purpose": "random weights for screenshots; not a trained model"})";
        inference::StudyInput study;
        if (!frontal.empty()) {
            study.frontal = modelView(frontal);
            study.lateral = modelView(lateral);
        }
        for (int seed = 1; seed <= tries; ++seed) {
            spec.seed = static_cast<std::uint64_t>(seed);
            inference::createRandomBundle(spec, out, true);
            if (frontal.empty())
                return 0;
            inference::PipelineOptions options;
            options.device = inference::DevicePreference::Cpu;
            inference::Pipeline pipeline = inference::Pipeline::load(out, options);
            const inference::Draft draft = pipeline.run(study);
            if (draft.sentences.size() >= 2) {
                std::printf("%s: seed %d writes: %s\n", out.c_str(), seed, draft.text.c_str());
                return 0;
            }
        }
        std::fprintf(stderr, "raddraft-make-random-bundle: no seed in 1..%d wrote two sentences\n", tries);
        return 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "raddraft-make-random-bundle: %s\n", error.what());
        return 1;
    }
}
