#include "MemoryDraftRepository.h"

#include <QCoreApplication>

namespace raddraft::ui {

MemoryDraftRepository::MemoryDraftRepository(QString notLoggedReason) : m_notLoggedReason(std::move(notLoggedReason)) {}

MemoryDraftRepository::~MemoryDraftRepository() = default;

DraftPointer MemoryDraftRepository::find(const QString& studyUid, const QString& bundleHash) const
{
    const auto found = m_entries.find({studyUid, bundleHash});
    return found == m_entries.end() ? nullptr : found->second.draft;
}

void MemoryDraftRepository::store(const QString& studyUid, const QString& bundleHash, DraftPointer draft)
{
    if (!draft)
        return;
    Entry& entry = m_entries[{studyUid, bundleHash}];
    if (entry.document)
        m_retired.push_back(std::move(entry.document)); // a pane may still show it
    entry = Entry{std::move(draft), nullptr};
}

std::vector<DraftPointer> MemoryDraftRepository::drafts(const QString& studyUid) const
{
    std::vector<DraftPointer> found;
    for (const auto& [key, entry] : m_entries)
        if (key.first == studyUid)
            found.push_back(entry.draft);
    return found;
}

report::ReportDocument* MemoryDraftRepository::report(const QString& studyUid, const QString& bundleHash)
{
    const auto found = m_entries.find({studyUid, bundleHash});
    if (found == m_entries.end())
        return nullptr;
    Entry& entry = found->second;
    if (!entry.document)
        entry.document = std::make_unique<report::ReportDocument>(report::reportContentFromDraft(*entry.draft));
    return entry.document.get();
}

QString MemoryDraftRepository::loggingProblem(const QString&, const QString&) const
{
    return m_notLoggedReason.isEmpty()
               ? QCoreApplication::translate("MemoryDraftRepository", "no edit log is open; edits are kept in memory only")
               : m_notLoggedReason;
}

} // namespace raddraft::ui
