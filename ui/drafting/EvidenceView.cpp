#include "EvidenceView.h"

#include "FindingNames.h"
#include "SentenceProvenance.h"

#include <QStringList>

#include <algorithm>

namespace raddraft::ui {

namespace {

QString escaped(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

template <typename Items, typename Describe>
QString itemList(const Items& items, Describe describe)
{
    QStringList parts;
    for (const auto& item : items)
        parts << describe(item);
    return parts.join(QStringLiteral(", "));
}

} // namespace

EvidenceView::EvidenceView(QWidget* parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("sentenceEvidence"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(8);
    showSentence(nullptr, nullptr, 0);
}

void EvidenceView::showSentence(const report::ReportSentence* sentence, const DraftPointer& draft, int alternatives)
{
    if (!sentence) {
        setHtml(QStringLiteral("<p><i>%1</i></p>").arg(tr("Put the caret in a sentence to see its evidence.").toHtmlEscaped()));
        return;
    }
    QStringList rows;
    const auto row = [&rows](const QString& label, const QString& value) {
        if (!value.isEmpty())
            rows << QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value);
    };

    const report::SentenceSource& source = sentence->source;
    switch (source.kind) {
    case report::SentenceSource::Kind::User:
        row(tr("Source"), tr("written in the workstation").toHtmlEscaped());
        break;
    case report::SentenceSource::Kind::ModelDraft:
        row(tr("Source"), tr("model %1 %2, sentence %3 of its draft")
                              .arg(source.model.name.toHtmlEscaped(), source.model.version.toHtmlEscaped())
                              .arg(source.sentenceIndex + 1));
        break;
    case report::SentenceSource::Kind::RetrievedReport:
        row(tr("Source"), tr("retrieved report %1").arg(source.reportId.toHtmlEscaped()));
        break;
    }
    if (sentence->isEdited())
        row(tr("Originally"), QStringLiteral("“%1”").arg(source.originalText.toHtmlEscaped()));

    const int index = draft ? draftSentenceIndex(*sentence, *draft) : -1;
    if (index >= 0) {
        const inference::DraftSentence& drafted = draft->sentences[std::size_t(index)];
        const inference::SentenceSupport& support = drafted.support;
        if (drafted.score != 0.0)
            row(tr("Score"), QString::number(drafted.score, 'f', 3));
        const auto finding = [](const inference::WeightedItem& item) {
            return QStringLiteral("%1 (%2)").arg(findingDisplayName(QString::fromStdString(item.name)).toHtmlEscaped()).arg(item.weight, 0, 'f', 2);
        };
        row(tr("Findings"), itemList(support.tags, finding));
        row(tr("Graph nodes"), itemList(support.graphNodes, finding));
        row(tr("Retrieved reports"), itemList(support.reports, [&draft](const inference::RetrievedReportReference& reference) {
                const auto found = std::find_if(draft->retrievedReports.begin(), draft->retrievedReports.end(),
                                                [&reference](const inference::RetrievedReport& report) { return report.id == reference.id; });
                QString text = QStringLiteral("%1 (%2)").arg(escaped(reference.id)).arg(reference.weight, 0, 'f', 2);
                if (found != draft->retrievedReports.end())
                    text += QStringLiteral(": <i>%1</i>").arg(QString::fromStdString(found->text).left(160).toHtmlEscaped());
                return text;
            }));
        QStringList values;
        for (const auto& [name, value] : support.values)
            values << QStringLiteral("%1 = %2").arg(escaped(name)).arg(value, 0, 'f', 3);
        row(tr("Values"), values.join(QStringLiteral(", ")));
        row(tr("Map"), drafted.heatmaps.empty() ? tr("none from this model").toHtmlEscaped() : tr("on the views").toHtmlEscaped());
    } else if (source.kind != report::SentenceSource::Kind::User) {
        row(tr("Evidence"), tr("this model's draft has none for it").toHtmlEscaped());
    }
    row(tr("Alternatives"), alternatives > 0 ? tr("%n other wording(s) to choose from", nullptr, alternatives).toHtmlEscaped()
                                             : tr("none").toHtmlEscaped());
    setHtml(QStringLiteral("<table>%1</table>").arg(rows.join(QString())));
}

} // namespace raddraft::ui
