#include "ReportExport.h"

#include "report/ReportDocument.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStringList>
#include <QTextDocument>

namespace raddraft::ui {

namespace {

/// This file's translation context, "ReportExport" (lupdate reads it from the macro; a helper function
/// would hide it).
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ReportExport)
};

QString timeText(const QDateTime& time) { return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")); }

QString modelText(const report::ModelReference& model)
{
    if (model.name.isEmpty())
        return Texts::tr("none");
    return Texts::tr("%1 %2 (%3), bundle %4").arg(model.name, model.version, model.type, model.bundleHash.left(12));
}

/// Opens `path` for an atomic write; the caller writes, then commit() renames it into place.
void openAtomically(QSaveFile& file)
{
    if (!file.open(QIODevice::WriteOnly))
        throw ReportExportError(Texts::tr("%1: cannot write the report (%2)").arg(QFileInfo(file.fileName()).absoluteFilePath(), file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void commit(QSaveFile& file)
{
    if (!file.commit())
        throw ReportExportError(Texts::tr("%1: cannot write the report (%2)").arg(QFileInfo(file.fileName()).absoluteFilePath(), file.errorString()));
}

} // namespace

ExportedReport exportedReport(const report::ReportDocument& document, const QString& studyUid)
{
    ExportedReport exported;
    exported.studyUid = studyUid;
    exported.model = document.content().model;
    if (document.isSigned()) {
        exported.signedBy = document.signedBy();
        exported.signedAt = QDateTime::fromMSecsSinceEpoch(document.signedAtMicroseconds() / 1000, Qt::UTC);
    }
    exported.text = document.finalText();
    exported.exportedAt = QDateTime::currentDateTimeUtc();
    return exported;
}

QString reportHeader(const ExportedReport& report)
{
    const QString signature = report.signedBy.isEmpty() ? Texts::tr("Signed: not signed (draft)")
                                                        : Texts::tr("Signed: %1, %2").arg(report.signedBy, timeText(report.signedAt));
    return QStringList{Texts::tr("Study: %1").arg(report.studyUid), Texts::tr("Model: %1").arg(modelText(report.model)), signature,
                       Texts::tr("Exported: %1").arg(timeText(report.exportedAt))}
        .join(QLatin1Char('\n'));
}

void writeReportText(const QString& path, const ExportedReport& report)
{
    QSaveFile file(path);
    openAtomically(file);
    const QString content = Texts::tr("RadDraft report") + QLatin1Char('\n') + reportHeader(report) + QStringLiteral("\n\n") +
                            (report.text.isEmpty() ? Texts::tr("(The report has no text.)") : report.text) + QLatin1Char('\n');
    const QByteArray bytes = content.toUtf8();
    if (file.write(bytes) != bytes.size())
        throw ReportExportError(Texts::tr("%1: cannot write the report (%2)").arg(QFileInfo(path).absoluteFilePath(), file.errorString()));
    commit(file);
}

void writeReportPdf(const QString& path, const ExportedReport& report)
{
    QString body;
    for (const QString& paragraph : report.text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
        const qsizetype heading = paragraph.indexOf(QLatin1Char('\n'));
        if (heading > 0)
            body += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(paragraph.left(heading).toHtmlEscaped(), paragraph.mid(heading + 1).toHtmlEscaped());
        else
            body += QStringLiteral("<p>%1</p>").arg(paragraph.toHtmlEscaped());
    }
    if (body.isEmpty())
        body = QStringLiteral("<p><i>%1</i></p>").arg(Texts::tr("(The report has no text.)").toHtmlEscaped());
    QString header;
    for (const QString& line : reportHeader(report).split(QLatin1Char('\n')))
        header += line.toHtmlEscaped() + QStringLiteral("<br/>");

    QTextDocument document;
    document.setHtml(QStringLiteral("<h2>%1</h2><p style='color:#555555'>%2</p><hr/>%3")
                         .arg(Texts::tr("RadDraft report").toHtmlEscaped(), header, body));
    QSaveFile file(path);
    openAtomically(file);
    {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter));
        writer.setTitle(Texts::tr("RadDraft report %1").arg(report.studyUid));
        writer.setCreator(QStringLiteral("RadDraft"));
        document.print(&writer);
    }
    commit(file);
}

} // namespace raddraft::ui
