#pragma once
// The workstation window: study browser (left), viewer (centre), problems list, menus and
// toolbars whose every command is a QAction with a shortcut and a menu entry.

#include "display/HangingProtocol.h"
#include "StudyLoader.h"
#include "ViewerPanel.h"

#include <QMainWindow>
#include <QPointer>

#include <map>

class QActionGroup;
class QDockWidget;
class QLabel;
class QListWidget;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace raddraft::ui {

class StudyTreeModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ViewerPanel* viewerPanel() const { return m_viewer; }
    StudyTreeModel* studyModel() const { return m_model; }
    StudyLoader* loader() const { return m_loader; }
    /// The path opened last (also remembered across sessions).
    QString currentPath() const { return m_currentPath; }
    /// Errors of the last open, one "file: reason" per entry.
    QStringList problems() const;
    /// All actions, for the shortcut help and for tests.
    QList<QAction*> commandActions() const { return m_commands; }
    QAction* action(const QString& objectName) const;
    /// The Edit menu (Preferences at its end); parts that attach to the window add their edit
    /// commands to it rather than making another.
    QMenu* editMenu() const { return m_editMenu; }
    /// Adds a window-wide command (listed in the shortcut help and commandActions()); parts
    /// that attach to the window (drafting) add theirs here too.
    QAction* addCommand(const QString& objectName, const QString& text, const QKeySequence& shortcut,
                        const std::function<void()>& handler, const QString& toolTip = {});

public Q_SLOTS:
    /// Opens a file, folder or DICOMDIR in the background and hangs its first study.
    void openPath(const QString& path);
    void openFileDialog();
    void openFolderDialog();
    /// Shows `seriesUid` of the open scan in the active viewport.
    void showSeries(const QString& seriesUid);
    /// Hangs a study of the open scan (chest: frontal left, lateral right).
    void showStudy(const QString& studyUid);
    void showShortcutHelp();
    /// Edit ▸ Preferences: language, theme, edit log (PreferencesDialog).
    void showPreferences();
    /// Switches to the MPR layout for the series in the active viewport, building its volume in
    /// the background; an inconsistent series is reported and the 2-D layout stays.
    void showMpr();

Q_SIGNALS:
    /// The hanging of a study is on screen (all its viewports have their images or errors).
    void studyDisplayed(const QString& studyUid);
    /// The MPR layout shows a volume (true), or building it failed or was cancelled (false).
    void mprFinished(bool shown);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenusAndToolBars();
    void createDocks();
    void onScanFinished(const dicom::ScanResult& result, bool cancelled);
    void onSeriesDecoded(const SeriesDecodeResult& result);
    void onVolumeBuilt(const VolumeBuildResult& result);
    const dicom::SeriesInfo* seriesInViewport(int index) const;
    void checkLayoutBeforeMpr();
    void requestSeriesInViewport(const dicom::SeriesInfo& series, int viewportIndex);
    void addProblems(const QStringList& problems);
    void updatePresetMenu();
    void updateActionStates();
    void setBusy(bool busy);
    viewer::ImageContext contextFor(const dicom::SeriesInfo& series) const;

    ViewerPanel* m_viewer = nullptr;
    StudyTreeModel* m_model = nullptr;
    StudyLoader* m_loader = nullptr;
    QTreeView* m_studyTree = nullptr;
    QListWidget* m_problemList = nullptr;
    QDockWidget* m_studyDock = nullptr;
    QDockWidget* m_problemDock = nullptr;
    QLabel* m_probeLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QMenu* m_presetMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QActionGroup* m_toolGroup = nullptr;
    QActionGroup* m_layoutGroup = nullptr;
    QList<QAction*> m_commands;
    QString m_currentPath;
    QString m_displayedStudyUid;
    int m_nextRequestId = 1;
    std::map<int, int> m_pendingViewportForRequest; ///< request id → viewport index
    std::map<int, QString> m_pendingSeriesForRequest;
    QString m_seriesInViewport[ViewerPanel::maximumViewports]; ///< series UID shown in each viewport
    ViewerLayout m_layoutBeforeMpr = ViewerLayout::Single;
    int m_pendingStudyRequests = 0;
    bool m_thumbnailsPending = false; ///< made once the first hanging of an open is on screen
};

} // namespace raddraft::ui
