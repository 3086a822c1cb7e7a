// raddraft-draft-pane-bench: what editing the report in the draft pane costs the UI thread, with
// every edit logged to a real edit log. The workstation (offscreen) opens the bundled sample
// study with a report of 8 sentences and an edit log in a temporary folder; then keys are sent to
// the draft pane's editor as a radiologist types them (letters and spaces, Backspace, Enter, now
// and then undo, accept, reject, a tag correction), each through the window's shortcut handling
// like a real key. Per key it times, on the UI thread:
//   key      the key press and release: the editor's handling, the document's operation, the
//            edit log's record call (queueing), and updating the shown text;
//   repaint  the layout and paint the key causes (the event processing right after it);
//   check    the consistency check (labeler on the changed sentence), run every 10 keys.
// Wall time and the UI thread's CPU time are both reported. At the end the log is flushed and
// replayed. Numbers: docs/PERFORMANCE.md, "Draft pane".
//
// Usage: raddraft-draft-pane-bench [--keys N] [--interval-ms M] [--db PATH]

#include "DraftPane.h"
#include "DraftingWorkspace.h"
#include "FindingsPanel.h"
#include "MainWindow.h"
#include "ReportEditor.h"
#include "ReportReview.h"
#include "ConsistencyMonitor.h"

#include "report/ReportDocument.h"
#include "store/EditLog.h"
#include "store/EditLogReplay.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <random>
#include <vector>

using namespace raddraft;

namespace {

struct Sample {
    std::vector<double> wall; ///< µs
    std::vector<double> cpu;  ///< µs of the UI thread's CPU
};

double threadCpuMicroseconds()
{
    timespec time{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return double(time.tv_sec) * 1e6 + double(time.tv_nsec) / 1e3;
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(fraction * double(values.size())))];
}

void printDistribution(const char* label, const std::vector<double>& microseconds)
{
    std::printf("%-34s p50 %8.1f µs  p90 %8.1f µs  p99 %8.1f µs  max %8.1f µs\n", label, percentile(microseconds, 0.50),
                percentile(microseconds, 0.90), percentile(microseconds, 0.99), *std::max_element(microseconds.begin(), microseconds.end()));
}

template <typename Work>
void measure(Sample& sample, Work&& work)
{
    const double cpu = threadCpuMicroseconds();
    const auto start = std::chrono::steady_clock::now();
    work();
    sample.wall.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    sample.cpu.push_back(threadCpuMicroseconds() - cpu);
}

inference::Draft benchDraft(const std::string& bundleHash)
{
    inference::Draft draft;
    draft.model = {"transformer", "transformer-phantom", "0.1.0", bundleHash, "cpu"};
    for (const char* text : {"The heart is normal in size.", "The mediastinum is unremarkable.", "The lungs are clear.",
                             "There is no pleural effusion.", "No pneumothorax is seen.", "The osseous structures are intact.",
                             "No focal consolidation.", "Degenerative changes of the thoracic spine."}) {
        inference::DraftSentence sentence;
        sentence.text = text;
        draft.sentences.push_back(sentence);
    }
    for (const char* name : {"cardiomegaly", "pleural effusion", "pneumothorax", "pneumonia", "pulmonary edema", "atelectasis"})
        draft.findings.push_back({name, 0.3, false, {}});
    return draft;
}

void runEventLoop(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the bench's settings never touch the user's
    QCoreApplication::setOrganizationName(QStringLiteral("RadDraftDraftPaneBench"));
    int keys = 2000;
    int intervalMilliseconds = 0;
    QTemporaryDir folder;
    QString database = folder.filePath(QStringLiteral("bench-edit-log.sqlite"));
    const QStringList arguments = application.arguments();
    for (int i = 1; i < arguments.size(); ++i) {
        const bool hasValue = i + 1 < arguments.size();
        if (arguments[i] == QLatin1String("--keys") && hasValue)
            keys = arguments[++i].toInt();
        else if (arguments[i] == QLatin1String("--interval-ms") && hasValue)
            intervalMilliseconds = arguments[++i].toInt();
        else if (arguments[i] == QLatin1String("--db") && hasValue)
            database = arguments[++i];
        else {
            std::fprintf(stderr, "usage: raddraft-draft-pane-bench [--keys N] [--interval-ms M] [--db PATH]\n");
            return 2;
        }
    }

    ui::MainWindow window;
    ui::DraftingWorkspace workspace(&window);
    window.resize(1600, 1000);
    workspace.setModelFolders({});
    workspace.useBundle(QStringLiteral(RADDRAFT_SOURCE_DIR "/resources/models/transformer-phantom"));
    if (!workspace.openEditLog(database)) {
        std::fprintf(stderr, "raddraft-draft-pane-bench: %s: the edit log could not be opened\n", qPrintable(database));
        return 1;
    }
    workspace.setUser(QStringLiteral("bench"));
    window.show();
    QSignalSpy displayed(&window, &ui::MainWindow::studyDisplayed);
    window.openPath(QStringLiteral(RADDRAFT_SOURCE_DIR "/resources/samples/phantom-cardiomegaly-effusion"));
    if (!displayed.wait(30000)) {
        std::fprintf(stderr, "raddraft-draft-pane-bench: the sample study did not open\n");
        return 1;
    }
    const QString study = workspace.currentStudyKey();
    const QString hash = workspace.currentBundle()->bundleHash();
    workspace.controller()->repository().store(study, hash, std::make_shared<const inference::Draft>(benchDraft(hash.toStdString())));
    workspace.draftReport();
    report::ReportDocument* document = workspace.currentReport();
    ui::ReportEditor* editor = workspace.draftPane()->editor();
    if (!document) {
        std::fprintf(stderr, "raddraft-draft-pane-bench: no report\n");
        return 1;
    }
    workspace.review()->consistency()->setDelay(1000000); // checked explicitly below, and timed
    editor->setFocus();
    editor->setCaret(1);
    runEventLoop(300); // first paints

    std::mt19937 random(1);
    Sample key, repaint, check;
    std::map<std::string, Sample> byKind; ///< key → logged edit, per kind of key
    qint64 events = 0;
    QObject::connect(document, &report::ReportDocument::eventRecorded, [&events] { ++events; });
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < keys; ++i) {
        const int choice = std::uniform_int_distribution<int>(0, 99)(random);
        const qint64 before = events;
        if (choice == 94) // choose a finding to label (its map goes on the views; not timed)
            workspace.findingsPanel()->selectFinding(i % 6);
        measure(key, [&] {
            if (choice < 72)
                QTest::keyClick(editor, "abcdefghijklmnopqrstuvwxyz     "[choice % 31]);
            else if (choice < 86)
                QTest::keyClick(editor, Qt::Key_Backspace);
            else if (choice < 88)
                QTest::keyClick(editor, Qt::Key_Return);
            else if (choice < 91)
                QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
            else if (choice < 93)
                QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
            else if (choice < 94)
                QTest::keyClick(editor, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
            else if (choice < 95)
                workspace.review()->setFindingLabel(choice % 2 ? report::FindingStatus::Absent : report::FindingStatus::Present);
            else
                QTest::keyClick(editor, choice % 2 ? Qt::Key_Up : Qt::Key_Down);
        });
        if (events == before) { // a caret move or nothing to do: not a logged edit
            key.wall.pop_back();
            key.cpu.pop_back();
        } else {
            const char* kind = choice < 72 ? "character" : choice < 86 ? "Backspace" : choice < 88 ? "Enter" : choice < 91 ? "undo"
                             : choice < 94 ? "accept/reject" : "tag correction";
            byKind[kind].wall.push_back(key.wall.back());
            byKind[kind].cpu.push_back(key.cpu.back());
        }
        measure(repaint, [] { QCoreApplication::processEvents(); });
        if (i % 10 == 9)
            measure(check, [&] { workspace.review()->consistency()->checkNow(); });
        if (intervalMilliseconds > 0)
            runEventLoop(intervalMilliseconds);
    }
    const qint64 milliseconds = total.elapsed();
    workspace.editLog()->flush();

    std::printf("raddraft-draft-pane-bench: %d keys, %lld logged edits in %lld ms; report now %lld characters, %zu + %zu sentences\n",
                keys, static_cast<long long>(events), static_cast<long long>(milliseconds),
                static_cast<long long>(document->finalText().size()), document->sentences(report::ReportSection::Findings).size(),
                document->sentences(report::ReportSection::Impression).size());
    printDistribution("key → logged edit (wall)", key.wall);
    printDistribution("key → logged edit (UI thread CPU)", key.cpu);
    for (const auto& [kind, sample] : byKind)
        printDistribution(("  " + kind + " (CPU, " + std::to_string(sample.cpu.size()) + ")").c_str(), sample.cpu);
    printDistribution("repaint after a key (wall)", repaint.wall);
    printDistribution("repaint after a key (CPU)", repaint.cpu);
    printDistribution("consistency check (wall)", check.wall);
    printDistribution("consistency check (CPU)", check.cpu);
    const store::EditLogWriterStatus status = workspace.editLog()->status();
    std::printf("writer: %lld events in %lld transactions\n", static_cast<long long>(status.writtenEvents),
                static_cast<long long>(status.writtenBatches));
    const std::vector<store::DraftRecord> drafts = workspace.editLog()->drafts(study);
    const store::DraftReplayResult replay = store::replayDraft(*workspace.editLog(), drafts.back());
    std::printf("replay of the logged events: %s\n", replay.matches() ? "same text" : qPrintable(replay.problem));
    const bool withinBudget = percentile(key.cpu, 0.99) <= 1000.0;
    std::printf("budget (p99 of the UI thread's CPU per logged edit <= 1 ms): %s\n", withinBudget ? "met" : "MISSED");
    return replay.matches() ? 0 : 1;
}
