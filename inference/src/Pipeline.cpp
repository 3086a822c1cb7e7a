#include "inference/Pipeline.h"

#include "Preprocessing.h"
#include "ReportModel.h"

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <cmath>

namespace raddraft::inference {

struct Pipeline::Impl {
    std::unique_ptr<ReportModel> model;
    DeviceSelection device;
    ModelIdentity identity;
    PipelineOptions options;
};

namespace {

const ImageView* viewOf(const StudyInput& study, const std::string& name) {
    if (name == "frontal" && study.frontal) return &*study.frontal;
    if (name == "lateral" && study.lateral) return &*study.lateral;
    return nullptr;
}

} // namespace

torch::Tensor preprocessView(const ImageView& view, const PreprocessingSpec& spec, const std::string& name) {
    if (view.width <= 0 || view.height <= 0 || view.pixels.size() != std::size_t(view.width) * std::size_t(view.height)) {
        throw InferenceError(ErrorCode::InvalidArgument,
                             name + " image: " + std::to_string(view.pixels.size()) + " pixels do not match " +
                                 std::to_string(view.width) + "x" + std::to_string(view.height));
    }
    for (float value : view.pixels) {
        if (!std::isfinite(value)) throw InferenceError(ErrorCode::InvalidArgument, name + " image contains NaN or infinite pixels");
    }
    torch::Tensor image = torch::from_blob(const_cast<float*>(view.pixels.data()), {1, 1, view.height, view.width}, torch::kFloat32)
                              .clamp(0.0, 1.0);
    if (view.height != spec.imageSize || view.width != spec.imageSize) {
        image = torch::nn::functional::interpolate(
            image, torch::nn::functional::InterpolateFuncOptions()
                       .size(std::vector<std::int64_t>{spec.imageSize, spec.imageSize})
                       .mode(torch::kBilinear)
                       .align_corners(false)
                       .antialias(true));
    }
    image = image.squeeze(0).expand({spec.channels, spec.imageSize, spec.imageSize});
    const torch::Tensor mean = torch::tensor(spec.mean, torch::kFloat32).view({spec.channels, 1, 1});
    const torch::Tensor std = torch::tensor(spec.std, torch::kFloat32).view({spec.channels, 1, 1});
    return (image - mean) / std;
}

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Pipeline Pipeline::load(const std::string& bundleDirectory, const PipelineOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    const DeviceKind kind = options.device == DevicePreference::Cpu    ? DeviceKind::Cpu
                            : options.device == DevicePreference::Cuda ? DeviceKind::Cuda
                                                                       : DeviceKind::Auto;
    impl->device = translateTorchErrors("selecting device", [&] { return selectDevice(kind, options.halfPrecision, options.threads); });
    impl->model = loadModel(bundleDirectory, impl->device, options.verifyChecksums);
    const Manifest& manifest = impl->model->manifest();
    impl->identity = {manifest.modelType, manifest.modelName, manifest.modelVersion, bundleHash(bundleDirectory),
                      impl->device.description()};
    return Pipeline(std::move(impl));
}

const ModelIdentity& Pipeline::identity() const { return m_impl->identity; }
const std::vector<std::string>& Pipeline::views() const { return m_impl->model->manifest().preprocessing.views; }
const std::vector<std::string>& Pipeline::labels() const { return m_impl->model->manifest().labels; }

Draft Pipeline::run(const StudyInput& study, const RunOptions& options) {
    std::vector<Draft> drafts = runBatch({study}, options);
    return std::move(drafts.front());
}

std::vector<Draft> Pipeline::runBatch(const std::vector<StudyInput>& studies, const RunOptions& options) {
    if (studies.empty()) throw InferenceError(ErrorCode::InvalidArgument, "no study given");
    ReportModel& model = *m_impl->model;
    const Manifest& manifest = model.manifest();
    const PreprocessingSpec& spec = manifest.preprocessing;

    std::vector<std::string> views;
    for (const std::string& name : spec.views) {
        if (viewOf(studies.front(), name) != nullptr) views.push_back(name);
    }
    if (views.empty()) {
        std::string expected;
        for (const std::string& name : spec.views) expected += (expected.empty() ? "" : " or ") + name;
        throw InferenceError(ErrorCode::InvalidArgument, "the study has no " + expected + " view, which this model needs");
    }
    for (const StudyInput& study : studies) {
        for (const std::string& name : spec.views) {
            const bool wanted = std::find(views.begin(), views.end(), name) != views.end();
            if ((viewOf(study, name) != nullptr) != wanted) {
                throw InferenceError(ErrorCode::InvalidArgument, "studies of one batch must provide the same views");
            }
        }
    }

    const auto progress = [&](const std::string& stage, double fraction) {
        if (options.progress) options.progress(stage, fraction);
    };
    const CancellationToken token = options.cancellation;
    const auto isCancelled = [token] { return token.isCancelled(); };
    if (isCancelled()) throw CancelledError();

    return translateTorchErrors("running " + manifest.modelType + " model", [&] {
        c10::InferenceMode inferenceMode;
        StageClock clock(m_impl->device.device);
        progress("preprocess", 0.0);
        clock.begin("preprocess");
        std::vector<torch::Tensor> batch;
        for (const StudyInput& study : studies) {
            std::vector<torch::Tensor> perView;
            for (const std::string& name : views) perView.push_back(preprocessView(*viewOf(study, name), spec, name));
            batch.push_back(torch::stack(perView));
        }
        torch::Tensor images = torch::stack(batch).to(m_impl->device.device,
                                                      m_impl->device.halfPrecision ? torch::kFloat16 : torch::kFloat32);
        clock.end();
        if (isCancelled()) throw CancelledError();

        GenerationRequest request;
        request.images = images;
        request.views = views;
        request.decode = model.defaultDecodeOptions();
        if (m_impl->options.beamWidth > 0) request.decode.beamWidth = m_impl->options.beamWidth;
        if (m_impl->options.maxLength > 0) request.decode.maxLength = m_impl->options.maxLength;
        request.decode.minLength = m_impl->options.minLength;
        request.decode.isCancelled = isCancelled;
        request.progress = progress;
        request.isCancelled = isCancelled;
        request.clock = &clock;
        std::vector<Draft> drafts = model.generate(request);
        for (Draft& draft : drafts) {
            draft.model = m_impl->identity;
            draft.timings = clock.timings();
        }
        progress("done", 1.0);
        return drafts;
    });
}

} // namespace raddraft::inference
