#pragma once
// The one error type of RadDraft's DICOM layer. Every failure names the file and the reason, so
// a radiologist reading "RadDraft could not open …" knows which file and why.

#include <stdexcept>
#include <string>

namespace raddraft::dicom {

class DicomError : public std::runtime_error {
public:
    DicomError(std::string filePath, std::string reason)
        : std::runtime_error(filePath + ": " + reason), m_filePath(std::move(filePath)),
          m_reason(std::move(reason)) {}

    /// The file the error is about (as given by the caller, not canonicalised).
    const std::string& filePath() const noexcept { return m_filePath; }
    /// What went wrong, in one sentence without the path ("truncated: pixel data ends at byte …").
    const std::string& reason() const noexcept { return m_reason; }

private:
    std::string m_filePath;
    std::string m_reason;
};

} // namespace raddraft::dicom
