#pragma once
// The one error type of RadDraft's inference library. Every failure that leaves the library is an
// InferenceError: a code the caller can branch on, plus a message that names the file (when there
// is one) and the reason. LibTorch's own c10::Error never crosses the library boundary; it is
// caught inside and reported with code Torch.

#include <stdexcept>
#include <string>

namespace raddraft::inference {

enum class ErrorCode {
    InvalidArgument,   ///< a caller-supplied value is out of range (empty image, beam 0, ...)
    Io,                ///< a file could not be read or written (missing, permission, disk full)
    CorruptBundle,     ///< a bundle file is malformed: bad JSON, truncated tensor data, bad header
    ChecksumMismatch,  ///< a weights file's SHA-256 differs from the manifest
    MissingTensor,     ///< the module has a parameter/buffer the weights file lacks
    UnknownTensor,     ///< the weights file has a tensor the module does not have
    ShapeMismatch,     ///< a tensor's shape or dtype does not fit the module
    UnknownModelType,  ///< manifest names a model type that is not registered
    UnsupportedVersion,///< manifest format version newer than this library understands
    DeviceUnavailable, ///< CUDA requested but not available in this build / on this machine
    Cancelled,         ///< the caller's cancellation token was set; no result was produced
    Torch,             ///< LibTorch raised an error (message carries its text)
};

/// Short stable name of a code ("checksum_mismatch"), used in logs and the CLI.
const char* errorCodeName(ErrorCode code) noexcept;

class InferenceError : public std::runtime_error {
public:
    InferenceError(ErrorCode code, const std::string& message)
        : std::runtime_error(std::string(errorCodeName(code)) + ": " + message), m_code(code) {}
    /// With a file: the message reads "<code>: <file>: <reason>".
    InferenceError(ErrorCode code, const std::string& filePath, const std::string& reason)
        : InferenceError(code, filePath + ": " + reason) {}

    ErrorCode code() const noexcept { return m_code; }

private:
    ErrorCode m_code;
};

/// Thrown by Pipeline::run when its CancellationToken is set. Nothing was produced.
class CancelledError : public InferenceError {
public:
    CancelledError() : InferenceError(ErrorCode::Cancelled, "inference cancelled by the caller") {}
};

} // namespace raddraft::inference
