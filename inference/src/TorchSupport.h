#pragma once
// LibTorch glue shared by every torch translation unit: device selection and threads, moving
// tensors between safetensors files and torch::nn::Modules (names must match named_parameters()
// and named_buffers() exactly), and turning c10::Error into InferenceError at the boundary.

#include "SafeTensors.h"
#include "inference/InferenceError.h"

#include <torch/nn.h>
#include <torch/types.h>

#include <string>
#include <utility>
#include <vector>

namespace raddraft::inference {

enum class DeviceKind { Auto, Cpu, Cuda };

struct DeviceSelection {
    torch::Device device{torch::kCPU};
    bool halfPrecision = false;   ///< weights and activations in float16 (CUDA only)
    int threads = 1;              ///< intra-op threads in effect
    std::string description() const; ///< "cpu", "cuda:0", "cuda:0/half"
};

/// Sets LibTorch's intra-op thread count: `requested` when > 0, else OMP_NUM_THREADS when set,
/// else std::thread::hardware_concurrency() (Debian's LibTorch defaults to 1). Returns the count.
int configureThreads(int requested = 0);

/// Auto → CUDA when torch::cuda::is_available(), else CPU. Cuda when unavailable →
/// InferenceError(DeviceUnavailable). halfPrecision is honoured on CUDA only (float32 on CPU).
DeviceSelection selectDevice(DeviceKind kind, bool halfPrecision, int threads = 0);

/// Every named parameter and buffer of `module` (recursively), parameters first.
std::vector<std::pair<std::string, torch::Tensor>> namedTensors(torch::nn::Module& module);

/// Moves `module` to `device` and casts its floating-point parameters and buffers to `dtype`.
/// (torch::nn::Module::to(device, dtype) casts every tensor, so integer buffers such as batch
/// norm's num_batches_tracked would become floats and no longer load into a fresh model.)
void moveModule(torch::nn::Module& module, const torch::Device& device, torch::ScalarType dtype);

/// Loads weights from safetensors files into `module`: every module tensor must be present once,
/// every file tensor must belong to the module, shapes must match exactly; floating tensors of
/// any float dtype are converted to the module's dtype. All files are validated before any value
/// is copied, so on error the module is untouched. `filePaths` are used in error messages.
void loadModuleWeights(torch::nn::Module& module, const std::vector<std::string>& filePaths);

/// Writes every parameter and buffer of `module` to one safetensors file (atomically).
/// storeHalf stores floating tensors as F16 (half the size; loading converts back).
void saveModuleWeights(torch::nn::Module& module, const std::string& filePath, bool storeHalf,
                       const std::map<std::string, std::string>& metadata = {});

torch::Tensor tensorFromSafeTensors(const SafeTensorsFile& file, const SafeTensorsEntry& entry);

/// Runs `body`, translating c10::Error (and std::bad_alloc) into InferenceError(Torch).
template <typename Body>
auto translateTorchErrors(const std::string& context, Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const InferenceError&) {
        throw;
    } catch (const c10::Error& error) {
        throw InferenceError(ErrorCode::Torch, context + ": " + error.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        throw InferenceError(ErrorCode::Torch, context + ": out of memory");
    }
}

/// Identity of the source tensors of a cache of derived inference weights (fused projections,
/// folded batch norms): it changes when a tensor is replaced (data pointer) or modified in place
/// (version counter). Inference tensors have no version counter: such a set is not cacheable.
class TensorVersions {
public:
    TensorVersions() = default;
    explicit TensorVersions(const std::vector<torch::Tensor>& tensors);
    bool cacheable() const { return m_cacheable; }
    /// True when both are cacheable and describe the same tensors at the same versions.
    bool matches(const TensorVersions& other) const;

private:
    std::vector<std::pair<const void*, std::int64_t>> m_entries;
    bool m_cacheable = false;
};

/// Waits for queued CUDA work so that stage timings are true (no-op on CPU).
void synchronizeDevice(const torch::Device& device);

} // namespace raddraft::inference
