#pragma once
// The DICOM form of a phantom study's two views: DX images of a clearly synthetic patient with
// deterministic UIDs (the same seed and study id always give the same files).

#include "dicom/DicomWriter.h"
#include "phantom/PhantomRenderer.h"
#include "phantom/PhantomSpec.h"

#include <cstdint>
#include <string>

namespace raddraft::cli {

enum class PhantomView { Frontal, Lateral };

/// "2.25.<decimal>" where the decimal is a 128-bit hash of (setSeed, studyId, role): a valid UID
/// (PS3.5 B.2, at most 44 characters) that is reproducible and distinct per role ("study",
/// "series-frontal", "sop-lateral", …).
std::string phantomUid(std::uint64_t setSeed, const std::string& studyId, const std::string& role);

/// The Window Center/Width (LINEAR, PS3.3 C.11.2.1.2.1) under which a stored value v displays as
/// exactly v / 65535, i.e. the image the viewer opens equals the PNG / 65535 the trainer reads.
dicom::VoiWindow phantomUnitWindow();

/// One view as a Digital X-Ray (For Presentation) image: MONOCHROME2, 16 bits stored, PixelSpacing
/// and ImagerPixelSpacing, ViewPosition PA/AP (frontal, from the spec) or LL, no ImageLaterality
/// (a chest radiograph is unpaired), patient "PHANTOM^SYNTHETIC" with PatientID = the study id,
/// BodyPartExamined CHEST, descriptions saying the study is synthetic, both views in one study.
dicom::DicomImageToWrite phantomDicomImage(std::uint64_t setSeed, const phantom::StudySpec& spec,
                                           const phantom::PhantomImage& image, PhantomView view);

} // namespace raddraft::cli
