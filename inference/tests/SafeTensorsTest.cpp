#include "SafeTensors.h"
#include "inference/InferenceError.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace raddraft::inference;
namespace fs = std::filesystem;

namespace {
fs::path scratchDirectory(const std::string& name) {
    const fs::path directory = fs::temp_directory_path() / ("raddraft_st_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(directory);
    fs::create_directories(directory);
    return directory;
}

void writeBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

std::string fileBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string littleEndian64(std::uint64_t value) {
    std::string bytes(8, '\0');
    for (int i = 0; i < 8; ++i) bytes[std::size_t(i)] = char((value >> (8 * i)) & 0xff);
    return bytes;
}

ErrorCode codeOfRead(const fs::path& path) {
    try {
        readSafeTensors(path.string());
    } catch (const InferenceError& error) {
        EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
        return error.code();
    }
    ADD_FAILURE() << "no error for " << path;
    return ErrorCode::Torch;
}
} // namespace

// A file laid out by hand exactly as Python's safetensors writes it.
TEST(SafeTensors, ReadsHandWrittenFile) {
    const fs::path directory = scratchDirectory("hand");
    const std::string header = R"({"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I64","shape":[1,1],"data_offsets":[8,16]}})";
    float values[2] = {1.5f, -2.0f};
    std::int64_t integer = 42;
    std::string data(16, '\0');
    std::memcpy(data.data(), values, 8);
    std::memcpy(data.data() + 8, &integer, 8);
    writeBytes(directory / "x.safetensors", littleEndian64(header.size()) + header + data);

    const SafeTensorsFile file = readSafeTensors((directory / "x.safetensors").string());
    EXPECT_EQ(file.metadata.at("format"), "pt");
    ASSERT_EQ(file.tensors.size(), 2u);
    const SafeTensorsEntry& a = file.tensors.at("a");
    EXPECT_EQ(a.dtype, SafeTensorsDType::F32);
    EXPECT_EQ(a.shape, (std::vector<std::int64_t>{2}));
    float readBack[2];
    std::memcpy(readBack, file.bytesOf(a), 8);
    EXPECT_EQ(readBack[1], -2.0f);
    std::int64_t readInteger = 0;
    std::memcpy(&readInteger, file.bytesOf(file.tensors.at("b")), 8);
    EXPECT_EQ(readInteger, 42);
    fs::remove_all(directory);
}

TEST(SafeTensors, WriteReadRoundTripAndAlignment) {
    const fs::path directory = scratchDirectory("round");
    const std::vector<std::uint16_t> half = {0x3c00, 0xc000, 0x7bff};
    const std::uint8_t flags[2] = {1, 0};
    writeSafeTensors((directory / "w.safetensors").string(),
                     {{"layer.weight", SafeTensorsDType::F16, {3}, half.data(), 6},
                      {"mask", SafeTensorsDType::Bool, {2, 1}, flags, 2}},
                     {{"creator", "test"}});
    const std::string bytes = fileBytes(directory / "w.safetensors");
    std::uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i) headerLength = (headerLength << 8) | std::uint8_t(bytes[std::size_t(i)]);
    EXPECT_EQ(headerLength % 8, 0u);
    EXPECT_EQ(bytes.size(), 8 + headerLength + 8);

    const SafeTensorsFile file = readSafeTensors((directory / "w.safetensors").string());
    EXPECT_EQ(file.metadata.at("creator"), "test");
    EXPECT_EQ(file.tensors.at("layer.weight").dtype, SafeTensorsDType::F16);
    EXPECT_EQ(std::memcmp(file.bytesOf(file.tensors.at("layer.weight")), half.data(), 6), 0);
    EXPECT_EQ(file.tensors.at("mask").shape, (std::vector<std::int64_t>{2, 1}));
    // No temporary files left next to it.
    EXPECT_EQ(std::distance(fs::directory_iterator(directory), fs::directory_iterator{}), 1);
    fs::remove_all(directory);
}

TEST(SafeTensors, CorruptFilesAreClearErrors) {
    const fs::path directory = scratchDirectory("corrupt");
    const float values[4] = {1, 2, 3, 4};
    const fs::path good = directory / "good.safetensors";
    writeSafeTensors(good.string(), {{"t", SafeTensorsDType::F32, {4}, values, 16}});
    const std::string bytes = fileBytes(good);

    writeBytes(directory / "short.safetensors", bytes.substr(0, 5));
    EXPECT_EQ(codeOfRead(directory / "short.safetensors"), ErrorCode::CorruptBundle);
    writeBytes(directory / "truncated.safetensors", bytes.substr(0, bytes.size() - 3));
    EXPECT_EQ(codeOfRead(directory / "truncated.safetensors"), ErrorCode::CorruptBundle);
    writeBytes(directory / "trailing.safetensors", bytes + "xx");
    EXPECT_EQ(codeOfRead(directory / "trailing.safetensors"), ErrorCode::CorruptBundle);
    writeBytes(directory / "hugeheader.safetensors", littleEndian64(1ull << 40) + bytes.substr(8));
    EXPECT_EQ(codeOfRead(directory / "hugeheader.safetensors"), ErrorCode::CorruptBundle);
    std::string badJson = bytes;
    badJson[8] = '[';
    writeBytes(directory / "badjson.safetensors", badJson);
    EXPECT_EQ(codeOfRead(directory / "badjson.safetensors"), ErrorCode::CorruptBundle);
    const std::string wrongShape = R"({"t":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}})";
    writeBytes(directory / "shape.safetensors", littleEndian64(wrongShape.size()) + wrongShape + std::string(16, '\0'));
    EXPECT_EQ(codeOfRead(directory / "shape.safetensors"), ErrorCode::CorruptBundle);
    const std::string badType = R"({"t":{"dtype":"F8","shape":[16],"data_offsets":[0,16]}})";
    writeBytes(directory / "dtype.safetensors", littleEndian64(badType.size()) + badType + std::string(16, '\0'));
    EXPECT_EQ(codeOfRead(directory / "dtype.safetensors"), ErrorCode::CorruptBundle);
    EXPECT_EQ(codeOfRead(directory / "missing.safetensors"), ErrorCode::Io);
    fs::remove_all(directory);
}
