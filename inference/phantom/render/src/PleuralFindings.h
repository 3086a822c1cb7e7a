#pragma once
// Pleural findings: effusion (meniscus, blunted costophrenic angle, posterior sulcus on the
// lateral), pneumothorax (visceral pleural line, no markings beyond it), pleural thickening
// (apical cap or lateral band).

#include "FindingEffect.h"

namespace raddraft::phantom::render {

FindingEffect renderPleuralEffusion(const FindingInstance& finding, const FindingScene& scene);

/// The pleural air of a pneumothorax in the frontal view (millimetres): between the chest wall
/// and the visceral pleural line. Empty for other findings.
Polyline pneumothoraxRegion(const FindingInstance& finding, const Thorax& thorax);
/// Side of a pneumothorax (Side::None resolves like the renderer does).
int pneumothoraxSide(const FindingInstance& finding);
FindingEffect renderPneumothorax(const FindingInstance& finding, const FindingScene& scene);

FindingEffect renderPleuralThickening(const FindingInstance& finding, const FindingScene& scene);

} // namespace raddraft::phantom::render
