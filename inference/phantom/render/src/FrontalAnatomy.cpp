// The frontal (PA/AP) view of the normal thorax.

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
    // Body thickness: rounded cross-sections (thin flanks, thick midline; the profile's steep
    // edge is the skin line); neck and shoulders are thinner front to back than the chest.
    const auto neckAndShoulders = [](double y, const void* context) {
        const BodyModel& body = *static_cast<const BodyModel*>(context);
        return 0.7 + 0.3 * smoothstep(body.yApex - 20.0, body.yApex + 45.0, y);
    };
    addEllipticalThickness(canvas, thorax.frontalBody(), 0.64F, 2.0, neckAndShoulders, &b);
    for (int side = 0; side < 2; ++side)
        addEllipticalThickness(canvas, thorax.frontalArm(side), 0.31F, 2.0);
    // Upper abdomen (liver, spleen) is thicker than the chest; the heart is denser than the
    // upper mediastinum.
    addBlurredPolygon(canvas.coarse, v.toCoarse(thorax.frontalAbdomen()), 0.07F, 9.0 * coarseMm);
    addBlurredPolygon(canvas.coarse, v.toCoarse(thorax.frontalHeart()), 0.05F, 9.0 * coarseMm);
    // Neck and shoulder-girdle muscles grey the apices.
    const double apexBand = b.yApex + 45.0 * b.heightScale;
    const double reach = b.lungHalfWidth[kLeft] + 40.0;
    addBlurredPolygon(canvas.coarse, v.toCoarse({{-reach, -215.0}, {reach, -215.0}, {reach, apexBand}, {-reach, apexBand}}),
                      0.09F, 18.0 * coarseMm);
    if (b.female && b.breastSize > 0.0) {
        for (int side = 0; side < 2; ++side) {
            const double s = b.breastSize;
            const Vec2 center{sideSign(side) * 0.55 * b.lungHalfWidth[side], b.yDome[side] - 22.0 * b.heightScale};
            const Polyline breast = ellipsePolygon(center, 64.0 * s * b.widthScale, 60.0 * s, sideSign(side) * 0.15, 48);
            addBlurredPolygon(canvas.coarse, v.toCoarse(breast), static_cast<float>(0.12 * s), 7.0 * coarseMm);
            // The inferior contour (inframammary fold) is sharp.
            Polyline lower;
            for (int i = 0; i <= 24; ++i) {
                const double a = kPi * i / 24.0;
                lower.push_back(center + rotated({64.0 * s * b.widthScale * std::cos(a), 60.0 * s * std::sin(a)},
                                                 sideSign(side) * 0.15));
            }
            sharpEdges.push_back({v.toPixels(lower), static_cast<float>(0.04 * s)});
        }
    }
    // Soft-tissue inhomogeneity.
    for (std::size_t i = 0; i < canvas.coarse.values().size(); ++i)
        canvas.coarse.values()[i] += 0.006F * texture.values()[i];
    assignCoarseLayer(canvas);
    for (const auto& [polygon, value] : sharpEdges)
        fillPolygon(canvas.density, polygon, value);
}

void drawLungs(ViewCanvas& canvas, const Thorax& thorax, const Raster& texture)
{
    const ViewSetup& v = canvas.setup;
    const BodyModel& b = thorax.body();
    LungAirOptions options;
    options.edge = 0.035 * b.lungLucency;
    options.depth = 0.44 * b.lungLucency;
    options.roundingMm = 18.0;
    addLungAir(canvas, {thorax.frontalLungEnvelope(kRight), thorax.frontalLungEnvelope(kLeft)},
               {thorax.frontalLung(kRight), thorax.frontalLung(kLeft)}, texture, options);
    // Lower lobes behind the heart: the heart is less dense than the soft tissue below the
    // diaphragm, and the spine shows through it.
    Raster retrocardiac(v.coarseRect());
    addBlurredPolygon(retrocardiac, v.toCoarse(thorax.frontalHeart()), static_cast<float>(0.09 * b.lungLucency),
                      12.0 / (v.spacingMm * v.coarseFactor));
    addUpsampled(retrocardiac, v.coarseFactor, canvas.lungAir, 1.0F);
}

void drawAirways(ViewCanvas& canvas, const BodyModel& b)
{
    const ViewSetup& v = canvas.setup;
    const double mm = 1.0 / v.spacingMm;
    const double c = b.yCarina;
    const Polyline trachea = catmullRom({{0.0, -215.0}, {-0.5, b.yKnob - 40.0}, {-3.0, b.yKnob}, {-1.5, c - 12.0}, {0.0, c}}, 3.0);
    strokePolyline(canvas.density, v.toPixels(trachea), static_cast<float>(b.tracheaHalfWidth * mm), -0.10F,
                   profiles::flatBand());
    const Polyline right = catmullRom({{-1.0, c - 2.0}, {-20.0, c + 15.0}, {-33.0, c + 34.0}, {-40.0, c + 50.0}}, 3.0);
    const Polyline left = catmullRom({{1.0, c - 2.0}, {24.0, c + 13.0}, {44.0, c + 28.0}, {52.0, c + 40.0}}, 3.0);
    for (const Polyline* bronchus : {&right, &left}) {
        std::vector<StrokePoint> stroke;
        for (std::size_t i = 0; i < bronchus->size(); ++i) {
            const double u = static_cast<double>(i) / static_cast<double>(bronchus->size() - 1);
            stroke.push_back({v.toPixel((*bronchus)[i]), static_cast<float>((6.5 - 2.5 * u) * mm),
                              static_cast<float>(-0.075 * (1.0 - 0.6 * u))});
        }
        strokePolyline(canvas.density, stroke, profiles::flatBand());
    }
}

/// The descending aorta: from the knob down along the left side of the spine, seen through the
/// heart as a faint band whose left edge is the para-aortic line.
void drawDescendingAorta(ViewCanvas& canvas, const BodyModel& b)
{
    const ViewSetup& v = canvas.setup;
    const double top = b.yKnob + 6.0;
    const double bottom = b.yDome[kLeft] + 10.0;
    const Polyline path = catmullRom({{b.knobX - 12.0, top},
                                      {b.spineOffsetX(0.5 * (top + bottom)) + 20.0, 0.5 * (top + bottom)},
                                      {b.spineOffsetX(bottom) + 14.0, bottom}},
                                     3.0);
    strokePolyline(canvas.density, v.toPixels(path), static_cast<float>(11.0 / v.spacingMm), 0.028F,
                   profiles::solidCylinder());
}

/// The minor (horizontal) fissure of the right lung, seen tangentially on a frontal film.
void drawMinorFissure(ViewCanvas& canvas, const Thorax& thorax)
{
    const BodyModel& b = thorax.body();
    if (b.fissureVisibility <= 0.0)
        return;
    const ViewSetup& v = canvas.setup;
    const double y = b.hilum[kRight].y - 6.0;
    const double medial = thorax.borderX(kRight, y) - 14.0;
    const double lateral = thorax.wallX(kRight, y + 8.0) + 6.0;
    const Polyline fissure = catmullRom({{medial, y}, {0.5 * (medial + lateral), y + 3.0}, {lateral, y + 8.0}}, 3.0);
    strokePolyline(canvas.density, v.toPixels(fissure), static_cast<float>(0.5 / v.spacingMm),
                   static_cast<float>(0.03 * b.fissureVisibility), profiles::thinLine());
}

void drawGastricBubble(ViewCanvas& canvas, const BodyModel& b)
{
    if (!b.gastricBubble)
        return;
    const ViewSetup& v = canvas.setup;
    const double s = b.gastricBubbleSize;
    const Vec2 center{0.42 * b.lungHalfWidth[kLeft], b.yDome[kLeft] + 8.0 + 20.0 * s};
    // Air above a fluid level: the upper half of an ellipse closed by a horizontal line.
    Polyline bubble;
    for (int i = 0; i <= 24; ++i) {
        const double a = kPi + kPi * i / 24.0;
        bubble.push_back(center + Vec2{34.0 * s * std::cos(a), 20.0 * s * std::sin(a)});
    }
    addBlurredPolygon(canvas.density, v.toPixels(bubble), -0.12F, 1.2 / v.spacingMm);
}

} // namespace

void drawFrontalAnatomy(ViewCanvas& canvas, const AnatomyParts& parts)
{
    const Thorax& thorax = parts.thorax;
    const BodyModel& b = thorax.body();
    const ViewSetup& v = canvas.setup;
    const Raster texture = coarseTexture(v, deriveSeed(parts.studySeed, Stream::Texture));
    drawSoftTissue(canvas, thorax, texture);
    drawLungs(canvas, thorax, texture);
    drawAirways(canvas, b);
    drawSpine(canvas.density, v, b);
    drawRibCage(canvas.density, v, parts.ribs);
    drawShoulderGirdle(canvas.density, v, thorax);
    VesselDrawOptions vessels;
    vessels.peakPerMm = 0.016;
    drawVessels(canvas.density, v, parts.vessels, vessels);
    drawDescendingAorta(canvas, b);
    drawMinorFissure(canvas, thorax);
    drawGastricBubble(canvas, b);
    composeAnatomy(canvas);
}

} // namespace raddraft::phantom::render
