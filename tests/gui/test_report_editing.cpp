// Editing the draft report in the workstation, logged to a real SQLite edit log in a temporary
// folder: keys, accept, reject and alternatives become the right events in the database; a child
// workstation killed with SIGKILL while typing is restored on the next start (all but at most the
// last second of edits); a tag correction is logged and updates the consistency warnings;
// sign-off locks the report and the export files hold its text; replaying the log reproduces the
// stored text (the store's replay and `raddraft-cli log replay`); a corrupt or locked log is
// named in a message box and work goes on unlogged.
//
// The draft is hand-built (draftFromJson) and put in the workspace's repository, so no model
// runs; the study is the bundled sample and the bundle the bundled model (manifest only).
//
// The crash child is this program: `test_report_editing --crash-child DATABASE SEED`.

#include "ReportTestSupport.h"

#include "BundleCatalog.h"
#include "DraftPane.h"
#include "DraftingWorkspace.h"
#include "FindingsModel.h"
#include "FindingsPanel.h"
#include "MainWindow.h"
#include "ReportEditor.h"
#include "ReportReview.h"
#include "ViewerPanel.h"
#include "display/HeatmapOverlay.h"
#include "display/ImageViewport.h"

#include "EditLogDraftRepository.h"
#include "inference/Draft.h"
#include "report/ReportDocument.h"
#include "store/EditLog.h"
#include "store/EditLogReplay.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QListView>
#include <QListWidget>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QToolButton>
#include <QtTest>

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <random>

using namespace raddraft;
using report::EditCause;
using report::EditKind;
using report::EditTarget;
using report::ReportSection;
using report::SentenceId;
using ui::DraftingWorkspace;
using ui::MainWindow;

namespace {

const QString kUser = QStringLiteral("Dr Test");

QString sourceDir() { return qEnvironmentVariable("RADDRAFT_SOURCE_DIR"); }
QString sampleStudyPath() { return sourceDir() + QStringLiteral("/resources/samples/phantom-cardiomegaly-effusion"); }
QString bundledModel() { return sourceDir() + QStringLiteral("/resources/models/transformer-phantom"); }

void setUpApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RadDraftReportEditingTest"));
    QCoreApplication::setApplicationName(QStringLiteral("RadDraft"));
}

/// A draft as a model with sentence evidence writes it: sentence 2 says there is no pleural
/// effusion while the model finds one (0.92), so the report starts with one consistency warning.
inference::Draft testDraft(const QString& bundleHash)
{
    const QString map = QStringLiteral(R"([{"view": "frontal", "rows": 2, "cols": 2, "values": [0.1, 0.2, 0.3, 0.4]},
                                          {"view": "lateral", "rows": 2, "cols": 2, "values": [0.4, 0.3, 0.2, 0.1]}])");
    QString tokens;
    for (const char* word : {"the", "heart", "is", "normal", "in", "size", "."})
        tokens += QStringLiteral(R"({"text": "%1", "log_probability": -0.1, "heatmaps": %2},)").arg(QLatin1String(word), map);
    tokens.chop(1);
    const QString json = QStringLiteral(R"({
      "schema": "raddraft-draft", "schema_version": 1,
      "model": {"type": "transformer", "name": "transformer-phantom", "version": "0.1.0", "bundle_hash": "%1", "device": "cpu"},
      "views": ["frontal", "lateral"],
      "text": "The heart is normal in size. There is no pleural effusion. No pneumothorax.",
      "tokens": [%2],
      "sentences": [
        {"text": "The heart is normal in size.", "token_begin": 0, "token_end": 7, "heatmaps": %3,
         "support": {"tags": [{"name": "cardiomegaly", "weight": 0.12}], "graph_nodes": [{"name": "cardiomegaly", "weight": 0.4}],
                     "reports": [{"id": "R-17", "weight": 0.6}], "values": {"lambda1": 0.3, "lambda2": 0.7}},
         "score": 0.77, "alternatives": ["Heart size is normal.", "The cardiac silhouette is normal."]},
        {"text": "There is no pleural effusion.", "token_begin": 7, "token_end": 7, "heatmaps": %3,
         "support": {"tags": [{"name": "pleural effusion", "weight": 0.92}], "graph_nodes": [], "reports": [], "values": {}}},
        {"text": "No pneumothorax.", "token_begin": 7, "token_end": 7, "heatmaps": [],
         "support": {"tags": [], "graph_nodes": [], "reports": [], "values": {}}}
      ],
      "findings": [{"name": "pleural effusion", "probability": 0.92, "present": true, "heatmaps": %3},
                   {"name": "cardiomegaly", "probability": 0.12, "present": false, "heatmaps": []},
                   {"name": "pneumothorax", "probability": 0.04, "present": false, "heatmaps": []}],
      "graph": {"nodes": [], "edges": []},
      "retrieved_reports": [{"id": "R-17", "text": "Small right pleural effusion. The heart size is normal.", "score": 0.81}],
      "timings": [{"stage": "decode", "milliseconds": 12.5}]
    })")
                             .arg(bundleHash, tokens, map);
    return inference::draftFromJson(json.toStdString());
}

/// The workstation as `raddraft --db DATABASE --user USER --model <bundled model>` builds it.
struct Workstation {
    MainWindow window;
    DraftingWorkspace workspace{&window};
    bool logOpened = false;

    Workstation(const QString& database, const QString& user)
    {
        window.resize(1500, 950);
        workspace.setModelFolders({});
        workspace.useBundle(bundledModel());
        if (!database.isEmpty())
            logOpened = workspace.openEditLog(database);
        workspace.setUser(user);
        window.show();
    }

    ui::ReportEditor* editor() const { return workspace.draftPane()->editor(); }
    report::ReportDocument* report() const { return workspace.currentReport(); }
    QAction* action(const char* name) const { return window.action(QString::fromLatin1(name)); }
    QString bundleHash() const { return workspace.currentBundle()->bundleHash(); }

    /// Opens the sample study; its report appears from the repository (restored from the log),
    /// or, the first time, the test draft is stored and "drafted" from there (no model runs).
    bool openStudyWithReport()
    {
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            return false;
        QSignalSpy displayed(&window, &MainWindow::studyDisplayed);
        window.openPath(sampleStudyPath());
        if (!displayed.wait(20000))
            return false;
        const QString key = workspace.currentStudyKey();
        ui::DraftRepository& repository = workspace.controller()->repository();
        if (!repository.find(key, bundleHash()))
            repository.store(key, bundleHash(), std::make_shared<const inference::Draft>(testDraft(bundleHash())));
        if (!report())
            workspace.draftReport();
        editor()->setFocus();
        return report() != nullptr;
    }
};

/// Sends `keys` as typed keys to the editor (through the window's shortcut map, as typing does).
void type(QWidget* editor, const QString& keys)
{
    QTest::keyClicks(editor, keys);
}

std::vector<report::EditEvent> loggedEvents(const QString& database, const QString& studyUid, store::DraftRecord* record = nullptr)
{
    std::unique_ptr<store::EditLog> log = store::EditLog::open(database);
    const std::vector<store::DraftRecord> drafts = log->drafts(studyUid);
    if (drafts.empty())
        return {};
    if (record)
        *record = drafts.back();
    return log->events(drafts.back().id);
}

void runEventLoop(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
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

qint64 steadyMicroseconds()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// ---- The crash child ----

/// Types into the pane without pause (letters, spaces, Backspace, Enter, undo/redo, accept,
/// reject) until killed. For every event it prints, before the log queues it,
///   "event <sequence> <steady-clock µs> <document digest>"
int runCrashChild(const QString& database, unsigned seed)
{
    Workstation station(database, QStringLiteral("Dr Crash"));
    if (!station.logOpened || !station.openStudyWithReport()) {
        std::fprintf(stderr, "crash child: the report did not open\n");
        return 1;
    }
    report::ReportDocument* document = station.report();
    // Print before the log queues the event (as the store's crash test does): re-attach the log
    // after the printer, with the draft the repository attached it to.
    auto* repository = dynamic_cast<ui::EditLogDraftRepository*>(&station.workspace.controller()->repository());
    const store::DraftId draftId = repository->draftId(station.workspace.currentStudyKey(), station.bundleHash());
    QObject::disconnect(document, &report::ReportDocument::eventRecorded, station.workspace.editLog(), nullptr);
    QObject::connect(document, &report::ReportDocument::eventRecorded, [document](const report::EditEvent& event) {
        std::printf("event %lld %lld %s\n", static_cast<long long>(event.sequence), static_cast<long long>(steadyMicroseconds()),
                    report::testing::documentDigest(*document).constData());
        std::fflush(stdout);
    });
    station.workspace.editLog()->attach(*document, draftId);

    std::mt19937 random(seed);
    ui::ReportEditor* editor = station.editor();
    QElapsedTimer deadline;
    deadline.start();
    while (deadline.elapsed() < 60000) { // in case nobody kills us
        const int choice = std::uniform_int_distribution<int>(0, 99)(random);
        if (choice < 65)
            QTest::keyClick(editor, char('a' + std::uniform_int_distribution<int>(0, 25)(random)));
        else if (choice < 75)
            QTest::keyClick(editor, Qt::Key_Space);
        else if (choice < 85)
            QTest::keyClick(editor, Qt::Key_Backspace);
        else if (choice < 88)
            QTest::keyClick(editor, Qt::Key_Return);
        else if (choice < 91)
            QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        else if (choice < 93)
            QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        else if (choice < 95)
            QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        else if (choice < 96)
            QTest::keyClick(editor, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        else
            QTest::keyClick(editor, choice % 2 ? Qt::Key_Up : Qt::Key_Down);
        runEventLoop(2);
    }
    return 0;
}

struct PrintedEvent {
    qint64 steadyMicroseconds = 0;
    QByteArray digest;
};

QMap<qint64, PrintedEvent> parseEvents(const QByteArray& output)
{
    QMap<qint64, PrintedEvent> events;
    for (const QByteArray& line : output.split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 4 && fields[0] == "event")
            events.insert(fields[1].toLongLong(), {fields[2].toLongLong(), fields[3]});
    }
    return events;
}

} // namespace

class TestReportEditing : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_folder;
    int m_databases = 0;

    QString newDatabase() { return m_folder.filePath(QStringLiteral("edit-log-%1.sqlite").arg(++m_databases)); }

    // Signs off in a workstation on `database`, checks the lock and the exports; the study's key.
    void signOffAndExport(const QString& database, QString* studyKey)
    {
        Workstation station(database, kUser);
        QVERIFY(station.openStudyWithReport());
        *studyKey = station.workspace.currentStudyKey();
        ui::ReportEditor* editor = station.editor();
        editor->setCaret(3);
        type(editor, QStringLiteral(" Stable."));
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        auto* confirmation = station.window.findChild<QMessageBox*>(QStringLiteral("signOffConfirmation"));
        QVERIFY(confirmation && confirmation->isVisible());
        QVERIFY2(confirmation->text().contains(kUser), qPrintable(confirmation->text()));
        confirmation->button(QMessageBox::Yes)->click();
        report::ReportDocument* document = station.report();
        QVERIFY(document->isSigned());
        QCOMPARE(document->signedBy(), kUser);

        // Locked: the text refuses keys, the commands are off, the pane says who signed.
        const QString text = document->finalText();
        type(editor, QStringLiteral("x"));
        QTest::keyClick(editor, Qt::Key_Backspace);
        QCOMPARE(document->finalText(), text);
        QVERIFY2(station.workspace.draftPane()->statusText().contains(QStringLiteral("signed off")),
                 qPrintable(station.workspace.draftPane()->statusText()));
        for (const char* name : {"acceptSentence", "rejectSentence", "replaceWithAlternative", "undoEdit", "redoEdit", "signOff",
                                 "labelFindingPresent", "labelFindingAbsent", "labelFindingUncertain"})
            QVERIFY2(!station.action(name)->isEnabled(), name);
        QVERIFY(station.action("exportText")->isEnabled() && station.action("exportPdf")->isEnabled());
        QVERIFY2(station.workspace.draftPane()->signatureText().contains(kUser), qPrintable(station.workspace.draftPane()->signatureText()));

        // Export: the text file holds the final text under a header; the PDF is a PDF.
        const QString textFile = m_folder.filePath(QStringLiteral("report.txt"));
        const QString pdfFile = m_folder.filePath(QStringLiteral("report.pdf"));
        QVERIFY(station.workspace.review()->exportText(textFile));
        QVERIFY(station.workspace.review()->exportPdf(pdfFile));
        QFile exportedText(textFile);
        QVERIFY(exportedText.open(QIODevice::ReadOnly));
        const QString written = QString::fromUtf8(exportedText.readAll());
        QVERIFY2(written.contains(text) && written.contains(QStringLiteral("Signed: ") + kUser) && written.contains(*studyKey) &&
                     written.contains(QStringLiteral("transformer-phantom")),
                 qPrintable(written));
        QFile pdf(pdfFile);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5).startsWith("%PDF-"));
        QVERIFY(pdf.size() > 1000);
        // A folder that does not exist: a clear error naming the file, and no file.
        const QString impossible = m_folder.filePath(QStringLiteral("missing/report.txt"));
        QVERIFY(!station.workspace.review()->exportText(impossible));
        QVERIFY(!QFileInfo::exists(impossible));
        auto* failed = station.window.findChild<QMessageBox*>(QStringLiteral("exportFailed"));
        QVERIFY(failed);
        QVERIFY2(failed->text().contains(impossible), qPrintable(failed->text()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        QVERIFY2(QFileInfo::exists(bundledModel() + QStringLiteral("/manifest.json")), qPrintable(bundledModel()));
    }

    void init() { QSettings().clear(); }

    void editsInThePaneBecomeEventsInTheDatabase()
    {
        const QString database = newDatabase();
        Workstation station(database, kUser);
        QVERIFY(station.logOpened);
        QVERIFY(station.openStudyWithReport());
        report::ReportDocument* document = station.report();
        ui::ReportEditor* editor = station.editor();
        QVERIFY(station.workspace.draftPane()->loggingNotice().isEmpty());
        QSignalSpy recorded(document, &report::ReportDocument::eventRecorded);
        const SentenceId first = 1, second = 2, third = 3;

        // Typing at the end of sentence 1: one insert per key. "z" and "w" are viewer shortcuts
        // (zoom and window tools): in the editor they are letters.
        editor->setCaret(first);
        type(editor, QStringLiteral(" wz"));
        QCOMPARE(document->sentence(first)->text, QStringLiteral("The heart is normal in size. wz"));
        QVERIFY(station.action("toolWindowLevel")->isChecked() && !station.action("toolZoom")->isChecked());
        // Backspace deletes, Ctrl+Z undoes through the window's command, Ctrl+Shift+Z redoes.
        QTest::keyClick(editor, Qt::Key_Backspace);
        QCOMPARE(document->sentence(first)->text, QStringLiteral("The heart is normal in size. w"));
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document->sentence(first)->text, QStringLiteral("The heart is normal in size. wz"));
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(document->sentence(first)->text, QStringLiteral("The heart is normal in size. w"));
        QCOMPARE(document->sentence(first)->origin(), report::SentenceOrigin::AiEdited);
        // Edited AI text looks different from unchanged AI text.
        const QTextCharFormat edited = editor->document()->findBlock(editor->textCursor().position()).charFormat();
        QTextCursor secondBlock(editor->document());
        secondBlock.setPosition(editor->document()->findBlock(editor->textCursor().position()).next().position() + 1);
        QVERIFY(edited.foreground().color() != secondBlock.charFormat().foreground().color());
        QCOMPARE(edited.underlineStyle(), QTextCharFormat::DotLine);

        // Accept (Ctrl+Shift+A) sentence 1; reject sentence 2 with the toolbar's command.
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(document->sentence(first)->state, report::SentenceState::Accepted);
        editor->setCaret(second, 3);
        station.action("rejectSentence")->trigger();
        QCOMPARE(document->sentence(second)->state, report::SentenceState::Rejected);

        // Replace sentence 1 with the model's other wording, from the alternatives menu.
        editor->setCaret(first, 0);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier | Qt::ShiftModifier);
        QMenu* menu = station.workspace.review()->alternativesMenu();
        QAction* wording = nullptr;
        QStringList offered;
        for (QAction* item : menu->actions())
            if (!item->isSeparator() && item->data().isValid()) {
                offered << item->toolTip();
                if (!wording)
                    wording = item;
            }
        QVERIFY2(offered.size() >= 4, qPrintable(offered.join(QLatin1Char('\n')))); // 2 wordings + 2 retrieved sentences
        QVERIFY2(offered.front().startsWith(QStringLiteral("Heart size is normal.")), qPrintable(offered.front()));
        wording->trigger();
        menu->close();
        QCOMPARE(document->sentence(first)->text, QStringLiteral("Heart size is normal."));
        QCOMPARE(document->sentence(first)->origin(), report::SentenceOrigin::InsertedFromAlternative);

        // Typing over a selection inside a sentence is one replace.
        const QTextBlock block = editor->document()->findBlock(editor->textCursor().position()).next().next();
        QTextCursor selection(editor->document());
        selection.setPosition(block.position());
        selection.setPosition(block.position() + 2, QTextCursor::KeepAnchor); // "No" of "No pneumothorax."
        editor->setTextCursor(selection);
        QCOMPARE(editor->caret().sentenceId, third);
        type(editor, QStringLiteral("A"));
        QCOMPARE(document->sentence(third)->text, QStringLiteral("A pneumothorax."));

        // Enter at the end of a sentence starts a new one; typing into the empty Impression
        // creates its first sentence.
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClick(editor, Qt::Key_Return);
        type(editor, QStringLiteral("Ok."));
        QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(editor->caret().place, ui::ReportEditor::Caret::Place::Placeholder);
        type(editor, QStringLiteral("Normal."));
        QCOMPARE(document->sentences(ReportSection::Impression).size(), std::size_t{1});
        QCOMPARE(document->sentences(ReportSection::Impression).front().text, QStringLiteral("Normal."));
        QCOMPARE(document->sentences(ReportSection::Findings).size(), std::size_t{4});
        station.workspace.review()->consistency()->checkNow(); // not 250 ms later: the picture shows it
        saveScreenshot(station.window, "workstation-report-editing.png");

        // Every event is in the database, exactly as the document made it, stamped with the user.
        station.workspace.editLog()->flush();
        const std::vector<report::EditEvent> logged = loggedEvents(database, station.workspace.currentStudyKey());
        QCOMPARE(logged.size(), std::size_t(recorded.size()));
        for (std::size_t i = 0; i < logged.size(); ++i) {
            QCOMPARE(logged[i], recorded.at(int(i)).at(0).value<report::EditEvent>());
            QCOMPARE(logged[i].user, kUser);
        }
        QStringList kinds;
        for (const report::EditEvent& event : logged)
            kinds << QStringLiteral("%1 %2 %3").arg(report::editCauseName(event.cause), report::editKindName(event.change.kind),
                                                   report::editTargetName(event.change.target));
        const QStringList expected{
            "edit insert text", "edit insert text", "edit insert text", // " wz"
            "edit delete text", "undo insert text", "redo delete text",
            "edit accept sentence", "edit reject sentence", "edit replace sentence",
            "edit replace text",                                          // "No" → "A"
            "edit insert sentence", "edit insert text", "edit insert text", "edit insert text", // Enter, "Ok."
            "edit insert sentence",                                       // "N" into the empty Impression
            "edit insert text", "edit insert text", "edit insert text", "edit insert text", "edit insert text", "edit insert text",
        };
        QCOMPARE(kinds, expected);
        QCOMPARE(logged[8].change.after, QStringLiteral("Heart size is normal."));
        QVERIFY(logged[8].change.source.contains(QStringLiteral("\"from_alternative\":true")));
        QCOMPARE(logged[9].change.before, QStringLiteral("No"));
        QCOMPARE(logged[9].change.after, QStringLiteral("A"));
        QCOMPARE(logged[14].change.section, ReportSection::Impression);
    }

    void aKilledWorkstationIsRestoredOnTheNextStart()
    {
        const QString database = newDatabase();
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-child"), database, QStringLiteral("7")});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        QByteArray output;
        QElapsedTimer waited;
        waited.start();
        const int eventsBeforeKill = 150;
        while (parseEvents(output).size() < eventsBeforeKill && waited.elapsed() < 60000 && child.state() == QProcess::Running) {
            child.waitForReadyRead(100);
            output += child.readAllStandardOutput();
        }
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
        const qint64 killedAt = steadyMicroseconds();
        child.kill(); // SIGKILL: no destructor, no flush
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        output += child.readAllStandardOutput();
        QMap<qint64, PrintedEvent> printed = parseEvents(output);
        QVERIFY(printed.size() >= eventsBeforeKill);
        // Event 0: the report as the model wrote it (restored when the kill came before any write).
        const QString hash = ui::BundleCatalog::inspect(bundledModel(), {}).bundleHash();
        const report::ReportDocument initial(report::reportContentFromDraft(testDraft(hash)));
        printed.insert(0, {0, report::testing::documentDigest(initial)});

        // The next start shows the report as it was, from the log (no fresh draft).
        Workstation station(database, kUser);
        QVERIFY(station.logOpened);
        QVERIFY(station.openStudyWithReport());
        report::ReportDocument* document = station.report();
        const qint64 restored = document->eventCount();
        QVERIFY2(printed.contains(restored), qPrintable(QString::number(restored)));
        QCOMPARE(report::testing::documentDigest(*document), printed.value(restored).digest);
        if (restored > 0)
            QVERIFY2(station.workspace.draftPane()->statusText().contains(QStringLiteral("Restored")),
                     qPrintable(station.workspace.draftPane()->statusText()));
        // What was lost happened within the last second before the kill.
        const qint64 lastPrinted = printed.lastKey();
        qint64 firstLostAge = 0;
        if (restored < lastPrinted) {
            firstLostAge = killedAt - printed.value(restored + 1).steadyMicroseconds;
            QVERIFY2(firstLostAge <= 1'000'000, qPrintable(QStringLiteral("lost an event %1 µs old").arg(firstLostAge)));
        }
        qInfo("killed after %lld events; restored %lld; lost %lld, the oldest %.0f ms before the kill",
              static_cast<long long>(lastPrinted), static_cast<long long>(restored), static_cast<long long>(lastPrinted - restored),
              double(firstLostAge) / 1000.0);

        // Editing goes on in the same draft, numbered on.
        QTest::keyClick(station.editor(), Qt::Key_End, Qt::ControlModifier);
        type(station.editor(), QStringLiteral("!"));
        QCOMPARE(document->eventCount(), restored + 1);
        station.workspace.editLog()->flush();
        store::DraftRecord record;
        const std::vector<report::EditEvent> logged = loggedEvents(database, station.workspace.currentStudyKey(), &record);
        QCOMPARE(qint64(logged.size()), restored + 1);
        const store::DraftReplayResult audit = store::replayDraft(*station.workspace.editLog(), record);
        QVERIFY2(audit.matches(), qPrintable(audit.problem));
        QCOMPARE(audit.replayedText, document->finalText());
    }

    void aStoredDraftOpensWithTheAskedSentenceSelected()
    {
        // `raddraft --draft --sentence 2 STUDY` on a study drafted before: opening the study shows
        // the stored draft first; the sentence must be selected in the draft the request shows
        // (selecting it in the first one and re-showing the draft used to lose the selection).
        const QString database = newDatabase();
        {
            Workstation first(database, kUser);
            QVERIFY(first.logOpened);
            QVERIFY(first.openStudyWithReport());
            first.workspace.editLog()->flush();
        }
        Workstation station(database, kUser);
        QVERIFY(station.logOpened);
        QSignalSpy shown(&station.workspace, &DraftingWorkspace::draftShown);
        QObject::connect(&station.window, &MainWindow::studyDisplayed, &station.workspace,
                         [&station] { station.workspace.draftReportSelectingSentence(2); }, Qt::SingleShotConnection);
        station.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&station.window));
        QSignalSpy displayed(&station.window, &MainWindow::studyDisplayed);
        station.window.openPath(sampleStudyPath());
        QVERIFY(displayed.wait(20000));
        QCOMPARE(shown.size(), 2); // the stored draft on opening, then the requested one (from the cache)
        QVERIFY(station.report());
        const auto& findings = station.report()->sentences(report::ReportSection::Findings);
        QVERIFY(findings.size() >= 2);
        QCOMPARE(station.editor()->selectedSentence(), findings[1].id);
        const viewer::ImageViewport* frontal = station.window.viewerPanel()->viewport(0);
        QVERIFY(frontal->heatmapOverlay());
        QCOMPARE(frontal->heatmapOverlay()->title(), QStringLiteral("Sentence 2"));

        // A sentence the draft does not have selects nothing and says so.
        station.editor()->selectSentence(report::SentenceId(0));
        station.workspace.draftReportSelectingSentence(9);
        QCOMPARE(shown.size(), 3);
        QCOMPARE(station.editor()->selectedSentence(), report::SentenceId(0));
        QVERIFY2(station.window.statusBar()->currentMessage().contains(QStringLiteral("no sentence 9")),
                 qPrintable(station.window.statusBar()->currentMessage()));
    }

    void aTagCorrectionIsLoggedAndUpdatesTheWarnings()
    {
        const QString database = newDatabase();
        Workstation station(database, kUser);
        QVERIFY(station.openStudyWithReport());
        report::ReportDocument* document = station.report();
        ui::DraftPane* pane = station.workspace.draftPane();
        ui::ConsistencyMonitor* consistency = station.workspace.review()->consistency();

        // "There is no pleural effusion." while the model finds it at 0.92: one warning.
        QCOMPARE(consistency->warnings().size(), std::size_t{1});
        const ui::ConsistencyWarning warning = consistency->warnings().front();
        QCOMPARE(warning.sentenceId, SentenceId(2));
        QCOMPARE(warning.finding, QStringLiteral("pleural effusion"));
        QVERIFY2(warning.message.contains(QStringLiteral("sentence 2")) && warning.message.contains(QStringLiteral("0.92")),
                 qPrintable(warning.message));
        QCOMPARE(pane->warningList()->count(), 1);
        QVERIFY(pane->warningList()->item(0)->text().contains(QStringLiteral("pleural effusion")));
        // Clicking the warning selects its sentence.
        QListWidget* list = pane->warningList();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QCOMPARE(station.editor()->selectedSentence(), SentenceId(2));

        // The annotator sets effusion absent (the panel's button): a logged tag correction, and
        // the warning goes (annotator corrections win over the model).
        ui::FindingsPanel* findings = station.workspace.findingsPanel();
        QAbstractItemModelTester tester(findings->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        findings->selectFinding(0);
        QVERIFY(station.action("labelFindingAbsent")->isEnabled());
        QVERIFY(station.action("labelFindingPresent")->isChecked());
        auto* absent = findings->findChild<QToolButton*>(QStringLiteral("labelFindingAbsentButton"));
        QVERIFY(absent);
        absent->click();
        QCOMPARE(document->findingLabels().front().status, report::FindingStatus::Absent);
        QVERIFY(station.action("labelFindingAbsent")->isChecked());
        QCOMPARE(findings->model()->index(0).data(ui::FindingsModel::CorrectedRole).toBool(), true);
        QTRY_COMPARE(consistency->warnings().size(), std::size_t{0});
        QCOMPARE(pane->warningList()->count(), 0);

        // Text that now says effusion contradicts the corrected label: a new warning names it.
        QTest::keyClick(station.editor(), Qt::Key_End, Qt::ControlModifier);
        type(station.editor(), QStringLiteral("Small left pleural effusion."));
        QTRY_COMPARE(consistency->warnings().size(), std::size_t{1});
        QCOMPARE(consistency->warnings().front().section, ReportSection::Impression);
        QVERIFY2(consistency->warnings().front().message.contains(QStringLiteral("annotator marked it absent")),
                 qPrintable(consistency->warnings().front().message));
        // Uncertain contradicts nothing. (Typing chose the sentence's map: choose the finding again.)
        findings->selectFinding(0);
        station.action("labelFindingUncertain")->trigger();
        QTRY_COMPARE(consistency->warnings().size(), std::size_t{0});

        station.workspace.editLog()->flush();
        const std::vector<report::EditEvent> logged = loggedEvents(database, station.workspace.currentStudyKey());
        std::vector<report::EditEvent> corrections;
        for (const report::EditEvent& event : logged)
            if (event.change.kind == EditKind::TagCorrection)
                corrections.push_back(event);
        QCOMPARE(corrections.size(), std::size_t{2});
        QCOMPARE(corrections[0].change.target, EditTarget::Finding);
        QCOMPARE(corrections[0].change.before, QStringLiteral("present"));
        QCOMPARE(corrections[0].change.after, QStringLiteral("absent"));
        QCOMPARE(corrections[0].change.source, QStringLiteral("{\"finding\":\"pleural effusion\"}"));
        QCOMPARE(corrections[0].user, kUser);
        QCOMPARE(corrections[1].change.after, QStringLiteral("uncertain"));
    }

    void signOffLocksTheReportAndExportsIt()
    {
        const QString database = newDatabase();
        QString studyKey;
        signOffAndExport(database, &studyKey);
        if (QTest::currentTestFailed())
            return;

        // The database has the sign-off; a new start shows the report signed and locked.
        store::DraftRecord record;
        const std::vector<report::EditEvent> logged = loggedEvents(database, studyKey, &record);
        QVERIFY(!logged.empty());
        QCOMPARE(logged.back().change.kind, EditKind::Sign);
        QVERIFY(record.isSigned);
        QCOMPARE(record.signedBy, kUser);
        QVERIFY2(record.signedText.contains(QStringLiteral("No pneumothorax. Stable.")), qPrintable(record.signedText));
        Workstation station(database, QStringLiteral("Dr Other"));
        QVERIFY(station.openStudyWithReport());
        QVERIFY(station.report()->isSigned());
        QVERIFY(station.workspace.draftPane()->signatureText().contains(kUser));
        QVERIFY(!station.action("signOff")->isEnabled());
        const QString text = station.report()->finalText();
        type(station.editor(), QStringLiteral("more"));
        QCOMPARE(station.report()->finalText(), text);
    }

    void replayingTheLogReproducesTheStoredText()
    {
        const QString database = newDatabase();
        QString studyKey;
        QString finalText;
        {
            Workstation station(database, kUser);
            QVERIFY(station.openStudyWithReport());
            studyKey = station.workspace.currentStudyKey();
            ui::ReportEditor* editor = station.editor();
            std::mt19937 random(3);
            for (int i = 0; i < 160; ++i) {
                const int choice = std::uniform_int_distribution<int>(0, 99)(random);
                if (choice < 60)
                    QTest::keyClick(editor, char('a' + choice % 26));
                else if (choice < 70)
                    QTest::keyClick(editor, Qt::Key_Space);
                else if (choice < 80)
                    QTest::keyClick(editor, Qt::Key_Backspace);
                else if (choice < 84)
                    QTest::keyClick(editor, Qt::Key_Return);
                else if (choice < 88)
                    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
                else if (choice < 90)
                    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
                else if (choice < 93)
                    QTest::keyClick(editor, Qt::Key_Up);
                else if (choice < 95)
                    QTest::keyClick(editor, Qt::Key_Down);
                else if (choice < 97)
                    station.action("acceptSentence")->trigger();
                else
                    station.action("rejectSentence")->trigger();
            }
            finalText = station.report()->finalText();
        } // closing writes what is queued

        std::unique_ptr<store::EditLog> log = store::EditLog::open(database);
        const std::vector<store::DraftRecord> drafts = log->drafts(studyKey);
        QCOMPARE(drafts.size(), std::size_t{1});
        QVERIFY(drafts.front().eventCount > 100);
        const store::DraftReplayResult replay = store::replayDraft(*log, drafts.front());
        QVERIFY2(replay.matches(), qPrintable(replay.problem));
        QCOMPARE(replay.replayedText, finalText);
        QCOMPARE(drafts.front().currentText, finalText);
#ifdef RADDRAFT_CLI
        QProcess cli;
        cli.start(QStringLiteral(RADDRAFT_CLI), {QStringLiteral("log"), QStringLiteral("replay"), QStringLiteral("--db"), database,
                                                 QStringLiteral("--all")});
        QVERIFY(cli.waitForFinished(30000));
        const QString printed = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0 && printed.contains(QStringLiteral(" ok")), qPrintable(printed + cli.readAllStandardError()));
#endif
    }

    void aCorruptOrLockedLogIsNamedAndWorkGoesOnUnlogged()
    {
        // Not an SQLite file.
        const QString corrupt = m_folder.filePath(QStringLiteral("corrupt.sqlite"));
        {
            QFile file(corrupt);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        }
        {
            Workstation station(corrupt, kUser);
            QVERIFY(!station.logOpened);
            QVERIFY(!station.workspace.editLog());
            auto* box = station.window.findChild<QMessageBox*>(QStringLiteral("editLogUnavailable"));
            QVERIFY(box && box->isVisible());
            QVERIFY2(box->text().contains(corrupt) && box->text().contains(QStringLiteral("not an SQLite database")), qPrintable(box->text()));
            box->accept();
            // The report works; the pane says its edits are not being logged.
            QVERIFY(station.openStudyWithReport());
            QVERIFY2(station.workspace.draftPane()->loggingNotice().contains(QStringLiteral("not being logged")) &&
                         station.workspace.draftPane()->loggingNotice().contains(corrupt),
                     qPrintable(station.workspace.draftPane()->loggingNotice()));
            station.editor()->setCaret(1);
            type(station.editor(), QStringLiteral(" ok"));
            QCOMPARE(station.report()->sentence(1)->text, QStringLiteral("The heart is normal in size. ok"));
        }
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray(8192, 'x')); // left untouched

        // Locked by another program (an exclusive transaction held for the whole open).
        const QString locked = newDatabase();
        store::EditLog::open(locked).reset(); // a valid log
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(locked.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        {
            Workstation station(locked, kUser);
            QVERIFY(!station.logOpened);
            auto* box = station.window.findChild<QMessageBox*>(QStringLiteral("editLogUnavailable"));
            QVERIFY(box);
            QVERIFY2(box->text().contains(locked) && box->text().contains(QStringLiteral("locked")), qPrintable(box->text()));
        }
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
    }

    void editingNeedsAUserName()
    {
        Workstation station(newDatabase(), QString());
        QVERIFY(station.openStudyWithReport());
        station.editor()->setCaret(1);
        const QString before = station.report()->sentence(1)->text;
        type(station.editor(), QStringLiteral("x"));
        QCOMPARE(station.report()->sentence(1)->text, before);
        QVERIFY2(station.workspace.draftPane()->statusText().contains(QStringLiteral("no user name")),
                 qPrintable(station.workspace.draftPane()->statusText()));
        station.workspace.setUser(kUser);
        type(station.editor(), QStringLiteral("x"));
        QCOMPARE(station.report()->sentence(1)->text, before + QLatin1Char('x'));
    }
};

int main(int argc, char* argv[])
{
    if (argc == 4 && QByteArray(argv[1]) == "--crash-child") {
        QApplication application(argc, argv);
        setUpApplication();
        return runCrashChild(QString::fromLocal8Bit(argv[2]), static_cast<unsigned>(std::atoi(argv[3])));
    }
    QApplication application(argc, argv);
    setUpApplication();
    TestReportEditing test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_report_editing.moc"
