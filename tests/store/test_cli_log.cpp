// raddraft-cli log replay / export as a user runs them, on a log written by the library.

#include "CliProcess.h"
#include "ReportTestSupport.h"
#include "StoreTestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace raddraft;
using namespace raddraft::store::testing;

class TestCliLog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_folder;
    QString m_path;

    QString dbPath() const { return m_path; }

private Q_SLOTS:
    void initTestCase()
    {
        // Two studies: one signed draft, one unsigned; the patient's name typed into the text.
        m_path = m_folder.filePath(QStringLiteral("edit-log.sqlite"));
        EditedDraft first = openEditedDraft(m_path, {}, QStringLiteral("1.2.3.100"));
        first.log->openStudy(QStringLiteral("1.2.3.100"), {QStringLiteral("PID-5550"), QStringLiteral("ROE^RICHARD")});
        std::mt19937 random(41);
        for (int i = 0; i < 60; ++i)
            report::testing::applyRandomEdit(*first.document, random);
        first.document->insertSentence(report::ReportSection::Findings, 0, QStringLiteral("Richard Roe, 2022-11-30: compared."));
        first.document->signOff();
        EditedDraft second;
        second.log = std::move(first.log);
        second.draftId = second.log->addDraft(QStringLiteral("1.2.3.200"), report::testing::sampleDraft(),
                                              report::reportContentFromDraft(report::testing::sampleDraft()), QStringLiteral("Dr Bo"));
        report::ReportDocument document(second.log->initialContent(second.draftId));
        document.setUser(QStringLiteral("Dr Bo"));
        second.log->attach(document, second.draftId);
        for (int i = 0; i < 40; ++i)
            report::testing::applyRandomEdit(document, random);
        second.log->flush();
    }

    void replaysEveryDraft()
    {
        const CliRun run = runCli({QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--db"), dbPath(), QStringLiteral("--all")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(QStringLiteral("draft 1  study 1.2.3.100")) && lines[0].contains(QStringLiteral("signed by Dr Ada")) &&
                     lines[0].endsWith(QStringLiteral("  ok")),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(QStringLiteral("study 1.2.3.200")) && lines[1].contains(QStringLiteral("unsigned")) &&
                     lines[1].endsWith(QStringLiteral("  ok")),
                 qPrintable(lines[1]));
        QCOMPARE(lines[2], QStringLiteral("2 drafts replayed, 0 differ"));

        const CliRun one = runCli({QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--db"), dbPath(), QStringLiteral("--study"),
                                   QStringLiteral("1.2.3.200")});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out.trimmed().split(QLatin1Char('\n')).size(), 2);
    }

    void exportsJsonLinesAndDeidentifies()
    {
        const QString out = m_folder.filePath(QStringLiteral("events.jsonl"));
        CliRun run = runCli({QStringLiteral("log"), QStringLiteral("export"), QStringLiteral("--db"), dbPath(), QStringLiteral("--out"), out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        RawConnection raw(dbPath());
        QCOMPARE(qint64(lines.size()), raw.value(QStringLiteral("SELECT count(*) FROM edit_events")).toLongLong());
        QVERIFY(run.out.contains(QStringLiteral("wrote %1 events of 2 drafts").arg(lines.size())));
        for (const QByteArray& line : lines)
            QVERIFY(QJsonDocument::fromJson(line).isObject());
        QVERIFY(QString::fromUtf8(lines.join('\n')).contains(QStringLiteral("Richard Roe, 2022-11-30: compared.")));

        const QString deidentified = m_folder.filePath(QStringLiteral("deidentified.jsonl"));
        run = runCli({QStringLiteral("log"), QStringLiteral("export"), QStringLiteral("--db"), dbPath(), QStringLiteral("--deidentify"),
                      QStringLiteral("--out"), deidentified});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile deidentifiedFile(deidentified);
        QVERIFY(deidentifiedFile.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(deidentifiedFile.readAll());
        QCOMPARE(text.trimmed().split(QLatin1Char('\n')).size(), lines.size());
        for (const char* identifying : {"Richard", "Roe", "2022-11-30", "1.2.3.100", "1.2.3.200", "Dr Ada", "Dr Bo"})
            QVERIFY2(!text.contains(QLatin1String(identifying)), identifying);
        QVERIFY(text.contains(QStringLiteral("[patient] [patient], [date]: compared.")));
    }

    void failsOnADifferenceWithOneLinePerDraft()
    {
        const QString copy = m_folder.filePath(QStringLiteral("tampered.sqlite"));
        {
            RawConnection raw(dbPath());
            QCOMPARE(raw.execute(QStringLiteral("VACUUM INTO '%1'").arg(copy)), 0);
        }
        RawConnection(copy).execute(QStringLiteral("UPDATE drafts SET current_text = current_text || ' Tampered.' WHERE id = 2"));
        const CliRun run = runCli({QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--db"), copy, QStringLiteral("--all")});
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
        QVERIFY(lines[0].endsWith(QStringLiteral("  ok")));
        QVERIFY2(lines[1].contains(QStringLiteral("DIFFERS: the replayed text differs from the stored current text")), qPrintable(lines[1]));
        QCOMPARE(lines[2], QStringLiteral("2 drafts replayed, 1 differ"));
    }

    void reportsBadInputInOneLine()
    {
        const QString missing = m_folder.filePath(QStringLiteral("missing.sqlite"));
        CliRun run = runCli({QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--db"), missing, QStringLiteral("--all")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(run.err.contains(missing) && run.err.contains(QStringLiteral("does not exist")), qPrintable(run.err));
        QVERIFY(!QFile::exists(missing));

        const QString garbage = m_folder.filePath(QStringLiteral("garbage.sqlite"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        run = runCli({QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--db"), garbage, QStringLiteral("--all")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(garbage) && run.err.contains(QStringLiteral("not an SQLite database")), qPrintable(run.err));

        run = runCli({QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--db"), dbPath(), QStringLiteral("--study"),
                      QStringLiteral("9.9.9")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no drafts of study 9.9.9")), qPrintable(run.err));

        const QString out = m_folder.filePath(QStringLiteral("no-folder/events.jsonl"));
        run = runCli({QStringLiteral("log"), QStringLiteral("export"), QStringLiteral("--db"), dbPath(), QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(out), qPrintable(run.err));

        for (const QStringList& arguments : {QStringList{QStringLiteral("log")},
                                             QStringList{QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--db"), dbPath()},
                                             QStringList{QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--all"),
                                                         QStringLiteral("--study"), QStringLiteral("1")},
                                             QStringList{QStringLiteral("log"), QStringLiteral("export"), QStringLiteral("--db"), dbPath()}}) {
            run = runCli(arguments);
            QCOMPARE(run.exitCode, 2);
        }
        run = runCli({QStringLiteral("log"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("raddraft-cli log replay")));
    }
};

QTEST_GUILESS_MAIN(TestCliLog)
#include "test_cli_log.moc"
