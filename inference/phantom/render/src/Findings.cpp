#include "Findings.h"

#include "CardiomediastinalFindings.h"
#include "DeviceFindings.h"
#include "LungVolumeFindings.h"
#include "ParenchymalFindings.h"
#include "PleuralFindings.h"
#include "Rasterizer.h"
#include "SkeletalFindings.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {

void applyFindingsToBody(const std::vector<FindingInstance>& findings, BodyModel& body)
{
    for (const FindingInstance& f : findings) {
        if (f.kind == FindingKind::Emphysema)
            applyEmphysema(f, body);
        else if (f.kind == FindingKind::Hypoinflation)
            applyHypoinflation(f, body);
    }
    for (const FindingInstance& f : findings) {
        if (f.kind == FindingKind::Cardiomegaly)
            applyCardiomegaly(f, body);
        else if (f.kind == FindingKind::Scoliosis)
            applyScoliosis(f, body);
    }
}

void applyFindingToVessels(const FindingInstance& finding, const Thorax& thorax, Vasculature& vessels)
{
    if (finding.kind == FindingKind::Pneumothorax) {
        const Polyline region = pneumothoraxRegion(finding, thorax);
        if (region.size() >= 3)
            cutVessels(vessels, pneumothoraxSide(finding), RegionTable(region, 0.5));
    } else if (finding.kind == FindingKind::Emphysema) {
        pruneDistalVessels(vessels, emphysemaPruning(finding), deriveSeed(finding.placementSeed, Stream::Vessels));
    }
}

FindingEffect renderFinding(const FindingInstance& finding, const FindingScene& scene)
{
    switch (finding.kind) {
    case FindingKind::Cardiomegaly:
        return renderCardiomegaly(finding, scene);
    case FindingKind::PleuralEffusion:
        return renderPleuralEffusion(finding, scene);
    case FindingKind::Pneumothorax:
        return renderPneumothorax(finding, scene);
    case FindingKind::Consolidation:
    case FindingKind::Pneumonia:
        return renderAirspaceOpacity(finding, scene);
    case FindingKind::Atelectasis:
        return renderAtelectasis(finding, scene);
    case FindingKind::PulmonaryEdema:
        return renderPulmonaryEdema(finding, scene);
    case FindingKind::Nodule:
    case FindingKind::Mass:
    case FindingKind::CalcifiedGranuloma:
        return renderFocalLesion(finding, scene);
    case FindingKind::Emphysema:
    case FindingKind::Hypoinflation:
        return renderLungVolumeChange(finding, scene);
    case FindingKind::Scoliosis:
        return renderScoliosis(finding, scene);
    case FindingKind::RibFracture:
        return renderRibFracture(finding, scene);
    case FindingKind::HiatalHernia:
        return renderHiatalHernia(finding, scene);
    case FindingKind::PleuralThickening:
        return renderPleuralThickening(finding, scene);
    case FindingKind::AorticCalcification:
        return renderAorticCalcification(finding, scene);
    case FindingKind::EndotrachealTube:
        return renderEndotrachealTube(finding, scene);
    case FindingKind::CentralLine:
        return renderCentralLine(finding, scene);
    case FindingKind::Pacemaker:
        return renderPacemaker(finding, scene);
    case FindingKind::SternotomyWires:
        return renderSternotomyWires(finding, scene);
    }
    return {};
}

PhantomMask maskOf(const FindingViewEffect& effect, const ViewSetup& view, std::vector<std::vector<std::uint8_t>>& spare)
{
    PhantomMask mask;
    mask.width = view.size;
    mask.height = view.size;
    if (effect.contribution.empty() && effect.changedRegionsMm.empty())
        return mask;
    std::vector<std::uint8_t> pixels;
    if (!spare.empty()) {
        pixels = std::move(spare.back());
        spare.pop_back();
    }
    pixels.assign(static_cast<std::size_t>(view.size) * static_cast<std::size_t>(view.size), 0);
    bool any = false;
    const Raster& c = effect.contribution;
    if (!c.empty()) {
        const float threshold = std::max(kMaskFloor, kMaskShare * c.peakMagnitude());
        const PixelRect r = c.rect().intersected(view.fullRect());
        for (int y = r.y0; y < r.y1; ++y) {
            const float* src = c.row(y) + (r.x0 - c.rect().x0);
            std::uint8_t* dst = pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(view.size);
            for (int x = 0; x < r.width(); ++x)
                if (std::fabs(src[x]) >= threshold) {
                    dst[r.x0 + x] = 1;
                    any = true;
                }
        }
    }
    for (const Polyline& region : effect.changedRegionsMm)
        fillPolygonMask(pixels, view.size, view.size, view.toPixels(region));
    if (!any)
        any = std::any_of(pixels.begin(), pixels.end(), [](std::uint8_t v) { return v != 0; });
    if (any)
        mask.pixels = std::move(pixels);
    else
        spare.push_back(std::move(pixels));
    return mask;
}

} // namespace raddraft::phantom::render
