#include "InferenceModule.h"

#include "CliCommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>

namespace raddraft::cli {

int runInInferenceModule(const std::string& command, const std::vector<std::string>& arguments)
{
    const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("raddraft-cli-inference.so"));
    QLibrary module(path);
    if (!module.load()) {
        printError(command + ": cannot load the inference module " + path.toStdString() + ": " + module.errorString().toStdString());
        return kExitFailure;
    }
    const auto entry = reinterpret_cast<InferenceModuleEntry>(module.resolve("raddraft_cli_inference_run"));
    if (!entry) {
        printError(command + ": " + path.toStdString() + " has no entry point raddraft_cli_inference_run");
        return kExitFailure;
    }
    // The module stays loaded until exit: LibTorch registers atexit handlers.
    return entry(command.c_str(), &arguments);
}

} // namespace raddraft::cli
