#include "ShoulderGirdle.h"

#include "Blur.h"
#include "Rasterizer.h"
#include "RibCage.h"

#include <cmath>

namespace raddraft::phantom::render {

Polyline clavicleCurve(const BodyModel& body, int side)
{
    const double w = body.widthScale;
    const double sign = sideSign(side);
    const double medial = body.yApex + 58.0 * body.heightScale - (body.anteroposterior ? 26.0 : 0.0);
    // AP: the clavicles lie flatter and higher.
    const double rise = body.anteroposterior ? 0.5 : 1.0;
    const Polyline controls = {{sign * 19.0 * w, medial},
                               {sign * 40.0 * w, medial - 12.0 * rise},
                               {sign * 70.0 * w, medial - 21.0 * rise},
                               {sign * 105.0 * w, medial - 27.0 * rise},
                               {sign * 135.0 * w, medial - 34.0 * rise},
                               {sign * 158.0 * w, medial - 46.0 * rise}};
    return catmullRom(controls, 3.0);
}

namespace {

void drawFrontal(Raster& target, const ViewSetup& view, const Thorax& thorax)
{
    const BodyModel& b = thorax.body();
    const double mm = 1.0 / view.spacingMm;
    const double w = b.widthScale;
    for (int side = 0; side < 2; ++side) {
        const double sign = sideSign(side);
        const double lung = b.lungHalfWidth[side];
        const double cw = b.chestWallThickness;

        // Scapula: body lateral to the ribs (PA) or over the upper lung (AP), dense lateral border.
        const double overlap = b.scapulaOverlap;
        const Vec2 superior{sign * (0.80 * lung - 30.0 * overlap), b.yApex + 6.0};
        const Vec2 glenoid{sign * (lung + cw + 14.0), b.yApex + 30.0};
        const Vec2 inferior{sign * (lung * (0.97 - 0.25 * overlap)), b.yApex + 150.0 * b.heightScale};
        const Vec2 medialMid{sign * (lung * (0.88 - 0.3 * overlap)), b.yApex + 70.0};
        const Polyline scapula = catmullRom({superior, medialMid, inferior}, 3.0);
        Polyline body = scapula;
        body.push_back(glenoid);
        addBlurredPolygon(target, view.toPixels(body), 0.035F, 2.0 * mm);
        strokePolyline(target, view.toPixels(scapula), static_cast<float>(1.4 * mm), 0.03F, profiles::thinLine());
        strokePolyline(target, view.toPixels({glenoid, inferior}), static_cast<float>(4.5 * mm), 0.06F,
                       profiles::corticalBone());

        // Humeral head and shaft, glenoid rim, acromion.
        const Vec2 head{sign * (lung + cw + 40.0 * w), b.yApex + 14.0};
        const double radius = 24.0 * std::sqrt(w);
        fillEllipse(target, view.toPixel(head), radius * mm, radius * mm * 1.05, 0.0, 0.07F, profiles::sphereSquared());
        strokePolyline(target, view.toPixels(ellipsePolygon(head, radius, radius * 1.05, 0.0, 40)),
                       static_cast<float>(1.5 * mm), 0.03F, profiles::thinLine(), true);
        strokePolyline(target, view.toPixels({head + Vec2{sign * 6.0, 16.0}, head + Vec2{sign * 16.0, 170.0}}),
                       static_cast<float>(11.0 * mm), 0.06F, profiles::corticalBone());
        const Polyline clavicle = clavicleCurve(b, side);
        strokePolyline(target, view.toPixels({clavicle.back(), head + Vec2{sign * 4.0, -radius - 4.0}}),
                       static_cast<float>(6.0 * mm), 0.07F, profiles::corticalBone());

        // Clavicle: bulbous medial end, slender shaft.
        std::vector<StrokePoint> stroke;
        for (std::size_t i = 0; i < clavicle.size(); ++i) {
            const double u = static_cast<double>(i) / static_cast<double>(clavicle.size() - 1);
            const double halfWidth = (7.5 - 2.5 * std::sin(kPi * std::min(u * 1.4, 1.0)) + 0.8 * u) * std::sqrt(w);
            stroke.push_back({view.toPixel(clavicle[i]), static_cast<float>(halfWidth * mm), 0.085F});
        }
        strokePolyline(target, stroke, profiles::corticalBone());
    }
}

void drawLateral(Raster& target, const ViewSetup& view, const Thorax& thorax)
{
    const BodyModel& b = thorax.body();
    const double mm = 1.0 / view.spacingMm;
    const double back = thorax.lungBackZ(b.yApex + 40.0);
    for (int side = 0; side < 2; ++side) {
        const double m = side == kRight ? kLateralFarSideMagnification : 1.0;
        const double shift = side == kRight ? 6.0 : -4.0;
        // Scapula: an oblique plate over the upper posterior chest.
        const Polyline scapula = {Vec2{back - 48.0 + shift, b.yApex - 14.0} * m,
                                  Vec2{back - 12.0 + shift, b.yApex + 138.0 * b.heightScale} * m,
                                  Vec2{back - 78.0 + shift, b.yApex + 36.0} * m};
        addBlurredPolygon(target, view.toPixels(scapula), 0.03F, 2.5 * mm);
        strokePolyline(target, view.toPixels({scapula[0], scapula[1]}), static_cast<float>(2.5 * mm), 0.03F,
                       profiles::corticalBone());
        // Clavicle: seen end-on-ish, anterior and superior.
        const double medial = b.yApex + 40.0 - (b.anteroposterior ? 24.0 : 0.0);
        const double front = b.skinFrontZ(medial);
        const Polyline clavicle = {Vec2{front + 16.0 + shift, medial} * m, Vec2{front + 40.0 + shift, medial - 22.0} * m,
                                   Vec2{front + 75.0 + shift, medial - 36.0} * m};
        strokePolyline(target, view.toPixels(catmullRom(clavicle, 3.0)), static_cast<float>(6.5 * mm), 0.05F,
                       profiles::corticalBone());
    }
}

} // namespace

void drawShoulderGirdle(Raster& target, const ViewSetup& view, const Thorax& thorax)
{
    if (view.kind == ViewKind::Frontal)
        drawFrontal(target, view, thorax);
    else
        drawLateral(target, view, thorax);
}

} // namespace raddraft::phantom::render
