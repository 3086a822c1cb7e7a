#include "mpr/Volume.h"

#include <algorithm>
#include <cmath>

namespace raddraft::mpr {

double Volume::valueAt(int i, int j, int k) const {
    const std::size_t index = linearIndex(i, j, k);
    return voxelType == VoxelType::Int16 ? static_cast<double>(int16Voxels[index])
                                         : static_cast<double>(floatVoxels[index]);
}

Vector3 Volume::axis(int indexAxis) const {
    return {direction[indexAxis], direction[3 + indexAxis], direction[6 + indexAxis]};
}

Vector3 Volume::indexToPatient(const Vector3& index) const {
    Vector3 point = origin;
    for (int row = 0; row < 3; ++row) {
        for (int column = 0; column < 3; ++column) {
            point[row] += direction[3 * row + column] * spacing[column] * index[column];
        }
    }
    return point;
}

Vector3 Volume::patientToIndex(const Vector3& patientPoint) const {
    // direction is orthonormal, so its inverse is its transpose.
    Vector3 index{};
    for (int column = 0; column < 3; ++column) {
        double along = 0.0;
        for (int row = 0; row < 3; ++row) {
            along += direction[3 * row + column] * (patientPoint[row] - origin[row]);
        }
        index[column] = along / spacing[column];
    }
    return index;
}

std::optional<double> Volume::valueNearest(const Vector3& patientPoint) const {
    const Vector3 index = patientToIndex(patientPoint);
    std::array<int, 3> nearest{};
    for (int axisIndex = 0; axisIndex < 3; ++axisIndex) {
        const double rounded = std::floor(index[axisIndex] + 0.5);
        if (rounded < 0.0 || rounded > dimensions[axisIndex] - 1) {
            return std::nullopt;
        }
        nearest[axisIndex] = static_cast<int>(rounded);
    }
    return valueAt(nearest[0], nearest[1], nearest[2]);
}

std::array<double, 2> Volume::valueRange() const {
    if (voxelType == VoxelType::Int16) {
        if (int16Voxels.empty()) {
            return {0.0, 0.0};
        }
        const auto [low, high] = std::minmax_element(int16Voxels.begin(), int16Voxels.end());
        return {static_cast<double>(*low), static_cast<double>(*high)};
    }
    if (floatVoxels.empty()) {
        return {0.0, 0.0};
    }
    const auto [low, high] = std::minmax_element(floatVoxels.begin(), floatVoxels.end());
    return {static_cast<double>(*low), static_cast<double>(*high)};
}

namespace {

std::string describeSeries(const std::string& uid, const std::string& description) {
    std::string text = "Series";
    if (!description.empty()) {
        text += " \"" + description + "\"";
    }
    if (!uid.empty()) {
        text += " (" + uid + ")";
    }
    return text;
}

} // namespace

VolumeError::VolumeError(Kind kind, std::string seriesInstanceUid, std::string seriesDescription,
                         std::string reason, std::string filePath)
    : std::runtime_error(describeSeries(seriesInstanceUid, seriesDescription) +
                         " cannot be shown in 3-D: " + reason),
      m_kind(kind), m_seriesInstanceUid(std::move(seriesInstanceUid)),
      m_seriesDescription(std::move(seriesDescription)), m_reason(std::move(reason)),
      m_filePath(std::move(filePath)) {}

} // namespace raddraft::mpr
