#include "ParenchymalFindings.h"

#include "Blur.h"
#include "Rasterizer.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {
namespace {

constexpr ViewKind kViews[] = {ViewKind::Frontal, ViewKind::Lateral};

struct Blob {
    Vec3 center;
    double radius;
    double weight;
};

Vec3 randomDirection(Random& random)
{
    for (;;) {
        const Vec3 d{random.uniform(-1.0, 1.0), random.uniform(-1.0, 1.0), random.uniform(-1.0, 1.0)};
        const double l = length(d);
        if (l > 0.05 && l <= 1.0)
            return d * (1.0 / l);
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Airspace opacity: a cluster of soft blobs filling the airspaces of one zone, with air
// bronchograms; the opacity multiplies the lung air, so it never spills outside the lung.

FindingEffect renderAirspaceOpacity(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const Thorax& thorax = scene.thorax;
    const bool pneumonia = finding.kind == FindingKind::Pneumonia;
    const double strength = findingStrength(finding);
    double extent = bySeverity(finding.severity, 22.0, 32.0, 44.0, 30.0) * random.jitter(1.0, 0.08);
    if (finding.hedged)
        extent *= 0.75;
    const Zone zone = finding.zone == Zone::None ? Zone::Lower : finding.zone;
    std::vector<Blob> blobs;
    std::vector<std::vector<Vec3>> bronchi;
    for (const int side : sidesOf(finding.side, random)) {
        const Vec3 center = sampleLungPoint(thorax, side, zone, 0.5 * extent, random);
        const int count = pneumonia ? 11 : 7;
        for (int i = 0; i < count; ++i) {
            const Vec3 c = center + randomDirection(random) * (extent * random.uniform(0.0, pneumonia ? 0.9 : 0.7));
            if (!thorax.insideLung(side, c, 2.0))
                continue;
            blobs.push_back({c, extent * random.uniform(pneumonia ? 0.25 : 0.35, pneumonia ? 0.5 : 0.6),
                             random.uniform(pneumonia ? 0.5 : 0.8, 1.0)});
        }
        blobs.push_back({center, extent * 0.5, 1.0});
        // Air bronchograms: bronchi running away from the hilum through the opacity.
        if (!pneumonia || random.chance(0.6)) {
            const Vec3 away = normalized(center - scene.body.hilum[side]);
            for (int k = 0; k < 2; ++k) {
                std::vector<Vec3> path;
                Vec3 p = center - away * (0.8 * extent) + randomDirection(random) * (0.2 * extent);
                Vec3 d = normalized(away + randomDirection(random) * 0.3);
                for (int i = 0; i < 8; ++i) {
                    path.push_back(p);
                    p = p + d * (0.22 * extent);
                    d = normalized(d + randomDirection(random) * 0.2);
                }
                bronchi.push_back(std::move(path));
            }
        }
    }

    FindingEffect effect;
    for (const ViewKind kind : kViews) {
        const ViewCanvas& canvas = scene.canvas(kind);
        const ViewSetup& view = canvas.setup;
        Polyline extentMm;
        for (const Blob& blob : blobs) {
            const Vec2 c = view.project(blob.center);
            extentMm.push_back(c + Vec2{-1.6 * blob.radius, -1.6 * blob.radius});
            extentMm.push_back(c + Vec2{1.6 * blob.radius, 1.6 * blob.radius});
        }
        Raster opacity = layerOver(view, extentMm, 2.0);
        for (const Blob& blob : blobs) {
            const double r = view.pixels(blob.radius);
            fillEllipse(opacity, view.toPixel(blob.center), r, r * random.uniform(0.8, 1.2), random.uniform(0.0, kPi),
                        static_cast<float>(blob.weight), profiles::gaussianSquared());
        }
        // Saturate the sum (overlapping blobs do not exceed full airspace filling).
        for (float& v : opacity.values())
            v = 1.0F - std::exp(-1.8F * v);
        if (!bronchi.empty()) {
            Raster air(opacity.rect());
            for (const std::vector<Vec3>& path : bronchi) {
                std::vector<StrokePoint> stroke;
                for (std::size_t i = 0; i < path.size(); ++i)
                    stroke.push_back({view.toPixel(path[i]), static_cast<float>(view.pixels(2.0 - 0.12 * i)), 1.0F});
                strokePolyline(air, stroke, profiles::flatBand());
            }
            for (std::size_t i = 0; i < opacity.values().size(); ++i)
                opacity.values()[i] *= 1.0F - 0.7F * std::min(1.0F, air.values()[i]);
        }
        const double fill = kind == ViewKind::Frontal ? 0.85 : 0.4;
        multiplyByLungAir(opacity, canvas, static_cast<float>(fill * strength));
        effect.view(kind).contribution = std::move(opacity);
    }
    return effect;
}

// ---------------------------------------------------------------------------------------------
// Plate-like atelectasis: a thin disc of collapsed lung seen edge on, usually basal. Frontal:
// a band across x; lateral: a band across z, at the same height.

FindingEffect renderAtelectasis(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const Thorax& thorax = scene.thorax;
    const BodyModel& b = scene.body;
    const double strength = findingStrength(finding);
    const double length = bySeverity(finding.severity, 42.0, 60.0, 80.0, 55.0) * (finding.hedged ? 0.75 : 1.0);
    const double halfThickness = bySeverity(finding.severity, 2.0, 2.6, 3.4, 2.4);
    const Zone zone = finding.zone == Zone::None ? Zone::Lower : finding.zone;
    struct Plate {
        int side;
        Vec3 center;
        double tilt;
    };
    std::vector<Plate> plates;
    for (const int side : sidesOf(finding.side, random)) {
        Vec3 c = sampleLungPoint(thorax, side, zone, 0.3 * length, random);
        if (zone == Zone::Lower) {
            // Basal: just above the dome.
            const double y = b.yDome[side] - random.uniform(14.0, 40.0);
            const Vec3 candidate{c.x, y, c.z};
            if (thorax.insideLung(side, candidate, 10.0))
                c = candidate;
        }
        plates.push_back({side, c, random.uniform(-0.2, 0.2)});
    }
    FindingEffect effect;
    for (const ViewKind kind : kViews) {
        const ViewCanvas& canvas = scene.canvas(kind);
        const ViewSetup& view = canvas.setup;
        Polyline extentMm;
        std::vector<std::vector<StrokePoint>> strokes;
        for (const Plate& plate : plates) {
            const double half = 0.5 * length * (kind == ViewKind::Frontal ? 1.0 : 0.8);
            std::vector<StrokePoint> stroke;
            for (int i = -6; i <= 6; ++i) {
                const double u = i / 6.0;
                const double sag = 3.0 * (1.0 - u * u);
                Vec3 p = plate.center;
                if (kind == ViewKind::Frontal)
                    p = p + Vec3{u * half, u * half * plate.tilt + sag, 0.0};
                else
                    p = p + Vec3{0.0, u * half * -plate.tilt + sag, u * half};
                if (!thorax.insideLung(plate.side, p, 2.0))
                    continue;
                const float taper = static_cast<float>(1.0 - 0.6 * u * u);
                stroke.push_back({view.toPixel(p), static_cast<float>(view.pixels(halfThickness) * taper),
                                  static_cast<float>((kind == ViewKind::Frontal ? 0.14 : 0.08) * strength) * taper});
                extentMm.push_back(view.project(p));
            }
            strokes.push_back(std::move(stroke));
        }
        if (extentMm.empty())
            continue;
        Raster layer = layerOver(view, extentMm, 6.0);
        for (const auto& stroke : strokes)
            strokePolyline(layer, stroke, profiles::solidCylinder());
        effect.view(kind).contribution = std::move(layer);
    }
    return effect;
}

// ---------------------------------------------------------------------------------------------
// Pulmonary oedema: bilateral perihilar haze ("bat wing"), Kerley B septal lines at the lung
// bases, and upper-zone vascular congestion (cephalisation).

FindingEffect renderPulmonaryEdema(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const Thorax& thorax = scene.thorax;
    const double strength = findingStrength(finding);
    const double fill = bySeverity(finding.severity, 0.32, 0.48, 0.65, 0.42) * strength;
    const double congestion = bySeverity(finding.severity, 0.35, 0.55, 0.75, 0.5) * strength;
    const int septalLines = static_cast<int>(bySeverity(finding.severity, 3.0, 6.0, 9.0, 5.0));
    FindingEffect effect;
    {
        const ViewCanvas& canvas = scene.frontal;
        const ViewSetup& view = canvas.setup;
        Raster haze = layerOver(view, thorax.frontalLung(kRight), 2.0);
        {
            Raster left = layerOver(view, thorax.frontalLung(kLeft), 2.0);
            const PixelRect r = haze.rect();
            const PixelRect l = left.rect();
            haze = Raster({std::min(r.x0, l.x0), std::min(r.y0, l.y0), std::max(r.x1, l.x1), std::max(r.y1, l.y1)});
        }
        for (int side = 0; side < 2; ++side) {
            const Vec2 center = view.toPixel(Vec2{b.hilum[side].x + sideSign(side) * 12.0, b.hilum[side].y + 8.0});
            fillEllipse(haze, center, view.pixels(0.62 * b.lungHalfWidth[side]), view.pixels(0.42 * b.lungHeight),
                        0.0, 1.0F, profiles::gaussianSquared());
        }
        multiplyByLungAir(haze, canvas, static_cast<float>(fill));
        // Septal lines: short horizontal lines reaching the lateral pleura at the bases.
        for (int side = 0; side < 2; ++side) {
            for (int i = 0; i < septalLines; ++i) {
                const double y = b.yCostophrenic[side] - random.uniform(10.0, 70.0);
                const double wall = thorax.wallX(side, y) - sideSign(side) * 1.5;
                const double len = random.uniform(10.0, 20.0);
                const Polyline line = {{wall, y}, {wall - sideSign(side) * len, y + random.uniform(-1.5, 1.5)}};
                strokePolyline(haze, view.toPixels(line), static_cast<float>(0.5 / view.spacingMm),
                               static_cast<float>(0.07 * strength), profiles::thinLine());
            }
        }
        VesselDrawOptions vessels;
        vessels.peakPerMm = 0.006 * congestion;
        vessels.extraRadiusMm = 0.5 * congestion;
        vessels.maxY = 0.5 * (b.hilum[kRight].y + b.hilum[kLeft].y);
        vessels.minRadiusMm = 0.6;
        drawVessels(haze, view, scene.vessels, vessels);
        effect.frontal.contribution = std::move(haze);
    }
    {
        const ViewCanvas& canvas = scene.lateral;
        const ViewSetup& view = canvas.setup;
        Raster haze = layerOver(view, thorax.lateralLung(kRight), 2.0);
        const Vec2 hilum = view.project(b.hilum[kRight]);
        fillEllipse(haze, view.toPixel(hilum + Vec2{-6.0, 8.0}), view.pixels(0.3 * b.bodyDepth),
                    view.pixels(0.36 * b.lungHeight), 0.0, 1.0F, profiles::gaussianSquared());
        multiplyByLungAir(haze, canvas, static_cast<float>(0.6 * fill));
        VesselDrawOptions vessels;
        vessels.peakPerMm = 0.004 * congestion;
        vessels.extraRadiusMm = 0.5 * congestion;
        vessels.maxY = 0.5 * (b.hilum[kRight].y + b.hilum[kLeft].y);
        vessels.minRadiusMm = 0.6;
        drawVessels(haze, view, scene.vessels, vessels);
        effect.lateral.contribution = std::move(haze);
    }
    return effect;
}

// ---------------------------------------------------------------------------------------------
// Focal lesions: nodule (round), mass (lobulated, spiculated), calcified granuloma (small, dense).

FindingEffect renderFocalLesion(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const Thorax& thorax = scene.thorax;
    const double strength = findingStrength(finding);
    double diameter = finding.sizeMm;
    double peak = 0.0;
    const ProfileTable* profile = &profiles::sphereSquared();
    switch (finding.kind) {
    case FindingKind::Mass:
        diameter = diameter > 0.0 ? std::max(diameter, 30.0) : 45.0;
        peak = 0.17;
        break;
    case FindingKind::CalcifiedGranuloma:
        diameter = std::clamp(diameter > 0.0 ? diameter : 5.0, 2.5, 10.0);
        peak = 0.34;
        profile = &profiles::discSquared();
        break;
    default:
        diameter = std::clamp(diameter > 0.0 ? diameter : 12.0, 4.0, 29.0);
        peak = std::min(0.14, 0.045 + 0.005 * diameter);
        break;
    }
    if (finding.hedged)
        diameter *= 0.85;
    const double radius = 0.5 * diameter;
    const int side = sidesOf(finding.side == Side::Bilateral ? Side::None : finding.side, random).front();
    const Zone zone = finding.zone;
    const double margin = finding.kind == FindingKind::Mass ? 0.6 * radius : radius + 3.0;
    const Vec3 center = sampleLungPoint(thorax, side, zone, margin, random);

    std::vector<Blob> lobes = {{center, radius, 1.0}};
    std::vector<std::pair<Vec3, Vec3>> spicules;
    if (finding.kind == FindingKind::Mass) {
        const int count = random.integer(3, 5);
        for (int i = 0; i < count; ++i)
            lobes.push_back({center + randomDirection(random) * (0.55 * radius), radius * random.uniform(0.35, 0.55), 0.9});
        const int spikes = random.integer(8, 14);
        for (int i = 0; i < spikes; ++i) {
            const Vec3 d = randomDirection(random);
            spicules.push_back({center + d * (0.9 * radius), center + d * (radius * random.uniform(1.25, 1.55))});
        }
    }
    const double ellipticity = random.uniform(0.88, 1.1);
    const double rotation = random.uniform(0.0, kPi);
    FindingEffect effect;
    for (const ViewKind kind : kViews) {
        const ViewSetup& view = scene.canvas(kind).setup;
        const double viewScale = kind == ViewKind::Frontal ? 1.0 : 0.78;
        const Vec2 c = view.project(center);
        Raster layer = layerOver(view, {c + Vec2{-1.7 * radius, -1.7 * radius}, c + Vec2{1.7 * radius, 1.7 * radius}}, 3.0);
        for (const Blob& lobe : lobes) {
            const double r = view.pixels(lobe.radius);
            fillEllipse(layer, view.toPixel(lobe.center), r, r * ellipticity, rotation,
                        static_cast<float>(peak * lobe.weight * strength * viewScale), *profile);
        }
        for (const auto& spicule : spicules)
            strokePolyline(layer, view.toPixels({view.project(spicule.first), view.project(spicule.second)}),
                           static_cast<float>(view.pixels(0.6)),
                           static_cast<float>(0.05 * strength * viewScale), profiles::thinLine());
        if (finding.kind == FindingKind::CalcifiedGranuloma)
            fillEllipse(layer, view.toPixel(center), view.pixels(radius * 1.3), view.pixels(radius * 1.3), 0.0,
                        static_cast<float>(0.05 * strength * viewScale), profiles::sphereSquared());
        effect.view(kind).contribution = std::move(layer);
    }
    return effect;
}

} // namespace raddraft::phantom::render
