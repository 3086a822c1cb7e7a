#pragma once
// The report as a file: plain text (UTF-8) or PDF, each with a header naming the study, the model
// that drafted it, who signed it and when (or that it is an unsigned draft), and when it was
// exported. Files are written atomically: into a temporary file in the same folder, renamed over
// the target only when complete, so a failure never leaves a half-written report behind.

#include "report/SentenceSource.h"

#include <QDateTime>
#include <QString>

#include <stdexcept>

namespace raddraft::report {
class ReportDocument;
}

namespace raddraft::ui {

/// A report file could not be written; the message names the file and the reason.
class ReportExportError : public std::runtime_error {
public:
    explicit ReportExportError(const QString& message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromUtf8(what()); }
};

struct ExportedReport {
    QString studyUid;
    report::ModelReference model;
    QString signedBy;     ///< empty: not signed
    QDateTime signedAt;   ///< valid when signed
    QString text;         ///< ReportDocument::finalText()
    QDateTime exportedAt;
};

/// What an export of `document` (a report of study `studyUid`) contains, exported now.
ExportedReport exportedReport(const report::ReportDocument& document, const QString& studyUid);

/// The header lines ("Study: …", "Model: …", "Signed: …", "Exported: …"), one per line.
QString reportHeader(const ExportedReport& report);

/// Header, a blank line, the report text; UTF-8, mode 0600 (it is clinical text). Throws
/// ReportExportError.
void writeReportText(const QString& path, const ExportedReport& report);
/// An A4 PDF with the same content. Throws ReportExportError.
void writeReportPdf(const QString& path, const ExportedReport& report);

} // namespace raddraft::ui
