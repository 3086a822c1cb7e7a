#include "SafeTensors.h"

#include "FileUtil.h"
#include "inference/InferenceError.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

namespace raddraft::inference {
namespace {

// The header is JSON of at most 100 MB (the Python implementation's limit).
constexpr std::uint64_t kMaxHeaderBytes = 100u * 1024u * 1024u;

SafeTensorsDType dtypeFromName(const std::string& name, const std::string& filePath,
                               const std::string& tensorName) {
    static const std::map<std::string, SafeTensorsDType> names = {
        {"F64", SafeTensorsDType::F64}, {"F32", SafeTensorsDType::F32},
        {"F16", SafeTensorsDType::F16}, {"BF16", SafeTensorsDType::BF16},
        {"I64", SafeTensorsDType::I64}, {"I32", SafeTensorsDType::I32},
        {"I16", SafeTensorsDType::I16}, {"I8", SafeTensorsDType::I8},
        {"U8", SafeTensorsDType::U8},   {"BOOL", SafeTensorsDType::Bool}};
    const auto found = names.find(name);
    if (found == names.end()) {
        throw InferenceError(ErrorCode::CorruptBundle, filePath,
                             "tensor '" + tensorName + "' has unsupported dtype '" + name + "'");
    }
    return found->second;
}

} // namespace

const char* safeTensorsDTypeName(SafeTensorsDType dtype) {
    switch (dtype) {
    case SafeTensorsDType::F64: return "F64";
    case SafeTensorsDType::F32: return "F32";
    case SafeTensorsDType::F16: return "F16";
    case SafeTensorsDType::BF16: return "BF16";
    case SafeTensorsDType::I64: return "I64";
    case SafeTensorsDType::I32: return "I32";
    case SafeTensorsDType::I16: return "I16";
    case SafeTensorsDType::I8: return "I8";
    case SafeTensorsDType::U8: return "U8";
    case SafeTensorsDType::Bool: return "BOOL";
    }
    return "?";
}

std::size_t safeTensorsDTypeSize(SafeTensorsDType dtype) {
    switch (dtype) {
    case SafeTensorsDType::F64: case SafeTensorsDType::I64: return 8;
    case SafeTensorsDType::F32: case SafeTensorsDType::I32: return 4;
    case SafeTensorsDType::F16: case SafeTensorsDType::BF16: case SafeTensorsDType::I16: return 2;
    case SafeTensorsDType::I8: case SafeTensorsDType::U8: case SafeTensorsDType::Bool: return 1;
    }
    return 1;
}

std::int64_t SafeTensorsEntry::elementCount() const {
    std::int64_t count = 1;
    for (std::int64_t dimension : shape) count *= dimension;
    return count;
}

SafeTensorsFile readSafeTensors(const std::string& filePath) {
    const std::vector<std::uint8_t> bytes = readBinaryFile(filePath);
    if (bytes.size() < 8) {
        throw InferenceError(ErrorCode::CorruptBundle, filePath,
                             "truncated: " + std::to_string(bytes.size()) +
                                 " bytes, shorter than the 8-byte header length");
    }
    std::uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i) headerLength = (headerLength << 8) | bytes[std::size_t(i)];
    if (headerLength > kMaxHeaderBytes || headerLength > bytes.size() - 8) {
        throw InferenceError(ErrorCode::CorruptBundle, filePath,
                             "truncated or corrupt: header length " + std::to_string(headerLength) +
                                 " exceeds the file size " + std::to_string(bytes.size()));
    }
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(bytes.begin() + 8, bytes.begin() + 8 + std::ptrdiff_t(headerLength));
    } catch (const nlohmann::json::exception& error) {
        throw InferenceError(ErrorCode::CorruptBundle, filePath,
                             std::string("header is not valid JSON: ") + error.what());
    }
    if (!header.is_object()) {
        throw InferenceError(ErrorCode::CorruptBundle, filePath, "header is not a JSON object");
    }

    SafeTensorsFile file;
    const std::uint64_t dataSize = bytes.size() - 8 - headerLength;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    for (const auto& [name, value] : header.items()) {
        if (name == "__metadata__") {
            if (!value.is_object()) {
                throw InferenceError(ErrorCode::CorruptBundle, filePath, "__metadata__ is not an object");
            }
            for (const auto& [key, text] : value.items()) {
                if (!text.is_string()) {
                    throw InferenceError(ErrorCode::CorruptBundle, filePath,
                                         "__metadata__ value '" + key + "' is not a string");
                }
                file.metadata[key] = text.get<std::string>();
            }
            continue;
        }
        try {
            SafeTensorsEntry entry;
            entry.dtype = dtypeFromName(value.at("dtype").get<std::string>(), filePath, name);
            entry.shape = value.at("shape").get<std::vector<std::int64_t>>();
            const auto offsets = value.at("data_offsets").get<std::vector<std::uint64_t>>();
            if (offsets.size() != 2 || offsets[0] > offsets[1]) {
                throw InferenceError(ErrorCode::CorruptBundle, filePath,
                                     "tensor '" + name + "' has invalid data_offsets");
            }
            for (std::int64_t dimension : entry.shape) {
                if (dimension < 0) {
                    throw InferenceError(ErrorCode::CorruptBundle, filePath,
                                         "tensor '" + name + "' has a negative dimension");
                }
            }
            entry.begin = offsets[0];
            entry.end = offsets[1];
            const std::uint64_t expected =
                std::uint64_t(entry.elementCount()) * safeTensorsDTypeSize(entry.dtype);
            if (entry.end - entry.begin != expected) {
                throw InferenceError(ErrorCode::CorruptBundle, filePath,
                                     "tensor '" + name + "' spans " + std::to_string(entry.end - entry.begin) +
                                         " bytes but its dtype and shape need " + std::to_string(expected));
            }
            if (entry.end > dataSize) {
                throw InferenceError(ErrorCode::CorruptBundle, filePath,
                                     "truncated: tensor '" + name + "' ends at data byte " +
                                         std::to_string(entry.end) + " but the data section has only " +
                                         std::to_string(dataSize) + " bytes");
            }
            ranges.emplace_back(entry.begin, entry.end);
            file.tensors.emplace(name, std::move(entry));
        } catch (const nlohmann::json::exception& error) {
            throw InferenceError(ErrorCode::CorruptBundle, filePath,
                                 "tensor '" + name + "' has a malformed header entry: " + error.what());
        }
    }
    std::sort(ranges.begin(), ranges.end());
    std::uint64_t covered = 0;
    for (const auto& [begin, end] : ranges) {
        if (begin < covered) {
            throw InferenceError(ErrorCode::CorruptBundle, filePath, "tensor data ranges overlap");
        }
        covered = end;
    }
    if (covered != dataSize) {
        throw InferenceError(ErrorCode::CorruptBundle, filePath,
                             "data section has " + std::to_string(dataSize) + " bytes but the tensors cover " +
                                 std::to_string(covered));
    }
    file.data.assign(bytes.begin() + 8 + std::ptrdiff_t(headerLength), bytes.end());
    return file;
}

void writeSafeTensors(const std::string& filePath, const std::vector<SafeTensorsWriteItem>& items,
                      const std::map<std::string, std::string>& metadata) {
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::set<std::string> names;
    std::uint64_t offset = 0;
    for (const SafeTensorsWriteItem& item : items) {
        if (item.name == "__metadata__" || !names.insert(item.name).second) {
            throw InferenceError(ErrorCode::InvalidArgument, filePath,
                                 "duplicate or reserved tensor name '" + item.name + "'");
        }
        std::uint64_t elements = 1;
        for (std::int64_t dimension : item.shape) elements *= std::uint64_t(dimension);
        if (elements * safeTensorsDTypeSize(item.dtype) != item.byteCount) {
            throw InferenceError(ErrorCode::InvalidArgument, filePath,
                                 "tensor '" + item.name + "' byte count does not match its shape");
        }
        header[item.name] = {{"dtype", safeTensorsDTypeName(item.dtype)},
                             {"shape", item.shape},
                             {"data_offsets", {offset, offset + item.byteCount}}};
        offset += item.byteCount;
    }
    std::string headerText = header.dump();
    while (headerText.size() % 8 != 0) headerText.push_back(' '); // align data to 8 bytes
    std::string prefix(8, '\0');
    const std::uint64_t headerLength = headerText.size();
    for (int i = 0; i < 8; ++i) prefix[std::size_t(i)] = char((headerLength >> (8 * i)) & 0xff);

    AtomicFileWriter writer(filePath);
    writer.write(prefix.data(), prefix.size());
    writer.write(headerText.data(), headerText.size());
    for (const SafeTensorsWriteItem& item : items) writer.write(item.bytes, item.byteCount);
    writer.commit();
}

} // namespace raddraft::inference
