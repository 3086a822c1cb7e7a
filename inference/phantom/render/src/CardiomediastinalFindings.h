#pragma once
// Heart and mediastinum: cardiomegaly (a wider heart, by cardiothoracic ratio), hiatal hernia
// (retrocardiac soft tissue with an air–fluid level), aortic calcification (a calcified rim at
// the knob and along the arch).

#include "FindingEffect.h"

namespace raddraft::phantom::render {

/// Target cardiothoracic ratio of a cardiomegaly finding (mild ≈ 0.55, moderate ≈ 0.6,
/// severe ≈ 0.66; hedged: borderline ≈ 0.53).
double cardiomegalyRatio(const FindingInstance& finding);
void applyCardiomegaly(const FindingInstance& finding, BodyModel& body);
/// No density of its own: the mask is the heart silhouette in both views.
FindingEffect renderCardiomegaly(const FindingInstance& finding, const FindingScene& scene);

FindingEffect renderHiatalHernia(const FindingInstance& finding, const FindingScene& scene);
FindingEffect renderAorticCalcification(const FindingInstance& finding, const FindingScene& scene);

} // namespace raddraft::phantom::render
