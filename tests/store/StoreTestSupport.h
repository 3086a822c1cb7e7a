#pragma once
// Shared by the edit-log tests: a raw SQLite connection (independent of the code under test) for
// checking and tampering with the file, and a ready-made "study with an edited draft".

#include "store/EditLog.h"

#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;

namespace raddraft::store::testing {

/// A plain sqlite3 connection for the tests' own reads, writes and locks.
class RawConnection {
public:
    explicit RawConnection(const QString& path);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    /// Runs `sql`; returns SQLite's result code (0 = SQLITE_OK).
    int execute(const QString& sql);
    /// The first column of the first row, or an invalid QVariant when there is none.
    QVariant value(const QString& sql);

private:
    sqlite3* m_handle = nullptr;
};

/// Unix permission bits (e.g. 0600) of a file, from stat(2).
unsigned fileMode(const QString& path);

/// A log with one study ("1.2.3.4.5"), one draft of the sample draft and a document attached.
struct EditedDraft {
    std::unique_ptr<EditLog> log;
    DraftId draftId = 0;
    std::unique_ptr<report::ReportDocument> document;
};
EditedDraft openEditedDraft(const QString& path, const EditLogOptions& options = {},
                            const QString& studyUid = QStringLiteral("1.2.3.4.5"));

} // namespace raddraft::store::testing
