#include "Checkpoint.h"

#include "FileUtil.h"
#include "SafeTensors.h"
#include "TorchSupport.h"
#include "training/TrainingError.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <filesystem>
#include <mutex>

namespace raddraft::training {
namespace fs = std::filesystem;

namespace {

const char* const kState = "state.json";
const char* const kModel = "model.safetensors";
const char* const kBest = "best.safetensors";
const char* const kOptimizer = "optimizer.pt";
const char* const kRandom = "random.safetensors";

void writeTensors(const std::string& path, const NamedTensors& tensors) {
    std::vector<torch::Tensor> keep;
    std::vector<inference::SafeTensorsWriteItem> items;
    for (const auto& [name, tensor] : tensors) {
        keep.push_back(tensor.detach().to(torch::kCPU).contiguous());
        const torch::Tensor& value = keep.back();
        inference::SafeTensorsDType dtype = inference::SafeTensorsDType::F32;
        if (value.scalar_type() == torch::kInt64) dtype = inference::SafeTensorsDType::I64;
        else if (value.scalar_type() == torch::kUInt8) dtype = inference::SafeTensorsDType::U8;
        else if (value.scalar_type() != torch::kFloat32) keep.back() = value.to(torch::kFloat32);
        items.push_back({name, dtype, std::vector<std::int64_t>(keep.back().sizes().begin(), keep.back().sizes().end()),
                         keep.back().data_ptr(), std::size_t(keep.back().numel()) * keep.back().element_size()});
    }
    inference::writeSafeTensors(path, items);
}

torch::Tensor cpuGeneratorState() {
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void setCpuGeneratorState(const torch::Tensor& state) {
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

template <typename Body>
auto checkpointIo(const std::string& what, Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const TrainingError&) {
        throw;
    } catch (const inference::InferenceError& error) {
        throw TrainingError("checkpoint " + what + ": " + error.what());
    } catch (const c10::Error& error) {
        throw TrainingError("checkpoint " + what + ": " + error.what_without_backtrace());
    } catch (const fs::filesystem_error& error) {
        throw TrainingError("checkpoint " + what + ": " + error.what());
    } catch (const nlohmann::json::exception& error) {
        throw TrainingError("checkpoint " + what + ": " + error.what());
    }
}

} // namespace

NamedTensors copyWeights(torch::nn::Module& module) {
    NamedTensors copies;
    for (const auto& [name, tensor] : inference::namedTensors(module)) {
        copies.emplace_back(name, tensor.detach().to(torch::kCPU).clone());
    }
    return copies;
}

void restoreWeights(torch::nn::Module& module, const NamedTensors& weights) {
    torch::NoGradGuard noGrad;
    const auto targets = inference::namedTensors(module);
    if (targets.size() != weights.size()) throw TrainingError("restoring weights: the tensor lists differ");
    for (std::size_t i = 0; i < targets.size(); ++i) {
        if (targets[i].first != weights[i].first) throw TrainingError("restoring weights: '" + targets[i].first + "' is missing");
        torch::Tensor target = targets[i].second;
        target.copy_(weights[i].second);
    }
}

bool checkpointExists(const std::string& directory) { return fs::exists(fs::path(directory) / kState); }

void saveCheckpoint(const std::string& directory, const nlohmann::json& state, torch::nn::Module& model,
                    const NamedTensors* best, torch::optim::Optimizer* optimizer) {
    const fs::path target(directory);
    checkpointIo("writing " + directory, [&] {
        if (target.has_parent_path()) fs::create_directories(target.parent_path());
        const fs::path temporary = inference::temporarySiblingPath(directory);
        fs::create_directories(temporary);
        try {
            inference::saveModuleWeights(model, (temporary / kModel).string(), false);
            if (best && !best->empty()) writeTensors((temporary / kBest).string(), *best);
            if (optimizer) {
                torch::serialize::OutputArchive archive;
                optimizer->save(archive);
                archive.save_to((temporary / kOptimizer).string());
            }
            writeTensors((temporary / kRandom).string(), {{"cpu_generator", cpuGeneratorState()}});
            // state.json last: a directory with it is complete.
            inference::writeTextFileAtomically((temporary / kState).string(), state.dump(1) + "\n");
            if (fs::exists(target)) {
                const fs::path old = inference::temporarySiblingPath(directory);
                fs::rename(target, old);
                fs::rename(temporary, target);
                std::error_code ignored;
                fs::remove_all(old, ignored);
            } else {
                fs::rename(temporary, target);
            }
        } catch (...) {
            std::error_code ignored;
            fs::remove_all(temporary, ignored);
            throw;
        }
    });
}

nlohmann::json loadCheckpointState(const std::string& directory) {
    const std::string path = (fs::path(directory) / kState).string();
    return checkpointIo("reading " + path, [&] { return nlohmann::json::parse(inference::readTextFile(path)); });
}

void loadCheckpointModel(const std::string& directory, torch::nn::Module& model) {
    checkpointIo("reading " + directory, [&] {
        inference::loadModuleWeights(model, {(fs::path(directory) / kModel).string()});
        const inference::SafeTensorsFile random = inference::readSafeTensors((fs::path(directory) / kRandom).string());
        setCpuGeneratorState(inference::tensorFromSafeTensors(random, random.tensors.at("cpu_generator")));
    });
}

NamedTensors loadCheckpointBest(const std::string& directory, torch::nn::Module& model) {
    const fs::path path = fs::path(directory) / kBest;
    if (!fs::exists(path)) return {};
    return checkpointIo("reading " + path.string(), [&] {
        const inference::SafeTensorsFile file = inference::readSafeTensors(path.string());
        NamedTensors best;
        for (const auto& [name, tensor] : inference::namedTensors(model)) {
            const auto entry = file.tensors.find(name);
            if (entry == file.tensors.end()) throw TrainingError(path.string() + ": tensor '" + name + "' is missing");
            torch::Tensor value = inference::tensorFromSafeTensors(file, entry->second).to(tensor.scalar_type());
            if (value.sizes() != tensor.sizes()) throw TrainingError(path.string() + ": tensor '" + name + "' has another shape");
            best.emplace_back(name, value);
        }
        return best;
    });
}

void loadCheckpointOptimizer(const std::string& directory, torch::optim::Optimizer& optimizer) {
    const std::string path = (fs::path(directory) / kOptimizer).string();
    checkpointIo("reading " + path, [&] {
        if (!fs::exists(path)) throw TrainingError(path + ": missing (the checkpoint has no optimiser state)");
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        optimizer.load(archive);
    });
}

} // namespace raddraft::training
