#include "ReportReview.h"

#include "DraftPane.h"
#include "FindingsModel.h"
#include "FindingsPanel.h"
#include "MainWindow.h"
#include "ReportExport.h"
#include "SentenceProvenance.h"

#include "report/ReportDocument.h"
#include "report/ReportError.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QFontMetrics>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>

#include <optional>

namespace raddraft::ui {

using report::ReportSection;
using report::SentenceId;

ReportReview::ReportReview(MainWindow* window, DraftPane* pane, FindingsPanel* findings, QObject* parent)
    : QObject(parent), m_window(window), m_pane(pane), m_findings(findings)
{
    m_consistency = new ConsistencyMonitor(this);
    m_evidenceTimer.setSingleShot(true);
    m_evidenceTimer.setInterval(150);
    connect(&m_evidenceTimer, &QTimer::timeout, this, &ReportReview::updateEvidence);
    m_alternativesMenu = new QMenu(tr("Alternatives"), m_window);
    m_alternativesMenu->setObjectName(QStringLiteral("alternativesMenu"));
    m_alternativesMenu->setToolTipsVisible(true);
    createCommands();

    ReportEditor* editor = m_pane->editor();
    // The evidence follows the selection once the caret settles (typing and arrowing through
    // sentences does not lay out the evidence for every sentence passed).
    connect(editor, &ReportEditor::sentenceSelected, this, [this] {
        m_evidenceTimer.start();
        updateActions();
    });
    connect(editor, &QTextEdit::cursorPositionChanged, this, &ReportReview::updateActions);
    connect(editor, &ReportEditor::editRefused, this, &ReportReview::refuse);
    connect(m_pane, &DraftPane::warningActivated, this, [this](SentenceId id) {
        m_pane->editor()->selectSentence(id);
        m_pane->editor()->setFocus();
    });
    connect(m_consistency, &ConsistencyMonitor::warningsChanged, m_pane, &DraftPane::showWarnings);
    connect(m_findings, &FindingsPanel::currentFindingChanged, this, &ReportReview::updateActions);
    updateActions();
}

ReportReview::~ReportReview() = default;

void ReportReview::createCommands()
{
    MainWindow* w = m_window;
    m_undo = w->addCommand(QStringLiteral("undoEdit"), tr("&Undo Report Edit"), QKeySequence(tr("Ctrl+Z")), [this] { undo(); });
    m_redo = w->addCommand(QStringLiteral("redoEdit"), tr("&Redo Report Edit"), QKeySequence(tr("Ctrl+Shift+Z")), [this] { redo(); });
    m_undo->setIconText(tr("Undo"));
    m_redo->setIconText(tr("Redo"));
    m_accept = w->addCommand(QStringLiteral("acceptSentence"), tr("&Accept Sentence"), QKeySequence(tr("Ctrl+Shift+A")),
                             [this] { acceptSentence(); }, tr("Accept the sentence with the caret (it stays in the report)"));
    m_accept->setIconText(tr("✓ Accept"));
    m_reject = w->addCommand(QStringLiteral("rejectSentence"), tr("Re&ject Sentence"), QKeySequence(tr("Ctrl+Shift+R")),
                             [this] { rejectSentence(); }, tr("Reject the sentence with the caret (it leaves the report; undo brings it back)"));
    m_reject->setIconText(tr("✗ Reject"));
    m_evidence = w->addCommand(QStringLiteral("showEvidence"), tr("Show Sentence &Evidence"), QKeySequence(tr("Ctrl+E")),
                               [this] { showEvidence(); }, tr("Show the map, findings, graph nodes and retrieved reports behind the sentence"));
    m_evidence->setIconText(tr("Evidence"));
    m_alternative = w->addCommand(QStringLiteral("replaceWithAlternative"), tr("Replace with A&lternative…"),
                                  QKeySequence(tr("Ctrl+Shift+Space")), [this] { showAlternatives(); },
                                  tr("Replace the sentence with another wording, a retrieved report's or another model's sentence"));
    m_alternative->setIconText(tr("Alternatives…"));
    m_labelPresent = w->addCommand(QStringLiteral("labelFindingPresent"), tr("Label Finding &Present"), QKeySequence(tr("Ctrl+Alt+P")),
                                   [this] { setFindingLabel(report::FindingStatus::Present); });
    m_labelAbsent = w->addCommand(QStringLiteral("labelFindingAbsent"), tr("Label Finding A&bsent"), QKeySequence(tr("Ctrl+Alt+N")),
                                  [this] { setFindingLabel(report::FindingStatus::Absent); });
    m_labelUncertain = w->addCommand(QStringLiteral("labelFindingUncertain"), tr("Label Finding &Uncertain"), QKeySequence(tr("Ctrl+Alt+U")),
                                     [this] { setFindingLabel(report::FindingStatus::Uncertain); });
    m_labelPresent->setIconText(tr("Present"));
    m_labelAbsent->setIconText(tr("Absent"));
    m_labelUncertain->setIconText(tr("Uncertain"));
    m_labelGroup = new QActionGroup(this);
    m_labelGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (QAction* action : {m_labelPresent, m_labelAbsent, m_labelUncertain}) {
        action->setCheckable(true);
        m_labelGroup->addAction(action);
    }
    m_signOff = w->addCommand(QStringLiteral("signOff"), tr("&Sign Off Report…"), QKeySequence(tr("Ctrl+Shift+S")),
                              [this] { requestSignOff(); }, tr("Sign the report: it is locked and your name and the time are recorded"));
    m_signOff->setIconText(tr("Sign Off…"));
    m_exportText = w->addCommand(QStringLiteral("exportText"), tr("Export Report as &Text…"), QKeySequence(tr("Ctrl+Shift+T")), [this] {
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Export the report as text"), exportFileName(QStringLiteral("txt")),
                                                          tr("Text files (*.txt)"));
        if (!path.isEmpty())
            exportText(path);
    });
    m_exportPdf = w->addCommand(QStringLiteral("exportPdf"), tr("Export Report as P&DF…"), QKeySequence(tr("Ctrl+Shift+P")), [this] {
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Export the report as PDF"), exportFileName(QStringLiteral("pdf")),
                                                          tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    m_exportText->setIconText(tr("Text…"));
    m_exportPdf->setIconText(tr("PDF…"));
    m_findings->setLabelActions(m_labelPresent, m_labelAbsent, m_labelUncertain);
    // The pane's toolbar keeps to what a review needs at hand (undo/redo: Ctrl+Z, the Edit menu
    // and the text's context menu); both exports sit behind one Export button.
    auto* exportMenu = new QMenu(tr("Export"), m_window);
    exportMenu->addAction(m_exportText);
    exportMenu->addAction(m_exportPdf);
    auto* exportButton = new QAction(tr("Export"), this);
    exportButton->setObjectName(QStringLiteral("exportMenuButton"));
    exportButton->setMenu(exportMenu);
    exportButton->setToolTip(tr("Export the report as text or PDF"));
    m_pane->setReportActions({m_accept, m_reject, m_evidence, m_alternative, nullptr, m_signOff, exportButton});
    m_pane->editor()->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction* action : {m_accept, m_reject, m_evidence, m_alternative, m_undo, m_redo})
        m_pane->editor()->addAction(action);
}

QList<QAction*> ReportReview::editActions() const { return {m_undo, m_redo}; }

QList<QAction*> ReportReview::reportActions() const
{
    return {m_accept, m_reject, m_evidence, m_alternative, nullptr, m_labelPresent, m_labelAbsent, m_labelUncertain, nullptr,
            m_signOff, m_exportText, m_exportPdf};
}

void ReportReview::setReport(report::ReportDocument* report, DraftPointer draft, const QString& studyUid, double threshold)
{
    for (const QMetaObject::Connection& connection : m_reportConnections)
        disconnect(connection);
    m_reportConnections.clear();
    m_report = report;
    m_draft = std::move(draft);
    m_studyUid = studyUid;
    m_alternatives.clear();
    m_studyDrafts = m_report && m_repository ? m_repository->drafts(studyUid) : std::vector<DraftPointer>{};
    m_evidenceTimer.stop();
    m_consistency->setDocument(report, threshold);
    if (m_report) {
        m_reportConnections = {
            connect(m_report, &report::ReportDocument::historyChanged, this, &ReportReview::updateActions),
            connect(m_report, &report::ReportDocument::sentenceChanged, this, [this](SentenceId id) {
                if (id == m_pane->editor()->selectedSentence())
                    m_evidenceTimer.start();
            }),
        };
    }
    updateEvidence();
    updateActions();
}

SentenceId ReportReview::currentSentence() const
{
    if (!m_report)
        return 0;
    const ReportEditor::Caret caret = m_pane->editor()->caret();
    return caret.place == ReportEditor::Caret::Place::Sentence ? caret.sentenceId : 0;
}

std::vector<SentenceAlternative> ReportReview::currentAlternatives() const
{
    const report::ReportSentence* sentence = m_report ? m_report->sentence(currentSentence()) : nullptr;
    if (!sentence || !m_draft)
        return {};
    return sentenceAlternatives(*sentence, *m_draft, m_studyDrafts);
}

void ReportReview::updateActions()
{
    const bool editable = m_report && !m_report->isSigned();
    const bool inSentence = editable && currentSentence() != 0;
    m_undo->setEnabled(m_report && m_report->canUndo());
    m_redo->setEnabled(m_report && m_report->canRedo());
    m_accept->setEnabled(inSentence);
    m_reject->setEnabled(inSentence);
    m_alternative->setEnabled(inSentence);
    m_evidence->setEnabled(m_report && currentSentence() != 0);
    const int finding = m_findings->currentFinding();
    const report::FindingLabel* label = finding >= 0 ? m_findings->model()->labelOf(finding) : nullptr;
    for (QAction* action : {m_labelPresent, m_labelAbsent, m_labelUncertain})
        action->setEnabled(editable && label);
    m_labelPresent->setChecked(label && label->status == report::FindingStatus::Present);
    m_labelAbsent->setChecked(label && label->status == report::FindingStatus::Absent);
    m_labelUncertain->setChecked(label && label->status == report::FindingStatus::Uncertain);
    m_signOff->setEnabled(editable);
    m_exportText->setEnabled(m_report);
    m_exportPdf->setEnabled(m_report);
}

void ReportReview::updateEvidence()
{
    m_evidenceTimer.stop();
    const report::ReportSentence* sentence = m_report ? m_report->sentence(m_pane->editor()->selectedSentence()) : nullptr;
    if (!sentence && m_report)
        sentence = m_report->sentence(currentSentence());
    m_pane->evidenceView()->showSentence(sentence, m_draft, sentence ? int(currentAlternatives().size()) : 0);
}

void ReportReview::refuse(const QString& message)
{
    m_pane->showStatus(message, true);
    m_window->statusBar()->showMessage(message, 6000);
}

void ReportReview::undo()
{
    if (!m_report)
        return;
    try {
        m_report->undo();
    } catch (const report::ReportError& error) {
        refuse(error.message());
    }
}

void ReportReview::redo()
{
    if (!m_report)
        return;
    try {
        m_report->redo();
    } catch (const report::ReportError& error) {
        refuse(error.message());
    }
}

void ReportReview::acceptSentence()
{
    const SentenceId id = currentSentence();
    if (!m_report || !id)
        return;
    try {
        m_report->accept(id);
    } catch (const report::ReportError& error) {
        refuse(error.message());
    }
}

void ReportReview::rejectSentence()
{
    const SentenceId id = currentSentence();
    if (!m_report || !id)
        return;
    try {
        m_report->reject(id);
    } catch (const report::ReportError& error) {
        refuse(error.message());
    }
}

void ReportReview::showEvidence()
{
    const SentenceId id = currentSentence();
    if (!m_report || !id)
        return;
    m_pane->editor()->selectSentence(id);
    updateEvidence();
    m_pane->evidenceView()->show();
    const report::ReportSentence* sentence = m_report->sentence(id);
    Q_EMIT evidenceRequested(id, sentence && m_draft ? draftSentenceIndex(*sentence, *m_draft) : -1);
}

void ReportReview::showAlternatives()
{
    m_alternativesMenu->clear();
    if (m_report && m_repository) // other models may have drafted the study since
        m_studyDrafts = m_repository->drafts(m_studyUid);
    m_alternatives = currentAlternatives();
    if (!m_report || !currentSentence())
        return;
    if (m_alternatives.empty()) {
        m_alternativesMenu->addAction(tr("No alternatives for this sentence"))->setEnabled(false);
    } else {
        const QFontMetrics metrics(m_alternativesMenu->font());
        std::optional<SentenceAlternative::Origin> group;
        for (std::size_t i = 0; i < m_alternatives.size(); ++i) {
            const SentenceAlternative& alternative = m_alternatives[i];
            if (!group || *group != alternative.origin) {
                group = alternative.origin;
                m_alternativesMenu->addSection(alternative.origin == SentenceAlternative::Origin::ModelWording      ? tr("The model's other wordings")
                                               : alternative.origin == SentenceAlternative::Origin::RetrievedReport ? tr("Retrieved reports")
                                                                                                                    : tr("Other models' drafts"));
            }
            QAction* item = m_alternativesMenu->addAction(metrics.elidedText(alternative.source.originalText, Qt::ElideRight, 460));
            item->setToolTip(tr("%1 — from %2").arg(alternative.source.originalText, alternative.from));
            item->setData(static_cast<int>(i));
            connect(item, &QAction::triggered, this, [this, i] { replaceWithAlternative(static_cast<int>(i)); });
        }
    }
    ReportEditor* editor = m_pane->editor();
    m_alternativesMenu->popup(editor->viewport()->mapToGlobal(editor->cursorRect().bottomLeft()));
}

void ReportReview::replaceWithAlternative(int index)
{
    const SentenceId id = currentSentence();
    if (!m_report || !id || index < 0 || index >= static_cast<int>(m_alternatives.size()))
        return;
    try {
        m_report->replaceWithAlternative(id, m_alternatives[std::size_t(index)].source);
    } catch (const report::ReportError& error) {
        refuse(error.message());
    }
}

void ReportReview::insertSentenceFrom(const report::SentenceSource& source)
{
    if (!m_report)
        return;
    ReportSection section = ReportSection::Findings;
    int index = static_cast<int>(m_report->sentences(section).size());
    if (const std::optional<report::ReportDocument::SentenceLocation> location = m_report->locate(currentSentence())) {
        section = location->section;
        index = location->index + 1;
    }
    try {
        const SentenceId id = m_report->insertAlternative(section, index, source);
        m_pane->editor()->selectSentence(id);
    } catch (const report::ReportError& error) {
        refuse(error.message());
    }
}

bool ReportReview::selectDraftSentence(int index)
{
    if (!m_report || !m_draft || index < 0)
        return false;
    for (const ReportSection section : {ReportSection::Findings, ReportSection::Impression})
        for (const report::ReportSentence& sentence : m_report->sentences(section))
            if (draftSentenceIndex(sentence, *m_draft) == index) {
                m_pane->editor()->selectSentence(sentence.id);
                return true;
            }
    return false;
}

void ReportReview::setFindingLabel(report::FindingStatus status)
{
    const int finding = m_findings->currentFinding();
    const report::FindingLabel* label = finding >= 0 ? m_findings->model()->labelOf(finding) : nullptr;
    if (!m_report || !label) {
        updateActions();
        return;
    }
    try {
        m_report->correctFinding(label->name, status);
    } catch (const report::ReportError& error) {
        refuse(error.message());
    }
    updateActions();
}

void ReportReview::requestSignOff()
{
    if (!m_report || m_report->isSigned())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Sign off the report"),
                                tr("Sign off this report as %1?\n\nThe report is then locked: it can be exported, but no longer "
                                   "changed.")
                                    .arg(m_report->user().isEmpty() ? tr("(no name set)") : m_report->user()),
                                QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("signOffConfirmation"));
    box->button(QMessageBox::Yes)->setText(tr("Sign Off"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            signOff();
    });
    box->open();
}

void ReportReview::signOff()
{
    if (!m_report)
        return;
    try {
        m_report->signOff();
    } catch (const report::ReportError& error) {
        refuse(error.message());
        return;
    }
    updateActions();
    m_pane->showStatus(tr("Signed off. The report can be exported (Report menu)."));
    Q_EMIT signedOff();
}

QString ReportReview::exportFileName(const QString& extension) const
{
    QString name = m_studyUid.section(QLatin1Char('/'), -1);
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(QStringLiteral("report-%1.%2").arg(name.isEmpty() ? QStringLiteral("study") : name, extension));
}

bool ReportReview::exportWith(const QString& path, const std::function<void(const QString&)>& write)
{
    if (!m_report)
        return false;
    try {
        write(path);
    } catch (const ReportExportError& error) {
        refuse(error.message());
        QMessageBox* box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error.message(), QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("exportFailed"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    m_window->statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 6000);
    Q_EMIT exported(path);
    return true;
}

bool ReportReview::exportText(const QString& path)
{
    return exportWith(path, [this](const QString& file) { writeReportText(file, exportedReport(*m_report, m_studyUid)); });
}

bool ReportReview::exportPdf(const QString& path)
{
    return exportWith(path, [this](const QString& file) { writeReportPdf(file, exportedReport(*m_report, m_studyUid)); });
}

} // namespace raddraft::ui
