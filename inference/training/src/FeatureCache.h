#pragma once
// Visual features of every study, extracted once with the frozen visual extractor (eval mode, no
// augmentation) and kept in CPU memory, so that the report head trains without running the
// extractor — what makes training feasible on a 2-core CPU. Saved as safetensors in the work
// directory (features.safetensors) under a key that covers the extractor's weights, the
// preprocessing and the study list: a resumed run reuses it only when all of them are unchanged.

#include "Manifest.h"
#include "StudyBatches.h"
#include "VisualExtractor.h"

#include <torch/nn.h>
#include <torch/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::training {

struct FeatureCache {
    std::vector<std::string> ids;   ///< study id of each row
    torch::Tensor patches;          ///< (N, P, C) float32, CPU
    torch::Tensor pooled;           ///< (N, C) float32, CPU
    torch::Tensor regions;          ///< (N, V, 3, s, s) float32, CPU: VisualFeatures::regions, or undefined
    std::int64_t views = 1;
    std::int64_t gridRows = 0;
    std::int64_t gridCols = 0;
    std::string key;                ///< featureCacheKey() of what produced it

    std::int64_t size() const { return std::int64_t(ids.size()); }
    /// The row of every example's study. Throws TrainingError naming a study that is not cached.
    std::vector<std::int64_t> rowsOf(const std::vector<TrainingExample>& examples) const;
    /// The rows as VisualFeatures on `device`.
    inference::VisualFeatures gather(const std::vector<std::int64_t>& rows, const torch::Device& device) const;
};

/// SHA-256 over the extractor's parameters and buffers (names, shapes and values), the
/// preprocessing spec and the study ids, in order.
std::string featureCacheKey(torch::nn::Module& extractor, const inference::PreprocessingSpec& preprocessing,
                            const std::vector<std::string>& ids);

/// Runs `extract` (the model's extractFeatures) over every batch of `loader` in eval mode without
/// autograd and collects the result on the CPU. `progress(done, total)` after each batch.
FeatureCache extractFeatureCache(ImageBatchLoader& loader, const std::vector<TrainingExample>& examples,
                                 const std::function<inference::VisualFeatures(const torch::Tensor&)>& extract,
                                 const torch::Device& device, const std::function<void(std::int64_t, std::int64_t)>& progress);

/// Writes the cache atomically. Throws TrainingError naming the file.
void saveFeatureCache(const FeatureCache& cache, const std::string& filePath);

/// The cache in `filePath` when it exists and its key is `expectedKey`; nullopt otherwise (a
/// stale or foreign cache is simply not used). Throws TrainingError for a corrupt file.
std::optional<FeatureCache> loadFeatureCache(const std::string& filePath, const std::string& expectedKey);

} // namespace raddraft::training
