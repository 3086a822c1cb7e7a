// The bundled sample studies are what the generator makes (byte-identical pixels, deterministic,
// the same ground-truth README), and they carry the tags a chest hanging and measurements rely on.

#include "dicom/DicomScanner.h"
#include "dicom/PixelDecoder.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace raddraft;

namespace {
const QStringList kSampleStudies = {QStringLiteral("phantom-normal"), QStringLiteral("phantom-cardiomegaly-effusion"),
                                    QStringLiteral("phantom-pneumothorax"), QStringLiteral("phantom-nodule"),
                                    QStringLiteral("phantom-devices"), QStringLiteral("phantom-edema")};
} // namespace

class TestSampleStudy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generatorReproducesTheBundledStudy()
    {
        QTemporaryDir folder;
        QProcess generator;
        generator.start(QStringLiteral(SAMPLE_GENERATOR), {folder.path()});
        QVERIFY(generator.waitForFinished(120000));
        QCOMPARE(generator.exitCode(), 0);
        const QString bundled = qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/samples");
        for (const QString& study : kSampleStudies) {
            for (const char* name : {"frontal.dcm", "lateral.dcm"}) {
                const QString relative = study + QLatin1Char('/') + QLatin1String(name);
                const auto fresh = dicom::decodeFile(folder.filePath(relative).toStdString());
                const auto shipped = dicom::decodeFile((bundled + QLatin1Char('/') + relative).toStdString());
                QCOMPARE(fresh.pixels.rows, shipped.pixels.rows);
                QCOMPARE(fresh.pixels.columns, shipped.pixels.columns);
                QVERIFY2(fresh.pixels.bytes == shipped.pixels.bytes, qPrintable(relative));
                QCOMPARE(fresh.info.sopInstanceUid, shipped.info.sopInstanceUid);
            }
        }
        QFile freshReadme(folder.filePath(QStringLiteral("README.md")));
        QFile shippedReadme(bundled + QStringLiteral("/README.md"));
        QVERIFY(freshReadme.open(QIODevice::ReadOnly) && shippedReadme.open(QIODevice::ReadOnly));
        QCOMPARE(freshReadme.readAll(), shippedReadme.readAll());
    }

    void bundledStudiesHaveChestTags()
    {
        for (const QString& study : kSampleStudies) {
            const QString bundled = qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/samples/") + study;
            checkChestTags(bundled);
        }
    }

private:
    void checkChestTags(const QString& bundled)
    {
        const dicom::ScanResult scan = dicom::scanPath(bundled.toStdString());
        QVERIFY(scan.errors.empty());
        QCOMPARE(scan.patients.size(), std::size_t{1});
        QVERIFY(QString::fromStdString(scan.patients[0].patientName).contains(QStringLiteral("SYNTHETIC")));
        const auto series = scan.allSeries();
        QCOMPARE(series.size(), std::size_t{2});
        QStringList views;
        for (const dicom::SeriesInfo* item : series) {
            const dicom::InstanceInfo& instance = item->instances.front();
            QCOMPARE(instance.modality, std::string("DX"));
            QCOMPARE(instance.bitsAllocated, 16);
            QVERIFY(instance.pixelSpacing && instance.imagerPixelSpacing);
            views << QString::fromStdString(instance.viewPosition);
        }
        views.sort();
        // PA, or AP for the portable (supine) sample, plus the left lateral.
        QVERIFY2(views == (QStringList{QStringLiteral("LL"), QStringLiteral("PA")}) ||
                     views == (QStringList{QStringLiteral("AP"), QStringLiteral("LL")}),
                 qPrintable(bundled + QStringLiteral(": ") + views.join(QLatin1Char(','))));
    }
};

QTEST_GUILESS_MAIN(TestSampleStudy)
#include "test_sample_study.moc"
