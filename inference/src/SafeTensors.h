#pragma once
// The safetensors file layout (https://github.com/huggingface/safetensors), byte level, without
// LibTorch: 8-byte little-endian header length N, N bytes of JSON header
// {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}},
// then the raw little-endian tensor bytes; offsets are relative to the start of that data section.
// Files written here are readable by Python's `safetensors` package and vice versa.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace raddraft::inference {

enum class SafeTensorsDType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

const char* safeTensorsDTypeName(SafeTensorsDType dtype);
std::size_t safeTensorsDTypeSize(SafeTensorsDType dtype);

struct SafeTensorsEntry {
    SafeTensorsDType dtype = SafeTensorsDType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0; ///< byte offset into the data section
    std::uint64_t end = 0;   ///< one past the last byte
    std::int64_t elementCount() const;
};

struct SafeTensorsFile {
    std::map<std::string, std::string> metadata;
    std::map<std::string, SafeTensorsEntry> tensors;
    std::vector<std::uint8_t> data; ///< the whole data section

    const std::uint8_t* bytesOf(const SafeTensorsEntry& entry) const { return data.data() + entry.begin; }
};

/// Reads and validates a whole file: header length within the file, valid JSON, known dtypes,
/// offsets inside the data section, byte size == element count × dtype size, no overlaps, no
/// trailing or missing bytes. Throws InferenceError(CorruptBundle) naming the file and the
/// reason, or InferenceError(Io) when the file cannot be read.
SafeTensorsFile readSafeTensors(const std::string& filePath);

struct SafeTensorsWriteItem {
    std::string name;
    SafeTensorsDType dtype = SafeTensorsDType::F32;
    std::vector<std::int64_t> shape;
    const void* bytes = nullptr; ///< little-endian element data, elementCount × dtype size bytes
    std::size_t byteCount = 0;
};

/// Writes `filePath` atomically (a temporary file in the same directory, flushed, then renamed).
/// Tensor names must be unique and must not be "__metadata__". Throws InferenceError(Io /
/// InvalidArgument); on failure no file (and no temporary) is left behind.
void writeSafeTensors(const std::string& filePath, const std::vector<SafeTensorsWriteItem>& items,
                      const std::map<std::string, std::string>& metadata = {});

} // namespace raddraft::inference
