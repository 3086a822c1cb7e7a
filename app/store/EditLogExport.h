#pragma once
// Export of the edit log's events as JSON lines (one object per event, drafts in id order, events
// in sequence order), optionally de-identified. What `raddraft-cli log export` runs. Field list:
// docs/EDIT_LOG.md.

#include "store/EditLog.h"

#include <QString>

namespace raddraft::store {

struct EditLogExportOptions {
    /// Study UIDs and user names become salted hashes (consistent within this export), times
    /// become offsets from the draft's creation, and texts lose the patient's name and ID words,
    /// dates and UIDs (Deidentifier).
    bool deidentify = false;
    /// Only this study's drafts; all drafts when empty.
    QString studyUid;
};

struct EditLogExportSummary {
    qint64 drafts = 0;
    qint64 events = 0;
};

/// Writes the export to `outputPath` atomically (a temporary file in the same folder, mode 0600,
/// renamed into place when complete). Throws EditLogError naming the output file (writing) or
/// the database (reading); no partial output is left either way.
EditLogExportSummary exportEditLog(EditLog& log, const QString& outputPath, const EditLogExportOptions& options = {});

} // namespace raddraft::store
