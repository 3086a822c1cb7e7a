#pragma once
// Writes NumPy .npy files (format version 1.0), atomically: the data goes to a temporary file in
// the target's folder that is renamed into place only when complete, so a failure never leaves a
// partial or stale-looking output behind.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace raddraft::cli {

/// Writes `byteCount` bytes of C-ordered array data with dtype `descr` ("<u2", "|u1", "<f4", …)
/// and the given shape. Throws std::runtime_error with a one-line reason on any I/O failure.
void writeNpyFile(const std::string& filePath, const std::string& descr, const std::vector<std::size_t>& shape,
                  const void* data, std::size_t byteCount);

} // namespace raddraft::cli
