// raddraft-cli train as a user runs it: a tiny phantom set (made with `raddraft-cli phantom`), a tiny
// configuration, a complete bundle that `raddraft-cli infer` then drafts with, the work directory
// (config, curves CSV and plot, checkpoint), and one clear line for bad input.

#include "CliProcess.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// ResNet-18 at 64 px, a one-layer d_model 32 encoder-decoder, one pre-training epoch, two report
// epochs: seconds on one thread.
const QByteArray kTinyConfig = R"({
  "threads": 1,
  "model": {"d_model": 32, "num_heads": 4, "num_layers": 1, "d_ff": 64, "max_length": 30},
  "data": {"image_size": 64, "vocabulary_threshold": 1, "workers": 1},
  "pretrain": {"epochs": 1, "batch_size": 8},
  "train": {"epochs": 2, "batch_size": 8}
})";

} // namespace

class TestCliTrain : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_work;
    QString m_dataset;
    QString m_config;

    QStringList trainArguments(const QString& out, const QString& config) const
    {
        return {QStringLiteral("train"), QStringLiteral("--type"), QStringLiteral("transformer"), QStringLiteral("--dataset"),
                m_dataset, QStringLiteral("--out"), out, QStringLiteral("--config"), config, QStringLiteral("--device"),
                QStringLiteral("cpu")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_dataset = m_work.filePath(QStringLiteral("phantom"));
        const CliRun phantom = runCli({QStringLiteral("phantom"), QStringLiteral("--out"), m_dataset, QStringLiteral("--studies"),
                                       QStringLiteral("14"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--size"),
                                       QStringLiteral("64")});
        QVERIFY2(phantom.exitCode == 0, qPrintable(phantom.err));
        m_config = m_work.filePath(QStringLiteral("tiny.json"));
        writeText(m_config, kTinyConfig);
    }

    void trainsABundleThatInferDraftsWith()
    {
        const QString bundle = m_work.filePath(QStringLiteral("model"));
        const CliRun run = runCli(trainArguments(bundle, m_config));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("wrote ")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("BLEU_4")), qPrintable(run.out));
        // Not a terminal: plain lines per stage and epoch, no progress bar.
        QVERIFY2(run.err.contains(QStringLiteral("report epoch 2/2")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1Char('\r')));

        const QJsonObject manifest = QJsonDocument::fromJson(readAll(bundle + QStringLiteral("/manifest.json"))).object();
        QCOMPARE(manifest.value(QStringLiteral("model")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("transformer"));
        const QJsonObject provenance = manifest.value(QStringLiteral("provenance")).toObject();
        QVERIFY(provenance.value(QStringLiteral("command_line")).toString().startsWith(QStringLiteral("raddraft-cli train --type transformer")));
        QVERIFY(provenance.value(QStringLiteral("versions")).toObject().contains(QStringLiteral("qt")));
        QCOMPARE(provenance.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("phantom"));
        QVERIFY(manifest.value(QStringLiteral("evaluation")).toObject().contains(QStringLiteral("validation")));
        // The bundle holds only what the loader reads; training artefacts are next to it.
        QCOMPARE(QDir(bundle).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList({QStringLiteral("manifest.json"), QStringLiteral("model.safetensors")}));
        const QString work = bundle + QStringLiteral(".training");
        for (const char* name : {"config.json", "curves.csv", "curves.png", "checkpoint/state.json", "validation_reports.jsonl"})
            QVERIFY2(QFile::exists(work + QLatin1Char('/') + QLatin1String(name)), name);
        QImage plot(work + QStringLiteral("/curves.png"));
        QVERIFY(!plot.isNull());
        const QList<QByteArray> curves = readAll(work + QStringLiteral("/curves.csv")).trimmed().split('\n');
        QCOMPARE(curves.size(), 1 + 1 + 2); // header, one pre-training epoch, two report epochs

        // The bundle drafts a report for a study of the dataset.
        const QJsonObject annotation = QJsonDocument::fromJson(readAll(m_dataset + QStringLiteral("/annotation.json"))).object();
        const QJsonArray images = annotation.value(QStringLiteral("test")).toArray().first().toObject().value(QStringLiteral("image_path")).toArray();
        const CliRun infer = runCli({QStringLiteral("infer"), QStringLiteral("--model"), bundle, QStringLiteral("--device"),
                                     QStringLiteral("cpu"), QStringLiteral("--frontal"),
                                     m_dataset + QStringLiteral("/images/") + images[0].toString(), QStringLiteral("--lateral"),
                                     m_dataset + QStringLiteral("/images/") + images[1].toString()});
        QVERIFY2(infer.exitCode == 0, qPrintable(infer.err));
        QVERIFY(!infer.out.trimmed().isEmpty());

        // Training again into the same bundle: a leftover checkpoint and an existing bundle are
        // errors, not silently overwritten.
        const CliRun again = runCli(trainArguments(bundle, m_config));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
    }

    void badConfigurationIsOneLineNamingTheKey()
    {
        const QString config = m_work.filePath(QStringLiteral("bad.json"));
        writeText(config, R"({"train": {"epochs": 2, "lerning_rate": 0.1}})");
        const CliRun run = runCli(trainArguments(m_work.filePath(QStringLiteral("bad-model")), config));
        QCOMPARE(run.exitCode, 1);
        // One line of ours (Qt may add environment notices such as an unset XDG_RUNTIME_DIR).
        const QStringList ours = run.err.split(QLatin1Char('\n')).filter(QStringLiteral("raddraft-cli:"));
        QCOMPARE(ours.size(), 1);
        QVERIFY2(ours.front().contains(QStringLiteral("unknown key 'train.lerning_rate'")), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_work.filePath(QStringLiteral("bad-model"))));

        const CliRun missing = runCli(trainArguments(m_work.filePath(QStringLiteral("m")), m_work.filePath(QStringLiteral("none.json"))));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("none.json")), qPrintable(missing.err));
    }

    void usageErrorsAndTheDefaultConfiguration()
    {
        const CliRun noDataset = runCli({QStringLiteral("train"), QStringLiteral("--type"), QStringLiteral("transformer"),
                                         QStringLiteral("--out"), m_work.filePath(QStringLiteral("x"))});
        QCOMPARE(noDataset.exitCode, 2);
        QVERIFY(noDataset.err.contains(QStringLiteral("--dataset")));
        const CliRun unknownType = runCli({QStringLiteral("train"), QStringLiteral("--type"), QStringLiteral("r2gen"),
                                           QStringLiteral("--print-config")});
        QCOMPARE(unknownType.exitCode, 1);
        QVERIFY2(unknownType.err.contains(QStringLiteral("transformer")), qPrintable(unknownType.err));
        const CliRun defaults = runCli({QStringLiteral("train"), QStringLiteral("--type"), QStringLiteral("transformer"),
                                        QStringLiteral("--print-config")});
        QCOMPARE(defaults.exitCode, 0);
        const QJsonObject config = QJsonDocument::fromJson(defaults.out.toUtf8()).object();
        QCOMPARE(config.value(QStringLiteral("model")).toObject().value(QStringLiteral("d_model")).toInt(), 256);
        QVERIFY(config.value(QStringLiteral("augmentation")).toObject().contains(QStringLiteral("horizontal_flip")));
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "test_cli_train.moc"
