#pragma once
// The contract between the pipeline and a model type, the registry of model types, loading and
// saving bundles of torch modules, and the shared assembly of a Draft from decoded tokens.
//
// Adding a model type (PPKED, CKNet, CVSE, JPG, ASGK): one file pair <Type>Model.h/.cpp with a
// ReportModel subclass and a `void register<Type>Model(ModelRegistry&)`, plus one line in
// ModelRegistry's constructor (ReportModel.cpp). Bundles then load, save and run through the
// pipeline and the CLI unchanged.

#include "Decoding.h"
#include "Manifest.h"
#include "TorchSupport.h"
#include "VisualExtractor.h"
#include "inference/Draft.h"
#include "inference/Text.h"

#include <torch/nn.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace raddraft::inference {

/// Wall-clock durations of named stages (CUDA work is synchronised before a stage ends).
class StageClock {
public:
    explicit StageClock(torch::Device device) : m_device(device) {}
    void begin(const std::string& stage);
    void end();
    const std::vector<StageTiming>& timings() const { return m_timings; }
    void add(const std::string& stage, double milliseconds) { m_timings.push_back({stage, milliseconds}); }

private:
    torch::Device m_device;
    std::string m_stage;
    std::chrono::steady_clock::time_point m_start;
    std::vector<StageTiming> m_timings;
};

struct GenerationRequest {
    torch::Tensor images;             ///< (B, V, C, H, W), preprocessed, on the model's device/dtype
    std::vector<std::string> views;   ///< V names in token order
    DecodeOptions decode;             ///< cancellation and progress already wired
    std::function<void(const std::string&, double)> progress; ///< stage, fraction
    std::function<bool()> isCancelled;
    StageClock* clock = nullptr;
};

class ReportModel {
public:
    explicit ReportModel(Manifest manifest);
    virtual ~ReportModel() = default;
    ReportModel(const ReportModel&) = delete;
    ReportModel& operator=(const ReportModel&) = delete;

    /// The whole network; its named_parameters()/named_buffers() are the weights contract.
    virtual torch::nn::Module& network() = 0;
    /// Visual features of (B, V, C, H, W) images: what a trainer caches to train the heads.
    virtual VisualFeatures extractFeatures(const torch::Tensor& images) = 0;
    /// One Draft per input (timings and identity are filled by the pipeline).
    virtual std::vector<Draft> generate(const GenerationRequest& request) = 0;
    /// Decoding settings from the manifest's hyper-parameters.
    virtual DecodeOptions defaultDecodeOptions() const;

    const Manifest& manifest() const { return m_manifest; }
    /// Replaces the manifest's corpus (a trainer building PPKED's retrieval index or CVSE's
    /// groups); the model resizes the tensors that index it itself (corpusChanged).
    void setCorpus(std::vector<CorpusEntry> corpus) {
        m_manifest.corpus = std::move(corpus);
        corpusChanged();
    }
    const Vocabulary& vocabulary() const { return m_vocabulary; }

protected:
    /// Called by setCorpus: resize, in place, the buffers whose row count is the corpus size
    /// (their contents are then for the caller to fill). Default: nothing.
    virtual void corpusChanged() {}
    /// Hyper-parameter with a default (the manifest was merged with the defaults on creation).
    template <typename T>
    T hyperParameter(const std::string& key, const T& fallback) const {
        return m_manifest.hyperParameters.value(key, fallback);
    }

private:
    Manifest m_manifest;
    Vocabulary m_vocabulary;
};

struct ModelType {
    std::string name;
    std::string description;
    nlohmann::json defaultHyperParameters;
    /// Builds the network with random initialisation (seeded by the caller) from a manifest
    /// whose hyper-parameters already contain every default.
    std::function<std::unique_ptr<ReportModel>(const Manifest&)> create;
};

class ModelRegistry {
public:
    static ModelRegistry& instance();
    void add(ModelType type);
    /// Throws InferenceError(UnknownModelType) listing the registered types.
    const ModelType& find(const std::string& name) const;
    std::vector<std::string> names() const;

private:
    ModelRegistry();
    std::map<std::string, ModelType> m_types;
};

// One registration function per model type (defined in <Type>Model.cpp).
void registerTransformerModel(ModelRegistry& registry);
void registerCknetModel(ModelRegistry& registry);
void registerPpkedModel(ModelRegistry& registry);
void registerCvseModel(ModelRegistry& registry);
void registerAsgkModel(ModelRegistry& registry);
void registerJpgModel(ModelRegistry& registry);

/// Merges `overrides` over the type's defaults; unknown keys → InferenceError(InvalidArgument).
nlohmann::json mergeHyperParameters(const ModelType& type, const nlohmann::json& overrides);

/// Creates a randomly initialised model (torch::manual_seed(seed) first).
std::unique_ptr<ReportModel> createModel(Manifest manifest, std::uint64_t seed);

/// Loads a bundle: manifest → model type → checksums (when verify) → weights on the CPU →
/// device/dtype → eval mode. Any failure throws InferenceError and leaves nothing behind.
std::unique_ptr<ReportModel> loadModel(const std::string& bundleDirectory, const DeviceSelection& device,
                                       bool verifyChecksums = true);

/// Writes model weights + manifest (checksums filled in) as a complete bundle, atomically.
void saveBundle(ReportModel& model, const std::string& bundleDirectory, bool storeHalf, bool overwrite);

/// Shared Draft assembly from a decoded sequence: tokens, per-token heatmaps (mean over layers),
/// sentences with mean heatmaps and tag support, findings, and the knowledge graph.
/// tagProbabilities: (labels) float CPU tensor or undefined. findingActivations: (P, labels)
/// per-patch evidence of each label (e.g. TagHead::classActivations) or undefined; its positive
/// part, normalised per label, becomes Finding::heatmaps.
Draft assembleDraft(const ReportModel& model, const DecodedSequence& sequence, const std::vector<std::string>& views,
                    std::int64_t gridRows, std::int64_t gridCols, const torch::Tensor& tagProbabilities,
                    const torch::Tensor& findingActivations = {});

} // namespace raddraft::inference
