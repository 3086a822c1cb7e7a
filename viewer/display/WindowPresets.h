#pragma once
// The windows a user can pick for an image: the file's own, full range, automatic, and the CT
// presets (OHIF's values) for CT images.

#include "dicom/PixelDecoder.h"
#include "display/FrameRenderer.h"

#include <QString>

#include <vector>

namespace raddraft::viewer {

struct WindowPreset {
    QString name;              ///< translated, shown in menus and the corner annotation
    DisplaySettings settings;  ///< invert is left false; the viewport keeps its own
};

/// Presets in menu order. Keys 1…9 select them in this order.
/// Monochrome: the file's windows and VOI LUTs (one each), "Full range", "Automatic" (0.5–99.5th
/// percentile of the frame), then for CT "Soft tissue 40/400", "Lung −600/1500", "Bone 480/2500",
/// "Brain 40/80". Colour: "Full range" only.
std::vector<WindowPreset> windowPresetsFor(const dicom::DecodedImage& image, int frame);

/// What an image opens with: the file's first window or VOI LUT, else soft tissue for CT, else
/// the automatic window.
DisplaySettings defaultDisplaySettings(const dicom::DecodedImage& image, int frame);
/// The same, choosing among `presets` already computed by windowPresetsFor (saves a histogram).
DisplaySettings defaultDisplaySettings(const dicom::DecodedImage& image, const std::vector<WindowPreset>& presets);

} // namespace raddraft::viewer
