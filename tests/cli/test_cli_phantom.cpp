// raddraft-cli phantom as a user runs it: a small set at 256 px read back with the dataset loader,
// the image/mask reader and the DICOM reader; identical bytes for any thread count; stable splits;
// one clear line for bad arguments.

#include "CliProcess.h"

#include "DatasetImageReader.h"
#include "datasets/Dataset.h"
#include "dicom/DicomScanner.h"
#include "dicom/PixelDecoder.h"
#include "display/ModelInput.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using raddraft::dataset_io::DatasetImageReader;
using raddraft::dataset_io::DatasetMask;
namespace datasets = raddraft::datasets;
namespace dicom = raddraft::dicom;

namespace {

constexpr int kStudies = 6;
constexpr int kSize = 256;

QStringList phantomArguments(const QString& out, int threads, int studies = kStudies)
{
    return {QStringLiteral("phantom"), QStringLiteral("--out"), out, QStringLiteral("--studies"), QString::number(studies),
            QStringLiteral("--seed"), QStringLiteral("20240605"), QStringLiteral("--size"), QString::number(kSize),
            QStringLiteral("--normal-fraction"), QStringLiteral("0.2"), QStringLiteral("--threads"), QString::number(threads)};
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject annotationOf(const QString& folder)
{
    return QJsonDocument::fromJson(readAll(folder + QStringLiteral("/annotation.json"))).object();
}

// Every file under `folder`, relative path → SHA-256.
QMap<QString, QByteArray> fileHashes(const QString& folder)
{
    QMap<QString, QByteArray> hashes;
    QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        hashes.insert(QDir(folder).relativeFilePath(path), QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256));
    }
    return hashes;
}

} // namespace

class TestCliPhantom : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_folder;
    QString m_twoThreads;

    QString path(const QString& name) const { return m_folder.filePath(name); }

    void verifyNothingPartialIsLeft() const
    {
        const QStringList left = QDir(m_folder.path()).entryList({QStringLiteral("*.partial-*"), QStringLiteral("*.replaced-*")},
                                                                 QDir::AllEntries | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_twoThreads = path(QStringLiteral("two-threads"));
        const CliRun run = runCli(phantomArguments(m_twoThreads, 2));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("phantom: 6 studies")), qPrintable(run.err));
    }

    void loadsWithTheDatasetLoader()
    {
        const datasets::Dataset dataset = datasets::loadDataset(m_twoThreads.toStdString());
        QCOMPARE(dataset.kind, datasets::DatasetKind::Phantom);
        QCOMPARE(int(dataset.records.size()), kStudies);
        const std::vector<std::string> missing = datasets::checkImages(dataset);
        QVERIFY2(missing.empty(), missing.empty() ? "" : missing.front().c_str());
        const QJsonObject annotation = annotationOf(m_twoThreads);
        QCOMPARE(annotation.keys(), (QStringList{QStringLiteral("test"), QStringLiteral("train"), QStringLiteral("val")}));

        QSet<QString> ids;
        int withFindings = 0;
        int masksChecked = 0;
        const DatasetImageReader reader;
        for (const QString& split : annotation.keys()) {
            for (const QJsonValue& value : annotation.value(split).toArray()) {
                const QJsonObject entry = value.toObject();
                const QString id = entry.value(QStringLiteral("id")).toString();
                ids.insert(id);
                QCOMPARE(entry.value(QStringLiteral("split")).toString(), split);
                QCOMPARE(entry.value(QStringLiteral("image_path")).toArray(),
                         (QJsonArray{id + QStringLiteral("/0.png"), id + QStringLiteral("/1.png")}));
                QVERIFY(!entry.value(QStringLiteral("report")).toString().isEmpty());
                QCOMPARE(entry.value(QStringLiteral("dicom")).toArray(),
                         (QJsonArray{QStringLiteral("dicom/") + id + QStringLiteral("/frontal.dcm"),
                                     QStringLiteral("dicom/") + id + QStringLiteral("/lateral.dcm")}));
                for (const char* view : {"/0.png", "/1.png"}) {
                    QImageReader png(m_twoThreads + QStringLiteral("/images/") + id + view);
                    QCOMPARE(png.imageFormat(), QImage::Format_Grayscale16);
                    QCOMPARE(png.size(), QSize(kSize, kSize));
                }

                // Labels agree with the findings: each finding's node is positive (1) or hedged (−1).
                const QJsonObject labels = entry.value(QStringLiteral("labels")).toObject();
                const QJsonArray findings = entry.value(QStringLiteral("findings")).toArray();
                QCOMPARE(labels.value(QStringLiteral("normal")).toInt(), findings.isEmpty() ? 1 : 0);
                QVERIFY(!entry.value(QStringLiteral("observations")).toObject().isEmpty());
                withFindings += findings.isEmpty() ? 0 : 1;
                QSet<QString> nodes;
                for (const QJsonValue& finding : findings) {
                    const QString node = finding.toObject().value(QStringLiteral("node")).toString();
                    nodes.insert(node);
                    const int label = labels.value(node).toInt(0);
                    QVERIFY2(label == 1 || label == -1, qPrintable(id + QStringLiteral(": ") + node));
                }
                QCOMPARE(entry.value(QStringLiteral("context_labels")).toArray().isEmpty(), findings.isEmpty());

                // Masks: one entry per finding node present, binary, image-sized, not empty.
                const QJsonObject masks = entry.value(QStringLiteral("masks")).toObject();
                for (const QString& node : masks.keys()) {
                    QVERIFY2(nodes.contains(node), qPrintable(node));
                    const QJsonArray views = masks.value(node).toArray();
                    QCOMPARE(views.size(), 2);
                    const QString key = QString(node).replace(QLatin1Char(' '), QLatin1Char('_'));
                    const QString expected[] = {id + QStringLiteral("/masks/") + key + QStringLiteral("_frontal.png"),
                                                id + QStringLiteral("/masks/") + key + QStringLiteral("_lateral.png")};
                    for (int view = 0; view < 2; ++view) {
                        const QString relative = views[view].toString();
                        if (relative.isEmpty())
                            continue;
                        QCOMPARE(relative, expected[view]);
                        const DatasetMask mask = reader.readMask((m_twoThreads + QStringLiteral("/images/") + relative).toStdString());
                        QCOMPARE(mask.width, kSize);
                        QCOMPARE(mask.height, kSize);
                        QVERIFY(std::find(mask.pixels.begin(), mask.pixels.end(), 1) != mask.pixels.end());
                        ++masksChecked;
                    }
                }
            }
        }
        QCOMPARE(ids.size(), kStudies);
        QVERIFY(withFindings > 0);
        QVERIFY(masksChecked > 0);
    }

    void writesReadableDicomThatMatchesThePng()
    {
        const datasets::Dataset dataset = datasets::loadDataset(m_twoThreads.toStdString());
        const datasets::DatasetRecord& record = dataset.records.front();
        const QString id = QString::fromStdString(record.id);
        const dicom::ScanResult scan = dicom::scanPath((m_twoThreads + QStringLiteral("/dicom/") + id).toStdString());
        QVERIFY(scan.errors.empty());
        QCOMPARE(int(scan.patients.size()), 1);
        const dicom::PatientInfo& patient = scan.patients.front();
        QCOMPARE(QString::fromStdString(patient.patientName), QStringLiteral("PHANTOM^SYNTHETIC"));
        QCOMPARE(QString::fromStdString(patient.patientId), id);
        QCOMPARE(int(patient.studies.size()), 1); // both views in one study
        const dicom::StudyInfo& study = patient.studies.front();
        QVERIFY(QString::fromStdString(study.studyDescription).contains(QStringLiteral("SYNTHETIC")));
        QVERIFY(QString::fromStdString(study.studyInstanceUid).startsWith(QStringLiteral("2.25.")));
        QVERIFY(study.studyInstanceUid.size() <= 64);
        QCOMPARE(int(study.series.size()), 2);

        const DatasetImageReader reader;
        for (int view = 0; view < 2; ++view) {
            const dicom::SeriesInfo& series = study.series[static_cast<std::size_t>(view)];
            QCOMPARE(QString::fromStdString(series.bodyPartExamined), QStringLiteral("CHEST"));
            QCOMPARE(int(series.instances.size()), 1);
            const dicom::InstanceInfo& instance = series.instances.front();
            QCOMPARE(QString::fromStdString(instance.modality), QStringLiteral("DX"));
            QCOMPARE(QString::fromStdString(instance.sopClassUid), QStringLiteral("1.2.840.10008.5.1.4.1.1.1.1"));
            QCOMPARE(QString::fromStdString(instance.photometricInterpretation), QStringLiteral("MONOCHROME2"));
            QCOMPARE(instance.bitsAllocated, 16);
            QCOMPARE(instance.bitsStored, 16);
            QCOMPARE(instance.rows, kSize);
            QVERIFY(instance.pixelSpacing.has_value() && (*instance.pixelSpacing)[0] > 0.0);
            QVERIFY(instance.imageLaterality.empty());
            QVERIFY(QString::fromStdString(instance.sopInstanceUid).startsWith(QStringLiteral("2.25.")));
            const QString position = QString::fromStdString(instance.viewPosition);
            QVERIFY2(view == 0 ? (position == QStringLiteral("PA") || position == QStringLiteral("AP"))
                               : position == QStringLiteral("LL"),
                     qPrintable(position));

            // The viewer's default windowing gives exactly the PNG / 65535 the trainer reads.
            const dicom::DecodedImage decoded = dicom::decodeFile(instance.filePath);
            const raddraft::viewer::UnitImage unit = raddraft::viewer::toUnitImage(decoded);
            const raddraft::inference::ImageView png = reader.readImage(record.imagePaths[static_cast<std::size_t>(view)]);
            QCOMPARE(unit.width, png.width);
            QCOMPARE(unit.height, png.height);
            float worst = 0.0f;
            for (std::size_t i = 0; i < png.pixels.size(); ++i)
                worst = std::max(worst, std::abs(unit.pixels[i] - png.pixels[i]));
            QVERIFY2(worst <= 1e-4f, qPrintable(QString::number(worst)));
        }
        QVERIFY(study.series[0].seriesInstanceUid != study.series[1].seriesInstanceUid);
    }

    void sameBytesForAnyThreadCount()
    {
        const QString oneThread = path(QStringLiteral("one-thread"));
        const CliRun run = runCli(phantomArguments(oneThread, 1));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QMap<QString, QByteArray> one = fileHashes(oneThread);
        const QMap<QString, QByteArray> two = fileHashes(m_twoThreads);
        QCOMPARE(one.keys(), two.keys());
        QVERIFY(one.contains(QStringLiteral("annotation.json")));
        for (const QString& file : one.keys())
            QVERIFY2(one.value(file) == two.value(file), qPrintable(file)); // PNGs, masks, DICOM, JSON
        verifyNothingPartialIsLeft();
    }

    void moreStudiesKeepTheEarlierOnes()
    {
        const QString smaller = path(QStringLiteral("smaller"));
        const CliRun run = runCli(phantomArguments(smaller, 2, 3));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject small = annotationOf(smaller);
        const QJsonObject large = annotationOf(m_twoThreads);
        int found = 0;
        for (const QString& split : small.keys()) {
            const QJsonArray largeEntries = large.value(split).toArray();
            for (const QJsonValue& entry : small.value(split).toArray()) {
                QVERIFY2(largeEntries.contains(entry), qPrintable(entry.toObject().value(QStringLiteral("id")).toString()));
                ++found;
            }
        }
        QCOMPARE(found, 3);
    }

    void splitFractionsAreHonoured()
    {
        const QString allTest = path(QStringLiteral("all-test"));
        const CliRun run = runCli(phantomArguments(allTest, 2, 4) << QStringLiteral("--split-fractions") << QStringLiteral("0,0,1"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const datasets::Dataset dataset = datasets::loadDataset(allTest.toStdString());
        QCOMPARE(int(dataset.split("test").size()), 4);
        QVERIFY(dataset.split("train").empty());
    }

    void refusesANonEmptyFolderUnlessOverwriting()
    {
        const QString existing = path(QStringLiteral("existing"));
        QVERIFY(QDir().mkpath(existing));
        QFile keep(existing + QStringLiteral("/keep.txt"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.close();
        CliRun run = runCli(phantomArguments(existing, 2, 1));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(run.err.contains(existing) && run.err.contains(QStringLiteral("--overwrite")), qPrintable(run.err));
        QVERIFY(QFile::exists(existing + QStringLiteral("/keep.txt")));

        run = runCli(phantomArguments(existing, 2, 1) << QStringLiteral("--overwrite"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!QFile::exists(existing + QStringLiteral("/keep.txt")));
        QVERIFY(QFile::exists(existing + QStringLiteral("/annotation.json")));
        verifyNothingPartialIsLeft();
    }

    void badArgumentsGiveOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString out = path(QStringLiteral("never"));
        const QStringList base{QStringLiteral("phantom"), QStringLiteral("--out"), out, QStringLiteral("--seed"), QStringLiteral("1")};
        QTest::newRow("no --studies") << base << QStringLiteral("--studies N is required");
        QTest::newRow("no --out") << QStringList{QStringLiteral("phantom"), QStringLiteral("--studies"), QStringLiteral("2"),
                                                 QStringLiteral("--seed"), QStringLiteral("1")}
                                  << QStringLiteral("--out DIR is required");
        QTest::newRow("zero studies") << (QStringList(base) << QStringLiteral("--studies") << QStringLiteral("0"))
                                      << QStringLiteral("--studies 0: expected");
        QTest::newRow("size not a number") << (QStringList(base) << QStringLiteral("--studies") << QStringLiteral("2")
                                                                 << QStringLiteral("--size") << QStringLiteral("big"))
                                           << QStringLiteral("--size big: expected");
        QTest::newRow("negative seed") << QStringList{QStringLiteral("phantom"), QStringLiteral("--out"), out, QStringLiteral("--studies"),
                                                      QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("-3")}
                                       << QStringLiteral("--seed -3: expected");
        QTest::newRow("fractions do not sum to 1")
            << (QStringList(base) << QStringLiteral("--studies") << QStringLiteral("2") << QStringLiteral("--split-fractions")
                                  << QStringLiteral("0.5,0.5,0.5"))
            << QStringLiteral("sum to 1");
        QTest::newRow("two fractions") << (QStringList(base) << QStringLiteral("--studies") << QStringLiteral("2")
                                                             << QStringLiteral("--split-fractions") << QStringLiteral("0.5,0.5"))
                                       << QStringLiteral("three numbers");
        QTest::newRow("normal fraction above 1") << (QStringList(base) << QStringLiteral("--studies") << QStringLiteral("2")
                                                                       << QStringLiteral("--normal-fraction") << QStringLiteral("1.5"))
                                                 << QStringLiteral("--normal-fraction 1.5: expected");
        QTest::newRow("zero threads") << (QStringList(base) << QStringLiteral("--studies") << QStringLiteral("2")
                                                            << QStringLiteral("--threads") << QStringLiteral("0"))
                                      << QStringLiteral("--threads 0: expected");
        QTest::newRow("unknown argument") << (QStringList(base) << QStringLiteral("--studies") << QStringLiteral("2")
                                                                << QStringLiteral("--colour"))
                                          << QStringLiteral("unknown argument '--colour'");
        QTest::newRow("missing value") << (QStringList(base) << QStringLiteral("--studies")) << QStringLiteral("--studies needs a value");
    }

    void badArgumentsGiveOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(run.err.startsWith(QStringLiteral("raddraft-cli: phantom: ")) && run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFile::exists(path(QStringLiteral("never"))));
    }

    void anExistingFileIsNotAnOutputFolder()
    {
        const QString file = path(QStringLiteral("a-file"));
        QFile plain(file);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        const CliRun run = runCli(phantomArguments(file, 1, 1));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("exists and is not a folder")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliPhantom)
#include "test_cli_phantom.moc"
