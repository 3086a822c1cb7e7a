#pragma once
// Where finished drafts are kept per (study, model), so reopening a study with the same bundle
// shows its draft at once. The workstation uses MemoryDraftRepository until the SQLite edit log
// provides a persistent implementation of this interface.

#include "inference/Draft.h"

#include <QMetaType>
#include <QString>

#include <memory>

namespace raddraft::ui {

/// Drafts are immutable once made and shared between the cache, the panes and the overlays.
using DraftPointer = std::shared_ptr<const inference::Draft>;

class DraftRepository {
public:
    virtual ~DraftRepository() = default;
    /// The draft of `studyUid` made by the bundle whose manifest hash is `bundleHash`, or nullptr.
    /// Called on the UI thread; must return quickly (it decides whether drafting starts at all).
    virtual DraftPointer find(const QString& studyUid, const QString& bundleHash) const = 0;
    /// Keeps `draft` (replacing an earlier one of the same study and bundle). Called on the UI
    /// thread as soon as a draft is finished, before anyone is told about it.
    virtual void store(const QString& studyUid, const QString& bundleHash, DraftPointer draft) = 0;
};

} // namespace raddraft::ui

Q_DECLARE_METATYPE(raddraft::ui::DraftPointer)
