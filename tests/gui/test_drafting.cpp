// Report drafting in the workstation, with tiny random bundles made at test time: the model list,
// Ctrl+D on the bundled sample study (off the UI thread, progress, sentences and findings in the
// panes, maps on both views), the overlay key, the cache, cancellation, a bad --model, and a
// watchdog on the UI thread that fails if it is ever blocked for more than 50 ms while drafting.

#include "DraftPane.h"
#include "DraftingWorkspace.h"
#include "FindingsModel.h"
#include "FindingsPanel.h"
#include "MainWindow.h"
#include "ModelSelector.h"
#include "OverlayPresenter.h"
#include "OverlayToolBar.h"
#include "ShortcutHelpDialog.h"
#include "inference/Bundle.h"
#include "report/ReportDocument.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <map>
#include <cstdio>
#include <ctime>
#include <numeric>

using namespace raddraft;
using ui::DraftingWorkspace;
using ui::MainWindow;

namespace {

QString sourceDir() { return qEnvironmentVariable("RADDRAFT_SOURCE_DIR"); }
QString sampleStudyPath() { return sourceDir() + QStringLiteral("/resources/samples/phantom-cardiomegaly-effusion"); }

void createBundle(const QString& directory, const char* name, const std::string& hyperParameters, int imageSize, std::uint64_t seed)
{
    inference::BundleSpec spec;
    spec.modelType = "transformer";
    spec.name = name;
    spec.hyperParametersJson = hyperParameters;
    spec.vocabulary = {".", "<unk>", "are", "clear", "effusion", "heart", "is", "lungs", "no", "normal", "pleural", "size", "the"};
    spec.knowledgeGraphFile = (sourceDir() + QStringLiteral("/resources/knowledge_graph/chest.json")).toStdString();
    spec.imageSize = imageSize;
    spec.seed = seed;
    inference::createRandomBundle(spec, directory.toStdString());
}

void sendMouse(QWidget* widget, QEvent::Type type, QPointF position, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void click(QWidget* widget, QPoint position)
{
    sendMouse(widget, QEvent::MouseButtonPress, position, Qt::LeftButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseButtonRelease, position, Qt::LeftButton, Qt::NoButton);
}

bool openAndWait(MainWindow& window, const QString& path)
{
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    QSignalSpy displayed(&window, &MainWindow::studyDisplayed);
    window.openPath(path);
    return displayed.wait(20000);
}

// Runs the event loop for `milliseconds`, as the application's loop does: waiting in poll() until
// the next timer or event. (QTest::qWait sleeps 10 ms at a time between rounds of events, which
// would show up in the watchdog as a blocked UI thread.)
void runEventLoop(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

// CPU time the calling thread has used: a gap much longer than this was the machine's other
// load, not work on the UI thread.
double threadCpuMilliseconds()
{
    timespec time{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return time.tv_sec * 1e3 + time.tv_nsec / 1e6;
}

// Time the calling thread was runnable but waited for a CPU that other processes had
// (/proc/thread-self/schedstat, Linux); 0 when the kernel does not say. On a shared, loaded
// machine a gap between watchdog ticks is partly this; the rest — running, or sleeping on a lock
// or a pool — is the UI thread being blocked by this program.
double runQueueWaitMilliseconds()
{
    std::FILE* file = std::fopen("/proc/thread-self/schedstat", "r");
    if (!file)
        return 0.0;
    unsigned long long running = 0, waiting = 0;
    const int fields = std::fscanf(file, "%llu %llu", &running, &waiting);
    std::fclose(file);
    return fields == 2 ? waiting / 1e6 : 0.0;
}

const inference::Heatmap* heatmapOf(const std::vector<inference::Heatmap>& heatmaps, const char* view)
{
    for (const inference::Heatmap& heatmap : heatmaps)
        if (heatmap.view == view)
            return &heatmap;
    return nullptr;
}

// The grid a viewport shows equals the draft's map of its view.
bool showsMap(const viewer::ImageViewport* viewport, const std::vector<inference::Heatmap>& heatmaps, const char* view)
{
    const inference::Heatmap* expected = heatmapOf(heatmaps, view);
    const auto& overlay = viewport->heatmapOverlay();
    if (!expected || !overlay)
        return !expected && !overlay;
    return overlay->grid().rows == expected->rows && overlay->grid().cols == expected->cols && overlay->grid().values == expected->values;
}

// With RADDRAFT_SCREENSHOT_DIR set (packaging/screenshots.sh), tests save what they show.
void saveScreenshot(QWidget& window, const char* name)
{
    const QString folder = qEnvironmentVariable("RADDRAFT_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QCoreApplication::processEvents();
    QVERIFY(window.grab().save(folder + QLatin1Char('/') + QLatin1String(name)));
}

} // namespace

class TestDrafting : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_work;
    QString m_tiny;  ///< 64-pixel input, d_model 32: drafts in well under a second
    QString m_large; ///< 224-pixel input, d_model 64, 60 tokens: drafts for a while (watchdog, cancel)

    static void useTestOptions(DraftingWorkspace& workspace, int minLength)
    {
        inference::PipelineOptions options = workspace.controller()->pipelineOptions();
        options.device = inference::DevicePreference::Cpu;
        options.minLength = minLength; // random weights: make sure there are words to point at
        workspace.controller()->setPipelineOptions(options);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RadDraftDraftingTest"));
        QVERIFY(m_work.isValid());
        m_tiny = m_work.filePath(QStringLiteral("models/tiny"));
        m_large = m_work.filePath(QStringLiteral("models/larger"));
        createBundle(m_tiny, "tiny drafting test model",
                     R"({"visual_extractor": "resnet18", "d_model": 32, "num_heads": 4, "num_layers": 2, "d_ff": 64, "max_length": 16})", 64, 11);
        createBundle(m_large, "larger drafting test model",
                     R"({"visual_extractor": "resnet18", "d_model": 64, "num_heads": 4, "num_layers": 3, "d_ff": 128, "max_length": 60})", 224, 5);
    }

    void init()
    {
        QSettings().clear(); // each test starts from the default layout, overlay style and model
    }

    void theModelListShowsBundlesAndNamesBrokenOnes()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QDir(folder.path()).mkpath(QStringLiteral("broken"));
        QFile manifest(folder.filePath(QStringLiteral("broken/manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("{ not json");
        manifest.close();
        const ui::BundleCatalog::ScanResult scan =
            ui::BundleCatalog::scan({{m_work.filePath(QStringLiteral("models")), QStringLiteral("built-in")},
                                     {folder.path(), QStringLiteral("user")},
                                     {folder.filePath(QStringLiteral("absent")), QStringLiteral("user")}});
        QCOMPARE(scan.bundles.size(), std::size_t{2});
        QCOMPARE(scan.bundles[0].name(), QStringLiteral("larger drafting test model"));
        QCOMPARE(scan.bundles[1].name(), QStringLiteral("tiny drafting test model"));
        QCOMPARE(scan.bundles[1].tagThreshold, 0.5);
        QCOMPARE(scan.bundles[1].bundleHash().size(), 64);
        QCOMPARE(scan.problems.size(), 1);
        QVERIFY2(scan.problems.front().contains(QStringLiteral("broken")), qPrintable(scan.problems.front()));
        QVERIFY_THROWS_EXCEPTION(inference::InferenceError, ui::BundleCatalog::inspect(folder.filePath(QStringLiteral("nope")), {}));

        // The selector lists them and keeps the choice across a rescan.
        MainWindow window;
        DraftingWorkspace workspace(&window);
        workspace.setModelFolders({{m_work.filePath(QStringLiteral("models")), QStringLiteral("built-in")}, {folder.path(), QStringLiteral("user")}});
        QCOMPARE(workspace.modelSelector()->list()->count(), 2);
        QVERIFY(workspace.modelSelector()->findChild<QLabel*>(QStringLiteral("modelProblems"))->text().contains(QStringLiteral("broken")));
        QVERIFY(workspace.modelSelector()->selectBundle(QFileInfo(m_tiny).canonicalFilePath()));
        workspace.rescanModels();
        QCOMPARE(workspace.currentBundle()->name(), QStringLiteral("tiny drafting test model"));
        QVERIFY(window.action(QStringLiteral("draftReport"))->isEnabled());
    }

    void draftsTheSampleStudyAndShowsItsEvidence()
    {
        MainWindow window;
        window.resize(1500, 950);
        DraftingWorkspace workspace(&window);
        workspace.setModelFolders({});
        workspace.useBundle(m_tiny);
        useTestOptions(workspace, 12);
        window.show();
        QVERIFY(openAndWait(window, sampleStudyPath()));

        QSignalSpy shown(&workspace, &DraftingWorkspace::draftShown);
        QSignalSpy progress(workspace.controller(), &ui::DraftingController::progressChanged);
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(workspace.controller()->isRunning()); // it runs on the worker, not in the key press
        QVERIFY(workspace.draftPane()->progressBar()->isVisible());
        QVERIFY(shown.wait(60000));
        QCOMPARE(shown.first().at(1).toBool(), false);
        QVERIFY(!workspace.draftPane()->progressBar()->isVisible());
        QStringList stages;
        for (const QList<QVariant>& call : progress)
            if (!stages.contains(call.at(0).toString()))
                stages << call.at(0).toString();
        QCOMPARE(stages, (QStringList{"load", "preprocess", "extractor", "encoder", "decode", "done"}));

        const ui::DraftPointer draft = workspace.currentDraft();
        QVERIFY(draft);
        QCOMPARE(draft->views, (std::vector<std::string>{"frontal", "lateral"}));
        QVERIFY(!draft->sentences.empty());
        const std::string studyUid = window.viewerPanel()->viewport(0)->image()->info.studyInstanceUid;
        QVERIFY(!studyUid.empty());
        QCOMPARE(workspace.currentStudyKey(), QString::fromStdString(studyUid));

        // Sentences in the pane; findings in the panel, most probable first, with the threshold.
        ui::ReportEditor* text = workspace.draftPane()->editor();
        QCOMPARE(text->draft(), draft);
        QVERIFY(workspace.currentReport());
        QCOMPARE(text->report(), workspace.currentReport());
        for (const inference::DraftSentence& sentence : draft->sentences)
            QVERIFY(text->document()->toPlainText().contains(QString::fromStdString(sentence.text)));
        ui::FindingsModel* findings = workspace.findingsPanel()->model();
        QAbstractItemModelTester tester(findings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!draft->findings.empty());
        QCOMPARE(findings->rowCount(), static_cast<int>(draft->findings.size()));
        QCOMPARE(findings->threshold(), 0.5);
        for (int row = 1; row < findings->rowCount(); ++row)
            QVERIFY(findings->index(row - 1).data(ui::FindingsModel::ProbabilityRole).toDouble() >=
                    findings->index(row).data(ui::FindingsModel::ProbabilityRole).toDouble());

        // Clicking a sentence shows its maps on both views.
        viewer::ImageViewport* frontal = window.viewerPanel()->viewport(0);
        viewer::ImageViewport* lateral = window.viewerPanel()->viewport(1);
        QVERIFY(!frontal->heatmapOverlay() && !lateral->heatmapOverlay());
        const int last = static_cast<int>(draft->sentences.size()) - 1;
        // The report's sentences are the draft's, with ids 1, 2, … in order.
        click(text->viewport(), text->sentenceRect(last + 1).center());
        QCOMPARE(text->selectedSentence(), report::SentenceId(last + 1));
        QVERIFY(showsMap(frontal, draft->sentences.back().heatmaps, "frontal"));
        QVERIFY(showsMap(lateral, draft->sentences.back().heatmaps, "lateral"));
        QVERIFY(frontal->heatmapOverlay() && lateral->heatmapOverlay());
        QCOMPARE(frontal->heatmapOverlay()->title(), QStringLiteral("Sentence %1").arg(last + 1));

        // Pointing at a word shows that token's maps; leaving the text brings the sentence back.
        const inference::DraftSentence& sentence = draft->sentences.back();
        int token = -1;
        for (int t = sentence.tokenBegin; t < sentence.tokenEnd && token < 0; ++t)
            if (!text->tokenRect(t).isEmpty())
                token = t;
        QVERIFY(token >= 0);
        const QPoint onWord = text->tokenRect(token).center();
        QCOMPARE(text->tokenAt(onWord), token);
        sendMouse(text->viewport(), QEvent::MouseMove, onWord, Qt::NoButton, Qt::NoButton);
        QCOMPARE(text->hoveredToken(), token);
        QVERIFY(showsMap(frontal, draft->tokens[static_cast<std::size_t>(token)].heatmaps, "frontal"));
        QVERIFY(showsMap(lateral, draft->tokens[static_cast<std::size_t>(token)].heatmaps, "lateral"));
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(text->viewport(), &leave);
        QCOMPARE(text->hoveredToken(), -1);
        QVERIFY(showsMap(frontal, sentence.heatmaps, "frontal"));
        saveScreenshot(window, "workstation-draft-test.png");

        // A finding's class activation map, by clicking its row.
        int findingIndex = -1;
        for (std::size_t i = 0; i < draft->findings.size() && findingIndex < 0; ++i)
            if (heatmapOf(draft->findings[i].heatmaps, "frontal"))
                findingIndex = static_cast<int>(i);
        QVERIFY(findingIndex >= 0);
        QListView* list = workspace.findingsPanel()->view();
        list->scrollTo(findings->index(findings->rowOfFinding(findingIndex)));
        click(list->viewport(), list->visualRect(findings->index(findings->rowOfFinding(findingIndex))).center());
        QVERIFY(showsMap(frontal, draft->findings[static_cast<std::size_t>(findingIndex)].heatmaps, "frontal"));
        QVERIFY(showsMap(lateral, draft->findings[static_cast<std::size_t>(findingIndex)].heatmaps, "lateral"));
        QCOMPARE(text->selectedSentence(), report::SentenceId(0)); // one source at a time

        // O toggles the overlay on both views; the style applies to both.
        QVERIFY(frontal->isOverlayVisible());
        QTest::keyClick(&window, Qt::Key_O);
        QVERIFY(!frontal->isOverlayVisible() && !lateral->isOverlayVisible());
        QTest::keyClick(&window, Qt::Key_O);
        QVERIFY(frontal->isOverlayVisible() && lateral->isOverlayVisible());
        QTest::keyClick(&window, Qt::Key_L, Qt::ShiftModifier);
        QVERIFY(frontal->overlayStyle().contours && lateral->overlayStyle().contours);
        workspace.overlayToolBar()->opacitySlider()->setValue(65);
        QCOMPARE(lateral->overlayStyle().opacity, 0.65);
        QTest::keyClick(&window, Qt::Key_L, Qt::ShiftModifier);
        workspace.overlayToolBar()->opacitySlider()->setValue(40);

        // Drafting the same study with the same bundle again is instant: from the cache, before
        // draftReport() returns.
        QElapsedTimer clock;
        clock.start();
        workspace.draftReport();
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown.last().at(1).toBool(), true);
        QVERIFY(clock.elapsed() < 50);
        QCOMPARE(workspace.currentDraft(), draft);
        // And reopening the study shows it again without drafting.
        QVERIFY(openAndWait(window, sampleStudyPath()));
        QCOMPARE(workspace.currentDraft(), draft);
        QVERIFY(!workspace.controller()->isRunning());

        // Every command has its own key, the drafting ones included, and the help lists them.
        QSet<QString> keys;
        for (QAction* action : window.commandActions())
            if (!action->shortcut().isEmpty()) {
                QVERIFY2(!keys.contains(action->shortcut().toString()), qPrintable(action->shortcut().toString()));
                keys.insert(action->shortcut().toString());
            }
        for (const char* key : {"Ctrl+D", "Esc", "O", "Shift+L", "Shift+B", "Shift+O"})
            QVERIFY2(keys.contains(QString::fromLatin1(key)), key);
        ui::ShortcutHelpDialog help(window.commandActions());
        QCOMPARE(help.findChild<QTableWidget*>(QStringLiteral("shortcutTable"))->rowCount(), keys.size());
    }

    void cancellingLeavesNoDraft()
    {
        MainWindow window;
        window.resize(1400, 900);
        DraftingWorkspace workspace(&window);
        workspace.setModelFolders({});
        workspace.useBundle(m_large);
        useTestOptions(workspace, 60);
        window.show();
        QVERIFY(openAndWait(window, sampleStudyPath()));
        QSignalSpy cancelled(&workspace, &DraftingWorkspace::draftingCancelled);
        QSignalSpy shown(&workspace, &DraftingWorkspace::draftShown);

        // Cancelled at once (Esc), before the worker starts.
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(window.action(QStringLiteral("cancelDraft"))->isEnabled());
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(cancelled.wait(60000));
        // Cancelled in the middle of decoding.
        bool cancelledWhileDecoding = false;
        const QMetaObject::Connection connection = connect(
            workspace.controller(), &ui::DraftingController::progressChanged, this, [&](const QString& stage) {
                if (stage == QLatin1String("decode") && !cancelledWhileDecoding) {
                    cancelledWhileDecoding = true;
                    window.action(QStringLiteral("cancelDraft"))->trigger();
                }
            });
        workspace.draftReport();
        QVERIFY(cancelled.wait(60000));
        disconnect(connection);
        QVERIFY(cancelledWhileDecoding);
        QCOMPARE(cancelled.size(), 2);
        QCOMPARE(shown.size(), 0);
        QVERIFY(!workspace.currentDraft());
        QVERIFY(!workspace.draftPane()->editor()->draft());
        QVERIFY(!workspace.currentReport());
        QCOMPARE(workspace.findingsPanel()->model()->rowCount(), 0);
        QVERIFY(!window.viewerPanel()->viewport(0)->heatmapOverlay());
        QVERIFY(!workspace.controller()->repository().find(workspace.currentStudyKey(), workspace.currentBundle()->bundleHash()));
        QVERIFY(workspace.draftPane()->statusText().contains(QStringLiteral("cancelled")));
        QVERIFY(!window.action(QStringLiteral("cancelDraft"))->isEnabled());
    }

    void theUiThreadIsNeverBlockedWhileDrafting()
    {
        MainWindow window;
        window.resize(1500, 950);
        DraftingWorkspace workspace(&window);
        workspace.setModelFolders({});
        workspace.useBundle(m_large);
        useTestOptions(workspace, 40);
        window.show();
        QVERIFY(openAndWait(window, sampleStudyPath()));
        runEventLoop(500); // window creation, the first paints and the thumbnails are not measured

        // The watchdog: a 10 ms timer on the UI thread; any gap between its ticks is time the
        // UI thread could not react. Each gap is also measured without the time the kernel kept
        // the thread waiting for a CPU other processes held (other builds share this machine).
        QElapsedTimer clock;
        struct Gap {
            double end;      ///< ms since the watchdog started
            double wall;     ///< ms between the two ticks
            double blocked;  ///< wall minus run-queue wait: running or sleeping in this program
            double cpu;      ///< ms of CPU the UI thread used in between
        };
        std::vector<Gap> gaps;
        qint64 lastTick = 0;
        double lastCpu = threadCpuMilliseconds(), lastWait = runQueueWaitMilliseconds();
        QTimer watchdog;
        watchdog.setTimerType(Qt::PreciseTimer);
        connect(&watchdog, &QTimer::timeout, this, [&] {
            const qint64 now = clock.nsecsElapsed();
            const double cpu = threadCpuMilliseconds(), wait = runQueueWaitMilliseconds();
            const double wall = (now - lastTick) / 1e6;
            gaps.push_back({now / 1e6, wall, wall - (wait - lastWait), cpu - lastCpu});
            lastTick = now;
            lastCpu = cpu;
            lastWait = wait;
        });
        clock.start();
        watchdog.start(10);

        QSignalSpy shown(&workspace, &DraftingWorkspace::draftShown);
        runEventLoop(100);
        QElapsedTimer drafting;
        drafting.start();
        const double draftStart = clock.nsecsElapsed() / 1e6;
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(shown.wait(120000));
        const qint64 draftMilliseconds = drafting.elapsed();
        const double draftEnd = clock.nsecsElapsed() / 1e6;

        // Use what came back as a radiologist would, the watchdog still running.
        const ui::DraftPointer draft = workspace.currentDraft();
        QVERIFY(draft && !draft->sentences.empty());
        ui::ReportEditor* text = workspace.draftPane()->editor();
        // Each step, then 20 ms of event processing (its repaints); the UI thread's CPU per kind.
        std::map<QString, double> stepCpu;
        const auto step = [&](const QString& kind, const std::function<void()>& action) {
            const double before = threadCpuMilliseconds();
            action();
            runEventLoop(20);
            stepCpu[kind] = std::max(stepCpu[kind], threadCpuMilliseconds() - before);
        };
        for (std::size_t s = 0; s < draft->sentences.size(); ++s)
            step(QStringLiteral("select a sentence"), [&] { click(text->viewport(), text->sentenceRect(report::SentenceId(s + 1)).center()); });
        int hovered = 0;
        for (int t = 0; t < static_cast<int>(draft->tokens.size()) && hovered < 12; ++t)
            if (!text->tokenRect(t).isEmpty()) {
                step(QStringLiteral("point at a word"), [&] {
                    sendMouse(text->viewport(), QEvent::MouseMove, text->tokenRect(t).center(), Qt::NoButton, Qt::NoButton);
                });
                ++hovered;
            }
        for (int row = 0; row < std::min(4, workspace.findingsPanel()->model()->rowCount()); ++row)
            step(QStringLiteral("choose a finding"), [&] {
                workspace.findingsPanel()->selectFinding(
                    workspace.findingsPanel()->model()->index(row).data(ui::FindingsModel::FindingIndexRole).toInt());
            });
        step(QStringLiteral("contours on"), [&] { QTest::keyClick(&window, Qt::Key_L, Qt::ShiftModifier); });
        step(QStringLiteral("region on"), [&] { QTest::keyClick(&window, Qt::Key_B, Qt::ShiftModifier); });
        step(QStringLiteral("next colour map"), [&] { QTest::keyClick(&window, Qt::Key_M, Qt::ShiftModifier); });
        step(QStringLiteral("zoom in"), [&] { window.viewerPanel()->viewport(0)->zoomIn(); });
        step(QStringLiteral("overlay off"), [&] { QTest::keyClick(&window, Qt::Key_O); });
        step(QStringLiteral("overlay on"), [&] { QTest::keyClick(&window, Qt::Key_O); });
        for (const auto& [kind, cpu] : stepCpu)
            qInfo("  UI thread CPU for \"%s\" and the repaints in the 20 ms after it: at most %.1f ms", qPrintable(kind), cpu);
        runEventLoop(200);
        watchdog.stop();
        const double elapsed = clock.nsecsElapsed() / 1e6;

        QVERIFY2(gaps.size() >= 100, "the watchdog timer did not run");
        const auto statistics = [&gaps](double Gap::*field) {
            std::vector<double> values;
            for (const Gap& gap : gaps)
                values.push_back(gap.*field);
            std::sort(values.begin(), values.end());
            const double mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
            return std::make_tuple(mean, values[static_cast<std::size_t>(0.99 * (values.size() - 1))], values.back());
        };
        const auto [wallMean, wallP99, wallMax] = statistics(&Gap::wall); // what a user on this machine saw
        const auto [blockedMean, blockedP99, blockedMax] = statistics(&Gap::blocked);
        for (const Gap& gap : gaps)
            if (gap.wall > 30.0)
                qInfo("  gap %.1f ms (blocked %.1f ms, UI CPU %.1f ms) ending at %.0f ms; drafting %.0f … %.0f ms", gap.wall, gap.blocked,
                      gap.cpu, gap.end, draftStart, draftEnd);
        qInfo("watchdog: drafting took %lld ms; %zu ticks over %.0f ms; gaps between ticks: mean %.1f, p99 %.1f, max %.1f ms; "
              "without run-queue wait: mean %.1f, p99 %.1f, max %.1f ms",
              static_cast<long long>(draftMilliseconds), gaps.size(), elapsed, wallMean, wallP99, wallMax, blockedMean, blockedP99,
              blockedMax);
        QVERIFY2(draftMilliseconds > 300, "the draft must take long enough for the watchdog to mean something");
        QVERIFY2(blockedMax <= 50.0, qPrintable(QStringLiteral("the UI thread was blocked for %1 ms").arg(blockedMax)));
    }

    void aBadModelBundleIsOneClearLine()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const auto run = [](const QStringList& arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/raddraft-drafting-test-config"));
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(RADDRAFT_GUI), arguments);
            process.waitForFinished(60000);
            return std::make_pair(process.exitCode(), QString::fromLocal8Bit(process.readAllStandardError()));
        };
        const QString missing = folder.filePath(QStringLiteral("no-such-model"));
        const auto [missingCode, missingError] = run({QStringLiteral("--model"), missing});
        QCOMPARE(missingCode, 2);
        QVERIFY2(missingError.contains(missing) && missingError.contains(QStringLiteral("no such directory")), qPrintable(missingError));
        QCOMPARE(missingError.count(QStringLiteral("raddraft:")), 1); // one line (Qt may add its own warnings)

        QDir(folder.path()).mkpath(QStringLiteral("broken"));
        QFile manifest(folder.filePath(QStringLiteral("broken/manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("{\"format\": \"raddraft-model-bundle\"");
        manifest.close();
        const auto [brokenCode, brokenError] = run({QStringLiteral("--model"), folder.filePath(QStringLiteral("broken"))});
        QCOMPARE(brokenCode, 2);
        QVERIFY2(brokenError.contains(QStringLiteral("manifest.json")), qPrintable(brokenError));
    }
};

QTEST_MAIN(TestDrafting)
#include "test_drafting.moc"
