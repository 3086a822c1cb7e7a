#pragma once
// The draft report pane (right dock): which model drafts, the Draft/Cancel commands with a
// progress bar, the report's commands (accept, reject, evidence, alternatives, undo/redo,
// sign-off, export) as a toolbar, the editable report (ReportEditor) with a legend, whether its
// edits are being logged, who signed it, the consistency warnings (clicking one selects its
// sentence) and the evidence of the selected sentence.

#include "ConsistencyChecker.h"
#include "DraftRepository.h"
#include "EvidenceView.h"
#include "ReportEditor.h"

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QSplitter;
class QToolBar;
class QToolButton;

namespace raddraft::report {
class ReportDocument;
}

namespace raddraft::ui {

class DraftPane : public QWidget {
    Q_OBJECT
public:
    /// `draftAction` and `cancelAction` are the window's commands (shown as buttons here).
    DraftPane(QAction* draftAction, QAction* cancelAction, QWidget* parent = nullptr);

    ReportEditor* editor() const { return m_editor; }
    EvidenceView* evidenceView() const { return m_evidence; }
    QListWidget* warningList() const { return m_warnings; }
    QProgressBar* progressBar() const { return m_progress; }
    QString statusText() const;
    /// The "not being logged" notice ("" when edits are logged).
    QString loggingNotice() const;
    /// The sign-off line ("" while the report is not signed).
    QString signatureText() const;

    /// The window's report commands, shown as a toolbar above the text (separators: nullptr).
    void setReportActions(const QList<QAction*>& actions);
    /// "transformer-phantom 0.1.0 (transformer)" or a hint that no model is chosen.
    void setModelDescription(const QString& description);
    /// Shows `report` (not owned) drafted as `draft`; fromCache: the draft was made earlier.
    void showReport(report::ReportDocument* report, DraftPointer draft, bool fromCache);
    /// Empties the text; `status` says why (e.g. "Cancelled.").
    void clearDraft(const QString& status = {});
    void setRunning(bool running);
    void showProgress(const QString& stage, double overall);
    void showStatus(const QString& text, bool isError = false);
    /// Why the report's edits are not being logged; empty hides the notice.
    void showLoggingProblem(const QString& problem);
    void showWarnings(const std::vector<ConsistencyWarning>& warnings);

Q_SIGNALS:
    /// A consistency warning was clicked: its sentence.
    void warningActivated(raddraft::report::SentenceId sentenceId);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateSignature();
    void updateLegend();
    /// The colours of the status, the warnings and the legend for the current palette (theme).
    void applyThemeColours();

    QLabel* m_model = nullptr;
    QToolButton* m_draftButton = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_logging = nullptr;
    QLabel* m_signature = nullptr;
    QToolBar* m_reportBar = nullptr;
    ReportEditor* m_editor = nullptr;
    QLabel* m_legend = nullptr;
    QLabel* m_warningTitle = nullptr;
    QListWidget* m_warnings = nullptr;
    EvidenceView* m_evidence = nullptr;
    QSplitter* m_splitter = nullptr;
    report::ReportDocument* m_report = nullptr;
    QMetaObject::Connection m_signedConnection;
    bool m_splitterSized = false; ///< the text got most of the height once, on the first show
    bool m_statusIsError = false;
};

} // namespace raddraft::ui
