#pragma once
// Drawing primitives in pixel coordinates (pixel (i, j) covers [i, i+1) × [j, j+1); its centre is
// (i + 0.5, j + 0.5)). Every primitive touches only the pixels of its own bounding box and adds
// into the target raster, clipped to the raster's rectangle:
//  - polygons: exact horizontal coverage on four sub-scanlines per row (anti-aliased, even–odd);
//  - strokes: a polyline swept with a cross-section profile; consecutive segments are mitred
//    quadrilaterals that tile the stroke, so every pixel is written once per stroke;
//  - ellipses: a radial profile indexed by r².

#include "Geometry.h"
#include "ProfileTable.h"
#include "Raster.h"

#include <cstdint>
#include <vector>

namespace raddraft::phantom::render {

/// Adds value × coverage of the polygon (pixel coordinates) to `target`.
void fillPolygon(Raster& target, const Polyline& polygon, float value);

/// Sets mask pixels (row-major, width × height) whose coverage by the polygon is at least ½.
void fillPolygonMask(std::vector<std::uint8_t>& mask, int width, int height, const Polyline& polygon);

/// One vertex of a stroke: position (pixels), half width (pixels) and peak density there.
struct StrokePoint {
    Vec2 position;
    float halfWidth = 1.0F;
    float peak = 1.0F;
};

/// Sweeps `profile` along the polyline: each pixel gets peak · profile(|d| / halfWidth), d its
/// distance from the segment's axis. Strokes thinner than 1 px are widened and dimmed by the
/// same factor (their integral is kept, and they do not alias). Turns sharper than ~75° split
/// the stroke. `closed` joins the last point to the first.
void strokePolyline(Raster& target, const std::vector<StrokePoint>& points, const ProfileTable& profile,
                    bool closed = false);

/// Convenience: a stroke of constant half width and peak.
void strokePolyline(Raster& target, const Polyline& points, float halfWidth, float peak,
                    const ProfileTable& profile, bool closed = false);

/// Adds peak · profile(r²) inside the ellipse (centre and radii in pixels, rotation in radians);
/// `profileSquared` must be indexed by r² (ProfileTable::squaredIndex()).
void fillEllipse(Raster& target, Vec2 center, double radiusX, double radiusY, double rotation, float peak,
                 const ProfileTable& profileSquared);

} // namespace raddraft::phantom::render
