#pragma once
// Which of the labeler's observations (inference/labeler) speak about a finding of a draft, by
// the finding's name. Bundles name their findings after the chest knowledge graph's nodes
// ("pleural effusion", "pulmonary edema", "medical device") or after CheXpert's observations
// ("Pleural Effusion"); both are recognised, case-insensitively.

#include "labeler/Observation.h"

#include <QString>

#include <vector>

namespace raddraft::ui {

/// Empty for names no observation covers ("normal", "others", unknown names). "pneumonia" gives
/// Pneumonia and Consolidation (the graph's pneumonia node stands for both, as in training).
std::vector<labeler::Observation> observationsForFinding(const QString& findingName);

} // namespace raddraft::ui
