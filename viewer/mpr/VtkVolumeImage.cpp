#include "mpr/VtkVolumeImage.h"

#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkShortArray.h>

#include <stdexcept>

namespace raddraft::mpr {

namespace {

/// A scalar array that points at the volume's voxels. VTK's API takes non-const pointers; the
/// filters we feed (vtkImageReslice) only read their input, and save = 1 tells VTK not to free it.
vtkSmartPointer<vtkDataArray> sharedScalars(const Volume& volume) {
    const auto count = static_cast<vtkIdType>(volume.voxelCount());
    if (volume.voxelType == VoxelType::Int16) {
        auto array = vtkSmartPointer<vtkShortArray>::New();
        array->SetArray(const_cast<std::int16_t*>(volume.int16Voxels.data()), count, 1);
        array->SetName("voxels");
        return array;
    }
    auto array = vtkSmartPointer<vtkFloatArray>::New();
    array->SetArray(const_cast<float*>(volume.floatVoxels.data()), count, 1);
    array->SetName("voxels");
    return array;
}

vtkSmartPointer<vtkImageData> makeImage(const Volume& volume, vtkDataArray* scalars) {
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(volume.dimensions[0], volume.dimensions[1], volume.dimensions[2]);
    image->SetSpacing(volume.spacing[0], volume.spacing[1], volume.spacing[2]);
    image->GetPointData()->SetScalars(scalars);
    return image;
}

} // namespace

VtkVolumeImage::VtkVolumeImage(std::shared_ptr<const Volume> volume) : m_volume(std::move(volume)) {
    if (!m_volume) {
        throw std::invalid_argument("VtkVolumeImage: null volume");
    }
    m_valueRange = m_volume->valueRange();
    const vtkSmartPointer<vtkDataArray> scalars = sharedScalars(*m_volume);

    m_patientImage = makeImage(*m_volume, scalars);
    m_patientImage->SetOrigin(m_volume->origin[0], m_volume->origin[1], m_volume->origin[2]);
    m_patientImage->SetDirectionMatrix(m_volume->direction.data());

    m_gridImage = makeImage(*m_volume, scalars);
    m_gridImage->SetOrigin(0.0, 0.0, 0.0);
}

VtkVolumeImage::~VtkVolumeImage() = default;

vtkImageData* VtkVolumeImage::patientImage() const { return m_patientImage; }

vtkImageData* VtkVolumeImage::gridImage() const { return m_gridImage; }

} // namespace raddraft::mpr
