// DatasetImageReader on real PNG and JPEG files written with QImage: 16-bit grey exact to
// 1/65535, 8-bit grey, colour → luminance, JPEG within codec error, masks, and clear errors.

#include "DatasetImageError.h"
#include "DatasetImageReader.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>

using raddraft::dataset_io::DatasetImageError;
using raddraft::dataset_io::DatasetImageReader;
using raddraft::dataset_io::DatasetMask;
using raddraft::inference::ImageView;

namespace {

constexpr int kWidth = 37; // odd widths exercise QImage's padded scan lines
constexpr int kHeight = 23;

// Deterministic 16-bit values covering both ends of the range.
quint16 value16(int column, int row)
{
    if (row == 0 && column < 4)
        return std::array<quint16, 4>{0, 1, 65534, 65535}[static_cast<std::size_t>(column)];
    return static_cast<quint16>((column * 7919u + row * 104729u + column * row * 31u) % 65536u);
}

QString save(const QImage& image, const QString& path, const char* format, int quality = -1)
{
    QImageWriter writer(path, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("cannot write test image %s: %s", qPrintable(path), qPrintable(writer.errorString()));
    return path;
}

float luminance(QRgb pixel)
{
    return (0.299f * qRed(pixel) + 0.587f * qGreen(pixel) + 0.114f * qBlue(pixel)) / 255.0f;
}

// The error message of `call`, or an empty string when it did not throw DatasetImageError.
QString errorOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const DatasetImageError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestDatasetImageReader : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_folder;
    DatasetImageReader m_reader;

    QString path(const QString& name) const { return m_folder.filePath(name); }

private Q_SLOTS:
    void sixteenBitGreyPngIsExact()
    {
        QImage image(kWidth, kHeight, QImage::Format_Grayscale16);
        for (int row = 0; row < kHeight; ++row) {
            auto* line = reinterpret_cast<quint16*>(image.scanLine(row));
            for (int column = 0; column < kWidth; ++column)
                line[column] = value16(column, row);
        }
        const QString file = save(image, path(QStringLiteral("grey16.png")), "png");
        QCOMPARE(QImageReader(file).imageFormat(), QImage::Format_Grayscale16); // really 16-bit on disk

        const ImageView view = m_reader.readImage(file.toStdString());
        QCOMPARE(view.width, kWidth);
        QCOMPARE(view.height, kHeight);
        QCOMPARE(view.pixels.size(), std::size_t(kWidth * kHeight));
        for (int row = 0; row < kHeight; ++row) {
            for (int column = 0; column < kWidth; ++column) {
                const float got = view.pixels[static_cast<std::size_t>(row * kWidth + column)];
                const quint16 expected = value16(column, row);
                QCOMPARE(std::lround(got * 65535.0), long(expected));
                QVERIFY(std::abs(got - expected / 65535.0) <= 1e-7);
            }
        }
        QCOMPARE(view.pixels[0], 0.0f);
        QCOMPARE(view.pixels[3], 1.0f);
    }

    void eightBitGreyPngIsExact()
    {
        QImage image(kWidth, kHeight, QImage::Format_Grayscale8);
        for (int row = 0; row < kHeight; ++row)
            for (int column = 0; column < kWidth; ++column)
                image.scanLine(row)[column] = static_cast<uchar>((column * 11 + row * 7) % 256);
        const QString file = save(image, path(QStringLiteral("grey8.png")), "png");
        const ImageView view = m_reader(file.toStdString()); // the callable form, as a loader uses it
        for (int row = 0; row < kHeight; ++row)
            for (int column = 0; column < kWidth; ++column)
                QCOMPARE(view.pixels[static_cast<std::size_t>(row * kWidth + column)],
                         static_cast<float>((column * 11 + row * 7) % 256) / 255.0f);
    }

    void colourPngBecomesLuminance()
    {
        QImage image(kWidth, kHeight, QImage::Format_RGB32);
        for (int row = 0; row < kHeight; ++row)
            for (int column = 0; column < kWidth; ++column)
                image.setPixel(column, row, qRgb(column * 6, row * 11, (column + row) * 3));
        image.setPixel(0, 0, qRgb(255, 255, 255));
        const QString file = save(image, path(QStringLiteral("colour.png")), "png");
        const ImageView view = m_reader.readImage(file.toStdString());
        for (int row = 0; row < kHeight; ++row)
            for (int column = 0; column < kWidth; ++column)
                QVERIFY(std::abs(view.pixels[static_cast<std::size_t>(row * kWidth + column)]
                                 - luminance(image.pixel(column, row))) < 1e-6f);
        QVERIFY(std::abs(view.pixels[0] - 1.0f) < 1e-6f); // white stays white
    }

    void sixteenBitColourPngKeepsPrecision()
    {
        QImage image(kWidth, kHeight, QImage::Format_RGBX64);
        for (int row = 0; row < kHeight; ++row) {
            auto* line = reinterpret_cast<QRgba64*>(image.scanLine(row));
            for (int column = 0; column < kWidth; ++column) {
                const quint16 v = value16(column, row);
                line[column] = QRgba64::fromRgba64(v, v, v, 65535);
            }
        }
        const QString file = save(image, path(QStringLiteral("colour16.png")), "png");
        const ImageView view = m_reader.readImage(file.toStdString());
        for (int row = 0; row < kHeight; ++row)
            for (int column = 0; column < kWidth; ++column)
                QVERIFY(std::abs(view.pixels[static_cast<std::size_t>(row * kWidth + column)]
                                 - value16(column, row) / 65535.0f) < 2e-6f);
    }

    void jpegIsReadWithinCodecError()
    {
        // Smooth content, quality 95: baseline JPEG's error stays within a few grey levels.
        QImage grey(64, 48, QImage::Format_Grayscale8);
        QImage colour(64, 48, QImage::Format_RGB32);
        for (int row = 0; row < 48; ++row) {
            for (int column = 0; column < 64; ++column) {
                grey.scanLine(row)[column] = static_cast<uchar>(column * 3 + row);
                colour.setPixel(column, row, qRgb(column * 3, row * 4, 200 - column));
            }
        }
        const QString greyFile = save(grey, path(QStringLiteral("grey.jpg")), "jpeg", 95);
        const QString colourFile = save(colour, path(QStringLiteral("colour.jpg")), "jpeg", 95);
        const ImageView greyView = m_reader.readImage(greyFile.toStdString());
        const ImageView colourView = m_reader.readImage(colourFile.toStdString());
        QCOMPARE(greyView.width, 64);
        QCOMPARE(colourView.height, 48);
        double greyError = 0.0;
        double colourError = 0.0;
        for (int row = 0; row < 48; ++row) {
            for (int column = 0; column < 64; ++column) {
                const std::size_t i = static_cast<std::size_t>(row * 64 + column);
                greyError = std::max(greyError, std::abs(greyView.pixels[i] - (column * 3 + row) / 255.0));
                colourError = std::max(colourError, double(std::abs(colourView.pixels[i] - luminance(colour.pixel(column, row)))));
            }
        }
        QVERIFY2(greyError < 4.0 / 255.0, qPrintable(QString::number(greyError * 255.0)));
        QVERIFY2(colourError < 6.0 / 255.0, qPrintable(QString::number(colourError * 255.0)));
    }

    void masksAcceptZeroOneAndZero255()
    {
        QImage ones(kWidth, kHeight, QImage::Format_Grayscale8);
        ones.fill(0);
        for (int row = 5; row < 12; ++row)
            for (int column = 3; column < 20; ++column)
                ones.scanLine(row)[column] = 1;
        QImage full = ones.copy();
        for (int row = 0; row < kHeight; ++row)
            for (int column = 0; column < kWidth; ++column)
                full.scanLine(row)[column] = full.scanLine(row)[column] ? 255 : 0;
        const DatasetMask fromOnes = m_reader.readMask(save(ones, path(QStringLiteral("mask01.png")), "png").toStdString());
        const DatasetMask from255 = m_reader.readMask(save(full, path(QStringLiteral("mask255.png")), "png").toStdString());
        QCOMPARE(fromOnes.width, kWidth);
        QCOMPARE(fromOnes.height, kHeight);
        QVERIFY(fromOnes.pixels == from255.pixels);
        int count = 0;
        for (std::uint8_t value : fromOnes.pixels)
            count += value;
        QCOMPARE(count, 7 * 17);
        QCOMPARE(int(fromOnes.pixels[static_cast<std::size_t>(5 * kWidth + 3)]), 1);
        QCOMPARE(int(fromOnes.pixels[static_cast<std::size_t>(5 * kWidth + 2)]), 0);

        // A 1-bit PNG is a binary mask too.
        const QImage mono = full.convertToFormat(QImage::Format_Mono);
        const DatasetMask fromMono = m_reader.readMask(save(mono, path(QStringLiteral("mask1bit.png")), "png").toStdString());
        QVERIFY(fromMono.pixels == fromOnes.pixels);
    }

    void nonBinaryMasksAreRejected()
    {
        QImage grey(8, 8, QImage::Format_Grayscale8);
        grey.fill(0);
        grey.scanLine(2)[5] = 128;
        const QString greyFile = save(grey, path(QStringLiteral("grey-mask.png")), "png");
        QString error = errorOf([&] { m_reader.readMask(greyFile.toStdString()); });
        QVERIFY2(error.startsWith(greyFile + QStringLiteral(": not a binary mask (value 128 at column 5, row 2")), qPrintable(error));

        grey.scanLine(2)[5] = 1;
        grey.scanLine(3)[5] = 255;
        const QString mixedFile = save(grey, path(QStringLiteral("mixed-mask.png")), "png");
        error = errorOf([&] { m_reader.readMask(mixedFile.toStdString()); });
        QVERIFY2(error.contains(QStringLiteral("mixes 1 and 255")), qPrintable(error));

        QImage colour(8, 8, QImage::Format_RGB32);
        colour.fill(qRgb(255, 0, 0));
        const QString colourFile = save(colour, path(QStringLiteral("colour-mask.png")), "png");
        error = errorOf([&] { m_reader.readMask(colourFile.toStdString()); });
        QCOMPARE(error, colourFile + QStringLiteral(": not a binary mask (colour image)"));
    }

    void unreadableFilesNameTheFile()
    {
        const QString missing = path(QStringLiteral("missing.png"));
        QCOMPARE(errorOf([&] { m_reader.readImage(missing.toStdString()); }), missing + QStringLiteral(": no such file"));
        QCOMPARE(errorOf([&] { m_reader.readMask(missing.toStdString()); }), missing + QStringLiteral(": no such file"));

        const QString garbage = path(QStringLiteral("garbage.png"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x89PNG\r\n\x1a\n this is not a PNG stream");
        file.close();
        const QString error = errorOf([&] { m_reader.readImage(garbage.toStdString()); });
        QVERIFY2(error.startsWith(garbage + QStringLiteral(": cannot decode image")), qPrintable(error));

        QVERIFY(QDir(m_folder.path()).mkdir(QStringLiteral("folder.png")));
        QCOMPARE(errorOf([&] { m_reader.readImage(path(QStringLiteral("folder.png")).toStdString()); }),
                 path(QStringLiteral("folder.png")) + QStringLiteral(": not a regular file"));
    }
};

QTEST_GUILESS_MAIN(TestDatasetImageReader)
#include "test_dataset_image_reader.moc"
