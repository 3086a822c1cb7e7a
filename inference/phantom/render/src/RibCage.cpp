#include "RibCage.h"

#include "Rasterizer.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {

std::vector<Rib> buildRibs(const Thorax& thorax)
{
    const BodyModel& b = thorax.body();
    std::vector<Rib> ribs;
    const double w = b.widthScale;
    const double h = b.heightScale;
    // Deep inspiration lifts the anterior ribs (more horizontal), expiration lowers them.
    const double dropScale = 1.3 - 0.3 * std::clamp(b.inspiration, 0.7, 1.3);
    for (int side = 0; side < 2; ++side) {
        const double sign = sideSign(side);
        for (int n = 1; n <= 12; ++n) {
            const Vertebra& v = b.thoracic(n);
            const double offset = b.spineOffsetX(v.centerY);
            const double slope = (b.spineOffsetX(v.centerY + 5.0) - b.spineOffsetX(v.centerY - 5.0)) / 10.0;
            const double tilt = std::atan(slope);
            const double y0 = v.centerY - 0.15 * v.height;
            const double drop = (n == 1 ? 26.0 : 30.0 + 6.5 * n) * h * dropScale;
            const double yMid = std::min(y0 + 0.4 * drop, b.yCostophrenic[side]);
            // The rib's lateral arc runs just outside the lung's lateral wall.
            const double a = std::fabs(thorax.wallX(side, yMid)) + 4.0;
            const double rootX = v.halfWidth + 6.0;
            const double phi0 = std::asin(std::clamp(rootX / a, 0.0, 0.95));
            const bool floating = n >= 11;
            const double anteriorX = (30.0 + 5.5 * (n - 1)) * w;
            const double phi1 = floating ? (n == 11 ? 1.45 : 1.15) : kPi - std::asin(std::clamp(anteriorX / a, 0.05, 0.95));
            const double zBack = thorax.lungBackZ(y0) + 9.0;
            const double zFront = thorax.lungFrontZ(y0 + drop) - 5.0;
            const double zc = 0.5 * (zBack + zFront);
            const double bz = 0.5 * (zBack - zFront);

            Rib rib;
            rib.side = side;
            rib.number = n;
            const double arc = 0.5 * (a + bz) * (phi1 - phi0);
            const int samples = std::max(8, static_cast<int>(arc / 4.0));
            const double sin0 = std::sin(phi0);
            for (int i = 0; i <= samples; ++i) {
                const double u = static_cast<double>(i) / samples;
                const double phi = phi0 + u * (phi1 - phi0);
                const double sp = std::sin(phi);
                const double spineShare = 1.0 - 0.7 * (sp - sin0) / (1.0 - sin0);
                double x = sign * a * sp + offset * spineShare;
                // Posterior arc: up from the costovertebral joint, then down round the chest wall.
                double y = y0 + drop * std::pow(u, 1.5) - 7.0 * h * std::sin(kPi * std::min(u / 0.36, 1.0));
                // Scoliosis: the rib turns with its vertebra about the costovertebral joint.
                const double dx = x - (offset + sign * rootX);
                y += std::sin(tilt) * dx * -1.0 * 0.6;
                x += (std::cos(tilt) - 1.0) * dx;
                const double z = zc + bz * std::cos(phi);
                rib.points.push_back({x, y, z});
                rib.halfWidthMm.push_back((n == 1 ? 3.6 : 4.0) * h + 1.9 * h * u);
                const double c = phi < 0.5 * kPi ? 1.0 + 0.15 * sp * sp : 0.45 + 0.7 * std::pow(sp, 4.0);
                rib.contrast.push_back(c);
            }
            ribs.push_back(std::move(rib));
        }
    }
    return ribs;
}

std::size_t ribIndexAt(const Rib& rib, double u)
{
    const double last = static_cast<double>(rib.points.size() - 1);
    return static_cast<std::size_t>(std::lround(std::clamp(u, 0.0, 1.0) * last));
}

void drawRib(Raster& target, const ViewSetup& view, const Rib& rib, const RibStrokeOptions& options)
{
    const bool lateral = view.kind == ViewKind::Lateral;
    const double magnification = lateral && rib.side == kRight ? kLateralFarSideMagnification : 1.0;
    std::vector<StrokePoint> stroke;
    const std::size_t end = std::min(options.to, rib.points.size());
    for (std::size_t i = options.from; i < end; ++i) {
        Vec2 p = view.project(rib.points[i]) * magnification;
        if (options.displacementMm != nullptr)
            p = p + (*options.displacementMm)[i];
        stroke.push_back({view.toPixel(p), static_cast<float>(view.pixels(rib.halfWidthMm[i] * magnification)),
                          static_cast<float>(options.peak * rib.contrast[i])});
    }
    strokePolyline(target, stroke, profiles::corticalBone());
}

void drawRibCage(Raster& target, const ViewSetup& view, const std::vector<Rib>& ribs)
{
    RibStrokeOptions options;
    options.peak = view.kind == ViewKind::Frontal ? kFrontalRibPeak : 0.025;
    for (const Rib& rib : ribs)
        drawRib(target, view, rib, options);
}

} // namespace raddraft::phantom::render
