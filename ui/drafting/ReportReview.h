#pragma once
// Reviewing the report shown in the draft pane: the window's report commands (undo/redo, accept,
// reject, show evidence, replace with an alternative, the finding labels, sign-off, export), the
// consistency warnings, and the wiring between the report, the editor, the findings panel and the
// evidence view. Every change goes through the ReportDocument's operations, so whatever logs the
// document (EditLog::attach) records it.
//
// Extension point: evidenceRequested tells other views (knowledge graph, retrieved reports) which
// sentence's evidence the user asked for.

#include "ConsistencyMonitor.h"
#include "DraftRepository.h"
#include "SentenceAlternatives.h"

#include "report/FindingLabel.h"
#include "report/ReportSentence.h"
#include "report/SentenceSource.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <vector>

class QAction;
class QActionGroup;
class QMenu;

namespace raddraft::report {
class ReportDocument;
}

namespace raddraft::ui {

class DraftPane;
class FindingsPanel;
class MainWindow;

class ReportReview : public QObject {
    Q_OBJECT
public:
    /// Adds the report commands to `window` (addCommand) and connects to the pane and panel.
    ReportReview(MainWindow* window, DraftPane* pane, FindingsPanel* findings, QObject* parent = nullptr);
    ~ReportReview() override;

    /// The commands in menu order; nullptr marks a separator.
    QList<QAction*> editActions() const;   ///< undo, redo
    QList<QAction*> reportActions() const; ///< sentence, finding, sign-off and export commands
    /// Where other drafts of the study come from (alternatives); not owned.
    void setRepository(DraftRepository* repository) { m_repository = repository; }

    /// Reviews `report` (not owned; nullptr: nothing) of study `studyUid`, drafted as `draft`;
    /// `threshold` is the drafting bundle's decision threshold.
    void setReport(report::ReportDocument* report, DraftPointer draft, const QString& studyUid, double threshold);
    report::ReportDocument* report() const { return m_report; }
    const QString& studyUid() const { return m_studyUid; }
    ConsistencyMonitor* consistency() const { return m_consistency; }
    /// The menu "Replace with Alternative" pops up, filled for the current sentence.
    QMenu* alternativesMenu() const { return m_alternativesMenu; }
    /// The sentence the caret is in (0: none).
    report::SentenceId currentSentence() const;
    /// The alternatives offered for the current sentence.
    std::vector<SentenceAlternative> currentAlternatives() const;

public Q_SLOTS:
    void undo();
    void redo();
    void acceptSentence();
    void rejectSentence();
    /// Selects the current sentence (its maps on the views), shows its evidence and emits
    /// evidenceRequested.
    void showEvidence();
    /// Pops up the alternatives menu for the current sentence.
    void showAlternatives();
    /// Replaces the current sentence with alternatives()[index].
    void replaceWithAlternative(int index);
    /// Inserts `source`'s sentence (a retrieved report's or another model's) after the current
    /// sentence, or at the end of Findings when the caret is in none; logged as an insertion with
    /// that source. For panels that offer sentences (retrieved reports).
    void insertSentenceFrom(const raddraft::report::SentenceSource& source);
    /// Selects the report sentence that came from the draft's sentence `draftSentenceIndex` (its
    /// evidence shown); false when the report has none (rejected sentences count).
    bool selectDraftSentence(int draftSentenceIndex);
    /// Labels the finding chosen in the findings panel (a tag correction).
    void setFindingLabel(report::FindingStatus status);
    /// Asks for confirmation (a window-modal box), then signs off.
    void requestSignOff();
    /// Signs off without asking.
    void signOff();
    /// Write the report; false (after telling the user, naming the file) when it could not be written.
    bool exportText(const QString& path);
    bool exportPdf(const QString& path);

Q_SIGNALS:
    /// The user asked for the evidence of sentence `sentenceId`; `draftSentenceIndex` indexes the
    /// draft's sentences (-1 when the sentence has no model evidence).
    void evidenceRequested(raddraft::report::SentenceId sentenceId, int draftSentenceIndex);
    /// The report was signed off (the owner makes sure it is on disk).
    void signedOff();
    /// A report file was written.
    void exported(const QString& path);

private:
    void createCommands();
    void updateActions();
    void updateEvidence();
    void refuse(const QString& message);
    QString exportFileName(const QString& extension) const;
    bool exportWith(const QString& path, const std::function<void(const QString&)>& write);

    MainWindow* m_window = nullptr;
    DraftPane* m_pane = nullptr;
    FindingsPanel* m_findings = nullptr;
    DraftRepository* m_repository = nullptr;
    ConsistencyMonitor* m_consistency = nullptr;
    QPointer<report::ReportDocument> m_report;
    DraftPointer m_draft;
    QString m_studyUid;
    std::vector<QMetaObject::Connection> m_reportConnections;
    std::vector<SentenceAlternative> m_alternatives; ///< what the alternatives menu offers
    std::vector<DraftPointer> m_studyDrafts;         ///< the study's drafts (read once per report)
    QTimer m_evidenceTimer;                          ///< the evidence is shown once the caret settles

    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_accept = nullptr;
    QAction* m_reject = nullptr;
    QAction* m_evidence = nullptr;
    QAction* m_alternative = nullptr;
    QAction* m_labelPresent = nullptr;
    QAction* m_labelAbsent = nullptr;
    QAction* m_labelUncertain = nullptr;
    QActionGroup* m_labelGroup = nullptr;
    QAction* m_signOff = nullptr;
    QAction* m_exportText = nullptr;
    QAction* m_exportPdf = nullptr;
    QMenu* m_alternativesMenu = nullptr;
};

} // namespace raddraft::ui
