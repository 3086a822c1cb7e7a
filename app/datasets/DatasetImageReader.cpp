#include "DatasetImageReader.h"

#include "DatasetImageError.h"

#include <QFileInfo>
#include <QImage>
#include <QImageReader>

#include <array>

namespace raddraft::dataset_io {

namespace {

// Rec. 601 luma, the weights the viewer's ModelInput uses for colour images.
constexpr float kRed = 0.299f;
constexpr float kGreen = 0.587f;
constexpr float kBlue = 0.114f;

QImage decode(const std::string& filePath)
{
    const QFileInfo info(QString::fromStdString(filePath));
    if (!info.exists())
        throw DatasetImageError(filePath, "no such file");
    if (!info.isFile())
        throw DatasetImageError(filePath, "not a regular file");
    if (!info.isReadable())
        throw DatasetImageError(filePath, "not readable (permissions)");
    QImageReader reader(info.filePath());
    QImage image = reader.read();
    if (image.isNull())
        throw DatasetImageError(filePath, "cannot decode image: " + reader.errorString().toStdString());
    return image;
}

bool isSixteenBitColour(QImage::Format format)
{
    return format == QImage::Format_RGBX64 || format == QImage::Format_RGBA64
           || format == QImage::Format_RGBA64_Premultiplied;
}

} // namespace

inference::ImageView DatasetImageReader::readImage(const std::string& filePath) const
{
    const QImage image = decode(filePath);
    inference::ImageView view;
    view.width = image.width();
    view.height = image.height();
    view.pixels.resize(static_cast<std::size_t>(view.width) * view.height);
    float* out = view.pixels.data();
    const QImage::Format format = image.format();

    if (format == QImage::Format_Grayscale16) {
        for (int row = 0; row < view.height; ++row) {
            const auto* line = reinterpret_cast<const quint16*>(image.constScanLine(row));
            for (int column = 0; column < view.width; ++column)
                *out++ = static_cast<float>(line[column]) / 65535.0f;
        }
    } else if (format == QImage::Format_Grayscale8) {
        for (int row = 0; row < view.height; ++row) {
            const uchar* line = image.constScanLine(row);
            for (int column = 0; column < view.width; ++column)
                *out++ = static_cast<float>(line[column]) / 255.0f;
        }
    } else if (isSixteenBitColour(format)) {
        // 16-bit colour keeps its precision: luminance from the 16-bit channels.
        const QImage rgb = image.convertToFormat(QImage::Format_RGBX64);
        for (int row = 0; row < view.height; ++row) {
            const auto* line = reinterpret_cast<const QRgba64*>(rgb.constScanLine(row));
            for (int column = 0; column < view.width; ++column) {
                const QRgba64 pixel = line[column];
                *out++ = (kRed * pixel.red() + kGreen * pixel.green() + kBlue * pixel.blue()) / 65535.0f;
            }
        }
    } else {
        // Everything else (RGB, palette, 1-bit): 8-bit RGB, then luminance.
        const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
        for (int row = 0; row < view.height; ++row) {
            const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(row));
            for (int column = 0; column < view.width; ++column) {
                const QRgb pixel = line[column];
                *out++ = (kRed * qRed(pixel) + kGreen * qGreen(pixel) + kBlue * qBlue(pixel)) / 255.0f;
            }
        }
    }
    return view;
}

DatasetMask DatasetImageReader::readMask(const std::string& filePath) const
{
    QImage image = decode(filePath);
    if (image.format() == QImage::Format_Grayscale16)
        throw DatasetImageError(filePath, "not a binary mask (16-bit; expected an 8-bit 0/1 or 0/255 image)");
    if (image.format() != QImage::Format_Grayscale8) {
        if (!image.allGray())
            throw DatasetImageError(filePath, "not a binary mask (colour image)");
        image = image.convertToFormat(QImage::Format_Grayscale8);
    }
    DatasetMask mask;
    mask.width = image.width();
    mask.height = image.height();
    mask.pixels.resize(static_cast<std::size_t>(mask.width) * mask.height);
    std::array<bool, 256> seen{};
    for (int row = 0; row < mask.height; ++row) {
        const uchar* line = image.constScanLine(row);
        for (int column = 0; column < mask.width; ++column) {
            const uchar value = line[column];
            if (value != 0 && value != 1 && value != 255)
                throw DatasetImageError(filePath, "not a binary mask (value " + std::to_string(value) + " at column "
                                                      + std::to_string(column) + ", row " + std::to_string(row)
                                                      + "; expected 0/1 or 0/255)");
            seen[value] = true;
            mask.pixels[static_cast<std::size_t>(row) * mask.width + column] = value != 0 ? 1 : 0;
        }
    }
    if (seen[1] && seen[255])
        throw DatasetImageError(filePath, "not a binary mask (mixes 1 and 255 as foreground)");
    return mask;
}

} // namespace raddraft::dataset_io
