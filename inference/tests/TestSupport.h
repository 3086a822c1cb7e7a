#pragma once
// Helpers shared by the torch tests: scratch directories and tiny bundles created at test time.

#include "inference/Bundle.h"

#include <filesystem>
#include <string>
#include <unistd.h>

namespace raddraft::inference::testing {

inline std::filesystem::path scratchDirectory(const std::string& name) {
    const auto directory = std::filesystem::temp_directory_path() /
                           ("raddraft_test_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    return directory;
}

inline std::vector<std::string> tinyVocabulary() {
    return {".", "<unk>", "are", "clear", "effusion", "heart", "is", "lungs", "no", "normal", "pleural",
            "pneumothorax", "size", "the"};
}

/// A small but complete transformer bundle: ResNet-18 at 64 px (2×2 patches per view),
/// d_model 32, 2 layers, the chest knowledge graph and its 20 labels.
inline BundleSpec tinyBundleSpec(std::uint64_t seed = 7) {
    BundleSpec spec;
    spec.modelType = "transformer";
    spec.name = "tiny test model";
    spec.hyperParametersJson =
        R"({"visual_extractor": "resnet18", "d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 64, "max_length": 12})";
    spec.vocabulary = tinyVocabulary();
    spec.knowledgeGraphFile = std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json";
    spec.imageSize = 64;
    spec.seed = seed;
    return spec;
}

} // namespace raddraft::inference::testing
