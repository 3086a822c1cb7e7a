// PngFileWriter: 16-bit and 8-bit grey PNGs that Qt (and so DatasetImageReader) reads back
// exactly, at every zlib level; deterministic bytes; clear errors and nothing left behind.

#include "DatasetImageError.h"
#include "DatasetImageReader.h"
#include "PngFileWriter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

#include <vector>

using raddraft::dataset_io::DatasetImageError;
using raddraft::dataset_io::DatasetImageReader;
using raddraft::dataset_io::PngContent;
using raddraft::dataset_io::writeGrey16Png;
using raddraft::dataset_io::writeGrey8Png;

namespace {

constexpr int kWidth = 41;
constexpr int kHeight = 29;

std::vector<std::uint16_t> values16()
{
    std::vector<std::uint16_t> values(kWidth * kHeight);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<std::uint16_t>((i * 40503u + (i / kWidth) * 977u) % 65536u);
    values[0] = 0;
    values[1] = 65535;
    values[2] = 1;
    values[3] = 256; // a byte-order mistake would turn this into 1
    return values;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPngFileWriter : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_folder;

    std::string path(const QString& name) const { return m_folder.filePath(name).toStdString(); }

private Q_SLOTS:
    void sixteenBitRoundTripsAtEveryLevel_data()
    {
        QTest::addColumn<int>("level");
        for (int level : {0, 1, 6, 9})
            QTest::newRow(qPrintable(QStringLiteral("zlib %1").arg(level))) << level;
    }

    void sixteenBitRoundTripsAtEveryLevel()
    {
        QFETCH(int, level);
        const std::vector<std::uint16_t> values = values16();
        const std::string file = path(QStringLiteral("grey16-%1.png").arg(level));
        writeGrey16Png(file, values.data(), kWidth, kHeight, {level});

        const QImage image(QString::fromStdString(file));
        QCOMPARE(image.format(), QImage::Format_Grayscale16);
        QCOMPARE(image.size(), QSize(kWidth, kHeight));
        for (int row = 0; row < kHeight; ++row) {
            const auto* line = reinterpret_cast<const quint16*>(image.constScanLine(row));
            for (int column = 0; column < kWidth; ++column)
                QCOMPARE(line[column], values[static_cast<std::size_t>(row * kWidth + column)]);
        }
        const auto view = DatasetImageReader().readImage(file);
        QCOMPARE(view.pixels[1], 1.0f);
        QCOMPARE(view.pixels[3], 256.0f / 65535.0f);
    }

    void eightBitMasksRoundTrip()
    {
        std::vector<std::uint8_t> mask(kWidth * kHeight, 0);
        for (int row = 4; row < 9; ++row)
            for (int column = 10; column < 30; ++column)
                mask[static_cast<std::size_t>(row * kWidth + column)] = 255;
        for (const auto content : {PngContent::BinaryMask, PngContent::Radiograph}) {
            const std::string file = path(QStringLiteral("mask-%1.png").arg(int(content)));
            writeGrey8Png(file, mask.data(), kWidth, kHeight, {1, content});
            QCOMPARE(QImageReader(QString::fromStdString(file)).imageFormat(), QImage::Format_Grayscale8);
            const auto read = DatasetImageReader().readMask(file);
            QCOMPARE(read.width, kWidth);
            for (std::size_t i = 0; i < mask.size(); ++i)
                QCOMPARE(int(read.pixels[i]), mask[i] ? 1 : 0);
        }
    }

    void sameBytesEveryTime()
    {
        const std::vector<std::uint16_t> values = values16();
        writeGrey16Png(path(QStringLiteral("a.png")), values.data(), kWidth, kHeight, {1});
        writeGrey16Png(path(QStringLiteral("b.png")), values.data(), kWidth, kHeight, {1});
        const QByteArray a = readAll(m_folder.filePath(QStringLiteral("a.png")));
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, readAll(m_folder.filePath(QStringLiteral("b.png"))));
    }

    void failuresNameTheFileAndLeaveNothing()
    {
        const std::vector<std::uint16_t> values = values16();
        const QString missingFolder = m_folder.filePath(QStringLiteral("no-such-folder/x.png"));
        try {
            writeGrey16Png(missingFolder.toStdString(), values.data(), kWidth, kHeight);
            QFAIL("no error for a missing folder");
        } catch (const DatasetImageError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).startsWith(missingFolder + QStringLiteral(": cannot create the file")),
                     error.what());
        }
        QVERIFY_THROWS_EXCEPTION(DatasetImageError, writeGrey16Png(path(QStringLiteral("empty.png")), values.data(), 0, kHeight));
        QVERIFY_THROWS_EXCEPTION(DatasetImageError,
                                 writeGrey16Png(path(QStringLiteral("level.png")), values.data(), kWidth, kHeight, {10}));
        const QStringList left = QDir(m_folder.path()).entryList({QStringLiteral("*empty*"), QStringLiteral("*level*")},
                                                                QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestPngFileWriter)
#include "test_png_file_writer.moc"
