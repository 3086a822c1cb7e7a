#include "FeatureCache.h"

#include "SafeTensors.h"
#include "Sha256.h"
#include "TorchSupport.h"
#include "training/TrainingError.h"

#include <torch/torch.h>

#include <filesystem>

namespace raddraft::training {

std::vector<std::int64_t> FeatureCache::rowsOf(const std::vector<TrainingExample>& examples) const {
    std::map<std::string, std::int64_t> rows;
    for (std::size_t i = 0; i < ids.size(); ++i) rows.emplace(ids[i], std::int64_t(i));
    std::vector<std::int64_t> result;
    for (const TrainingExample& example : examples) {
        const auto found = rows.find(example.id);
        if (found == rows.end()) throw TrainingError("feature cache: study '" + example.id + "' was not extracted");
        result.push_back(found->second);
    }
    return result;
}

inference::VisualFeatures FeatureCache::gather(const std::vector<std::int64_t>& rows, const torch::Device& device) const {
    const torch::Tensor index = torch::tensor(rows, torch::kInt64);
    inference::VisualFeatures features;
    features.patches = patches.index_select(0, index).to(device);
    features.pooled = pooled.index_select(0, index).to(device);
    if (regions.defined()) features.regions = regions.index_select(0, index).to(device);
    features.views = views;
    features.gridRows = gridRows;
    features.gridCols = gridCols;
    return features;
}

std::string featureCacheKey(torch::nn::Module& extractor, const inference::PreprocessingSpec& preprocessing,
                            const std::vector<std::string>& ids) {
    inference::Sha256 hash;
    for (const auto& [name, tensor] : inference::namedTensors(extractor)) {
        const torch::Tensor values = tensor.detach().to(torch::kCPU).contiguous();
        hash.update(name);
        for (std::int64_t size : values.sizes()) hash.update(std::to_string(size) + ",");
        hash.update(values.data_ptr(), std::size_t(values.numel()) * values.element_size());
    }
    hash.update("size=" + std::to_string(preprocessing.imageSize) + ";channels=" + std::to_string(preprocessing.channels));
    for (float value : preprocessing.mean) hash.update(std::to_string(value) + ";");
    for (float value : preprocessing.std) hash.update(std::to_string(value) + ";");
    for (const std::string& view : preprocessing.views) hash.update("view=" + view + ";");
    for (const std::string& id : ids) hash.update("id=" + id + ";");
    return hash.hexDigest();
}

FeatureCache extractFeatureCache(ImageBatchLoader& loader, const std::vector<TrainingExample>& examples,
                                 const std::function<inference::VisualFeatures(const torch::Tensor&)>& extract,
                                 const torch::Device& device, const std::function<void(std::int64_t, std::int64_t)>& progress) {
    torch::NoGradGuard noGrad;
    FeatureCache cache;
    std::vector<torch::Tensor> patches, pooled, regions;
    std::int64_t done = 0;
    while (std::optional<ImageBatch> batch = loader.next()) {
        const inference::VisualFeatures features = extract(batch->images.to(device));
        patches.push_back(features.patches.to(torch::kCPU, torch::kFloat32).contiguous());
        pooled.push_back(features.pooled.to(torch::kCPU, torch::kFloat32).contiguous());
        if (features.regions.defined()) regions.push_back(features.regions.to(torch::kCPU, torch::kFloat32).contiguous());
        cache.views = features.views;
        cache.gridRows = features.gridRows;
        cache.gridCols = features.gridCols;
        for (std::size_t index : batch->examples) cache.ids.push_back(examples.at(index).id);
        done += std::int64_t(batch->examples.size());
        if (progress) progress(done, std::int64_t(examples.size()));
    }
    if (patches.empty()) throw TrainingError("feature cache: no study to extract");
    cache.patches = torch::cat(patches);
    cache.pooled = torch::cat(pooled);
    if (!regions.empty()) cache.regions = torch::cat(regions);
    return cache;
}

void saveFeatureCache(const FeatureCache& cache, const std::string& filePath) {
    const torch::Tensor patches = cache.patches.contiguous();
    const torch::Tensor pooled = cache.pooled.contiguous();
    nlohmann::json ids = cache.ids;
    const std::map<std::string, std::string> metadata = {
        {"raddraft_feature_cache_key", cache.key},
        {"ids", ids.dump()},
        {"views", std::to_string(cache.views)},
        {"grid_rows", std::to_string(cache.gridRows)},
        {"grid_cols", std::to_string(cache.gridCols)},
    };
    const auto item = [](const char* name, const torch::Tensor& tensor) {
        return inference::SafeTensorsWriteItem{name, inference::SafeTensorsDType::F32,
                                               std::vector<std::int64_t>(tensor.sizes().begin(), tensor.sizes().end()),
                                               tensor.data_ptr(), std::size_t(tensor.numel()) * sizeof(float)};
    };
    std::vector<inference::SafeTensorsWriteItem> items{item("patches", patches), item("pooled", pooled)};
    const torch::Tensor regions = cache.regions.defined() ? cache.regions.contiguous() : torch::Tensor();
    if (regions.defined()) items.push_back(item("regions", regions));
    try {
        inference::writeSafeTensors(filePath, items, metadata);
    } catch (const inference::InferenceError& error) {
        throw TrainingError(error.what());
    }
}

std::optional<FeatureCache> loadFeatureCache(const std::string& filePath, const std::string& expectedKey) {
    if (!std::filesystem::exists(filePath)) return std::nullopt;
    try {
        const inference::SafeTensorsFile file = inference::readSafeTensors(filePath);
        const auto key = file.metadata.find("raddraft_feature_cache_key");
        if (key == file.metadata.end() || key->second != expectedKey) return std::nullopt;
        FeatureCache cache;
        cache.key = key->second;
        cache.ids = nlohmann::json::parse(file.metadata.at("ids")).get<std::vector<std::string>>();
        cache.views = std::stoll(file.metadata.at("views"));
        cache.gridRows = std::stoll(file.metadata.at("grid_rows"));
        cache.gridCols = std::stoll(file.metadata.at("grid_cols"));
        cache.patches = inference::tensorFromSafeTensors(file, file.tensors.at("patches"));
        cache.pooled = inference::tensorFromSafeTensors(file, file.tensors.at("pooled"));
        if (file.tensors.count("regions") != 0) cache.regions = inference::tensorFromSafeTensors(file, file.tensors.at("regions"));
        if (cache.patches.dim() != 3 || cache.patches.size(0) != cache.size() || cache.pooled.size(0) != cache.size() ||
            (cache.regions.defined() && cache.regions.size(0) != cache.size())) {
            throw TrainingError(filePath + ": feature cache shapes do not match its study list");
        }
        return cache;
    } catch (const inference::InferenceError& error) {
        throw TrainingError(error.what());
    } catch (const std::out_of_range& error) {
        throw TrainingError(filePath + ": feature cache lacks an entry (" + error.what() + ")");
    } catch (const std::invalid_argument& error) {
        throw TrainingError(filePath + ": feature cache metadata is not a number (" + error.what() + ")");
    } catch (const nlohmann::json::exception& error) {
        throw TrainingError(filePath + ": feature cache id list is invalid (" + error.what() + ")");
    }
}

} // namespace raddraft::training
