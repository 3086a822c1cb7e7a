#include "dicom/DcmtkSupport.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvr.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace raddraft::dicom::detail {

namespace fs = std::filesystem;

void initialiseDcmtk()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (std::getenv("RADDRAFT_DCMTK_LOG") == nullptr)
            OFLog::configure(OFLogger::OFF_LOG_LEVEL);
        DcmRLEDecoderRegistration::registerCodecs();
        DcmRLEEncoderRegistration::registerCodecs();
        // Decoders convert YBR to RGB where the photometric interpretation says so (pydicom's
        // convention for the pixel array) and always return colour-by-pixel, which is our layout.
        DJDecoderRegistration::registerCodecs(EDC_photometricInterpretation, EUC_never, EPC_colorByPixel);
        DJEncoderRegistration::registerCodecs(ECC_lossyYCbCr, EUC_never);
        DJLSDecoderRegistration::registerCodecs(EJLSUC_never, EJLSPC_colorByPixel);
        // Raw (not "cooked") JPEG-LS encoding: the stored bit patterns go to CharLS unchanged,
        // which is what lossless means for signed data and for BitsStored < BitsAllocated.
        DJLSEncoderRegistration::registerCodecs(0, 0, 0, 0, OFFalse, 0, OFTrue, EJLSUC_never);
    });
}

bool looksLikeDicom(const std::string& filePath, bool acceptFilesWithoutMetaHeader)
{
    std::ifstream stream(filePath, std::ios::binary);
    unsigned char head[132] = {};
    stream.read(reinterpret_cast<char*>(head), sizeof head);
    const std::streamsize got = stream.gcount();
    if (got == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M')
        return true;
    if (!acceptFilesWithoutMetaHeader || got < 8)
        return false;
    // A raw dataset starts with its lowest tag: group 0002 (meta without preamble) or 0008
    // (identifying attributes), in either byte order. Anything else is not worth handing to DCMTK,
    // whose auto-detection would happily "parse" a PNG.
    const unsigned littleGroup = head[0] | (head[1] << 8u);
    const unsigned bigGroup = (head[0] << 8u) | head[1];
    auto plausible = [](unsigned group) { return group == 0x0002 || group == 0x0008; };
    return plausible(littleGroup) || plausible(bigGroup);
}

namespace {

std::string describeLoadFailure(const OFCondition& status)
{
    if (status == EC_StreamNotifyClient || status == EC_PrematureSequDelimitationItem)
        return std::string("truncated or corrupt: parsing ran past the end of the file (DCMTK: ") + status.text() + ")";
    if (status == EC_InvalidVR)
        return std::string("corrupt: invalid value representation (DCMTK: ") + status.text() + ")";
    return std::string("not readable as DICOM (DCMTK: ") + status.text() + ")";
}

} // namespace

std::unique_ptr<DcmFileFormat> loadDicomFile(const std::string& filePath, bool acceptFilesWithoutMetaHeader)
{
    initialiseDcmtk();
    std::error_code error;
    const fs::file_status status = fs::status(filePath, error);
    if (error || !fs::exists(status))
        throw DicomError(filePath, "file does not exist");
    if (!fs::is_regular_file(status))
        throw DicomError(filePath, "not a regular file");
    const auto size = fs::file_size(filePath, error);
    if (error)
        throw DicomError(filePath, "cannot read file size: " + error.message());
    if (size == 0)
        throw DicomError(filePath, "empty file");
    if (!looksLikeDicom(filePath, acceptFilesWithoutMetaHeader))
        throw DicomError(filePath, "not a DICOM file (no \"DICM\" at byte 128 and no dataset start)");

    auto file = std::make_unique<DcmFileFormat>();
    // Values longer than 4 KiB stay on disk until asked for: a header scan never reads pixel data,
    // and the decoder reads it once, straight into the element it then converts from.
    const Uint32 maxReadLength = 4096;
    const OFCondition loaded = file->loadFile(filePath.c_str(), EXS_Unknown, EGL_noChange, maxReadLength,
                                              acceptFilesWithoutMetaHeader ? ERM_autoDetect : ERM_fileOnly);
    if (loaded.bad()) {
        // A transfer syntax DCMTK cannot parse is the more useful reason than the parse error.
        DcmMetaInfo meta;
        if (meta.loadFile(filePath.c_str()).good()) {
            const std::string uid = stringValue(meta, DCM_TransferSyntaxUID);
            const DcmXfer syntax(uid.c_str());
            if (!uid.empty() && !isSupportedTransferSyntax(syntax.getXfer())) {
                const char* name = dcmFindNameOfUID(uid.c_str());
                throw DicomError(filePath, "unsupported transfer syntax " + uid + (name ? std::string(" (") + name + ")" : std::string()));
            }
        }
        throw DicomError(filePath, describeLoadFailure(loaded));
    }
    if (file->getDataset() == nullptr)
        throw DicomError(filePath, "no dataset in file");
    return file;
}

namespace {

std::string trimmed(std::string text)
{
    auto isPadding = [](unsigned char c) { return std::isspace(c) || c == '\0'; };
    while (!text.empty() && isPadding(static_cast<unsigned char>(text.back())))
        text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && isPadding(static_cast<unsigned char>(text[start])))
        ++start;
    return text.substr(start);
}

std::optional<double> parseNumber(const std::string& text)
{
    const std::string value = trimmed(text);
    if (value.empty())
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double number = std::strtod(value.c_str(), &end);
    if (end != value.c_str() + value.size() || errno == ERANGE || !std::isfinite(number))
        return std::nullopt;
    return number;
}

std::string tagName(const DcmTagKey& tag)
{
    DcmTag dictionaryTag(tag);
    return std::string(dictionaryTag.getTagName()) + " " + tag.toString().c_str();
}

} // namespace

std::string stringValue(DcmItem& item, const DcmTagKey& tag)
{
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).bad())
        return {};
    return trimmed(std::string(value.c_str(), value.length()));
}

std::optional<double> numberValue(DcmItem& item, const DcmTagKey& tag, unsigned long index)
{
    OFString value;
    if (item.findAndGetOFString(tag, value, index).bad())
        return std::nullopt;
    return parseNumber(std::string(value.c_str(), value.length()));
}

std::vector<double> numberValues(DcmItem& item, const DcmTagKey& tag)
{
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || element == nullptr)
        return {};
    std::vector<double> values;
    const unsigned long count = element->getVM();
    for (unsigned long i = 0; i < count; ++i) {
        OFString text;
        if (element->getOFString(text, i).bad())
            return {};
        const std::optional<double> number = parseNumber(std::string(text.c_str(), text.length()));
        if (!number)
            return {};
        values.push_back(*number);
    }
    return values;
}

E_TransferSyntax originalTransferSyntax(DcmFileFormat& file)
{
    DcmDataset* dataset = file.getDataset();
    return dataset == nullptr ? EXS_Unknown : dataset->getOriginalXfer();
}

bool isJpeg2000(E_TransferSyntax syntax)
{
    return syntax == EXS_JPEG2000LosslessOnly || syntax == EXS_JPEG2000;
}

bool isSupportedTransferSyntax(E_TransferSyntax syntax)
{
    switch (syntax) {
    case EXS_LittleEndianImplicit:
    case EXS_LittleEndianExplicit:
    case EXS_BigEndianExplicit:
    case EXS_DeflatedLittleEndianExplicit:
    case EXS_RLELossless:
    case EXS_JPEGProcess1:
    case EXS_JPEGProcess2_4:
    case EXS_JPEGProcess14:
    case EXS_JPEGProcess14SV1:
    case EXS_JPEGLSLossless:
    case EXS_JPEGLSLossy:
    case EXS_JPEG2000LosslessOnly:
    case EXS_JPEG2000:
        return true;
    default:
        return false;
    }
}

bool isSubsampled422(const std::string& photometric)
{
    return photometric == "YBR_FULL_422" || photometric == "YBR_PARTIAL_422";
}

std::uint64_t nativeFrameBytes(const InstanceInfo& info)
{
    const std::uint64_t pixels = static_cast<std::uint64_t>(info.rows) * static_cast<std::uint64_t>(info.columns);
    if (info.bitsAllocated == 1)
        return (pixels * static_cast<std::uint64_t>(info.samplesPerPixel) + 7) / 8;
    const std::uint64_t bytesPerSampleValue = static_cast<std::uint64_t>(info.bitsAllocated) / 8;
    if (isSubsampled422(info.photometricInterpretation))
        return pixels * 2 * bytesPerSampleValue;
    return pixels * static_cast<std::uint64_t>(info.samplesPerPixel) * bytesPerSampleValue;
}

std::uint64_t nativePayloadBytes(const InstanceInfo& info)
{
    const std::uint64_t frames = static_cast<std::uint64_t>(info.numberOfFrames);
    if (info.bitsAllocated == 1) {
        // Frames of single-bit data are packed back to back without byte alignment.
        const std::uint64_t bits = static_cast<std::uint64_t>(info.rows) * static_cast<std::uint64_t>(info.columns)
                                   * static_cast<std::uint64_t>(info.samplesPerPixel) * frames;
        return (bits + 7) / 8;
    }
    return nativeFrameBytes(info) * frames;
}

namespace {

/// Reads a required or optional US attribute, rejecting a wrong VR instead of guessing.
std::optional<int> unsignedShort(DcmItem& item, const DcmTagKey& tag, const std::string& filePath, bool required)
{
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || element == nullptr) {
        if (required)
            throw DicomError(filePath, "missing " + tagName(tag));
        return std::nullopt;
    }
    const DcmEVR vr = element->ident();
    if (vr != EVR_US && vr != EVR_SS && vr != EVR_xs) {
        throw DicomError(filePath, "wrong VR: " + tagName(tag) + " has VR " + DcmVR(vr).getVRName()
                                       + ", expected US");
    }
    if (element->getVM() < 1) {
        if (required)
            throw DicomError(filePath, "empty " + tagName(tag));
        return std::nullopt;
    }
    if (vr == EVR_SS) {
        Sint16 value = 0;
        if (element->getSint16(value).bad())
            throw DicomError(filePath, "unreadable " + tagName(tag));
        return value;
    }
    Uint16 value = 0;
    if (element->getUint16(value).bad())
        throw DicomError(filePath, "unreadable " + tagName(tag));
    return value;
}

template <std::size_t N>
std::optional<std::array<double, N>> fixedNumbers(DcmItem& item, const DcmTagKey& tag)
{
    const std::vector<double> values = numberValues(item, tag);
    if (values.size() != N)
        return std::nullopt;
    std::array<double, N> result{};
    std::copy(values.begin(), values.end(), result.begin());
    return result;
}

bool checkedMultiply(std::uint64_t a, std::uint64_t b, std::uint64_t& result)
{
    return !__builtin_mul_overflow(a, b, &result);
}

std::string transferSyntaxDescription(DcmFileFormat& file, E_TransferSyntax syntax)
{
    std::string uid;
    if (DcmMetaInfo* meta = file.getMetaInfo())
        uid = stringValue(*meta, DCM_TransferSyntaxUID);
    if (uid.empty() && syntax != EXS_Unknown)
        uid = DcmXfer(syntax).getXferID();
    const char* name = uid.empty() ? nullptr : dcmFindNameOfUID(uid.c_str());
    return (uid.empty() ? std::string("unknown") : uid) + (name ? std::string(" (") + name + ")" : std::string());
}

void validatePixelModule(DcmDataset& dataset, DcmFileFormat& file, InstanceInfo& info, E_TransferSyntax syntax)
{
    const std::string& path = info.filePath;
    DcmElement* pixelElement = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, pixelElement).bad() || pixelElement == nullptr) {
        if (dataset.tagExists(DCM_FloatPixelData) || dataset.tagExists(DCM_DoubleFloatPixelData))
            throw DicomError(path, "float pixel data is not supported");
        const char* className = info.sopClassUid.empty() ? nullptr : dcmFindNameOfUID(info.sopClassUid.c_str());
        throw DicomError(path, "no pixel data: not an image (SOP class "
                                   + (className ? std::string(className) : info.sopClassUid.empty() ? std::string("unknown") : info.sopClassUid)
                                   + ")");
    }

    info.rows = *unsignedShort(dataset, DCM_Rows, path, true);
    info.columns = *unsignedShort(dataset, DCM_Columns, path, true);
    info.samplesPerPixel = unsignedShort(dataset, DCM_SamplesPerPixel, path, false).value_or(1);
    info.bitsAllocated = *unsignedShort(dataset, DCM_BitsAllocated, path, true);
    info.bitsStored = unsignedShort(dataset, DCM_BitsStored, path, false).value_or(info.bitsAllocated);
    info.pixelRepresentationSigned = unsignedShort(dataset, DCM_PixelRepresentation, path, false).value_or(0) == 1;
    info.planarConfiguration = info.samplesPerPixel > 1
                                   ? unsignedShort(dataset, DCM_PlanarConfiguration, path, false).value_or(0)
                                   : 0;

    if (info.rows <= 0 || info.columns <= 0)
        throw DicomError(path, "absurd dimensions: " + std::to_string(info.rows) + " rows × "
                                   + std::to_string(info.columns) + " columns");
    if (dataset.tagExists(DCM_NumberOfFrames)) {
        const std::optional<double> frames = numberValue(dataset, DCM_NumberOfFrames);
        if (!frames || *frames != static_cast<double>(static_cast<long long>(*frames)))
            throw DicomError(path, "Number of Frames (0028,0008) is not an integer: \""
                                       + stringValue(dataset, DCM_NumberOfFrames) + "\"");
        if (*frames > 2147483647.0 || *frames < 0)
            throw DicomError(path, "absurd dimensions: Number of Frames is " + stringValue(dataset, DCM_NumberOfFrames));
        // An empty or zero Number of Frames means one frame (pydicom does the same, with a warning).
        info.numberOfFrames = std::max(1, static_cast<int>(*frames));
    }
    if (info.samplesPerPixel != 1 && info.samplesPerPixel != 3)
        throw DicomError(path, "unsupported Samples per Pixel " + std::to_string(info.samplesPerPixel));
    if (info.bitsAllocated != 1 && info.bitsAllocated != 8 && info.bitsAllocated != 16 && info.bitsAllocated != 32)
        throw DicomError(path, "unsupported Bits Allocated " + std::to_string(info.bitsAllocated));
    if (info.bitsStored < 1 || info.bitsStored > info.bitsAllocated)
        throw DicomError(path, "Bits Stored " + std::to_string(info.bitsStored) + " is not within 1…Bits Allocated ("
                                   + std::to_string(info.bitsAllocated) + ")");

    const std::string& photometric = info.photometricInterpretation;
    if (photometric.empty())
        throw DicomError(path, "missing " + tagName(DCM_PhotometricInterpretation));
    const bool monochrome = photometric == "MONOCHROME1" || photometric == "MONOCHROME2";
    const bool palette = photometric == "PALETTE COLOR";
    const bool colour = photometric == "RGB" || photometric == "YBR_FULL" || photometric == "YBR_FULL_422"
                        || photometric == "YBR_ICT" || photometric == "YBR_RCT";
    if (!monochrome && !palette && !colour)
        throw DicomError(path, "unsupported Photometric Interpretation \"" + photometric + "\"");
    if ((monochrome || palette) != (info.samplesPerPixel == 1))
        throw DicomError(path, "Photometric Interpretation " + photometric + " does not fit Samples per Pixel "
                                   + std::to_string(info.samplesPerPixel));
    if (info.bitsAllocated == 1 && !monochrome)
        throw DicomError(path, "Bits Allocated 1 is only supported for monochrome images");

    std::uint64_t total = 0;
    const bool fits = checkedMultiply(static_cast<std::uint64_t>(info.rows), static_cast<std::uint64_t>(info.columns), total)
                      && checkedMultiply(total, static_cast<std::uint64_t>(info.numberOfFrames), total)
                      && checkedMultiply(total, static_cast<std::uint64_t>(info.samplesPerPixel), total)
                      && checkedMultiply(total, static_cast<std::uint64_t>(std::max(8, info.bitsAllocated) / 8), total);
    if (!fits || total > kMaxPixelDataBytes) {
        throw DicomError(path, "absurd dimensions: " + std::to_string(info.rows) + " × " + std::to_string(info.columns)
                                   + " × " + std::to_string(info.numberOfFrames) + " frames × "
                                   + std::to_string(info.samplesPerPixel) + " samples × "
                                   + std::to_string(info.bitsAllocated) + " bits exceeds the 4 GiB limit");
    }

    if (!isSupportedTransferSyntax(syntax))
        throw DicomError(path, "unsupported transfer syntax " + transferSyntaxDescription(file, syntax));

    const bool encapsulatedSyntax = DcmXfer(syntax).isEncapsulated();
    const bool encapsulatedData = pixelElement->getLengthField() == DCM_UndefinedLength;
    if (encapsulatedSyntax != encapsulatedData) {
        throw DicomError(path, std::string(encapsulatedSyntax ? "native" : "encapsulated")
                                   + " pixel data in a file whose transfer syntax is "
                                   + (encapsulatedSyntax ? "compressed" : "uncompressed"));
    }
    if (!encapsulatedSyntax) {
        const std::uint64_t expected = nativePayloadBytes(info);
        const std::uint64_t actual = pixelElement->getLengthField();
        if (actual < expected) {
            throw DicomError(path, "truncated pixel data: " + std::to_string(actual) + " bytes, expected "
                                       + std::to_string(expected));
        }
    } else {
        DcmPixelSequence* sequence = nullptr;
        auto* pixelData = static_cast<DcmPixelData*>(pixelElement);
        if (pixelElement->ident() != EVR_PixelData
            || pixelData->getEncapsulatedRepresentation(syntax, nullptr, sequence).bad() || sequence == nullptr)
            throw DicomError(path, "compressed pixel data is not an encapsulated pixel sequence");
        if (sequence->card() < 2)
            throw DicomError(path, "compressed pixel data has no fragments");
    }
}

} // namespace

InstanceHeader extractInstanceHeader(DcmFileFormat& file, const std::string& filePath)
{
    DcmDataset* dataset = file.getDataset();
    if (dataset == nullptr)
        throw DicomError(filePath, "no dataset in file");
    InstanceHeader header;
    InstanceInfo& info = header.instance;
    std::error_code error;
    const fs::path absolute = fs::absolute(filePath, error);
    info.filePath = error ? filePath : absolute.lexically_normal().string();

    header.patient.patientId = stringValue(*dataset, DCM_PatientID);
    header.patient.patientName = stringValue(*dataset, DCM_PatientName);
    header.patient.birthDate = stringValue(*dataset, DCM_PatientBirthDate);
    header.patient.sex = stringValue(*dataset, DCM_PatientSex);
    header.study.studyInstanceUid = stringValue(*dataset, DCM_StudyInstanceUID);
    header.study.studyDate = stringValue(*dataset, DCM_StudyDate);
    header.study.studyTime = stringValue(*dataset, DCM_StudyTime);
    header.study.studyDescription = stringValue(*dataset, DCM_StudyDescription);
    header.study.accessionNumber = stringValue(*dataset, DCM_AccessionNumber);
    header.study.referringPhysician = stringValue(*dataset, DCM_ReferringPhysicianName);
    header.series.seriesInstanceUid = stringValue(*dataset, DCM_SeriesInstanceUID);
    header.series.seriesNumber = static_cast<int>(numberValue(*dataset, DCM_SeriesNumber).value_or(0));
    header.series.modality = stringValue(*dataset, DCM_Modality);
    header.series.description = stringValue(*dataset, DCM_SeriesDescription);
    header.series.bodyPartExamined = stringValue(*dataset, DCM_BodyPartExamined);

    info.sopInstanceUid = stringValue(*dataset, DCM_SOPInstanceUID);
    info.sopClassUid = stringValue(*dataset, DCM_SOPClassUID);
    DcmMetaInfo* meta = file.getMetaInfo();
    if (info.sopClassUid.empty() && meta != nullptr)
        info.sopClassUid = stringValue(*meta, DCM_MediaStorageSOPClassUID);
    if (info.sopClassUid == UID_MediaStorageDirectoryStorage || dataset->tagExists(DCM_DirectoryRecordSequence))
        throw DicomError(filePath, "a DICOMDIR (directory of other files), not an image");
    info.studyInstanceUid = header.study.studyInstanceUid;
    info.seriesInstanceUid = header.series.seriesInstanceUid;
    const E_TransferSyntax syntax = originalTransferSyntax(file);
    info.transferSyntaxUid = syntax == EXS_Unknown ? std::string() : DcmXfer(syntax).getXferID();
    info.modality = header.series.modality;
    info.photometricInterpretation = stringValue(*dataset, DCM_PhotometricInterpretation);
    info.instanceNumber = static_cast<int>(numberValue(*dataset, DCM_InstanceNumber).value_or(0));
    info.viewPosition = stringValue(*dataset, DCM_ViewPosition);
    info.imageLaterality = stringValue(*dataset, DCM_ImageLaterality);
    info.seriesDescription = header.series.description;
    info.imagePositionPatient = fixedNumbers<3>(*dataset, DCM_ImagePositionPatient);
    info.imageOrientationPatient = fixedNumbers<6>(*dataset, DCM_ImageOrientationPatient);
    info.pixelSpacing = fixedNumbers<2>(*dataset, DCM_PixelSpacing);
    info.imagerPixelSpacing = fixedNumbers<2>(*dataset, DCM_ImagerPixelSpacing);
    info.sliceThickness = numberValue(*dataset, DCM_SliceThickness);
    info.acquisitionDate = stringValue(*dataset, DCM_AcquisitionDate);
    info.contentDate = stringValue(*dataset, DCM_ContentDate);

    validatePixelModule(*dataset, file, info, syntax);
    return header;
}

std::vector<std::string> splitMultipleValues(const std::string& text)
{
    std::vector<std::string> values(1);
    for (char c : text) {
        if (c == '\\')
            values.emplace_back();
        else
            values.back() += c;
    }
    return values;
}

} // namespace raddraft::dicom::detail
