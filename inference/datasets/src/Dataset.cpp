#include "datasets/Dataset.h"

#include "datasets/DatasetError.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>

namespace raddraft::datasets {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// R2Gen's split names, in the order records are returned.
constexpr std::array<const char*, 3> kSplitNames = {"train", "val", "test"};

// Fields only our phantom generator writes; their presence marks a phantom entry.
constexpr std::array<const char*, 6> kPhantomFields = {"labels", "observations", "context_labels",
                                                       "masks", "findings", "dicom"};

const char* kindName(DatasetKind kind) {
    switch (kind) {
    case DatasetKind::IuXray: return "IU X-ray";
    case DatasetKind::MimicCxr: return "MIMIC-CXR";
    case DatasetKind::Phantom: return "phantom";
    }
    return "unknown";
}

json readAnnotationFile(const fs::path& file) {
    std::error_code error;
    const fs::file_status status = fs::status(file, error);
    if (!fs::exists(status))
        throw DatasetError(file.string(), "no such file (expected R2Gen's annotation.json)");
    if (!fs::is_regular_file(status)) throw DatasetError(file.string(), "not a regular file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DatasetError(file.string(), std::string("cannot open: ") + std::strerror(errno));
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        // nlohmann's message starts with "[json.exception.parse_error.101] "; the rest says where.
        std::string message = e.what();
        const auto bracket = message.find("] ");
        if (bracket != std::string::npos) message.erase(0, bracket + 2);
        throw DatasetError(file.string(), "invalid JSON: " + message);
    }
}

// Reads one annotation entry; every error names the split, the position and (when known) the id.
class EntryReader {
public:
    EntryReader(const fs::path& file, const fs::path& imageRoot, const std::string& split,
                std::size_t index, const json& entry)
        : file_(file), imageRoot_(imageRoot), split_(split), index_(index), entry_(entry) {}

    DatasetKind kind() const {
        for (const char* field : kPhantomFields)
            if (entry_.contains(field)) return DatasetKind::Phantom;
        if (entry_.contains("study_id") || entry_.contains("subject_id")) return DatasetKind::MimicCxr;
        return DatasetKind::IuXray;
    }

    DatasetRecord read(DatasetKind kind) {
        if (!entry_.is_object()) fail("is not a JSON object");
        DatasetRecord record;
        record.id = requiredString("id");
        id_ = record.id;
        if (record.id.empty()) fail("has an empty 'id'");
        record.report = requiredString("report");
        record.split = split_;
        if (entry_.contains("split")) {
            const std::string declared = requiredString("split");
            if (declared != split_)
                fail("says \"split\": \"" + declared + "\" but is listed under \"" + split_ + "\"");
        }
        const json& images = required("image_path");
        if (!images.is_array() || images.empty())
            fail("has an 'image_path' that is not a non-empty array of paths");
        for (const json& path : images) {
            if (!path.is_string() || path.get_ref<const std::string&>().empty())
                fail("has an 'image_path' element that is not a non-empty string");
            record.imagePaths.push_back(resolve(path.get<std::string>()));
        }
        if (kind == DatasetKind::Phantom) readPhantomFields(record);
        return record;
    }

    [[noreturn]] void fail(const std::string& what) const {
        std::string where = "\"" + split_ + "\" entry " + std::to_string(index_);
        if (!id_.empty()) where += " (id \"" + id_ + "\")";
        throw DatasetError(file_.string(), where + " " + what);
    }

private:
    const json& required(const char* field) const {
        if (!entry_.contains(field)) fail(std::string("has no '") + field + "'");
        return entry_.at(field);
    }

    std::string requiredString(const char* field) const {
        const json& value = required(field);
        if (!value.is_string()) fail(std::string("has a non-string '") + field + "'");
        return value.get<std::string>();
    }

    std::string resolve(const std::string& relative) const {
        return (imageRoot_ / relative).lexically_normal().string();
    }

    std::map<std::string, int> readLabels(const char* field) const {
        const json& labels = required(field);
        if (!labels.is_object()) fail(std::string("has a '") + field + "' that is not an object");
        std::map<std::string, int> result;
        for (const auto& [name, value] : labels.items()) {
            if (!value.is_number_integer() || value.get<int>() < -1 || value.get<int>() > 1)
                fail(std::string("has '") + field + "' \"" + name + "\" that is not 1, 0 or -1");
            result.emplace(name, value.get<int>());
        }
        return result;
    }

    void readPhantomFields(DatasetRecord& record) const {
        record.graphLabels = readLabels("labels");
        record.observationLabels = readLabels("observations");
        const json& context = required("context_labels");
        if (!context.is_array()) fail("has a 'context_labels' that is not an array");
        for (const json& label : context) {
            if (!label.is_string()) fail("has a 'context_labels' element that is not a string");
            record.contextLabels.push_back(label.get<std::string>());
        }
        const json& masks = required("masks");
        if (!masks.is_object()) fail("has a 'masks' that is not an object");
        for (const auto& [node, views] : masks.items()) {
            if (!views.is_array() || views.size() != 2)
                fail("has 'masks' \"" + node + "\" that is not [frontal, lateral]");
            std::vector<std::string> paths;
            for (const json& path : views) {
                if (!path.is_string()) fail("has 'masks' \"" + node + "\" with a non-string path");
                const std::string& text = path.get_ref<const std::string&>();
                paths.push_back(text.empty() ? std::string() : resolve(text));
            }
            record.maskPaths.emplace(node, std::move(paths));
        }
    }

    const fs::path& file_;
    const fs::path& imageRoot_;
    const std::string& split_;
    std::size_t index_;
    const json& entry_;
    std::string id_;
};

std::string checkFile(const std::string& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) return "no such file";
    if (!fs::is_regular_file(status)) return "not a regular file";
    return {};
}

} // namespace

std::vector<const DatasetRecord*> Dataset::split(const std::string& name) const {
    const bool all = name == "all";
    bool known = all;
    for (const char* splitName : kSplitNames) known = known || name == splitName;
    if (!known)
        throw DatasetError((fs::path(directory) / "annotation.json").string(),
                           "no split named \"" + name + "\" (train, val, test or all)");
    std::vector<const DatasetRecord*> result;
    for (const DatasetRecord& record : records)
        if (all || record.split == name) result.push_back(&record);
    return result;
}

Dataset loadDataset(const std::string& directory) {
    const fs::path root = fs::absolute(fs::path(directory)).lexically_normal();
    const fs::path file = root / "annotation.json";
    const fs::path imageRoot = root / "images";
    const json annotation = readAnnotationFile(file);
    if (!annotation.is_object())
        throw DatasetError(file.string(), "top level is not an object of splits {\"train\", \"val\", \"test\"}");
    for (const auto& item : annotation.items()) {
        bool known = false;
        for (const char* splitName : kSplitNames) known = known || item.key() == splitName;
        if (!known)
            throw DatasetError(file.string(),
                               "unknown split \"" + item.key() + "\" (expected train, val, test)");
        if (!item.value().is_array())
            throw DatasetError(file.string(), "split \"" + item.key() + "\" is not an array");
    }

    Dataset dataset;
    dataset.directory = root.string();
    bool kindKnown = false;
    std::set<std::string> ids;
    for (const std::string split : kSplitNames) {
        if (!annotation.contains(split)) continue;
        const json& entries = annotation.at(split);
        for (std::size_t index = 0; index < entries.size(); ++index) {
            EntryReader reader(file, imageRoot, split, index, entries[index]);
            const DatasetKind kind = reader.kind();
            if (!kindKnown) {
                dataset.kind = kind;
                kindKnown = true;
            }
            DatasetRecord record = reader.read(kind);
            if (kind != dataset.kind)
                reader.fail(std::string("is a ") + kindName(kind) + " entry but earlier entries are " +
                            kindName(dataset.kind));
            if (!ids.insert(record.id).second) reader.fail("repeats an id used before");
            dataset.records.push_back(std::move(record));
        }
    }
    return dataset;
}

std::vector<std::string> checkImages(const Dataset& dataset) {
    std::vector<std::string> problems;
    for (const DatasetRecord& record : dataset.records) {
        for (std::size_t view = 0; view < record.imagePaths.size(); ++view) {
            const std::string reason = checkFile(record.imagePaths[view]);
            if (!reason.empty())
                problems.push_back(record.imagePaths[view] + ": " + reason + " (image " +
                                   std::to_string(view) + " of \"" + record.id + "\")");
        }
        for (const auto& [node, paths] : record.maskPaths) {
            for (const std::string& path : paths) {
                if (path.empty()) continue;
                const std::string reason = checkFile(path);
                if (!reason.empty())
                    problems.push_back(path + ": " + reason + " (" + node + " mask of \"" +
                                       record.id + "\")");
            }
        }
    }
    return problems;
}

} // namespace raddraft::datasets
