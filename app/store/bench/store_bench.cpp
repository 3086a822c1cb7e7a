// raddraft-store-bench: what logging an edit costs the UI thread. Types, deletes, accepts,
// corrects tags and undoes on a draft document attached to an edit log, and times, per edit,
// the log call the UI thread makes (EditLog::record with the document's final text) and the whole
// edit including it. Then checks the log replays to the same text. Numbers: docs/PERFORMANCE.md.
//
// Usage: raddraft-store-bench [--edits N] [--interval-us U] [--window-ms W] [--db PATH]

#include "store/EditLog.h"
#include "store/EditLogReplay.h"

#include "report/ReportDocument.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

using namespace raddraft;

namespace {

struct BenchOptions {
    int edits = 10000;
    int intervalMicroseconds = 0; ///< pause between edits (0: back to back, the worst case for the writer)
    int windowMilliseconds = 250;
    QString databasePath;
};

inference::Draft benchDraft()
{
    inference::Draft draft;
    draft.model = {"transformer", "bench", "0.1.0", std::string(64, 'c'), "cpu"};
    for (const char* text : {"The heart is normal in size.", "The mediastinum is unremarkable.", "The lungs are clear.",
                             "There is no pleural effusion.", "No pneumothorax is seen.", "The osseous structures are intact.",
                             "No focal consolidation.", "Degenerative changes of the thoracic spine."})
        draft.sentences.push_back({text, 0, 0, {}, {}});
    for (const char* name : {"cardiomegaly", "pleural effusion", "pneumothorax", "consolidation", "edema", "atelectasis"})
        draft.findings.push_back({name, 0.3, false, {}});
    return draft;
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(fraction * double(values.size())))];
}

void printDistribution(const char* label, const std::vector<double>& microseconds)
{
    std::printf("%-30s p50 %7.2f µs  p90 %7.2f µs  p99 %7.2f µs  p99.9 %7.2f µs  max %8.2f µs\n", label,
                percentile(microseconds, 0.50), percentile(microseconds, 0.90), percentile(microseconds, 0.99),
                percentile(microseconds, 0.999), *std::max_element(microseconds.begin(), microseconds.end()));
}

/// One edit as a radiologist makes them: mostly typing and Backspace, some review actions.
void applyEdit(report::ReportDocument& document, std::mt19937& random, int& cursorSentence, int& cursor)
{
    const auto& findings = document.sentences(report::ReportSection::Findings);
    const int choice = std::uniform_int_distribution<int>(0, 99)(random);
    if (choice < 3 || cursorSentence >= int(findings.size())) { // move the cursor
        cursorSentence = std::uniform_int_distribution<int>(0, int(findings.size()) - 1)(random);
        cursor = int(findings[std::size_t(cursorSentence)].text.size());
        return;
    }
    const report::ReportSentence& sentence = findings[std::size_t(cursorSentence)];
    if (choice < 75) {
        static const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyz     ");
        document.insertText(sentence.id, cursor, letters.mid(std::uniform_int_distribution<int>(0, int(letters.size()) - 1)(random), 1));
        ++cursor;
    } else if (choice < 88) {
        if (cursor > 0) {
            document.deleteText(sentence.id, cursor - 1, 1);
            --cursor;
        }
    } else if (choice < 92) {
        choice % 2 ? document.accept(sentence.id) : document.reject(sentence.id);
    } else if (choice < 95) {
        const auto& labels = document.findingLabels();
        const report::FindingStatus statuses[] = {report::FindingStatus::Present, report::FindingStatus::Absent, report::FindingStatus::Uncertain};
        document.correctFinding(labels[std::size_t(choice) % labels.size()].name, statuses[choice % 3]);
    } else if (choice < 98) {
        document.undo();
        cursor = std::min(cursor, int(document.sentences(report::ReportSection::Findings)[std::size_t(cursorSentence)].text.size()));
    } else {
        document.redo();
        cursor = std::min(cursor, int(document.sentences(report::ReportSection::Findings)[std::size_t(cursorSentence)].text.size()));
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    BenchOptions options;
    const QStringList arguments = application.arguments();
    for (int i = 1; i < arguments.size(); ++i) {
        const bool hasValue = i + 1 < arguments.size();
        if (arguments[i] == QLatin1String("--edits") && hasValue)
            options.edits = arguments[++i].toInt();
        else if (arguments[i] == QLatin1String("--interval-us") && hasValue)
            options.intervalMicroseconds = arguments[++i].toInt();
        else if (arguments[i] == QLatin1String("--window-ms") && hasValue)
            options.windowMilliseconds = arguments[++i].toInt();
        else if (arguments[i] == QLatin1String("--db") && hasValue)
            options.databasePath = arguments[++i];
        else {
            std::fprintf(stderr, "usage: raddraft-store-bench [--edits N] [--interval-us U] [--window-ms W] [--db PATH]\n");
            return 2;
        }
    }
    QTemporaryDir folder;
    if (options.databasePath.isEmpty())
        options.databasePath = folder.filePath(QStringLiteral("bench-edit-log.sqlite"));

    try {
        store::EditLogOptions logOptions;
        logOptions.coalesceMilliseconds = options.windowMilliseconds;
        std::unique_ptr<store::EditLog> log = store::EditLog::open(options.databasePath, logOptions);
        const inference::Draft draft = benchDraft();
        const report::ReportContent initial = report::reportContentFromDraft(draft);
        const store::DraftId draftId = log->addDraft(QStringLiteral("1.2.3.4.5.6.7"), draft, initial, QStringLiteral("bench"));
        report::ReportDocument document(initial);
        document.setUser(QStringLiteral("bench"));

        // Exactly what EditLog::attach connects, with a stopwatch around it.
        std::vector<double> logCall;
        std::vector<double> finalTextPart;
        logCall.reserve(std::size_t(options.edits));
        finalTextPart.reserve(std::size_t(options.edits));
        QObject::connect(&document, &report::ReportDocument::eventRecorded, [&](const report::EditEvent& event) {
            const auto start = std::chrono::steady_clock::now();
            const QString text = document.finalText();
            const auto textDone = std::chrono::steady_clock::now();
            log->record(draftId, event, text);
            const auto end = std::chrono::steady_clock::now();
            logCall.push_back(std::chrono::duration<double, std::micro>(end - start).count());
            finalTextPart.push_back(std::chrono::duration<double, std::micro>(textDone - start).count());
        });

        std::mt19937 random(1);
        int cursorSentence = 0;
        int cursor = 0;
        std::vector<double> wholeEdit;
        wholeEdit.reserve(std::size_t(options.edits));
        QElapsedTimer total;
        total.start();
        while (logCall.size() < std::size_t(options.edits)) {
            const std::size_t before = logCall.size();
            const auto start = std::chrono::steady_clock::now();
            applyEdit(document, random, cursorSentence, cursor);
            if (logCall.size() == before)
                continue; // moved the cursor or changed nothing: no event
            wholeEdit.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
            if (options.intervalMicroseconds > 0)
                std::this_thread::sleep_for(std::chrono::microseconds(options.intervalMicroseconds));
        }
        const qint64 editingMilliseconds = total.elapsed();
        QElapsedTimer flushTimer;
        flushTimer.start();
        log->flush();
        const double flushMilliseconds = double(flushTimer.nsecsElapsed()) / 1e6;
        const store::EditLogWriterStatus status = log->status();

        std::printf("raddraft-store-bench: %d edits, coalescing window %d ms, %d µs between edits, %lld ms of editing\n",
                    options.edits, options.windowMilliseconds, options.intervalMicroseconds, static_cast<long long>(editingMilliseconds));
        printDistribution("log call (UI thread)", logCall);
        printDistribution("  of which the final text", finalTextPart);
        printDistribution("edit + log call (UI thread)", wholeEdit);
        std::printf("report at the end: %lld characters of final text in %zu sentences\n",
                    static_cast<long long>(document.finalText().size()), document.sentences(report::ReportSection::Findings).size());
        std::printf("writer: %lld events in %lld transactions; final flush %.1f ms; database %.1f MB (with WAL)\n",
                    static_cast<long long>(status.writtenEvents), static_cast<long long>(status.writtenBatches), flushMilliseconds,
                    double(QFileInfo(options.databasePath).size() + QFileInfo(options.databasePath + QStringLiteral("-wal")).size()) / 1e6);
        const store::DraftReplayResult replay = store::replayDraft(*log, *log->draftRecord(draftId));
        std::printf("replay of the logged events: %s\n", replay.matches() ? "same text" : qPrintable(replay.problem));
        const bool withinBudget = percentile(logCall, 0.99) <= 1000.0;
        std::printf("budget (p99 of the log call <= 1 ms): %s\n", withinBudget ? "met" : "MISSED");
        return replay.matches() && withinBudget ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "raddraft-store-bench: %s\n", error.what());
        return 1;
    }
}
