#pragma once
// The one place where a Volume becomes vtkImageData.

#include "mpr/Volume.h"

#include <vtkSmartPointer.h>

#include <array>
#include <memory>

class vtkImageData;

namespace raddraft::mpr {

/// vtkImageData views of a Volume that share its voxel memory (no copy) and keep the Volume alive:
/// hold this object for as long as anything renders from its images. The images must be treated
/// as read-only (the voxels belong to a const Volume).
class VtkVolumeImage {
public:
    /// `volume` must not be null.
    explicit VtkVolumeImage(std::shared_ptr<const Volume> volume);
    ~VtkVolumeImage();
    VtkVolumeImage(const VtkVolumeImage&) = delete;
    VtkVolumeImage& operator=(const VtkVolumeImage&) = delete;

    const Volume& volume() const { return *m_volume; }
    const std::shared_ptr<const Volume>& sharedVolume() const { return m_volume; }
    /// Volume::valueRange(), computed once here (it reads every voxel).
    const std::array<double, 2>& valueRange() const { return m_valueRange; }

    /// Origin, spacing and direction matrix in patient coordinates (LPS, mm):
    /// TransformIndexToPhysicalPoint agrees with Volume::indexToPatient.
    vtkImageData* patientImage() const;

    /// The same voxels with origin (0, 0, 0) and an identity direction: "grid coordinates"
    /// q = spacing ⊙ index. VTK 9.1's vtkImageReslice ignores direction matrices, so reslicing
    /// is set up in these coordinates (see resliceAxesFor in MprGeometry.h), which stays correct
    /// when a later VTK starts honouring them.
    vtkImageData* gridImage() const;

private:
    // Declared first so that it is destroyed last, after the images that point into it.
    std::shared_ptr<const Volume> m_volume;
    std::array<double, 2> m_valueRange{};
    vtkSmartPointer<vtkImageData> m_patientImage;
    vtkSmartPointer<vtkImageData> m_gridImage;
};

} // namespace raddraft::mpr
