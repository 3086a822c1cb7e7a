#pragma once
// RadDraft's inference pipeline: load a model bundle once, then turn studies into Drafts.
// Standard C++ only (no LibTorch headers), so the UI and the app can include it.
//
//   auto pipeline = Pipeline::load("resources/models/transformer-default");
//   StudyInput study;
//   study.frontal = ImageView{pixels, width, height};   // float [0, 1], windowed, not inverted
//   Draft draft = pipeline.run(study, {progress, token});
//
// Failures (all InferenceError, see InferenceError.h for codes):
// - load(): Io (missing files), CorruptBundle (bad JSON, truncated weights, bad header),
//   ChecksumMismatch, MissingTensor / UnknownTensor / ShapeMismatch (weights do not fit the
//   model), UnknownModelType, UnsupportedVersion, DeviceUnavailable (CUDA requested, none).
//   Nothing is kept from a failed load.
// - run(): InvalidArgument (no usable view, wrong pixel count, NaN pixels), Cancelled
//   (CancelledError: the token was set; no Draft is returned), Torch (LibTorch failed, e.g. out
//   of memory). The pipeline stays usable after any run() failure.
// A Pipeline is movable, not copyable; run() calls must not overlap on one Pipeline.

#include "inference/Draft.h"
#include "inference/InferenceError.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::inference {

/// One radiograph, already windowed to [0, 1] with 1 = white (VOI LUT applied, MONOCHROME1
/// inverted by the caller). Row-major, top row first, width × height values.
struct ImageView {
    std::vector<float> pixels;
    int width = 0;
    int height = 0;
};

/// A study: a frontal (PA/AP) and/or a lateral view. Which of them the model uses is set by the
/// bundle (manifest preprocessing.views); at least one of those must be present.
struct StudyInput {
    std::optional<ImageView> frontal;
    std::optional<ImageView> lateral;
};

enum class DevicePreference {
    Auto, ///< CUDA when available, else CPU
    Cpu,
    Cuda, ///< load() fails with DeviceUnavailable when CUDA is not usable
};

struct PipelineOptions {
    DevicePreference device = DevicePreference::Auto;
    bool halfPrecision = false;   ///< float16 weights/activations on CUDA; ignored on the CPU
    int threads = 0;              ///< CPU intra-op threads; 0 = OMP_NUM_THREADS or all cores
    bool verifyChecksums = true;  ///< SHA-256 of every weights file before loading
    int beamWidth = 0;            ///< 0 = the bundle's value (3 by default); 1 = greedy
    int maxLength = 0;            ///< 0 = the bundle's value (60 IU X-ray, 100 MIMIC-CXR)
    int minLength = 0;            ///< EOS forbidden before this many tokens (benchmarks)
};

/// Shared cancellation flag: copies refer to the same flag. Set it from any thread; run()
/// checks it between stages and before every decoding step and then throws CancelledError.
class CancellationToken {
public:
    CancellationToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}
    void cancel() { m_flag->store(true); }
    void reset() { m_flag->store(false); }
    bool isCancelled() const { return m_flag->load(); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

/// stage: "preprocess", "extractor", "encoder", "decode", "done"; fraction in [0, 1] within the
/// stage. Called on the thread that runs run().
using ProgressCallback = std::function<void(const std::string& stage, double fraction)>;

struct RunOptions {
    ProgressCallback progress;
    CancellationToken cancellation;
};

class Pipeline {
public:
    /// Loads and verifies a bundle directory. Throws InferenceError (see above).
    static Pipeline load(const std::string& bundleDirectory, const PipelineOptions& options = {});

    Pipeline(Pipeline&&) noexcept;
    Pipeline& operator=(Pipeline&&) noexcept;
    ~Pipeline();

    /// Drafts a report for one study.
    Draft run(const StudyInput& study, const RunOptions& options = {});
    /// Drafts reports for several studies in one batch; all must provide the same views.
    /// Timings in each Draft are those of the whole batch.
    std::vector<Draft> runBatch(const std::vector<StudyInput>& studies, const RunOptions& options = {});

    const ModelIdentity& identity() const;
    /// Views the model accepts, in token order ("frontal", "lateral").
    const std::vector<std::string>& views() const;
    /// Names of the tag-head labels (empty when the model has no tag head).
    const std::vector<std::string>& labels() const;

private:
    struct Impl;
    explicit Pipeline(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace raddraft::inference
