// The bundled sample study is what the generator makes (byte-identical pixels, deterministic),
// and it carries the tags a chest hanging and measurements rely on.

#include "dicom/DicomScanner.h"
#include "dicom/PixelDecoder.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace raddraft;

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
        const QString bundled = qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/samples/chest-pa-lateral");
        for (const char* name : {"chest-pa.dcm", "chest-lateral.dcm"}) {
            const auto fresh = dicom::decodeFile(folder.filePath(QLatin1String(name)).toStdString());
            const auto shipped = dicom::decodeFile((bundled + QLatin1Char('/') + QLatin1String(name)).toStdString());
            QCOMPARE(fresh.pixels.rows, shipped.pixels.rows);
            QCOMPARE(fresh.pixels.columns, shipped.pixels.columns);
            QVERIFY2(fresh.pixels.bytes == shipped.pixels.bytes, name);
            QCOMPARE(fresh.info.sopInstanceUid, shipped.info.sopInstanceUid);
        }
    }

    void bundledStudyHasChestTags()
    {
        const QString bundled = qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/samples/chest-pa-lateral");
        const dicom::ScanResult scan = dicom::scanPath(bundled.toStdString());
        QVERIFY(scan.errors.empty());
        QCOMPARE(scan.patients.size(), std::size_t{1});
        QVERIFY(QString::fromStdString(scan.patients[0].patientName).startsWith(QStringLiteral("SYNTHETIC")));
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
        QCOMPARE(views, (QStringList{QStringLiteral("LL"), QStringLiteral("PA")}));
    }
};

QTEST_GUILESS_MAIN(TestSampleStudy)
#include "test_sample_study.moc"
