#pragma once
// Internal to viewer_dicom: decodes one JPEG 2000 frame with OpenJPEG (Debian's DCMTK has no
// JPEG 2000 codec). Knows nothing about DICOM; PixelDecoder maps the result onto the header.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace raddraft::dicom::detail {

/// A decoded JPEG 2000 image: components interleaved, values as OpenJPEG gives them (already
/// inverse-transformed when the codestream used a multiple-component transform, i.e. RGB).
struct Jpeg2000Image {
    int width = 0;
    int height = 0;
    int components = 0;
    int precision = 0;        ///< bits per sample of component 0
    bool isSigned = false;    ///< signedness of component 0
    std::vector<std::int32_t> samples; ///< index = (row * width + column) * components + component
};

/// Decodes a J2K codestream (starts with FF 4F FF 51) or a JP2 file (starts with the JP2 signature
/// box). Throws std::runtime_error with a one-sentence reason when the data is not JPEG 2000, is
/// corrupt or truncated, or uses features we do not map (subsampled or differently sized components).
Jpeg2000Image decodeJpeg2000(const std::uint8_t* data, std::size_t size);

/// True when `data` starts like a J2K codestream or a JP2 file (used to find frame boundaries).
bool startsJpeg2000(const std::uint8_t* data, std::size_t size);

} // namespace raddraft::dicom::detail
