#pragma once
// The patient as one body in millimetres, shared by both views so that the lateral matches the
// frontal (same diaphragm heights, heart size, vertebral levels, lesion heights). Patient frame:
// x towards the patient's left, y towards the feet (0 = centre of the frontal field), z towards
// the back (0 = mid-depth of the chest).
//
// Built in two steps: buildBodyModel() sets the habitus inputs from PatientVariation and the
// study seed; findings that change anatomy (cardiomegaly, emphysema, hypoinflation, scoliosis)
// then edit the inputs; deriveLandmarks() computes every landmark from the inputs.

#include "Geometry.h"
#include "phantom/PhantomSpec.h"

#include <cstdint>
#include <vector>

namespace raddraft::phantom::render {

/// Index of a hemithorax: 0 = the patient's right (negative x), 1 = left.
constexpr int kRight = 0;
constexpr int kLeft = 1;
inline double sideSign(int side) { return side == kRight ? -1.0 : 1.0; }

struct Vertebra {
    double centerY = 0.0;   ///< mm
    double height = 20.0;   ///< body height (without the disc)
    double halfWidth = 15.0;///< frontal half width of the body
    double depth = 25.0;    ///< antero-posterior depth of the body (lateral view)
    bool thoracic = true;   ///< carries a rib
};

struct BodyModel {
    // ---- Inputs: habitus and acquisition (from PatientVariation, jittered by the study seed) ----
    double widthScale = 1.0;
    double heightScale = 1.0;
    double depthScale = 1.0;      ///< antero-posterior chest depth (barrel chest > 1)
    double inspiration = 1.0;     ///< lung height factor (diaphragm level)
    double domeFlatness = 1.0;    ///< dome convexity factor (< 1: flattened domes)
    double cardiothoracicRatio = 0.46; ///< heart width / internal thoracic width (before AP magnification)
    double heartShapeJitter = 0.0;///< −1 … 1: rounder / more elongated left ventricle
    bool female = false;
    double breastSize = 0.0;      ///< 0 (none) … 1.3
    bool anteroposterior = false;
    int ageYears = 60;
    double chestWallThickness = 18.0; ///< soft tissue lateral to the ribs (mm)
    double knobProminence = 1.0;  ///< aortic knob size (older: unfolded aorta)
    double rotationDegrees = 0.0; ///< in-plane rotation of the frontal view
    double exposure = 1.0;
    double noiseSigma = 0.01;
    double blurSigmaMm = 0.5;
    bool gastricBubble = true;
    double gastricBubbleSize = 1.0;
    double scapulaOverlap = 0.0;  ///< 0 (rotated out, PA) … 1 (over the lungs, AP)
    double fissureVisibility = 0.0; ///< 0 … 1: how well the interlobar fissures show (often not)

    // ---- Inputs edited by findings ----
    double scoliosisAmplitude = 0.0; ///< lateral displacement of the spine's apex (mm)
    int scoliosisConvexSide = kRight;
    double lungLucency = 1.0;        ///< air content of the lungs (emphysema > 1, hypoinflation < 1)
    double vesselPruning = 0.0;      ///< 0 … 1: share of distal vessels removed (emphysema)
    double vesselCrowding = 1.0;     ///< > 1: markings crowded (hypoinflation)

    // ---- Derived landmarks (deriveLandmarks) ----
    double yApex = 0.0;               ///< top of the lung apices
    double lungHeight = 0.0;          ///< apex → right dome
    double yDome[2] = {0.0, 0.0};     ///< top of each hemidiaphragm
    double domeHeight[2] = {0.0, 0.0};///< dome above the costophrenic angle
    double yCostophrenic[2] = {0.0, 0.0};
    double lungHalfWidth[2] = {0.0, 0.0}; ///< |x| of each lateral lung wall at its widest
    double heartRight = 0.0;          ///< |x| of the right heart border at its widest
    double heartLeft = 0.0;           ///< x of the left heart border at its widest
    double yKnob = 0.0;               ///< aortic knob centre
    double knobX = 0.0;               ///< lateral extent of the knob
    double yCarina = 0.0;
    double yPulmonaryTrunk = 0.0;
    double pulmonaryTrunkX = 0.0;
    double tracheaHalfWidth = 8.0;
    Vec3 hilum[2];
    double bodyDepth = 215.0;         ///< skin to skin, antero-posterior
    double heartDepth = 85.0;         ///< heart's antero-posterior extent (lateral view)
    std::vector<Vertebra> vertebrae;  ///< C6 … L2, top to bottom
    int firstThoracic = 2;            ///< index of T1 in `vertebrae`

    /// Lateral displacement of the spine's axis at height y (scoliosis; 0 without).
    double spineOffsetX(double y) const;
    /// Vertebra index of thoracic vertebra Tn (n = 1 … 12).
    const Vertebra& thoracic(int n) const { return vertebrae[static_cast<std::size_t>(firstThoracic + n - 1)]; }
    /// Front of the vertebral bodies (lateral view, z) at height y: thoracic kyphosis.
    double spineFrontZ(double y) const;
    /// Skin of the anterior chest wall (z) at height y.
    double skinFrontZ(double y) const;
    /// Skin of the back (z) at height y.
    double skinBackZ(double y) const;
    /// The sternum's posterior surface (z) at height y (valid between manubrium and xiphoid).
    double sternumBackZ(double y) const;
    double yManubrium() const { return yKnob - 32.0 * heightScale; }
    double yXiphoid() const { return yDome[kRight] + 8.0; }
    /// Zone boundaries of a lung: [upper | middle | lower] thirds of apex → dome.
    double zoneTop(int side, Zone zone) const;
    double zoneBottom(int side, Zone zone) const;
};

/// Habitus inputs from the patient variation, jittered by the study seed (Stream::Anatomy).
BodyModel buildBodyModel(const PatientVariation& patient, std::uint64_t studySeed);

/// Computes every derived landmark from the inputs.
void deriveLandmarks(BodyModel& body);

} // namespace raddraft::phantom::render
