#pragma once
// Drafts and their reports kept in memory for the session: nothing is logged or persisted. The
// workstation falls back to it when no edit log can be opened, and says so (loggingProblem).

#include "DraftRepository.h"

#include "report/ReportDocument.h"

#include <map>
#include <memory>
#include <vector>

namespace raddraft::ui {

class MemoryDraftRepository : public DraftRepository {
public:
    /// `notLoggedReason`: what loggingProblem() says (e.g. why the edit log could not be opened).
    explicit MemoryDraftRepository(QString notLoggedReason = {});
    ~MemoryDraftRepository() override;

    DraftPointer find(const QString& studyUid, const QString& bundleHash) const override;
    void store(const QString& studyUid, const QString& bundleHash, DraftPointer draft) override;
    std::vector<DraftPointer> drafts(const QString& studyUid) const override;
    report::ReportDocument* report(const QString& studyUid, const QString& bundleHash) override;
    QString loggingProblem(const QString& studyUid, const QString& bundleHash) const override;
    int size() const { return static_cast<int>(m_entries.size()); }

private:
    struct Entry {
        DraftPointer draft;
        std::unique_ptr<report::ReportDocument> document;
    };
    using Key = std::pair<QString, QString>; ///< (study UID, bundle hash)

    std::map<Key, Entry> m_entries;
    std::vector<std::unique_ptr<report::ReportDocument>> m_retired; ///< reports of replaced drafts
    QString m_notLoggedReason;
};

} // namespace raddraft::ui
