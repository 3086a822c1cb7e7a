#include "SyntheticSeries.h"

#include "dicom/DicomScanner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <random>
#include <stdexcept>

namespace raddraft::mpr::test {

int phantomHu(int column, int row, int slice) {
    if (column >= kBoxColumns[0] && column <= kBoxColumns[1] && row >= kBoxRows[0] && row <= kBoxRows[1] &&
        slice >= kBoxSlices[0] && slice <= kBoxSlices[1]) {
        return kBoxHu;
    }
    const double dx = column - 16.0;
    const double dy = row - 44.0;
    const double dz = (slice - 10.0) * 2.5 / 0.75; // roughly round in mm
    if (dx * dx + dy * dy + dz * dz <= 16.0) {
        return kSphereHu;
    }
    const double ex = (column - 31.5) / 28.0;
    const double ey = (row - 31.5) / 24.0;
    return ex * ex + ey * ey <= 1.0 ? kBodyHu : kAirHu;
}

std::uint16_t storedValueFor(int hu, const SyntheticSeriesSpec& spec) {
    return static_cast<std::uint16_t>(std::lround((hu - spec.rescaleIntercept) / spec.rescaleSlope));
}

std::array<double, 3> slicePosition(const SyntheticSeriesSpec& spec, int slice) {
    const auto& o = spec.orientation;
    const std::array<double, 3> normal{o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5],
                                       o[0] * o[4] - o[1] * o[3]};
    std::array<double, 3> position{};
    for (int axis = 0; axis < 3; ++axis) {
        position[axis] = spec.firstPosition[axis] + slice * spec.sliceSpacing * normal[axis];
    }
    return position;
}

dicom::DicomImageToWrite makeSliceImage(const SyntheticSeriesSpec& spec, int slice,
                                        const std::string& seriesInstanceUid) {
    dicom::DicomImageToWrite image;
    dicom::PixelData& pixels = image.pixels;
    pixels.frames = 1;
    pixels.rows = spec.rows;
    pixels.columns = spec.columns;
    pixels.samplesPerPixel = 1;
    pixels.format = dicom::SampleFormat::UInt16;
    pixels.bitsStored = 12;
    pixels.photometric = "MONOCHROME2";
    pixels.bytes.resize(pixels.frameSizeInBytes());
    for (int row = 0; row < spec.rows; ++row) {
        for (int column = 0; column < spec.columns; ++column) {
            const std::uint16_t value = storedValueFor(phantomHu(column, row, slice), spec);
            std::memcpy(pixels.bytes.data() + (static_cast<std::size_t>(row) * spec.columns + column) * 2,
                        &value, sizeof value);
        }
    }
    image.sopClassUid = "1.2.840.10008.5.1.4.1.1.2"; // CT Image Storage
    image.modality = "CT";
    image.patientName = "Phantom^Synthetic";
    image.patientId = "MPR0001";
    image.studyInstanceUid = "1.2.826.0.1.3680043.10.1234.1";
    image.seriesInstanceUid = seriesInstanceUid;
    image.seriesDescription = spec.seriesDescription;
    image.seriesNumber = 3;
    image.instanceNumber = slice + 1;
    image.pixelSpacing = spec.pixelSpacing;
    image.imageOrientationPatient = spec.orientation;
    image.imagePositionPatient = slicePosition(spec, slice);
    image.sliceThickness = spec.sliceSpacing;
    image.rescaleSlope = spec.rescaleSlope;
    image.rescaleIntercept = spec.rescaleIntercept;
    image.rescaleType = "HU";
    return image;
}

dicom::SeriesInfo writeSeries(const std::string& directory, const SyntheticSeriesSpec& spec,
                              const std::function<void(int, dicom::DicomImageToWrite&)>& customize) {
    std::vector<int> order(static_cast<std::size_t>(spec.slices));
    std::iota(order.begin(), order.end(), 0);
    if (spec.shuffleSeed != 0) {
        std::mt19937 generator(spec.shuffleSeed);
        std::shuffle(order.begin(), order.end(), generator);
    }
    dicom::SeriesInfo series;
    series.seriesInstanceUid = dicom::generateUid();
    series.seriesNumber = 3;
    series.modality = "CT";
    series.description = spec.seriesDescription;
    for (int slice : order) {
        dicom::DicomImageToWrite image = makeSliceImage(spec, slice, series.seriesInstanceUid);
        if (customize) {
            customize(slice, image);
        }
        char name[32];
        std::snprintf(name, sizeof name, "/slice-%03d.dcm", slice);
        const std::string path = directory + name;
        dicom::writeDicomFile(path, image);
        series.instances.push_back(dicom::readInstanceHeader(path));
    }
    return series;
}

std::size_t instanceIndexOfSlice(const dicom::SeriesInfo& series, int slice) {
    char name[32];
    std::snprintf(name, sizeof name, "/slice-%03d.dcm", slice);
    for (std::size_t index = 0; index < series.instances.size(); ++index) {
        const std::string& path = series.instances[index].filePath;
        if (path.size() >= std::strlen(name) && path.compare(path.size() - std::strlen(name), std::string::npos, name) == 0) {
            return index;
        }
    }
    throw std::out_of_range("no instance for slice " + std::to_string(slice));
}

} // namespace raddraft::mpr::test
