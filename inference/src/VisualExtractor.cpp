#include "VisualExtractor.h"

#include <torch/version.h>

#include "TorchSupport.h"
#include "inference/InferenceError.h"

#include <functional>

namespace raddraft::inference {
namespace detail {

torch::nn::Conv2d convolution(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
                              std::int64_t padding) {
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false));
}

void initializeConvolutionalNetwork(torch::nn::Module& network) {
    torch::NoGradGuard noGrad;
    for (auto& module : network.modules(false)) {
        if (auto* conv = module->as<torch::nn::Conv2d>()) {
            torch::nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanOut, torch::kReLU);
        } else if (auto* norm = module->as<torch::nn::BatchNorm2d>()) {
            torch::nn::init::ones_(norm->weight);
            torch::nn::init::zeros_(norm->bias);
        }
    }
}

// A convolution with the following (eval-mode) batch norm folded into its weights and bias:
// conv(x)·s + (β − μ·s) with s = γ / sqrt(σ² + ε), computed in float64. Exact up to float
// rounding; it removes one full pass over every activation map.
struct FoldedConvolution {
    torch::Tensor weight, bias;
    std::int64_t stride = 1;
    std::int64_t padding = 0;
};

FoldedConvolution foldBatchNorm(const torch::nn::Conv2d& conv, const torch::nn::BatchNorm2d& norm,
                                torch::MemoryFormat format) {
    const auto dtype = conv->weight.scalar_type();
    const torch::Tensor scale =
        norm->weight.to(torch::kFloat64) / torch::sqrt(norm->running_var.to(torch::kFloat64) + norm->options.eps());
    FoldedConvolution folded;
    folded.weight = (conv->weight.to(torch::kFloat64) * scale.view({-1, 1, 1, 1})).to(dtype).contiguous(format);
    folded.bias = (norm->bias.to(torch::kFloat64) - norm->running_mean.to(torch::kFloat64) * scale).to(dtype);
    folded.stride = (*conv->options.stride())[0];
    // The padding option is a variant: c10::variant in LibTorch 1.x, std::variant from 2.0.
#if TORCH_VERSION_MAJOR >= 2
    folded.padding = (*std::get<torch::ExpandingArray<2>>(conv->options.padding()))[0];
#else
    folded.padding = (*c10::get<torch::ExpandingArray<2>>(conv->options.padding()))[0];
#endif
    return folded;
}

/// Runs the next folded convolution of a plan.
using FoldedRunner = std::function<torch::Tensor(const torch::Tensor&)>;

// torchvision's BasicBlock (bottleneck == false) and Bottleneck (bottleneck == true).
class ResidualBlockImpl : public torch::nn::Module {
public:
    ResidualBlockImpl(std::int64_t inChannels, std::int64_t width, std::int64_t stride, bool bottleneck)
        : m_bottleneck(bottleneck) {
        const std::int64_t expansion = bottleneck ? 4 : 1;
        const std::int64_t outChannels = width * expansion;
        if (bottleneck) {
            m_conv1 = register_module("conv1", convolution(inChannels, width, 1, 1, 0));
            m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(width));
            m_conv2 = register_module("conv2", convolution(width, width, 3, stride, 1));
            m_bn2 = register_module("bn2", torch::nn::BatchNorm2d(width));
            m_conv3 = register_module("conv3", convolution(width, outChannels, 1, 1, 0));
            m_bn3 = register_module("bn3", torch::nn::BatchNorm2d(outChannels));
        } else {
            m_conv1 = register_module("conv1", convolution(inChannels, width, 3, stride, 1));
            m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(width));
            m_conv2 = register_module("conv2", convolution(width, width, 3, 1, 1));
            m_bn2 = register_module("bn2", torch::nn::BatchNorm2d(width));
        }
        if (stride != 1 || inChannels != outChannels) {
            m_downsample = register_module(
                "downsample", torch::nn::Sequential(convolution(inChannels, outChannels, 1, stride, 0),
                                                    torch::nn::BatchNorm2d(outChannels)));
        }
    }

    torch::Tensor forward(const torch::Tensor& input) {
        torch::Tensor x = torch::relu(m_bn1(m_conv1(input)));
        if (m_bottleneck) {
            x = torch::relu(m_bn2(m_conv2(x)));
            x = m_bn3(m_conv3(x));
        } else {
            x = m_bn2(m_conv2(x));
        }
        const torch::Tensor identity = m_downsample ? m_downsample->forward(input) : input;
        return torch::relu(x + identity);
    }

    /// Appends this block's folded convolutions in the order inferenceForward uses them.
    void fold(std::vector<FoldedConvolution>& plan, torch::MemoryFormat format) const {
        plan.push_back(foldBatchNorm(m_conv1, m_bn1, format));
        plan.push_back(foldBatchNorm(m_conv2, m_bn2, format));
        if (m_bottleneck) plan.push_back(foldBatchNorm(m_conv3, m_bn3, format));
        if (m_downsample) {
            plan.push_back(foldBatchNorm(std::dynamic_pointer_cast<torch::nn::Conv2dImpl>(m_downsample->ptr(0)),
                                         std::dynamic_pointer_cast<torch::nn::BatchNorm2dImpl>(m_downsample->ptr(1)), format));
        }
    }

    /// forward() in eval mode with folded batch norms; activations updated in place.
    torch::Tensor inferenceForward(const torch::Tensor& input, const FoldedRunner& convolve) const {
        torch::Tensor x = convolve(input).relu_();
        if (m_bottleneck) x = convolve(x).relu_();
        x = convolve(x);
        return x.add_(m_downsample ? convolve(input) : input).relu_();
    }

private:
    bool m_bottleneck;
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_conv3{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr}, m_bn3{nullptr};
    torch::nn::Sequential m_downsample{nullptr};
};
TORCH_MODULE(ResidualBlock);

class ResNetImpl : public torch::nn::Module {
public:
    ResNetImpl(const std::vector<int>& blocks, bool bottleneck) {
        conv1 = register_module("conv1", convolution(3, 64, 7, 2, 3));
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
        std::int64_t channels = 64;
        const std::int64_t widths[4] = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; ++stage) {
            torch::nn::Sequential layer;
            for (int block = 0; block < blocks[std::size_t(stage)]; ++block) {
                const std::int64_t stride = (block == 0 && stage > 0) ? 2 : 1;
                layer->push_back(ResidualBlock(channels, widths[stage], stride, bottleneck));
                channels = widths[stage] * (bottleneck ? 4 : 1);
            }
            layers[stage] = register_module("layer" + std::to_string(stage + 1), layer);
            for (const auto& child : layer->children()) m_blocks.push_back(std::dynamic_pointer_cast<ResidualBlockImpl>(child));
        }
        initializeConvolutionalNetwork(*this);
    }

    torch::Tensor forward(const torch::Tensor& images) {
        if (!is_training() && !torch::GradMode::is_enabled() && images.is_floating_point()) return inferenceForward(images);
        torch::Tensor x = torch::relu(bn1(conv1(images)));
        x = torch::max_pool2d(x, 3, 2, 1);
        for (auto& layer : layers) x = layer->forward(x);
        return x;
    }

private:
    // Inference: batch norms folded into the convolutions (cached until a weight changes), and
    // on the CPU channels-last activations, which oneDNN convolves without layout reorders.
    torch::Tensor inferenceForward(const torch::Tensor& images) {
        const torch::MemoryFormat format = images.is_cpu() ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
        std::vector<torch::Tensor> sources;
        for (const auto& parameter : parameters()) sources.push_back(parameter);
        for (const auto& buffer : buffers()) sources.push_back(buffer);
        TensorVersions key(sources);
        if (m_plan.empty() || !key.matches(m_planKey) || m_planFormat != format) {
            std::vector<FoldedConvolution> plan{foldBatchNorm(conv1, bn1, format)};
            for (const auto& block : m_blocks) block->fold(plan, format);
            m_plan = std::move(plan);
            m_planKey = std::move(key);
            m_planFormat = format;
        }
        const std::vector<FoldedConvolution> plan = m_plan; // the key may be uncacheable: keep this run's plan
        if (!m_planKey.cacheable()) m_plan.clear();
        std::size_t next = 0;
        const FoldedRunner convolve = [&](const torch::Tensor& x) {
            const FoldedConvolution& c = plan.at(next++);
            return at::conv2d(x, c.weight, c.bias, c.stride, c.padding);
        };
        torch::Tensor x = convolve(images.contiguous(format)).relu_();
        x = torch::max_pool2d(x, 3, 2, 1);
        for (const auto& block : m_blocks) x = block->inferenceForward(x, convolve);
        return x;
    }

    std::vector<std::shared_ptr<ResidualBlockImpl>> m_blocks;
    std::vector<FoldedConvolution> m_plan;
    TensorVersions m_planKey;
    torch::MemoryFormat m_planFormat = torch::MemoryFormat::Contiguous;

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Sequential layers[4] = {nullptr, nullptr, nullptr, nullptr};
};
TORCH_MODULE(ResNet);

// torchvision's _DenseLayer (memory-efficient variant not needed for inference).
class DenseLayerImpl : public torch::nn::Module {
public:
    DenseLayerImpl(std::int64_t inChannels, std::int64_t growthRate, std::int64_t bottleneckSize) {
        norm1 = register_module("norm1", torch::nn::BatchNorm2d(inChannels));
        conv1 = register_module("conv1", convolution(inChannels, bottleneckSize * growthRate, 1, 1, 0));
        norm2 = register_module("norm2", torch::nn::BatchNorm2d(bottleneckSize * growthRate));
        conv2 = register_module("conv2", convolution(bottleneckSize * growthRate, growthRate, 3, 1, 1));
    }
    torch::Tensor forward(const torch::Tensor& input) {
        return conv2(torch::relu(norm2(conv1(torch::relu(norm1(input))))));
    }

private:
    torch::nn::BatchNorm2d norm1{nullptr}, norm2{nullptr};
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
};
TORCH_MODULE(DenseLayer);

class DenseBlockImpl : public torch::nn::Module {
public:
    DenseBlockImpl(int layerCount, std::int64_t inChannels, std::int64_t growthRate, std::int64_t bottleneckSize) {
        for (int i = 0; i < layerCount; ++i) {
            m_layers.push_back(register_module("denselayer" + std::to_string(i + 1),
                                               DenseLayer(inChannels + i * growthRate, growthRate, bottleneckSize)));
        }
    }
    torch::Tensor forward(const torch::Tensor& input) {
        std::vector<torch::Tensor> features{input};
        for (auto& layer : m_layers) features.push_back(layer->forward(torch::cat(features, 1)));
        return torch::cat(features, 1);
    }

private:
    std::vector<DenseLayer> m_layers;
};
TORCH_MODULE(DenseBlock);

class TransitionImpl : public torch::nn::Module {
public:
    TransitionImpl(std::int64_t inChannels, std::int64_t outChannels) {
        norm = register_module("norm", torch::nn::BatchNorm2d(inChannels));
        conv = register_module("conv", convolution(inChannels, outChannels, 1, 1, 0));
    }
    torch::Tensor forward(const torch::Tensor& input) {
        return torch::avg_pool2d(conv(torch::relu(norm(input))), 2, 2);
    }

private:
    torch::nn::BatchNorm2d norm{nullptr};
    torch::nn::Conv2d conv{nullptr};
};
TORCH_MODULE(Transition);

// DenseNet-121: growth 32, blocks (6, 12, 24, 16), 64 initial features, bottleneck size 4.
class DenseNetImpl : public torch::nn::Module {
public:
    DenseNetImpl() {
        const std::int64_t growthRate = 32;
        const int blocks[4] = {6, 12, 24, 16};
        torch::nn::Sequential sequence;
        sequence->push_back("conv0", convolution(3, 64, 7, 2, 3));
        sequence->push_back("norm0", torch::nn::BatchNorm2d(64));
        sequence->push_back("relu0", torch::nn::ReLU());
        sequence->push_back("pool0", torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(3).stride(2).padding(1)));
        std::int64_t channels = 64;
        for (int i = 0; i < 4; ++i) {
            sequence->push_back("denseblock" + std::to_string(i + 1), DenseBlock(blocks[i], channels, growthRate, 4));
            channels += blocks[i] * growthRate;
            if (i != 3) {
                sequence->push_back("transition" + std::to_string(i + 1), Transition(channels, channels / 2));
                channels /= 2;
            }
        }
        sequence->push_back("norm5", torch::nn::BatchNorm2d(channels));
        features = register_module("features", sequence);
        initializeConvolutionalNetwork(*this);
    }
    torch::Tensor forward(const torch::Tensor& images) { return torch::relu(features->forward(images)); }

private:
    torch::nn::Sequential features{nullptr};
};
TORCH_MODULE(DenseNet);

} // namespace detail

std::int64_t visualFeatureChannels(const std::string& architecture) {
    if (architecture == "resnet18" || architecture == "resnet34") return 512;
    if (architecture == "resnet50" || architecture == "resnet101") return 2048;
    if (architecture == "densenet121") return 1024;
    throw InferenceError(ErrorCode::InvalidArgument,
                         "unknown visual extractor '" + architecture +
                             "' (expected resnet18, resnet34, resnet50, resnet101 or densenet121)");
}

VisualExtractorImpl::VisualExtractorImpl(const VisualExtractorOptions& options)
    : m_channels(visualFeatureChannels(options.architecture)) {
    const std::string& name = options.architecture;
    if (name == "densenet121") {
        m_backbone = torch::nn::AnyModule(register_module("backbone", detail::DenseNet()));
    } else {
        const bool bottleneck = name == "resnet50" || name == "resnet101";
        std::vector<int> blocks{2, 2, 2, 2};
        if (name == "resnet34" || name == "resnet50") blocks = {3, 4, 6, 3};
        if (name == "resnet101") blocks = {3, 4, 23, 3};
        m_backbone = torch::nn::AnyModule(register_module("backbone", detail::ResNet(blocks, bottleneck)));
    }
}

torch::Tensor VisualExtractorImpl::forward(const torch::Tensor& images) {
    return m_backbone.forward(images);
}

VisualFeatures VisualExtractorImpl::extract(const torch::Tensor& images) {
    TORCH_CHECK(images.dim() == 5, "visual extractor expects (B, V, C, H, W) images");
    const std::int64_t batch = images.size(0);
    const std::int64_t views = images.size(1);
    const torch::Tensor maps = forward(images.flatten(0, 1)); // (B·V, C, h, w)
    VisualFeatures features;
    features.views = views;
    features.gridRows = maps.size(2);
    features.gridCols = maps.size(3);
    // (B·V, C, h, w) → (B, V·h·w, C): a view of channels-last maps, a copy otherwise.
    features.patches = maps.permute({0, 2, 3, 1}).reshape({batch, views * maps.size(2) * maps.size(3), maps.size(1)});
    features.pooled = features.patches.mean(1);
    return features;
}

} // namespace raddraft::inference
