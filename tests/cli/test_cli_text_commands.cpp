// raddraft-cli label and score as a user runs them: real files in, tables and JSON out, one
// clear line on bad input.

#include "CliProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString writeFile(const QTemporaryDir& folder, const QString& name, const QByteArray& content)
{
    QFile file(folder.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return file.fileName();
}

} // namespace

class TestCliTextCommands : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_folder;

private Q_SLOTS:
    void labelsOneReportPerLine()
    {
        const QString reports = writeFile(m_folder, QStringLiteral("reports.txt"),
                                          "Cardiomegaly with small bilateral pleural effusions.\n"
                                          "No pneumothorax. Heart size is normal.\n"
                                          "Cannot exclude early pneumonia in the left lower lobe.\n"
                                          "There is no pericardial effusion.\n");
        const CliRun run = runCli({QStringLiteral("label"), QStringLiteral("--json"), reports});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        const auto object = [&](int i) { return QJsonDocument::fromJson(lines[i].toUtf8()).object(); };
        QCOMPARE(object(0).value(QStringLiteral("Cardiomegaly")).toInt(), 1);
        QCOMPARE(object(0).value(QStringLiteral("Pleural Effusion")).toInt(), 1);
        QVERIFY(!object(0).contains(QStringLiteral("No Finding")));
        QCOMPARE(object(1).value(QStringLiteral("Pneumothorax")).toInt(), 0);
        QCOMPARE(object(1).value(QStringLiteral("Cardiomegaly")).toInt(), 0);
        QCOMPARE(object(1).value(QStringLiteral("No Finding")).toInt(), 1);
        QCOMPARE(object(2).value(QStringLiteral("Pneumonia")).toInt(), -1);
        QVERIFY(!object(2).contains(QStringLiteral("No Finding"))); // uncertain blocks No Finding
        QVERIFY(!object(3).contains(QStringLiteral("Pleural Effusion"))); // pericardial ≠ pleural
    }

    void labelsACsvColumnAndRejectsAMissingOne()
    {
        const QString csv = writeFile(m_folder, QStringLiteral("reports.csv"),
                                      "id,findings\n"
                                      "1,\"Mild cardiomegaly, no effusion.\"\n"
                                      "2,\"Right-sided pneumothorax.\"\n");
        CliRun run = runCli({QStringLiteral("label"), QStringLiteral("--json"), QStringLiteral("--column"), QStringLiteral("findings"), csv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines[0].toUtf8()).object().value(QStringLiteral("Pleural Effusion")).toInt(), 0);
        QCOMPARE(QJsonDocument::fromJson(lines[1].toUtf8()).object().value(QStringLiteral("Pneumothorax")).toInt(), 1);

        run = runCli({QStringLiteral("label"), QStringLiteral("--column"), QStringLiteral("impression"), csv});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(run.err.contains(QStringLiteral("reports.csv")));
    }

    void scoresReportsAgainstReferences()
    {
        const QString refs = writeFile(m_folder, QStringLiteral("refs.jsonl"),
                                       "{\"id\": \"a\", \"report\": \"The heart is normal. No effusion.\"}\n"
                                       "{\"id\": \"a\", \"report\": \"Heart size normal. No pleural effusion.\"}\n"
                                       "{\"id\": \"b\", \"report\": \"Small left pneumothorax.\"}\n");
        const QString hyps = writeFile(m_folder, QStringLiteral("hyps.jsonl"),
                                       "{\"id\": \"a\", \"report\": \"The heart is normal. No pleural effusion.\"}\n"
                                       "{\"id\": \"b\", \"report\": \"Small left pneumothorax.\"}\n");
        const QString json = m_folder.filePath(QStringLiteral("scores.json"));
        const CliRun run = runCli({QStringLiteral("score"), QStringLiteral("--refs"), refs, QStringLiteral("--hyps"), hyps,
                                QStringLiteral("--json"), json});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("METEOR"))); // the table, with its note on METEOR
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject scores = QJsonDocument::fromJson(file.readAll()).object();
        for (const char* key : {"BLEU_1", "BLEU_2", "BLEU_3", "BLEU_4", "METEOR", "ROUGE_L", "CIDEr"}) {
            QVERIFY2(scores.contains(QLatin1String(key)), key);
            const double value = scores.value(QLatin1String(key)).toDouble();
            QVERIFY2(value > 0.0, key);
        }
        QVERIFY(scores.value(QStringLiteral("BLEU_1")).toDouble() <= 1.0);

        // Identical texts score BLEU 1.
        const CliRun same = runCli({QStringLiteral("score"), QStringLiteral("--refs"), hyps, QStringLiteral("--hyps"), hyps,
                                 QStringLiteral("--json"), json});
        QCOMPARE(same.exitCode, 0);
        file.close(); // the file was replaced: read it anew
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(std::abs(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("BLEU_4")).toDouble() - 1.0) < 1e-6);
    }

    void scoreRejectsMismatchedIdsAndMissingFiles()
    {
        const QString refs = writeFile(m_folder, QStringLiteral("r.jsonl"), "{\"id\": \"a\", \"report\": \"normal .\"}\n");
        const QString hyps = writeFile(m_folder, QStringLiteral("h.jsonl"), "{\"id\": \"z\", \"report\": \"normal .\"}\n");
        CliRun run = runCli({QStringLiteral("score"), QStringLiteral("--refs"), refs, QStringLiteral("--hyps"), hyps});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
        run = runCli({QStringLiteral("score"), QStringLiteral("--refs"), m_folder.filePath(QStringLiteral("nope.jsonl")),
                      QStringLiteral("--hyps"), hyps});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("nope.jsonl")));
        run = runCli({QStringLiteral("score"), QStringLiteral("--refs"), refs});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliTextCommands)
#include "test_cli_text_commands.moc"
