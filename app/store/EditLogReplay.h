#pragma once
// Audit of the edit log: rebuilds a draft's final text from its initial content and its events
// and compares it with the text the log stored (the sign-off's text for a signed draft, the last
// written text otherwise). What `raddraft-cli log replay` runs.

#include "store/EditLog.h"

#include <QString>

namespace raddraft::store {

struct DraftReplayResult {
    DraftRecord record;
    qint64 eventsReplayed = 0;
    QString replayedText;
    QString storedText;
    QString problem; ///< empty when the replay reproduces the stored state exactly

    bool matches() const { return problem.isEmpty(); }
};

/// Replays one draft. Differences are reported in `problem`, never thrown; reading the database
/// can still throw EditLogError.
DraftReplayResult replayDraft(EditLog& log, const DraftRecord& record);

} // namespace raddraft::store
