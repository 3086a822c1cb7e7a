#pragma once
// The one error type of the edit-log store. Every failure names the database file (or the output
// file of an export) and the reason, in words a radiologist can act on.

#include <QString>

#include <stdexcept>

namespace raddraft::store {

enum class EditLogErrorCode {
    Io,          ///< the file cannot be created, opened, read or written (permissions, disk full, missing)
    Locked,      ///< another program or connection holds a lock longer than the busy timeout
    Corrupt,     ///< not an SQLite database, damaged, or an SQLite database that is not an edit log
    NewerSchema, ///< written by a newer RadDraft (schema version above this build's)
    InvalidData, ///< a row does not make sense (unknown kind name, bad JSON)
    NotFound,    ///< no such study or draft
};

class EditLogError : public std::runtime_error {
public:
    EditLogError(EditLogErrorCode code, const QString& filePath, const QString& reason)
        : std::runtime_error((filePath + QStringLiteral(": ") + reason).toStdString()), m_code(code),
          m_filePath(filePath), m_reason(reason) {}

    EditLogErrorCode code() const noexcept { return m_code; }
    const QString& filePath() const noexcept { return m_filePath; }
    /// One sentence without the path ("the database is locked by another program ...").
    const QString& reason() const noexcept { return m_reason; }
    /// "<file>: <reason>".
    QString message() const { return QString::fromUtf8(what()); }

private:
    EditLogErrorCode m_code;
    QString m_filePath;
    QString m_reason;
};

} // namespace raddraft::store
