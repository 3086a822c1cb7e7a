#pragma once
// Visual extractors: ResNet-18/34/50/101 and DenseNet-121 in torch::nn with torchvision's
// module names, so a torchvision state_dict converts by prefixing its keys with
// "<extractor name>.backbone." and dropping the classifier ("fc.*" / "classifier.*").
// Output: the last feature map (B, C, h, w) — 7×7 at 224 px — as patch tokens (B, h·w, C) and a
// pooled vector (B, C). Several views are fused by concatenating their patch tokens
// (R2Gen / CKNet on IU X-ray); one view works as well.

#include <torch/nn.h>

#include <string>

namespace raddraft::inference {

struct VisualExtractorOptions {
    /// "resnet18", "resnet34", "resnet50", "resnet101" or "densenet121".
    std::string architecture = "resnet18";
};

/// Channel count of the architecture's last feature map (512, 2048, 1024, ...).
/// Throws InferenceError(InvalidArgument) for an unknown architecture.
std::int64_t visualFeatureChannels(const std::string& architecture);

struct VisualFeatures {
    torch::Tensor patches;  ///< (B, V·h·w, C): view-major, row-major patches of each view
    torch::Tensor pooled;   ///< (B, C): average over all patches of all views
    std::int64_t views = 1;
    std::int64_t gridRows = 0; ///< h
    std::int64_t gridCols = 0; ///< w
    /// Model-specific image crops that travel with the features (ASGK: the auxiliary region of
    /// each view, (B, V, 3, s, s)); undefined for other models. The feature cache keeps them.
    torch::Tensor regions;
};

class VisualExtractorImpl : public torch::nn::Module {
public:
    explicit VisualExtractorImpl(const VisualExtractorOptions& options);

    /// images (B, 3, H, W) → feature map (B, C, h, w), after the final ReLU.
    torch::Tensor forward(const torch::Tensor& images);
    /// images (B, V, 3, H, W) → fused patch tokens and pooled vector.
    VisualFeatures extract(const torch::Tensor& images);

    std::int64_t featureChannels() const { return m_channels; }

private:
    torch::nn::AnyModule m_backbone;
    std::int64_t m_channels = 0;
};
TORCH_MODULE(VisualExtractor);

} // namespace raddraft::inference
