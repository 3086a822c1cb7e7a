#pragma once
// The detector and display chain of one view: signal-dependent quantum noise, the system blur
// (scintillator/focal spot), and the characteristic curve that maps density to 16-bit MONOCHROME2
// values (toe near air, linear mid-range, soft shoulder for bone and metal: nothing clips).

#include "Raster.h"
#include "View.h"

#include <cstdint>
#include <vector>

namespace raddraft::phantom::render {

struct ExposureSettings {
    double exposure = 1.0;      ///< > 1: more penetrated (darker) image, less noise
    double noiseSigma = 0.01;   ///< quantum noise after blur, fraction of full scale (mid-grey)
    double blurSigmaMm = 0.5;   ///< system blur
    std::uint64_t noiseSeed = 0;
};

/// Density → display value in [0, 1] (the characteristic curve, before 16-bit quantisation).
double displayValue(double density);

/// Noise, blur and characteristic curve in one streaming pass over `density` (a full view) into
/// `pixels` (resized to the view; existing storage is reused), row-major.
void exposeView(const Raster& density, const ViewSetup& view, const ExposureSettings& settings,
                std::vector<std::uint16_t>& pixels);

} // namespace raddraft::phantom::render
