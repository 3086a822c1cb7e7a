#pragma once
// The commands that need LibTorch live in a plugin module (raddraft-cli-inference.so next to the
// executable) that raddraft-cli loads only when one of them runs: mapping LibTorch costs ~0.7 s
// of start-up, which `info` and `pixels` (run thousands of times by scripts and tests) must not pay.

#include <string>
#include <vector>

namespace raddraft::cli {

/// Signature of the entry point the module exports as `raddraft_cli_inference_run`: runs the
/// named command with its arguments (after the command name) and returns the exit code.
using InferenceModuleEntry = int (*)(const char* command, const std::vector<std::string>* arguments);

/// Loads the module and runs `command` in it; a missing or broken module is a clear error (exit 1).
int runInInferenceModule(const std::string& command, const std::vector<std::string>& arguments);

} // namespace raddraft::cli
