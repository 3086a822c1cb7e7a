#include "BodyModel.h"

#include "Random.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {

BodyModel buildBodyModel(const PatientVariation& patient, std::uint64_t studySeed)
{
    Random random(deriveSeed(studySeed, Stream::Anatomy));
    BodyModel b;
    b.widthScale = std::clamp(patient.thoraxWidthScale, 0.75, 1.25);
    b.heightScale = std::clamp(patient.thoraxHeightScale, 0.85, 1.15);
    b.depthScale = (0.55 + 0.45 * b.widthScale) * random.jitter(1.0, 0.04);
    b.inspiration = std::clamp(patient.inspiration, 0.75, 1.15);
    b.domeFlatness = random.jitter(1.0, 0.12);
    b.cardiothoracicRatio = random.jitter(0.47, 0.02);
    b.heartShapeJitter = random.uniform(-1.0, 1.0);
    b.female = patient.female;
    b.breastSize = patient.female ? random.uniform(0.55, 1.25) : 0.0;
    b.anteroposterior = patient.anteroposterior;
    b.ageYears = patient.ageYears;
    b.chestWallThickness = random.jitter(16.0, 3.0) * (0.6 + 0.4 * b.widthScale * b.widthScale);
    b.knobProminence = random.jitter(1.0, 0.08) + 0.006 * std::max(0, patient.ageYears - 45);
    b.rotationDegrees = std::clamp(patient.rotationDegrees, -8.0, 8.0);
    b.exposure = std::clamp(patient.exposure, 0.6, 1.4);
    b.noiseSigma = std::clamp(patient.noiseSigma, 0.0, 0.05);
    b.blurSigmaMm = std::clamp(patient.blurSigmaMm, 0.0, 2.0);
    b.gastricBubble = random.chance(0.85);
    b.gastricBubbleSize = random.uniform(0.6, 1.3);
    b.scapulaOverlap = patient.anteroposterior ? random.uniform(0.6, 1.0) : random.uniform(0.0, 0.35);
    b.fissureVisibility = random.chance(0.6) ? random.uniform(0.4, 1.0) : 0.0;
    return b;
}

void deriveLandmarks(BodyModel& b)
{
    const double w = b.widthScale;
    const double h = b.heightScale;
    const double inspiration = std::clamp(b.inspiration, 0.62, 1.3);

    b.yApex = -140.0 * h - 8.0;
    b.lungHeight = 228.0 * h * inspiration;
    b.yDome[kRight] = b.yApex + b.lungHeight;
    b.yDome[kLeft] = b.yDome[kRight] + 14.0 * h;
    for (int side = 0; side < 2; ++side) {
        b.domeHeight[side] = 36.0 * h * std::clamp(b.domeFlatness, 0.25, 1.5);
        b.yCostophrenic[side] = b.yDome[side] + b.domeHeight[side];
    }
    b.lungHalfWidth[kRight] = 129.0 * w;
    b.lungHalfWidth[kLeft] = 126.0 * w;

    // Spine: C6, C7, T1 … T12, L1, L2. T1 sits at the apices; the pitch grows caudally.
    b.vertebrae.clear();
    b.firstThoracic = 2;
    const double halfWidthScale = std::sqrt(w);
    const double t1Center = b.yApex + 10.0 * h;
    double y = t1Center - 19.5 * h - 18.5 * h;
    const auto add = [&](double pitch, double halfWidth, double depth, bool thoracic) {
        Vertebra v;
        v.centerY = y;
        v.height = 0.78 * pitch;
        v.halfWidth = halfWidth * halfWidthScale;
        v.depth = depth * halfWidthScale;
        v.thoracic = thoracic;
        b.vertebrae.push_back(v);
        y += pitch;
    };
    add(18.5 * h, 12.0, 17.0, false);
    add(19.5 * h, 13.0, 18.0, false);
    for (int n = 1; n <= 12; ++n)
        add((20.5 + 0.6 * n) * h, 14.0 + 0.75 * (n - 1), 20.0 + 1.1 * (n - 1), true);
    add(29.0 * h, 23.5, 33.0, false);
    add(30.0 * h, 24.5, 34.0, false);

    // Heart and mediastinum: vertebral levels anchor the knob and the carina.
    const double thoracicWidth = b.lungHalfWidth[kRight] + b.lungHalfWidth[kLeft];
    double heartWidth = std::clamp(b.cardiothoracicRatio, 0.35, 0.8) * thoracicWidth;
    if (b.anteroposterior)
        heartWidth *= 1.12;
    const double rightShare = 0.34 + 0.02 * b.heartShapeJitter;
    b.heartRight = rightShare * heartWidth;
    b.heartLeft = (1.0 - rightShare) * heartWidth;
    b.yKnob = b.thoracic(4).centerY - 6.0 * h;
    b.knobX = (29.0 * b.knobProminence) * halfWidthScale;
    b.yCarina = b.thoracic(5).centerY + 4.0 * h;
    b.yPulmonaryTrunk = b.yKnob + 34.0 * h;
    b.pulmonaryTrunkX = std::max(b.knobX + 2.0, 0.43 * b.heartLeft + 8.0);
    b.tracheaHalfWidth = 8.0 * halfWidthScale;

    b.bodyDepth = 215.0 * b.depthScale;
    b.heartDepth = 0.72 * heartWidth / (b.anteroposterior ? 1.12 : 1.0);
    const double zHilum = 0.5 * (b.skinFrontZ(b.yCarina) + 24.0 + b.skinBackZ(b.yCarina) - 28.0) + 8.0;
    b.hilum[kRight] = {-(b.heartRight + 12.0 * w), b.yCarina + 34.0 * h, zHilum};
    b.hilum[kLeft] = {b.pulmonaryTrunkX + 16.0 * w, b.yCarina + 20.0 * h, zHilum - 4.0};
}

double BodyModel::spineOffsetX(double y) const
{
    if (scoliosisAmplitude == 0.0 || vertebrae.empty())
        return 0.0;
    // One C-curve over T2 … T12, apex mid-thoracic, convex towards scoliosisConvexSide.
    const double top = thoracic(2).centerY;
    const double bottom = thoracic(12).centerY;
    const double t = (y - top) / (bottom - top);
    if (t <= 0.0 || t >= 1.0)
        return 0.0;
    return sideSign(scoliosisConvexSide) * scoliosisAmplitude * std::sin(kPi * t);
}

double BodyModel::spineFrontZ(double y) const
{
    const double top = thoracic(1).centerY;
    const double bottom = thoracic(12).centerY;
    const double t = std::clamp((y - top) / (bottom - top), 0.0, 1.0);
    // Kyphosis: the mid-thoracic bodies lie further back; cervical and lumbar come forward.
    const double lordosis = y < top ? -0.25 * (top - y) : (y > bottom ? -0.3 * (y - bottom) : 0.0);
    return skinBackZ(y) - 86.0 * depthScale + 9.0 * std::sin(kPi * t) + lordosis;
}

double BodyModel::skinFrontZ(double y) const
{
    // The anterior chest wall slopes forward from the neck to the lower sternum.
    const double half = 0.5 * bodyDepth;
    const double neck = yApex - 25.0 * heightScale;
    if (y < neck)
        return -half + 48.0 + 0.35 * (neck - y);
    const double lower = yDome[kRight];
    const double t = std::clamp((y - neck) / (lower - neck), 0.0, 1.0);
    return -half + 48.0 * (1.0 - t) * (1.0 - t) - 4.0 * t;
}

double BodyModel::skinBackZ(double y) const
{
    const double half = 0.5 * bodyDepth;
    const double neck = yApex - 30.0 * heightScale;
    if (y < neck)
        return half - 28.0 + 0.25 * (y - neck);
    const double t = std::clamp((y - neck) / (yApex + 90.0 - neck), 0.0, 1.0);
    // Thoracic kyphosis rounds the back; below the thorax the lumbar lordosis brings it forward.
    const double rounding = 8.0 * std::sin(kPi * std::clamp((y - yApex) / (lungHeight + 20.0), 0.0, 1.0));
    const double lumbar = y > yApex + lungHeight + 20.0 ? -0.12 * (y - yApex - lungHeight - 20.0) : 0.0;
    return half - 28.0 * (1.0 - t) * (1.0 - t) + rounding + lumbar;
}

double BodyModel::sternumBackZ(double y) const { return skinFrontZ(y) + 21.0; }

double BodyModel::zoneTop(int side, Zone zone) const
{
    const double span = yDome[side] - yApex;
    switch (zone) {
    case Zone::Middle:
        return yApex + span / 3.0;
    case Zone::Lower:
        return yApex + 2.0 * span / 3.0;
    default:
        return yApex;
    }
}

double BodyModel::zoneBottom(int side, Zone zone) const
{
    const double span = yDome[side] - yApex;
    switch (zone) {
    case Zone::Upper:
        return yApex + span / 3.0;
    case Zone::Middle:
        return yApex + 2.0 * span / 3.0;
    default:
        return yDome[side];
    }
}

} // namespace raddraft::phantom::render
