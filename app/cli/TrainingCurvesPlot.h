#pragma once
// curves.png of `raddraft-cli train`, drawn with QPainter from the run's curves.csv (inference/
// draws nothing): training and validation loss per epoch on the left, the validation metrics
// (tag AUC in pre-training, BLEU-4 and CE F1 in report training) on the right; the stages side by
// side along the epoch axis.

#include <string>

namespace raddraft::cli {

/// Reads `csvPath` (inference/training's TrainingCurves columns) and writes a PNG to `pngPath`
/// atomically. Throws std::runtime_error("<path>: <reason>") for an unreadable or malformed CSV
/// or a failed write.
void writeTrainingCurvesPlot(const std::string& csvPath, const std::string& pngPath, const std::string& title);

} // namespace raddraft::cli
