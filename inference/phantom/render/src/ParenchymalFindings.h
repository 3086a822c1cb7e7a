#pragma once
// Lung parenchyma: airspace opacities (consolidation, pneumonia) by zone, plate-like
// atelectasis, pulmonary oedema (perihilar haze, septal lines, vascular congestion), and focal
// lesions (nodule, lobulated mass, calcified granuloma). Each lesion has one 3D position inside
// the lung volume and is projected into both views.

#include "FindingEffect.h"

namespace raddraft::phantom::render {

FindingEffect renderAirspaceOpacity(const FindingInstance& finding, const FindingScene& scene);
FindingEffect renderAtelectasis(const FindingInstance& finding, const FindingScene& scene);
FindingEffect renderPulmonaryEdema(const FindingInstance& finding, const FindingScene& scene);
FindingEffect renderFocalLesion(const FindingInstance& finding, const FindingScene& scene);

} // namespace raddraft::phantom::render
