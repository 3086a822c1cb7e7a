#pragma once
// Writes one image as a DICOM file: for tests, the sample-study generator and benchmarks, and for
// exporting derived images. Built on DCMTK's encoders, so what it writes is what a PACS would accept.

#include "dicom/DicomError.h"
#include "dicom/PixelData.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::dicom {

/// Transfer syntaxes the writer can encode (all lossless: the written values decode back exactly).
enum class WriteTransferSyntax {
    ExplicitLittleEndian,         ///< 1.2.840.10008.1.2.1 (default)
    ImplicitLittleEndian,         ///< 1.2.840.10008.1.2
    ExplicitBigEndian,            ///< 1.2.840.10008.1.2.2 (retired, still found in archives)
    DeflatedExplicitLittleEndian, ///< 1.2.840.10008.1.2.1.99
    RleLossless,                  ///< 1.2.840.10008.1.2.5
    JpegLosslessSV1,              ///< 1.2.840.10008.1.2.4.70 (process 14, selection value 1)
    JpegLsLossless,               ///< 1.2.840.10008.1.2.4.80
};

/// Every WriteTransferSyntax value, for loops in tests.
const std::vector<WriteTransferSyntax>& allWriteTransferSyntaxes();
/// Short stable name ("explicit-le", "jpeg-lossless-sv1", …) for test names and command lines.
const char* writeTransferSyntaxName(WriteTransferSyntax syntax);
/// The transfer syntax UID written into the file.
const char* writeTransferSyntaxUid(WriteTransferSyntax syntax);

/// What to write. Empty strings are written as empty (Type 2) or left out (Type 3) attributes;
/// empty UIDs are generated with dcmGenerateUniqueIdentifier.
struct DicomImageToWrite {
    /// The pixels, in PixelData's layout (frames, rows, columns, samples interleaved, native byte
    /// order). `format` gives Bits Allocated (8/16/32) and Pixel Representation (signed or not);
    /// `bitsStored` ≤ Bits Allocated; values must already fit in `bitsStored` (they are written as
    /// given). `photometric`: "MONOCHROME1", "MONOCHROME2" (samplesPerPixel 1) or "RGB" (3).
    PixelData pixels;
    /// For RGB: how the samples are stored in the file (0 colour-by-pixel, 1 colour-by-plane).
    /// Honoured by the native syntaxes and RLE; JPEG and JPEG-LS always write 0 (their codestreams
    /// define the component layout). The input `pixels` are always colour-by-pixel.
    int planarConfiguration = 0;

    std::string patientName = "Anonymous^Patient";
    std::string patientId = "RD000000";
    std::string patientBirthDate;      ///< YYYYMMDD
    std::string patientSex;            ///< "M", "F", "O" or empty
    std::string studyInstanceUid;      ///< generated when empty
    std::string seriesInstanceUid;     ///< generated when empty
    std::string sopInstanceUid;        ///< generated when empty
    std::string sopClassUid = "1.2.840.10008.5.1.4.1.1.7"; ///< default: Secondary Capture Image Storage
    std::string studyDate;             ///< YYYYMMDD
    std::string studyTime;             ///< HHMMSS
    std::string studyDescription;
    std::string seriesDescription;
    std::string accessionNumber;
    std::string modality = "OT";
    std::string bodyPartExamined;
    std::string viewPosition;          ///< "PA", "AP", "LL", …
    std::string imageLaterality;
    int seriesNumber = 1;
    int instanceNumber = 1;

    std::optional<std::array<double, 2>> pixelSpacing;        ///< row spacing, column spacing (mm)
    std::optional<std::array<double, 2>> imagerPixelSpacing;  ///< (0018,1164)
    std::optional<std::array<double, 3>> imagePositionPatient;
    std::optional<std::array<double, 6>> imageOrientationPatient;
    std::optional<double> sliceThickness;

    /// Written as Rescale Slope/Intercept/Type when set.
    std::optional<double> rescaleSlope;
    std::optional<double> rescaleIntercept;
    std::string rescaleType;
    /// Window Center/Width pairs (multi-valued when more than one), with explanations.
    std::vector<VoiWindow> windows;
};

struct DicomWriteOptions {
    WriteTransferSyntax transferSyntax = WriteTransferSyntax::ExplicitLittleEndian;
    /// false writes a bare dataset (no preamble, no meta header): such files exist in the wild.
    bool writeMetaHeader = true;
};

/// Writes `image` to `filePath` atomically: the file is written under a temporary name in the same
/// folder and renamed into place, so readers never see half a file and a failure leaves nothing
/// behind. Throws DicomError (naming `filePath`) when the image is inconsistent (sizes, bits,
/// photometric), the syntax cannot encode it (JPEG/JPEG-LS: Bits Allocated 8/16 only; big endian:
/// not 32-bit), encoding fails, or the file cannot be written.
void writeDicomFile(const std::string& filePath, const DicomImageToWrite& image, const DicomWriteOptions& options = {});

/// A new globally unique DICOM UID (DCMTK's generator, RadDraft is not a registered root).
std::string generateUid();

} // namespace raddraft::dicom
