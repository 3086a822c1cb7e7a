#pragma once
// The thorax's outlines in both views, derived from one BodyModel: lung fields, the
// cardiomediastinal silhouette, the diaphragm, the body's skin line (millimetres; frontal
// polygons in (x, y), lateral polygons in (z, y)). The lung volume used to keep lesions and
// vessels inside the lungs is the intersection of the frontal and lateral lung silhouettes.

#include "BodyModel.h"
#include "Geometry.h"
#include "RegionTable.h"

namespace raddraft::phantom::render {

class Thorax {
public:
    explicit Thorax(const BodyModel& body);

    const BodyModel& body() const { return body_; }

    // ---- Frontal (x, y) ----
    /// Signed x of the lateral lung wall (inner rib margin) at height y.
    double wallX(int side, double y) const;
    /// Height of the hemidiaphragm at |x| = absX (frontal).
    double diaphragmY(int side, double absX) const;
    /// Signed x of the cardiomediastinal border on `side` at height y.
    double borderX(int side, double y) const;
    /// Where the heart border meets the diaphragm.
    Vec2 cardiophrenicAngle(int side) const { return cardiophrenic_[side]; }
    const Polyline& frontalLung(int side) const { return frontalLung_[side]; }
    /// The lung with its lateral wall and apex moved outwards by a few millimetres: where the
    /// lung's air fades out softly (the mediastinal and diaphragmatic borders stay sharp).
    const Polyline& frontalLungEnvelope(int side) const { return frontalLungEnvelope_[side]; }
    /// The heart below the pulmonary trunk, closed along the line joining the cardiophrenic angles.
    const Polyline& frontalHeart() const { return frontalHeart_; }
    /// The whole cardiomediastinal silhouette from the neck to below the diaphragm.
    const Polyline& frontalMediastinum() const { return frontalMediastinum_; }
    const Polyline& frontalBody() const { return frontalBody_; }
    const Polyline& frontalArm(int side) const { return frontalArm_[side]; }
    /// The abdomen under the diaphragm (below both domes), closed at the bottom of the field.
    const Polyline& frontalAbdomen() const { return frontalAbdomen_; }

    // ---- Lateral (z, y) ----
    double lungFrontZ(double y) const;
    double lungBackZ(double y) const;
    double lateralDiaphragmY(int side, double z) const;
    const Polyline& lateralLung(int side) const { return lateralLung_[side]; }
    const Polyline& lateralHeart() const { return lateralHeart_; }
    const Polyline& lateralBody() const { return lateralBody_; }
    /// Centre line of the aorta (ascending, arch, descending) in the lateral view.
    const Polyline& lateralAorta() const { return lateralAorta_; }
    /// Centre line of the trachea in the lateral view, ending at the carina.
    const Polyline& lateralTrachea() const { return lateralTrachea_; }

    // ---- Lung volume ----
    bool insideLung(int side, Vec3 p) const;
    /// Inside, and at least `margin` mm from the lung's boundary along x, y and z.
    bool insideLung(int side, Vec3 p, double margin) const;

private:
    void buildBorders();
    Polyline buildFrontalLung(int side, double outwardMm) const;
    void buildFrontalHeart();
    void buildFrontalBody();
    void buildLateralLung(int side);
    void buildLateralHeart();
    void buildLateralBodyAndVessels();

    BodyModel body_;
    Polyline rightBorder_; ///< (|x|, y), y increasing
    Polyline leftBorder_;
    Vec2 cardiophrenic_[2];
    Polyline frontalLung_[2];
    Polyline frontalLungEnvelope_[2];
    Polyline frontalHeart_;
    Polyline frontalMediastinum_;
    Polyline frontalBody_;
    Polyline frontalArm_[2];
    Polyline frontalAbdomen_;
    Polyline lateralLung_[2];
    Polyline lateralHeart_;
    Polyline lateralBody_;
    Polyline lateralAorta_;
    Polyline lateralTrachea_;
    RegionTable frontalRegion_[2];
    RegionTable lateralRegion_[2];
};

} // namespace raddraft::phantom::render
