#include "Manifest.h"

#include "FileUtil.h"
#include "Sha256.h"
#include "inference/InferenceError.h"

#include <filesystem>

namespace raddraft::inference {

nlohmann::json Manifest::toJson() const {
    nlohmann::json json;
    json["format"] = "raddraft-model-bundle";
    json["format_version"] = formatVersion;
    json["model"] = {{"type", modelType}, {"version", modelVersion}, {"name", modelName}};
    json["hyperparameters"] = hyperParameters;
    json["text"] = {{"cleaning", cleaning}, {"vocabulary", vocabulary}};
    json["labels"] = labels;
    json["knowledge_graph"] = knowledgeGraph ? knowledgeGraph->toJson() : nlohmann::json();
    json["preprocessing"] = {{"image_size", preprocessing.imageSize},
                             {"mean", preprocessing.mean},
                             {"std", preprocessing.std},
                             {"channels", preprocessing.channels},
                             {"views", preprocessing.views}};
    if (!corpus.empty()) {
        json["corpus"] = nlohmann::json::array();
        for (const CorpusEntry& entry : corpus) {
            nlohmann::json item = {{"id", entry.id}, {"text", entry.text}};
            if (!entry.members.empty()) item["members"] = entry.members;
            json["corpus"].push_back(std::move(item));
        }
    }
    json["weights"] = nlohmann::json::array();
    for (const WeightsFileSpec& file : weights) {
        json["weights"].push_back({{"file", file.file}, {"sha256", file.sha256}});
    }
    json["provenance"] = provenance;
    json["evaluation"] = evaluation;
    return json;
}

Manifest Manifest::fromJson(const nlohmann::json& json, const std::string& sourceName) {
    Manifest manifest;
    try {
        if (json.value("format", std::string()) != "raddraft-model-bundle") {
            throw InferenceError(ErrorCode::CorruptBundle, sourceName,
                                 "\"format\" is not \"raddraft-model-bundle\"");
        }
        manifest.formatVersion = json.at("format_version").get<int>();
        if (manifest.formatVersion < 1 || manifest.formatVersion > kBundleFormatVersion) {
            throw InferenceError(ErrorCode::UnsupportedVersion, sourceName,
                                 "format_version " + std::to_string(manifest.formatVersion) +
                                     " is not supported (this build reads 1.." +
                                     std::to_string(kBundleFormatVersion) + ")");
        }
        const auto& model = json.at("model");
        manifest.modelType = model.at("type").get<std::string>();
        manifest.modelVersion = model.value("version", std::string());
        manifest.modelName = model.value("name", std::string());
        manifest.hyperParameters = json.value("hyperparameters", nlohmann::json::object());
        if (!manifest.hyperParameters.is_object()) {
            throw InferenceError(ErrorCode::CorruptBundle, sourceName, "\"hyperparameters\" is not an object");
        }
        const auto& text = json.at("text");
        manifest.cleaning = text.value("cleaning", std::string("iu_xray"));
        manifest.vocabulary = text.at("vocabulary").get<std::vector<std::string>>();
        manifest.labels = json.value("labels", std::vector<std::string>());
        if (json.contains("knowledge_graph") && !json.at("knowledge_graph").is_null()) {
            manifest.knowledgeGraph = KnowledgeGraph::fromJson(json.at("knowledge_graph"), sourceName);
        }
        const auto& preprocessing = json.at("preprocessing");
        manifest.preprocessing.imageSize = preprocessing.at("image_size").get<int>();
        manifest.preprocessing.mean = preprocessing.at("mean").get<std::vector<float>>();
        manifest.preprocessing.std = preprocessing.at("std").get<std::vector<float>>();
        manifest.preprocessing.channels = preprocessing.value("channels", 3);
        manifest.preprocessing.views = preprocessing.at("views").get<std::vector<std::string>>();
        for (const auto& item : json.value("corpus", nlohmann::json::array())) {
            manifest.corpus.push_back({item.at("id").get<std::string>(), item.at("text").get<std::string>(),
                                       item.value("members", std::vector<std::string>())});
        }
        for (const auto& item : json.at("weights")) {
            WeightsFileSpec file{item.at("file").get<std::string>(), item.at("sha256").get<std::string>()};
            if (file.file.empty() || file.file.find('/') != std::string::npos ||
                file.file.find('\\') != std::string::npos || file.file == "." || file.file == "..") {
                throw InferenceError(ErrorCode::CorruptBundle, sourceName,
                                     "weights file name '" + file.file + "' must be a plain file name");
            }
            if (file.sha256.size() != 64) {
                throw InferenceError(ErrorCode::CorruptBundle, sourceName,
                                     "weights file '" + file.file + "' has no valid sha256");
            }
            manifest.weights.push_back(std::move(file));
        }
        manifest.provenance = json.value("provenance", nlohmann::json::object());
        manifest.evaluation = json.value("evaluation", nlohmann::json::object());
    } catch (const nlohmann::json::exception& error) {
        throw InferenceError(ErrorCode::CorruptBundle, sourceName, std::string("malformed manifest: ") + error.what());
    }
    const PreprocessingSpec& spec = manifest.preprocessing;
    if (spec.imageSize < 32 || spec.imageSize > 4096 || spec.channels < 1 ||
        int(spec.mean.size()) != spec.channels || int(spec.std.size()) != spec.channels || spec.views.empty()) {
        throw InferenceError(ErrorCode::CorruptBundle, sourceName,
                             "preprocessing needs image_size in [32, 4096] and one mean/std per channel");
    }
    for (float value : spec.std) {
        if (!(value > 0.0f)) throw InferenceError(ErrorCode::CorruptBundle, sourceName, "preprocessing std must be > 0");
    }
    if (manifest.weights.empty()) {
        throw InferenceError(ErrorCode::CorruptBundle, sourceName, "manifest lists no weights file");
    }
    return manifest;
}

Manifest readManifest(const std::string& bundleDirectory) {
    const std::string path = (std::filesystem::path(bundleDirectory) / kManifestFileName).string();
    if (!std::filesystem::is_directory(bundleDirectory)) {
        throw InferenceError(ErrorCode::Io, bundleDirectory, "bundle directory does not exist");
    }
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(readTextFile(path));
    } catch (const nlohmann::json::exception& error) {
        throw InferenceError(ErrorCode::CorruptBundle, path, std::string("not valid JSON: ") + error.what());
    }
    return Manifest::fromJson(json, path);
}

void verifyWeightsChecksums(const std::string& bundleDirectory, const Manifest& manifest) {
    for (const WeightsFileSpec& file : manifest.weights) {
        const std::string path = (std::filesystem::path(bundleDirectory) / file.file).string();
        const std::string actual = Sha256::hexOfFile(path);
        if (actual != file.sha256) {
            throw InferenceError(ErrorCode::ChecksumMismatch, path,
                                 "SHA-256 is " + actual + " but manifest.json says " + file.sha256 +
                                     " (file modified or corrupted)");
        }
    }
}

std::string bundleHash(const std::string& bundleDirectory) {
    return Sha256::hexOfFile((std::filesystem::path(bundleDirectory) / kManifestFileName).string());
}

} // namespace raddraft::inference
