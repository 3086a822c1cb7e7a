#pragma once
// The figures of `raddraft-cli evaluate --plots DIR`, drawn with QPainter (inference/ draws
// nothing): ROC curves of the tag head per finding, and the reliability diagram.

#include "evaluation/ModelEvaluation.h"

#include <string>

namespace raddraft::cli {

/// Writes DIR/roc.png and DIR/reliability.png (atomically; DIR is created). A part the result
/// does not have (no tag truth in the dataset) is skipped. Returns the files written. Throws
/// std::runtime_error("<path>: <reason>") on I/O failure.
std::vector<std::string> writeEvaluationPlots(const evaluation::ModelEvaluationResult& result, const std::string& directory,
                                              const std::string& title);

} // namespace raddraft::cli
