#pragma once
// Internal to viewer_dicom: PNG and JPEG files opened as single-image "OT" series through Qt's
// image readers (IU X-ray and many teaching sets ship PNGs).

#include "dicom/PixelDecoder.h"
#include "dicom/StudyTree.h"

#include <string>

namespace raddraft::dicom::detail {

/// True when the file starts with a PNG or JPEG signature (and not a DICOM preamble).
bool isPlainImageFile(const std::string& filePath);

/// Header only (size and colour type from the image header, no pixel decoding). The patient and
/// study are empty; the series UID is derived from the path so each file is its own series.
/// Throws DicomError when Qt cannot read the header.
InstanceHeader readPlainImageHeader(const std::string& filePath);

/// Decodes the image: 8- or 16-bit grey stays grey (MONOCHROME2), everything else becomes 8-bit
/// RGB (alpha dropped). Throws DicomError when Qt cannot decode it.
DecodedImage decodePlainImage(const std::string& filePath, const DecodeOptions& options);

} // namespace raddraft::dicom::detail
