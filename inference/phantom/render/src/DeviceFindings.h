#pragma once
// Support devices, radiopaque and overlapping the anatomy as in life: endotracheal tube (tip
// above the carina), central venous line (subclavian or jugular into the SVC), pacemaker
// (generator in the upper chest, leads curving into the right heart), sternotomy wires.

#include "FindingEffect.h"

namespace raddraft::phantom::render {

FindingEffect renderEndotrachealTube(const FindingInstance& finding, const FindingScene& scene);
FindingEffect renderCentralLine(const FindingInstance& finding, const FindingScene& scene);
FindingEffect renderPacemaker(const FindingInstance& finding, const FindingScene& scene);
FindingEffect renderSternotomyWires(const FindingInstance& finding, const FindingScene& scene);

} // namespace raddraft::phantom::render
