#include "dicom/PlainImage.h"

#include <QFileInfo>
#include <QImage>
#include <QImageReader>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace raddraft::dicom::detail {

namespace {

bool isGreyFormat(QImage::Format format)
{
    return format == QImage::Format_Grayscale8 || format == QImage::Format_Grayscale16;
}

QString qtPath(const std::string& filePath)
{
    return QString::fromStdString(filePath);
}

std::string absolutePath(const std::string& filePath)
{
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(filePath, error);
    return error ? filePath : absolute.lexically_normal().string();
}

} // namespace

bool isPlainImageFile(const std::string& filePath)
{
    std::ifstream stream(filePath, std::ios::binary);
    unsigned char head[8] = {};
    stream.read(reinterpret_cast<char*>(head), sizeof head);
    if (stream.gcount() < 3)
        return false;
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    const bool isPng = stream.gcount() == 8 && std::memcmp(head, png, 8) == 0;
    const bool isJpeg = head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
    return isPng || isJpeg;
}

InstanceHeader readPlainImageHeader(const std::string& filePath)
{
    QImageReader reader(qtPath(filePath));
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid() || size.isEmpty())
        throw DicomError(filePath, "unreadable image: " + reader.errorString().toStdString());
    InstanceHeader header;
    InstanceInfo& info = header.instance;
    info.filePath = absolutePath(filePath);
    info.isPlainImage = true;
    info.modality = "OT";
    info.rows = size.height();
    info.columns = size.width();
    const QImage::Format format = reader.imageFormat();
    const bool grey = isGreyFormat(format);
    info.samplesPerPixel = grey ? 1 : 3;
    info.bitsAllocated = format == QImage::Format_Grayscale16 ? 16 : 8;
    info.bitsStored = info.bitsAllocated;
    info.photometricInterpretation = grey ? "MONOCHROME2" : "RGB";
    info.sopInstanceUid = "file:" + info.filePath;
    info.seriesInstanceUid = "file:" + info.filePath;
    info.seriesDescription = QFileInfo(qtPath(filePath)).fileName().toStdString();
    header.series.seriesInstanceUid = info.seriesInstanceUid;
    header.series.modality = info.modality;
    header.series.description = info.seriesDescription;
    // Plain images of one folder form one study, named after the folder.
    const std::string folder = std::filesystem::path(info.filePath).parent_path().string();
    header.study.studyInstanceUid = "folder:" + folder;
    header.study.studyDescription = std::filesystem::path(folder).filename().string();
    info.studyInstanceUid = header.study.studyInstanceUid;
    return header;
}

DecodedImage decodePlainImage(const std::string& filePath, const DecodeOptions& options)
{
    DecodedImage image;
    image.info = readPlainImageHeader(filePath).instance;
    if (options.frame && *options.frame != 0)
        throw DicomError(filePath, "frame " + std::to_string(*options.frame) + " out of range (the file has 1 frame)");
    QImageReader reader(qtPath(filePath));
    QImage decoded = reader.read();
    if (decoded.isNull())
        throw DicomError(filePath, "cannot decode image: " + reader.errorString().toStdString());
    const InstanceInfo& info = image.info;
    const QImage::Format target = info.samplesPerPixel == 1
                                      ? (info.bitsAllocated == 16 ? QImage::Format_Grayscale16 : QImage::Format_Grayscale8)
                                      : QImage::Format_RGB888;
    decoded = decoded.convertToFormat(target);
    if (decoded.width() != info.columns || decoded.height() != info.rows)
        throw DicomError(filePath, "decoded image size differs from its header");

    PixelData& pixels = image.pixels;
    pixels.frames = 1;
    pixels.rows = info.rows;
    pixels.columns = info.columns;
    pixels.samplesPerPixel = info.samplesPerPixel;
    pixels.format = info.bitsAllocated == 16 ? SampleFormat::UInt16 : SampleFormat::UInt8;
    pixels.bitsStored = info.bitsStored;
    pixels.photometric = info.photometricInterpretation;
    pixels.bytes.resize(pixels.frameSizeInBytes());
    const std::size_t rowBytes = static_cast<std::size_t>(info.columns) * info.samplesPerPixel * bytesPerSample(pixels.format);
    // QImage rows are 32-bit aligned; ours are packed.
    for (int row = 0; row < info.rows; ++row)
        std::memcpy(pixels.bytes.data() + static_cast<std::size_t>(row) * rowBytes, decoded.constScanLine(row), rowBytes);
    image.decodedFrames = {0};
    return image;
}

} // namespace raddraft::dicom::detail
