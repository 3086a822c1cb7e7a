#pragma once
// Lung volume: emphysema (hyperinflation: low flat domes, barrel chest, hyperlucent lungs with
// pruned peripheral vessels, a narrow heart and a wide retrosternal space) and hypoinflation
// (high domes, crowded markings, denser lungs). Both change the body model; their own density
// (more or less air) is their mask, so the mask covers the lung fields.

#include "FindingEffect.h"

namespace raddraft::phantom::render {

void applyEmphysema(const FindingInstance& finding, BodyModel& body);
void applyHypoinflation(const FindingInstance& finding, BodyModel& body);
/// Share of distal vessels an emphysema prunes.
double emphysemaPruning(const FindingInstance& finding);
FindingEffect renderLungVolumeChange(const FindingInstance& finding, const FindingScene& scene);

} // namespace raddraft::phantom::render
