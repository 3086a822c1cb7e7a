// Writes real DICOM files with DicomWriter (every transfer syntax it encodes) and checks that
// decodeFile gives back exactly the values written; then feeds broken files and checks each gives
// a DicomError naming the file with a sensible reason, and never crashes.

#include "DicomTestSupport.h"

#include "dicom/DicomScanner.h"
#include "dicom/DicomWriter.h"
#include "dicom/PixelDecoder.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcvrds.h>

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace raddraft::dicom;

namespace {

struct ImageCase {
    const char* name;
    int rows, columns, frames, samples;
    SampleFormat format;
    int bitsStored;
    const char* photometric;
    int planar;
};

// Odd sizes on purpose (padding, odd row lengths).
const ImageCase kImageCases[] = {
    {"u16-12bit", 37, 41, 1, 1, SampleFormat::UInt16, 12, "MONOCHROME2", 0},
    {"u16-16bit", 32, 30, 1, 1, SampleFormat::UInt16, 16, "MONOCHROME2", 0},
    {"s16-16bit", 33, 29, 1, 1, SampleFormat::Int16, 16, "MONOCHROME2", 0},
    {"s16-12bit", 31, 27, 1, 1, SampleFormat::Int16, 12, "MONOCHROME2", 0},
    {"u8", 35, 33, 1, 1, SampleFormat::UInt8, 8, "MONOCHROME2", 0},
    {"u8-multiframe", 17, 19, 4, 1, SampleFormat::UInt8, 8, "MONOCHROME2", 0},
    {"u16-multiframe", 16, 18, 3, 1, SampleFormat::UInt16, 14, "MONOCHROME2", 0},
    {"u16-monochrome1", 24, 20, 1, 1, SampleFormat::UInt16, 10, "MONOCHROME1", 0},
    {"rgb-planar0", 21, 23, 1, 3, SampleFormat::UInt8, 8, "RGB", 0},
    {"rgb-planar1", 22, 25, 2, 3, SampleFormat::UInt8, 8, "RGB", 1},
};

bool syntaxCanEncode(WriteTransferSyntax syntax, const ImageCase& image)
{
    // Documented writer limits (DicomWriter.h): none for these cases. Kept as a function so that a
    // future case (32-bit) states its exclusions in one place.
    (void)syntax;
    (void)image;
    return true;
}

std::string pathIn(const QTemporaryDir& dir, const std::string& name)
{
    return dir.filePath(QString::fromStdString(name)).toStdString();
}

/// Asserts that `statement` throws a DicomError about `path` whose reason contains `expected`.
#define RADDRAFT_EXPECT_DICOM_ERROR(statement, path, expected)                                                     \
    do {                                                                                                          \
        bool thrown = false;                                                                                      \
        try {                                                                                                     \
            statement;                                                                                            \
        } catch (const DicomError& error) {                                                                       \
            thrown = true;                                                                                        \
            QCOMPARE(QString::fromStdString(error.filePath()), QString::fromStdString(path));                     \
            const std::string wanted(expected);                                                                   \
            QVERIFY2(error.reason().find(wanted) != std::string::npos,                                            \
                     qPrintable(QString::fromStdString("reason \"" + error.reason() + "\" lacks \"" + wanted + "\""))); \
        }                                                                                                         \
        QVERIFY2(thrown, "no DicomError thrown");                                                                 \
    } while (false)

} // namespace

class DicomCodecTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void roundTripWithoutMetaHeader();
    void singleFrameOfMultiFrame();
    void frameOutOfRange();
    void masksBitsAboveBitsStored();
    void thirtyTwoBit();
    void readsTransformsAndHeader();
    void bitsAllocatedOne();
    void refusesWhatItCannotEncode();
    void truncatedFiles_data();
    void truncatedFiles();
    void missingPixelData();
    void absurdDimensions();
    void overflowingDimensions();
    void wrongVr();
    void garbageAndEmptyFiles();
    void unsupportedTransferSyntax();

private:
    QTemporaryDir m_dir;
};

void DicomCodecTest::roundTrip_data()
{
    QTest::addColumn<int>("syntaxIndex");
    QTest::addColumn<int>("caseIndex");
    const auto& syntaxes = allWriteTransferSyntaxes();
    for (std::size_t s = 0; s < syntaxes.size(); ++s)
        for (std::size_t c = 0; c < std::size(kImageCases); ++c)
            if (syntaxCanEncode(syntaxes[s], kImageCases[c]))
                QTest::addRow("%s/%s", writeTransferSyntaxName(syntaxes[s]), kImageCases[c].name)
                    << static_cast<int>(s) << static_cast<int>(c);
}

void DicomCodecTest::roundTrip()
{
    QFETCH(int, syntaxIndex);
    QFETCH(int, caseIndex);
    const WriteTransferSyntax syntax = allWriteTransferSyntaxes()[static_cast<std::size_t>(syntaxIndex)];
    const ImageCase& c = kImageCases[caseIndex];
    DicomImageToWrite image = test::syntheticImage(c.rows, c.columns, c.frames, c.samples, c.format, c.bitsStored,
                                                   c.photometric, static_cast<unsigned>(caseIndex + 7));
    image.planarConfiguration = c.planar;
    const std::string path = pathIn(m_dir, std::string("rt-") + writeTransferSyntaxName(syntax) + "-" + c.name + ".dcm");
    writeDicomFile(path, image, {syntax, true});

    const DecodedImage decoded = decodeFile(path);
    QCOMPARE(decoded.info.transferSyntaxUid, std::string(writeTransferSyntaxUid(syntax)));
    QCOMPARE(decoded.pixels.frames, c.frames);
    QCOMPARE(decoded.pixels.rows, c.rows);
    QCOMPARE(decoded.pixels.columns, c.columns);
    QCOMPARE(decoded.pixels.samplesPerPixel, c.samples);
    QCOMPARE(decoded.pixels.format, c.format);
    QCOMPARE(decoded.pixels.bitsStored, c.bitsStored);
    QCOMPARE(decoded.pixels.photometric, std::string(c.photometric));
    QCOMPARE(decoded.decodedFrames.size(), static_cast<std::size_t>(c.frames));
    QVERIFY2(decoded.pixels.bytes == image.pixels.bytes, "decoded values differ from the written ones");
}

void DicomCodecTest::roundTripWithoutMetaHeader()
{
    for (WriteTransferSyntax syntax : {WriteTransferSyntax::ExplicitLittleEndian, WriteTransferSyntax::ImplicitLittleEndian,
                                       WriteTransferSyntax::ExplicitBigEndian}) {
        const DicomImageToWrite image = test::syntheticImage(20, 22, 1, 1, SampleFormat::Int16, 13, "MONOCHROME2");
        const std::string path = pathIn(m_dir, std::string("nometa-") + writeTransferSyntaxName(syntax));
        writeDicomFile(path, image, {syntax, false});
        // Really no preamble: the file starts with the first dataset tag (group 0008).
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(132);
        QVERIFY(head.mid(128, 4) != "DICM");
        const DecodedImage decoded = decodeFile(path);
        QVERIFY(decoded.pixels.bytes == image.pixels.bytes);
        ScanOptions strict;
        strict.acceptFilesWithoutMetaHeader = false;
        RADDRAFT_EXPECT_DICOM_ERROR(readInstanceHeader(path, strict), path, "not a DICOM file");
    }
}

void DicomCodecTest::singleFrameOfMultiFrame()
{
    for (WriteTransferSyntax syntax : allWriteTransferSyntaxes()) {
        const DicomImageToWrite image = test::syntheticImage(12, 14, 5, 1, SampleFormat::UInt16, 16, "MONOCHROME2", 3);
        const std::string path = pathIn(m_dir, std::string("frames-") + writeTransferSyntaxName(syntax) + ".dcm");
        writeDicomFile(path, image, {syntax, true});
        for (int frame : {3, 0, 4}) {
            DecodeOptions options;
            options.frame = frame;
            const DecodedImage decoded = decodeFile(path, options);
            QCOMPARE(decoded.pixels.frames, 1);
            QCOMPARE(decoded.decodedFrames, std::vector<int>{frame});
            const std::size_t frameBytes = image.pixels.frameSizeInBytes();
            QVERIFY2(std::equal(decoded.pixels.bytes.begin(), decoded.pixels.bytes.end(),
                                image.pixels.bytes.begin() + static_cast<std::ptrdiff_t>(frame * frameBytes)),
                     writeTransferSyntaxName(syntax));
        }
    }
}

void DicomCodecTest::frameOutOfRange()
{
    const std::string path = pathIn(m_dir, "range.dcm");
    writeDicomFile(path, test::syntheticImage(8, 8, 2, 1, SampleFormat::UInt8, 8, "MONOCHROME2"));
    DecodeOptions options;
    options.frame = 2;
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(path, options), path, "out of range");
    options.frame = -1;
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(path, options), path, "out of range");
}

void DicomCodecTest::masksBitsAboveBitsStored()
{
    // Overlay bits or garbage above Bits Stored must not leak into the values (PS3.5 8.1.1).
    DicomImageToWrite image = test::syntheticImage(10, 10, 1, 1, SampleFormat::Int16, 12, "MONOCHROME2");
    const PixelData expected = image.pixels;
    auto* words = reinterpret_cast<std::uint16_t*>(image.pixels.bytes.data());
    for (std::size_t i = 0; i < image.pixels.bytes.size() / 2; ++i)
        words[i] = static_cast<std::uint16_t>((words[i] & 0x0FFF) | 0xA000);
    for (WriteTransferSyntax syntax : {WriteTransferSyntax::ExplicitLittleEndian, WriteTransferSyntax::ExplicitBigEndian,
                                       WriteTransferSyntax::RleLossless}) {
        const std::string path = pathIn(m_dir, std::string("mask-") + writeTransferSyntaxName(syntax) + ".dcm");
        writeDicomFile(path, image, {syntax, true});
        QVERIFY2(decodeFile(path).pixels.bytes == expected.bytes, writeTransferSyntaxName(syntax));
    }
}

void DicomCodecTest::thirtyTwoBit()
{
    for (SampleFormat format : {SampleFormat::UInt32, SampleFormat::Int32}) {
        for (WriteTransferSyntax syntax : {WriteTransferSyntax::ExplicitLittleEndian, WriteTransferSyntax::ImplicitLittleEndian,
                                           WriteTransferSyntax::DeflatedExplicitLittleEndian, WriteTransferSyntax::RleLossless}) {
            const DicomImageToWrite image = test::syntheticImage(9, 11, 2, 1, format, 32, "MONOCHROME2");
            const std::string path = pathIn(m_dir, std::string("u32-") + writeTransferSyntaxName(syntax) + ".dcm");
            writeDicomFile(path, image, {syntax, true});
            const DecodedImage decoded = decodeFile(path);
            QCOMPARE(decoded.pixels.format, format);
            QVERIFY2(decoded.pixels.bytes == image.pixels.bytes, writeTransferSyntaxName(syntax));
        }
    }
}

void DicomCodecTest::readsTransformsAndHeader()
{
    DicomImageToWrite image = test::syntheticImage(16, 16, 1, 1, SampleFormat::UInt16, 12, "MONOCHROME2");
    image.imagePositionPatient = std::array<double, 3>{-125.5, -130.25, 42.0};
    image.imageOrientationPatient = std::array<double, 6>{1, 0, 0, 0, 1, 0};
    image.sliceThickness = 2.5;
    image.imageLaterality = "L";
    const std::string path = pathIn(m_dir, "header.dcm");
    writeDicomFile(path, image);
    const DecodedImage decoded = decodeFile(path);
    QCOMPARE(decoded.modality.rescaleSlope, 1.0);
    QCOMPARE(decoded.modality.rescaleIntercept, -1024.0);
    QCOMPARE(decoded.modality.rescaleType, std::string("HU"));
    QCOMPARE(decoded.voi.windows.size(), std::size_t{2});
    QCOMPARE(decoded.voi.windows[1].center, 1000.0);
    QCOMPARE(decoded.voi.windows[1].width, 500.0);
    QCOMPARE(decoded.voi.windows[1].explanation, std::string("NARROW"));
    QCOMPARE(decoded.voi.function, std::string("LINEAR"));
    const InstanceInfo& info = decoded.info;
    QCOMPARE(info.modality, std::string("DX"));
    QCOMPARE(info.viewPosition, std::string("PA"));
    QCOMPARE(info.imageLaterality, std::string("L"));
    QVERIFY(info.pixelSpacing && (*info.pixelSpacing)[0] == 0.143);
    QVERIFY(info.imagePositionPatient && (*info.imagePositionPatient)[1] == -130.25);
    QVERIFY(info.imageOrientationPatient && (*info.imageOrientationPatient)[4] == 1.0);
    QVERIFY(info.sliceThickness && *info.sliceThickness == 2.5);
    QVERIFY(!info.sopInstanceUid.empty() && !info.studyInstanceUid.empty() && !info.seriesInstanceUid.empty());
    QCOMPARE(QString::fromStdString(info.filePath), QFileInfo(QString::fromStdString(path)).absoluteFilePath());

    const std::vector<float> values = applyModalityTransform(decoded.pixels, decoded.modality);
    QCOMPARE(values.size(), decoded.pixels.frameSizeInSamples());
    QCOMPARE(values[1], static_cast<float>(decoded.pixels.maxStoredValue() - 1024));
}

void DicomCodecTest::bitsAllocatedOne()
{
    // 1-bit data (segmentations, overlays-as-images): packed LSB first, frames back to back.
    const std::string path = pathIn(m_dir, "onebit.dcm");
    writeDicomFile(path, test::syntheticImage(3, 5, 3, 1, SampleFormat::UInt8, 8, "MONOCHROME2"));
    std::vector<std::uint8_t> bits(3 * 5 * 3);
    for (std::size_t i = 0; i < bits.size(); ++i)
        bits[i] = static_cast<std::uint8_t>((i * 7 + i / 3) % 2);
    std::vector<Uint8> packed((bits.size() + 7) / 8);
    for (std::size_t i = 0; i < bits.size(); ++i)
        packed[i / 8] = static_cast<Uint8>(packed[i / 8] | (bits[i] << (i % 8)));
    test::editDataset(path, [&](DcmDataset& dataset) {
        dataset.putAndInsertUint16(DCM_BitsAllocated, 1);
        dataset.putAndInsertUint16(DCM_BitsStored, 1);
        dataset.putAndInsertUint16(DCM_HighBit, 0);
        dataset.putAndInsertUint8Array(DCM_PixelData, packed.data(), static_cast<unsigned long>(packed.size()));
    });
    const DecodedImage decoded = decodeFile(path);
    QCOMPARE(decoded.pixels.format, SampleFormat::UInt8);
    QVERIFY(decoded.pixels.bytes == bits);
    DecodeOptions second;
    second.frame = 1;
    const DecodedImage frame = decodeFile(path, second);
    QVERIFY(std::equal(frame.pixels.bytes.begin(), frame.pixels.bytes.end(), bits.begin() + 15));
}

void DicomCodecTest::refusesWhatItCannotEncode()
{
    const std::string path = pathIn(m_dir, "refused.dcm");
    DicomImageToWrite image = test::syntheticImage(8, 8, 1, 1, SampleFormat::UInt32, 32, "MONOCHROME2");
    RADDRAFT_EXPECT_DICOM_ERROR(writeDicomFile(path, image, {WriteTransferSyntax::JpegLsLossless, true}), path, "32-bit");
    RADDRAFT_EXPECT_DICOM_ERROR(writeDicomFile(path, image, {WriteTransferSyntax::ExplicitBigEndian, true}), path, "32-bit");
    image.pixels.bytes.pop_back();
    RADDRAFT_EXPECT_DICOM_ERROR(writeDicomFile(path, image), path, "pixel buffer");
    QVERIFY(!std::filesystem::exists(path));
    // Nothing half-written is left in the folder either.
    for (const auto& entry : std::filesystem::directory_iterator(m_dir.path().toStdString()))
        QVERIFY2(entry.path().filename().string().find(".tmp") == std::string::npos, entry.path().c_str());
}

void DicomCodecTest::truncatedFiles_data()
{
    QTest::addColumn<int>("cut");      // bytes kept; negative: counted from the end
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << 0 << "empty file";
    QTest::newRow("inside preamble") << 100 << "not a DICOM file";
    QTest::newRow("after DICM") << 132 << "";
    QTest::newRow("inside meta header") << 180 << "";
    QTest::newRow("inside dataset") << 420 << "";
    QTest::newRow("inside pixel data") << -1000 << "truncated";
    QTest::newRow("last byte missing") << -1 << "truncated";
}

void DicomCodecTest::truncatedFiles()
{
    QFETCH(int, cut);
    QFETCH(QString, reason);
    const std::string good = pathIn(m_dir, "good-for-truncation.dcm");
    writeDicomFile(good, test::syntheticImage(64, 64, 1, 1, SampleFormat::UInt16, 16, "MONOCHROME2"));
    const auto size = static_cast<std::int64_t>(std::filesystem::file_size(good));
    const std::string path = pathIn(m_dir, "truncated-" + std::to_string(cut) + ".dcm");
    test::truncateCopy(good, path, static_cast<std::uint64_t>(cut >= 0 ? cut : size + cut));
    // Whatever the cut, both the header read and the decode fail with a DicomError naming the file
    // (the reason depends on where the cut falls; the fixed ones are checked).
    const std::string expected = reason.toStdString();
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(path), path, expected);
    RADDRAFT_EXPECT_DICOM_ERROR(readInstanceHeader(path), path, expected);
}

void DicomCodecTest::missingPixelData()
{
    const std::string path = pathIn(m_dir, "nopixels.dcm");
    writeDicomFile(path, test::syntheticImage(8, 8, 1, 1, SampleFormat::UInt16, 16, "MONOCHROME2"));
    test::editDataset(path, [](DcmDataset& dataset) { dataset.findAndDeleteElement(DCM_PixelData); });
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(path), path, "no pixel data");
    RADDRAFT_EXPECT_DICOM_ERROR(readInstanceHeader(path), path, "no pixel data");
}

void DicomCodecTest::absurdDimensions()
{
    const std::string path = pathIn(m_dir, "absurd.dcm");
    writeDicomFile(path, test::syntheticImage(8, 8, 1, 1, SampleFormat::UInt16, 16, "MONOCHROME2"));
    test::editDataset(path, [](DcmDataset& dataset) {
        dataset.putAndInsertUint16(DCM_Rows, 65535);
        dataset.putAndInsertUint16(DCM_Columns, 65535);
        dataset.putAndInsertString(DCM_NumberOfFrames, "1000");
    });
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(path), path, "absurd dimensions");

    const std::string zero = pathIn(m_dir, "zero-rows.dcm");
    writeDicomFile(zero, test::syntheticImage(8, 8, 1, 1, SampleFormat::UInt16, 16, "MONOCHROME2"));
    test::editDataset(zero, [](DcmDataset& dataset) { dataset.putAndInsertUint16(DCM_Rows, 0); });
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(zero), zero, "absurd dimensions");

    const std::string bits = pathIn(m_dir, "bits.dcm");
    writeDicomFile(bits, test::syntheticImage(8, 8, 1, 1, SampleFormat::UInt16, 16, "MONOCHROME2"));
    test::editDataset(bits, [](DcmDataset& dataset) { dataset.putAndInsertUint16(DCM_BitsStored, 17); });
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(bits), bits, "Bits Stored 17");
}

void DicomCodecTest::overflowingDimensions()
{
    // rows × columns × frames × samples × bytes overflows 64 bits: must be caught before any allocation.
    const std::string path = pathIn(m_dir, "overflow.dcm");
    writeDicomFile(path, test::syntheticImage(8, 8, 1, 3, SampleFormat::UInt8, 8, "RGB"));
    test::editDataset(path, [](DcmDataset& dataset) {
        dataset.putAndInsertUint16(DCM_Rows, 65535);
        dataset.putAndInsertUint16(DCM_Columns, 65535);
        dataset.putAndInsertString(DCM_NumberOfFrames, "2147483647");
    });
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(path), path, "absurd dimensions");
    RADDRAFT_EXPECT_DICOM_ERROR(readInstanceHeader(path), path, "absurd dimensions");
}

void DicomCodecTest::wrongVr()
{
    const std::string path = pathIn(m_dir, "wrongvr.dcm");
    writeDicomFile(path, test::syntheticImage(8, 8, 1, 1, SampleFormat::UInt16, 16, "MONOCHROME2"));
    test::editDataset(path, [](DcmDataset& dataset) {
        // Rows written as a decimal string instead of US.
        auto rows = std::make_unique<DcmDecimalString>(DcmTag(DCM_Rows, EVR_DS));
        rows->putString("8");
        dataset.insert(rows.release(), true);
    });
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(path), path, "wrong VR");
}

void DicomCodecTest::garbageAndEmptyFiles()
{
    const std::string garbage = pathIn(m_dir, "garbage.bin");
    test::writeGarbage(garbage, 5000, false);
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(garbage), garbage, "not a DICOM file");

    // Garbage after a valid preamble gets past the first check and must still fail cleanly.
    const std::string prefixed = pathIn(m_dir, "garbage.dcm");
    test::writeGarbage(prefixed, 5000, true);
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(prefixed), prefixed, "");

    const std::string empty = pathIn(m_dir, "empty.dcm");
    QFile file(QString::fromStdString(empty));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(empty), empty, "empty file");

    const std::string missing = pathIn(m_dir, "does-not-exist.dcm");
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(missing), missing, "does not exist");
}

void DicomCodecTest::unsupportedTransferSyntax()
{
    // A file that claims a transfer syntax we do not decode (MPEG-2) is refused by name.
    const std::string path = pathIn(m_dir, "mpeg.dcm");
    writeDicomFile(path, test::syntheticImage(8, 8, 1, 1, SampleFormat::UInt8, 8, "MONOCHROME2"));
    {
        DcmFileFormat file;
        QVERIFY(file.loadFile(path.c_str()).good());
        file.loadAllDataIntoMemory();
        file.getMetaInfo()->putAndInsertString(DCM_TransferSyntaxUID, "1.2.840.10008.1.2.4.100");
        // Keep the dataset encoding explicit LE but label it MPEG-2: DCMTK reads it as encapsulated.
        QVERIFY(file.saveFile(path.c_str(), EXS_LittleEndianExplicit, EET_ExplicitLength, EGL_recalcGL, EPD_noChange, 0, 0,
                              EWM_dontUpdateMeta)
                    .good());
    }
    RADDRAFT_EXPECT_DICOM_ERROR(decodeFile(path), path, "unsupported transfer syntax 1.2.840.10008.1.2.4.100");
    RADDRAFT_EXPECT_DICOM_ERROR(readInstanceHeader(path), path, "unsupported transfer syntax");
}

QTEST_GUILESS_MAIN(DicomCodecTest)
#include "DicomCodecTest.moc"
