#pragma once
// Value statistics of one frame, for automatic windows and the "full range" preset.

#include "dicom/PixelData.h"

#include <cstdint>
#include <utility>

namespace raddraft::viewer {

struct FrameStatistics {
    std::int64_t minimum = 0;  ///< smallest stored value present
    std::int64_t maximum = 0;  ///< largest stored value present
    std::int64_t lowPercentile = 0;  ///< stored value at the low percentile
    std::int64_t highPercentile = 0; ///< stored value at the high percentile
};

/// Computes min/max and the stored values at `lowFraction` / `highFraction` of the cumulative
/// histogram (e.g. 0.005 and 0.995), over the first sample of each pixel of `frame`.
FrameStatistics computeFrameStatistics(const dicom::PixelData& pixels, int frame,
                                       double lowFraction = 0.005, double highFraction = 0.995);

} // namespace raddraft::viewer
