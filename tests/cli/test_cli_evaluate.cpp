// raddraft-cli evaluate end to end: a phantom dataset written by `raddraft-cli phantom`, a tiny
// random bundle, the papers' table, the JSON keys, the plots, agreement with `score` on the same
// drafts, and clear errors.

#include "CliProcess.h"
#include "inference/Bundle.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace raddraft;

class TestCliEvaluate : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_work;
    QString m_bundle;
    QString m_dataset;

    QJsonObject readJson(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_dataset = m_work.filePath(QStringLiteral("phantom"));
        const CliRun phantom = runCli({QStringLiteral("phantom"), QStringLiteral("--out"), m_dataset, QStringLiteral("--studies"),
                                       QStringLiteral("6"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--size"),
                                       QStringLiteral("256"), QStringLiteral("--normal-fraction"), QStringLiteral("0")});
        QVERIFY2(phantom.exitCode == 0, qPrintable(phantom.err));

        inference::BundleSpec spec;
        spec.modelType = "transformer";
        spec.name = "tiny evaluate test model";
        spec.hyperParametersJson =
            R"({"visual_extractor": "resnet18", "d_model": 32, "num_heads": 4, "num_layers": 1, "d_ff": 64, "max_length": 12})";
        spec.vocabulary = {".", "<unk>", "effusion", "enlarged", "heart", "is", "no", "pleural", "the"};
        spec.knowledgeGraphFile =
            (qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/knowledge_graph/chest.json")).toStdString();
        spec.imageSize = 64;
        spec.seed = 3;
        m_bundle = m_work.filePath(QStringLiteral("tiny"));
        inference::createRandomBundle(spec, m_bundle.toStdString());
    }

    void printsTheTableAndWritesJsonAndPlots()
    {
        const QString json = m_work.filePath(QStringLiteral("result.json"));
        const QString plots = m_work.filePath(QStringLiteral("plots"));
        const QString drafts = m_work.filePath(QStringLiteral("drafts.jsonl"));
        const CliRun run = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_bundle, QStringLiteral("--dataset"),
                                   m_dataset, QStringLiteral("--split"), QStringLiteral("all"), QStringLiteral("--device"),
                                   QStringLiteral("cpu"), QStringLiteral("--json"), json, QStringLiteral("--plots"), plots,
                                   QStringLiteral("--drafts"), drafts, QStringLiteral("--batch"), QStringLiteral("4")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("BLEU-1")) && run.out.contains(QStringLiteral("CE-F1")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("6 studies")), qPrintable(run.out));

        const QJsonObject result = readJson(json);
        const QStringList keys = {QStringLiteral("n_studies"), QStringLiteral("BLEU_1"), QStringLiteral("BLEU_4"),
                                  QStringLiteral("METEOR"), QStringLiteral("ROUGE_L"), QStringLiteral("CIDEr"),
                                  QStringLiteral("CE_precision_micro"), QStringLiteral("CE_recall_micro"),
                                  QStringLiteral("CE_F1_micro"), QStringLiteral("CE_F1_macro"), QStringLiteral("tag_AUC_macro"),
                                  QStringLiteral("pointing_game"), QStringLiteral("energy_pointing_game"),
                                  QStringLiteral("heatmap_IoU"), QStringLiteral("details")};
        for (const QString& key : keys)
            QVERIFY2(result.contains(key), qPrintable(key));
        QCOMPARE(result.value(QStringLiteral("n_studies")).toInt(), 6);
        // Phantom studies carry masks and the baseline carries class activation maps: the
        // pointing game is defined; values are fractions.
        QVERIFY(result.value(QStringLiteral("pointing_game")).isDouble());
        for (const char* key : {"pointing_game", "energy_pointing_game", "heatmap_IoU", "BLEU_1", "CE_F1_micro"}) {
            const double value = result.value(QLatin1String(key)).toDouble(-1);
            QVERIFY2(value >= 0.0 && value <= 1.0, key);
        }
        QCOMPARE(result.value(QStringLiteral("details")).toObject().value(QStringLiteral("model")).toObject()
                     .value(QStringLiteral("name")).toString(),
                 QStringLiteral("tiny evaluate test model"));

        // Every study of an all-abnormal phantom set has labels: the reliability diagram exists.
        QImage reliability(plots + QStringLiteral("/reliability.png"));
        QVERIFY(!reliability.isNull());
        QCOMPARE(reliability.width(), 900);

        // The drafts scored by `score` give the same text metrics as evaluate did.
        QFile lines(drafts);
        QVERIFY(lines.open(QIODevice::ReadOnly));
        QFile refs(m_work.filePath(QStringLiteral("refs.jsonl")));
        QFile hyps(m_work.filePath(QStringLiteral("hyps.jsonl")));
        QVERIFY(refs.open(QIODevice::WriteOnly) && hyps.open(QIODevice::WriteOnly));
        int count = 0;
        while (!lines.atEnd()) {
            const QJsonObject line = QJsonDocument::fromJson(lines.readLine()).object();
            const QString id = line.value(QStringLiteral("id")).toString();
            refs.write(QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("report"), line.value(QStringLiteral("reference"))}})
                           .toJson(QJsonDocument::Compact) + "\n");
            hyps.write(QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("report"), line.value(QStringLiteral("report"))}})
                           .toJson(QJsonDocument::Compact) + "\n");
            ++count;
        }
        refs.close();
        hyps.close();
        QCOMPARE(count, 6);
        const QString scoreJson = m_work.filePath(QStringLiteral("score.json"));
        const CliRun score = runCli({QStringLiteral("score"), QStringLiteral("--refs"), refs.fileName(), QStringLiteral("--hyps"),
                                     hyps.fileName(), QStringLiteral("--json"), scoreJson});
        QVERIFY2(score.exitCode == 0, qPrintable(score.err));
        const QJsonObject scored = readJson(scoreJson);
        for (const char* key : {"BLEU_1", "BLEU_4", "METEOR", "ROUGE_L", "CIDEr"})
            QVERIFY2(qAbs(scored.value(QLatin1String(key)).toDouble() - result.value(QLatin1String(key)).toDouble()) < 1e-9, key);
    }

    void scoresDraftsMadeElsewhereAlike()
    {
        // --from-drafts on the drafts of a model run gives that run's numbers (the GPU-box path).
        const QString drafts = m_work.filePath(QStringLiteral("elsewhere.jsonl"));
        const QString direct = m_work.filePath(QStringLiteral("direct.json"));
        const QString given = m_work.filePath(QStringLiteral("given.json"));
        CliRun run = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_bundle, QStringLiteral("--dataset"), m_dataset,
                             QStringLiteral("--split"), QStringLiteral("all"), QStringLiteral("--json"), direct,
                             QStringLiteral("--drafts"), drafts});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runCli({QStringLiteral("evaluate"), QStringLiteral("--from-drafts"), drafts, QStringLiteral("--dataset"), m_dataset,
                      QStringLiteral("--split"), QStringLiteral("all"), QStringLiteral("--json"), given});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("tiny evaluate test model")), qPrintable(run.out));
        const QJsonObject a = readJson(direct);
        const QJsonObject b = readJson(given);
        int compared = 0;
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!it.value().isDouble())
                continue;
            QVERIFY2(qAbs(it.value().toDouble() - b.value(it.key()).toDouble()) < 1e-9, qPrintable(it.key()));
            ++compared;
        }
        QVERIFY(compared >= 10);

        // A study without a draft, and a malformed line, are named.
        QFile file(drafts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        const QString partial = m_work.filePath(QStringLiteral("partial.jsonl"));
        QFile out(partial);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(lines.first() + "\n");
        out.close();
        run = runCli({QStringLiteral("evaluate"), QStringLiteral("--from-drafts"), partial, QStringLiteral("--dataset"), m_dataset,
                      QStringLiteral("--split"), QStringLiteral("all")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(partial) && run.err.contains(QStringLiteral("no draft for study")), qPrintable(run.err));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"id\": \"x\"}\n");
        out.close();
        run = runCli({QStringLiteral("evaluate"), QStringLiteral("--from-drafts"), partial, QStringLiteral("--dataset"), m_dataset});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(partial + QStringLiteral(":1")), qPrintable(run.err));
        run = runCli({QStringLiteral("evaluate"), QStringLiteral("--from-drafts"), partial, QStringLiteral("--model"), m_bundle,
                      QStringLiteral("--dataset"), m_dataset});
        QCOMPARE(run.exitCode, 2);
    }

    void badInputIsOneClearLine()
    {
        const QString missing = m_work.filePath(QStringLiteral("no-such-dataset"));
        CliRun run = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_bundle, QStringLiteral("--dataset"), missing});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(missing) && run.err.trimmed().count(QLatin1Char('\n')) == 0, qPrintable(run.err));

        run = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_bundle, QStringLiteral("--dataset"), m_dataset,
                      QStringLiteral("--split"), QStringLiteral("training")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--split")), qPrintable(run.err));

        const QString json = m_work.filePath(QStringLiteral("never.json"));
        run = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_work.filePath(QStringLiteral("no-bundle")),
                      QStringLiteral("--dataset"), m_dataset, QStringLiteral("--json"), json});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!QFile::exists(json));
    }
};

QTEST_GUILESS_MAIN(TestCliEvaluate)
#include "test_cli_evaluate.moc"
