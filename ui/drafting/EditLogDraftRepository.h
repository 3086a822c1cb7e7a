#pragma once
// Drafts and their reports kept in the SQLite edit log (app/store, docs/EDIT_LOG.md): a finished
// draft becomes a draft row, its report is attached to the log so every edit is written as it
// happens, and on a later start the report of a study and bundle is rebuilt from the log exactly
// as it was left (signed or not). Drafts and reports once read stay in memory, so reopening a
// study in the same session costs nothing.
//
// When the log fails (locked, corrupt, disk full) nothing on screen is lost: a draft that cannot
// be stored, or a report that cannot be restored, is kept in memory (loggingProblem says so)
// and problem() is emitted with the file and the reason.

#include "DraftRepository.h"

#include "report/ReportDocument.h"
#include "store/EditLog.h"

#include <QObject>

#include <map>
#include <memory>
#include <vector>

namespace raddraft::ui {

class EditLogDraftRepository : public QObject, public DraftRepository {
    Q_OBJECT
public:
    /// `log` is not owned and must outlive the repository.
    explicit EditLogDraftRepository(store::EditLog& log, QObject* parent = nullptr);
    ~EditLogDraftRepository() override;

    store::EditLog& log() const { return m_log; }
    /// The name recorded as created_by of drafts stored from now on.
    void setUser(const QString& user) { m_user = user; }

    /// The log's draft row behind report(studyUid, bundleHash); 0 when that report is not logged
    /// (or there is none).
    store::DraftId draftId(const QString& studyUid, const QString& bundleHash) const;

    DraftPointer find(const QString& studyUid, const QString& bundleHash) const override;
    void store(const QString& studyUid, const QString& bundleHash, DraftPointer draft) override;
    std::vector<DraftPointer> drafts(const QString& studyUid) const override;
    report::ReportDocument* report(const QString& studyUid, const QString& bundleHash) override;
    QString loggingProblem(const QString& studyUid, const QString& bundleHash) const override;

Q_SIGNALS:
    /// Reading or writing the log failed ("<file>: <reason>" and what was done about it).
    void problem(const QString& message) const;

private:
    struct Entry {
        DraftPointer draft;
        store::DraftId draftId = 0;                      ///< 0: not in the log
        std::unique_ptr<report::ReportDocument> document;
        QString notLogged;                               ///< why this report is not logged
    };
    using Key = std::pair<QString, QString>; ///< (study UID, bundle hash)

    /// The cached entry, reading the newest draft of the study and bundle from the log first
    /// when it is not cached; nullptr when there is none (or reading failed).
    Entry* entry(const QString& studyUid, const QString& bundleHash) const;
    void openReport(const QString& studyUid, Entry& entry);

    store::EditLog& m_log;
    QString m_user;
    mutable std::map<Key, Entry> m_entries;
    std::vector<std::unique_ptr<report::ReportDocument>> m_retired; ///< reports of replaced drafts
};

} // namespace raddraft::ui
