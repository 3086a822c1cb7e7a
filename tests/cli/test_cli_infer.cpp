// raddraft-cli infer end to end: a tiny bundle created at test time drafts a report for the
// bundled sample study (DICOM folder) and for plain PNG views; bad input is one clear line.

#include "CliProcess.h"
#include "inference/Bundle.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace raddraft;

namespace {

QString samplePath()
{
    return qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/samples/phantom-cardiomegaly-effusion");
}

} // namespace

class TestCliInfer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_work;
    QString m_bundle;

    // Creates a random bundle of `modelType` (the tiny shared vocabulary, 64-px images), drafts the
    // sample study with it through `raddraft-cli infer --json` and hands back the Draft JSON. On
    // failure it records the failure and returns; callers check QTest::currentTestFailed().
    void draftWithRandomBundle(const std::string& modelType, const std::string& hyperParametersJson, QJsonObject* draft)
    {
        inference::BundleSpec spec;
        spec.modelType = modelType;
        spec.name = "tiny cli " + modelType;
        spec.hyperParametersJson = hyperParametersJson;
        spec.vocabulary = {".", "<unk>", "are", "clear", "effusion", "heart", "is", "lungs", "no", "normal", "pleural", "size", "the"};
        spec.knowledgeGraphFile = (qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/knowledge_graph/chest.json")).toStdString();
        spec.imageSize = 64;
        spec.seed = 11;
        const QString type = QString::fromStdString(modelType);
        const QString bundle = m_work.filePath(QStringLiteral("tiny-") + type);
        inference::createRandomBundle(spec, bundle.toStdString());
        const QString json = m_work.filePath(type + QStringLiteral("-draft.json"));
        const CliRun run = runCli({QStringLiteral("infer"), QStringLiteral("--model"), bundle, QStringLiteral("--device"),
                                QStringLiteral("cpu"), QStringLiteral("--json"), json, samplePath()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        *draft = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(draft->value(QStringLiteral("model")).toObject().value(QStringLiteral("type")).toString(), type);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        inference::BundleSpec spec;
        spec.modelType = "transformer";
        spec.name = "tiny cli test model";
        spec.hyperParametersJson =
            R"({"visual_extractor": "resnet18", "d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 64, "max_length": 12})";
        spec.vocabulary = {".", "<unk>", "are", "clear", "effusion", "heart", "is", "lungs", "no", "normal", "pleural", "size", "the"};
        spec.knowledgeGraphFile = (qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/knowledge_graph/chest.json")).toStdString();
        spec.imageSize = 64;
        spec.seed = 11;
        m_bundle = m_work.filePath(QStringLiteral("tiny"));
        inference::createRandomBundle(spec, m_bundle.toStdString());
    }

    void draftsTheSampleStudyFromItsFolder()
    {
        const QString json = m_work.filePath(QStringLiteral("draft.json"));
        const CliRun run = runCli({QStringLiteral("infer"), QStringLiteral("--model"), m_bundle, QStringLiteral("--device"),
                                QStringLiteral("cpu"), QStringLiteral("--json"), json, samplePath()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!run.out.trimmed().isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("tiny cli test model")), qPrintable(run.err));

        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject draft = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(draft.value(QStringLiteral("model")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("transformer"));
        QCOMPARE(draft.value(QStringLiteral("text")).toString().trimmed(), run.out.trimmed());
        QVERIFY(draft.contains(QStringLiteral("sentences")));
        QVERIFY(!draft.value(QStringLiteral("timings")).toArray().isEmpty());

        // The same study through --frontal/--lateral gives the same draft (deterministic model).
        const CliRun named = runCli({QStringLiteral("infer"), QStringLiteral("--model"), m_bundle, QStringLiteral("--frontal"),
                                  samplePath() + QStringLiteral("/frontal.dcm"), QStringLiteral("--lateral"),
                                  samplePath() + QStringLiteral("/lateral.dcm")});
        QVERIFY2(named.exitCode == 0, qPrintable(named.err));
        QCOMPARE(named.out, run.out);
    }

    void acceptsPlainPngViews()
    {
        QImage frontal(128, 160, QImage::Format_Grayscale8);
        for (int y = 0; y < frontal.height(); ++y)
            for (int x = 0; x < frontal.width(); ++x)
                frontal.scanLine(y)[x] = static_cast<uchar>((x * 2 + y) % 256);
        const QString png = m_work.filePath(QStringLiteral("frontal.png"));
        QVERIFY(frontal.save(png));
        const CliRun run = runCli({QStringLiteral("infer"), QStringLiteral("--model"), m_bundle, QStringLiteral("--frontal"), png});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void exampleProgramDraftsFromPgm()
    {
        // inference/examples/draft_report: the library's linear example keeps working.
        QImage frontal(96, 112, QImage::Format_Grayscale8);
        for (int y = 0; y < frontal.height(); ++y)
            for (int x = 0; x < frontal.width(); ++x)
                frontal.scanLine(y)[x] = static_cast<uchar>((x * 3 + y * 2) % 256);
        const QString pgm = m_work.filePath(QStringLiteral("frontal.pgm"));
        QVERIFY(frontal.save(pgm, "PGM"));
        QProcess example;
        example.start(QStringLiteral(RADDRAFT_EXAMPLE), {m_bundle, pgm});
        QVERIFY(example.waitForFinished(120000));
        QVERIFY2(example.exitCode() == 0, example.readAllStandardError().constData());
        QVERIFY(!example.readAllStandardOutput().trimmed().isEmpty());

        QProcess broken;
        broken.start(QStringLiteral(RADDRAFT_EXAMPLE), {m_bundle, m_work.filePath(QStringLiteral("missing.pgm"))});
        QVERIFY(broken.waitForFinished(120000));
        QCOMPARE(broken.exitCode(), 1);
        QVERIFY(broken.readAllStandardError().contains("missing.pgm"));
    }

    void draftsWithACknetBundle()
    {
        // A CKNet bundle runs through the same command; its draft names the graph nodes each image
        // patch distilled (2 views × 2 × 2 patches at 64 px).
        QJsonObject draft;
        draftWithRandomBundle("cknet", R"({"d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 64, "max_length": 12,
                                       "knowledge_dim": 16, "knowledge_matrix": "random"})", &draft);
        if (QTest::currentTestFailed())
            return;
        const QJsonArray patches = draft.value(QStringLiteral("patch_nodes")).toArray();
        QCOMPARE(patches.size(), 8);
        QVERIFY(!patches.first().toObject().value(QStringLiteral("nodes")).toArray().isEmpty());
    }

    void draftsWithAPpkedBundle()
    {
        // A PPKED bundle (no retrieval corpus: a random bundle has no training split) runs through
        // the same command; its draft carries PoKE's topic maps, one per topic of the paper's bag.
        QJsonObject draft;
        draftWithRandomBundle("ppked", R"({"d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 64, "max_length": 12,
                                       "report_embedding_size": 16, "graph_layers": 1})", &draft);
        if (QTest::currentTestFailed())
            return;
        const QJsonArray topics = draft.value(QStringLiteral("topic_maps")).toArray();
        QCOMPARE(topics.size(), 20);
        QCOMPARE(topics.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("cardiomegaly"));
        QCOMPARE(topics.first().toObject().value(QStringLiteral("heatmaps")).toArray().size(), 2);
    }

    void draftsWithACvseBundle()
    {
        // A CVSE bundle runs through the same command. A random bundle has no finding groups (no
        // training split was grouped), so nothing clears the threshold: the draft says the normal
        // sentence and marks it as "no abnormal finding retrieved".
        QJsonObject draft;
        draftWithRandomBundle("cvse", R"({"joint_dim": 16, "attention_dim": 16, "text_dim": 8, "text_buckets": 16, "max_length": 12})", &draft);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(draft.value(QStringLiteral("text")).toString(), QStringLiteral("No acute cardiopulmonary abnormality."));
        const QJsonArray sentences = draft.value(QStringLiteral("sentences")).toArray();
        QCOMPARE(sentences.size(), 1);
        const QJsonObject values = sentences.first().toObject().value(QStringLiteral("support")).toObject().value(QStringLiteral("values")).toObject();
        QCOMPARE(values.value(QStringLiteral("no_abnormal_finding_retrieved")).toDouble(), 1.0);
        QCOMPARE(draft.value(QStringLiteral("findings")).toArray().size(), 20);
    }

    void draftsWithAJpgBundle()
    {
        // A JPG bundle runs through the same command; its draft carries the first decoder layer's
        // attention per token and the classifier's findings (one per label).
        QJsonObject draft;
        draftWithRandomBundle("jpg", R"({"d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 64, "max_length": 12,
                                       "basis_vectors": 16, "basis_dim": 16, "label_hidden": 16})", &draft);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(draft.value(QStringLiteral("findings")).toArray().size(), 20);
        const QJsonArray tokens = draft.value(QStringLiteral("tokens")).toArray();
        for (const QJsonValue& token : tokens)
            QCOMPARE(token.toObject().value(QStringLiteral("heatmaps")).toArray().size(), 2);
    }

    void draftsWithAnAsgkBundle()
    {
        // An ASGK bundle runs through the same command; its draft carries the auxiliary heatmap and
        // region box of each view and the tag graph (all 21 nodes, edges above 0.3 only).
        QJsonObject draft;
        draftWithRandomBundle("asgk", R"({"d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 64, "max_length": 12,
                                       "region_size": 16, "region_channels": 16, "max_positions": 40})", &draft);
        if (QTest::currentTestFailed())
            return;
        const QJsonArray boxes = draft.value(QStringLiteral("region_boxes")).toArray();
        QCOMPARE(boxes.size(), 2);
        QCOMPARE(boxes.first().toObject().value(QStringLiteral("label")).toString(), QStringLiteral("auxiliary region"));
        QVERIFY(boxes.first().toObject().value(QStringLiteral("x1")).toDouble() > boxes.first().toObject().value(QStringLiteral("x0")).toDouble());
        const QJsonArray maps = draft.value(QStringLiteral("topic_maps")).toArray();
        QCOMPARE(maps.size(), 1);
        QCOMPARE(maps.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("auxiliary heatmap"));
        const QJsonObject graph = draft.value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("nodes")).toArray().size(), 21);
        for (const QJsonValue& edge : graph.value(QStringLiteral("edges")).toArray())
            QVERIFY(edge.toObject().value(QStringLiteral("weight")).toDouble() > 0.3);
    }

    void badInputIsOneClearLine()
    {
        // Usage errors exit 2.
        CliRun run = runCli({QStringLiteral("infer"), samplePath()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("--model")));

        // A missing bundle names itself; nothing is written.
        const QString json = m_work.filePath(QStringLiteral("never.json"));
        const QString missing = m_work.filePath(QStringLiteral("no-such-bundle"));
        run = runCli({QStringLiteral("infer"), QStringLiteral("--model"), missing, QStringLiteral("--json"), json, samplePath()});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
        QVERIFY(!QFile::exists(json));

        // A corrupted weights file is caught by its checksum.
        const QString broken = m_work.filePath(QStringLiteral("broken"));
        QVERIFY(QDir().mkpath(broken));
        for (const QString& name : QDir(m_bundle).entryList(QDir::Files)) {
            QVERIFY(QFile::copy(m_bundle + QLatin1Char('/') + name, broken + QLatin1Char('/') + name));
            if (name.endsWith(QStringLiteral(".safetensors"))) {
                QFile weights(broken + QLatin1Char('/') + name);
                QVERIFY(weights.open(QIODevice::ReadWrite));
                QVERIFY(weights.seek(weights.size() - 8));
                weights.write("XXXXXXXX");
            }
        }
        run = runCli({QStringLiteral("infer"), QStringLiteral("--model"), broken, samplePath()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("safetensors")), qPrintable(run.err));

        // An image that is not one.
        QFile notImage(m_work.filePath(QStringLiteral("notes.dcm")));
        QVERIFY(notImage.open(QIODevice::WriteOnly));
        notImage.write("this is not an image");
        notImage.close();
        run = runCli({QStringLiteral("infer"), QStringLiteral("--model"), m_bundle, QStringLiteral("--frontal"), notImage.fileName()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("notes.dcm")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliInfer)
#include "test_cli_infer.moc"
