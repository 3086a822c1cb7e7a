#include "mpr/MprGeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace raddraft::mpr {

const char* planeName(MprPlane plane) {
    switch (plane) {
    case MprPlane::Axial: return "Axial";
    case MprPlane::Coronal: return "Coronal";
    case MprPlane::Sagittal: return "Sagittal";
    }
    return "";
}

PlaneAxes planeAxes(MprPlane plane) {
    PlaneAxes axes;
    switch (plane) {
    case MprPlane::Axial:
        axes.right = {1, 0, 0};
        axes.up = {0, -1, 0};
        axes.rightAxis = 0;
        axes.upAxis = 1;
        axes.normalAxis = 2;
        break;
    case MprPlane::Coronal:
        axes.right = {1, 0, 0};
        axes.up = {0, 0, 1};
        axes.rightAxis = 0;
        axes.upAxis = 2;
        axes.normalAxis = 1;
        break;
    case MprPlane::Sagittal:
        axes.right = {0, 1, 0};
        axes.up = {0, 0, 1};
        axes.rightAxis = 1;
        axes.upAxis = 2;
        axes.normalAxis = 0;
        break;
    }
    const Vector3& r = axes.right;
    const Vector3& u = axes.up;
    axes.normal = {r[1] * u[2] - r[2] * u[1], r[2] * u[0] - r[0] * u[2], r[0] * u[1] - r[1] * u[0]};
    return axes;
}

SamplingGrid SamplingGrid::forVolume(const Volume& volume) {
    SamplingGrid grid;
    Vector3 low{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                std::numeric_limits<double>::max()};
    Vector3 high{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest(),
                 std::numeric_limits<double>::lowest()};
    // The eight outermost voxel centres bound the volume.
    for (int corner = 0; corner < 8; ++corner) {
        const Vector3 index{(corner & 1) ? volume.dimensions[0] - 1.0 : 0.0,
                            (corner & 2) ? volume.dimensions[1] - 1.0 : 0.0,
                            (corner & 4) ? volume.dimensions[2] - 1.0 : 0.0};
        const Vector3 point = volume.indexToPatient(index);
        for (int axis = 0; axis < 3; ++axis) {
            low[axis] = std::min(low[axis], point[axis]);
            high[axis] = std::max(high[axis], point[axis]);
        }
    }
    for (int axis = 0; axis < 3; ++axis) {
        // The volume axis most parallel to this patient axis sets the step.
        int closest = 0;
        for (int indexAxis = 1; indexAxis < 3; ++indexAxis) {
            if (std::abs(volume.direction[3 * axis + indexAxis]) >
                std::abs(volume.direction[3 * axis + closest])) {
                closest = indexAxis;
            }
        }
        grid.step[axis] = volume.spacing[closest];
        grid.minimum[axis] = low[axis];
        // The small epsilon keeps an exact multiple (the aligned case) from losing its last sample
        // to rounding.
        grid.count[axis] = static_cast<int>(std::floor((high[axis] - low[axis]) / grid.step[axis] + 1e-6)) + 1;
    }
    return grid;
}

int SamplingGrid::nearestIndex(int axis, double value) const {
    const double index = std::floor((value - minimum[axis]) / step[axis] + 0.5);
    return static_cast<int>(std::clamp(index, 0.0, static_cast<double>(count[axis] - 1)));
}

Vector3 SamplingGrid::snap(const Vector3& point) const {
    Vector3 snapped{};
    for (int axis = 0; axis < 3; ++axis) {
        snapped[axis] = coordinate(axis, nearestIndex(axis, point[axis]));
    }
    return snapped;
}

Vector3 SamplingGrid::center() const {
    Vector3 middle{};
    for (int axis = 0; axis < 3; ++axis) {
        middle[axis] = coordinate(axis, (count[axis] - 1) / 2);
    }
    return middle;
}

std::array<double, 2> SliceFrame::planeCoordinates(const Vector3& point) const {
    std::array<double, 2> coordinates{};
    for (int axis = 0; axis < 3; ++axis) {
        const double offset = point[axis] - origin[axis];
        coordinates[0] += offset * axes.right[axis];
        coordinates[1] += offset * axes.up[axis];
    }
    return coordinates;
}

Vector3 SliceFrame::patientPoint(double right, double up) const {
    Vector3 point{};
    for (int axis = 0; axis < 3; ++axis) {
        point[axis] = origin[axis] + right * axes.right[axis] + up * axes.up[axis];
    }
    return point;
}

SliceFrame sliceFrame(MprPlane plane, const SamplingGrid& grid, const Vector3& crosshair) {
    SliceFrame frame;
    frame.axes = planeAxes(plane);
    const PlaneAxes& axes = frame.axes;
    frame.stepRight = grid.step[axes.rightAxis];
    frame.stepUp = grid.step[axes.upAxis];
    frame.countRight = grid.count[axes.rightAxis];
    frame.countUp = grid.count[axes.upAxis];
    frame.sliceCount = grid.count[axes.normalAxis];
    frame.sliceIndex = grid.nearestIndex(axes.normalAxis, crosshair[axes.normalAxis]);

    // Sample (0, 0) sits at the grid's end that the right/up directions point away from.
    const auto firstSample = [&grid](int axis, double sign) {
        return sign > 0 ? grid.coordinate(axis, 0) : grid.coordinate(axis, grid.count[axis] - 1);
    };
    frame.origin[axes.rightAxis] = firstSample(axes.rightAxis, axes.right[axes.rightAxis]);
    frame.origin[axes.upAxis] = firstSample(axes.upAxis, axes.up[axes.upAxis]);
    frame.origin[axes.normalAxis] = grid.coordinate(axes.normalAxis, frame.sliceIndex);
    return frame;
}

std::array<double, 16> resliceAxes(const SliceFrame& frame, const Volume& volume) {
    // Grid coordinates q = Dᵀ (p − origin): (Dᵀ v)_c = Σ_r D[r][c] v[r].
    const auto toGrid = [&volume](const Vector3& vector) {
        Vector3 result{};
        for (int column = 0; column < 3; ++column) {
            for (int row = 0; row < 3; ++row) {
                result[column] += volume.direction[3 * row + column] * vector[row];
            }
        }
        return result;
    };
    const Vector3 right = toGrid(frame.axes.right);
    const Vector3 up = toGrid(frame.axes.up);
    const Vector3 normal = toGrid(frame.axes.normal);
    const Vector3 translation = toGrid({frame.origin[0] - volume.origin[0], frame.origin[1] - volume.origin[1],
                                        frame.origin[2] - volume.origin[2]});
    std::array<double, 16> matrix{};
    for (int row = 0; row < 3; ++row) {
        matrix[4 * row + 0] = right[row];
        matrix[4 * row + 1] = up[row];
        matrix[4 * row + 2] = normal[row];
        matrix[4 * row + 3] = translation[row];
    }
    matrix[15] = 1.0;
    return matrix;
}

std::string orientationLabel(const Vector3& direction) {
    static constexpr char positive[3] = {'L', 'P', 'S'};
    static constexpr char negative[3] = {'R', 'A', 'I'};
    std::array<int, 3> order{0, 1, 2};
    std::stable_sort(order.begin(), order.end(),
                     [&direction](int a, int b) { return std::abs(direction[a]) > std::abs(direction[b]); });
    std::string label;
    for (int axis : order) {
        if (std::abs(direction[axis]) >= 0.25) {
            label += direction[axis] > 0 ? positive[axis] : negative[axis];
        }
    }
    return label;
}

} // namespace raddraft::mpr
