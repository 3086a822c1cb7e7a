#pragma once
// Report drafting inside the workstation window: the Edit and Report menus and their commands
// (Draft report Ctrl+D, Cancel Esc, overlay O, the report review commands of ReportReview …),
// the Draft report, Findings and Models docks, the overlay toolbar, and the wiring between them,
// the DraftingController and the viewports.
//
// Drafts and their edited reports live in a DraftRepository: the SQLite edit log once
// openEditLog() succeeded (every edit logged as it happens, an unsigned report restored exactly
// on the next start), else memory only, and the draft pane says that edits are not being logged.
// The user's name (setUser) is stamped on every edit.
//
// It attaches to an existing MainWindow (as the window's child) so that ui/ itself stays free of
// LibTorch: only programs that draft link this library.

#include "BundleCatalog.h"
#include "DraftingController.h"
#include "OverlaySource.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace raddraft::report {
class ReportDocument;
}
namespace raddraft::store {
class EditLog;
}

class QAction;
class QDockWidget;

namespace raddraft::ui {

class DraftPane;
class EditLogDraftRepository;
class FindingsPanel;
class KnowledgeGraphPanel;
class RetrievedReportsPanel;
class MemoryDraftRepository;
class ReportReview;
class MainWindow;
class ModelComparisonDialog;
class ModelSelector;
class OverlayPresenter;
class OverlayToolBar;

class DraftingWorkspace : public QObject {
    Q_OBJECT
public:
    /// Adds drafting to `window` and lists the bundles of BundleCatalog::defaultFolders().
    explicit DraftingWorkspace(MainWindow* window);
    /// Remembers the chosen bundle and the overlay style (QSettings); writes what the edit log
    /// still has queued.
    ~DraftingWorkspace() override;

    /// Keeps drafts and reports in the edit log at `path` (created, mode 0600, when missing). Call
    /// once, before a study is shown. When it cannot be opened (locked, corrupt, newer, no
    /// permission) a message box names the file and the reason, drafts and edits stay in memory,
    /// the draft pane says they are not being logged, and the result is false.
    bool openEditLog(const QString& path);
    /// The open edit log, or nullptr.
    store::EditLog* editLog() const { return m_log.get(); }
    /// The name stamped on every edit and on the sign-off. Editing is refused while it is empty.
    void setUser(const QString& user);
    const QString& user() const { return m_user; }
    /// The QSettings key remembering the name the user gave.
    static QString userNameSetting();

    DraftingController* controller() const { return m_controller; }
    OverlayPresenter* overlays() const { return m_overlays; }
    DraftPane* draftPane() const { return m_pane; }
    FindingsPanel* findingsPanel() const { return m_findings; }
    ModelSelector* modelSelector() const { return m_models; }
    OverlayToolBar* overlayToolBar() const { return m_overlayToolBar; }
    ReportReview* review() const { return m_review; }

    /// Lists the bundles in `folders` instead (tests; the default folders otherwise).
    void setModelFolders(std::vector<ModelFolder> folders);
    /// Adds the bundle in `directory` (origin "command line") and chooses it. Throws
    /// inference::InferenceError naming the file and the reason when it is no readable bundle.
    void useBundle(const QString& directory);
    std::optional<InstalledBundle> currentBundle() const;

    /// The draft in the panes (nullptr: none).
    const DraftPointer& currentDraft() const { return m_draft; }
    /// The report being edited in the draft pane (nullptr: none); owned by the repository.
    report::ReportDocument* currentReport() const { return m_report; }
    /// The key drafts of the displayed study are stored under: its Study Instance UID (the file
    /// path of the image for plain PNG/JPEG views); empty when no chest radiograph is on screen.
    QString currentStudyKey() const;

public Q_SLOTS:
    /// Drafts the displayed study with the chosen bundle (instantly when drafted before).
    void draftReport();
    /// draftReport(), then, once that draft is on screen, selects sentence `sentenceNumber`
    /// (1 = first) of its Findings and shows the sentence's map. A stored draft the study showed
    /// on opening does not count: the selection waits for the draft this call asks for.
    void draftReportSelectingSentence(int sentenceNumber);
    void cancelDraft();
    /// "Compare models" (Ctrl+Shift+D): every installed bundle drafts the displayed study in a
    /// dialog (deleted on close) that shows the drafts side by side and where they disagree.
    /// nullptr, after a message, when no chest radiograph is on screen or no model is installed.
    ModelComparisonDialog* compareModels();
    /// Lists the installed bundles again.
    void rescanModels();
    /// Asks for the user's name (a small dialog) and remembers it (QSettings).
    void changeUserName();

Q_SIGNALS:
    /// A draft is in the panes (fromCache: it was made earlier and not computed again).
    void draftShown(raddraft::ui::DraftPointer draft, bool fromCache);
    void draftingFailed(const QString& message);
    void draftingCancelled();

private:
    void createCommands();
    void createDocks();
    void restoreSettings();
    std::optional<DraftRequest> requestForDisplayedStudy(QString* whyNot) const;
    /// The displayed study's views, without a bundle.
    std::optional<DraftRequest> imagesOfDisplayedStudy(QString* whyNot) const;
    void onStudyDisplayed();
    void onBundleChanged();
    void showStoredDraftOrNothing();
    void showDraft(DraftPointer draft, bool fromCache);
    /// The chosen bundle and the overlay style, for the next start.
    void saveSettings() const;
    void useRepository(DraftRepository* repository);
    void recordStudyOpened(const QString& studyKey);
    void updateLoggingNotice();
    void onSignedOff();
    void showLogProblem(const QString& message);

    MainWindow* m_window = nullptr;
    DraftingController* m_controller = nullptr;
    OverlayPresenter* m_overlays = nullptr;
    DraftPane* m_pane = nullptr;
    FindingsPanel* m_findings = nullptr;
    KnowledgeGraphPanel* m_graph = nullptr;
    RetrievedReportsPanel* m_retrieved = nullptr;
    QDockWidget* m_graphDock = nullptr;
    QDockWidget* m_retrievedDock = nullptr;
    ModelSelector* m_models = nullptr;
    OverlayToolBar* m_overlayToolBar = nullptr;
    QDockWidget* m_draftDock = nullptr;
    QDockWidget* m_findingsDock = nullptr;
    QDockWidget* m_modelsDock = nullptr;
    QAction* m_draftAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_compareModels = nullptr;
    QAction* m_toggleOverlay = nullptr;
    QAction* m_overlayFilled = nullptr;
    QAction* m_overlayContours = nullptr;
    QAction* m_overlayRegion = nullptr;
    QAction* m_nextColorMap = nullptr;
    QAction* m_rescanModels = nullptr;
    QAction* m_changeUserName = nullptr;
    ReportReview* m_review = nullptr;
    std::vector<ModelFolder> m_folders;
    // Declared in this order so reports go before the repositories and those before the log.
    std::unique_ptr<store::EditLog> m_log;
    std::unique_ptr<EditLogDraftRepository> m_logRepository;
    std::unique_ptr<MemoryDraftRepository> m_memoryRepository;
    QString m_user;
    QString m_writeProblem; ///< the edit log's last background write failure, until it recovers
    DraftPointer m_draft;
    report::ReportDocument* m_report = nullptr;
    QString m_draftStudyKey;  ///< study the panes show a draft (or drafting state) for
    QString m_runningStudyKey; ///< study being drafted now (empty when idle)
    struct PendingSelection {
        QString studyKey;
        int sentenceNumber = 0;
    };
    std::optional<PendingSelection> m_pendingSelection; ///< draftReportSelectingSentence's, until its draft shows
};

} // namespace raddraft::ui
