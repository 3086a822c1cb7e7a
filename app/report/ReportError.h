#pragma once
// The one error type of the draft-report model. Every operation that refuses to act throws it,
// and the document is left exactly as it was before the call.

#include <QString>

#include <stdexcept>

namespace raddraft::report {

enum class ReportErrorCode {
    InvalidArgument, ///< an unknown sentence or finding, a position outside the text, an empty user
    Signed,          ///< the report is signed off: it can no longer be changed
    ReplayMismatch,  ///< a recorded event does not reproduce on the document (the log and the model disagree)
    InvalidData,     ///< a stored value (JSON, a name) does not parse
};

class ReportError : public std::runtime_error {
public:
    ReportError(ReportErrorCode code, const QString& message)
        : std::runtime_error(message.toStdString()), m_code(code) {}

    ReportErrorCode code() const noexcept { return m_code; }
    /// The message as a QString, ready for a status bar or a dialog.
    QString message() const { return QString::fromUtf8(what()); }

private:
    ReportErrorCode m_code;
};

} // namespace raddraft::report
