#pragma once
// Internal to viewer_dicom (not installed, not included by other areas): the one adapter between
// DCMTK and RadDraft. DCMTK reports failures through OFCondition and null pointers; everything here
// turns those into DicomError (naming the file) or into empty values, once.

#include "dicom/DicomError.h"
#include "dicom/StudyTree.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::dicom::detail {

/// Registers DCMTK's RLE, JPEG and JPEG-LS decoders and encoders and silences DCMTK's own logging
/// (our errors carry the reason; set RADDRAFT_DCMTK_LOG=1 to see DCMTK's messages). Thread-safe;
/// the work happens once per process.
void initialiseDcmtk();

/// Largest pixel payload RadDraft accepts for one file (4 GiB): anything above is treated as a
/// corrupt header rather than an allocation attempt.
constexpr std::uint64_t kMaxPixelDataBytes = std::uint64_t{4} << 30;

/// Loads a DICOM file (with or without preamble/meta header). Values longer than 4 KiB (pixel
/// data, big LUTs) stay on disk until asked for, so this is also the header-only read. Throws
/// DicomError for a missing, empty, non-DICOM, truncated or unparsable file. Never returns null.
std::unique_ptr<DcmFileFormat> loadDicomFile(const std::string& filePath, bool acceptFilesWithoutMetaHeader);

/// True when the file's first bytes look like DICOM (preamble + "DICM", or a raw dataset starting
/// with a group 0002/0008 tag). Cheap: reads 132 bytes.
bool looksLikeDicom(const std::string& filePath, bool acceptFilesWithoutMetaHeader);

/// All values of a string-like attribute joined by '\', trailing/leading spaces removed; empty when
/// absent or unreadable.
std::string stringValue(DcmItem& item, const DcmTagKey& tag);
/// Value `index` of a decimal/integer string or binary numeric attribute; empty when absent or not
/// a number.
std::optional<double> numberValue(DcmItem& item, const DcmTagKey& tag, unsigned long index = 0);
/// All numeric values of the attribute (DS/IS multi-valued, or US/SS/FL/FD); empty when absent.
std::vector<double> numberValues(DcmItem& item, const DcmTagKey& tag);

/// The transfer syntax the dataset was read in (EXS_Unknown when DCMTK could not tell).
E_TransferSyntax originalTransferSyntax(DcmFileFormat& file);

/// True for the transfer syntaxes PixelDecoder handles.
bool isSupportedTransferSyntax(E_TransferSyntax syntax);
/// True for JPEG 2000 (decoded by Jpeg2000Decoder, not by DCMTK).
bool isJpeg2000(E_TransferSyntax syntax);

/// Reads the patient/study/series/instance attributes and validates the image pixel module:
/// dimensions present, of the right VR and sane (no overflow, payload ≤ kMaxPixelDataBytes),
/// pixel data present, transfer syntax supported, native pixel data long enough.
/// Throws DicomError naming `filePath` otherwise.
InstanceHeader extractInstanceHeader(DcmFileFormat& file, const std::string& filePath);

/// Bytes one frame of native (uncompressed) pixel data occupies for this header, before padding;
/// BitsAllocated 1 frames are counted in bits and rounded up only for the whole payload.
std::uint64_t nativeFrameBytes(const InstanceInfo& info);
/// Bytes the whole native pixel payload needs (all frames, BitsAllocated 1 packed).
std::uint64_t nativePayloadBytes(const InstanceInfo& info);

/// "YBR_FULL_422" stores two samples per pixel on average (Y Y Cb Cr for each pair of pixels).
bool isSubsampled422(const std::string& photometric);

/// Splits a multi-valued string (values separated by '\\', PS3.5 6.4); empty values are kept.
std::vector<std::string> splitMultipleValues(const std::string& text);

} // namespace raddraft::dicom::detail
