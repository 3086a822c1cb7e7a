#include "Spine.h"

#include "Rasterizer.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {
namespace {

/// Rounded rectangle (superellipse, exponent 4) centred at c, rotated by `angle`, view mm.
Polyline roundedRectangle(Vec2 c, double halfWidth, double halfHeight, double angle)
{
    Polyline out;
    constexpr int kCount = 36;
    for (int i = 0; i < kCount; ++i) {
        const double t = 2.0 * kPi * i / kCount;
        const double ct = std::cos(t);
        const double st = std::sin(t);
        const Vec2 local{halfWidth * std::copysign(std::sqrt(std::fabs(ct)), ct),
                         halfHeight * std::copysign(std::sqrt(std::fabs(st)), st)};
        out.push_back(c + rotated(local, angle));
    }
    return out;
}

double spineTilt(const BodyModel& body, double y)
{
    return std::atan((body.spineOffsetX(y + 5.0) - body.spineOffsetX(y - 5.0)) / 10.0);
}

void drawFrontal(Raster& target, const ViewSetup& view, const BodyModel& body)
{
    const double mm = 1.0 / view.spacingMm;
    for (const Vertebra& v : body.vertebrae) {
        const Vec2 center{body.spineOffsetX(v.centerY), v.centerY};
        const double angle = -spineTilt(body, v.centerY);
        const double hh = 0.5 * v.height;
        const Polyline outline = roundedRectangle(center, v.halfWidth, hh, angle);
        fillPolygon(target, view.toPixels(outline), 0.028F);
        strokePolyline(target, view.toPixels(outline), static_cast<float>(1.3 * mm), 0.022F, profiles::thinLine(), true);
        // Pedicles: cortical rings in the upper half of the body.
        for (const double side : {-1.0, 1.0}) {
            const Vec2 pedicle = center + rotated({side * 0.66 * v.halfWidth, -0.22 * hh}, angle);
            const Polyline ring = ellipsePolygon(pedicle, 0.17 * v.halfWidth, 0.34 * hh, angle, 16);
            strokePolyline(target, view.toPixels(ring), static_cast<float>(1.1 * mm), 0.035F, profiles::thinLine(), true);
            if (v.thoracic) {
                const Vec2 root = center + rotated({side * v.halfWidth, -0.15 * hh}, angle);
                const Vec2 tip = center + rotated({side * (v.halfWidth + 13.0), -0.32 * hh}, angle);
                strokePolyline(target, view.toPixels({root, tip}), static_cast<float>(3.6 * mm), 0.028F,
                               profiles::corticalBone());
            }
        }
        // Spinous process: a teardrop projecting over the lower half of the body.
        const Vec2 spinous = view.toPixel(center + rotated({0.0, 0.42 * hh}, angle));
        fillEllipse(target, spinous, 2.6 * mm, 6.5 * mm, angle, 0.03F, profiles::sphereSquared());
    }
}

void drawLateral(Raster& target, const ViewSetup& view, const BodyModel& body)
{
    const double mm = 1.0 / view.spacingMm;
    for (const Vertebra& v : body.vertebrae) {
        const double front = body.spineFrontZ(v.centerY);
        const double slope = (body.spineFrontZ(v.centerY + 5.0) - body.spineFrontZ(v.centerY - 5.0)) / 10.0;
        const double angle = std::atan(slope);
        const double hh = 0.5 * v.height;
        const Vec2 center{front + 0.5 * v.depth, v.centerY};
        const Polyline outline = roundedRectangle(center, 0.5 * v.depth, hh, -angle);
        fillPolygon(target, view.toPixels(outline), 0.06F);
        strokePolyline(target, view.toPixels(outline), static_cast<float>(1.4 * mm), 0.045F, profiles::thinLine(), true);
        // Posterior elements: pedicles and laminae, then the spinous process pointing down and back.
        const Vec2 back = center + rotated({0.5 * v.depth, 0.0}, -angle);
        const Polyline arch = {back + rotated({0.0, -0.8 * hh}, -angle), back + rotated({20.0, -0.9 * hh}, -angle),
                               back + rotated({24.0, 0.3 * hh}, -angle), back + rotated({0.0, 0.2 * hh}, -angle)};
        fillPolygon(target, view.toPixels(arch), 0.03F);
        if (v.thoracic) {
            const Vec2 spinousRoot = back + rotated({22.0, 0.0}, -angle);
            const Vec2 spinousTip = spinousRoot + Vec2{22.0, 16.0};
            strokePolyline(target, view.toPixels({spinousRoot, spinousTip}), static_cast<float>(3.2 * mm), 0.04F,
                           profiles::corticalBone());
        }
    }
}

} // namespace

void drawSpine(Raster& target, const ViewSetup& view, const BodyModel& body)
{
    if (view.kind == ViewKind::Frontal)
        drawFrontal(target, view, body);
    else
        drawLateral(target, view, body);
}

Polyline frontalThoracicSpineRegion(const BodyModel& body)
{
    Polyline left;
    Polyline right;
    for (int n = 1; n <= 12; ++n) {
        const Vertebra& v = body.thoracic(n);
        for (const double dy : {-0.5, 0.5}) {
            const double y = v.centerY + dy * v.height;
            const double offset = body.spineOffsetX(y);
            right.push_back({offset - v.halfWidth - 3.0, y});
            left.push_back({offset + v.halfWidth + 3.0, y});
        }
    }
    Polyline region = right;
    for (auto it = left.rbegin(); it != left.rend(); ++it)
        region.push_back(*it);
    return region;
}

} // namespace raddraft::phantom::render
