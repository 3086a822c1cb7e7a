// The edit log on real files: WAL and mode 0600, migrations from version 1, clear errors for
// corrupt, foreign, newer and locked databases, coalesced background writes that survive a
// lock without losing anything, restore of an unsigned draft, sign-off and tag-correction rows,
// replay audit, and de-identified export.

#include "ReportTestSupport.h"
#include "StoreTestSupport.h"

#include "store/EditLog.h"
#include "store/EditLogExport.h"
#include "store/EditLogLocation.h"
#include "store/EditLogReplay.h"
#include "store/EditLogSchema.h"
#include "store/SqliteDatabase.h"

#include "report/ReportError.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace raddraft;
using namespace raddraft::store;
using namespace raddraft::store::testing;
using report::ReportSection;

namespace {

EditLogError expectError(const std::function<void()>& operation)
{
    try {
        operation();
    } catch (const EditLogError& error) {
        return error;
    }
    return EditLogError(EditLogErrorCode::NotFound, QStringLiteral("(none)"), QStringLiteral("no error was thrown"));
}

QList<QJsonObject> readJsonLines(const QString& path)
{
    QFile file(path);
    QList<QJsonObject> objects;
    if (!file.open(QIODevice::ReadOnly))
        return objects;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (!line.isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    return objects;
}

/// The rows version 1 of the schema holds for one study with one edited draft.
void writeVersionOneDraft(SqliteDatabase& database, const inference::Draft& draft, const report::ReportContent& initial,
                          const std::vector<report::EditEvent>& events, const QString& finalText)
{
    const auto compact = [](const QJsonValue& value) {
        return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    };
    database.execute("INSERT INTO studies (id, study_uid, opened_at_us) VALUES (1, '1.2.3', 1)");
    QJsonArray labels;
    for (const report::FindingLabel& label : initial.labels)
        labels.append(report::findingLabelToJson(label));
    SqliteStatement insertDraft = database.prepare(
        "INSERT INTO drafts VALUES (1, 1, ?1, ?2, ?3, ?4, 'cpu', '[]', ?5, ?6, 1, 'Dr Ada', ?7)");
    insertDraft.bind(1, initial.model.type).bind(2, initial.model.name).bind(3, initial.model.version).bind(4, initial.model.bundleHash)
        .bind(5, QString::fromStdString(inference::draftToJson(draft))).bind(6, compact(labels)).bind(7, finalText).run();
    SqliteStatement insertSentence = database.prepare("INSERT INTO sentences VALUES (1, ?1, 'findings', ?2, ?3, 'ai-unchanged', ?4)");
    for (std::size_t i = 0; i < initial.findings.size(); ++i)
        insertSentence.bind(1, initial.findings[i].id).bind(2, qint64(i)).bind(3, initial.findings[i].text)
            .bind(4, compact(report::sentenceAttributesToJson(initial.findings[i]))).run();
    SqliteStatement insertEvent = database.prepare(
        "INSERT INTO edit_events (draft_id, sequence, user, timestamp_us, cause, kind, target, section, sentence_id, position, "
        "before_text, after_text, source) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    for (const report::EditEvent& event : events)
        insertEvent.bind(1, event.sequence).bind(2, event.user).bind(3, event.timestampMicroseconds)
            .bind(4, report::editCauseName(event.cause)).bind(5, report::editKindName(event.change.kind))
            .bind(6, report::editTargetName(event.change.target)).bind(7, report::reportSectionName(event.change.section))
            .bind(8, event.change.sentenceId).bind(9, qint64(event.change.position)).bind(10, event.change.before)
            .bind(11, event.change.after).bind(12, event.change.source).run();
}

void editRandomly(report::ReportDocument& document, int events, unsigned seed)
{
    std::mt19937 random(seed);
    const qint64 target = document.eventCount() + events;
    while (document.eventCount() < target)
        report::testing::applyRandomEdit(document, random);
}

} // namespace

class TestEditLog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_folder;
    int m_counter = 0;
    QString freshPath() { return m_folder.filePath(QStringLiteral("log%1/edit-log.sqlite").arg(++m_counter)); }

private Q_SLOTS:
    void initTestCase()
    {
        // Keep the user's own settings and data folder out of the tests.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_folder.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_folder.filePath(QStringLiteral("data"))));
    }

    void createsAPrivateWalDatabase()
    {
        const QString path = freshPath();
        {
            EditedDraft edited = openEditedDraft(path);
            edited.document->insertText(1, 0, QStringLiteral("Today: "));
            edited.log->flush();
            QCOMPARE(fileMode(path), 0600u);
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            QCOMPARE(fileMode(path + QStringLiteral("-wal")), 0600u);
            QCOMPARE(fileMode(path + QStringLiteral("-shm")), 0600u);
            QCOMPARE(fileMode(QFileInfo(path).absolutePath()), 0700u);
        }
        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toLongLong(), qint64(kEditLogSchemaVersion));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA application_id")).toLongLong(), qint64(kEditLogApplicationId));
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM edit_events")).toLongLong(), qint64(1));
    }

    void migratesFromVersionOne()
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        // An edited draft, with tag corrections among its events ...
        const inference::Draft draft = report::testing::sampleDraft();
        const report::ReportContent initial = report::reportContentFromDraft(draft);
        report::ReportDocument document(initial);
        document.setUser(QStringLiteral("Dr Ada"));
        std::vector<report::EditEvent> events;
        connect(&document, &report::ReportDocument::eventRecorded, [&](const report::EditEvent& e) { events.push_back(e); });
        document.correctFinding(QStringLiteral("edema"), report::FindingStatus::Uncertain);
        editRandomly(document, 40, 11);
        document.correctFinding(QStringLiteral("cardiomegaly"), report::FindingStatus::Present);
        // ... written into a version-1 database the way version 1 wrote it.
        {
            SqliteDatabase database(path, {});
            migrateEditLog(database, 1);
            QCOMPARE(editLogSchemaVersion(database), 1);
            QCOMPARE(database.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'tag_corrections'"), qint64(0));
            writeVersionOneDraft(database, draft, initial, events, document.finalText());
        }

        std::unique_ptr<EditLog> log = EditLog::open(path);
        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toLongLong(), qint64(3));
        // Version 2 filled tag_corrections from the logged events.
        qint64 corrections = 0;
        for (const report::EditEvent& event : events)
            corrections += event.change.kind == report::EditKind::TagCorrection ? 1 : 0;
        QVERIFY(corrections >= 2);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM tag_corrections")).toLongLong(), corrections);
        QCOMPARE(raw.value(QStringLiteral("SELECT finding FROM tag_corrections ORDER BY event_id LIMIT 1")).toString(), QStringLiteral("edema"));
        QCOMPARE(raw.value(QStringLiteral("SELECT after_status FROM tag_corrections ORDER BY event_id LIMIT 1")).toString(), QStringLiteral("uncertain"));
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM patient_identifier_hashes")).toLongLong(), qint64(0));
        // The migrated log restores and replays its draft exactly.
        const std::optional<RestoredDraft> restored = log->restoreUnsignedDraft(QStringLiteral("1.2.3"));
        QVERIFY(restored);
        QVERIFY2(restored->problem.isEmpty(), qPrintable(restored->problem));
        QCOMPARE(restored->document->content(), document.content());
        const DraftReplayResult replay = replayDraft(*log, restored->record);
        QVERIFY2(replay.matches(), qPrintable(replay.problem));
    }

    void migratesEachStepToTheCurrentVersion()
    {
        for (int start = 0; start <= kEditLogSchemaVersion; ++start) {
            const QString path = freshPath();
            QDir().mkpath(QFileInfo(path).absolutePath());
            if (start > 0) {
                SqliteDatabase database(path, {});
                migrateEditLog(database, start);
                QCOMPARE(editLogSchemaVersion(database), start);
            }
            EditedDraft edited = openEditedDraft(path);
            edited.document->correctFinding(QStringLiteral("edema"), report::FindingStatus::Present);
            edited.log->openStudy(QStringLiteral("1.2.3.4.5"), {QStringLiteral("PID-1"), QStringLiteral("DOE^JANE")});
            edited.log->flush();
            RawConnection raw(path);
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toLongLong(), qint64(kEditLogSchemaVersion));
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM tag_corrections")).toLongLong(), qint64(1));
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM patient_identifier_hashes")).toLongLong(), qint64(3)); // pid, doe, jane
        }
    }

    void refusesNewerForeignAndMissingDatabases()
    {
        const QString newer = freshPath();
        {
            EditLog::open(newer);
            RawConnection raw(newer);
            raw.execute(QStringLiteral("PRAGMA user_version = 99"));
        }
        EditLogError error = expectError([&] { EditLog::open(newer); });
        QCOMPARE(error.code(), EditLogErrorCode::NewerSchema);
        QVERIFY(error.message().startsWith(newer + QStringLiteral(": ")));
        QVERIFY2(error.reason().contains(QStringLiteral("newer RadDraft")), qPrintable(error.message()));

        const QString foreign = freshPath();
        QDir().mkpath(QFileInfo(foreign).absolutePath());
        {
            RawConnection raw(foreign);
            raw.execute(QStringLiteral("CREATE TABLE patients (name TEXT)"));
        }
        error = expectError([&] { EditLog::open(foreign); });
        QCOMPARE(error.code(), EditLogErrorCode::Corrupt);
        QVERIFY2(error.message().contains(QStringLiteral("not a RadDraft edit log")), qPrintable(error.message()));
        RawConnection raw(foreign);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_schema")).toLongLong(), qint64(1)); // untouched

        const QString missing = m_folder.filePath(QStringLiteral("missing.sqlite"));
        EditLogOptions options;
        options.createIfMissing = false;
        error = expectError([&] { EditLog::open(missing, options); });
        QCOMPARE(error.code(), EditLogErrorCode::Io);
        QVERIFY2(error.message().contains(missing) && error.reason().contains(QStringLiteral("does not exist")), qPrintable(error.message()));
        QVERIFY(!QFile::exists(missing));
    }

    void reportsACorruptFileByNameAndReason()
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        std::mt19937 random(5);
        QByteArray garbage(8192, '\0');
        for (char& byte : garbage)
            byte = char(random());
        file.write(garbage);
        file.close();
        const EditLogError error = expectError([&] { EditLog::open(path); });
        QCOMPARE(error.code(), EditLogErrorCode::Corrupt);
        QCOMPARE(error.filePath(), path);
        QVERIFY2(error.reason().contains(QStringLiteral("not an SQLite database")), qPrintable(error.message()));
        QFile unchanged(path);
        QVERIFY(unchanged.open(QIODevice::ReadOnly));
        QCOMPARE(unchanged.readAll(), garbage); // never "repaired" by overwriting
    }

    void reportsALockedDatabaseWhenOpening()
    {
        const QString path = freshPath();
        EditLog::open(path);
        RawConnection holder(path);
        QCOMPARE(holder.execute(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE meta SET value = value;")), 0);
        EditLogOptions options;
        options.busyTimeoutMilliseconds = 100;
        const EditLogError error = expectError([&] { EditLog::open(path, options); });
        QCOMPARE(error.code(), EditLogErrorCode::Locked);
        QVERIFY(error.message().startsWith(path + QStringLiteral(": ")));
        QVERIFY2(error.reason().contains(QStringLiteral("locked by another program")), qPrintable(error.message()));
    }

    void keepsEveryEventWhileTheDatabaseIsLocked()
    {
        const QString path = freshPath();
        EditLogOptions options;
        options.busyTimeoutMilliseconds = 100;
        options.coalesceMilliseconds = 20;
        options.retryMilliseconds = 50;
        EditedDraft edited = openEditedDraft(path, options);
        QObject receiver;
        QStringList failures;
        int recoveries = 0;
        connect(edited.log.get(), &EditLog::writeFailed, &receiver, [&](const QString& message) { failures.append(message); });
        connect(edited.log.get(), &EditLog::writeRecovered, &receiver, [&] { ++recoveries; });

        RawConnection holder(path);
        QCOMPARE(holder.execute(QStringLiteral("BEGIN EXCLUSIVE")), 0);
        editRandomly(*edited.document, 30, 3);
        const QByteArray onScreen = report::testing::documentDigest(*edited.document);
        QTRY_VERIFY(!failures.isEmpty());
        QVERIFY2(failures.front().startsWith(path + QStringLiteral(": the database is locked")), qPrintable(failures.front()));
        const EditLogWriterStatus status = edited.log->status();
        QVERIFY(status.failure.has_value());
        QCOMPARE(status.failure->code(), EditLogErrorCode::Locked);
        QCOMPARE(status.pendingEvents, qint64(30));
        const EditLogError error = expectError([&] { edited.log->flush(); });
        QCOMPARE(error.code(), EditLogErrorCode::Locked);
        QCOMPARE(report::testing::documentDigest(*edited.document), onScreen); // what is on screen is untouched

        QCOMPARE(holder.execute(QStringLiteral("COMMIT")), 0);
        edited.log->flush();
        QTRY_COMPARE(recoveries, 1);
        QCOMPARE(edited.log->status().pendingEvents, qint64(0));
        QVERIFY(!edited.log->status().failure.has_value());
        QCOMPARE(holder.value(QStringLiteral("SELECT count(*) FROM edit_events")).toLongLong(), qint64(30));
        QCOMPARE(holder.value(QStringLiteral("SELECT max(sequence) FROM edit_events")).toLongLong(), qint64(30));
    }

    void coalescesEventsWithinTheWindow()
    {
        const QString path = freshPath();
        EditLogOptions options;
        options.coalesceMilliseconds = 300;
        EditedDraft edited = openEditedDraft(path, options);
        RawConnection raw(path);
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 50; ++i)
            edited.document->insertText(1, 0, QStringLiteral("x"));
        if (clock.elapsed() < 250) // not written before the window closes
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM edit_events")).toLongLong(), qint64(0));
        // Written without any flush, well within a second.
        QTRY_COMPARE_WITH_TIMEOUT(raw.value(QStringLiteral("SELECT count(*) FROM edit_events")).toLongLong(), qint64(50), 1000);
        QVERIFY(edited.log->status().writtenBatches <= 2);
        QCOMPARE(edited.log->status().writtenEvents, qint64(50));
        QCOMPARE(raw.value(QStringLiteral("SELECT current_text FROM drafts")).toString(), edited.document->finalText());
    }

    void restoresTheUnsignedDraftExactly()
    {
        const QString path = freshPath();
        QByteArray digest;
        qint64 undoSteps = 0;
        qint64 eventCount = 0;
        {
            EditedDraft edited = openEditedDraft(path);
            editRandomly(*edited.document, 300, 17);
            digest = report::testing::documentDigest(*edited.document);
            undoSteps = edited.document->history().undoCount();
            eventCount = edited.document->eventCount();
            // A later draft of the same study, signed: never offered for restore.
            const DraftId later = edited.log->addDraft(QStringLiteral("1.2.3.4.5"), report::testing::sampleDraft(),
                                                       report::reportContentFromDraft(report::testing::sampleDraft()), QStringLiteral("Dr Ada"));
            report::ReportDocument signedDocument(edited.log->initialContent(later));
            signedDocument.setUser(QStringLiteral("Dr Ada"));
            edited.log->attach(signedDocument, later);
            signedDocument.accept(1);
            signedDocument.signOff();
            edited.log->flush();
        } // closing writes what is queued
        std::unique_ptr<EditLog> log = EditLog::open(path);
        std::optional<RestoredDraft> restored = log->restoreUnsignedDraft(QStringLiteral("1.2.3.4.5"));
        QVERIFY(restored);
        QVERIFY2(restored->problem.isEmpty(), qPrintable(restored->problem));
        QVERIFY(eventCount >= 300);
        QCOMPARE(restored->eventsReplayed, eventCount);
        QCOMPARE(report::testing::documentDigest(*restored->document), digest);
        QCOMPARE(restored->document->history().undoCount(), undoSteps);
        QCOMPARE(restored->draft.sentences.size(), report::testing::sampleDraft().sentences.size());
        QCOMPARE(restored->record.model.name, QStringLiteral("baseline-test"));
        QVERIFY(!log->restoreUnsignedDraft(QStringLiteral("9.9.9")));

        // Editing goes on where it stopped, under the same draft.
        restored->document->setUser(QStringLiteral("Dr Ada"));
        log->attach(*restored->document, restored->record.id);
        restored->document->signOff();
        log->flush();
        QCOMPARE(log->draftRecord(restored->record.id)->eventCount, eventCount + 1);
        QVERIFY(!log->restoreUnsignedDraft(QStringLiteral("1.2.3.4.5"))); // signed: nothing to restore

        // Any draft by its id, signed ones too (the workstation shows a signed report locked).
        const RestoredDraft signedAgain = log->restoreDraft(restored->record.id);
        QVERIFY2(signedAgain.problem.isEmpty(), qPrintable(signedAgain.problem));
        QVERIFY(signedAgain.document->isSigned());
        QCOMPARE(signedAgain.document->signedBy(), QStringLiteral("Dr Ada"));
        QCOMPARE(report::testing::documentDigest(*signedAgain.document), report::testing::documentDigest(*restored->document));
        QCOMPARE(expectError([&] { log->restoreDraft(9999); }).code(), EditLogErrorCode::NotFound);
    }

    void restoresTheEventsBeforeOneThatDoesNotReproduce()
    {
        const QString path = freshPath();
        {
            EditedDraft edited = openEditedDraft(path);
            edited.document->insertText(1, 0, QStringLiteral("A"));
            edited.document->insertText(2, 0, QStringLiteral("B"));
            edited.document->insertText(3, 0, QStringLiteral("C"));
        }
        RawConnection(path).execute(QStringLiteral("UPDATE edit_events SET sentence_id = 77 WHERE sequence = 2"));
        std::unique_ptr<EditLog> log = EditLog::open(path);
        const std::optional<RestoredDraft> restored = log->restoreUnsignedDraft(QStringLiteral("1.2.3.4.5"));
        QVERIFY(restored);
        QCOMPARE(restored->eventsReplayed, qint64(1));
        QVERIFY2(restored->problem.contains(QStringLiteral("1 of 3 logged events restored")), qPrintable(restored->problem));
        QVERIFY(restored->problem.startsWith(path));
        QCOMPARE(restored->document->sentence(1)->text.left(1), QStringLiteral("A"));
        QCOMPARE(restored->document->eventCount(), qint64(1));
    }

    void recordsSignOffsAndTagCorrections()
    {
        const QString path = freshPath();
        EditedDraft edited = openEditedDraft(path);
        report::ReportDocument& document = *edited.document;
        document.correctFinding(QStringLiteral("pleural effusion"), report::FindingStatus::Absent);
        document.correctFinding(QStringLiteral("edema"), report::FindingStatus::Uncertain);
        document.undo();
        document.reject(3);
        document.signOff();
        edited.log->flush();
        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM tag_corrections")).toLongLong(), qint64(3));
        QCOMPARE(raw.value(QStringLiteral("SELECT group_concat(finding || ':' || before_status || '>' || after_status || ':' || cause, ' ') "
                                          "FROM (SELECT * FROM tag_corrections ORDER BY event_id)")).toString(),
                 QStringLiteral("pleural effusion:present>absent:edit edema:absent>uncertain:edit edema:uncertain>absent:undo"));
        QCOMPARE(raw.value(QStringLiteral("SELECT user FROM sign_offs")).toString(), QStringLiteral("Dr Ada"));
        QCOMPARE(raw.value(QStringLiteral("SELECT final_text FROM sign_offs")).toString(), document.finalText());
        QCOMPARE(raw.value(QStringLiteral("SELECT signed_at_us FROM sign_offs")).toLongLong(), document.signedAtMicroseconds());
        const DraftRecord record = *edited.log->draftRecord(edited.draftId);
        QVERIFY(record.isSigned);
        QCOMPARE(record.eventCount, qint64(5));
        QCOMPARE(record.signedText, document.finalText());
        QCOMPARE(record.currentText, document.finalText());
    }

    void replayAuditFindsEveryDifference()
    {
        const QString path = freshPath();
        EditedDraft signedDraft = openEditedDraft(path);
        editRandomly(*signedDraft.document, 120, 23);
        signedDraft.document->signOff();
        EditedDraft open;
        open.log = std::move(signedDraft.log);
        open.draftId = open.log->addDraft(QStringLiteral("1.2.3.4.6"), report::testing::sampleDraft(),
                                          report::reportContentFromDraft(report::testing::sampleDraft()), QStringLiteral("Dr Bo"));
        open.document = std::make_unique<report::ReportDocument>(open.log->initialContent(open.draftId));
        open.document->setUser(QStringLiteral("Dr Bo"));
        open.log->attach(*open.document, open.draftId);
        editRandomly(*open.document, 80, 29);
        open.log->flush();

        for (const DraftRecord& record : open.log->allDrafts()) {
            const DraftReplayResult result = replayDraft(*open.log, record);
            QVERIFY2(result.matches(), qPrintable(result.problem));
            QCOMPARE(result.replayedText, result.storedText);
        }
        RawConnection raw(path);
        raw.execute(QStringLiteral("UPDATE sign_offs SET final_text = final_text || ' Extra.'"));
        DraftReplayResult result = replayDraft(*open.log, *open.log->draftRecord(signedDraft.draftId));
        QVERIFY(!result.matches());
        QVERIFY2(result.problem.contains(QStringLiteral("differs from the stored signed text")), qPrintable(result.problem));
        raw.execute(QStringLiteral("UPDATE edit_events SET before_text = 'zz' WHERE draft_id = %1 AND sequence = 41").arg(open.draftId));
        result = replayDraft(*open.log, *open.log->draftRecord(open.draftId));
        QVERIFY(!result.matches());
        QVERIFY2(result.problem.contains(QStringLiteral("does not reproduce")), qPrintable(result.problem));
    }

    void exportsEventsAndDeidentifiesThem()
    {
        const QString path = freshPath();
        EditedDraft first = openEditedDraft(path);
        first.log->openStudy(QStringLiteral("1.2.3.4.5"), {QStringLiteral("PID-4711"), QStringLiteral("DOE^JANE")});
        first.document->insertText(1, 0, QStringLiteral("Jane Doe (PID-4711), compared with 2021-03-04 and 4 March 2021, series 1.2.840.10008.5: "));
        first.document->replaceWithAlternative(2, report::SentenceSource::retrievedReport(QStringLiteral("CXR9"), QStringLiteral("Doe seen on 03/04/2021.")));
        first.document->signOff();
        first.log->addDraft(QStringLiteral("1.2.3.4.6"), report::testing::sampleDraft(),
                            report::reportContentFromDraft(report::testing::sampleDraft()), QStringLiteral("Dr Ada"));
        const DraftId second = first.log->allDrafts().back().id;
        report::ReportDocument other(first.log->initialContent(second));
        other.setUser(QStringLiteral("Dr Bo"));
        first.log->attach(other, second);
        other.accept(1);
        first.log->flush();

        const QString plainPath = m_folder.filePath(QStringLiteral("events.jsonl"));
        EditLogExportSummary summary = exportEditLog(*first.log, plainPath);
        QCOMPARE(summary.drafts, qint64(2));
        QCOMPARE(summary.events, qint64(4));
        QCOMPARE(fileMode(plainPath), 0600u);
        QList<QJsonObject> lines = readJsonLines(plainPath);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0].value(QStringLiteral("study_uid")).toString(), QStringLiteral("1.2.3.4.5"));
        QCOMPARE(lines[0].value(QStringLiteral("kind")).toString(), QStringLiteral("insert"));
        QCOMPARE(lines[0].value(QStringLiteral("user")).toString(), QStringLiteral("Dr Ada"));
        QVERIFY(lines[0].value(QStringLiteral("after")).toString().contains(QStringLiteral("Jane Doe")));
        QCOMPARE(lines[1].value(QStringLiteral("source")).toObject().value(QStringLiteral("source")).toObject()
                     .value(QStringLiteral("report_id")).toString(), QStringLiteral("CXR9"));
        QCOMPARE(lines[2].value(QStringLiteral("kind")).toString(), QStringLiteral("sign"));
        QCOMPARE(lines[3].value(QStringLiteral("user")).toString(), QStringLiteral("Dr Bo"));

        const QString deidentifiedPath = m_folder.filePath(QStringLiteral("deidentified.jsonl"));
        EditLogExportOptions options;
        options.deidentify = true;
        summary = exportEditLog(*first.log, deidentifiedPath, options);
        QCOMPARE(summary.events, qint64(4));
        QFile file(deidentifiedPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString all = QString::fromUtf8(file.readAll());
        for (const char* identifying : {"Jane", "Doe", "PID-4711", "2021-03-04", "March 2021", "03/04/2021", "1.2.3.4.5", "1.2.3.4.6",
                                        "1.2.840", "Dr Ada", "Dr Bo", "timestamp_us", "study_uid"})
            QVERIFY2(!all.contains(QLatin1String(identifying), Qt::CaseInsensitive), identifying);
        lines = readJsonLines(deidentifiedPath);
        QCOMPARE(lines[0].value(QStringLiteral("after")).toString(),
                 QStringLiteral("[patient] [patient] ([patient]-[patient]), compared with [date] and [date], series [uid]: "));
        QCOMPARE(lines[1].value(QStringLiteral("source")).toObject().value(QStringLiteral("source")).toObject()
                     .value(QStringLiteral("original_text")).toString(), QStringLiteral("[patient] seen on [date]."));
        const QString study = lines[0].value(QStringLiteral("study")).toString();
        QVERIFY(study.startsWith(QStringLiteral("study-")));
        QCOMPARE(lines[2].value(QStringLiteral("study")).toString(), study); // consistent within the export
        QVERIFY(lines[3].value(QStringLiteral("study")).toString() != study);
        QCOMPARE(lines[0].value(QStringLiteral("user")).toString(), lines[1].value(QStringLiteral("user")).toString());
        QVERIFY(lines[0].value(QStringLiteral("time_since_draft_us")).toInteger() >= 0);
        QVERIFY(lines[0].value(QStringLiteral("time_since_draft_us")).toInteger() < 60'000'000);
        // A second export pseudonymises with a new salt: exports cannot be linked.
        exportEditLog(*first.log, deidentifiedPath, options);
        QVERIFY(readJsonLines(deidentifiedPath)[0].value(QStringLiteral("study")).toString() != study);

        // A failed export leaves nothing behind and names the output file.
        const QString unwritable = m_folder.filePath(QStringLiteral("no-such-folder/events.jsonl"));
        const EditLogError error = expectError([&] { exportEditLog(*first.log, unwritable); });
        QCOMPARE(error.code(), EditLogErrorCode::Io);
        QCOMPARE(error.filePath(), unwritable);
        QVERIFY(!QFile::exists(unwritable));
    }

    void defaultsToTheWorkstationsDataFolder()
    {
        const QString organisation = QCoreApplication::organizationName();
        const QString application = QCoreApplication::applicationName();
        QCoreApplication::setOrganizationName(QStringLiteral("RadDraft"));
        QCoreApplication::setApplicationName(QStringLiteral("RadDraft"));
        const QString expected = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/edit-log.sqlite");
        QCoreApplication::setOrganizationName(organisation);
        QCoreApplication::setApplicationName(application);
        QCOMPARE(expected, m_folder.filePath(QStringLiteral("data/RadDraft/RadDraft/edit-log.sqlite")));
        QCOMPARE(defaultEditLogPath(), expected);
        QCOMPARE(configuredEditLogPath(), expected);
        {
            QSettings settings(QStringLiteral("RadDraft"), QStringLiteral("RadDraft"));
            QVERIFY(settings.fileName().startsWith(m_folder.path()));
            settings.setValue(QLatin1String(kEditLogPathSetting), m_folder.filePath(QStringLiteral("chosen.sqlite")));
        }
        QCOMPARE(configuredEditLogPath(), m_folder.filePath(QStringLiteral("chosen.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestEditLog)
#include "test_edit_log.moc"
