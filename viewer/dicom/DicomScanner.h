#pragma once
// Finds images under a path and groups them into patients, studies and series.

#include "dicom/StudyTree.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace raddraft::dicom {

struct ScanOptions {
    /// Also accept files without the 128-byte preamble and "DICM" (raw dataset files).
    bool acceptFilesWithoutMetaHeader = true;
    /// Open PNG and JPEG files as single-image series (IU X-ray ships PNGs).
    bool acceptPlainImages = true;
    /// Called with (files done, files found) while scanning; may be empty.
    std::function<void(int, int)> progress;
    /// Set to true from another thread to stop early; what was found so far is returned.
    const std::atomic<bool>* cancel = nullptr;
};

/// Scans `path`: a single file, a folder (recursively), or a DICOMDIR (its referenced files are
/// read; a DICOMDIR found inside a folder is not read twice). Reads headers only. Never throws
/// for an individual bad file: its error goes into ScanResult::errors and scanning continues.
/// Throws DicomError only when `path` itself does not exist or cannot be listed.
ScanResult scanPath(const std::string& path, const ScanOptions& options = {});

/// Reads the header of one file (DICOM or plain image). Throws DicomError when it is not a
/// readable image (not DICOM, truncated, no pixel data, absurd dimensions, …).
InstanceInfo readInstanceHeader(const std::string& filePath, const ScanOptions& options = {});

/// Like readInstanceHeader, with the patient/study/series attributes the file carries.
InstanceHeader readFileHeader(const std::string& filePath, const ScanOptions& options = {});

/// True when `filePath` is a DICOMDIR (by name, or by its Media Storage SOP Class).
bool isDicomDir(const std::string& filePath);

/// The files a DICOMDIR references (absolute paths, each once, in record order). Throws DicomError
/// when the DICOMDIR cannot be read. Missing referenced files are returned too (scanning reports them).
std::vector<std::string> filesReferencedByDicomDir(const std::string& dicomDirPath);

} // namespace raddraft::dicom
