// The child of the crash test: opens an edit log, then edits a draft without pause until it is
// killed. For every event it prints, before the log even queues it,
//   "event <sequence> <steady-clock µs> <document digest>"
// so the parent knows the document's state at each moment it was killed after.
//
// Usage: edit_log_crash_child DATABASE STUDY_UID SEED

#include "ReportTestSupport.h"

#include "store/EditLog.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

using namespace raddraft;

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: edit_log_crash_child DATABASE STUDY_UID SEED\n");
        return 2;
    }
    try {
        std::unique_ptr<store::EditLog> log = store::EditLog::open(QString::fromLocal8Bit(argv[1])); // default 250 ms window
        const QString studyUid = QString::fromLocal8Bit(argv[2]);
        const inference::Draft draft = report::testing::sampleDraft();
        const report::ReportContent initial = report::reportContentFromDraft(draft);
        const store::DraftId draftId = log->addDraft(studyUid, draft, initial, QStringLiteral("Dr Crash"));
        report::ReportDocument document(initial);
        document.setUser(QStringLiteral("Dr Crash"));
        // Connected before the log: the line is out before the event is queued for writing.
        QObject::connect(&document, &report::ReportDocument::eventRecorded, [&document](const report::EditEvent& event) {
            const auto now = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch());
            std::printf("event %lld %lld %s\n", static_cast<long long>(event.sequence), static_cast<long long>(now.count()),
                        report::testing::documentDigest(document).constData());
            std::fflush(stdout);
        });
        log->attach(document, draftId);

        std::mt19937 random(static_cast<unsigned>(std::atoi(argv[3])));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60); // in case nobody kills us
        while (std::chrono::steady_clock::now() < deadline) {
            report::testing::applyRandomEdit(document, random);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "edit_log_crash_child: %s\n", error.what());
        return 1;
    }
    return 0;
}
