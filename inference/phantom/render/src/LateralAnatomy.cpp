// The lateral view of the normal thorax: patient facing the image's left.

#include "Anatomy.h"

#include "Blur.h"
#include "Random.h"
#include "Rasterizer.h"
#include "ShoulderGirdle.h"
#include "Spine.h"

#include <cmath>
#include <utility>
#include <vector>

namespace raddraft::phantom::render {
namespace {

void drawSoftTissue(ViewCanvas& canvas, const Thorax& thorax, const Raster& texture)
{
    const ViewSetup& v = canvas.setup;
    const BodyModel& b = thorax.body();
    const double coarseMm = 1.0 / (v.spacingMm * v.coarseFactor);
    // Sharp-edged parts go into the density canvas once the coarse layer is assigned to it.
    std::vector<std::pair<Polyline, float>> sharpEdges;
    addEllipticalThickness(canvas, thorax.lateralBody(), 0.72F, 2.0);
    // Shoulders and raised arms overlap the apices.
    const double top = b.yApex;
    const Polyline shoulders = {{b.skinFrontZ(top) + 10.0, -215.0},
                                {b.skinBackZ(top) - 5.0, -215.0},
                                {b.skinBackZ(top + 40.0) - 10.0, top + 45.0},
                                {b.skinFrontZ(top + 40.0) + 20.0, top + 55.0}};
    addBlurredPolygon(canvas.coarse, v.toCoarse(shoulders), 0.12F, 22.0 * coarseMm);
    addBlurredPolygon(canvas.coarse, v.toCoarse(thorax.lateralHeart()), 0.02F, 5.0 * coarseMm);
    sharpEdges.push_back({v.toPixels(thorax.lateralHeart()), 0.02F});
    if (b.female && b.breastSize > 0.0) {
        const double s = b.breastSize;
        const double y = b.yDome[kRight] - 30.0 * b.heightScale;
        // Based on the chest wall, protruding and hanging a little; its tissue also overlaps the
        // anterior lungs.
        const double halfHeight = 58.0 * s;
        const double depth = 40.0 * s;
        Polyline breast;
        for (int i = 0; i <= 24; ++i) {
            const double yy = y - halfHeight + 2.0 * halfHeight * i / 24.0;
            breast.push_back({b.skinFrontZ(yy) + 22.0, yy});
        }
        for (int i = 24; i >= 0; --i) {
            const double t = -1.0 + 2.0 * i / 24.0;
            const double yy = y + halfHeight * t;
            const double bulge = depth * std::sqrt(std::max(0.0, 1.0 - t * t)) * (0.8 + 0.2 * t);
            breast.push_back({b.skinFrontZ(yy) - bulge, yy + 8.0 * s * (1.0 - t * t)});
        }
        addBlurredPolygon(canvas.coarse, v.toCoarse(breast), static_cast<float>(0.10 * s), 4.0 * coarseMm);
        sharpEdges.push_back({v.toPixels(breast), static_cast<float>(0.025 * s)});
    }
    for (std::size_t i = 0; i < canvas.coarse.values().size(); ++i)
        canvas.coarse.values()[i] += 0.006F * texture.values()[i];
    assignCoarseLayer(canvas);
    for (const auto& [polygon, value] : sharpEdges)
        fillPolygon(canvas.density, polygon, value);
}

void drawMediastinum(ViewCanvas& canvas, const Thorax& thorax)
{
    const ViewSetup& v = canvas.setup;
    const BodyModel& b = thorax.body();
    const double mm = 1.0 / v.spacingMm;
    // Aorta: soft-tissue tube against aerated lung.
    const Polyline& aorta = thorax.lateralAorta();
    std::vector<StrokePoint> stroke;
    for (std::size_t i = 0; i < aorta.size(); ++i) {
        const double u = static_cast<double>(i) / static_cast<double>(aorta.size() - 1);
        stroke.push_back({v.toPixel(aorta[i]), static_cast<float>((14.0 - 3.5 * u) * mm), 0.06F});
    }
    strokePolyline(canvas.density, stroke, profiles::solidCylinder());
    // Trachea: an air column running down and back to the carina.
    strokePolyline(canvas.density, v.toPixels(thorax.lateralTrachea()), static_cast<float>(b.tracheaHalfWidth * mm),
                   -0.09F, profiles::flatBand());
    // Upper-lobe bronchi seen end on: dark rings at the hilum.
    const Vec2 carina = thorax.lateralTrachea().back();
    fillEllipse(canvas.density, v.toPixel(carina + Vec2{4.0, 16.0}), 7.0 * mm, 8.0 * mm, 0.0, -0.05F,
                profiles::discSquared());
    fillEllipse(canvas.density, v.toPixel(carina + Vec2{-2.0, 30.0}), 6.0 * mm, 7.0 * mm, 0.0, -0.04F,
                profiles::discSquared());
}

void drawSternum(ViewCanvas& canvas, const BodyModel& b)
{
    const ViewSetup& v = canvas.setup;
    const double mm = 1.0 / v.spacingMm;
    const double top = b.yManubrium();
    const double joint = top + 48.0 * b.heightScale;
    const double bottom = b.yXiphoid();
    std::vector<StrokePoint> manubrium;
    std::vector<StrokePoint> body;
    for (double y = top; y <= bottom; y += 3.0) {
        const double z = b.sternumBackZ(y) - 7.5;
        const double halfWidth = y < joint ? 9.0 - 2.5 * (y - top) / (joint - top) : 6.5;
        StrokePoint p{v.toPixel(Vec2{z, y}), static_cast<float>(halfWidth * mm), 0.09F};
        (y < joint - 1.5 ? manubrium : body).push_back(p);
    }
    strokePolyline(canvas.density, manubrium, profiles::corticalBone());
    strokePolyline(canvas.density, body, profiles::corticalBone());
}

/// Interlobar fissures: the major fissure runs obliquely from the posterior upper thorax to the
/// anterior diaphragm; the minor fissure runs forward from the hilum.
void drawFissures(ViewCanvas& canvas, const Thorax& thorax)
{
    const BodyModel& b = thorax.body();
    if (b.fissureVisibility <= 0.0)
        return;
    const ViewSetup& v = canvas.setup;
    const float width = static_cast<float>(0.5 / v.spacingMm);
    const float peak = static_cast<float>(0.025 * b.fissureVisibility);
    const double yTop = b.yKnob - 5.0;
    const double yBottom = b.yDome[kRight] - 2.0;
    const double front = thorax.lungFrontZ(yBottom);
    const double back = thorax.lungBackZ(yTop);
    const Polyline major = catmullRom({{back - 12.0, yTop},
                                       {0.5 * (back + front) + 10.0, 0.5 * (yTop + yBottom) + 4.0},
                                       {front + 0.3 * (back - front), yBottom}},
                                      3.0);
    strokePolyline(canvas.density, v.toPixels(major), width, peak, profiles::thinLine());
    const double y = b.hilum[kRight].y - 6.0;
    const Polyline minor = {{b.hilum[kRight].z - 10.0, y}, {thorax.lungFrontZ(y) + 6.0, y + 4.0}};
    strokePolyline(canvas.density, v.toPixels(minor), width, peak, profiles::thinLine());
}

void drawGastricBubble(ViewCanvas& canvas, const Thorax& thorax)
{
    const BodyModel& b = thorax.body();
    if (!b.gastricBubble)
        return;
    const ViewSetup& v = canvas.setup;
    const double s = b.gastricBubbleSize;
    const double front = thorax.lungFrontZ(b.yDome[kLeft]);
    const double back = thorax.lungBackZ(b.yDome[kLeft]);
    const Vec2 center{front + 0.45 * (back - front), b.yDome[kLeft] + 8.0 + 20.0 * s};
    Polyline bubble;
    for (int i = 0; i <= 24; ++i) {
        const double a = kPi + kPi * i / 24.0;
        bubble.push_back(center + Vec2{30.0 * s * std::cos(a), 18.0 * s * std::sin(a)});
    }
    addBlurredPolygon(canvas.density, v.toPixels(bubble), -0.07F, 1.2 / v.spacingMm);
}

} // namespace

void drawLateralAnatomy(ViewCanvas& canvas, const AnatomyParts& parts)
{
    const Thorax& thorax = parts.thorax;
    const BodyModel& b = thorax.body();
    const ViewSetup& v = canvas.setup;
    const Raster texture = coarseTexture(v, deriveSeed(parts.studySeed, Stream::Texture) + 1U);
    drawSoftTissue(canvas, thorax, texture);
    LungAirOptions options;
    options.edge = 0.06 * b.lungLucency;
    options.depth = 0.42 * b.lungLucency;
    options.roundingMm = 15.0;
    options.share = 0.5F;
    addLungAir(canvas, {thorax.lateralLung(kRight), thorax.lateralLung(kLeft)},
               {thorax.lateralLung(kRight), thorax.lateralLung(kLeft)}, texture, options);
    // The heart fills the middle of the chest's width: rays through it cross less lung.
    Raster heart(v.coarseRect());
    addBlurredPolygon(heart, v.toCoarse(thorax.lateralHeart()), 1.0F, 3.0 / (v.spacingMm * v.coarseFactor));
    multiplyUpsampled(heart, v.coarseFactor, canvas.lungAir, 1.0F, -0.42F);
    drawMediastinum(canvas, thorax);
    drawSpine(canvas.density, v, b);
    drawSternum(canvas, b);
    drawRibCage(canvas.density, v, parts.ribs);
    drawShoulderGirdle(canvas.density, v, thorax);
    VesselDrawOptions vessels;
    vessels.peakPerMm = 0.011;
    drawVessels(canvas.density, v, parts.vessels, vessels);
    drawFissures(canvas, thorax);
    drawGastricBubble(canvas, thorax);
    composeAnatomy(canvas);
}

} // namespace raddraft::phantom::render
