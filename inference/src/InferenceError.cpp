#include "inference/InferenceError.h"

namespace raddraft::inference {

const char* errorCodeName(ErrorCode code) noexcept {
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::Io: return "io";
    case ErrorCode::CorruptBundle: return "corrupt_bundle";
    case ErrorCode::ChecksumMismatch: return "checksum_mismatch";
    case ErrorCode::MissingTensor: return "missing_tensor";
    case ErrorCode::UnknownTensor: return "unknown_tensor";
    case ErrorCode::ShapeMismatch: return "shape_mismatch";
    case ErrorCode::UnknownModelType: return "unknown_model_type";
    case ErrorCode::UnsupportedVersion: return "unsupported_version";
    case ErrorCode::DeviceUnavailable: return "device_unavailable";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Torch: return "torch";
    }
    return "unknown";
}

} // namespace raddraft::inference
