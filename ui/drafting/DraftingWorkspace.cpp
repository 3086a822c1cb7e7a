#include "DraftingWorkspace.h"
#include "ModelComparisonDialog.h"

#include "DraftPane.h"
#include "EditLogDraftRepository.h"
#include "FindingsPanel.h"
#include "MainWindow.h"
#include "MemoryDraftRepository.h"
#include "ModelSelector.h"
#include "OverlayPresenter.h"
#include "OverlayToolBar.h"
#include "ReportReview.h"
#include "StudyTreeModel.h"
#include "inference/InferenceError.h"
#include "report/ReportDocument.h"
#include "store/EditLog.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>

#include "KnowledgeGraphPanel.h"
#include "RetrievedReportsPanel.h"
#include <QFileInfo>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>
#include <utility>

namespace raddraft::ui {

namespace {

const QString bundleSetting = QStringLiteral("drafting/bundle");

QMenu* menuTitled(QMenuBar* bar, const QString& title)
{
    for (QAction* action : bar->actions())
        if (action->menu() && action->text() == title)
            return action->menu();
    return nullptr;
}

} // namespace

DraftingWorkspace::DraftingWorkspace(MainWindow* window) : QObject(window), m_window(window)
{
    m_controller = new DraftingController(this);
    std::vector<viewer::ImageViewport*> viewports;
    for (int i = 0; i < ViewerPanel::maximumViewports; ++i)
        viewports.push_back(window->viewerPanel()->viewport(i));
    m_overlays = new OverlayPresenter(viewports, this);

    createCommands();
    createDocks();
    m_review = new ReportReview(window, m_pane, m_findings, this);
    m_memoryRepository = std::make_unique<MemoryDraftRepository>();
    useRepository(m_memoryRepository.get());
    {
        // The review's commands: Undo/Redo first in the window's Edit menu (Preferences stays
        // last), the rest in the Report menu.
        QMenuBar* bar = m_window->menuBar();
        QMenu* edit = m_window->editMenu();
        QAction* first = edit->actions().value(0);
        edit->insertActions(first, m_review->editActions());
        edit->insertSeparator(first);
        QMenu* report = menuTitled(bar, tr("&Report"));
        QAction* before = report->actions().value(2); // after Draft and Cancel
        report->insertSeparator(before);
        for (QAction* action : m_review->reportActions()) {
            if (action)
                report->insertAction(before, action);
            else
                report->insertSeparator(before);
        }
        report->insertAction(before, m_changeUserName);
    }

    connect(m_controller, &DraftingController::runningChanged, this, [this](bool running) {
        m_pane->setRunning(running);
        m_cancelAction->setEnabled(running);
        if (!running)
            m_runningStudyKey.clear();
    });
    connect(m_controller, &DraftingController::progressChanged, m_pane, &DraftPane::showProgress);
    connect(m_controller, &DraftingController::draftReady, this,
            [this](const QString& study, const QString& hash, const DraftPointer& draft, bool fromCache) {
                const std::optional<InstalledBundle> bundle = currentBundle();
                if (study == currentStudyKey() && bundle && hash == bundle->bundleHash())
                    showDraft(draft, fromCache);
            });
    connect(m_controller, &DraftingController::draftFailed, this, [this](const QString& study, const QString&, const QString& message) {
        if (study != currentStudyKey())
            return;
        m_pendingSelection.reset();
        m_pane->showStatus(tr("Drafting failed: %1").arg(message), true);
        m_window->statusBar()->showMessage(tr("Drafting failed"), 5000);
        Q_EMIT draftingFailed(message);
    });
    connect(m_controller, &DraftingController::draftCancelled, this, [this](const QString& study) {
        if (study != currentStudyKey())
            return;
        m_pendingSelection.reset();
        m_pane->showStatus(tr("Drafting cancelled; no draft was made."));
        Q_EMIT draftingCancelled();
    });

    connect(m_pane->editor(), &ReportEditor::overlayRequested, this, [this](const OverlaySource& source) {
        m_findings->clearSelection();
        m_overlays->show(source);
    });
    connect(m_pane->editor(), &ReportEditor::overlayPreviewRequested, m_overlays, &OverlayPresenter::preview);
    connect(m_findings, &FindingsPanel::overlayRequested, this, [this](const OverlaySource& source) {
        m_pane->editor()->clearSentenceSelection();
        m_overlays->show(source);
    });
    connect(m_review, &ReportReview::signedOff, this, &DraftingWorkspace::onSignedOff);
    // The graph and the prior reports follow the sentence whose evidence is shown.
    connect(m_review, &ReportReview::evidenceRequested, this, [this](report::SentenceId, int draftSentenceIndex) {
        m_graph->focusSentence(draftSentenceIndex);
        m_retrieved->focusSentence(draftSentenceIndex);
    });
    connect(m_graph, &KnowledgeGraphPanel::overlayRequested, this, [this](const OverlaySource& source) {
        m_pane->editor()->clearSentenceSelection();
        m_findings->clearSelection();
        m_overlays->show(source);
    });
    connect(m_graph, &KnowledgeGraphPanel::sentencesRequested, this, [this](const std::vector<int>& sentences) {
        if (!sentences.empty())
            m_review->selectDraftSentence(sentences.front());
    });
    connect(m_retrieved, &RetrievedReportsPanel::insertSentenceRequested, this,
            [this](const QString& sentence, const QString& reportId) {
                m_review->insertSentenceFrom(report::SentenceSource::retrievedReport(reportId, sentence));
            });
    connect(m_overlays, &OverlayPresenter::sourceChanged, this, [this](const OverlaySource& source) {
        if (!source.isNone() && source.heatmaps.empty())
            m_window->statusBar()->showMessage(tr("%1: the model gives no map for this.").arg(source.title), 4000);
    });
    connect(m_overlayToolBar, &OverlayToolBar::styleChanged, this, [this](const viewer::OverlayStyle& style) {
        m_overlays->setStyle(style);
    });
    connect(m_models, &ModelSelector::currentBundleChanged, this, &DraftingWorkspace::onBundleChanged);
    connect(m_models, &ModelSelector::addBundleRequested, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(m_window, tr("Choose a model bundle folder"));
        if (directory.isEmpty())
            return;
        try {
            useBundle(directory);
        } catch (const inference::InferenceError& error) {
            QMessageBox::warning(m_window, tr("Not a model bundle"), QString::fromStdString(error.what()));
        }
    });
    connect(m_window, &MainWindow::studyDisplayed, this, &DraftingWorkspace::onStudyDisplayed);

    restoreSettings();
    m_folders = BundleCatalog::defaultFolders();
    rescanModels();
}

DraftingWorkspace::~DraftingWorkspace()
{
    // Saved once, here: QSettings writes through QSaveFile with an fsync, which on a busy disk
    // blocks the UI thread for tens of milliseconds — too long for every overlay key press.
    saveSettings();
    // The panes let go of the reports before their repository deletes them; the log, deleted
    // last, writes what is still queued.
    m_review->setReport(nullptr, nullptr, {}, 0.5);
    m_pane->clearDraft();
    m_findings->setDraft(nullptr, 0.5);
    m_graph->setDraft(nullptr);
    m_retrieved->setDraft(nullptr);
    m_controller->setRepository(nullptr);
    m_report = nullptr;
}

QString DraftingWorkspace::userNameSetting() { return QStringLiteral("user/name"); }

void DraftingWorkspace::useRepository(DraftRepository* repository)
{
    m_controller->setRepository(repository);
    m_review->setRepository(repository);
}

bool DraftingWorkspace::openEditLog(const QString& path)
{
    try {
        m_log = store::EditLog::open(path);
    } catch (const store::EditLogError& error) {
        const QString file = QDir::toNativeSeparators(QFileInfo(error.filePath()).absoluteFilePath());
        m_memoryRepository = std::make_unique<MemoryDraftRepository>(
            tr("the edit log %1 cannot be used (%2); drafts and edits are kept in memory only and are lost when RadDraft closes")
                .arg(file, error.reason()));
        useRepository(m_memoryRepository.get());
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Edit log unavailable"),
                                    tr("The edit log %1 cannot be used: %2\n\nYou can keep working: what is on screen stays, but "
                                       "drafts and edits are NOT being logged and are lost when RadDraft closes. Close the other "
                                       "program that uses the file, or start RadDraft with another file (--db PATH).")
                                        .arg(file, error.reason()),
                                    QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("editLogUnavailable"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        showStoredDraftOrNothing();
        return false;
    }
    m_logRepository = std::make_unique<EditLogDraftRepository>(*m_log);
    m_logRepository->setUser(m_user);
    connect(m_logRepository.get(), &EditLogDraftRepository::problem, this, &DraftingWorkspace::showLogProblem);
    // Emitted on the writer thread: queued to this one.
    connect(m_log.get(), &store::EditLog::writeFailed, this, [this](const QString& message) {
        m_writeProblem = message;
        updateLoggingNotice();
        m_window->statusBar()->showMessage(tr("Edit log: %1").arg(message), 8000);
    }, Qt::QueuedConnection);
    connect(m_log.get(), &store::EditLog::writeRecovered, this, [this] {
        m_writeProblem.clear();
        updateLoggingNotice();
        m_window->statusBar()->showMessage(tr("Edit log: writing works again; nothing was lost."), 6000);
    }, Qt::QueuedConnection);
    useRepository(m_logRepository.get());
    m_memoryRepository.reset();
    recordStudyOpened(currentStudyKey());
    showStoredDraftOrNothing();
    return true;
}

void DraftingWorkspace::showLogProblem(const QString& message)
{
    m_pane->showStatus(message, true);
    m_window->statusBar()->showMessage(message, 8000);
    updateLoggingNotice();
}

void DraftingWorkspace::setUser(const QString& user)
{
    m_user = user.trimmed();
    if (m_logRepository)
        m_logRepository->setUser(m_user);
    if (m_report)
        m_report->setUser(m_user);
    m_changeUserName->setText(m_user.isEmpty() ? tr("Set &User Name…") : tr("Change &User Name (%1)…").arg(m_user));
}

void DraftingWorkspace::changeUserName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Your name"),
                                               tr("Your name is recorded with every edit of a report and with its sign-off:"),
                                               QLineEdit::Normal, m_user, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    setUser(name);
    QSettings().setValue(userNameSetting(), name);
}

void DraftingWorkspace::recordStudyOpened(const QString& studyKey)
{
    if (!m_log || studyKey.isEmpty())
        return;
    // The patient's ID and name are stored only as salted hashes, for de-identified exports.
    store::PatientIdentity patient;
    for (const dicom::PatientInfo& candidate : m_window->studyModel()->scanResult().patients)
        for (const dicom::StudyInfo& study : candidate.studies)
            if (QString::fromStdString(study.studyInstanceUid) == studyKey)
                patient = {QString::fromStdString(candidate.patientId), QString::fromStdString(candidate.patientName)};
    try {
        m_log->openStudy(studyKey, patient);
    } catch (const store::EditLogError& error) {
        showLogProblem(error.message());
    }
}

void DraftingWorkspace::updateLoggingNotice()
{
    QString problem;
    if (m_report) {
        const std::optional<InstalledBundle> bundle = currentBundle();
        problem = m_controller->repository().loggingProblem(m_draftStudyKey, bundle ? bundle->bundleHash() : QString());
        if (problem.isEmpty() && !m_writeProblem.isEmpty())
            problem = tr("%1; the edits are kept and written again every second").arg(m_writeProblem);
    }
    m_pane->showLoggingProblem(problem);
}

void DraftingWorkspace::onSignedOff()
{
    if (!m_log || !m_logRepository || !m_report)
        return;
    // The sign-off must be on disk before the radiologist moves on.
    try {
        m_log->flush();
    } catch (const store::EditLogError& error) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Sign-off not yet saved"),
                                    tr("The sign-off could not be written to the edit log yet: %1\n\nIt stays queued and is written "
                                       "again every second; keep RadDraft open until the status bar says writing works again.")
                                        .arg(error.message()),
                                    QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("signOffNotSaved"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void DraftingWorkspace::createCommands()
{
    m_draftAction = m_window->addCommand(QStringLiteral("draftReport"), tr("&Draft Report"), QKeySequence(tr("Ctrl+D")),
                                         [this] { draftReport(); }, tr("Draft the report of the displayed study with the chosen model"));
    m_cancelAction = m_window->addCommand(QStringLiteral("cancelDraft"), tr("&Cancel Drafting"), QKeySequence(tr("Esc")),
                                          [this] { cancelDraft(); });
    m_cancelAction->setEnabled(false);
    m_toggleOverlay = m_window->addCommand(QStringLiteral("toggleOverlay"), tr("Show Heatmap &Overlay"), QKeySequence(tr("O")),
                                           [this] { m_overlays->setVisible(m_toggleOverlay->isChecked()); });
    m_toggleOverlay->setCheckable(true);
    m_toggleOverlay->setChecked(true);
    // The three display parts are checkable: their toggled() drives the overlay toolbar's style.
    m_overlayFilled = m_window->addCommand(QStringLiteral("overlayFilled"), tr("Overlay: Filled Colour &Map"), QKeySequence(tr("Shift+O")), [] {});
    m_overlayContours = m_window->addCommand(QStringLiteral("overlayContours"), tr("Overlay: Contour &Lines (50 %, 70 % of max)"),
                                             QKeySequence(tr("Shift+L")), [] {});
    m_overlayRegion = m_window->addCommand(QStringLiteral("overlayRegion"), tr("Overlay: Thresholded Region and &Box (≥ 70 % of max)"),
                                           QKeySequence(tr("Shift+B")), [] {});
    for (QAction* part : {m_overlayFilled, m_overlayContours, m_overlayRegion})
        part->setCheckable(true);
    m_nextColorMap = m_window->addCommand(QStringLiteral("nextColorMap"), tr("Overlay: Next Colour Ma&p"), QKeySequence(tr("Shift+M")),
                                          [this] { m_overlayToolBar->cycleColorMap(); });
    m_rescanModels = m_window->addCommand(QStringLiteral("rescanModels"), tr("&Refresh Model List"), QKeySequence(tr("F5")),
                                          [this] { rescanModels(); });
    m_rescanModels->setIconText(tr("Refresh"));
    m_compareModels = m_window->addCommand(QStringLiteral("compareModels"), tr("Compare &Models…"), QKeySequence(tr("Ctrl+Shift+D")),
                                           [this] { compareModels(); },
                                           tr("Draft the displayed study with every installed model and show where the drafts disagree"));
    m_changeUserName = m_window->addCommand(QStringLiteral("changeUserName"), tr("Set &User Name…"), QKeySequence(tr("Ctrl+Shift+U")),
                                            [this] { changeUserName(); }, tr("The name recorded with every edit and sign-off"));

    QMenuBar* bar = m_window->menuBar();
    auto* report = new QMenu(tr("&Report"), bar);
    report->addAction(m_draftAction);
    report->addAction(m_cancelAction);
    report->addAction(m_compareModels);
    report->addSeparator();
    for (QAction* action : {m_toggleOverlay, m_overlayFilled, m_overlayContours, m_overlayRegion, m_nextColorMap})
        report->addAction(action);
    report->addSeparator();
    report->addAction(m_rescanModels);
    QMenu* help = menuTitled(bar, MainWindow::tr("&Help"));
    bar->insertMenu(help ? help->menuAction() : nullptr, report);

    m_overlayToolBar = new OverlayToolBar(m_toggleOverlay, m_overlayFilled, m_overlayContours, m_overlayRegion, m_window);
    m_window->addToolBar(m_overlayToolBar);
}

void DraftingWorkspace::createDocks()
{
    m_pane = new DraftPane(m_draftAction, m_cancelAction, m_window);
    m_draftDock = new QDockWidget(tr("Draft Report"), m_window);
    m_draftDock->setObjectName(QStringLiteral("draftDock"));
    m_draftDock->setWidget(m_pane);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_draftDock);

    m_findings = new FindingsPanel(m_window);
    m_findingsDock = new QDockWidget(tr("Findings"), m_window);
    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));
    m_findingsDock->setWidget(m_findings);
    m_window->splitDockWidget(m_draftDock, m_findingsDock, Qt::Vertical);

    m_models = new ModelSelector(m_rescanModels, m_window);
    m_modelsDock = new QDockWidget(tr("Models"), m_window);
    m_modelsDock->setObjectName(QStringLiteral("modelsDock"));
    m_modelsDock->setWidget(m_models);
    m_window->tabifyDockWidget(m_findingsDock, m_modelsDock);

    m_graph = new KnowledgeGraphPanel(m_window);
    m_graphDock = new QDockWidget(tr("Knowledge Graph"), m_window);
    m_graphDock->setObjectName(QStringLiteral("knowledgeGraphDock"));
    m_graphDock->setWidget(m_graph);
    m_window->tabifyDockWidget(m_findingsDock, m_graphDock);

    m_retrieved = new RetrievedReportsPanel(m_window);
    m_retrievedDock = new QDockWidget(tr("Retrieved Reports"), m_window);
    m_retrievedDock->setObjectName(QStringLiteral("retrievedReportsDock"));
    m_retrievedDock->setWidget(m_retrieved);
    m_window->tabifyDockWidget(m_findingsDock, m_retrievedDock);
    m_findingsDock->raise();

    if (QMenu* view = menuTitled(m_window->menuBar(), MainWindow::tr("&View")))
        for (QDockWidget* dock : {m_draftDock, m_findingsDock, m_modelsDock, m_graphDock, m_retrievedDock})
            view->addAction(dock->toggleViewAction());
}

void DraftingWorkspace::restoreSettings()
{
    QSettings settings;
    // The window restored its layout before these docks existed: restore it again with them.
    if (!m_window->restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray())) {
        m_window->resizeDocks({m_draftDock}, {440}, Qt::Horizontal);
        m_window->resizeDocks({m_draftDock, m_findingsDock}, {66, 34}, Qt::Vertical); // the report, its warnings and evidence first
    }
    viewer::OverlayStyle style;
    style.filled = settings.value(QStringLiteral("overlay/filled"), style.filled).toBool();
    style.contours = settings.value(QStringLiteral("overlay/contours"), style.contours).toBool();
    style.region = settings.value(QStringLiteral("overlay/region"), style.region).toBool();
    style.opacity = std::clamp(settings.value(QStringLiteral("overlay/opacity"), style.opacity).toDouble(), 0.0, 1.0);
    style.colorMap = viewer::colorMapFromName(settings.value(QStringLiteral("overlay/colorMap"), viewer::colorMapName(style.colorMap)).toString());
    m_overlayToolBar->setOverlayStyle(style);
    m_overlays->setStyle(style);
    m_toggleOverlay->setChecked(settings.value(QStringLiteral("overlay/visible"), true).toBool());
    m_overlays->setVisible(m_toggleOverlay->isChecked());
}

void DraftingWorkspace::saveSettings() const
{
    QSettings settings;
    if (const std::optional<InstalledBundle> bundle = currentBundle())
        settings.setValue(bundleSetting, bundle->directory);
    const viewer::OverlayStyle& style = m_overlays->style();
    settings.setValue(QStringLiteral("overlay/filled"), style.filled);
    settings.setValue(QStringLiteral("overlay/contours"), style.contours);
    settings.setValue(QStringLiteral("overlay/region"), style.region);
    settings.setValue(QStringLiteral("overlay/opacity"), style.opacity);
    settings.setValue(QStringLiteral("overlay/colorMap"), viewer::colorMapName(style.colorMap));
    settings.setValue(QStringLiteral("overlay/visible"), m_overlays->isVisible());
}

void DraftingWorkspace::setModelFolders(std::vector<ModelFolder> folders)
{
    m_folders = std::move(folders);
    rescanModels();
}

void DraftingWorkspace::rescanModels()
{
    const QString remembered = QSettings().value(bundleSetting).toString();
    BundleCatalog::ScanResult scan = BundleCatalog::scan(m_folders);
    const bool hadSelection = m_models->currentBundle().has_value();
    m_models->setBundles(std::move(scan.bundles), scan.problems);
    if (!hadSelection && !remembered.isEmpty())
        m_models->selectBundle(remembered);
    onBundleChanged();
}

void DraftingWorkspace::useBundle(const QString& directory)
{
    const InstalledBundle bundle = BundleCatalog::inspect(directory, QStringLiteral("command line"));
    m_models->addBundle(bundle);
    m_models->selectBundle(bundle.directory);
    onBundleChanged();
}

std::optional<InstalledBundle> DraftingWorkspace::currentBundle() const { return m_models->currentBundle(); }

void DraftingWorkspace::onBundleChanged()
{
    const std::optional<InstalledBundle> bundle = currentBundle();
    m_draftAction->setEnabled(bundle.has_value());
    if (!bundle) {
        m_pane->setModelDescription(tr("No model chosen: see the Models tab."));
        showStoredDraftOrNothing();
        return;
    }
    m_pane->setModelDescription(tr("Model: <b>%1</b> %2 · %3")
                                    .arg(bundle->name().toHtmlEscaped(), QString::fromStdString(bundle->summary.version).toHtmlEscaped(),
                                         QString::fromStdString(bundle->summary.modelType).toHtmlEscaped()));
    showStoredDraftOrNothing();
}

QString DraftingWorkspace::currentStudyKey() const
{
    for (int i = 0; i < m_window->viewerPanel()->visibleViewportCount(); ++i) {
        const viewer::ImageViewport* viewport = m_window->viewerPanel()->viewport(i);
        if (OverlayPresenter::viewOf(*viewport).isEmpty())
            continue;
        const dicom::InstanceInfo& info = viewport->image()->info;
        return QString::fromStdString(info.studyInstanceUid.empty() ? info.filePath : info.studyInstanceUid);
    }
    return {};
}

void DraftingWorkspace::onStudyDisplayed()
{
    const QString key = currentStudyKey();
    if (key == m_draftStudyKey && m_draft) {
        // The same study hung again: its draft stays, and the chosen map goes back on the new
        // images (a new hanging removes overlays).
        m_overlays->show(m_overlays->chosenSource());
        return;
    }
    if (m_controller->isRunning()) {
        if (m_runningStudyKey == key)
            return; // still drafting this very study: its draft arrives here
        m_controller->cancel(); // the radiologist moved on
    }
    recordStudyOpened(key);
    showStoredDraftOrNothing();
}

void DraftingWorkspace::showStoredDraftOrNothing()
{
    const QString key = currentStudyKey();
    const std::optional<InstalledBundle> bundle = currentBundle();
    const DraftPointer stored = !key.isEmpty() && bundle ? m_controller->repository().find(key, bundle->bundleHash()) : nullptr;
    if (stored) {
        showDraft(stored, true);
        return;
    }
    m_draft.reset();
    m_report = nullptr;
    m_draftStudyKey = key;
    m_overlays->clear();
    m_review->setReport(nullptr, nullptr, key, 0.5);
    m_pane->clearDraft();
    m_findings->setDraft(nullptr, bundle ? bundle->tagThreshold : 0.5);
    m_graph->setDraft(nullptr);
    m_retrieved->setDraft(nullptr);
    updateLoggingNotice();
    if (!m_log || key.isEmpty())
        return;
    // A report of this study left unsigned with another model is not lost: say where it is.
    try {
        for (const store::DraftRecord& record : m_log->drafts(key))
            if (!record.isSigned && (!bundle || record.model.bundleHash != bundle->bundleHash())) {
                m_pane->showStatus(tr("An unsigned report of this study drafted by %1 %2 is in the edit log: choose that model in "
                                      "the Models tab to continue it.")
                                       .arg(record.model.name, record.model.version));
                break;
            }
    } catch (const store::EditLogError& error) {
        showLogProblem(error.message());
    }
}

void DraftingWorkspace::showDraft(DraftPointer draft, bool fromCache)
{
    m_draft = std::move(draft);
    m_draftStudyKey = currentStudyKey();
    m_overlays->clear();
    const std::optional<InstalledBundle> bundle = currentBundle();
    const double threshold = bundle ? bundle->tagThreshold : 0.5;
    // The report of this draft: as it was left (restored from the edit log on a new start), or
    // the model's text the first time.
    m_report = bundle ? m_controller->repository().report(m_draftStudyKey, bundle->bundleHash()) : nullptr;
    if (m_report)
        m_report->setUser(m_user);
    m_review->setReport(nullptr, nullptr, m_draftStudyKey, threshold);
    m_pane->showReport(m_report, m_draft, fromCache);
    m_findings->setDraft(m_draft, threshold, m_report);
    m_graph->setDraft(m_draft);
    m_retrieved->setDraft(m_draft);
    m_review->setReport(m_report, m_draft, m_draftStudyKey, threshold);
    updateLoggingNotice();
    if (m_pendingSelection && m_pendingSelection->studyKey == m_draftStudyKey) {
        const int index = std::exchange(m_pendingSelection, std::nullopt)->sentenceNumber - 1;
        const std::vector<report::ReportSentence> none;
        const auto& findings = m_report ? m_report->sentences(report::ReportSection::Findings) : none;
        if (index >= 0 && index < static_cast<int>(findings.size()))
            m_pane->editor()->selectSentence(findings[static_cast<std::size_t>(index)].id);
        else
            m_window->statusBar()->showMessage(tr("The draft has no sentence %1 in its findings.").arg(index + 1), 5000);
    }
    Q_EMIT draftShown(m_draft, fromCache);
}

std::optional<DraftRequest> DraftingWorkspace::requestForDisplayedStudy(QString* whyNot) const
{
    const std::optional<InstalledBundle> bundle = currentBundle();
    if (!bundle) {
        *whyNot = tr("Choose a model first (Models tab).");
        return std::nullopt;
    }
    std::optional<DraftRequest> request = imagesOfDisplayedStudy(whyNot);
    if (request) {
        request->bundleDirectory = bundle->directory;
        request->bundleHash = bundle->bundleHash();
    }
    return request;
}

std::optional<DraftRequest> DraftingWorkspace::imagesOfDisplayedStudy(QString* whyNot) const
{
    DraftRequest request;
    request.studyUid = currentStudyKey();
    for (int i = 0; i < m_window->viewerPanel()->visibleViewportCount(); ++i) {
        const viewer::ImageViewport* viewport = m_window->viewerPanel()->viewport(i);
        const QString view = OverlayPresenter::viewOf(*viewport);
        std::optional<DraftViewImage>& slot = view == QLatin1String("frontal") ? request.frontal : request.lateral;
        if (view.isEmpty() || slot)
            continue;
        const std::shared_ptr<const dicom::DecodedImage> image = viewport->image();
        // A chest radiograph hangs as one image, where the viewport's frame is the image's frame;
        // in a stack of single-frame images it is frame 0 of the image shown.
        slot = DraftViewImage{image, std::clamp(viewport->currentFrame(), 0, image->pixels.frames - 1), viewport->displaySettings()};
    }
    if (!request.frontal && !request.lateral) {
        *whyNot = tr("Drafting needs a frontal or lateral chest radiograph on screen (ViewPosition PA, AP or LL).");
        return std::nullopt;
    }
    return request;
}

void DraftingWorkspace::draftReport()
{
    QString whyNot;
    const std::optional<DraftRequest> request = requestForDisplayedStudy(&whyNot);
    if (!request) {
        m_pendingSelection.reset();
        m_pane->showStatus(whyNot, true);
        Q_EMIT draftingFailed(whyNot);
        return;
    }
    m_draftDock->show();
    m_draftDock->raise();
    m_runningStudyKey = request->studyUid;
    if (!m_controller->draft(*request)) {
        // Computing: the old text goes, so nothing on screen pretends to be the new draft.
        m_draft.reset();
        m_report = nullptr;
        m_draftStudyKey = request->studyUid;
        m_overlays->clear();
        m_review->setReport(nullptr, nullptr, m_draftStudyKey, currentBundle()->tagThreshold);
        m_pane->clearDraft(tr("Drafting with %1…").arg(currentBundle()->displayName()));
        m_findings->setDraft(nullptr, currentBundle()->tagThreshold);
        m_graph->setDraft(nullptr);
        m_retrieved->setDraft(nullptr);
        updateLoggingNotice();
    }
}

void DraftingWorkspace::draftReportSelectingSentence(int sentenceNumber)
{
    m_pendingSelection = PendingSelection{currentStudyKey(), sentenceNumber};
    draftReport();
}

void DraftingWorkspace::cancelDraft() { m_controller->cancel(); }

ModelComparisonDialog* DraftingWorkspace::compareModels()
{
    QString whyNot;
    const std::optional<DraftRequest> request = imagesOfDisplayedStudy(&whyNot);
    if (!request || m_models->bundles().empty()) {
        if (request)
            whyNot = tr("No model is installed: there is nothing to compare.");
        QMessageBox::information(m_window, tr("Compare Models"), whyNot);
        return nullptr;
    }
    auto* dialog = new ModelComparisonDialog(m_models->bundles(), *request, &m_controller->repository(), m_controller->pipelineOptions(),
                                             m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start();
    return dialog;
}

} // namespace raddraft::ui
