// Scanning: folders with good and bad files, DICOMDIRs, ordering of instances, plain PNG/JPEG
// images and files without a meta header.

#include "DicomTestSupport.h"

#include "dicom/DicomScanner.h"
#include "dicom/DicomWriter.h"
#include "dicom/PixelDecoder.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcddirif.h>

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <filesystem>

using namespace raddraft::dicom;

namespace {

DicomImageToWrite sliceImage(const std::string& studyUid, const std::string& seriesUid, int instanceNumber, double z)
{
    DicomImageToWrite image = test::syntheticImage(8, 8, 1, 1, SampleFormat::Int16, 16, "MONOCHROME2",
                                                   static_cast<unsigned>(instanceNumber));
    image.modality = "CT";
    image.sopClassUid = "1.2.840.10008.5.1.4.1.1.2"; // CT Image Storage
    image.studyInstanceUid = studyUid;
    image.seriesInstanceUid = seriesUid;
    image.instanceNumber = instanceNumber;
    image.imageOrientationPatient = std::array<double, 6>{1, 0, 0, 0, 1, 0};
    image.imagePositionPatient = std::array<double, 3>{0, 0, z};
    return image;
}

std::vector<int> instanceNumbers(const SeriesInfo& series)
{
    std::vector<int> numbers;
    for (const InstanceInfo& instance : series.instances)
        numbers.push_back(instance.instanceNumber);
    return numbers;
}

} // namespace

class DicomScanTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void folderWithGoodAndBadFiles();
    void ordersBySliceNormalWhenGeometryIsConsistent();
    void ordersByInstanceNumberOtherwise();
    void groupsPatientsStudiesSeries();
    void dicomDir();
    void plainImages();
    void fileWithoutMetaHeader();
    void missingPathThrows();
    void cancelStopsEarly();

private:
    std::string makeDir(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(path);
        return path.toStdString();
    }
    QTemporaryDir m_dir;
};

void DicomScanTest::folderWithGoodAndBadFiles()
{
    const std::string folder = makeDir("mixed");
    const std::string study = generateUid();
    const std::string series = generateUid();
    for (int i = 1; i <= 3; ++i)
        writeDicomFile(folder + "/slice" + std::to_string(i) + ".dcm", sliceImage(study, series, i, i * 2.5));
    std::filesystem::create_directories(folder + "/nested/deeper");
    writeDicomFile(folder + "/nested/deeper/slice4.dcm", sliceImage(study, series, 4, 10.0));
    test::writeGarbage(folder + "/garbage.dcm", 3000, false);
    test::truncateCopy(folder + "/slice1.dcm", folder + "/nested/truncated.dcm", 700);

    std::vector<std::pair<int, int>> progress;
    ScanOptions options;
    options.progress = [&](int done, int total) { progress.emplace_back(done, total); };
    const ScanResult result = scanPath(folder, options);
    QCOMPARE(result.filesExamined, 6);
    QCOMPARE(progress.size(), std::size_t{6});
    QCOMPARE(progress.back(), std::make_pair(6, 6));
    QCOMPARE(result.patients.size(), std::size_t{1});
    const auto series0 = result.allSeries();
    QCOMPARE(series0.size(), std::size_t{1});
    QCOMPARE(instanceNumbers(*series0[0]), (std::vector<int>{1, 2, 3, 4}));
    QCOMPARE(result.errors.size(), std::size_t{2});
    std::vector<std::string> badFiles;
    for (const DicomError& error : result.errors) {
        badFiles.push_back(std::filesystem::path(error.filePath()).filename().string());
        QVERIFY(!error.reason().empty());
    }
    std::sort(badFiles.begin(), badFiles.end());
    QCOMPARE(badFiles, (std::vector<std::string>{"garbage.dcm", "truncated.dcm"}));
    QVERIFY(result.findStudy(study) != nullptr);
    QVERIFY(result.findStudy("1.2.3.nope") == nullptr);
}

void DicomScanTest::ordersBySliceNormalWhenGeometryIsConsistent()
{
    // Instance numbers run against the positions; position along the normal wins.
    const std::string folder = makeDir("geometry");
    const std::string study = generateUid();
    const std::string series = generateUid();
    const double z[] = {30.0, -5.0, 12.5, 0.0};
    for (int i = 0; i < 4; ++i)
        writeDicomFile(folder + "/s" + std::to_string(i) + ".dcm", sliceImage(study, series, i + 1, z[i]));
    const ScanResult result = scanPath(folder);
    QCOMPARE(result.errors.size(), std::size_t{0});
    const SeriesInfo& sorted = *result.allSeries().at(0);
    QCOMPARE(instanceNumbers(sorted), (std::vector<int>{2, 4, 3, 1}));

    // An oblique stack: the normal is not z, so sorting by z alone would be wrong.
    std::vector<InstanceInfo> instances(3);
    const double c = std::sqrt(0.5);
    for (int i = 0; i < 3; ++i) {
        instances[i].instanceNumber = i + 1;
        instances[i].imageOrientationPatient = std::array<double, 6>{1, 0, 0, 0, c, c};
        // normal = (0, -c, c); positions chosen so that distance = (2 - i) * step
        instances[i].imagePositionPatient = std::array<double, 3>{0, -c * (2 - i), c * (2 - i)};
    }
    sortInstances(instances);
    QCOMPARE(instances[0].instanceNumber, 3);
    QCOMPARE(instances[2].instanceNumber, 1);
}

void DicomScanTest::ordersByInstanceNumberOtherwise()
{
    const std::string folder = makeDir("numbers");
    const std::string study = generateUid();
    const std::string series = generateUid();
    const int numbers[] = {5, 2, 9, 1};
    for (int i = 0; i < 4; ++i) {
        DicomImageToWrite image = sliceImage(study, series, numbers[i], i);
        if (i == 2)
            image.imageOrientationPatient = std::array<double, 6>{0, 1, 0, 0, 0, -1}; // inconsistent geometry
        writeDicomFile(folder + "/n" + std::to_string(i) + ".dcm", image);
    }
    const ScanResult result = scanPath(folder);
    QCOMPARE(instanceNumbers(*result.allSeries().at(0)), (std::vector<int>{1, 2, 5, 9}));
}

void DicomScanTest::groupsPatientsStudiesSeries()
{
    const std::string folder = makeDir("grouping");
    const std::string studyA = generateUid(), studyB = generateUid();
    const std::string series1 = generateUid(), series2 = generateUid(), series3 = generateUid();
    auto write = [&](const std::string& name, const std::string& patient, const std::string& study,
                     const std::string& series, int seriesNumber, const std::string& date) {
        DicomImageToWrite image = sliceImage(study, series, 1, 0);
        image.patientId = patient;
        image.patientName = patient + "^Name";
        image.seriesNumber = seriesNumber;
        image.studyDate = date;
        writeDicomFile(folder + "/" + name, image);
    };
    write("a.dcm", "P1", studyA, series2, 2, "20200101");
    write("b.dcm", "P1", studyA, series1, 1, "20200101");
    write("c.dcm", "P1", studyB, series3, 1, "20230505");
    write("d.dcm", "P2", generateUid(), generateUid(), 1, "20210101");
    const ScanResult result = scanPath(folder);
    QCOMPARE(result.patients.size(), std::size_t{2});
    const PatientInfo& p1 = result.patients[0];
    QCOMPARE(p1.patientId, std::string("P1"));
    QCOMPARE(p1.studies.size(), std::size_t{2});
    QCOMPARE(p1.studies[0].studyInstanceUid, studyB); // newest first
    QCOMPARE(p1.studies[1].series.size(), std::size_t{2});
    QCOMPARE(p1.studies[1].series[0].seriesNumber, 1);
    QCOMPARE(p1.studies[1].series[0].seriesInstanceUid, series1);
    QCOMPARE(p1.studies[1].series[0].modality, std::string("CT"));
}

void DicomScanTest::dicomDir()
{
    // A standard file-set: DICOMDIR at the root, files with 8-character upper-case IDs.
    const std::string root = makeDir("fileset");
    std::filesystem::create_directories(root + "/IMAGES");
    const std::string study = generateUid();
    const std::string series = generateUid();
    for (int i = 1; i <= 3; ++i) {
        DicomImageToWrite image = sliceImage(study, series, i, -i * 1.0);
        writeDicomFile(root + "/IMAGES/IM00000" + std::to_string(i), image);
    }
    {
        DicomDirInterface dicomDir;
        QVERIFY(dicomDir.createNewDicomDir(DicomDirInterface::AP_GeneralPurpose, (root + "/DICOMDIR").c_str(), "RADDRAFT")
                    .good());
        dicomDir.enableInventMode(OFTrue);
        const OFFilename directory(root.c_str());
        for (int i = 1; i <= 3; ++i)
            QVERIFY(dicomDir.addDicomFile(("IMAGES/IM00000" + std::to_string(i)).c_str(), directory).good());
        QVERIFY(dicomDir.writeDicomDir().good());
    }
    QVERIFY(isDicomDir(root + "/DICOMDIR"));
    QVERIFY(!isDicomDir(root + "/IMAGES/IM000001"));
    const std::vector<std::string> referenced = filesReferencedByDicomDir(root + "/DICOMDIR");
    QCOMPARE(referenced.size(), std::size_t{3});

    const ScanResult viaDicomDir = scanPath(root + "/DICOMDIR");
    QCOMPARE(viaDicomDir.errors.size(), std::size_t{0});
    QCOMPARE(viaDicomDir.filesExamined, 3);
    QCOMPARE(instanceNumbers(*viaDicomDir.allSeries().at(0)), (std::vector<int>{3, 2, 1}));

    // Scanning the folder reads the same files once, not again through the DICOMDIR.
    const ScanResult viaFolder = scanPath(root);
    QCOMPARE(viaFolder.filesExamined, 3);
    QCOMPARE(viaFolder.errors.size(), std::size_t{0});
    QCOMPARE(viaFolder.allSeries().at(0)->instances.size(), std::size_t{3});

    // A referenced file that disappeared is reported, the rest still load.
    std::filesystem::remove(root + "/IMAGES/IM000002");
    const ScanResult partial = scanPath(root + "/DICOMDIR");
    QCOMPARE(partial.errors.size(), std::size_t{1});
    QVERIFY(partial.errors[0].filePath().find("IM000002") != std::string::npos);
    QCOMPARE(partial.allSeries().at(0)->instances.size(), std::size_t{2});
}

void DicomScanTest::plainImages()
{
    const std::string folder = makeDir("plain");
    QImage grey(13, 7, QImage::Format_Grayscale8);
    for (int y = 0; y < grey.height(); ++y)
        for (int x = 0; x < grey.width(); ++x)
            grey.scanLine(y)[x] = static_cast<uchar>(x * 19 + y * 3);
    QVERIFY(grey.save(QString::fromStdString(folder + "/grey.png")));
    QImage grey16(5, 4, QImage::Format_Grayscale16);
    for (int y = 0; y < grey16.height(); ++y)
        for (int x = 0; x < grey16.width(); ++x)
            reinterpret_cast<quint16*>(grey16.scanLine(y))[x] = static_cast<quint16>(x * 9000 + y * 7);
    QVERIFY(grey16.save(QString::fromStdString(folder + "/grey16.png")));
    QImage colour(6, 9, QImage::Format_RGB888);
    colour.fill(QColor(200, 30, 90));
    QVERIFY(colour.save(QString::fromStdString(folder + "/colour.jpg"), "JPEG", 100));

    const ScanResult result = scanPath(folder);
    QCOMPARE(result.errors.size(), std::size_t{0});
    const auto series = result.allSeries();
    QCOMPARE(series.size(), std::size_t{3}); // one series per plain image
    for (const SeriesInfo* s : series) {
        QCOMPARE(s->modality, std::string("OT"));
        QVERIFY(s->instances.at(0).isPlainImage);
    }

    const DecodedImage decodedGrey = decodeFile(folder + "/grey.png");
    QCOMPARE(decodedGrey.pixels.photometric, std::string("MONOCHROME2"));
    QCOMPARE(decodedGrey.pixels.rows, 7);
    QCOMPARE(decodedGrey.pixels.columns, 13);
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 13; ++x)
            QCOMPARE(decodedGrey.pixels.bytes[static_cast<std::size_t>(y * 13 + x)], static_cast<std::uint8_t>(x * 19 + y * 3));

    const DecodedImage decoded16 = decodeFile(folder + "/grey16.png");
    QCOMPARE(decoded16.pixels.format, SampleFormat::UInt16);
    QCOMPARE(sampleValue(decoded16.pixels, 3 * 5 + 4), std::int64_t{4 * 9000 + 3 * 7});

    const DecodedImage decodedColour = decodeFile(folder + "/colour.jpg");
    QCOMPARE(decodedColour.pixels.photometric, std::string("RGB"));
    QCOMPARE(decodedColour.pixels.samplesPerPixel, 3);
    QVERIFY(std::abs(static_cast<int>(decodedColour.pixels.bytes[0]) - 200) <= 3); // JPEG is lossy

    ScanOptions noPlain;
    noPlain.acceptPlainImages = false;
    const ScanResult refused = scanPath(folder, noPlain);
    QCOMPARE(refused.errors.size(), std::size_t{3});
    QVERIFY(refused.patients.empty());
}

void DicomScanTest::fileWithoutMetaHeader()
{
    const std::string folder = makeDir("nometa");
    const DicomImageToWrite image = sliceImage(generateUid(), generateUid(), 7, 1.0);
    writeDicomFile(folder + "/raw", image, {WriteTransferSyntax::ImplicitLittleEndian, false});
    const ScanResult result = scanPath(folder);
    QCOMPARE(result.errors.size(), std::size_t{0});
    QCOMPARE(result.allSeries().at(0)->instances.at(0).instanceNumber, 7);
    QCOMPARE(decodeFile(folder + "/raw").pixels.bytes, image.pixels.bytes);
}

void DicomScanTest::missingPathThrows()
{
    const std::string missing = m_dir.filePath("nothing-here").toStdString();
    bool thrown = false;
    try {
        scanPath(missing);
    } catch (const DicomError& error) {
        thrown = true;
        QCOMPARE(error.filePath(), missing);
    }
    QVERIFY(thrown);
}

void DicomScanTest::cancelStopsEarly()
{
    const std::string folder = makeDir("cancel");
    for (int i = 1; i <= 5; ++i)
        writeDicomFile(folder + "/c" + std::to_string(i) + ".dcm", sliceImage(generateUid(), generateUid(), i, i));
    std::atomic<bool> cancel{false};
    ScanOptions options;
    options.cancel = &cancel;
    options.progress = [&](int done, int) {
        if (done == 2)
            cancel = true;
    };
    const ScanResult result = scanPath(folder, options);
    QCOMPARE(result.filesExamined, 2);
}

QTEST_GUILESS_MAIN(DicomScanTest)
#include "DicomScanTest.moc"
