#pragma once
// A 3-D scalar image on a regular grid in patient coordinates: what the MPR layout shows.
// Plain C++ (no Qt, no VTK), immutable once built, so it can be built on a worker thread and
// shared between views as std::shared_ptr<const Volume>.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace raddraft::mpr {

/// A point or direction in DICOM patient coordinates (LPS: +x towards the patient's left,
/// +y posterior, +z superior), in millimetres.
using Vector3 = std::array<double, 3>;

/// A display window in the units of the voxel values (HU for CT).
struct WindowLevel {
    double center = 0.0;
    double width = 1.0; ///< > 0
};

/// How voxels are stored. Int16 when every value after the modality LUT is an integer in
/// [-32768, 32767] (the usual CT case, half the memory of Float32); Float32 otherwise (PET with
/// fractional slopes, 16-bit unsigned data above 32767, …).
enum class VoxelType { Int16, Float32 };

/// Voxel (i, j, k) lies at origin + i·spacing[0]·axis(0) + j·spacing[1]·axis(1) + k·spacing[2]·axis(2).
/// Index axis 0 runs along a DICOM row (Image Orientation's first vector), axis 1 down the columns
/// (its second vector), axis 2 along the slice normal (axis(0) × axis(1)), slices in ascending
/// position, so the frame is always right-handed and every spacing is positive.
/// Invariants established by VolumeBuilder: all dimensions ≥ 1, spacings > 0, `direction`
/// orthonormal with determinant +1, exactly one of the voxel vectors holds voxelCount() values.
struct Volume {
    std::array<int, 3> dimensions{};       ///< voxels along i (columns), j (rows), k (slices)
    std::array<double, 3> spacing{};       ///< mm between voxel centres along i, j, k
    Vector3 origin{};                      ///< patient position of the centre of voxel (0, 0, 0), mm
    /// Row-major 3×3; column c (elements c, 3 + c, 6 + c) is the patient direction of index axis c.
    std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};

    VoxelType voxelType = VoxelType::Int16;
    /// Values after the modality LUT (rescale slope/intercept or Modality LUT Sequence), laid out
    /// i fastest, then j, then k: index = (k·dimensions[1] + j)·dimensions[0] + i.
    std::vector<std::int16_t> int16Voxels; ///< used when voxelType == Int16, else empty
    std::vector<float> floatVoxels;        ///< used when voxelType == Float32, else empty

    std::string seriesInstanceUid;
    std::string seriesDescription;
    std::string modality;                  ///< "CT", "MR", … from the series
    std::string rescaleType;               ///< "HU" for CT when the files say so (may be empty)
    /// The first window stored in the first slice's file (Window Center/Width), if any.
    std::optional<WindowLevel> storedWindow;
    /// The file each slice came from: sliceFiles[k] is slice k.
    std::vector<std::string> sliceFiles;

    std::size_t voxelCount() const {
        return static_cast<std::size_t>(dimensions[0]) * dimensions[1] * dimensions[2];
    }
    std::size_t linearIndex(int i, int j, int k) const {
        return (static_cast<std::size_t>(k) * dimensions[1] + j) * dimensions[0] + i;
    }
    /// The value of voxel (i, j, k); indices must be inside the dimensions.
    double valueAt(int i, int j, int k) const;
    /// Unit patient direction of index axis 0, 1 or 2.
    Vector3 axis(int indexAxis) const;
    /// Patient position (mm) of the continuous index (i, j, k).
    Vector3 indexToPatient(const Vector3& index) const;
    /// Continuous index of a patient position; inverse of indexToPatient.
    Vector3 patientToIndex(const Vector3& patientPoint) const;
    /// The value of the voxel nearest to `patientPoint`, or nothing when it lies outside the volume
    /// (farther than half a voxel from the outermost voxel centres).
    std::optional<double> valueNearest(const Vector3& patientPoint) const;
    /// Smallest and largest voxel value ({0, 0} for an empty volume).
    std::array<double, 2> valueRange() const;
};

/// Why a series cannot be shown as a volume. what() reads
/// "Series "<description>" (<uid>) cannot be shown in 3-D: <reason>".
class VolumeError : public std::runtime_error {
public:
    enum class Kind {
        InconsistentGeometry, ///< slices of different size/orientation, gaps, tilt, too few, …
        UnsupportedImage,     ///< colour, multi-frame, plain PNG/JPEG, no geometry attributes
        DecodeFailed,         ///< a file could not be decoded (the DICOM layer's reason is kept)
        Cancelled,            ///< the caller's cancel flag was set; not a problem with the data
    };

    VolumeError(Kind kind, std::string seriesInstanceUid, std::string seriesDescription,
                std::string reason, std::string filePath = {});

    Kind kind() const noexcept { return m_kind; }
    const std::string& seriesInstanceUid() const noexcept { return m_seriesInstanceUid; }
    const std::string& seriesDescription() const noexcept { return m_seriesDescription; }
    /// One sentence naming the offending instance(s) and the exact problem, without the series.
    const std::string& reason() const noexcept { return m_reason; }
    /// The offending file when one is to blame (empty for e.g. "only 2 slices").
    const std::string& filePath() const noexcept { return m_filePath; }

private:
    Kind m_kind;
    std::string m_seriesInstanceUid;
    std::string m_seriesDescription;
    std::string m_reason;
    std::string m_filePath;
};

} // namespace raddraft::mpr
