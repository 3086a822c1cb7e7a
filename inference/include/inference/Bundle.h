#pragma once
// Creating and inspecting model bundles (standard C++ only). A bundle is a directory with
// manifest.json and safetensors weights; see docs/DRAFT_SCHEMA.md § "Model bundles".

#include <cstdint>
#include <string>
#include <vector>

namespace raddraft::inference {

/// Everything needed to create a bundle for a registered model type with random weights.
struct BundleSpec {
    std::string modelType = "transformer";      ///< a registered type, see registeredModelTypes()
    std::string name;                           ///< human-readable model name
    std::string version = "0.1.0";
    /// JSON object merged over the type's defaults (unknown keys are an error).
    std::string hyperParametersJson = "{}";
    /// Tokens in id order (sorted, unique, containing "<unk>"), e.g. Vocabulary::build().tokens().
    std::vector<std::string> vocabulary;
    std::string cleaning = "iu_xray";           ///< "iu_xray" or "mimic_cxr"
    /// Optional knowledge graph JSON file (resources/knowledge_graph/chest.json); it is embedded
    /// in the manifest and, when `labels` is empty, its finding nodes become the labels.
    std::string knowledgeGraphFile;
    std::vector<std::string> labels;            ///< tag-head labels; empty = no tag head
    int imageSize = 224;
    std::vector<std::string> views{"frontal", "lateral"};
    std::uint64_t seed = 0;                     ///< random initialisation seed (deterministic)
    bool storeHalf = false;                     ///< store weights as F16 (half the size)
    std::string provenanceJson = "{}";          ///< JSON object recorded as training provenance
};

/// Initialises a model of spec.modelType with the given hyper-parameters and seed and writes a
/// complete bundle to `bundleDirectory`. The directory is assembled under a temporary sibling
/// name and renamed into place, so it either appears complete or not at all. An existing
/// directory is replaced only when `overwrite` is true. Throws InferenceError.
void createRandomBundle(const BundleSpec& spec, const std::string& bundleDirectory, bool overwrite = false);

/// Model types the library can load, e.g. {"transformer"}.
std::vector<std::string> registeredModelTypes();

/// Default hyper-parameters of a type as a JSON object. Throws InferenceError(UnknownModelType).
std::string defaultHyperParametersJson(const std::string& modelType);

struct BundleSummary {
    std::string modelType;
    std::string name;
    std::string version;
    std::string bundleHash;        ///< SHA-256 of manifest.json
    std::vector<std::string> views;
    std::vector<std::string> labels;
    std::int64_t vocabularySize = 0;
};

/// Reads and validates manifest.json only (no weights, no checksums). Throws InferenceError.
BundleSummary inspectBundle(const std::string& bundleDirectory);

} // namespace raddraft::inference
