#pragma once
// The edit log: an SQLite file (WAL, mode 0600) recording every study opened, every draft a model
// wrote, and every event of the draft's editing, so that an unsigned draft is restored exactly
// after a crash and every interaction with the AI output can be replayed and audited.
// Schema, event kinds and guarantees: docs/EDIT_LOG.md.
//
// Threads: an EditLog belongs to the thread that opened it (the UI thread); call its functions
// there. record() only queues the event (microseconds); a background thread writes queued events
// within the coalescing window, on its own connection. Write failures never touch the caller's
// document: the events stay queued, writeFailed() is emitted and the write is retried.
//
// Failures are EditLogError (store/EditLogError.h): the file and the reason.

#include "store/EditLogError.h"
#include "store/EditLogWriter.h"
#include "store/PatientIdentifiers.h"

#include "report/EditEvent.h"
#include "report/ReportContent.h"
#include "report/ReportDocument.h"

#include "inference/Draft.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace raddraft::store {

class SqliteDatabase;

using DraftId = qint64;

struct EditLogOptions {
    int coalesceMilliseconds = 250;    ///< events arriving within this window share one transaction
    int retryMilliseconds = 1000;      ///< wait after a failed write before trying again
    int busyTimeoutMilliseconds = 2000;///< how long to wait for another program's lock
    bool createIfMissing = true;       ///< false: a missing file is an error (raddraft-cli's reading commands)
};

/// One draft row with what is known about its editing.
struct DraftRecord {
    DraftId id = 0;
    QString studyUid;
    report::ModelReference model;
    QString device;
    qint64 createdAtMicroseconds = 0;
    QString createdBy;
    QString currentText;     ///< final text after the last written event
    qint64 eventCount = 0;   ///< events written so far
    bool isSigned = false;
    QString signedBy;
    qint64 signedAtMicroseconds = 0;
    QString signedText;      ///< the final text recorded with the sign-off
};

struct RestoredDraft {
    DraftRecord record;
    inference::Draft draft;                           ///< the model's draft (evidence: heatmaps, tags, ...)
    std::unique_ptr<report::ReportDocument> document; ///< initial content + every logged event
    qint64 eventsReplayed = 0;
    /// Empty when every logged event replayed. Otherwise why not: the document then holds the
    /// events before the first that did not reproduce; save it as a new draft (addDraft with
    /// its content) before editing on, since its next event numbers are already taken.
    QString problem;
};

class EditLog : public QObject {
    Q_OBJECT
public:
    /// Opens or creates the log (its folder too, mode 0700 when created) and migrates it to the
    /// current schema. Throws EditLogError: Locked, Corrupt (not SQLite, damaged, not an edit
    /// log), NewerSchema, Io.
    static std::unique_ptr<EditLog> open(const QString& path, const EditLogOptions& options = {});
    /// Writes what is still queued (one attempt) and closes.
    ~EditLog() override;

    const QString& path() const { return m_path; }

    /// Records that the study was opened now; the patient's ID and name are stored only as
    /// salted hashes. Throws EditLogError.
    void openStudy(const QString& studyUid, const PatientIdentity& patient = {});
    /// Stores a model's draft and the content its document starts from (usually
    /// report::reportContentFromDraft(draft)); records the study if new. Synchronous. Throws.
    DraftId addDraft(const QString& studyUid, const inference::Draft& draft, const report::ReportContent& initial,
                     const QString& createdBy);

    /// Records every event of `document` from now on into draft `draftId`: the usual way to log.
    QMetaObject::Connection attach(report::ReportDocument& document, DraftId draftId);
    /// Queues one event (and the document's final text after it). Never throws, never blocks on
    /// the database: the cost on the calling thread is a lock and a queue append.
    void record(DraftId draftId, const report::EditEvent& event, const QString& currentText);
    /// Writes every queued event now and waits. Throws the write's EditLogError (the events stay
    /// queued). Call after signOff() to know the sign-off is on disk.
    void flush();
    EditLogWriterStatus status() const;

    /// The most recently edited unsigned draft of the study, rebuilt from its initial content and
    /// its events; std::nullopt when the study has none. Flushes first. Throws EditLogError.
    std::optional<RestoredDraft> restoreUnsignedDraft(const QString& studyUid);
    /// Draft `draftId` (signed or not) rebuilt the same way. Flushes first. Throws EditLogError
    /// (NotFound for an unknown draft).
    RestoredDraft restoreDraft(DraftId draftId);

    std::vector<DraftRecord> drafts(const QString& studyUid) const;
    std::vector<DraftRecord> allDrafts() const;
    std::optional<DraftRecord> draftRecord(DraftId draftId) const;
    report::ReportContent initialContent(DraftId draftId) const;
    inference::Draft modelDraft(DraftId draftId) const;
    /// The written events of the draft, in sequence order.
    std::vector<report::EditEvent> events(DraftId draftId) const;
    PatientIdentifierMatcher patientIdentifiers(const QString& studyUid) const;

Q_SIGNALS:
    /// A background write failed ("<file>: <reason>"); the events are kept and retried. Emitted
    /// from the writer thread (a queued connection delivers it on the receiver's thread).
    void writeFailed(const QString& message);
    /// Writing works again after a failure; nothing was lost.
    void writeRecovered();

private:
    EditLog(QString path, std::unique_ptr<SqliteDatabase> database, std::unique_ptr<SqliteDatabase> writerDatabase,
            const EditLogOptions& options);
    qint64 ensureStudy(const QString& studyUid, qint64 nowMicroseconds);
    std::vector<DraftRecord> queryDrafts(const char* condition, const QString& parameter) const;

    QString m_path;
    std::unique_ptr<SqliteDatabase> m_database; ///< the caller thread's connection
    QString m_identifierSalt;
    std::unique_ptr<EditLogWriter> m_writer;
};

} // namespace raddraft::store
