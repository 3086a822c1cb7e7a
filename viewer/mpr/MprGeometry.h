#pragma once
// The geometry of the three MPR planes, in plain C++: which patient direction points right and up
// on screen, where the samples of each plane lie, and the vtkImageReslice axes that produce them.
// Everything here is in patient coordinates (LPS, mm); MprSliceView only adds the screen mapping.

#include "mpr/Volume.h"

#include <array>
#include <string>

namespace raddraft::mpr {

enum class MprPlane { Axial, Coronal, Sagittal };

/// "Axial", "Coronal", "Sagittal" (untranslated, for logs and object names).
const char* planeName(MprPlane plane);

/// Screen directions of a plane, radiological convention: axial seen from the feet (patient's
/// left on screen right, anterior up), coronal seen from the front (left on the right, superior
/// up), sagittal seen from the patient's left (anterior on the left, superior up).
struct PlaneAxes {
    Vector3 right{};      ///< unit patient direction that points to the right on screen
    Vector3 up{};         ///< unit patient direction that points up on screen
    Vector3 normal{};     ///< right × up
    int rightAxis = 0;    ///< patient axis (0 = x, 1 = y, 2 = z) `right` runs along
    int upAxis = 1;       ///< patient axis `up` runs along
    int normalAxis = 2;   ///< patient axis the plane moves along when scrolling
};

PlaneAxes planeAxes(MprPlane plane);

/// The patient-aligned grid the three planes sample: it spans the volume's voxel centres and
/// steps, along each patient axis, by the spacing of the volume axis closest to it. For the usual
/// axis-aligned acquisition (axial CT, sagittal MR, head- or feet-first) the samples are exactly
/// the voxel centres, so nothing is interpolated.
struct SamplingGrid {
    Vector3 minimum{};               ///< patient coordinates of the first sample along x, y, z
    std::array<double, 3> step{};    ///< mm between samples along x, y, z (> 0)
    std::array<int, 3> count{};      ///< samples along x, y, z (≥ 1)

    static SamplingGrid forVolume(const Volume& volume);

    double coordinate(int axis, int index) const { return minimum[axis] + index * step[axis]; }
    /// Index of the sample nearest to `coordinate` along `axis`, clamped to the grid.
    int nearestIndex(int axis, double coordinate) const;
    /// The sample nearest to `point` (each coordinate clamped to the grid, then rounded).
    Vector3 snap(const Vector3& point) const;
    /// The sample nearest to the middle of the grid.
    Vector3 center() const;
};

/// What one plane shows for a given crosshair: an image of countRight × countUp samples; sample
/// (a, b) lies at origin + a·stepRight·axes.right + b·stepUp·axes.up, sample (0, 0) at the
/// bottom-left of the screen. The image always spans the whole volume, so only the position along
/// the normal changes when the crosshair moves.
struct SliceFrame {
    PlaneAxes axes;
    Vector3 origin{};       ///< patient position of sample (0, 0), on the plane through the crosshair
    double stepRight = 1.0; ///< mm between samples to the right
    double stepUp = 1.0;    ///< mm between samples upwards
    int countRight = 1;
    int countUp = 1;
    int sliceIndex = 0;     ///< index of the plane along the normal axis, in + patient direction
    int sliceCount = 1;

    /// Millimetres right of and above sample (0, 0) of `point` projected onto the plane.
    std::array<double, 2> planeCoordinates(const Vector3& point) const;
    /// The patient point `right` mm right of and `up` mm above sample (0, 0), on the plane.
    Vector3 patientPoint(double right, double up) const;
};

SliceFrame sliceFrame(MprPlane plane, const SamplingGrid& grid, const Vector3& crosshair);

/// Row-major 4×4 ResliceAxes for vtkImageReslice reading VtkVolumeImage::gridImage() with output
/// origin (0, 0, 0), spacing (stepRight, stepUp, 1) and extent (0, countRight−1, 0, countUp−1, 0, 0):
/// output sample (a, b) is then taken at patient point frame.patientPoint(a·stepRight, b·stepUp).
std::array<double, 16> resliceAxes(const SliceFrame& frame, const Volume& volume);

/// The orientation letters of a patient direction, strongest component first: "L" for +x, "R" for
/// −x, "P"/"A" for ±y, "S"/"I" for ±z; components under 0.25 are left out ("LA" for a 45° oblique).
std::string orientationLabel(const Vector3& direction);

} // namespace raddraft::mpr
