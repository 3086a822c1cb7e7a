#include "FindingEffect.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {

Random findingRandom(const FindingInstance& finding)
{
    return Random(deriveSeed(finding.placementSeed, Stream::Finding));
}

double findingStrength(const FindingInstance& finding) { return finding.hedged ? 0.55 : 1.0; }

double bySeverity(Severity severity, double mild, double moderate, double severe, double unspecified)
{
    switch (severity) {
    case Severity::Mild:
        return mild;
    case Severity::Moderate:
        return moderate;
    case Severity::Severe:
        return severe;
    case Severity::None:
        break;
    }
    return unspecified;
}

std::vector<int> sidesOf(Side side, Random& random)
{
    switch (side) {
    case Side::Right:
        return {kRight};
    case Side::Left:
        return {kLeft};
    case Side::Bilateral:
        return {kRight, kLeft};
    case Side::None:
        break;
    }
    return {random.chance(0.5) ? kRight : kLeft};
}

Vec3 sampleLungPoint(const Thorax& thorax, int side, Zone zone, double margin, Random& random)
{
    const BodyModel& b = thorax.body();
    const double top = b.zoneTop(side, zone == Zone::None ? Zone::Upper : zone);
    const double bottom = b.zoneBottom(side, zone == Zone::None ? Zone::Lower : zone);
    const double sign = sideSign(side);
    for (double m = margin; m >= 0.0; m = m > 1.0 ? m * 0.6 : -1.0) {
        for (int attempt = 0; attempt < 200; ++attempt) {
            const double y = random.uniform(top, bottom);
            const double x = sign * random.uniform(5.0, b.lungHalfWidth[side]);
            const double z = random.uniform(thorax.lungFrontZ(y), thorax.lungBackZ(y));
            const Vec3 p{x, y, z};
            if (thorax.insideLung(side, p, m))
                return p;
        }
    }
    // The lung always contains the middle of its lateral half at mid height.
    const double y = 0.5 * (top + bottom);
    return {sign * 0.6 * b.lungHalfWidth[side], y, 0.5 * (thorax.lungFrontZ(y) + thorax.lungBackZ(y))};
}

Raster layerOver(const ViewSetup& view, const Polyline& viewMmPoints, double marginMm)
{
    const Box box = bounds(view.toPixels(viewMmPoints));
    const int margin = static_cast<int>(std::ceil(marginMm / view.spacingMm)) + 1;
    return Raster(pixelRectOf(box, margin).intersected(view.fullRect()));
}

void multiplyByLungAir(Raster& layer, const ViewCanvas& canvas, float factor)
{
    layer.multiplyBy(canvas.lungAir);
    if (factor != 1.0F)
        for (float& v : layer.values())
            v *= factor;
}

} // namespace raddraft::phantom::render
