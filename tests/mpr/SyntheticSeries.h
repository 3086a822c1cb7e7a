#pragma once
// A synthetic CT series written as real DICOM files: an elliptic soft-tissue "body" (40 HU) in air
// (−1000 HU), a bright box (1000 HU) towards the patient's left, anterior and superior, and a
// small sphere (300 HU) towards the right, posterior and inferior. Stored values are HU + 1024
// (12 bits stored, Rescale Intercept −1024) unless the spec says otherwise.

#include "dicom/DicomWriter.h"
#include "dicom/StudyTree.h"

#include <array>
#include <functional>
#include <string>

namespace raddraft::mpr::test {

struct SyntheticSeriesSpec {
    int columns = 64;
    int rows = 64;
    int slices = 40;
    std::array<double, 2> pixelSpacing{0.8, 0.7}; ///< DICOM order: between rows, between columns
    double sliceSpacing = 2.5;
    std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};
    std::array<double, 3> firstPosition{-22.05, -25.2, -50.0}; ///< position of slice 0
    double rescaleSlope = 1.0;
    double rescaleIntercept = -1024.0;
    std::string seriesDescription = "Synthetic CT";
    /// Instances are written (and listed in the SeriesInfo) in a shuffled order from this seed;
    /// 0 keeps slice order.
    unsigned shuffleSeed = 7;
};

/// The box, in voxel indices of the written grid (inclusive).
constexpr std::array<int, 2> kBoxColumns{40, 52};
constexpr std::array<int, 2> kBoxRows{10, 22};
constexpr std::array<int, 2> kBoxSlices{24, 33};
constexpr int kBodyHu = 40;
constexpr int kAirHu = -1000;
constexpr int kBoxHu = 1000;
constexpr int kSphereHu = 300;

/// HU of the phantom at grid index (column, row, slice).
int phantomHu(int column, int row, int slice);

/// The stored value written for `hu` with the spec's slope/intercept.
std::uint16_t storedValueFor(int hu, const SyntheticSeriesSpec& spec);

/// Patient position of slice `slice`'s first pixel.
std::array<double, 3> slicePosition(const SyntheticSeriesSpec& spec, int slice);

/// The image for slice `slice` (pixels, geometry, CT Image Storage attributes).
dicom::DicomImageToWrite makeSliceImage(const SyntheticSeriesSpec& spec, int slice,
                                        const std::string& seriesInstanceUid);

/// Writes the series into `directory` (one file per slice, "slice-NNN.dcm" by slice index),
/// reads every file's header back with dicom::readInstanceHeader and returns the series with the
/// instances in the written (shuffled) order. `customize(slice, image)` may change a slice before
/// it is written. Throws dicom::DicomError when writing or reading fails.
dicom::SeriesInfo writeSeries(const std::string& directory, const SyntheticSeriesSpec& spec,
                              const std::function<void(int, dicom::DicomImageToWrite&)>& customize = {});

/// The index of the instance written for slice `slice` in a series returned by writeSeries.
std::size_t instanceIndexOfSlice(const dicom::SeriesInfo& series, int slice);

} // namespace raddraft::mpr::test
