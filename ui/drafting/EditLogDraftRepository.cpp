#include "EditLogDraftRepository.h"

#include <algorithm>

namespace raddraft::ui {

EditLogDraftRepository::EditLogDraftRepository(store::EditLog& log, QObject* parent) : QObject(parent), m_log(log) {}

EditLogDraftRepository::~EditLogDraftRepository() = default;

EditLogDraftRepository::Entry* EditLogDraftRepository::entry(const QString& studyUid, const QString& bundleHash) const
{
    const Key key{studyUid, bundleHash};
    const auto cached = m_entries.find(key);
    if (cached != m_entries.end())
        return &cached->second;
    try {
        // Drafts come in id order: the last one of this bundle is the one the study shows.
        store::DraftId newest = 0;
        for (const store::DraftRecord& record : m_log.drafts(studyUid))
            if (record.model.bundleHash == bundleHash)
                newest = record.id;
        if (newest == 0)
            return nullptr;
        DraftPointer draft = std::make_shared<const inference::Draft>(m_log.modelDraft(newest));
        Entry& added = m_entries[key];
        added.draft = std::move(draft);
        added.draftId = newest;
        return &added;
    } catch (const store::EditLogError& error) {
        Q_EMIT problem(tr("%1 (the stored draft of this study could not be read)").arg(error.message()));
        return nullptr;
    }
}

store::DraftId EditLogDraftRepository::draftId(const QString& studyUid, const QString& bundleHash) const
{
    const auto found = m_entries.find({studyUid, bundleHash});
    return found == m_entries.end() || !found->second.document ? 0 : found->second.draftId;
}

DraftPointer EditLogDraftRepository::find(const QString& studyUid, const QString& bundleHash) const
{
    const Entry* found = entry(studyUid, bundleHash);
    return found ? found->draft : nullptr;
}

void EditLogDraftRepository::store(const QString& studyUid, const QString& bundleHash, DraftPointer draft)
{
    if (!draft)
        return;
    Entry& stored = m_entries[{studyUid, bundleHash}];
    if (stored.document)
        m_retired.push_back(std::move(stored.document)); // a pane may still show it
    stored = Entry{};
    stored.draft = draft;
    try {
        stored.draftId = m_log.addDraft(studyUid, *draft, report::reportContentFromDraft(*draft), m_user);
    } catch (const store::EditLogError& error) {
        stored.notLogged = tr("%1; the draft and its edits are kept in memory only").arg(error.message());
        Q_EMIT problem(stored.notLogged);
    }
}

std::vector<DraftPointer> EditLogDraftRepository::drafts(const QString& studyUid) const
{
    std::vector<DraftPointer> found;
    try {
        std::vector<QString> hashes;
        for (const store::DraftRecord& record : m_log.drafts(studyUid))
            if (std::find(hashes.begin(), hashes.end(), record.model.bundleHash) == hashes.end())
                hashes.push_back(record.model.bundleHash);
        for (const QString& hash : hashes)
            if (const Entry* stored = entry(studyUid, hash))
                found.push_back(stored->draft);
    } catch (const store::EditLogError& error) {
        Q_EMIT problem(error.message());
    }
    for (const auto& [key, stored] : m_entries) // drafts the log could not take
        if (key.first == studyUid && stored.draftId == 0 && std::find(found.begin(), found.end(), stored.draft) == found.end())
            found.push_back(stored.draft);
    return found;
}

report::ReportDocument* EditLogDraftRepository::report(const QString& studyUid, const QString& bundleHash)
{
    Entry* found = entry(studyUid, bundleHash);
    if (!found)
        return nullptr;
    if (!found->document)
        openReport(studyUid, *found);
    return found->document.get();
}

void EditLogDraftRepository::openReport(const QString& studyUid, Entry& opened)
{
    if (opened.draftId == 0) {
        opened.document = std::make_unique<report::ReportDocument>(report::reportContentFromDraft(*opened.draft));
        return;
    }
    store::RestoredDraft restored;
    try {
        restored = m_log.restoreDraft(opened.draftId);
    } catch (const store::EditLogError& error) {
        opened.draftId = 0;
        opened.notLogged = tr("%1; the report is shown as the model wrote it, and its edits are kept in memory only").arg(error.message());
        opened.document = std::make_unique<report::ReportDocument>(report::reportContentFromDraft(*opened.draft));
        Q_EMIT problem(opened.notLogged);
        return;
    }
    if (restored.problem.isEmpty()) {
        opened.document = std::move(restored.document);
        m_log.attach(*opened.document, opened.draftId);
        return;
    }
    // The event that did not replay holds the next event number: go on as a new draft that starts
    // from what was restored.
    const report::ReportContent content = restored.document->content();
    try {
        opened.draftId = m_log.addDraft(studyUid, restored.draft, content, m_user);
        opened.document = std::make_unique<report::ReportDocument>(content);
        m_log.attach(*opened.document, opened.draftId);
        Q_EMIT problem(tr("%1; the report continues as a new draft from the edits that were restored").arg(restored.problem));
    } catch (const store::EditLogError& error) {
        opened.draftId = 0;
        opened.document = std::move(restored.document);
        opened.notLogged = tr("%1; and %2: the restored report is kept in memory only").arg(restored.problem, error.message());
        Q_EMIT problem(opened.notLogged);
    }
}

QString EditLogDraftRepository::loggingProblem(const QString& studyUid, const QString& bundleHash) const
{
    const auto found = m_entries.find({studyUid, bundleHash});
    if (found != m_entries.end() && found->second.draftId == 0)
        return found->second.notLogged.isEmpty() ? tr("this report is not in the edit log") : found->second.notLogged;
    if (const std::optional<store::EditLogError> failure = m_log.status().failure)
        return tr("%1; the edits are kept and written again every second").arg(failure->message());
    return {};
}

} // namespace raddraft::ui
