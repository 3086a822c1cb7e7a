#pragma once
// Decodes the pixel data of one DICOM file (every transfer syntax RadDraft supports) or of a
// plain PNG/JPEG image into PixelData plus the transforms needed to display it.

#include "dicom/DicomError.h"
#include "dicom/PixelData.h"
#include "dicom/StudyTree.h"

#include <optional>
#include <string>

namespace raddraft::dicom {

struct DecodedImage {
    InstanceInfo info;            ///< header of the file the pixels came from
    PixelData pixels;
    ModalityTransform modality;
    VoiTransform voi;
    std::optional<PaletteLut> palette; ///< only for PALETTE COLOR
    /// Frame indices that were decoded; pixels.frames == decodedFrames.size().
    std::vector<int> decodedFrames;
};

struct DecodeOptions {
    /// Decode only this frame (0-based); all frames when empty.
    std::optional<int> frame;
};

/// Supported transfer syntaxes: implicit/explicit VR little endian, explicit big endian, deflated,
/// RLE lossless, JPEG baseline / extended / lossless (process 14 and SV1), JPEG-LS lossless and
/// near-lossless, JPEG 2000 (lossless and lossy, via OpenJPEG). Files without preamble or meta
/// header are read too. Throws DicomError (naming the file and the reason) on any failure;
/// never returns partially decoded pixels.
DecodedImage decodeFile(const std::string& filePath, const DecodeOptions& options = {});

/// Human-readable list of the supported transfer syntaxes (for --help and docs).
std::string supportedTransferSyntaxesDescription();

} // namespace raddraft::dicom
