#pragma once
// Where finished drafts and the reports edited from them are kept per (study, model), so that
// reopening a study with the same bundle shows its report at once, as it was left.
// MemoryDraftRepository keeps them for the session; EditLogDraftRepository keeps them in the
// SQLite edit log, where every edit is logged and an unsigned report survives a restart.

#include "inference/Draft.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace raddraft::report {
class ReportDocument;
}

namespace raddraft::ui {

/// Drafts are immutable once made and shared between the cache, the panes and the overlays.
using DraftPointer = std::shared_ptr<const inference::Draft>;

class DraftRepository {
public:
    virtual ~DraftRepository() = default;
    /// The draft of `studyUid` made by the bundle whose manifest hash is `bundleHash`, or nullptr.
    /// Called on the UI thread; must return quickly (it decides whether drafting starts at all).
    virtual DraftPointer find(const QString& studyUid, const QString& bundleHash) const = 0;
    /// Keeps `draft` (replacing an earlier one of the same study and bundle, whose report is then
    /// no longer offered). Called on the UI thread as soon as a draft is finished, before anyone
    /// is told about it.
    virtual void store(const QString& studyUid, const QString& bundleHash, DraftPointer draft) = 0;
    /// Every draft kept for `studyUid`, whichever bundle made it (for "replace with another
    /// model's sentence").
    virtual std::vector<DraftPointer> drafts(const QString& studyUid) const = 0;

    /// The editable report of the draft find() returns: restored with every edit made to it so
    /// far (also in an earlier session, when the repository is persistent), or, the first time, a
    /// new report of the model's text. Owned by the repository and kept for the session; nullptr
    /// when there is no such draft. Edits made through it are recorded as they happen where the
    /// repository can (see loggingProblem).
    virtual report::ReportDocument* report(const QString& studyUid, const QString& bundleHash) = 0;
    /// Empty when the edits of report(studyUid, bundleHash) are being logged; otherwise why not,
    /// in one sentence naming the file and the reason where there is one.
    virtual QString loggingProblem(const QString& studyUid, const QString& bundleHash) const = 0;
};

} // namespace raddraft::ui

Q_DECLARE_METATYPE(raddraft::ui::DraftPointer)
