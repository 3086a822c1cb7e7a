// The entry point of raddraft-cli-inference.so (see InferenceModule.h).

#include "CliCommand.h"
#include "InferenceModule.h"

#include <QtGlobal>

#include <cstring>
#include <iostream>

extern "C" Q_DECL_EXPORT int raddraft_cli_inference_run(const char* command, const std::vector<std::string>* arguments);

extern "C" int raddraft_cli_inference_run(const char* command, const std::vector<std::string>* arguments)
{
    using namespace raddraft::cli;
    struct Entry {
        const char* name;
        const char* usage;
        int (*run)(const std::vector<std::string>&);
    };
    static const Entry entries[] = {
        {"infer", kInferUsage, runInferCommand},
        {"evaluate", kEvaluateUsage, runEvaluateCommand},
        {"train", kTrainUsage, runTrainCommand},
    };
    for (const Entry& entry : entries) {
        if (std::strcmp(entry.name, command) != 0)
            continue;
        for (const std::string& argument : *arguments)
            if (argument == "--help") {
                std::cout << entry.usage;
                return kExitSuccess;
            }
        return entry.run(*arguments);
    }
    printError(std::string("the inference module has no command '") + command + "'");
    return kExitUsage;
}
