#include "PleuralFindings.h"

#include "Blur.h"
#include "Rasterizer.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {
namespace {

/// Calls fn(x, y, value&) for each pixel of `layer` with its view-millimetre coordinates.
template <class F>
void forEachPixelMm(Raster& layer, const ViewSetup& view, F&& fn)
{
    const Affine2 toMm = view.mmToPixel.inverse();
    const PixelRect& r = layer.rect();
    for (int y = r.y0; y < r.y1; ++y) {
        Vec2 p = toMm({r.x0 + 0.5, y + 0.5});
        const Vec2 step = toMm.linear({1.0, 0.0});
        float* row = layer.row(y);
        for (int x = 0; x < r.width(); ++x, p = p + step)
            fn(p.x, p.y, row[x]);
    }
}

/// Lung outline points from the apical cap's medial end along the cap and the lateral wall
/// down to the costophrenic angle (the frontal lung polygon starts with them).
Polyline pleuralSurface(const Thorax& thorax, int side)
{
    const Polyline& lung = thorax.frontalLung(side);
    const double cp = thorax.body().yCostophrenic[side];
    Polyline out;
    for (const Vec2& p : lung) {
        out.push_back(p);
        if (p.y >= cp - 0.01)
            break;
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Effusion: fluid fills the dependent pleural space; its upper border is a meniscus, highest
// against the lateral chest wall (frontal) and posteriorly (lateral). The fluid replaces aerated
// lung, so its contribution is the lung air it displaces.

FindingEffect renderPleuralEffusion(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const Thorax& thorax = scene.thorax;
    const double strength = finding.hedged ? 0.8 : 1.0;
    double fraction = bySeverity(finding.severity, 0.12, 0.3, 0.55, 0.2) * random.jitter(1.0, 0.06);
    if (finding.hedged)
        fraction *= 0.75;
    const std::vector<int> sides = sidesOf(finding.side, random);

    FindingEffect effect;
    // Frontal.
    {
        const ViewSetup& view = scene.frontal.setup;
        Polyline extent;
        for (const int side : sides) {
            const double top = b.yCostophrenic[side] - fraction * (b.yCostophrenic[side] - b.yApex) - 12.0;
            extent.push_back({0.0, top});
            extent.push_back({sideSign(side) * (b.lungHalfWidth[side] + 4.0), b.yCostophrenic[side] + 25.0});
        }
        Raster layer = layerOver(view, extent, 4.0);
        double level[2] = {0.0, 0.0};
        double sag[2] = {0.0, 0.0};
        for (const int side : sides) {
            level[side] = b.yCostophrenic[side] - fraction * (b.yCostophrenic[side] - b.yApex);
            sag[side] = 0.45 * (b.yCostophrenic[side] - level[side]) + 10.0;
        }
        const double medial[2] = {std::fabs(thorax.cardiophrenicAngle(kRight).x) * 0.6,
                                  std::fabs(thorax.cardiophrenicAngle(kLeft).x) * 0.6};
        forEachPixelMm(layer, view, [&](double x, double y, float& v) {
            const int side = x < 0.0 ? kRight : kLeft;
            if (level[side] == 0.0)
                return;
            const double ax = std::fabs(x);
            const double u = std::clamp((ax - medial[side]) / (b.lungHalfWidth[side] - medial[side]), 0.0, 1.0);
            const double meniscus = level[side] + sag[side] * std::pow(1.0 - u, 1.6);
            if (y < meniscus - 6.0)
                return;
            // Soft upper margin; slightly denser towards the base, where the fluid is deepest.
            const double fluid = smoothstep(meniscus - 6.0, meniscus + 10.0, y) *
                                 (0.9 + 0.1 * smoothstep(meniscus, b.yCostophrenic[side], y));
            v = static_cast<float>(fluid);
        });
        multiplyByLungAir(layer, scene.frontal, static_cast<float>(0.97 * strength));
        effect.frontal.contribution = std::move(layer);
    }
    // Lateral: the posterior costophrenic sulcus fills first; the meniscus rises posteriorly.
    {
        const ViewSetup& view = scene.lateral.setup;
        double level = 1e9;
        double bottom = -1e9;
        for (const int side : sides) {
            level = std::min(level, b.yCostophrenic[side] - fraction * (b.yCostophrenic[side] - b.yApex));
            bottom = std::max(bottom, thorax.lateralDiaphragmY(side, thorax.lungBackZ(b.yDome[side])));
        }
        const double front = thorax.lungFrontZ(b.yDome[kRight]);
        const double back = thorax.lungBackZ(b.yDome[kRight]);
        const double sagLateral = 0.8 * (bottom - level) + 20.0;
        Raster layer = layerOver(view, {{front, level - 10.0}, {back + 6.0, bottom + 10.0}}, 4.0);
        forEachPixelMm(layer, view, [&](double z, double y, float& v) {
            const double t = std::clamp((back - z) / (back - front), 0.0, 1.0);
            const double meniscus = level + sagLateral * std::pow(t, 1.3);
            v = static_cast<float>(smoothstep(meniscus - 6.0, meniscus + 10.0, y));
        });
        // One hemithorax's fluid displaces about half the air a lateral ray crosses.
        multiplyByLungAir(layer, scene.lateral, static_cast<float>((sides.size() == 2 ? 0.95 : 0.55) * strength));
        effect.lateral.contribution = std::move(layer);
    }
    return effect;
}

// ---------------------------------------------------------------------------------------------
// Pneumothorax: the lung retracts from the chest wall; the pleural space holds air only.

int pneumothoraxSide(const FindingInstance& finding)
{
    if (finding.side == Side::Left)
        return kLeft;
    if (finding.side == Side::Right || finding.side == Side::Bilateral)
        return kRight;
    Random random = findingRandom(finding);
    return random.chance(0.5) ? kRight : kLeft;
}

namespace {

/// Visceral pleural line (frontal mm) of a pneumothorax and the surface points it parts from.
struct PleuralLine {
    Polyline surface;
    Polyline line;
};

PleuralLine pneumothoraxLine(const FindingInstance& finding, const Thorax& thorax)
{
    const BodyModel& b = thorax.body();
    const int side = pneumothoraxSide(finding);
    double depth = bySeverity(finding.severity, 10.0, 22.0, 42.0, 16.0);
    if (finding.hedged)
        depth *= 0.55;
    const bool apical = finding.zone == Zone::Upper || (finding.zone == Zone::None && finding.severity != Severity::Severe);
    const double height = b.yCostophrenic[side] - b.yApex;
    const Vec2 center{sideSign(side) * 0.5 * b.lungHalfWidth[side], b.yApex + 0.45 * height};
    const Polyline surface = pleuralSurface(thorax, side);
    PleuralLine result;
    for (std::size_t i = 0; i < surface.size(); ++i) {
        const Vec2 p = surface[i];
        const double t = (p.y - b.yApex) / height;
        double weight = apical ? std::exp(-std::pow(t / 0.33, 2.0))
                               : std::exp(-std::pow((t - 0.45) / 0.32, 2.0)) + (depth > 30.0 ? 0.6 * std::exp(-std::pow(t / 0.25, 2.0)) : 0.0);
        // Taper towards the mediastinal end of the apical cap.
        weight *= smoothstep(0.0, 0.35, static_cast<double>(i) / 24.0);
        const double d = depth * std::min(weight, 1.0);
        if (d < 0.8)
            continue;
        result.surface.push_back(p);
        result.line.push_back(p + normalized(center - p) * d);
    }
    return result;
}

} // namespace

Polyline pneumothoraxRegion(const FindingInstance& finding, const Thorax& thorax)
{
    if (finding.kind != FindingKind::Pneumothorax)
        return {};
    const PleuralLine pleura = pneumothoraxLine(finding, thorax);
    Polyline region = pleura.surface;
    // A little beyond the chest wall side, so the region covers the whole pleural space.
    for (auto it = pleura.line.rbegin(); it != pleura.line.rend(); ++it)
        region.push_back(*it);
    return region;
}

FindingEffect renderPneumothorax(const FindingInstance& finding, const FindingScene& scene)
{
    const double strength = findingStrength(finding);
    const PleuralLine pleura = pneumothoraxLine(finding, scene.thorax);
    FindingEffect effect;
    if (pleura.line.size() < 2)
        return effect;
    const ViewSetup& view = scene.frontal.setup;
    const Polyline region = pneumothoraxRegion(finding, scene.thorax);
    // Pleural air: darker than aerated lung (no parenchyma, no vessels).
    Raster air = layerOver(view, region, 3.0);
    fillPolygon(air, view.toPixels(region), 1.0F);
    Raster lucency = air;
    multiplyByLungAir(lucency, scene.frontal, static_cast<float>(-0.30 * strength));
    air.addTo(lucency, static_cast<float>(-0.025 * strength));
    // The visceral pleural line: thin and white.
    strokePolyline(lucency, view.toPixels(pleura.line), static_cast<float>(0.45 / view.spacingMm),
                   static_cast<float>(0.10 * strength), profiles::thinLine());
    effect.frontal.contribution = std::move(lucency);
    return effect;
}

// ---------------------------------------------------------------------------------------------
// Pleural thickening: soft-tissue density along the pleura, apical cap or lateral band.

FindingEffect renderPleuralThickening(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const Thorax& thorax = scene.thorax;
    const double strength = findingStrength(finding);
    double thickness = bySeverity(finding.severity, 4.0, 8.0, 13.0, 6.0) * random.jitter(1.0, 0.1);
    if (finding.hedged)
        thickness *= 0.7;
    const bool apical = finding.zone == Zone::Upper;
    const std::vector<int> sides = sidesOf(finding.side, random);
    FindingEffect effect;
    {
        const ViewSetup& view = scene.frontal.setup;
        std::vector<Polyline> bands;
        for (const int side : sides) {
            const Polyline surface = pleuralSurface(thorax, side);
            const double height = b.yCostophrenic[side] - b.yApex;
            const double top = apical ? b.yApex : b.zoneTop(side, finding.zone == Zone::None ? Zone::Middle : finding.zone);
            const double bottom = apical ? b.yApex + 0.22 * height
                                         : b.zoneBottom(side, finding.zone == Zone::None ? Zone::Middle : finding.zone);
            const Vec2 center{sideSign(side) * 0.5 * b.lungHalfWidth[side], b.yApex + 0.5 * height};
            Polyline outer;
            Polyline inner;
            for (std::size_t i = 0; i < surface.size(); ++i) {
                const Vec2 p = surface[i];
                if (p.y < top - 1.0 || p.y > bottom || (apical && i < 3))
                    continue;
                outer.push_back(p);
                const double t = (p.y - top) / std::max(1.0, bottom - top);
                const double taper = apical ? 1.0 - smoothstep(0.55, 1.0, t) : std::sin(kPi * std::clamp(t, 0.0, 1.0));
                inner.push_back(p + normalized(center - p) * (thickness * std::max(0.1, taper)));
            }
            Polyline band = outer;
            for (auto it = inner.rbegin(); it != inner.rend(); ++it)
                band.push_back(*it);
            if (band.size() >= 3)
                bands.push_back(std::move(band));
        }
        Polyline all;
        for (const Polyline& band : bands)
            all.insert(all.end(), band.begin(), band.end());
        Raster layer = layerOver(view, all, 6.0);
        for (const Polyline& band : bands)
            addBlurredPolygon(layer, view.toPixels(band), static_cast<float>(0.17 * strength), 1.0 / view.spacingMm);
        effect.frontal.contribution = std::move(layer);
    }
    if (apical) {
        // Lateral view: the cap over the top of the lung silhouettes.
        const ViewSetup& view = scene.lateral.setup;
        Raster layer;
        for (const int side : sides) {
            const Polyline& lung = thorax.lateralLung(side);
            Polyline outer;
            Polyline inner;
            for (const Vec2& p : lung) {
                if (p.y > b.yApex + 30.0 || outer.size() > 40)
                    continue;
                outer.push_back(p);
                const double t = (p.y - b.yApex) / 30.0;
                inner.push_back(p + Vec2{0.0, thickness * 0.8 * (1.0 - t)});
            }
            Polyline band = outer;
            for (auto it = inner.rbegin(); it != inner.rend(); ++it)
                band.push_back(*it);
            if (layer.empty())
                layer = layerOver(view, {{thorax.lungFrontZ(b.yApex + 60.0), b.yApex - 5.0},
                                         {thorax.lungBackZ(b.yApex + 60.0), b.yApex + 45.0}},
                                  6.0);
            if (band.size() >= 3)
                addBlurredPolygon(layer, view.toPixels(band), static_cast<float>(0.08 * strength), 1.0 / view.spacingMm);
        }
        effect.lateral.contribution = std::move(layer);
    }
    return effect;
}

} // namespace raddraft::phantom::render
