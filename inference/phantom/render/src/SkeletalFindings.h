#pragma once
// Bones: scoliosis (a lateral curve of the thoracic spine that the ribs follow) and a rib
// fracture (a cortical break with a step in one rib, optionally with callus).

#include "FindingEffect.h"

namespace raddraft::phantom::render {

void applyScoliosis(const FindingInstance& finding, BodyModel& body);
/// No density of its own: the mask is the thoracic spine in the frontal view (the coronal curve
/// is not seen on the lateral).
FindingEffect renderScoliosis(const FindingInstance& finding, const FindingScene& scene);

/// Contribution = (broken rib − intact rib) over the fracture's neighbourhood + callus, so that
/// added to the intact anatomy it shows the break (frontal view only).
FindingEffect renderRibFracture(const FindingInstance& finding, const FindingScene& scene);

} // namespace raddraft::phantom::render
