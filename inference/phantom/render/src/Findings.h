#pragma once
// Dispatch from FindingKind to the finding families, and the masks of finding effects.

#include "FindingEffect.h"
#include "phantom/PhantomRenderer.h"

namespace raddraft::phantom::render {

/// Findings that change the body itself (lung volume first, then heart and spine).
void applyFindingsToBody(const std::vector<FindingInstance>& findings, BodyModel& body);

/// Findings that change the vessel tree (pneumothorax, emphysema).
void applyFindingToVessels(const FindingInstance& finding, const Thorax& thorax, Vasculature& vessels);

/// The finding's own contribution and changed regions in both views.
FindingEffect renderFinding(const FindingInstance& finding, const FindingScene& scene);

/// The mask of one view: |contribution| ≥ max(kMaskFloor, kMaskShare · peak) ∪ changed regions.
/// Empty `pixels` when no pixel is set. Takes its storage from `spare` when it has any.
PhantomMask maskOf(const FindingViewEffect& effect, const ViewSetup& view, std::vector<std::vector<std::uint8_t>>& spare);

} // namespace raddraft::phantom::render
