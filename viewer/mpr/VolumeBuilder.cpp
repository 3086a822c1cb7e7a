#include "mpr/VolumeBuilder.h"

#include "dicom/PixelDecoder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

namespace raddraft::mpr {

namespace {

using dicom::InstanceInfo;
using dicom::SeriesInfo;

double dot(const Vector3& a, const Vector3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

Vector3 cross(const Vector3& a, const Vector3& b) {
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

double norm(const Vector3& a) { return std::sqrt(dot(a, a)); }

Vector3 scaled(const Vector3& a, double factor) { return {a[0] * factor, a[1] * factor, a[2] * factor}; }

Vector3 minus(const Vector3& a, const Vector3& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

std::string millimetres(double value) { return number(value) + " mm"; }

std::string fileName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// "instance 12 (IM0012.dcm)", or just the file name when the instance has no number.
std::string describe(const InstanceInfo& instance) {
    if (instance.instanceNumber != 0) {
        return "instance " + std::to_string(instance.instanceNumber) + " (" +
               fileName(instance.filePath) + ")";
    }
    return fileName(instance.filePath);
}

std::string orientationText(const std::array<double, 6>& cosines) {
    std::string text = "(";
    for (std::size_t index = 0; index < cosines.size(); ++index) {
        text += (index ? ", " : "") + number(cosines[index]);
    }
    return text + ")";
}

/// Everything that throws from here carries the series' identity.
class SeriesErrors {
public:
    explicit SeriesErrors(const SeriesInfo& series) : m_series(series) {}

    [[noreturn]] void fail(VolumeError::Kind kind, const std::string& reason,
                           const std::string& filePath = {}) const {
        throw VolumeError(kind, m_series.seriesInstanceUid, seriesDescription(), reason, filePath);
    }
    [[noreturn]] void inconsistent(const std::string& reason, const InstanceInfo& instance) const {
        fail(VolumeError::Kind::InconsistentGeometry, reason, instance.filePath);
    }
    [[noreturn]] void unsupported(const std::string& reason, const InstanceInfo& instance) const {
        fail(VolumeError::Kind::UnsupportedImage, reason, instance.filePath);
    }

    std::string seriesDescription() const {
        if (!m_series.description.empty() || m_series.instances.empty()) {
            return m_series.description;
        }
        return m_series.instances.front().seriesDescription;
    }

private:
    const SeriesInfo& m_series;
};

/// Index of the value most instances share (Boyer–Moore vote; `same` should be an equivalence,
/// which tolerance comparisons are for all practical data).
template <typename Same>
std::size_t majorityIndex(const std::vector<InstanceInfo>& instances, const Same& same) {
    std::size_t candidate = 0;
    std::size_t votes = 0;
    for (std::size_t index = 0; index < instances.size(); ++index) {
        if (votes == 0) {
            candidate = index;
            votes = 1;
        } else if (same(instances[candidate], instances[index])) {
            ++votes;
        } else {
            --votes;
        }
    }
    return candidate;
}

/// Element-wise comparison; tolerance(reference, value) gives the accepted difference.
template <std::size_t N, typename Tolerance>
bool sameValues(const std::array<double, N>& reference, const std::array<double, N>& values,
                const Tolerance& tolerance) {
    for (std::size_t index = 0; index < N; ++index) {
        if (std::abs(values[index] - reference[index]) > tolerance(reference[index], values[index])) {
            return false;
        }
    }
    return true;
}

void checkInstanceKind(const InstanceInfo& instance, const SeriesErrors& errors) {
    if (instance.isPlainImage) {
        errors.unsupported(describe(instance) + " is a plain image without DICOM geometry", instance);
    }
    if (instance.numberOfFrames != 1) {
        errors.unsupported(describe(instance) + " has " + std::to_string(instance.numberOfFrames) +
                               " frames; the 3-D view needs single-frame slices",
                           instance);
    }
    if (instance.samplesPerPixel != 1) {
        errors.unsupported(describe(instance) + " is a colour image (" +
                               std::to_string(instance.samplesPerPixel) +
                               " samples per pixel); the 3-D view needs greyscale slices",
                           instance);
    }
    if (!instance.imagePositionPatient) {
        errors.unsupported(describe(instance) + " has no Image Position (Patient) (0020,0032)", instance);
    }
    if (!instance.imageOrientationPatient) {
        errors.unsupported(describe(instance) + " has no Image Orientation (Patient) (0020,0037)",
                           instance);
    }
    if (!instance.pixelSpacing) {
        errors.unsupported(describe(instance) + " has no Pixel Spacing (0028,0030)", instance);
    }
    const auto& pixelSpacing = *instance.pixelSpacing;
    if (!(pixelSpacing[0] > 0.0) || !(pixelSpacing[1] > 0.0)) {
        errors.unsupported(describe(instance) + " has a non-positive Pixel Spacing (" +
                               number(pixelSpacing[0]) + ", " + number(pixelSpacing[1]) + ")",
                           instance);
    }
}

} // namespace

SeriesGeometry VolumeBuilder::checkGeometry(const SeriesInfo& series, const VolumeBuildOptions& options) {
    const SeriesErrors errors(series);
    const auto& instances = series.instances;
    if (instances.empty()) {
        errors.fail(VolumeError::Kind::InconsistentGeometry, "the series has no images");
    }
    for (const InstanceInfo& instance : instances) {
        checkInstanceKind(instance, errors);
    }
    const int sliceCount = static_cast<int>(instances.size());
    if (sliceCount < options.minimumSlices) {
        errors.fail(VolumeError::Kind::InconsistentGeometry,
                    "it has " + std::to_string(sliceCount) + (sliceCount == 1 ? " slice" : " slices") +
                        "; a volume needs at least " + std::to_string(options.minimumSlices));
    }

    // Every slice must match the others' size, orientation and pixel spacing. The reference is
    // the majority's value, so the message names the odd one out whatever the instance order.
    const std::size_t sizeReference = majorityIndex(instances, [](const InstanceInfo& a, const InstanceInfo& b) {
        return a.rows == b.rows && a.columns == b.columns;
    });
    const std::size_t orientationReference =
        majorityIndex(instances, [&options](const InstanceInfo& a, const InstanceInfo& b) {
            return sameValues(*a.imageOrientationPatient, *b.imageOrientationPatient,
                              [&options](double, double) { return options.orientationTolerance; });
        });
    const auto spacingTolerance = [&options](double a, double) {
        return std::max(options.spacingAbsoluteToleranceMm, options.spacingRelativeTolerance * a);
    };
    const std::size_t spacingReference =
        majorityIndex(instances, [&spacingTolerance](const InstanceInfo& a, const InstanceInfo& b) {
            return sameValues(*a.pixelSpacing, *b.pixelSpacing, spacingTolerance);
        });
    const InstanceInfo& first = instances[sizeReference];
    const InstanceInfo& orientationFirst = instances[orientationReference];
    const InstanceInfo& spacingFirst = instances[spacingReference];
    const auto& firstOrientation = *orientationFirst.imageOrientationPatient;
    const auto& firstSpacing = *spacingFirst.pixelSpacing;
    for (const InstanceInfo& instance : instances) {
        if (instance.rows != first.rows || instance.columns != first.columns) {
            errors.inconsistent(describe(instance) + " is " + std::to_string(instance.columns) + "×" +
                                    std::to_string(instance.rows) + " pixels but " + describe(first) +
                                    " is " + std::to_string(first.columns) + "×" +
                                    std::to_string(first.rows),
                                instance);
        }
        const auto& orientation = *instance.imageOrientationPatient;
        if (!sameValues(orientation, firstOrientation,
                        [&options](double, double) { return options.orientationTolerance; })) {
            errors.inconsistent(describe(instance) + " has Image Orientation " + orientationText(orientation) +
                                    " but " + describe(orientationFirst) + " has " +
                                    orientationText(firstOrientation),
                                instance);
        }
        const auto& spacing = *instance.pixelSpacing;
        if (!sameValues(firstSpacing, spacing, spacingTolerance)) {
            errors.inconsistent(describe(instance) + " has Pixel Spacing " + number(spacing[0]) + "\\" +
                                    number(spacing[1]) + " but " + describe(spacingFirst) + " has " +
                                    number(firstSpacing[0]) + "\\" + number(firstSpacing[1]),
                                instance);
        }
    }

    // The frame: row direction, column direction, and their cross product as the slice normal.
    Vector3 rowDirection{firstOrientation[0], firstOrientation[1], firstOrientation[2]};
    Vector3 columnDirection{firstOrientation[3], firstOrientation[4], firstOrientation[5]};
    const double rowLength = norm(rowDirection);
    const double columnLength = norm(columnDirection);
    if (std::abs(rowLength - 1.0) > 0.01 || std::abs(columnLength - 1.0) > 0.01 ||
        std::abs(dot(rowDirection, columnDirection)) > 0.01) {
        errors.inconsistent(describe(orientationFirst) + " has Image Orientation " +
                                orientationText(firstOrientation) +
                                ", which is not two perpendicular unit vectors",
                            orientationFirst);
    }
    // Orthonormalise (stored cosines carry a few digits only) so the direction matrix inverts
    // exactly by transposition.
    rowDirection = scaled(rowDirection, 1.0 / rowLength);
    columnDirection = minus(columnDirection, scaled(rowDirection, dot(columnDirection, rowDirection)));
    columnDirection = scaled(columnDirection, 1.0 / norm(columnDirection));
    const Vector3 normal = cross(rowDirection, columnDirection);

    // Sort by position along the normal, whatever order the caller had.
    std::vector<double> along(instances.size());
    for (std::size_t index = 0; index < instances.size(); ++index) {
        along[index] = dot(*instances[index].imagePositionPatient, normal);
    }
    std::vector<std::size_t> order(instances.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return along[a] < along[b]; });

    // Collinear: every position on the line through the first one along the normal.
    const InstanceInfo& lowest = instances[order.front()];
    const Vector3& lowestPosition = *lowest.imagePositionPatient;
    const double offsetTolerance =
        std::max(options.spacingAbsoluteToleranceMm,
                 options.inPlaneOffsetToleranceInPixels * std::min(firstSpacing[0], firstSpacing[1]));
    for (std::size_t index : order) {
        const InstanceInfo& instance = instances[index];
        const Vector3 offset = minus(minus(*instance.imagePositionPatient, lowestPosition),
                                     scaled(normal, along[index] - along[order.front()]));
        const double distance = norm(offset);
        if (distance > offsetTolerance) {
            errors.inconsistent(describe(instance) + " is " + millimetres(distance) +
                                    " off the line through " + describe(lowest) +
                                    " along the slice normal (gantry tilt, or slices of different "
                                    "stacks); at most " +
                                    millimetres(offsetTolerance) + " is accepted",
                                instance);
        }
    }

    // Uniform spacing, against the median gap so that one missing slice stands out.
    std::vector<double> gaps(order.size() - 1);
    for (std::size_t k = 0; k + 1 < order.size(); ++k) {
        gaps[k] = along[order[k + 1]] - along[order[k]];
    }
    std::vector<double> sortedGaps = gaps;
    std::nth_element(sortedGaps.begin(), sortedGaps.begin() + sortedGaps.size() / 2, sortedGaps.end());
    const double typicalGap = sortedGaps[sortedGaps.size() / 2];
    const double gapTolerance =
        std::max(options.spacingAbsoluteToleranceMm, options.spacingRelativeTolerance * typicalGap);
    for (std::size_t k = 0; k < gaps.size(); ++k) {
        const InstanceInfo& below = instances[order[k]];
        const InstanceInfo& above = instances[order[k + 1]];
        if (gaps[k] <= gapTolerance) {
            errors.inconsistent(describe(below) + " and " + describe(above) +
                                    " are at the same position along the slice normal (" +
                                    millimetres(along[order[k]]) + ")",
                                above);
        }
        if (std::abs(gaps[k] - typicalGap) > gapTolerance) {
            errors.inconsistent("the gap between " + describe(below) + " and " + describe(above) +
                                    " is " + millimetres(gaps[k]) + " but the other slices are " +
                                    millimetres(typicalGap) + " apart" +
                                    (gaps[k] > typicalGap ? " (a missing slice?)" : ""),
                                above);
        }
    }

    SeriesGeometry geometry;
    geometry.dimensions = {first.columns, first.rows, sliceCount};
    // PixelSpacing is (between rows, between columns): index axis i steps between columns.
    geometry.spacing = {firstSpacing[1], firstSpacing[0],
                        (along[order.back()] - along[order.front()]) / (sliceCount - 1)};
    geometry.origin = lowestPosition;
    for (int row = 0; row < 3; ++row) {
        geometry.direction[3 * row + 0] = rowDirection[row];
        geometry.direction[3 * row + 1] = columnDirection[row];
        geometry.direction[3 * row + 2] = normal[row];
    }
    geometry.sliceOrder = std::move(order);
    return geometry;
}

namespace {

bool fitsInt16(const std::vector<float>& values) {
    return std::all_of(values.begin(), values.end(), [](float value) {
        return value >= std::numeric_limits<std::int16_t>::min() &&
               value <= std::numeric_limits<std::int16_t>::max() && std::nearbyint(value) == value;
    });
}

} // namespace

std::shared_ptr<const Volume> VolumeBuilder::fromSeries(const SeriesInfo& series,
                                                        const VolumeBuildOptions& options) {
    const SeriesErrors errors(series);
    const SeriesGeometry geometry = checkGeometry(series, options);

    auto volume = std::make_shared<Volume>();
    volume->dimensions = geometry.dimensions;
    volume->spacing = geometry.spacing;
    volume->origin = geometry.origin;
    volume->direction = geometry.direction;
    volume->seriesInstanceUid = series.seriesInstanceUid;
    volume->seriesDescription = errors.seriesDescription();
    volume->modality = series.modality.empty() ? series.instances.front().modality : series.modality;
    volume->voxelType = VoxelType::Int16;
    volume->int16Voxels.resize(volume->voxelCount());

    const int sliceCount = geometry.dimensions[2];
    const std::size_t sliceSize = static_cast<std::size_t>(geometry.dimensions[0]) * geometry.dimensions[1];
    for (int k = 0; k < sliceCount; ++k) {
        if (options.cancel && options.cancel->load()) {
            errors.fail(VolumeError::Kind::Cancelled, "loading was cancelled");
        }
        const InstanceInfo& instance = series.instances[geometry.sliceOrder[static_cast<std::size_t>(k)]];
        dicom::DecodedImage decoded;
        try {
            decoded = dicom::decodeFile(instance.filePath);
        } catch (const dicom::DicomError& error) {
            errors.fail(VolumeError::Kind::DecodeFailed,
                        describe(instance) + " could not be decoded: " + error.reason(),
                        instance.filePath);
        }
        // The header was read earlier; the file may have changed since, so check what was decoded.
        const dicom::PixelData& pixels = decoded.pixels;
        if (pixels.frames != 1 || pixels.samplesPerPixel != 1 || pixels.rows != geometry.dimensions[1] ||
            pixels.columns != geometry.dimensions[0]) {
            errors.fail(VolumeError::Kind::DecodeFailed,
                        describe(instance) + " decoded to " + std::to_string(pixels.frames) + " frame(s) of " +
                            std::to_string(pixels.columns) + "×" + std::to_string(pixels.rows) + "×" +
                            std::to_string(pixels.samplesPerPixel) + " samples, which disagrees with its header",
                        instance.filePath);
        }
        if (pixels.photometric != "MONOCHROME1" && pixels.photometric != "MONOCHROME2") {
            errors.unsupported(describe(instance) + " has photometric interpretation " + pixels.photometric +
                                   "; the 3-D view needs MONOCHROME1 or MONOCHROME2",
                               instance);
        }
        const std::vector<float> values = dicom::applyModalityTransform(pixels, decoded.modality);

        if (volume->voxelType == VoxelType::Int16 && !fitsInt16(values)) {
            // Promote what was stored so far; int16 → float is exact.
            volume->floatVoxels.assign(volume->int16Voxels.begin(), volume->int16Voxels.end());
            volume->int16Voxels = {};
            volume->voxelType = VoxelType::Float32;
        }
        const std::size_t offset = static_cast<std::size_t>(k) * sliceSize;
        if (volume->voxelType == VoxelType::Int16) {
            std::transform(values.begin(), values.end(), volume->int16Voxels.begin() + static_cast<std::ptrdiff_t>(offset),
                           [](float value) { return static_cast<std::int16_t>(value); });
        } else {
            std::copy(values.begin(), values.end(), volume->floatVoxels.begin() + static_cast<std::ptrdiff_t>(offset));
        }

        if (k == 0) {
            volume->rescaleType = decoded.modality.rescaleType;
            for (const dicom::VoiWindow& window : decoded.voi.windows) {
                if (window.width > 0.0) {
                    volume->storedWindow = WindowLevel{window.center, window.width};
                    break;
                }
            }
        }
        volume->sliceFiles.push_back(instance.filePath);
        if (options.progress) {
            options.progress(k + 1, sliceCount);
        }
    }
    return volume;
}

} // namespace raddraft::mpr
