#include "NpyWriter.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

namespace raddraft::cli {

namespace fs = std::filesystem;

namespace {

std::string npyHeader(const std::string& descr, const std::vector<std::size_t>& shape)
{
    std::string shapeText = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        shapeText += std::to_string(shape[i]) + (shape.size() == 1 || i + 1 < shape.size() ? "," : "")
                     + (i + 1 < shape.size() ? " " : "");
    shapeText += ")";
    std::string dictionary = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
    // Magic (6) + version (2) + header length (2) + dictionary + '\n' is padded to a multiple of 64
    // so the data is aligned (what numpy itself writes).
    const std::size_t unpadded = 10 + dictionary.size() + 1;
    dictionary.append((64 - unpadded % 64) % 64, ' ');
    dictionary += '\n';
    if (dictionary.size() > 65535)
        throw std::runtime_error("npy header too long");
    std::string header("\x93NUMPY\x01\x00", 8);
    header += static_cast<char>(dictionary.size() & 0xFF);
    header += static_cast<char>((dictionary.size() >> 8) & 0xFF);
    return header + dictionary;
}

} // namespace

void writeNpyFile(const std::string& filePath, const std::string& descr, const std::vector<std::size_t>& shape,
                  const void* data, std::size_t byteCount)
{
    const fs::path target(filePath);
    std::random_device random;
    const fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(random()));
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        if (!stream)
            throw std::runtime_error("cannot create " + temporary.string() + ": " + std::strerror(errno));
        const std::string header = npyHeader(descr, shape);
        stream.write(header.data(), static_cast<std::streamsize>(header.size()));
        stream.write(static_cast<const char*>(data), static_cast<std::streamsize>(byteCount));
        stream.close();
        if (!stream) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            throw std::runtime_error("cannot write " + filePath);
        }
    }
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw std::runtime_error("cannot move output into place at " + filePath + ": " + error.message());
    }
}

} // namespace raddraft::cli
