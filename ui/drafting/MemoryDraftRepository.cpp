#include "MemoryDraftRepository.h"

namespace raddraft::ui {

DraftPointer MemoryDraftRepository::find(const QString& studyUid, const QString& bundleHash) const
{
    return m_drafts.value(qMakePair(studyUid, bundleHash));
}

void MemoryDraftRepository::store(const QString& studyUid, const QString& bundleHash, DraftPointer draft)
{
    if (draft)
        m_drafts.insert(qMakePair(studyUid, bundleHash), std::move(draft));
}

} // namespace raddraft::ui
