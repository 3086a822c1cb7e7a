#pragma once
// Report drafting inside the workstation window: the Report menu and its commands (Draft report
// Ctrl+D, Cancel Esc, overlay O …), the Draft report, Findings and Models docks, the overlay
// toolbar, and the wiring between them, the DraftingController and the viewports.
//
// It attaches to an existing MainWindow (as the window's child) so that ui/ itself stays free of
// LibTorch: only programs that draft link this library.

#include "BundleCatalog.h"
#include "DraftingController.h"
#include "OverlaySource.h"

#include <QObject>

#include <optional>
#include <vector>

class QAction;
class QDockWidget;

namespace raddraft::ui {

class DraftPane;
class FindingsPanel;
class MainWindow;
class ModelSelector;
class OverlayPresenter;
class OverlayToolBar;

class DraftingWorkspace : public QObject {
    Q_OBJECT
public:
    /// Adds drafting to `window` and lists the bundles of BundleCatalog::defaultFolders().
    explicit DraftingWorkspace(MainWindow* window);
    /// Remembers the chosen bundle and the overlay style (QSettings).
    ~DraftingWorkspace() override;

    DraftingController* controller() const { return m_controller; }
    OverlayPresenter* overlays() const { return m_overlays; }
    DraftPane* draftPane() const { return m_pane; }
    FindingsPanel* findingsPanel() const { return m_findings; }
    ModelSelector* modelSelector() const { return m_models; }
    OverlayToolBar* overlayToolBar() const { return m_overlayToolBar; }

    /// Lists the bundles in `folders` instead (tests; the default folders otherwise).
    void setModelFolders(std::vector<ModelFolder> folders);
    /// Adds the bundle in `directory` (origin "command line") and chooses it. Throws
    /// inference::InferenceError naming the file and the reason when it is no readable bundle.
    void useBundle(const QString& directory);
    std::optional<InstalledBundle> currentBundle() const;

    /// The draft in the panes (nullptr: none).
    const DraftPointer& currentDraft() const { return m_draft; }
    /// The key drafts of the displayed study are stored under: its Study Instance UID (the file
    /// path of the image for plain PNG/JPEG views); empty when no chest radiograph is on screen.
    QString currentStudyKey() const;

public Q_SLOTS:
    /// Drafts the displayed study with the chosen bundle (instantly when drafted before).
    void draftReport();
    void cancelDraft();
    /// Lists the installed bundles again.
    void rescanModels();

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
    void onStudyDisplayed();
    void onBundleChanged();
    void showStoredDraftOrNothing();
    void showDraft(DraftPointer draft, bool fromCache);
    /// The chosen bundle and the overlay style, for the next start.
    void saveSettings() const;

    MainWindow* m_window = nullptr;
    DraftingController* m_controller = nullptr;
    OverlayPresenter* m_overlays = nullptr;
    DraftPane* m_pane = nullptr;
    FindingsPanel* m_findings = nullptr;
    ModelSelector* m_models = nullptr;
    OverlayToolBar* m_overlayToolBar = nullptr;
    QDockWidget* m_draftDock = nullptr;
    QDockWidget* m_findingsDock = nullptr;
    QDockWidget* m_modelsDock = nullptr;
    QAction* m_draftAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_toggleOverlay = nullptr;
    QAction* m_overlayFilled = nullptr;
    QAction* m_overlayContours = nullptr;
    QAction* m_overlayRegion = nullptr;
    QAction* m_nextColorMap = nullptr;
    QAction* m_rescanModels = nullptr;
    std::vector<ModelFolder> m_folders;
    DraftPointer m_draft;
    QString m_draftStudyKey;  ///< study the panes show a draft (or drafting state) for
    QString m_runningStudyKey; ///< study being drafted now (empty when idle)
};

} // namespace raddraft::ui
