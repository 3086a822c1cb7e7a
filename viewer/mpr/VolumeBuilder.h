#pragma once
// Turns a DICOM series into a Volume, after checking that its slices really form one regular
// grid. Knows nothing of widgets: call it from a worker thread (QtConcurrent::run) and hand the
// result to MprView on the GUI thread.

#include "dicom/StudyTree.h"
#include "mpr/Volume.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace raddraft::mpr {

struct VolumeBuildOptions {
    /// Largest accepted difference of any Image Orientation (Patient) cosine between slices.
    double orientationTolerance = 1e-3;
    /// A gap between neighbouring slices is uniform when it differs from the series' typical gap
    /// (the median) by at most max(spacingAbsoluteToleranceMm, spacingRelativeTolerance × median).
    double spacingRelativeTolerance = 0.01;
    double spacingAbsoluteToleranceMm = 0.01;
    /// Largest accepted distance of a slice's Image Position from the line through the first
    /// slice's position along the slice normal, in pixels of that slice (gantry tilt, stacks of
    /// mixed series and shifted fields of view exceed it).
    double inPlaneOffsetToleranceInPixels = 0.1;
    /// Fewer slices than this is not a volume.
    int minimumSlices = 3;
    /// Called after each decoded slice with (slices done, slices in total); may be empty.
    /// Runs on the calling thread.
    std::function<void(int, int)> progress;
    /// Polled between slices; when it becomes true, fromSeries throws VolumeError::Kind::Cancelled.
    const std::atomic<bool>* cancel = nullptr;
};

/// The grid a consistent series defines, known from its headers alone.
struct SeriesGeometry {
    std::array<int, 3> dimensions{};      ///< columns, rows, slices
    std::array<double, 3> spacing{};      ///< mm along i, j, k; spacing[2] is the mean slice gap
    Vector3 origin{};                     ///< Image Position (Patient) of the first slice in space
    std::array<double, 9> direction{};    ///< as Volume::direction (orthonormalised)
    /// sliceOrder[k] is the index into SeriesInfo::instances of slice k (ascending along the normal,
    /// whatever order the instances were given in).
    std::vector<std::size_t> sliceOrder;
};

class VolumeBuilder {
public:
    /// Checks, from the headers only (fast, no pixel decoding), that `series` forms a volume:
    /// at least `minimumSlices` instances; every one a single-frame greyscale DICOM image with
    /// Image Position, Image Orientation and Pixel Spacing; all with the same rows, columns, pixel
    /// spacing and orientation (within tolerance); positions on one line along the slice normal,
    /// none twice, with uniform gaps (within tolerance).
    /// Throws VolumeError (InconsistentGeometry or UnsupportedImage) naming the offending
    /// instance(s) and the exact reason; the UI can then keep showing the series in 2-D.
    static SeriesGeometry checkGeometry(const dicom::SeriesInfo& series,
                                        const VolumeBuildOptions& options = {});

    /// checkGeometry, then decodes every slice with dicom::decodeFile and applies its modality LUT
    /// (each slice's own rescale slope/intercept or table). Voxels are Int16 when every value is
    /// an integer that fits, else Float32.
    /// Throws VolumeError: the kinds of checkGeometry; DecodeFailed (with the DICOM layer's reason)
    /// when a file cannot be decoded or its pixels disagree with its header; Cancelled when
    /// options.cancel is set. Never returns a partial volume.
    /// Thread-safe with respect to the GUI: touches no widget and no Qt object.
    static std::shared_ptr<const Volume> fromSeries(const dicom::SeriesInfo& series,
                                                    const VolumeBuildOptions& options = {});
};

} // namespace raddraft::mpr
