#pragma once
// How a heatmap overlay is drawn; the user sets it once and it applies to every view.

#include "display/ColorMap.h"

#include <vector>

namespace raddraft::viewer {

struct OverlayStyle {
    bool filled = true;       ///< the colour map over the image
    bool contours = false;    ///< iso-lines at contourLevels × the map's maximum
    bool region = false;      ///< the area at or above regionLevel × maximum, with bounding boxes
    double opacity = 0.4;     ///< of the filled map, constant over the map, 0 … 1
    ColorMapKind colorMap = ColorMapKind::Turbo;
    std::vector<double> contourLevels{0.5, 0.7}; ///< fractions of the map's maximum
    double regionLevel = 0.7; ///< fraction of the maximum (the evaluation's IoU threshold)

    bool operator==(const OverlayStyle& other) const
    {
        return filled == other.filled && contours == other.contours && region == other.region &&
               opacity == other.opacity && colorMap == other.colorMap && contourLevels == other.contourLevels &&
               regionLevel == other.regionLevel;
    }
    bool operator!=(const OverlayStyle& other) const { return !(*this == other); }
};

} // namespace raddraft::viewer
