#pragma once
// One view of the study: how patient millimetres map to pixels, and the rasters the view is
// composed in. Frontal views see (x, y) (patient's right on the image's left, so image x follows
// the patient's x), rotated in-plane by the patient's rotation; lateral views see (z, y): the
// patient faces the image's left (anterior left, spine right), as laterals are read.

#include "Geometry.h"
#include "Raster.h"

namespace raddraft::phantom::render {

enum class ViewKind { Frontal, Lateral };

/// Width (= height) of the field of view in millimetres.
constexpr double kFieldOfViewMm = 380.0;

struct ViewSetup {
    ViewKind kind = ViewKind::Frontal;
    int size = 1024;
    double spacingMm = kFieldOfViewMm / 1024.0;
    int coarseFactor = 4;   ///< fine pixels per coarse pixel (coarse grid ≈ 1.5 mm)
    Affine2 mmToPixel;      ///< view-plane millimetres → fine pixels
    Affine2 mmToCoarse;     ///< view-plane millimetres → coarse pixels

    /// The view plane's coordinates of a patient point: (x, y) frontal, (z, y) lateral.
    Vec2 project(Vec3 p) const { return kind == ViewKind::Frontal ? Vec2{p.x, p.y} : Vec2{p.z, p.y}; }
    Vec2 toPixel(Vec3 p) const { return mmToPixel(project(p)); }
    Vec2 toPixel(Vec2 viewMm) const { return mmToPixel(viewMm); }
    Polyline toPixels(const Polyline& viewMm) const { return transformed(viewMm, mmToPixel); }
    Polyline toCoarse(const Polyline& viewMm) const { return transformed(viewMm, mmToCoarse); }
    /// Millimetres → pixels for lengths (widths, radii).
    double pixels(double mm) const { return mm / spacingMm; }
    PixelRect fullRect() const { return {0, 0, size, size}; }
    PixelRect coarseRect() const
    {
        const int n = (size + coarseFactor - 1) / coarseFactor;
        return {0, 0, n, n};
    }
};

/// The setup of a view of `size` pixels; rotationDegrees turns a frontal view about its centre.
ViewSetup makeViewSetup(ViewKind kind, int size, double rotationDegrees);

/// The rasters one view is drawn into before the detector model turns it into pixels.
struct ViewCanvas {
    explicit ViewCanvas(const ViewSetup& viewSetup);

    ViewSetup setup;
    Raster density;  ///< fine: attenuation in display units (0 = air … ~1 = dense bone); undefined
                     ///< until the coarse layer is assigned to it (assignCoarseLayer())
    Raster coarse;   ///< coarse: smooth structures (body thickness, shading), drawn first
    Raster lungAir;  ///< fine: the lungs' air, subtracted from
                     ///< `density` by composeAnatomy(); findings that fill airspaces read it
};

} // namespace raddraft::phantom::render
