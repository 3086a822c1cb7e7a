#include "CardiomediastinalFindings.h"

#include "Blur.h"
#include "Rasterizer.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {

double cardiomegalyRatio(const FindingInstance& finding)
{
    if (finding.hedged)
        return 0.53;
    return bySeverity(finding.severity, 0.555, 0.605, 0.665, 0.58);
}

void applyCardiomegaly(const FindingInstance& finding, BodyModel& body)
{
    Random random = findingRandom(finding);
    body.cardiothoracicRatio = std::max(body.cardiothoracicRatio, cardiomegalyRatio(finding) + random.jitter(0.0, 0.006));
}

FindingEffect renderCardiomegaly(const FindingInstance& /*finding*/, const FindingScene& scene)
{
    FindingEffect effect;
    effect.frontal.changedRegionsMm.push_back(scene.thorax.frontalHeart());
    effect.lateral.changedRegionsMm.push_back(scene.thorax.lateralHeart());
    return effect;
}

FindingEffect renderHiatalHernia(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const double strength = findingStrength(finding);
    const double radius = bySeverity(finding.severity, 20.0, 27.0, 35.0, 25.0) * (finding.hedged ? 0.8 : 1.0) *
                          random.jitter(1.0, 0.06);
    const double y = b.yDome[kLeft] - 0.75 * radius;
    const Vec3 center{random.uniform(4.0, 16.0) * b.widthScale, y, b.spineFrontZ(y) - radius - 3.0};
    const double level = center.y - random.uniform(0.1, 0.35) * radius;
    FindingEffect effect;
    for (const ViewKind kind : {ViewKind::Frontal, ViewKind::Lateral}) {
        const ViewSetup& view = scene.canvas(kind).setup;
        const Vec2 c = view.project(center);
        Raster layer = layerOver(view, {c + Vec2{-1.4 * radius, -1.4 * radius}, c + Vec2{1.4 * radius, 1.4 * radius}}, 2.0);
        const double r = view.pixels(radius);
        fillEllipse(layer, view.toPixel(c), r * 1.05, r * 0.92, 0.0, static_cast<float>(0.09 * strength),
                    profiles::sphereSquared());
        // The hernia's wall outlines it against the retrocardiac lung.
        strokePolyline(layer, view.toPixels(ellipsePolygon(c, 1.03 * radius, 0.9 * radius, 0.0, 48)),
                       static_cast<float>(view.pixels(1.2)), static_cast<float>(0.035 * strength),
                       profiles::thinLine(), true);
        // Gas cap above a flat air–fluid level.
        Polyline gas;
        const double capHalfWidth = 0.92 * std::sqrt(std::max(0.0, radius * radius - (level - c.y) * (level - c.y)));
        const double angle = std::asin(std::clamp((c.y - level) / radius, -1.0, 1.0));
        for (int i = 0; i <= 20; ++i) {
            const double a = kPi + angle + (kPi - 2.0 * angle) * i / 20.0;
            gas.push_back(c + Vec2{0.88 * radius * std::cos(a), 0.82 * radius * std::sin(a)});
        }
        gas.push_back(c + Vec2{capHalfWidth, level - c.y});
        gas.push_back(c + Vec2{-capHalfWidth, level - c.y});
        addBlurredPolygon(layer, view.toPixels(gas), static_cast<float>(-0.2 * strength), 0.7 / view.spacingMm);
        effect.view(kind).contribution = std::move(layer);
    }
    return effect;
}

FindingEffect renderAorticCalcification(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const Thorax& thorax = scene.thorax;
    const double strength = findingStrength(finding) * bySeverity(finding.severity, 0.75, 1.0, 1.2, 1.0);
    FindingEffect effect;
    // Frontal: the knob's outer contour, in two or three plaques.
    {
        const ViewSetup& view = scene.frontal.setup;
        Polyline rim;
        for (double y = b.yKnob - 17.0; y <= b.yKnob + 10.0; y += 1.5)
            rim.push_back({thorax.borderX(kLeft, y) - 1.8, y});
        Raster layer = layerOver(view, rim, 4.0);
        const int pieces = random.integer(2, 3);
        const std::size_t n = rim.size();
        for (int k = 0; k < pieces; ++k) {
            const std::size_t from = n * static_cast<std::size_t>(k) / static_cast<std::size_t>(pieces);
            const std::size_t to = std::min(n, n * static_cast<std::size_t>(k + 1) / static_cast<std::size_t>(pieces) - 1);
            if (to <= from + 1)
                continue;
            strokePolyline(layer, view.toPixels(Polyline(rim.begin() + static_cast<std::ptrdiff_t>(from),
                                                         rim.begin() + static_cast<std::ptrdiff_t>(to))),
                           static_cast<float>(view.pixels(1.1)), static_cast<float>(0.17 * strength),
                           profiles::solidCylinder());
        }
        effect.frontal.contribution = std::move(layer);
    }
    // Lateral: plaques along the top of the arch.
    {
        const ViewSetup& view = scene.lateral.setup;
        const Polyline& aorta = thorax.lateralAorta();
        Polyline rim;
        for (std::size_t i = 1; i + 1 < aorta.size(); ++i) {
            if (aorta[i].y > b.yKnob + 5.0)
                continue;
            const Vec2 tangent = normalized(aorta[i + 1] - aorta[i - 1]);
            Vec2 normal = perpendicular(tangent);
            if (normal.y > 0.0)
                normal = normal * -1.0;
            rim.push_back(aorta[i] + normal * 12.0);
        }
        if (rim.size() >= 4) {
            Raster layer = layerOver(view, rim, 4.0);
            const std::size_t half = rim.size() / 2;
            strokePolyline(layer, view.toPixels(Polyline(rim.begin(), rim.begin() + static_cast<std::ptrdiff_t>(half - 1))),
                           static_cast<float>(view.pixels(1.1)), static_cast<float>(0.12 * strength),
                           profiles::solidCylinder());
            strokePolyline(layer, view.toPixels(Polyline(rim.begin() + static_cast<std::ptrdiff_t>(half + 1), rim.end())),
                           static_cast<float>(view.pixels(1.1)), static_cast<float>(0.12 * strength),
                           profiles::solidCylinder());
            effect.lateral.contribution = std::move(layer);
        }
    }
    return effect;
}

} // namespace raddraft::phantom::render
