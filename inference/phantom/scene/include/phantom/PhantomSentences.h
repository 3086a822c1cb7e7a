#pragma once
// The sentences of a phantom report that state what is normal, so that the sentences of phantom
// reports can be told apart exactly: every other sentence the report writer produces describes a
// finding of the study (one sentence per finding in the Findings section, and the Impression's).
// CVSE's sentence classifier (docs/MODELS.md § CVSE) trains on these labels. Standard C++ only.

#include <string>
#include <vector>

namespace raddraft::phantom {

/// Every sentence of every normal statement the report writer can use (NormalPhrases), as written
/// ("No pneumothorax.", "The lungs are clear."), sorted and unique. A phrasing of two sentences
/// ("No pneumothorax. No pleural effusion.") contributes both.
const std::vector<std::string>& normalStatementSentences();

} // namespace raddraft::phantom
