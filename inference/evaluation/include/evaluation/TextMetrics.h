#pragma once
// The text-metric row of the report-generation papers' tables — BLEU-1..4, METEOR, ROUGE-L,
// CIDEr — under pycocoevalcap's key names, computed once for `raddraft-cli score` and
// `raddraft-cli evaluate` alike.

#include "evaluation/TextCorpus.h"

#include <string>
#include <utility>
#include <vector>

namespace raddraft::evaluation {

/// {"BLEU_1", …}, {"BLEU_4", …}, {"METEOR", …}, {"ROUGE_L", …}, {"CIDEr", …} in that order.
/// Throws std::invalid_argument on an invalid corpus (validateCorpus).
std::vector<std::pair<std::string, double>> computeTextMetrics(const TextCorpus& corpus);

/// One line for every printed table that contains METEOR: what our METEOR leaves out.
extern const char* const kMeteorCaveat;

} // namespace raddraft::evaluation
