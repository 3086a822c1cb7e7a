// raddraft-cli: RadDraft's command-line entry point, for scripts, tests and benchmarks.
// Each subcommand lives in its own file; this file only dispatches.

#include "CliCommand.h"
#include "InferenceModule.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <cstring>
#include <memory>
#include <cstdio>
#include <iostream>

namespace raddraft::cli {

namespace {

// The subcommand table: one row per command.
const CliCommand kCommands[] = {
    {"info", "list the patient/study/series/instance tree of a file, folder or DICOMDIR", kInfoUsage, runInfoCommand},
    {"pixels", "write the decoded pixel values of a DICOM or PNG/JPEG file as a NumPy .npy file", kPixelsUsage,
     runPixelsCommand},
    {"label", "label reports with the CheXpert-style rule labeler (1/0/-1/blank per observation)", kLabelUsage, runLabelCommand},
    {"score", "BLEU-1..4, METEOR, ROUGE-L and CIDEr-D of generated reports against references", kScoreUsage, runScoreCommand},
    {"log", "replay the edit log's drafts against their stored text, or export its events as JSON lines", kLogUsage, runLogCommand},
    {"phantom", "generate synthetic two-view chest studies with reports, labels, masks and DICOM", kPhantomUsage,
     runPhantomCommand},
    // Commands in the inference module: no usage text here, `--help` is answered by the module.
    {"infer", "draft a report for one study with a model bundle", nullptr, nullptr},
    {"evaluate", "score a model bundle on a dataset split (text metrics, CE, tag AUC, pointing game)", nullptr, nullptr},
    {"train", "train a model type on a dataset into a bundle (checkpointed, resumable)", nullptr, nullptr},
};

void printHelp()
{
    std::cout << "Usage: raddraft-cli COMMAND [ARGUMENTS]\n\nCommands:\n";
    for (const CliCommand& command : kCommands)
        std::printf("  %-10s %s\n", command.name, command.summary);
    std::cout << "\nRun 'raddraft-cli COMMAND --help' for a command's arguments.\n";
}

} // namespace

} // namespace raddraft::cli

int main(int argc, char* argv[])
{
    using namespace raddraft::cli;
    // Qt's image plugins (JPEG) are found through the application object. Commands that draw
    // figures with text (train's curves.png, evaluate's plots) need fonts, i.e. a QGuiApplication:
    // they get one on Qt's offscreen platform (no display needed).
    const bool drawsFigures = argc > 1 && (std::strcmp(argv[1], "train") == 0 || std::strcmp(argv[1], "evaluate") == 0);
    if (drawsFigures)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The offscreen platform asks for XDG_RUNTIME_DIR, which a command line need not have; its
    // warning would break the one-line-per-error contract of stderr, so only that one is dropped.
    const QtMessageHandler previousHandler = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext&, const QString& message) {
            if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
                std::fprintf(stderr, "%s\n", qPrintable(message));
        });
    const std::unique_ptr<QCoreApplication> application =
        drawsFigures ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    qInstallMessageHandler(previousHandler);
    std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty()) {
        printHelp();
        return kExitUsage;
    }
    if (arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
        printHelp();
        return kExitSuccess;
    }
    for (const CliCommand& command : kCommands) {
        if (arguments[0] != command.name)
            continue;
        const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
        if (!command.run)
            return runInInferenceModule(command.name, rest);
        if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
            std::cout << command.usage;
            return kExitSuccess;
        }
        return command.run(rest);
    }
    printError("unknown command '" + arguments[0] + "' (see raddraft-cli --help)");
    return kExitUsage;
}
