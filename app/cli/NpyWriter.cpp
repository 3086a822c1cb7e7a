#include "NpyWriter.h"

#include "CliCommand.h"

#include <stdexcept>

namespace raddraft::cli {

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
    const std::string header = npyHeader(descr, shape);
    writeFileAtomically(filePath, {header, std::string_view(static_cast<const char*>(data), byteCount)});
}

} // namespace raddraft::cli
