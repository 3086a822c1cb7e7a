#pragma once
// A decoded image as a report-generation model expects it (inference's preprocessing contract):
// windowed to [0, 1] with 1 = white — the VOI the image opens with (the file's window or VOI LUT,
// else the automatic window), MONOCHROME1 inverted, colour reduced to luminance.

#include "dicom/PixelDecoder.h"
#include "display/FrameRenderer.h"

#include <vector>

namespace raddraft::viewer {

struct UnitImage {
    std::vector<float> pixels; ///< row-major, top row first, width × height
    int width = 0;
    int height = 0;
};

/// Converts `frame` of `image` with `settings` (the viewer's settings: what the radiologist sees
/// is what the model sees). The user's inversion flag is ignored: models expect 1 = white.
UnitImage toUnitImage(const dicom::DecodedImage& image, int frame, const DisplaySettings& settings);

/// The same with the settings the image opens with (defaultDisplaySettings).
UnitImage toUnitImage(const dicom::DecodedImage& image, int frame = 0);

} // namespace raddraft::viewer
