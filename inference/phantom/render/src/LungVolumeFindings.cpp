#include "LungVolumeFindings.h"

#include <algorithm>

namespace raddraft::phantom::render {
namespace {

double degree(const FindingInstance& finding)
{
    const double d = bySeverity(finding.severity, 0.6, 1.0, 1.4, 0.9);
    return finding.hedged ? 0.5 * d : d;
}

} // namespace

void applyEmphysema(const FindingInstance& finding, BodyModel& body)
{
    const double d = degree(finding);
    body.inspiration = std::max(body.inspiration, 1.0) * (1.0 + 0.12 * d);
    body.domeFlatness *= 1.0 - 0.42 * std::min(d, 1.5);
    body.depthScale *= 1.0 + 0.09 * d;
    body.cardiothoracicRatio *= 1.0 - 0.05 * d;
}

void applyHypoinflation(const FindingInstance& finding, BodyModel& body)
{
    const double d = degree(finding);
    body.inspiration = std::min(body.inspiration, 1.0) * (1.0 - 0.17 * d);
    body.domeFlatness *= 1.0 + 0.1 * d;
    body.vesselCrowding *= 1.0 + 0.25 * d;
    body.cardiothoracicRatio *= 1.0 + 0.04 * d;
}

double emphysemaPruning(const FindingInstance& finding) { return std::min(0.8, 0.4 * degree(finding)); }

FindingEffect renderLungVolumeChange(const FindingInstance& finding, const FindingScene& scene)
{
    const bool emphysema = finding.kind == FindingKind::Emphysema;
    const double d = degree(finding);
    // More air (emphysema) darkens the lungs; less air (hypoinflation) greys them.
    const double change = emphysema ? -0.16 * d : 0.10 * d;
    FindingEffect effect;
    for (const ViewKind kind : {ViewKind::Frontal, ViewKind::Lateral}) {
        const ViewCanvas& canvas = scene.canvas(kind);
        Raster layer(canvas.lungAir.rect());
        layer.fill(1.0F);
        multiplyByLungAir(layer, canvas, static_cast<float>(change * (kind == ViewKind::Frontal ? 1.0 : 0.8)));
        effect.view(kind).contribution = std::move(layer);
    }
    return effect;
}

} // namespace raddraft::phantom::render
