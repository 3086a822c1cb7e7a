#pragma once
// manifest.json of a model bundle. A bundle is a directory:
//   manifest.json        this file (schema below, documented in docs/DRAFT_SCHEMA.md § Bundles)
//   <weights>.safetensors one or more weights files, each listed with its SHA-256
// The manifest is the single source of everything a model needs besides weights: type and
// version, hyper-parameters, vocabulary, labels, knowledge graph, preprocessing, provenance and
// evaluation results.

#include "KnowledgeGraph.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace raddraft::inference {

/// Highest manifest format version this library reads (and the one it writes).
constexpr int kBundleFormatVersion = 1;
constexpr const char* kManifestFileName = "manifest.json";

struct PreprocessingSpec {
    int imageSize = 224;                               ///< square resize target (pixels)
    std::vector<float> mean{0.485f, 0.456f, 0.406f};   ///< per channel, after scaling to [0, 1]
    std::vector<float> std{0.229f, 0.224f, 0.225f};    ///< per channel
    int channels = 3;                                  ///< the grey image is repeated to this many
    /// Views the model was trained on, in token order ("frontal", "lateral").
    std::vector<std::string> views{"frontal", "lateral"};
};

struct WeightsFileSpec {
    std::string file;   ///< relative to the bundle directory, no path separators
    std::string sha256; ///< lower-case hex
};

/// A text a model carries beside its weights, in row order of the tensors that index it: PPKED's
/// retrieval corpus (training reports), CVSE's finding groups (representative + members).
struct CorpusEntry {
    std::string id;
    std::string text;
    std::vector<std::string> members; ///< optional (CVSE: the group's member sentences)
};

struct Manifest {
    int formatVersion = kBundleFormatVersion;
    std::string modelType;                   ///< registry key: "transformer", "ppked", ...
    std::string modelVersion = "0.1.0";      ///< version of this trained model
    std::string modelName;                   ///< human-readable name shown in the UI
    nlohmann::json hyperParameters = nlohmann::json::object(); ///< type-specific, see the type
    std::vector<std::string> vocabulary;     ///< tokens in id order (id = index + 1)
    std::string cleaning = "iu_xray";        ///< text cleaning style of the training reports
    std::vector<std::string> labels;         ///< tag-head label names in logit order
    std::optional<KnowledgeGraph> knowledgeGraph;
    PreprocessingSpec preprocessing;
    std::vector<CorpusEntry> corpus;         ///< model-specific texts (empty for most types)
    std::vector<WeightsFileSpec> weights;
    nlohmann::json provenance = nlohmann::json::object(); ///< dataset, seed, command, dates
    nlohmann::json evaluation = nlohmann::json::object(); ///< metric name → value, per split

    nlohmann::json toJson() const;
    /// Throws InferenceError(CorruptBundle / UnsupportedVersion) naming `sourceName`.
    static Manifest fromJson(const nlohmann::json& json, const std::string& sourceName);
};

/// Reads <bundleDir>/manifest.json. Does not touch the weights.
Manifest readManifest(const std::string& bundleDirectory);

/// Recomputes the SHA-256 of every weights file and compares it with the manifest. Throws
/// InferenceError(Io) for a missing file, InferenceError(ChecksumMismatch) naming the file.
void verifyWeightsChecksums(const std::string& bundleDirectory, const Manifest& manifest);

/// SHA-256 of manifest.json's bytes: identifies the whole bundle (the manifest holds the
/// checksums of the weights).
std::string bundleHash(const std::string& bundleDirectory);

} // namespace raddraft::inference
