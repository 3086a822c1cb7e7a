#include "DeviceFindings.h"

#include "Blur.h"
#include "Rasterizer.h"
#include "ShoulderGirdle.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {
namespace {

/// A path as a layer: a catheter or lead of half width (mm) and peak density.
Raster drawLine(const ViewSetup& view, const Polyline& pathMm, double halfWidthMm, double peak)
{
    const Polyline path = catmullRom(pathMm, 2.0);
    Raster layer = layerOver(view, path, halfWidthMm + 3.0);
    strokePolyline(layer, view.toPixels(path), static_cast<float>(view.pixels(halfWidthMm)),
                   static_cast<float>(peak), profiles::solidCylinder());
    return layer;
}

/// Adds `source` into `target`, growing target's rectangle to cover both.
void merge(Raster& target, const Raster& source)
{
    if (source.empty())
        return;
    if (target.empty()) {
        target = source;
        return;
    }
    const PixelRect a = target.rect();
    const PixelRect b = source.rect();
    Raster merged({std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)});
    target.addTo(merged);
    source.addTo(merged);
    target = std::move(merged);
}

} // namespace

FindingEffect renderEndotrachealTube(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const double strength = findingStrength(finding);
    const double tip = b.yCarina - random.uniform(32.0, 62.0);
    FindingEffect effect;
    {
        const ViewSetup& view = scene.frontal.setup;
        const double shift = random.uniform(-2.0, 2.0);
        const Polyline path = catmullRom({{shift + 4.0, -215.0}, {shift, b.yApex - 40.0}, {shift - 1.5, tip}}, 2.0);
        Raster layer = layerOver(view, path, 10.0);
        // The tube's plastic wall, and the radiopaque stripe running along one side.
        strokePolyline(layer, view.toPixels(path), static_cast<float>(view.pixels(5.0)), static_cast<float>(0.045 * strength),
                       profiles::hollowTube());
        Polyline stripe;
        for (const Vec2& p : path)
            stripe.push_back(p + Vec2{2.2, 0.0});
        strokePolyline(layer, view.toPixels(stripe), static_cast<float>(view.pixels(0.8)),
                       static_cast<float>(0.32 * strength), profiles::solidCylinder());
        effect.frontal.contribution = std::move(layer);
    }
    {
        const ViewSetup& view = scene.lateral.setup;
        const Polyline& trachea = scene.thorax.lateralTrachea();
        Polyline path = {{trachea.front().x - 30.0, -215.0}};
        for (const Vec2& p : trachea)
            if (p.y > b.yApex - 45.0 && p.y <= tip)
                path.push_back(p + Vec2{-1.0, 0.0});
        if (path.size() >= 2) {
            path = catmullRom(path, 2.0);
            Raster layer = layerOver(view, path, 10.0);
            strokePolyline(layer, view.toPixels(path), static_cast<float>(view.pixels(5.0)),
                           static_cast<float>(0.04 * strength), profiles::hollowTube());
            strokePolyline(layer, view.toPixels(path), static_cast<float>(view.pixels(0.8)),
                           static_cast<float>(0.30 * strength), profiles::solidCylinder());
            effect.lateral.contribution = std::move(layer);
        }
    }
    return effect;
}

FindingEffect renderCentralLine(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const Thorax& thorax = scene.thorax;
    const double strength = findingStrength(finding);
    const int side = finding.side == Side::Left ? kLeft : kRight;
    const double sign = sideSign(side);
    const bool subclavian = random.chance(0.6);
    const double svcX = -0.5 * b.heartRight - 2.0;
    const double tipY = b.yPulmonaryTrunk + random.uniform(8.0, 24.0);
    const Polyline clavicle = clavicleCurve(b, side);
    const double clavicleY = clavicle[clavicle.size() / 2].y;
    Polyline frontal;
    if (subclavian) {
        frontal = {{sign * (0.8 * b.lungHalfWidth[side] + 12.0), clavicleY + 16.0},
                   {sign * 0.5 * b.lungHalfWidth[side], clavicle.front().y + 10.0},
                   {sign * 24.0, b.yKnob - 14.0}};
    } else {
        frontal = {{sign * 40.0, -215.0}, {sign * 32.0, b.yApex - 10.0}, {sign * 22.0, clavicle.front().y + 6.0}};
    }
    if (side == kLeft)
        frontal.push_back({-4.0, b.yKnob - 6.0});
    frontal.push_back({svcX, b.yKnob + 12.0});
    frontal.push_back({svcX + 0.5, tipY});
    FindingEffect effect;
    effect.frontal.contribution = drawLine(scene.frontal.setup, frontal, 1.1, 0.22 * strength);
    // Lateral: from the anterior upper chest (or the neck) back to the SVC, tip anterior-superior.
    const double entryY = subclavian ? clavicleY + 16.0 : -215.0;
    Polyline lateral;
    if (subclavian)
        lateral.push_back({b.skinFrontZ(entryY) + 6.0, entryY});
    else
        lateral.push_back({b.spineFrontZ(-215.0) - 45.0, -215.0});
    lateral.push_back({thorax.lungFrontZ(b.yKnob) + 22.0, b.yKnob - 6.0});
    lateral.push_back({thorax.lungFrontZ(b.yPulmonaryTrunk) + 36.0, b.yKnob + 14.0});
    lateral.push_back({thorax.lungFrontZ(b.yPulmonaryTrunk) + 40.0, tipY});
    effect.lateral.contribution = drawLine(scene.lateral.setup, lateral, 1.1, 0.2 * strength);
    return effect;
}

FindingEffect renderPacemaker(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const Thorax& thorax = scene.thorax;
    const double strength = findingStrength(finding);
    const int side = finding.side == Side::Right ? kRight : kLeft;
    const double sign = sideSign(side);
    const bool dualChamber = random.chance(0.6);
    const Vec2 generator{sign * 0.6 * b.lungHalfWidth[side] * random.jitter(1.0, 0.05), b.yApex + random.uniform(52.0, 70.0)};
    const double angle = random.uniform(-0.25, 0.25);
    const double halfW = 24.0;
    const double halfH = 20.0;
    const Vec2 header = generator + rotated({-sign * 4.0, -halfH - 5.0}, angle);
    const Vec2 veinEntry{sign * 0.36 * b.lungHalfWidth[side], clavicleCurve(b, side).front().y + 14.0};
    const double svcX = -0.5 * b.heartRight - 2.0;
    const Vec2 svc{svcX, b.yKnob + 14.0};
    const Vec2 atrium{-0.65 * b.heartRight, b.yPulmonaryTrunk + 0.45 * (b.yDome[kRight] - b.yPulmonaryTrunk)};
    const Vec2 apex{0.6 * b.heartLeft, b.yDome[kLeft] - 14.0};
    // From the header medially into the subclavian vein, then SVC, right atrium, right ventricle.
    const Vec2 slack = header + Vec2{-sign * (halfW * 0.6), -9.0};
    std::vector<Polyline> frontalLeads = {{header, slack, veinEntry, {sign * 18.0, b.yKnob - 12.0}, svc, atrium,
                                           {0.1 * b.heartLeft, b.yDome[kLeft] - 4.0}, apex}};
    if (dualChamber)
        frontalLeads.push_back({header, slack + Vec2{0.0, 4.0}, veinEntry + Vec2{0.0, 3.0},
                                {sign * 16.0, b.yKnob - 10.0}, svc, {svcX - 4.0, b.yPulmonaryTrunk + 40.0},
                                {-0.45 * b.heartRight, b.yPulmonaryTrunk + 22.0}});
    FindingEffect effect;
    {
        const ViewSetup& view = scene.frontal.setup;
        Raster layer;
        for (const Polyline& lead : frontalLeads) {
            merge(layer, drawLine(view, lead, 1.2, 0.34 * strength));
            const Polyline smooth = catmullRom(lead, 2.0);
            Raster tip = layerOver(view, {smooth.back()}, 6.0);
            fillEllipse(tip, view.toPixel(smooth.back()), view.pixels(2.6), view.pixels(2.6), 0.0,
                        static_cast<float>(0.3 * strength), profiles::discSquared());
            merge(layer, tip);
        }
        Polyline box;
        for (int i = 0; i < 32; ++i) {
            const double t = 2.0 * kPi * i / 32.0;
            const double ct = std::cos(t);
            const double st = std::sin(t);
            box.push_back(generator + rotated({halfW * std::copysign(std::pow(std::fabs(ct), 0.35), ct),
                                               halfH * std::copysign(std::pow(std::fabs(st), 0.35), st)},
                                              angle));
        }
        Raster can = layerOver(view, box, 12.0);
        fillPolygon(can, view.toPixels(box), static_cast<float>(0.42 * strength));
        // Battery (denser) and the header block with its connectors (less dense epoxy).
        fillEllipse(can, view.toPixel(generator + rotated({sign * 5.0, 4.0}, angle)), view.pixels(0.55 * halfW),
                    view.pixels(0.55 * halfH), angle, static_cast<float>(0.1 * strength), profiles::discSquared());
        fillEllipse(can, view.toPixel(header), view.pixels(13.0), view.pixels(5.5), angle, static_cast<float>(0.12 * strength),
                    profiles::discSquared());
        for (const double dx : {-5.0, 4.0})
            fillEllipse(can, view.toPixel(header + rotated({dx, 0.0}, angle)), view.pixels(1.8), view.pixels(1.8), 0.0,
                        static_cast<float>(0.25 * strength), profiles::discSquared());
        merge(layer, can);
        effect.frontal.contribution = std::move(layer);
    }
    {
        const ViewSetup& view = scene.lateral.setup;
        const double front = b.skinFrontZ(generator.y) + 7.0;
        const Vec2 can{front, generator.y};
        std::vector<Polyline> leads = {{can + Vec2{4.0, -18.0}, {thorax.lungFrontZ(b.yKnob - 20.0) + 20.0, b.yKnob - 20.0},
                                        {thorax.lungFrontZ(b.yKnob) + 40.0, b.yKnob + 14.0},
                                        {thorax.lungFrontZ(atrium.y) + 52.0, atrium.y},
                                        {thorax.lungFrontZ(apex.y) + 18.0, apex.y}}};
        if (dualChamber)
            leads.push_back({can + Vec2{4.0, -18.0}, {thorax.lungFrontZ(b.yKnob - 20.0) + 22.0, b.yKnob - 18.0},
                             {thorax.lungFrontZ(b.yKnob) + 42.0, b.yKnob + 16.0},
                             {thorax.lungFrontZ(b.yPulmonaryTrunk) + 42.0, b.yPulmonaryTrunk + 24.0},
                             {thorax.lungFrontZ(b.yPulmonaryTrunk) + 32.0, b.yPulmonaryTrunk + 14.0}});
        Raster layer;
        for (const Polyline& lead : leads)
            merge(layer, drawLine(view, lead, 1.2, 0.3 * strength));
        // The can seen edge on: a thin, very dense plate.
        const Polyline plate = {can + Vec2{-5.0, -halfH}, can + Vec2{5.0, -halfH}, can + Vec2{5.0, halfH}, can + Vec2{-5.0, halfH}};
        Raster edge = layerOver(view, plate, 4.0);
        addBlurredPolygon(edge, view.toPixels(plate), static_cast<float>(0.55 * strength), 0.6 / view.spacingMm);
        merge(layer, edge);
        effect.lateral.contribution = std::move(layer);
    }
    return effect;
}

FindingEffect renderSternotomyWires(const FindingInstance& finding, const FindingScene& scene)
{
    Random random = findingRandom(finding);
    const BodyModel& b = scene.body;
    const double strength = findingStrength(finding);
    const int count = random.integer(5, 7);
    const double top = b.yManubrium() + 10.0;
    const double bottom = b.yXiphoid() - 18.0;
    FindingEffect effect;
    Raster frontal = layerOver(scene.frontal.setup, {{-16.0, top - 8.0}, {16.0, bottom + 8.0}}, 4.0);
    Raster lateral = layerOver(scene.lateral.setup, {{b.skinFrontZ(bottom) - 4.0, top - 8.0},
                                                      {b.sternumBackZ(top) + 6.0, bottom + 8.0}},
                               4.0);
    const ViewSetup& fv = scene.frontal.setup;
    const ViewSetup& lv = scene.lateral.setup;
    const float wire = static_cast<float>(0.42 * strength);
    for (int i = 0; i < count; ++i) {
        const double y = top + (bottom - top) * i / (count - 1) + random.uniform(-3.0, 3.0);
        const Vec2 c{random.uniform(-2.5, 2.5), y};
        const double rx = random.uniform(7.0, 10.0);
        const double ry = random.uniform(2.2, 3.6);
        const double rotation = random.uniform(-0.15, 0.15);
        strokePolyline(frontal, fv.toPixels(ellipsePolygon(c, rx, ry, rotation, 24)),
                       static_cast<float>(fv.pixels(0.75)), wire, profiles::solidCylinder(), true);
        if (random.chance(0.3)) // figure of eight
            strokePolyline(frontal, fv.toPixels(ellipsePolygon(c + Vec2{0.0, 2.0 * ry}, rx, ry, rotation, 24)),
                           static_cast<float>(fv.pixels(0.75)), wire, profiles::solidCylinder(), true);
        const double knotSide = random.chance(0.5) ? 1.0 : -1.0;
        fillEllipse(frontal, fv.toPixel(c + Vec2{knotSide * (rx + 1.5), 0.0}), fv.pixels(2.2), fv.pixels(1.6), 0.4,
                    static_cast<float>(0.35 * strength), profiles::discSquared());
        // Lateral: the loop crosses the sternum from its back to its front, knot anteriorly.
        const double back = b.sternumBackZ(y) + 1.0;
        const double frontZ = b.skinFrontZ(y) + 5.0;
        const Polyline loop = catmullRom({{back, y}, {0.5 * (back + frontZ), y - 1.5}, {frontZ, y}}, 1.0);
        strokePolyline(lateral, lv.toPixels(loop), static_cast<float>(lv.pixels(0.8)), wire,
                       profiles::solidCylinder());
        fillEllipse(lateral, lv.toPixel(Vec2{frontZ - 1.0, y}), lv.pixels(2.0), lv.pixels(1.6), 0.0,
                    static_cast<float>(0.35 * strength), profiles::discSquared());
    }
    effect.frontal.contribution = std::move(frontal);
    effect.lateral.contribution = std::move(lateral);
    return effect;
}

} // namespace raddraft::phantom::render
