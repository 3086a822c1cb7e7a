#pragma once
// Training checkpoints: everything a resumed run needs to continue exactly as an uninterrupted
// run would. A checkpoint is a directory, written under a temporary sibling name and renamed over
// the previous one, so a crash never leaves a half-written checkpoint:
//   state.json          the session's progress (stage, epoch, step, early stopping, loss scale,
//                       curves, wall times, best metric; TrainingSession.cpp)
//   model.safetensors   every parameter and buffer of the network, float32
//   best.safetensors    the best epoch's weights of the current stage (when there is one)
//   optimizer.pt        the optimiser state (LibTorch serialisation; Adam moments, steps)
//   random.safetensors  the state of LibTorch's default CPU generator (dropout)

#include <nlohmann/json.hpp>
#include <torch/nn.h>
#include <torch/optim.h>
#include <torch/types.h>

#include <string>
#include <utility>
#include <vector>

namespace raddraft::training {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

/// Detached CPU copies of every parameter and buffer of `module`.
NamedTensors copyWeights(torch::nn::Module& module);
/// Copies `weights` (from copyWeights of the same module) back into `module`.
void restoreWeights(torch::nn::Module& module, const NamedTensors& weights);

bool checkpointExists(const std::string& directory);

/// Writes a checkpoint atomically (replacing `directory`). best and optimizer may be null.
/// Throws TrainingError naming the directory.
void saveCheckpoint(const std::string& directory, const nlohmann::json& state, torch::nn::Module& model,
                    const NamedTensors* best, torch::optim::Optimizer* optimizer);

/// state.json of a checkpoint. Throws TrainingError naming the file when missing or invalid.
nlohmann::json loadCheckpointState(const std::string& directory);

/// Loads model.safetensors into `model` and restores the CPU generator. Throws TrainingError.
void loadCheckpointModel(const std::string& directory, torch::nn::Module& model);

/// best.safetensors as named tensors in `model`'s order, or empty when the checkpoint has none.
NamedTensors loadCheckpointBest(const std::string& directory, torch::nn::Module& model);

/// Restores optimizer.pt into an optimiser built over the same parameters in the same order.
void loadCheckpointOptimizer(const std::string& directory, torch::optim::Optimizer& optimizer);

} // namespace raddraft::training
