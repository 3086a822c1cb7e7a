#pragma once
// The training library's one error type.

#include <stdexcept>
#include <string>

namespace raddraft::training {

/// Thrown when training cannot start or go on: a bad configuration key or value (the message
/// names the key), an unusable dataset (names the file or record), a checkpoint that does not
/// match the run being resumed, an I/O failure (names the file), or a LibTorch failure. what() is
/// one line. A failure never leaves a half-written bundle, checkpoint or curve file behind: each
/// is written under a temporary name and renamed into place.
class TrainingError : public std::runtime_error {
public:
    explicit TrainingError(const std::string& message);
};

} // namespace raddraft::training
