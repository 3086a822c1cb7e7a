#include "MainWindow.h"

#include "PreferencesDialog.h"
#include "ShortcutHelpDialog.h"
#include "mpr/MprView.h"
#include "StudyTreeModel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

namespace raddraft::ui {

using viewer::ImageViewport;
using viewer::ViewportTool;

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("RadDraftMainWindow"));
    setWindowTitle(tr("RadDraft"));
    setWindowIcon(QIcon(QStringLiteral(":/raddraft/icons/raddraft.svg")));
    m_loader = new StudyLoader(this);
    m_model = new StudyTreeModel(this);
    m_viewer = new ViewerPanel(this);
    setCentralWidget(m_viewer);

    createActions();
    createMenusAndToolBars();
    createDocks();

    m_probeLabel = new QLabel(this);
    m_probeLabel->setMinimumWidth(320);
    m_statusLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setVisible(false);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_probeLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    connect(m_cancelButton, &QToolButton::clicked, m_loader, &StudyLoader::cancel);

    connect(m_loader, &StudyLoader::scanProgress, this, [this](int done, int found) {
        m_progress->setRange(0, std::max(1, found));
        m_progress->setValue(done);
        m_statusLabel->setText(tr("Reading %1 of %2 files…").arg(done).arg(found));
    });
    connect(m_loader, &StudyLoader::scanFinished, this, &MainWindow::onScanFinished);
    connect(m_loader, &StudyLoader::seriesDecoded, this, &MainWindow::onSeriesDecoded);
    connect(m_loader, &StudyLoader::thumbnailReady, m_model, &StudyTreeModel::setThumbnail);
    connect(m_loader, &StudyLoader::busyChanged, this, &MainWindow::setBusy);
    connect(m_loader, &StudyLoader::volumeBuilt, this, &MainWindow::onVolumeBuilt);
    connect(m_loader, &StudyLoader::volumeProgress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        m_statusLabel->setText(tr("Building the volume: slice %1 of %2…").arg(done).arg(total));
    });

    for (int i = 0; i < ViewerPanel::maximumViewports; ++i) {
        ImageViewport* viewport = m_viewer->viewport(i);
        connect(viewport, &ImageViewport::probeChanged, m_probeLabel, &QLabel::setText);
        connect(viewport, &ImageViewport::displayChanged, this, &MainWindow::updateActionStates);
        connect(viewport, &ImageViewport::geometryChanged, this, &MainWindow::updateActionStates);
    }
    connect(m_viewer, &ViewerPanel::activeViewportChanged, this, [this] {
        // The active viewport follows the tool chosen in the toolbar.
        for (QAction* action : m_toolGroup->actions())
            if (action->isChecked())
                action->trigger();
        updatePresetMenu();
        updateActionStates();
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray()))
        resizeDocks({m_studyDock}, {300}, Qt::Horizontal); // first start: room for series names
    const int layout = settings.value(QStringLiteral("viewer/layout"), static_cast<int>(ViewerLayout::SideBySide)).toInt();
    m_viewer->setViewerLayout(layout == static_cast<int>(ViewerLayout::Single) ? ViewerLayout::Single : ViewerLayout::SideBySide);
    if (m_viewer->viewerLayout() == ViewerLayout::Single)
        action(QStringLiteral("layoutSingle"))->setChecked(true);
    if (geometry().width() < 400)
        resize(1600, 1000);
    updateActionStates();
}

MainWindow::~MainWindow() = default;

QAction* MainWindow::addCommand(const QString& objectName, const QString& text, const QKeySequence& shortcut,
                                const std::function<void()>& handler, const QString& toolTip)
{
    auto* command = new QAction(text, this);
    command->setObjectName(objectName);
    if (!shortcut.isEmpty())
        command->setShortcut(shortcut);
    command->setShortcutContext(Qt::WindowShortcut);
    command->setToolTip(toolTip.isEmpty() ? text : toolTip);
    connect(command, &QAction::triggered, this, handler);
    addAction(command);
    m_commands << command;
    return command;
}

QAction* MainWindow::action(const QString& objectName) const
{
    for (QAction* command : m_commands)
        if (command->objectName() == objectName)
            return command;
    return nullptr;
}

void MainWindow::createActions()
{
    const auto active = [this] { return m_viewer->activeViewport(); };

    addCommand(QStringLiteral("openFile"), tr("&Open File or DICOMDIR…"), QKeySequence::Open, [this] { openFileDialog(); });
    addCommand(QStringLiteral("openFolder"), tr("Open &Folder…"), QKeySequence(tr("Ctrl+Shift+O")), [this] { openFolderDialog(); });
    addCommand(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, [this] { close(); });
    // The platform's Preferences key where it has one (macOS), else Ctrl+comma.
    const QList<QKeySequence> preferencesKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    addCommand(QStringLiteral("preferences"), tr("&Preferences…"),
               preferencesKeys.isEmpty() ? QKeySequence(tr("Ctrl+,")) : preferencesKeys.first(), [this] { showPreferences(); },
               tr("Language, theme and the edit log"));

    m_layoutGroup = new QActionGroup(this);
    const auto layoutCommand = [this](const QString& name, const QString& text, const QString& key, ViewerLayout layout) {
        QAction* command = addCommand(name, text, QKeySequence(key), [this, layout] { m_viewer->setViewerLayout(layout); });
        command->setCheckable(true);
        m_layoutGroup->addAction(command);
        return command;
    };
    layoutCommand(QStringLiteral("layoutSingle"), tr("Layout 1×1"), tr("Alt+1"), ViewerLayout::Single);
    layoutCommand(QStringLiteral("layoutSideBySide"), tr("Layout 1×2"), tr("Alt+2"), ViewerLayout::SideBySide)->setChecked(true);
    QAction* mpr = addCommand(QStringLiteral("layoutMpr"), tr("Layout MPR (axial, coronal, sagittal)"), QKeySequence(tr("Alt+3")),
                              [this] { showMpr(); });
    mpr->setCheckable(true);
    m_layoutGroup->addAction(mpr);
    connect(m_viewer, &ViewerPanel::viewerLayoutChanged, this, [this](ViewerLayout layout) {
        const QString name = layout == ViewerLayout::Single ? QStringLiteral("layoutSingle")
                             : layout == ViewerLayout::SideBySide ? QStringLiteral("layoutSideBySide")
                                                                   : QStringLiteral("layoutMpr");
        if (QAction* command = action(name))
            command->setChecked(true);
        QSettings().setValue(QStringLiteral("viewer/layout"), static_cast<int>(layout));
    });

    addCommand(QStringLiteral("fit"), tr("&Fit to Window"), QKeySequence(tr("F")), [active] { active()->fitToWindow(); });
    addCommand(QStringLiteral("zoomIn"), tr("Zoom &In"), QKeySequence(tr("+")), [active] { active()->zoomIn(); });
    addCommand(QStringLiteral("zoomOut"), tr("Zoom &Out"), QKeySequence(tr("-")), [active] { active()->zoomOut(); });
    addCommand(QStringLiteral("actualSize"), tr("&Actual Pixels (1:1)"), QKeySequence(tr("Ctrl+0")), [active] { active()->zoomToActualSize(); });
    addCommand(QStringLiteral("reset"), tr("&Reset View"), QKeySequence(tr("Ctrl+R")), [active] { active()->reset(); });
    addCommand(QStringLiteral("invert"), tr("&Invert"), QKeySequence(tr("I")), [active] { active()->toggleInvert(); });
    addCommand(QStringLiteral("rotateClockwise"), tr("Rotate 90° &Clockwise"), QKeySequence(tr("R")), [active] { active()->rotateClockwise(); });
    addCommand(QStringLiteral("rotateCounterClockwise"), tr("Rotate 90° Counter-clockwise"), QKeySequence(tr("Shift+R")),
               [active] { active()->rotateCounterClockwise(); });
    addCommand(QStringLiteral("flipHorizontal"), tr("Flip &Horizontally"), QKeySequence(tr("H")), [active] { active()->flipHorizontally(); });
    addCommand(QStringLiteral("flipVertical"), tr("Flip &Vertically"), QKeySequence(tr("V")), [active] { active()->flipVertically(); });
    QAction* annotations = addCommand(QStringLiteral("annotations"), tr("Corner &Annotations"), QKeySequence(tr("C")), [this] {
        const bool visible = action(QStringLiteral("annotations"))->isChecked();
        for (int i = 0; i < ViewerPanel::maximumViewports; ++i)
            m_viewer->viewport(i)->setAnnotationsVisible(visible);
    });
    annotations->setCheckable(true);
    annotations->setChecked(true);

    m_toolGroup = new QActionGroup(this);
    const auto toolCommand = [&](const QString& name, const QString& text, const QString& key, ViewportTool tool) {
        QAction* command = addCommand(name, text, QKeySequence(key), [this, tool] {
            for (int i = 0; i < ViewerPanel::maximumViewports; ++i)
                m_viewer->viewport(i)->setActiveTool(tool);
        });
        command->setCheckable(true);
        m_toolGroup->addAction(command);
        return command;
    };
    toolCommand(QStringLiteral("toolWindowLevel"), tr("&Window/Level Tool"), tr("W"), ViewportTool::WindowLevel)->setChecked(true);
    toolCommand(QStringLiteral("toolPan"), tr("&Pan Tool"), tr("T"), ViewportTool::Pan);
    toolCommand(QStringLiteral("toolZoom"), tr("&Zoom Tool"), tr("Z"), ViewportTool::Zoom);
    toolCommand(QStringLiteral("toolDistance"), tr("&Distance Measurement"), tr("M"), ViewportTool::Distance);
    toolCommand(QStringLiteral("toolAngle"), tr("An&gle Measurement"), tr("A"), ViewportTool::Angle);
    addCommand(QStringLiteral("deleteMeasurement"), tr("Delete Selected Measurement"), QKeySequence::Delete,
               [active] { active()->deleteSelectedMeasurement(); });
    addCommand(QStringLiteral("clearMeasurements"), tr("Delete All Measurements"), QKeySequence(tr("Ctrl+Shift+Del")),
               [active] { active()->clearMeasurements(); });

    addCommand(QStringLiteral("nextFrame"), tr("Next Image"), QKeySequence(tr("Down")), [active] { active()->nextFrame(); });
    addCommand(QStringLiteral("previousFrame"), tr("Previous Image"), QKeySequence(tr("Up")), [active] { active()->previousFrame(); });
    addCommand(QStringLiteral("firstFrame"), tr("First Image"), QKeySequence(tr("Home")), [active] { active()->setFrame(0); });
    addCommand(QStringLiteral("lastFrame"), tr("Last Image"), QKeySequence(tr("End")),
               [active] { active()->setFrame(active()->frameCount() - 1); });
    addCommand(QStringLiteral("cine"), tr("Play/Pause &Cine"), QKeySequence(tr("P")),
               [active] { active()->setCinePlaying(!active()->isCinePlaying()); });
    addCommand(QStringLiteral("cineFaster"), tr("Cine Faster"), QKeySequence(tr("]")),
               [active] { active()->setCineFramesPerSecond(active()->cineFramesPerSecond() + 2); });
    addCommand(QStringLiteral("cineSlower"), tr("Cine Slower"), QKeySequence(tr("[")),
               [active] { active()->setCineFramesPerSecond(active()->cineFramesPerSecond() - 2); });

    for (int i = 0; i < 9; ++i)
        addCommand(QStringLiteral("preset%1").arg(i + 1), tr("Window Preset %1").arg(i + 1), QKeySequence(QString::number(i + 1)),
                   [active, i] { active()->applyPreset(i); });

    addCommand(QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, [this] { showShortcutHelp(); });
    addCommand(QStringLiteral("about"), tr("&About RadDraft"), {}, [this] {
        QMessageBox::about(this, tr("About RadDraft"),
                           tr("<b>RadDraft %1</b><p>Radiology report drafting workstation.</p>"
                              "<p>Not for primary diagnosis unless validated in your department.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createMenusAndToolBars()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("openFile")));
    file->addAction(action(QStringLiteral("openFolder")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addAction(action(QStringLiteral("preferences")));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (const char* name : {"layoutSingle", "layoutSideBySide", "layoutMpr"})
        view->addAction(action(QString::fromLatin1(name)));
    view->addSeparator();
    for (const char* name : {"fit", "zoomIn", "zoomOut", "actualSize", "reset"})
        view->addAction(action(QString::fromLatin1(name)));
    view->addSeparator();
    for (const char* name : {"invert", "rotateClockwise", "rotateCounterClockwise", "flipHorizontal", "flipVertical", "annotations"})
        view->addAction(action(QString::fromLatin1(name)));
    m_presetMenu = view->addMenu(tr("Window &Presets"));

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    for (QAction* command : m_toolGroup->actions())
        tools->addAction(command);
    tools->addSeparator();
    tools->addAction(action(QStringLiteral("deleteMeasurement")));
    tools->addAction(action(QStringLiteral("clearMeasurements")));

    QMenu* stack = menuBar()->addMenu(tr("&Stack"));
    for (const char* name : {"nextFrame", "previousFrame", "firstFrame", "lastFrame", "cine", "cineFaster", "cineSlower"})
        stack->addAction(action(QString::fromLatin1(name)));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("shortcuts")));
    help->addAction(action(QStringLiteral("about")));

    QToolBar* toolbar = addToolBar(tr("Viewer"));
    toolbar->setObjectName(QStringLiteral("viewerToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    action(QStringLiteral("openFolder"))->setIconText(tr("Open"));
    toolbar->addAction(action(QStringLiteral("openFolder")));
    toolbar->addSeparator();
    action(QStringLiteral("layoutSingle"))->setIconText(tr("1×1"));
    action(QStringLiteral("layoutSideBySide"))->setIconText(tr("1×2"));
    toolbar->addAction(action(QStringLiteral("layoutSingle")));
    toolbar->addAction(action(QStringLiteral("layoutSideBySide")));
    action(QStringLiteral("layoutMpr"))->setIconText(tr("MPR"));
    toolbar->addAction(action(QStringLiteral("layoutMpr")));
    toolbar->addSeparator();
    const std::pair<const char*, QString> toolLabels[] = {
        {"toolWindowLevel", tr("W/L")}, {"toolPan", tr("Pan")}, {"toolZoom", tr("Zoom")},
        {"toolDistance", tr("Distance")}, {"toolAngle", tr("Angle")}};
    for (const auto& [name, label] : toolLabels) {
        action(QString::fromLatin1(name))->setIconText(label);
        toolbar->addAction(action(QString::fromLatin1(name)));
    }
    toolbar->addSeparator();
    const std::pair<const char*, QString> viewLabels[] = {
        {"fit", tr("Fit")}, {"invert", tr("Invert")}, {"rotateClockwise", tr("Rotate")},
        {"flipHorizontal", tr("Flip")}, {"reset", tr("Reset")}};
    for (const auto& [name, label] : viewLabels) {
        action(QString::fromLatin1(name))->setIconText(label);
        toolbar->addAction(action(QString::fromLatin1(name)));
    }
    auto* presetButton = new QToolButton(toolbar);
    presetButton->setText(tr("Presets"));
    presetButton->setMenu(m_presetMenu);
    presetButton->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(presetButton);
}

void MainWindow::createDocks()
{
    m_studyTree = new QTreeView(this);
    m_studyTree->setObjectName(QStringLiteral("studyTree"));
    m_studyTree->setModel(m_model);
    m_studyTree->setIconSize(QSize(64, 64));
    m_studyTree->setUniformRowHeights(false);
    m_studyTree->header()->setVisible(false);
    m_studyTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_studyTree, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const auto kind = static_cast<StudyTreeModel::NodeKind>(index.data(StudyTreeModel::NodeKindRole).toInt());
        if (kind == StudyTreeModel::NodeKind::Series)
            showSeries(index.data(StudyTreeModel::SeriesUidRole).toString());
        else if (kind == StudyTreeModel::NodeKind::Study)
            showStudy(index.data(StudyTreeModel::StudyUidRole).toString());
    });
    m_studyDock = new QDockWidget(tr("Studies"), this);
    m_studyDock->setObjectName(QStringLiteral("studyDock"));
    m_studyDock->setWidget(m_studyTree);
    addDockWidget(Qt::LeftDockWidgetArea, m_studyDock);

    m_problemList = new QListWidget(this);
    m_problemList->setObjectName(QStringLiteral("problemList"));
    m_problemList->setWordWrap(true);
    m_problemDock = new QDockWidget(tr("Problems"), this);
    m_problemDock->setObjectName(QStringLiteral("problemDock"));
    m_problemDock->setWidget(m_problemList);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemDock);
    m_problemDock->hide();

    QMenu* view = nullptr;
    for (QAction* menuAction : menuBar()->actions())
        if (menuAction->menu() && menuAction->text() == tr("&View"))
            view = menuAction->menu();
    if (view) {
        view->addSeparator();
        view->addAction(m_studyDock->toggleViewAction());
        view->addAction(m_problemDock->toggleViewAction());
    }
}

void MainWindow::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open DICOM file, DICOMDIR or image"), m_currentPath,
                                                      tr("DICOM and images (*.dcm *.DCM DICOMDIR *.png *.jpg *.jpeg *);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::openFolderDialog()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open folder"), m_currentPath);
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::openPath(const QString& path)
{
    m_currentPath = QFileInfo(path).absoluteFilePath();
    m_problemList->clear();
    m_problemDock->hide();
    m_displayedStudyUid.clear();
    m_pendingViewportForRequest.clear();
    m_pendingSeriesForRequest.clear();
    for (int i = 0; i < ViewerPanel::maximumViewports; ++i)
        m_viewer->viewport(i)->setImage(nullptr);
    m_statusLabel->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(m_currentPath)));
    setWindowTitle(tr("RadDraft — %1").arg(QFileInfo(path).fileName()));
    m_loader->openPath(m_currentPath);
}

void MainWindow::onScanFinished(const dicom::ScanResult& result, bool cancelled)
{
    m_model->setScanResult(result);
    m_studyTree->expandAll();
    QStringList problems;
    for (const dicom::DicomError& error : result.errors)
        problems << QString::fromStdString(error.what());
    addProblems(problems);
    const auto series = m_model->scanResult().allSeries();
    if (cancelled) {
        m_statusLabel->setText(tr("Opening cancelled: %n series found so far", nullptr, static_cast<int>(series.size())));
    } else if (series.empty()) {
        m_statusLabel->setText(tr("No images found in %1").arg(QDir::toNativeSeparators(m_currentPath)));
    } else {
        m_statusLabel->setText(tr("%n series", nullptr, static_cast<int>(series.size())));
        QSettings().setValue(QStringLiteral("session/lastStudyPath"), m_currentPath);
    }
    if (series.empty())
        return;
    const dicom::StudyInfo& firstStudy = m_model->scanResult().patients.front().studies.front();
    m_thumbnailsPending = true;
    showStudy(QString::fromStdString(firstStudy.studyInstanceUid));
}

void MainWindow::showStudy(const QString& studyUid)
{
    const dicom::StudyInfo* study = m_model->scanResult().findStudy(studyUid.toStdString());
    if (!study)
        return;
    const viewer::Hanging hanging = viewer::chooseHanging(*study);
    if (hanging.slots.empty())
        return;
    m_displayedStudyUid = studyUid;
    m_pendingStudyRequests = 0;
    m_viewer->setViewerLayout(hanging.slots.size() > 1 ? ViewerLayout::SideBySide : ViewerLayout::Single);
    for (std::size_t i = 0; i < hanging.slots.size() && i < ViewerPanel::maximumViewports; ++i) {
        const viewer::HangingSlot& slot = hanging.slots[i];
        // A chest pair hangs single instances; a stack hangs its whole series.
        dicom::SeriesInfo shown = *slot.series;
        if (hanging.isChestPair)
            shown.instances = {slot.series->instances[static_cast<std::size_t>(slot.instanceIndex)]};
        ++m_pendingStudyRequests;
        requestSeriesInViewport(shown, static_cast<int>(i));
    }
    m_viewer->setActiveViewport(0);
    const QModelIndex index = m_model->indexOfStudy(studyUid);
    if (index.isValid())
        m_studyTree->setCurrentIndex(index);
}

void MainWindow::showSeries(const QString& seriesUid)
{
    for (const dicom::SeriesInfo* series : m_model->scanResult().allSeries())
        if (QString::fromStdString(series->seriesInstanceUid) == seriesUid) {
            if (m_viewer->viewerLayout() == ViewerLayout::Mpr)
                m_viewer->setViewerLayout(ViewerLayout::Single);
            requestSeriesInViewport(*series, m_viewer->activeViewportIndex());
            return;
        }
}

void MainWindow::requestSeriesInViewport(const dicom::SeriesInfo& series, int viewportIndex)
{
    const int requestId = m_nextRequestId++;
    // A newer request for the same viewport supersedes an older one.
    for (auto it = m_pendingViewportForRequest.begin(); it != m_pendingViewportForRequest.end();)
        it = it->second == viewportIndex ? m_pendingViewportForRequest.erase(it) : std::next(it);
    m_pendingViewportForRequest[requestId] = viewportIndex;
    m_pendingSeriesForRequest[requestId] = QString::fromStdString(series.seriesInstanceUid);
    m_loader->decodeSeries(series, requestId);
}

viewer::ImageContext MainWindow::contextFor(const dicom::SeriesInfo& series) const
{
    viewer::ImageContext context;
    for (const dicom::PatientInfo& patient : m_model->scanResult().patients)
        for (const dicom::StudyInfo& study : patient.studies)
            for (const dicom::SeriesInfo& candidate : study.series)
                if (candidate.seriesInstanceUid == series.seriesInstanceUid) {
                    context.patientName = QString::fromStdString(patient.patientName);
                    context.patientId = QString::fromStdString(patient.patientId);
                    context.patientBirthDate = QString::fromStdString(patient.birthDate);
                    context.patientSex = QString::fromStdString(patient.sex);
                    context.studyDate = QString::fromStdString(study.studyDate);
                    context.studyDescription = QString::fromStdString(study.studyDescription);
                    context.seriesDescription = QString::fromStdString(candidate.description);
                    return context;
                }
    return context;
}

void MainWindow::onSeriesDecoded(const SeriesDecodeResult& result)
{
    const auto viewportIt = m_pendingViewportForRequest.find(result.requestId);
    const QString seriesUid = m_pendingSeriesForRequest[result.requestId];
    m_pendingSeriesForRequest.erase(result.requestId);
    addProblems(result.errors);
    if (viewportIt == m_pendingViewportForRequest.end())
        return; // superseded
    const int viewportIndex = viewportIt->second;
    m_pendingViewportForRequest.erase(viewportIt);
    if (result.cancelled)
        return;
    ImageViewport* viewport = m_viewer->viewport(viewportIndex);
    viewer::ImageContext context;
    for (const dicom::SeriesInfo* series : m_model->scanResult().allSeries())
        if (QString::fromStdString(series->seriesInstanceUid) == seriesUid)
            context = contextFor(*series);
    viewport->setStack(result.images, context);
    m_seriesInViewport[viewportIndex] = seriesUid;
    updatePresetMenu();
    updateActionStates();
    if (m_pendingStudyRequests > 0 && --m_pendingStudyRequests == 0) {
        Q_EMIT studyDisplayed(m_displayedStudyUid);
        // Thumbnails wait until the hanging is on screen: they must not compete with it.
        if (m_thumbnailsPending) {
            m_thumbnailsPending = false;
            m_loader->makeThumbnails(m_model->scanResult().allSeries());
        }
    }
}

const dicom::SeriesInfo* MainWindow::seriesInViewport(int index) const
{
    for (const dicom::SeriesInfo* series : m_model->scanResult().allSeries())
        if (QString::fromStdString(series->seriesInstanceUid) == m_seriesInViewport[index])
            return series;
    return nullptr;
}

void MainWindow::checkLayoutBeforeMpr()
{
    // The MPR action checks itself when triggered; undo that when MPR does not happen.
    const QString name = m_layoutBeforeMpr == ViewerLayout::Single ? QStringLiteral("layoutSingle") : QStringLiteral("layoutSideBySide");
    if (QAction* command = action(name))
        command->setChecked(true);
}

void MainWindow::showMpr()
{
    if (m_viewer->viewerLayout() != ViewerLayout::Mpr)
        m_layoutBeforeMpr = m_viewer->viewerLayout();
    const dicom::SeriesInfo* series = seriesInViewport(m_viewer->activeViewportIndex());
    if (!series) {
        m_statusLabel->setText(tr("MPR: open a CT or MR series in the active viewport first"));
        checkLayoutBeforeMpr();
        Q_EMIT mprFinished(false);
        return;
    }
    m_statusLabel->setText(tr("Building the volume of %1…").arg(QString::fromStdString(series->description)));
    m_loader->buildVolume(*series);
}

void MainWindow::onVolumeBuilt(const VolumeBuildResult& result)
{
    if (!result.volume) {
        if (!result.cancelled)
            addProblems({result.error});
        m_statusLabel->setText(result.cancelled ? tr("MPR cancelled") : tr("MPR not possible: see Problems"));
        checkLayoutBeforeMpr();
        Q_EMIT mprFinished(false);
        return;
    }
    // The MPR view holds OpenGL widgets: it is created on first use only.
    auto* mprView = qobject_cast<mpr::MprView*>(m_viewer->mprWidget());
    if (!mprView) {
        mprView = new mpr::MprView;
        mprView->setObjectName(QStringLiteral("mprView"));
        m_viewer->setMprWidget(mprView);
    }
    mprView->setVolume(result.volume);
    m_viewer->setViewerLayout(ViewerLayout::Mpr);
    m_statusLabel->setText(tr("MPR: %1 × %2 × %3 voxels")
                               .arg(result.volume->dimensions[0])
                               .arg(result.volume->dimensions[1])
                               .arg(result.volume->dimensions[2]));
    Q_EMIT mprFinished(true);
}

void MainWindow::addProblems(const QStringList& problems)
{
    if (problems.isEmpty())
        return;
    for (const QString& problem : problems)
        m_problemList->addItem(problem);
    m_problemDock->setWindowTitle(tr("Problems (%1)").arg(m_problemList->count()));
    m_problemDock->show();
}

QStringList MainWindow::problems() const
{
    QStringList list;
    for (int i = 0; i < m_problemList->count(); ++i)
        list << m_problemList->item(i)->text();
    return list;
}

void MainWindow::updatePresetMenu()
{
    m_presetMenu->clear();
    ImageViewport* viewport = m_viewer->activeViewport();
    const auto& presets = viewport->presets();
    for (std::size_t i = 0; i < presets.size(); ++i) {
        QAction* preset = m_presetMenu->addAction(presets[i].name, viewport, [viewport, i] { viewport->applyPreset(static_cast<int>(i)); });
        if (i < 9)
            preset->setShortcut(QKeySequence(QString::number(i + 1)));
        preset->setShortcutContext(Qt::WidgetShortcut); // the window-wide presetN actions own the keys
    }
    m_presetMenu->setEnabled(!presets.empty());
}

void MainWindow::updateActionStates()
{
    const bool hasImage = m_viewer->activeViewport()->hasImage();
    for (const char* name : {"fit", "zoomIn", "zoomOut", "actualSize", "reset", "invert", "rotateClockwise",
                             "rotateCounterClockwise", "flipHorizontal", "flipVertical"})
        action(QString::fromLatin1(name))->setEnabled(hasImage);
}

void MainWindow::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    if (busy && m_progress->maximum() == 0)
        m_progress->setRange(0, 0);
}

void MainWindow::showShortcutHelp()
{
    ShortcutHelpDialog dialog(m_commands, this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_loader->cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace raddraft::ui
