#include "SkeletalFindings.h"

#include "Rasterizer.h"
#include "Spine.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {

void applyScoliosis(const FindingInstance& finding, BodyModel& body)
{
    Random random = findingRandom(finding);
    double amplitude = bySeverity(finding.severity, 9.0, 18.0, 30.0, 14.0) * random.jitter(1.0, 0.08);
    if (finding.hedged)
        amplitude *= 0.55;
    body.scoliosisAmplitude = amplitude;
    body.scoliosisConvexSide = sidesOf(finding.side == Side::Bilateral ? Side::None : finding.side, random).front();
}

FindingEffect renderScoliosis(const FindingInstance& /*finding*/, const FindingScene& scene)
{
    FindingEffect effect;
    effect.frontal.changedRegionsMm.push_back(frontalThoracicSpineRegion(scene.body));
    return effect;
}

FindingEffect renderRibFracture(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const int side = sidesOf(finding.side == Side::Bilateral ? Side::None : finding.side, random).front();
    int number = 0;
    switch (finding.zone) {
    case Zone::Upper:
        number = random.integer(3, 4);
        break;
    case Zone::Middle:
        number = random.integer(5, 7);
        break;
    case Zone::Lower:
        number = random.integer(8, 9);
        break;
    case Zone::None:
        number = random.integer(4, 8);
        break;
    }
    const Rib* rib = nullptr;
    for (const Rib& candidate : scene.ribs)
        if (candidate.side == side && candidate.number == number)
            rib = &candidate;
    FindingEffect effect;
    if (rib == nullptr || rib->points.size() < 12)
        return effect;
    const double strength = findingStrength(finding);
    const double step = bySeverity(finding.severity, 1.2, 2.5, 4.5, 2.0) * (finding.hedged ? 0.5 : 1.0);
    const double gap = finding.hedged ? 0.8 : 1.6;
    // Break in the posterolateral or lateral arc.
    const std::size_t k = ribIndexAt(*rib, random.uniform(0.22, 0.45));
    const std::size_t from = k >= 3 ? k - 3 : 0;
    const std::size_t to = std::min(rib->points.size(), k + 5);

    const ViewSetup& view = scene.frontal.setup;
    Polyline window;
    for (std::size_t i = from; i < to; ++i)
        window.push_back(view.project(rib->points[i]));
    Raster layer = layerOver(view, window, 20.0);
    RibStrokeOptions options;
    options.peak = kFrontalRibPeak;
    options.from = from;
    options.to = to;
    drawRib(layer, view, *rib, options);
    for (float& v : layer.values())
        v = -v;

    // The broken rib: two fragments split at the break, the distal one stepped (displacement
    // tapering to nothing at the window's end, where it joins the intact rib).
    const Vec2 a = view.project(rib->points[k]);
    const Vec2 b = view.project(rib->points[k + 1]);
    const Vec2 along = normalized(b - a);
    const Vec2 across = perpendicular(along);
    const double segment = length(b - a);
    const double cut = 0.5;
    const double sign = random.chance(0.5) ? 1.0 : -1.0;
    std::vector<Vec2> displacement(rib->points.size(), Vec2{});
    for (std::size_t i = k + 1; i < to; ++i) {
        const double t = static_cast<double>(i - (k + 1)) / static_cast<double>(std::max<std::size_t>(1, to - 1 - (k + 1)));
        displacement[i] = across * (sign * step * (1.0 - t));
    }
    // Insert the fragment ends as extra samples on segment k, carrying the segment's averages
    // so that the strokes coincide exactly with the intact rib away from the break.
    const auto interpolate = [&](double f) {
        const Vec3 p = rib->points[k] + (rib->points[k + 1] - rib->points[k]) * f;
        return p;
    };
    const double endProximal = std::max(0.05, cut - 0.5 * gap / std::max(segment, 1e-3));
    const double startDistal = std::min(0.95, cut + 0.5 * gap / std::max(segment, 1e-3));
    Rib proximal;
    proximal.side = rib->side;
    Rib distal;
    distal.side = rib->side;
    for (std::size_t i = from; i <= k; ++i) {
        proximal.points.push_back(rib->points[i]);
        proximal.halfWidthMm.push_back(rib->halfWidthMm[i]);
        proximal.contrast.push_back(rib->contrast[i]);
    }
    proximal.points.push_back(interpolate(endProximal));
    proximal.halfWidthMm.push_back(rib->halfWidthMm[k + 1]);
    proximal.contrast.push_back(rib->contrast[k + 1]);
    std::vector<Vec2> distalShift;
    distal.points.push_back(interpolate(startDistal));
    distal.halfWidthMm.push_back(rib->halfWidthMm[k]);
    distal.contrast.push_back(rib->contrast[k]);
    distalShift.push_back(displacement[k + 1]);
    for (std::size_t i = k + 1; i < to; ++i) {
        distal.points.push_back(rib->points[i]);
        distal.halfWidthMm.push_back(rib->halfWidthMm[i]);
        distal.contrast.push_back(rib->contrast[i]);
        distalShift.push_back(displacement[i]);
    }
    RibStrokeOptions pieceOptions;
    pieceOptions.peak = options.peak;
    drawRib(layer, view, proximal, pieceOptions);
    pieceOptions.displacementMm = &distalShift;
    drawRib(layer, view, distal, pieceOptions);
    if (!finding.hedged && (finding.severity == Severity::Severe || random.chance(0.4))) {
        const Vec2 site = view.project(interpolate(cut));
        const double r = rib->halfWidthMm[k] * 1.35;
        fillEllipse(layer, view.toPixel(site), view.pixels(r * 1.3), view.pixels(r), std::atan2(along.y, along.x),
                    static_cast<float>(0.045 * strength), profiles::sphereSquared());
    }
    effect.frontal.contribution = std::move(layer);
    return effect;
}

} // namespace raddraft::phantom::render
