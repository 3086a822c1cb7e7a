#pragma once
// A rendered synthetic chest view as a DX image ready for dicom::writeDicomFile: pixels, modality,
// SOP class, view position and body part. Callers add patient, study and geometry tags.

#include "ChestSampleRenderer.h"
#include "dicom/DicomWriter.h"

namespace raddraft::samples {

enum class ChestView { Frontal, Lateral };

/// Renders `view` with `options` (16 bits allocated, options.bitsStored stored, MONOCHROME2) as a
/// Digital X-Ray Image Storage – For Presentation image with ViewPosition PA or LL.
dicom::DicomImageToWrite renderChestImage(const ChestSampleOptions& options, ChestView view);

} // namespace raddraft::samples
