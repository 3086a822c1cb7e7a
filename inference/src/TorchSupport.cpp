#include "TorchSupport.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>

namespace raddraft::inference {
namespace {

torch::Dtype torchDtypeOf(SafeTensorsDType dtype) {
    switch (dtype) {
    case SafeTensorsDType::F64: return torch::kFloat64;
    case SafeTensorsDType::F32: return torch::kFloat32;
    case SafeTensorsDType::F16: return torch::kFloat16;
    case SafeTensorsDType::BF16: return torch::kBFloat16;
    case SafeTensorsDType::I64: return torch::kInt64;
    case SafeTensorsDType::I32: return torch::kInt32;
    case SafeTensorsDType::I16: return torch::kInt16;
    case SafeTensorsDType::I8: return torch::kInt8;
    case SafeTensorsDType::U8: return torch::kUInt8;
    case SafeTensorsDType::Bool: return torch::kBool;
    }
    return torch::kFloat32;
}

SafeTensorsDType safeTensorsDtypeOf(torch::Dtype dtype, const std::string& name) {
    switch (dtype) {
    case torch::kFloat64: return SafeTensorsDType::F64;
    case torch::kFloat32: return SafeTensorsDType::F32;
    case torch::kFloat16: return SafeTensorsDType::F16;
    case torch::kBFloat16: return SafeTensorsDType::BF16;
    case torch::kInt64: return SafeTensorsDType::I64;
    case torch::kInt32: return SafeTensorsDType::I32;
    case torch::kInt16: return SafeTensorsDType::I16;
    case torch::kInt8: return SafeTensorsDType::I8;
    case torch::kUInt8: return SafeTensorsDType::U8;
    case torch::kBool: return SafeTensorsDType::Bool;
    default:
        throw InferenceError(ErrorCode::InvalidArgument, "tensor '" + name + "' has a dtype safetensors cannot store");
    }
}

std::string shapeText(c10::IntArrayRef shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

} // namespace

std::string DeviceSelection::description() const {
    std::string text = device.is_cuda() ? "cuda:" + std::to_string(device.has_index() ? device.index() : 0) : "cpu";
    if (halfPrecision) text += "/half";
    return text;
}

int configureThreads(int requested) {
    int threads = requested;
    if (threads <= 0) {
        if (const char* environment = std::getenv("OMP_NUM_THREADS")) threads = std::atoi(environment);
    }
    if (threads <= 0) threads = int(std::thread::hardware_concurrency());
    if (threads <= 0) threads = 1;
    if (at::get_num_threads() != threads) at::set_num_threads(threads);
    return threads;
}

DeviceSelection selectDevice(DeviceKind kind, bool halfPrecision, int threads) {
    DeviceSelection selection;
    selection.threads = configureThreads(threads);
    const bool cudaAvailable = torch::cuda::is_available();
    if (kind == DeviceKind::Cuda && !cudaAvailable) {
        throw InferenceError(ErrorCode::DeviceUnavailable,
                             "CUDA was requested but this LibTorch build or machine has no usable CUDA device");
    }
    if (kind == DeviceKind::Cuda || (kind == DeviceKind::Auto && cudaAvailable)) {
        selection.device = torch::Device(torch::kCUDA, 0);
        selection.halfPrecision = halfPrecision;
    }
    return selection;
}

TensorVersions::TensorVersions(const std::vector<torch::Tensor>& tensors) : m_cacheable(true) {
    m_entries.reserve(tensors.size());
    for (const torch::Tensor& tensor : tensors) {
        if (!tensor.defined()) {
            m_entries.emplace_back(nullptr, -1);
            continue;
        }
        if (tensor.is_inference()) m_cacheable = false;
        m_entries.emplace_back(tensor.data_ptr(), m_cacheable ? std::int64_t(tensor._version()) : 0);
    }
}

bool TensorVersions::matches(const TensorVersions& other) const {
    return m_cacheable && other.m_cacheable && m_entries == other.m_entries;
}

void synchronizeDevice(const torch::Device& device) {
    if (device.is_cuda()) torch::cuda::synchronize(device.has_index() ? device.index() : -1);
}

std::vector<std::pair<std::string, torch::Tensor>> namedTensors(torch::nn::Module& module) {
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& item : module.named_parameters(true)) tensors.emplace_back(item.key(), item.value());
    for (const auto& item : module.named_buffers(true)) tensors.emplace_back(item.key(), item.value());
    return tensors;
}

torch::Tensor tensorFromSafeTensors(const SafeTensorsFile& file, const SafeTensorsEntry& entry) {
    torch::Tensor tensor = torch::empty(entry.shape, torch::TensorOptions().dtype(torchDtypeOf(entry.dtype)));
    if (entry.end > entry.begin) std::memcpy(tensor.data_ptr(), file.bytesOf(entry), entry.end - entry.begin);
    return tensor;
}

void moveModule(torch::nn::Module& module, const torch::Device& device, torch::ScalarType dtype) {
    module.to(device);
    torch::NoGradGuard noGrad;
    for (torch::Tensor& parameter : module.parameters()) {
        if (parameter.is_floating_point() && parameter.scalar_type() != dtype) parameter.set_data(parameter.to(dtype));
    }
    for (torch::Tensor& buffer : module.buffers()) {
        if (buffer.is_floating_point() && buffer.scalar_type() != dtype) buffer.set_data(buffer.to(dtype));
    }
}

void loadModuleWeights(torch::nn::Module& module, const std::vector<std::string>& filePaths) {
    auto targets = namedTensors(module);
    std::map<std::string, torch::Tensor*> byName;
    for (auto& [name, tensor] : targets) byName[name] = &tensor;

    // Pass 1: read and validate everything; nothing is copied into the module yet.
    std::map<std::string, torch::Tensor> loaded;
    for (const std::string& path : filePaths) {
        const SafeTensorsFile file = readSafeTensors(path);
        for (const auto& [name, entry] : file.tensors) {
            const auto target = byName.find(name);
            if (target == byName.end()) {
                throw InferenceError(ErrorCode::UnknownTensor, path,
                                     "tensor '" + name + "' does not exist in the model (wrong model type or hyper-parameters?)");
            }
            if (loaded.count(name) != 0) {
                throw InferenceError(ErrorCode::CorruptBundle, path, "tensor '" + name + "' appears in two weights files");
            }
            const torch::Tensor& expected = *target->second;
            if (c10::IntArrayRef(entry.shape) != expected.sizes()) {
                throw InferenceError(ErrorCode::ShapeMismatch, path,
                                     "tensor '" + name + "' has shape " + shapeText(entry.shape) +
                                         " but the model expects " + shapeText(expected.sizes()));
            }
            torch::Tensor value = tensorFromSafeTensors(file, entry);
            const bool bothFloating = value.is_floating_point() && expected.is_floating_point();
            if (!bothFloating && value.scalar_type() != expected.scalar_type()) {
                throw InferenceError(ErrorCode::ShapeMismatch, path,
                                     "tensor '" + name + "' has dtype " + safeTensorsDTypeName(entry.dtype) +
                                         " which cannot be converted to the model's " +
                                         std::string(c10::toString(expected.scalar_type())));
            }
            loaded.emplace(name, std::move(value));
        }
    }
    for (const auto& [name, tensor] : targets) {
        if (loaded.count(name) == 0) {
            throw InferenceError(ErrorCode::MissingTensor, filePaths.empty() ? std::string("(no weights files)") : filePaths.front(),
                                 "the model's tensor '" + name + "' is missing from the weights");
        }
    }
    // Pass 2: copy.
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : targets) {
        tensor.copy_(loaded.at(name).to(tensor.scalar_type()));
    }
}

void saveModuleWeights(torch::nn::Module& module, const std::string& filePath, bool storeHalf,
                       const std::map<std::string, std::string>& metadata) {
    std::vector<torch::Tensor> keepAlive;
    std::vector<SafeTensorsWriteItem> items;
    for (const auto& [name, tensor] : namedTensors(module)) {
        torch::Tensor value = tensor.detach().to(torch::kCPU);
        if (storeHalf && value.is_floating_point()) value = value.to(torch::kFloat16);
        else if (value.is_floating_point()) value = value.to(torch::kFloat32);
        value = value.contiguous();
        keepAlive.push_back(value);
        SafeTensorsWriteItem item;
        item.name = name;
        item.dtype = safeTensorsDtypeOf(value.scalar_type(), name);
        item.shape.assign(value.sizes().begin(), value.sizes().end());
        item.bytes = value.data_ptr();
        item.byteCount = std::size_t(value.numel()) * value.element_size();
        items.push_back(std::move(item));
    }
    writeSafeTensors(filePath, items, metadata);
}

} // namespace raddraft::inference
