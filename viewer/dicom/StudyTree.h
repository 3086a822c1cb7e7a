#pragma once
// The patient → study → series → instance hierarchy of what was opened, built from headers only
// (pixel data is decoded later, on demand, by PixelDecoder).

#include "dicom/DicomError.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::dicom {

/// One image object: a DICOM instance (one or more frames) or a plain PNG/JPEG file.
struct InstanceInfo {
    std::string filePath;            ///< absolute path of the file that holds it
    bool isPlainImage = false;       ///< PNG/JPEG opened as a single-image series (no DICOM header)
    std::string sopInstanceUid;
    std::string sopClassUid;
    std::string studyInstanceUid;    ///< copied from the study level (empty for plain images)
    std::string seriesInstanceUid;   ///< copied from the series level
    std::string transferSyntaxUid;   ///< empty for plain images
    std::string modality;            ///< "DX", "CR", "CT", …; "OT" for plain images
    std::string photometricInterpretation; ///< as stored ("MONOCHROME2", "YBR_FULL_422", …)
    int instanceNumber = 0;          ///< 0 when absent
    int rows = 0;
    int columns = 0;
    int numberOfFrames = 1;
    int samplesPerPixel = 1;
    int bitsAllocated = 0;
    int bitsStored = 0;
    bool pixelRepresentationSigned = false;
    int planarConfiguration = 0;     ///< (0028,0006) as stored: 0 interleaved, 1 colour-by-plane
    std::string viewPosition;        ///< (0018,5101) "PA", "AP", "LL", "LATERAL", … (may be empty)
    std::string imageLaterality;     ///< (0020,0062)
    std::string seriesDescription;   ///< copied for convenience when the series has none
    /// (0020,0032) position of the first transmitted pixel's centre, mm.
    std::optional<std::array<double, 3>> imagePositionPatient;
    /// (0020,0037) row direction cosines then column direction cosines.
    std::optional<std::array<double, 6>> imageOrientationPatient;
    /// (0028,0030) PixelSpacing: {row spacing (between rows, mm), column spacing (mm)}.
    std::optional<std::array<double, 2>> pixelSpacing;
    /// (0018,1164) ImagerPixelSpacing, used when PixelSpacing is absent (projection radiography).
    std::optional<std::array<double, 2>> imagerPixelSpacing;
    std::optional<double> sliceThickness; ///< (0018,0050), mm
    std::string acquisitionDate;     ///< YYYYMMDD or empty
    std::string contentDate;
};

struct SeriesInfo {
    std::string seriesInstanceUid;
    int seriesNumber = 0;
    std::string modality;
    std::string description;
    std::string bodyPartExamined;
    /// Sorted: by InstanceNumber; when all instances share one orientation and have positions,
    /// by position along the slice normal instead (so stacks and volumes come out in space order).
    std::vector<InstanceInfo> instances;
};

struct StudyInfo {
    std::string studyInstanceUid;
    std::string studyDate;           ///< YYYYMMDD
    std::string studyTime;
    std::string studyDescription;
    std::string accessionNumber;
    std::string referringPhysician;
    std::vector<SeriesInfo> series;  ///< sorted by SeriesNumber, then UID
};

struct PatientInfo {
    std::string patientId;
    std::string patientName;         ///< DICOM PN as stored ("Doe^Jane")
    std::string birthDate;
    std::string sex;
    std::vector<StudyInfo> studies;  ///< sorted by date, newest first
};

/// What scanning a path found: every readable image, and for each file that could not be read, an
/// error naming it. A bad file never prevents the other files from loading.
struct ScanResult {
    std::vector<PatientInfo> patients;
    std::vector<DicomError> errors;
    int filesExamined = 0;

    /// Convenience: all series of all studies of all patients, in tree order.
    std::vector<const SeriesInfo*> allSeries() const;
    /// The study with this UID, or nullptr.
    const StudyInfo* findStudy(const std::string& studyInstanceUid) const;
};

/// One file's header with the patient-, study- and series-level attributes it carries: what
/// grouping needs. `patient.studies`, `study.series` and `series.instances` are left empty.
struct InstanceHeader {
    PatientInfo patient;
    StudyInfo study;
    SeriesInfo series;
    InstanceInfo instance;
};

/// Groups headers into patients (by PatientID, then name) → studies (by StudyInstanceUID) →
/// series (by SeriesInstanceUID), with every level sorted as documented on the structs above.
/// Attributes of a level come from its first header that has them non-empty.
std::vector<PatientInfo> buildStudyTree(std::vector<InstanceHeader> headers);

/// Sorts a series' instances in place: by position along the slice normal when every instance has
/// a position and all share one orientation (within 1e-4), else by InstanceNumber; ties are broken
/// by InstanceNumber, then file path, so the order is deterministic.
void sortInstances(std::vector<InstanceInfo>& instances);

} // namespace raddraft::dicom
