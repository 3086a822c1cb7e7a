#include "FileUtil.h"

#include "inference/InferenceError.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <random>

namespace raddraft::inference {

std::vector<std::uint8_t> readBinaryFile(const std::string& filePath) {
    std::ifstream in(filePath, std::ios::binary | std::ios::ate);
    if (!in) {
        throw InferenceError(ErrorCode::Io, filePath,
                             std::filesystem::exists(filePath) ? "cannot open file for reading"
                                                               : "file does not exist");
    }
    const std::streamsize size = in.tellg();
    in.seekg(0);
    std::vector<std::uint8_t> bytes(std::size_t(std::max<std::streamsize>(size, 0)));
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size)) {
        throw InferenceError(ErrorCode::Io, filePath, "read error");
    }
    return bytes;
}

std::string readTextFile(const std::string& filePath) {
    const std::vector<std::uint8_t> bytes = readBinaryFile(filePath);
    return std::string(bytes.begin(), bytes.end());
}

std::string temporarySiblingPath(const std::string& path) {
    static std::mt19937_64 generator(std::random_device{}() ^
                                     std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::string trimmed = path;
    while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
    return trimmed + ".tmp-" + std::to_string(generator() % 1000000000ull);
}

AtomicFileWriter::AtomicFileWriter(std::string filePath)
    : m_filePath(std::move(filePath)), m_temporaryPath(temporarySiblingPath(m_filePath)) {
    m_stream.open(m_temporaryPath, std::ios::binary | std::ios::trunc);
    if (!m_stream) {
        throw InferenceError(ErrorCode::Io, m_filePath,
                             std::string("cannot create temporary file: ") + std::strerror(errno));
    }
}

AtomicFileWriter::~AtomicFileWriter() {
    if (!m_committed) {
        m_stream.close();
        std::error_code ignored;
        std::filesystem::remove(m_temporaryPath, ignored);
    }
}

void AtomicFileWriter::write(const void* data, std::size_t size) {
    m_stream.write(static_cast<const char*>(data), std::streamsize(size));
    if (!m_stream) throw InferenceError(ErrorCode::Io, m_filePath, "write failed (disk full?)");
}

void AtomicFileWriter::commit() {
    m_stream.flush();
    m_stream.close();
    if (!m_stream) throw InferenceError(ErrorCode::Io, m_filePath, "write failed while closing");
    std::error_code error;
    std::filesystem::rename(m_temporaryPath, m_filePath, error);
    if (error) throw InferenceError(ErrorCode::Io, m_filePath, "cannot rename temporary file: " + error.message());
    m_committed = true;
}

void writeTextFileAtomically(const std::string& filePath, const std::string& text) {
    AtomicFileWriter writer(filePath);
    writer.write(text.data(), text.size());
    writer.commit();
}

} // namespace raddraft::inference
