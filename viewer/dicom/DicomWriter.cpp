#include "dicom/DicomWriter.h"

#include "dicom/DcmtkSupport.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcrlerp.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpls/djrparam.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace raddraft::dicom {

namespace fs = std::filesystem;

const std::vector<WriteTransferSyntax>& allWriteTransferSyntaxes()
{
    static const std::vector<WriteTransferSyntax> all{
        WriteTransferSyntax::ExplicitLittleEndian, WriteTransferSyntax::ImplicitLittleEndian,
        WriteTransferSyntax::ExplicitBigEndian,    WriteTransferSyntax::DeflatedExplicitLittleEndian,
        WriteTransferSyntax::RleLossless,          WriteTransferSyntax::JpegLosslessSV1,
        WriteTransferSyntax::JpegLsLossless,
    };
    return all;
}

const char* writeTransferSyntaxName(WriteTransferSyntax syntax)
{
    switch (syntax) {
    case WriteTransferSyntax::ExplicitLittleEndian: return "explicit-le";
    case WriteTransferSyntax::ImplicitLittleEndian: return "implicit-le";
    case WriteTransferSyntax::ExplicitBigEndian: return "explicit-be";
    case WriteTransferSyntax::DeflatedExplicitLittleEndian: return "deflated";
    case WriteTransferSyntax::RleLossless: return "rle";
    case WriteTransferSyntax::JpegLosslessSV1: return "jpeg-lossless-sv1";
    case WriteTransferSyntax::JpegLsLossless: return "jpeg-ls-lossless";
    }
    return "unknown";
}

namespace {

E_TransferSyntax dcmtkSyntax(WriteTransferSyntax syntax)
{
    switch (syntax) {
    case WriteTransferSyntax::ExplicitLittleEndian: return EXS_LittleEndianExplicit;
    case WriteTransferSyntax::ImplicitLittleEndian: return EXS_LittleEndianImplicit;
    case WriteTransferSyntax::ExplicitBigEndian: return EXS_BigEndianExplicit;
    case WriteTransferSyntax::DeflatedExplicitLittleEndian: return EXS_DeflatedLittleEndianExplicit;
    case WriteTransferSyntax::RleLossless: return EXS_RLELossless;
    case WriteTransferSyntax::JpegLosslessSV1: return EXS_JPEGProcess14SV1;
    case WriteTransferSyntax::JpegLsLossless: return EXS_JPEGLSLossless;
    }
    return EXS_LittleEndianExplicit;
}

/// DS values are at most 16 characters: use the most precision that fits.
std::string formatDecimal(double value)
{
    for (int precision = 14; precision > 1; --precision) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strlen(buffer) <= 16)
            return buffer;
    }
    return "0";
}

template <std::size_t N>
std::string formatDecimals(const std::array<double, N>& values)
{
    std::string text;
    for (std::size_t i = 0; i < N; ++i)
        text += (i ? "\\" : "") + formatDecimal(values[i]);
    return text;
}

class WriteContext {
public:
    WriteContext(const std::string& filePath, DcmDataset& dataset) : m_filePath(filePath), m_dataset(dataset) {}

    void put(const DcmTagKey& tag, const std::string& value)
    {
        check(m_dataset.putAndInsertString(tag, value.c_str()), tag);
    }
    void putIfNotEmpty(const DcmTagKey& tag, const std::string& value)
    {
        if (!value.empty())
            put(tag, value);
    }
    void putUnsigned(const DcmTagKey& tag, int value)
    {
        check(m_dataset.putAndInsertUint16(tag, static_cast<Uint16>(value)), tag);
    }
    void check(const OFCondition& status, const DcmTagKey& tag)
    {
        if (status.bad())
            throw DicomError(m_filePath, std::string("cannot set ") + tag.toString().c_str() + ": " + status.text());
    }

private:
    const std::string& m_filePath;
    DcmDataset& m_dataset;
};

bool hasNonAscii(const DicomImageToWrite& image)
{
    for (const std::string* text : {&image.patientName, &image.studyDescription, &image.seriesDescription,
                                    &image.bodyPartExamined})
        for (unsigned char c : *text)
            if (c >= 0x80)
                return true;
    return false;
}

void validate(const std::string& filePath, const DicomImageToWrite& image, WriteTransferSyntax syntax)
{
    const PixelData& pixels = image.pixels;
    if (pixels.rows <= 0 || pixels.columns <= 0 || pixels.frames <= 0 || pixels.rows > 65535 || pixels.columns > 65535)
        throw DicomError(filePath, "cannot write: invalid image size");
    const bool monochrome = pixels.photometric == "MONOCHROME1" || pixels.photometric == "MONOCHROME2";
    if (!(monochrome && pixels.samplesPerPixel == 1) && !(pixels.photometric == "RGB" && pixels.samplesPerPixel == 3))
        throw DicomError(filePath, "cannot write: photometric \"" + pixels.photometric + "\" with "
                                       + std::to_string(pixels.samplesPerPixel) + " samples per pixel");
    const int bitsAllocated = static_cast<int>(bytesPerSample(pixels.format)) * 8;
    if (pixels.bitsStored < 1 || pixels.bitsStored > bitsAllocated)
        throw DicomError(filePath, "cannot write: Bits Stored " + std::to_string(pixels.bitsStored) + " with Bits Allocated "
                                       + std::to_string(bitsAllocated));
    if (pixels.bytes.size() != pixels.frameSizeInBytes() * static_cast<std::size_t>(pixels.frames))
        throw DicomError(filePath, "cannot write: pixel buffer has " + std::to_string(pixels.bytes.size())
                                       + " bytes, the image needs " + std::to_string(pixels.frameSizeInBytes() * pixels.frames));
    if (image.planarConfiguration != 0 && image.planarConfiguration != 1)
        throw DicomError(filePath, "cannot write: planar configuration must be 0 or 1");
    const bool compressed = syntax == WriteTransferSyntax::JpegLosslessSV1 || syntax == WriteTransferSyntax::JpegLsLossless;
    if (bitsAllocated == 32 && (compressed || syntax == WriteTransferSyntax::ExplicitBigEndian))
        throw DicomError(filePath, std::string("cannot write: 32-bit samples in ") + writeTransferSyntaxName(syntax));
}

/// Interleaved → colour-by-plane, frame by frame.
std::vector<std::uint8_t> toPlanes(const PixelData& pixels)
{
    std::vector<std::uint8_t> planes(pixels.bytes.size());
    const std::size_t sampleBytes = bytesPerSample(pixels.format);
    const std::size_t pixelCount = static_cast<std::size_t>(pixels.rows) * pixels.columns;
    const std::size_t frameBytes = pixels.frameSizeInBytes();
    const auto samples = static_cast<std::size_t>(pixels.samplesPerPixel);
    for (int frame = 0; frame < pixels.frames; ++frame) {
        const std::uint8_t* source = pixels.bytes.data() + frame * frameBytes;
        std::uint8_t* target = planes.data() + frame * frameBytes;
        for (std::size_t pixel = 0; pixel < pixelCount; ++pixel)
            for (std::size_t sample = 0; sample < samples; ++sample)
                std::memcpy(target + (sample * pixelCount + pixel) * sampleBytes,
                            source + (pixel * samples + sample) * sampleBytes, sampleBytes);
    }
    return planes;
}

/// JPEG and JPEG-LS code BitsStored-wide samples: a signed value goes in as its BitsStored-bit two's
/// complement pattern (the decoder sign-extends it again), not with the sign bits above.
void maskToBitsStored(std::vector<std::uint8_t>& payload, int bitsAllocated, int bitsStored)
{
    if (bitsAllocated == 8) {
        for (std::uint8_t& value : payload)
            value = static_cast<std::uint8_t>(value & ((1u << bitsStored) - 1));
        return;
    }
    for (std::size_t i = 0; i + 1 < payload.size(); i += 2) {
        std::uint16_t value;
        std::memcpy(&value, payload.data() + i, 2);
        value = static_cast<std::uint16_t>(value & ((1u << bitsStored) - 1));
        std::memcpy(payload.data() + i, &value, 2);
    }
}

std::string temporaryPathNextTo(const std::string& filePath)
{
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    const fs::path target(filePath);
    const std::string name = "." + target.filename().string() + ".tmp" + std::to_string(random()) + "-"
                             + std::to_string(counter.fetch_add(1));
    return (target.parent_path() / name).string();
}

} // namespace

const char* writeTransferSyntaxUid(WriteTransferSyntax syntax)
{
    return DcmXfer(dcmtkSyntax(syntax)).getXferID();
}

std::string generateUid()
{
    char buffer[100] = {};
    dcmGenerateUniqueIdentifier(buffer, SITE_INSTANCE_UID_ROOT);
    return buffer;
}

void writeDicomFile(const std::string& filePath, const DicomImageToWrite& image, const DicomWriteOptions& options)
{
    detail::initialiseDcmtk();
    validate(filePath, image, options.transferSyntax);
    const PixelData& pixels = image.pixels;
    const E_TransferSyntax syntax = dcmtkSyntax(options.transferSyntax);

    DcmFileFormat file;
    DcmDataset& dataset = *file.getDataset();
    WriteContext put(filePath, dataset);

    if (hasNonAscii(image))
        put.put(DCM_SpecificCharacterSet, "ISO_IR 192");
    put.put(DCM_SOPClassUID, image.sopClassUid);
    put.put(DCM_SOPInstanceUID, image.sopInstanceUid.empty() ? generateUid() : image.sopInstanceUid);
    put.put(DCM_StudyDate, image.studyDate);
    put.put(DCM_StudyTime, image.studyTime);
    put.put(DCM_AccessionNumber, image.accessionNumber);
    put.put(DCM_Modality, image.modality);
    put.put(DCM_ReferringPhysicianName, "");
    put.putIfNotEmpty(DCM_StudyDescription, image.studyDescription);
    put.putIfNotEmpty(DCM_SeriesDescription, image.seriesDescription);
    put.put(DCM_PatientName, image.patientName);
    put.put(DCM_PatientID, image.patientId);
    put.put(DCM_PatientBirthDate, image.patientBirthDate);
    put.put(DCM_PatientSex, image.patientSex);
    put.putIfNotEmpty(DCM_BodyPartExamined, image.bodyPartExamined);
    if (image.sliceThickness)
        put.put(DCM_SliceThickness, formatDecimal(*image.sliceThickness));
    if (image.imagerPixelSpacing)
        put.put(DCM_ImagerPixelSpacing, formatDecimals(*image.imagerPixelSpacing));
    put.putIfNotEmpty(DCM_ViewPosition, image.viewPosition);
    put.put(DCM_StudyInstanceUID, image.studyInstanceUid.empty() ? generateUid() : image.studyInstanceUid);
    put.put(DCM_SeriesInstanceUID, image.seriesInstanceUid.empty() ? generateUid() : image.seriesInstanceUid);
    put.put(DCM_StudyID, "1");
    put.put(DCM_SeriesNumber, std::to_string(image.seriesNumber));
    put.put(DCM_InstanceNumber, std::to_string(image.instanceNumber));
    if (image.imagePositionPatient)
        put.put(DCM_ImagePositionPatient, formatDecimals(*image.imagePositionPatient));
    if (image.imageOrientationPatient)
        put.put(DCM_ImageOrientationPatient, formatDecimals(*image.imageOrientationPatient));
    put.putIfNotEmpty(DCM_ImageLaterality, image.imageLaterality);

    const bool jpegFamily = options.transferSyntax == WriteTransferSyntax::JpegLosslessSV1
                            || options.transferSyntax == WriteTransferSyntax::JpegLsLossless;
    // JPEG codestreams carry their own component layout. DCMTK 3.6.7's JPEG encoder also scrambles
    // multi-frame colour-by-plane input, so the JPEG family always gets colour-by-pixel.
    const bool storePlanes = pixels.samplesPerPixel > 1 && image.planarConfiguration == 1 && !jpegFamily;
    const int bitsAllocated = static_cast<int>(bytesPerSample(pixels.format)) * 8;
    put.putUnsigned(DCM_SamplesPerPixel, pixels.samplesPerPixel);
    put.put(DCM_PhotometricInterpretation, pixels.photometric);
    if (pixels.samplesPerPixel > 1)
        put.putUnsigned(DCM_PlanarConfiguration, storePlanes ? 1 : 0);
    if (pixels.frames > 1)
        put.put(DCM_NumberOfFrames, std::to_string(pixels.frames));
    put.putUnsigned(DCM_Rows, pixels.rows);
    put.putUnsigned(DCM_Columns, pixels.columns);
    if (image.pixelSpacing)
        put.put(DCM_PixelSpacing, formatDecimals(*image.pixelSpacing));
    put.putUnsigned(DCM_BitsAllocated, bitsAllocated);
    put.putUnsigned(DCM_BitsStored, pixels.bitsStored);
    put.putUnsigned(DCM_HighBit, pixels.bitsStored - 1);
    put.putUnsigned(DCM_PixelRepresentation, isSigned(pixels.format) ? 1 : 0);
    if (!image.windows.empty()) {
        std::string centers, widths, explanations;
        bool anyExplanation = false;
        for (std::size_t i = 0; i < image.windows.size(); ++i) {
            const std::string separator = i ? "\\" : "";
            centers += separator + formatDecimal(image.windows[i].center);
            widths += separator + formatDecimal(image.windows[i].width);
            explanations += separator + image.windows[i].explanation;
            anyExplanation = anyExplanation || !image.windows[i].explanation.empty();
        }
        put.put(DCM_WindowCenter, centers);
        put.put(DCM_WindowWidth, widths);
        if (anyExplanation)
            put.put(DCM_WindowCenterWidthExplanation, explanations);
    }
    if (image.rescaleIntercept || image.rescaleSlope) {
        put.put(DCM_RescaleIntercept, formatDecimal(image.rescaleIntercept.value_or(0.0)));
        put.put(DCM_RescaleSlope, formatDecimal(image.rescaleSlope.value_or(1.0)));
        put.put(DCM_RescaleType, image.rescaleType.empty() ? std::string("US") : image.rescaleType);
    }

    std::vector<std::uint8_t> payload = storePlanes ? toPlanes(pixels) : pixels.bytes;
    if (jpegFamily && isSigned(pixels.format) && pixels.bitsStored < bitsAllocated)
        maskToBitsStored(payload, bitsAllocated, pixels.bitsStored);
    if (bitsAllocated == 8) {
        put.check(dataset.putAndInsertUint8Array(DCM_PixelData, payload.data(), static_cast<unsigned long>(payload.size())),
                  DCM_PixelData);
    } else {
        // 16-bit words in native order; 32-bit samples travel as pairs of little-endian words,
        // which is why 32-bit is refused for big endian above.
        std::vector<Uint16> words(payload.size() / 2);
        std::memcpy(words.data(), payload.data(), words.size() * 2);
        put.check(dataset.putAndInsertUint16Array(DCM_PixelData, words.data(), static_cast<unsigned long>(words.size())),
                  DCM_PixelData);
    }

    if (DcmXfer(syntax).isEncapsulated()) {
        const DcmRLERepresentationParameter rleParameter;
        const DJ_RPLossless jpegParameter(1, 0);
        const DJLSRepresentationParameter jpegLsParameter(0, OFTrue);
        const DcmRepresentationParameter* parameter = &rleParameter;
        if (syntax == EXS_JPEGProcess14SV1)
            parameter = &jpegParameter;
        else if (syntax == EXS_JPEGLSLossless)
            parameter = &jpegLsParameter;
        const OFCondition encoded = dataset.chooseRepresentation(syntax, parameter);
        if (encoded.bad() || !dataset.canWriteXfer(syntax))
            throw DicomError(filePath, std::string("cannot encode as ") + writeTransferSyntaxName(options.transferSyntax)
                                           + (encoded.bad() ? std::string(": ") + encoded.text() : std::string()));
    }

    const std::string temporaryPath = temporaryPathNextTo(filePath);
    const OFCondition saved = file.saveFile(temporaryPath.c_str(), syntax, EET_ExplicitLength, EGL_recalcGL,
                                            EPD_noChange, 0, 0,
                                            options.writeMetaHeader ? EWM_fileformat : EWM_dataset);
    std::error_code error;
    if (saved.bad()) {
        fs::remove(temporaryPath, error);
        throw DicomError(filePath, std::string("cannot write file: ") + saved.text());
    }
    fs::rename(temporaryPath, filePath, error);
    if (error) {
        std::error_code ignored;
        fs::remove(temporaryPath, ignored);
        throw DicomError(filePath, "cannot move the written file into place: " + error.message());
    }
}

} // namespace raddraft::dicom
