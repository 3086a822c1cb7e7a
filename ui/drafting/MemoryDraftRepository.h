#pragma once
// Drafts kept in memory for the session (no persistence).

#include "DraftRepository.h"

#include <QHash>
#include <QPair>

namespace raddraft::ui {

class MemoryDraftRepository : public DraftRepository {
public:
    DraftPointer find(const QString& studyUid, const QString& bundleHash) const override;
    void store(const QString& studyUid, const QString& bundleHash, DraftPointer draft) override;
    int size() const { return static_cast<int>(m_drafts.size()); }

private:
    QHash<QPair<QString, QString>, DraftPointer> m_drafts; ///< (study UID, bundle hash) → draft
};

} // namespace raddraft::ui
