#pragma once
// Renders a synthetic two-view chest radiograph (frontal PA and left lateral) for RadDraft's
// bundled sample study: thorax outline, lungs with vascular markings, heart and mediastinum,
// aortic knob, hemidiaphragms, ribs, clavicles, spine and sternum, with detector noise.
// Plain C++ (no Qt): it renders values; writing DICOM is the caller's job.

#include <cstdint>
#include <vector>

namespace raddraft::samples {

struct ChestSampleOptions {
    int columns = 1760;        ///< 35.2 cm at 0.2 mm
    int rows = 2140;           ///< 42.8 cm at 0.2 mm
    unsigned seed = 20261122;  ///< the same seed renders the same pixels
    int bitsStored = 12;       ///< output range 0 … 2^bits − 1
};

/// 12-bit (by default) MONOCHROME2 values, row-major, rows × columns: brighter = more attenuation.
std::vector<std::uint16_t> renderFrontalChest(const ChestSampleOptions& options);
std::vector<std::uint16_t> renderLateralChest(const ChestSampleOptions& options);

} // namespace raddraft::samples
