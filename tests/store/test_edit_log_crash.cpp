// Crash test: a child process edits a draft continuously and is killed with SIGKILL mid-edit; the
// restored draft must be exactly the child's document as of one of its events, and no event older
// than one second before the kill may be missing.

#include "ReportTestSupport.h"

#include "store/EditLog.h"
#include "store/EditLogReplay.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>

using namespace raddraft;

namespace {

struct PrintedEvent {
    qint64 steadyMicroseconds = 0;
    QByteArray digest;
};

qint64 steadyNowMicroseconds()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

/// Parses the child's "event <sequence> <µs> <digest>" lines.
QMap<qint64, PrintedEvent> parseEvents(const QByteArray& output)
{
    QMap<qint64, PrintedEvent> events;
    for (const QByteArray& line : output.split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 4 && fields[0] == "event")
            events.insert(fields[1].toLongLong(), {fields[2].toLongLong(), fields[3]});
    }
    return events;
}

} // namespace

class TestEditLogCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void restoresTheDraftAfterSigkill_data()
    {
        QTest::addColumn<int>("eventsBeforeKill");
        QTest::addColumn<int>("seed");
        QTest::newRow("early") << 300 << 1;
        QTest::newRow("later") << 600 << 2;
    }

    void restoresTheDraftAfterSigkill()
    {
        QFETCH(int, eventsBeforeKill);
        QFETCH(int, seed);
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("edit-log.sqlite"));
        const QString studyUid = QStringLiteral("1.2.826.0.1.%1").arg(seed);

        QProcess child;
        child.start(QStringLiteral(EDIT_LOG_CRASH_CHILD), {path, studyUid, QString::number(seed)});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        QByteArray output;
        QElapsedTimer waited;
        waited.start();
        while (parseEvents(output).size() < eventsBeforeKill && waited.elapsed() < 30000 && child.state() == QProcess::Running) {
            child.waitForReadyRead(100);
            output += child.readAllStandardOutput();
        }
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
        const qint64 killedAt = steadyNowMicroseconds();
        child.kill(); // SIGKILL: no destructor, no flush
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        output += child.readAllStandardOutput();
        QMap<qint64, PrintedEvent> printed = parseEvents(output);
        QVERIFY(printed.size() >= eventsBeforeKill);
        // Event 0: the draft as the model wrote it (restored when the kill came before any write).
        const report::ReportDocument initial(report::reportContentFromDraft(report::testing::sampleDraft()));
        printed.insert(0, {0, report::testing::documentDigest(initial)});

        std::unique_ptr<store::EditLog> log = store::EditLog::open(path);
        const std::optional<store::RestoredDraft> restored = log->restoreUnsignedDraft(studyUid);
        QVERIFY(restored);
        QVERIFY2(restored->problem.isEmpty(), qPrintable(restored->problem));
        const qint64 restoredCount = restored->document->eventCount();
        QVERIFY2(printed.contains(restoredCount), qPrintable(QString::number(restoredCount)));
        // Exactly the child's document as it was after that event.
        QCOMPARE(report::testing::documentDigest(*restored->document), printed.value(restoredCount).digest);
        // Whatever was lost happened within the last second before the kill.
        const qint64 lastPrinted = printed.lastKey();
        qint64 firstLostAge = 0;
        if (restoredCount < lastPrinted) {
            firstLostAge = killedAt - printed.value(restoredCount + 1).steadyMicroseconds;
            QVERIFY2(firstLostAge <= 1'000'000, qPrintable(QStringLiteral("lost an event %1 µs old").arg(firstLostAge)));
        }
        qInfo("killed after %lld events; restored %lld; lost %lld, the oldest %.0f ms before the kill",
              static_cast<long long>(lastPrinted), static_cast<long long>(restoredCount),
              static_cast<long long>(lastPrinted - restoredCount), double(firstLostAge) / 1000.0);
        const store::DraftReplayResult audit = store::replayDraft(*log, restored->record);
        QVERIFY2(audit.matches(), qPrintable(audit.problem));
    }
};

QTEST_GUILESS_MAIN(TestEditLogCrash)
#include "test_edit_log_crash.moc"
