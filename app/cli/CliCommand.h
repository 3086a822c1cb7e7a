#pragma once
// The contract every raddraft-cli subcommand follows, and the declarations of the commands the
// table in main.cpp lists. Adding a command: one file with its run function, one declaration
// here, one row in main.cpp's table (and the file in CMakeLists.txt).

#include <string>
#include <string_view>
#include <vector>

namespace raddraft::cli {

/// A subcommand. `run` receives the arguments after the subcommand name and returns the process
/// exit code: 0 success, 1 failure of the work itself, 2 bad usage. It prints its own errors.
struct CliCommand {
    const char* name;
    const char* summary; ///< one line for `raddraft-cli --help`
    const char* usage;   ///< full usage text for `raddraft-cli NAME --help`
    /// nullptr for the commands of the inference module (InferenceModule.h).
    int (*run)(const std::vector<std::string>& arguments);
};

/// Exit codes shared by all commands.
constexpr int kExitSuccess = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

/// Prints "raddraft-cli: <message>" as one line on stderr (newlines replaced), for errors.
void printError(const std::string& message);

/// Writes `parts`, one after the other, to `path` atomically: into a temporary file in the same
/// folder that is renamed into place only when complete, so a failure never leaves a partial
/// output. Throws std::runtime_error("<path>: <reason>") on any I/O failure.
void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& parts);

int runInfoCommand(const std::vector<std::string>& arguments);
extern const char* const kInfoUsage;

int runPixelsCommand(const std::vector<std::string>& arguments);
extern const char* const kPixelsUsage;

int runLabelCommand(const std::vector<std::string>& arguments);
extern const char* const kLabelUsage;

int runScoreCommand(const std::vector<std::string>& arguments);
extern const char* const kScoreUsage;

int runLogCommand(const std::vector<std::string>& arguments);
extern const char* const kLogUsage;

int runPhantomCommand(const std::vector<std::string>& arguments);
extern const char* const kPhantomUsage;

int runInferCommand(const std::vector<std::string>& arguments);
extern const char* const kInferUsage;

int runEvaluateCommand(const std::vector<std::string>& arguments);
extern const char* const kEvaluateUsage;

int runTrainCommand(const std::vector<std::string>& arguments);
extern const char* const kTrainUsage;

} // namespace raddraft::cli
