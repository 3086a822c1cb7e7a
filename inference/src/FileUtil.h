#pragma once
// File helpers shared by the bundle reader and writer: whole-file reads with clear errors, and
// atomic writes (temporary file + rename) so that no half-written file is ever visible.

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace raddraft::inference {

/// Whole file. Throws InferenceError(Io) naming the file when it cannot be opened or read.
std::vector<std::uint8_t> readBinaryFile(const std::string& filePath);
std::string readTextFile(const std::string& filePath);

/// Writes to "<path>.tmp-<random>" and renames onto `path` in commit(). Destroyed without
/// commit() (an exception on the way), it removes the temporary file.
class AtomicFileWriter {
public:
    explicit AtomicFileWriter(std::string filePath);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    void write(const void* data, std::size_t size);
    void commit();

private:
    std::string m_filePath;
    std::string m_temporaryPath;
    std::ofstream m_stream;
    bool m_committed = false;
};

void writeTextFileAtomically(const std::string& filePath, const std::string& text);

/// A unique sibling path of `path` for temporary directories ("<path>.tmp-<random>").
std::string temporarySiblingPath(const std::string& path);

} // namespace raddraft::inference
