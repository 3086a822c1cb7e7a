#include "Thorax.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {
namespace {

constexpr double kFieldTop = -215.0;    // beyond the 380 mm field, so outlines leave it cleanly
constexpr double kFieldBottom = 215.0;

/// Samples `controls` (given as (x, y) with y increasing) into a y-monotone curve.
Polyline monotoneCurve(const Polyline& controls, double step)
{
    Polyline sampled = catmullRom(controls, step);
    Polyline out;
    out.reserve(sampled.size());
    for (const Vec2& p : sampled)
        if (out.empty() || p.y > out.back().y + 1e-6)
            out.push_back(p);
    return out;
}

} // namespace

Thorax::Thorax(const BodyModel& body) : body_(body)
{
    buildBorders();
    for (int side = 0; side < 2; ++side) {
        frontalLung_[side] = buildFrontalLung(side, 0.0);
        frontalLungEnvelope_[side] = buildFrontalLung(side, 9.0);
    }
    buildFrontalHeart();
    buildFrontalBody();
    for (int side = 0; side < 2; ++side)
        buildLateralLung(side);
    buildLateralHeart();
    buildLateralBodyAndVessels();
    for (int side = 0; side < 2; ++side) {
        frontalRegion_[side] = RegionTable(frontalLung_[side]);
        lateralRegion_[side] = RegionTable(lateralLung_[side]);
    }
}

double Thorax::wallX(int side, double y) const
{
    const BodyModel& b = body_;
    const double t = std::clamp((y - b.yApex) / (b.yCostophrenic[side] - b.yApex), 0.0, 1.0);
    const double u = 1.0 - std::min(t / 0.75, 1.0);
    const double g = 0.30 + 0.70 * (1.0 - std::pow(u, 2.3));
    return sideSign(side) * b.lungHalfWidth[side] * g;
}

double Thorax::diaphragmY(int side, double absX) const
{
    const BodyModel& b = body_;
    const double peak = 0.5 * b.lungHalfWidth[side];
    const double wall = b.lungHalfWidth[side];
    if (absX >= peak) {
        const double t = (absX - peak) / (wall - peak);
        return b.yDome[side] + b.domeHeight[side] * t * t;
    }
    const double t = (peak - absX) / peak;
    return b.yDome[side] + 0.45 * b.domeHeight[side] * t * t;
}

double Thorax::borderX(int side, double y) const
{
    return sideSign(side) * xAtY(side == kRight ? rightBorder_ : leftBorder_, y);
}

void Thorax::buildBorders()
{
    const BodyModel& b = body_;
    const double s = std::sqrt(b.widthScale);
    const double yPA = b.yPulmonaryTrunk;
    {
        // Left: subclavian, aortic knob, aorto-pulmonary window, pulmonary trunk, left atrial
        // appendage, left ventricle down to the apex below the dome.
        const double L = b.heartLeft;
        const double yLV = yPA + 28.0 * b.heightScale;
        const double yBottom = b.yDome[kLeft] + 18.0;
        const double H = std::max(40.0, yBottom - yLV);
        const double widest = yLV + (0.58 + 0.07 * b.heartShapeJitter) * H;
        const double knob = b.knobX;
        const double pa = b.pulmonaryTrunkX;
        leftBorder_ = monotoneCurve({{17.0 * s, kFieldTop},
                                     {19.0 * s, b.yKnob - 36.0},
                                     {knob - 7.0, b.yKnob - 15.0},
                                     {knob, b.yKnob},
                                     {knob - 5.0, b.yKnob + 13.0},
                                     {std::min(knob, pa) - 8.0, b.yKnob + 22.0},
                                     {pa, yPA},
                                     {pa - 1.0, yPA + 14.0},
                                     {pa + 6.0, yLV},
                                     {0.93 * L, yLV + 0.3 * H},
                                     {L, widest},
                                     {0.965 * L, yLV + 0.86 * H},
                                     {0.86 * L, yLV + H}},
                                    2.0);
        // Keep the ventricle's maximum exactly at L (the spline may overshoot slightly).
        double maxX = 0.0;
        for (const Vec2& p : leftBorder_)
            if (p.y > yLV)
                maxX = std::max(maxX, p.x);
        for (Vec2& p : leftBorder_)
            if (p.y > yLV + 0.1 * H && maxX > 0.0)
                p.x *= L / maxX;
    }
    {
        const double R = b.heartRight;
        const double yRA = yPA + 8.0 * b.heightScale;
        const double yBottom = b.yDome[kRight] + 18.0;
        const double H = std::max(40.0, yBottom - yRA);
        const double svc = 21.0 * s;
        rightBorder_ = monotoneCurve({{16.0 * s, kFieldTop},
                                      {18.0 * s, b.yKnob - 20.0},
                                      {svc, b.yKnob + 12.0},
                                      {svc + 2.0, yRA},
                                      {0.88 * R, yRA + 0.36 * H},
                                      {R, yRA + 0.64 * H},
                                      {0.95 * R, yRA + 0.88 * H},
                                      {0.9 * R, yRA + H}},
                                     2.0);
        double maxX = 0.0;
        for (const Vec2& p : rightBorder_)
            if (p.y > yRA)
                maxX = std::max(maxX, p.x);
        for (Vec2& p : rightBorder_)
            if (p.y > yRA + 0.1 * H && maxX > 0.0)
                p.x *= R / maxX;
    }
    for (int side = 0; side < 2; ++side) {
        double y = body_.yDome[side] + 10.0;
        double ax = 0.0;
        for (int i = 0; i < 8; ++i) {
            ax = std::fabs(borderX(side, y));
            y = diaphragmY(side, ax);
        }
        cardiophrenic_[side] = {sideSign(side) * ax, y};
    }
}

Polyline Thorax::buildFrontalLung(int side, double outward) const
{
    const BodyModel& b = body_;
    const double sign = sideSign(side);
    const double capHeight = 26.0 * b.heightScale + 0.7 * outward;
    const double capBase = b.yApex + 26.0 * b.heightScale;
    const double medialX = std::fabs(borderX(side, capBase)) + 2.0;
    const double lateralX = std::fabs(wallX(side, capBase)) + outward;
    Polyline lung;
    // Apical cap: half ellipse from the medial to the lateral end, its top at yApex.
    const double cx = 0.5 * (medialX + lateralX);
    const double rx = 0.5 * (lateralX - medialX);
    for (int i = 0; i <= 24; ++i) {
        const double a = kPi * (1.0 - i / 24.0);
        lung.push_back({sign * (cx + rx * std::cos(a)), capBase - capHeight * std::sin(a)});
    }
    // Lateral wall down to the costophrenic angle.
    const double yCP = b.yCostophrenic[side];
    for (double y = capBase + 3.0; y < yCP; y += 3.0)
        lung.push_back({wallX(side, y) + sign * outward, y});
    lung.push_back({wallX(side, yCP) + sign * outward, yCP});
    // Diaphragm from the costophrenic to the cardiophrenic angle.
    const double cardioX = std::fabs(cardiophrenic_[side].x);
    for (double ax = std::fabs(wallX(side, yCP)) - 2.0; ax > cardioX; ax -= 2.5)
        lung.push_back({sign * ax, diaphragmY(side, ax)});
    // Medial border (heart, then mediastinum) up to the cap.
    for (double y = cardiophrenic_[side].y; y > capBase; y -= 2.5)
        lung.push_back({borderX(side, y) + sign * 1.0, y});
    return lung;
}

void Thorax::buildFrontalHeart()
{
    const BodyModel& b = body_;
    const double top = b.yPulmonaryTrunk + 8.0 * b.heightScale;
    frontalHeart_.clear();
    for (double y = top; y < cardiophrenic_[kLeft].y; y += 2.0)
        frontalHeart_.push_back({borderX(kLeft, y), y});
    frontalHeart_.push_back(cardiophrenic_[kLeft]);
    frontalHeart_.push_back(cardiophrenic_[kRight]);
    for (double y = cardiophrenic_[kRight].y; y > top; y -= 2.0)
        frontalHeart_.push_back({borderX(kRight, y), y});

    frontalMediastinum_.clear();
    for (const Vec2& p : rightBorder_)
        frontalMediastinum_.push_back({-p.x, p.y});
    for (auto it = leftBorder_.rbegin(); it != leftBorder_.rend(); ++it)
        frontalMediastinum_.push_back(*it);
}

void Thorax::buildFrontalBody()
{
    const BodyModel& b = body_;
    const double w = b.widthScale;
    const double neck = 52.0 * std::pow(w, 0.7);
    const double yNeck = b.yApex - 30.0 * b.heightScale;
    const double cw = b.chestWallThickness;
    Polyline half; // right half, top to bottom, |x|
    half.push_back({neck, kFieldTop});
    half.push_back({neck + 1.0, yNeck - 10.0});
    half.push_back({neck + 22.0, yNeck + 8.0});
    half.push_back({0.72 * b.lungHalfWidth[kRight] + cw + 12.0, b.yApex - 6.0});
    half.push_back({0.92 * b.lungHalfWidth[kRight] + cw + 16.0, b.yApex + 16.0});
    for (double y = b.yApex + 45.0; y < kFieldBottom; y += 12.0) {
        const double wall = std::fabs(wallX(kRight, std::min(y, b.yCostophrenic[kRight])));
        const double below = std::max(0.0, y - b.yCostophrenic[kRight]);
        half.push_back({wall + cw - 0.08 * below, y});
    }
    half.push_back({b.lungHalfWidth[kRight] + cw - 0.08 * (kFieldBottom - b.yCostophrenic[kRight]), kFieldBottom});
    const Polyline right = catmullRom(half, 3.0);
    frontalBody_.clear();
    for (const Vec2& p : right)
        frontalBody_.push_back({-p.x, p.y});
    // Left side mirrored with the left hemithorax's width.
    const double widthRatio = b.lungHalfWidth[kLeft] / b.lungHalfWidth[kRight];
    for (auto it = right.rbegin(); it != right.rend(); ++it)
        frontalBody_.push_back({it->x * (it->y > b.yApex ? widthRatio : 1.0), it->y});

    for (int side = 0; side < 2; ++side) {
        const double sign = sideSign(side);
        const double inner = b.lungHalfWidth[side] + cw + 10.0;
        const double outer = inner + 58.0 * w;
        const Polyline arm = catmullRom({{inner + 0.04 * (kFieldBottom - b.yApex), kFieldBottom},
                                         {inner, b.yApex + 70.0},
                                         {inner + 4.0, b.yApex + 18.0},
                                         {inner + 28.0, b.yApex - 10.0},
                                         {outer, b.yApex + 22.0},
                                         {outer + 6.0, kFieldBottom}},
                                        3.0);
        frontalArm_[side].clear();
        for (const Vec2& p : arm)
            frontalArm_[side].push_back({sign * p.x, p.y});
    }

    // Abdomen: from the right costophrenic angle along both domes to the left one, then down.
    frontalAbdomen_.clear();
    const double rightEdge = std::fabs(wallX(kRight, b.yCostophrenic[kRight])) + cw;
    const double leftEdge = std::fabs(wallX(kLeft, b.yCostophrenic[kLeft])) + cw;
    frontalAbdomen_.push_back({-rightEdge, kFieldBottom});
    frontalAbdomen_.push_back({-rightEdge, b.yCostophrenic[kRight] + 4.0});
    for (double ax = b.lungHalfWidth[kRight]; ax > 0.0; ax -= 3.0)
        frontalAbdomen_.push_back({-ax, diaphragmY(kRight, ax)});
    for (double ax = 0.0; ax <= b.lungHalfWidth[kLeft]; ax += 3.0)
        frontalAbdomen_.push_back({ax, diaphragmY(kLeft, ax)});
    frontalAbdomen_.push_back({leftEdge, b.yCostophrenic[kLeft] + 4.0});
    frontalAbdomen_.push_back({leftEdge, kFieldBottom});
}

double Thorax::lungFrontZ(double y) const { return body_.sternumBackZ(y) + 3.0; }

double Thorax::lungBackZ(double y) const { return body_.skinBackZ(y) - 30.0 * std::sqrt(body_.widthScale); }

double Thorax::lateralDiaphragmY(int side, double z) const
{
    const BodyModel& b = body_;
    const double front = lungFrontZ(b.yDome[side]);
    const double back = lungBackZ(b.yDome[side]);
    const double peak = front + 0.38 * (back - front);
    if (z >= peak) {
        const double t = (z - peak) / (back - peak);
        return b.yDome[side] + 1.6 * b.domeHeight[side] * t * t;
    }
    const double t = (peak - z) / (peak - front);
    return b.yDome[side] + 0.55 * b.domeHeight[side] * t * t;
}

void Thorax::buildLateralLung(int side)
{
    const BodyModel& b = body_;
    const double h = b.heightScale;
    Polyline& lung = lateralLung_[side];
    lung.clear();
    const double top = b.yApex;
    const double zTop = 0.5 * (lungFrontZ(top + 45.0) + lungBackZ(top + 20.0)) + 16.0;
    const Polyline cap = catmullRom({{lungFrontZ(top + 62.0 * h), top + 62.0 * h},
                                     {lungFrontZ(top + 44.0 * h) + 8.0, top + 32.0 * h},
                                     {zTop - 26.0, top + 6.0},
                                     {zTop, top},
                                     {zTop + 28.0, top + 7.0},
                                     {lungBackZ(top + 40.0 * h) - 2.0, top + 40.0 * h}},
                                    3.0);
    lung.insert(lung.end(), cap.begin(), cap.end());
    const double back = lungBackZ(b.yDome[side]);
    const double sulcus = lateralDiaphragmY(side, back);
    for (double y = top + 43.0 * h; y < sulcus; y += 3.0)
        lung.push_back({lungBackZ(y), y});
    const double front = lungFrontZ(b.yDome[side]);
    for (double z = back; z > front; z -= 3.0)
        lung.push_back({z, lateralDiaphragmY(side, z)});
    for (double y = lateralDiaphragmY(side, front); y > top + 62.0 * h; y -= 3.0)
        lung.push_back({lungFrontZ(y), y});
}

void Thorax::buildLateralHeart()
{
    const BodyModel& b = body_;
    const double yPA = b.yPulmonaryTrunk;
    const double yBottom = b.yDome[kLeft];
    const double depth = b.heartDepth;
    const double front = lungFrontZ(yBottom - 30.0);
    const double mid = yPA + 0.55 * (yBottom - yPA);
    const Polyline outline = catmullRom({{lungFrontZ(yBottom) + 1.0, yBottom + 8.0},
                                         {lungFrontZ(yBottom - 40.0) + 2.0, yBottom - 40.0},
                                         {lungFrontZ(yPA + 40.0) + 10.0, yPA + 40.0},
                                         {lungFrontZ(yPA) + 27.0, yPA + 2.0},
                                         {front + 0.52 * depth, yPA - 3.0},
                                         {front + 0.86 * depth, yPA + 22.0},
                                         {front + depth, mid},
                                         {front + 0.94 * depth, yBottom - 2.0}},
                                        2.5);
    lateralHeart_ = outline;
    // Inferior border: the left hemidiaphragm (the heart sits on it).
    for (double z = front + 0.94 * depth - 3.0; z > lungFrontZ(yBottom) + 1.0; z -= 3.0)
        lateralHeart_.push_back({z, std::max(lateralDiaphragmY(kLeft, z), yBottom - 2.0) + 6.0});
}

void Thorax::buildLateralBodyAndVessels()
{
    const BodyModel& b = body_;
    lateralBody_.clear();
    for (double y = kFieldTop; y <= kFieldBottom; y += 4.0)
        lateralBody_.push_back({b.skinFrontZ(y), y});
    for (double y = kFieldBottom; y >= kFieldTop; y -= 4.0)
        lateralBody_.push_back({b.skinBackZ(y), y});

    // Aorta: ascending from the heart's upper anterior border, arch, descending along the spine.
    const double yPA = b.yPulmonaryTrunk;
    const double front = lungFrontZ(yPA);
    const double spine = b.spineFrontZ(b.yKnob);
    lateralAorta_ = catmullRom({{front + 40.0, yPA + 22.0},
                                {front + 34.0, b.yKnob + 10.0},
                                {front + 48.0, b.yKnob - 14.0},
                                {0.5 * (front + spine) + 10.0, b.yKnob - 22.0},
                                {spine - 16.0, b.yKnob - 8.0},
                                {b.spineFrontZ(b.yKnob + 40.0) - 12.0, b.yKnob + 40.0},
                                {b.spineFrontZ(b.yDome[kLeft]) - 9.0, b.yDome[kLeft] + 10.0}},
                               3.0);
    const double carinaZ = b.spineFrontZ(b.yCarina) - 30.0;
    lateralTrachea_ = catmullRom({{b.spineFrontZ(kFieldTop + 20.0) - 26.0, kFieldTop},
                                  {b.spineFrontZ(b.yApex) - 30.0, b.yApex},
                                  {carinaZ, b.yCarina}},
                                 3.0);
}

bool Thorax::insideLung(int side, Vec3 p) const
{
    return frontalRegion_[side].contains({p.x, p.y}) && lateralRegion_[side].contains({p.z, p.y});
}

bool Thorax::insideLung(int side, Vec3 p, double margin) const
{
    if (!insideLung(side, p))
        return false;
    return insideLung(side, {p.x - margin, p.y, p.z}) && insideLung(side, {p.x + margin, p.y, p.z}) &&
           insideLung(side, {p.x, p.y - margin, p.z}) && insideLung(side, {p.x, p.y + margin, p.z}) &&
           insideLung(side, {p.x, p.y, p.z - margin}) && insideLung(side, {p.x, p.y, p.z + margin});
}

} // namespace raddraft::phantom::render
