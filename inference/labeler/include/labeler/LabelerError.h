#pragma once
// The labeler library's one error type.

#include <stdexcept>
#include <string>

namespace raddraft::labeler {

/// Thrown for unreadable input (malformed CSV or JSONL, a missing column, a non-string field).
/// The message is one line, without the file name (the caller adds it). Nothing is partially
/// returned when it is thrown.
class LabelerError : public std::runtime_error {
public:
    explicit LabelerError(const std::string& message);
};

} // namespace raddraft::labeler
