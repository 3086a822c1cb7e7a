#pragma once
// The datasets library's one error type.

#include <stdexcept>
#include <string>

namespace raddraft::datasets {

/// Thrown when a dataset cannot be read: a missing or unreadable annotation file, invalid JSON, a
/// malformed entry, an unknown split, a duplicate id. what() is one line, "FILE: REASON". Nothing
/// is partially returned when it is thrown.
class DatasetError : public std::runtime_error {
public:
    DatasetError(const std::string& file, const std::string& reason);

    const std::string& file() const noexcept { return file_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    std::string file_;
    std::string reason_;
};

} // namespace raddraft::datasets
