#pragma once
// app_dataset_io's one error type.

#include <stdexcept>
#include <string>

namespace raddraft::dataset_io {

/// Thrown when a dataset image or mask cannot be used: missing, not decodable by Qt, or (masks)
/// not a binary greyscale image. what() is one line, "FILE: REASON".
class DatasetImageError : public std::runtime_error {
public:
    DatasetImageError(const std::string& file, const std::string& reason);

    const std::string& file() const noexcept { return m_file; }
    const std::string& reason() const noexcept { return m_reason; }

private:
    std::string m_file;
    std::string m_reason;
};

} // namespace raddraft::dataset_io
