// raddraft-cli log: audit and export of the edit log (app/store). `replay` rebuilds every draft's
// final text from its events and compares it with the stored text; `export` writes the events as
// JSON lines, optionally de-identified. The work is in app_store; this file parses and prints.

#include "CliCommand.h"

#include "store/EditLog.h"
#include "store/EditLogExport.h"
#include "store/EditLogLocation.h"
#include "store/EditLogReplay.h"

#include <cstdio>
#include <iostream>
#include <optional>

namespace raddraft::cli {

const char* const kLogUsage =
    "Usage: raddraft-cli log replay [--db PATH] (--study UID | --all)\n"
    "       raddraft-cli log export [--db PATH] [--deidentify] [--study UID] --out FILE.jsonl\n"
    "\n"
    "replay  rebuilds each draft's final text from its initial sentences and its edit events and\n"
    "        compares it with the text the log stored (the signed text for a signed draft); prints\n"
    "        one line per draft and exits with 1 when any draft differs or does not replay.\n"
    "export  writes one JSON object per edit event (fields in docs/EDIT_LOG.md), atomically.\n"
    "  --deidentify  study UIDs and user names become salted hashes (consistent within this export),\n"
    "                times become offsets from the draft's creation, and the patient's name and ID\n"
    "                words, dates and DICOM UIDs are blanked in the texts\n"
    "  --study UID   only this study's drafts\n"
    "  --db PATH     the edit log (default: the workstation's setting, else\n"
    "                ~/.local/share/RadDraft/RadDraft/edit-log.sqlite)\n"
    "On failure: exit code 1 and one line on stderr naming the file and the reason.\n";

namespace {

struct LogArguments {
    std::string action; ///< "replay" or "export"
    QString databasePath;
    QString studyUid;
    bool all = false;
    bool deidentify = false;
    QString outputPath;
};

std::optional<LogArguments> parse(const std::vector<std::string>& arguments)
{
    if (arguments.empty() || (arguments[0] != "replay" && arguments[0] != "export"))
        return std::nullopt;
    LogArguments parsed;
    parsed.action = arguments[0];
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--db" && hasValue)
            parsed.databasePath = QString::fromStdString(arguments[++i]);
        else if (argument == "--study" && hasValue)
            parsed.studyUid = QString::fromStdString(arguments[++i]);
        else if (argument == "--all" && parsed.action == "replay")
            parsed.all = true;
        else if (argument == "--deidentify" && parsed.action == "export")
            parsed.deidentify = true;
        else if (argument == "--out" && hasValue && parsed.action == "export")
            parsed.outputPath = QString::fromStdString(arguments[++i]);
        else
            return std::nullopt;
    }
    if (parsed.action == "replay" && parsed.all == !parsed.studyUid.isEmpty())
        return std::nullopt; // exactly one of --study and --all
    if (parsed.action == "export" && parsed.outputPath.isEmpty())
        return std::nullopt;
    if (parsed.databasePath.isEmpty())
        parsed.databasePath = store::configuredEditLogPath();
    return parsed;
}

int replay(store::EditLog& log, const LogArguments& arguments)
{
    const std::vector<store::DraftRecord> drafts = arguments.all ? log.allDrafts() : log.drafts(arguments.studyUid);
    if (drafts.empty() && !arguments.all) {
        printError("log replay: " + log.path().toStdString() + ": no drafts of study " + arguments.studyUid.toStdString());
        return kExitFailure;
    }
    int differing = 0;
    for (const store::DraftRecord& draft : drafts) {
        const store::DraftReplayResult result = store::replayDraft(log, draft);
        const QString state = draft.isSigned ? QStringLiteral("signed by %1").arg(draft.signedBy) : QStringLiteral("unsigned");
        const QString line = QStringLiteral("draft %1  study %2  model %3 %4  events %5  %6  %7")
                                 .arg(draft.id)
                                 .arg(draft.studyUid, draft.model.name, draft.model.version)
                                 .arg(draft.eventCount)
                                 .arg(state, result.matches() ? QStringLiteral("ok") : QStringLiteral("DIFFERS: ") + result.problem);
        std::cout << line.toStdString() << '\n';
        differing += result.matches() ? 0 : 1;
    }
    std::cout << drafts.size() << " drafts replayed, " << differing << " differ" << std::endl;
    return differing == 0 ? kExitSuccess : kExitFailure;
}

} // namespace

int runLogCommand(const std::vector<std::string>& arguments)
{
    const std::optional<LogArguments> parsed = parse(arguments);
    if (!parsed) {
        printError("log: bad arguments (see raddraft-cli log --help)");
        return kExitUsage;
    }
    try {
        store::EditLogOptions options;
        options.createIfMissing = false; // reading commands never create a log
        const std::unique_ptr<store::EditLog> log = store::EditLog::open(parsed->databasePath, options);
        if (parsed->action == "replay")
            return replay(*log, *parsed);
        store::EditLogExportOptions exportOptions;
        exportOptions.deidentify = parsed->deidentify;
        exportOptions.studyUid = parsed->studyUid;
        const store::EditLogExportSummary summary = store::exportEditLog(*log, parsed->outputPath, exportOptions);
        std::printf("wrote %lld events of %lld drafts%s to %s\n", static_cast<long long>(summary.events),
                    static_cast<long long>(summary.drafts), parsed->deidentify ? " (de-identified)" : "",
                    parsed->outputPath.toLocal8Bit().constData());
        return kExitSuccess;
    } catch (const store::EditLogError& error) {
        printError("log " + parsed->action + ": " + error.message().toStdString());
        return kExitFailure;
    }
}

} // namespace raddraft::cli
