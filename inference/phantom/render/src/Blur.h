#pragma once
// Separable blurs and the coarse → fine upsampling. Smooth structures (body thickness, the lungs'
// rounded air profile, haze) are drawn on a coarse grid and blurred there, where a wide blur is
// cheap, then added to the full-resolution canvas with bilinear interpolation.

#include "Raster.h"

#include <vector>

namespace raddraft::phantom::render {

/// Box blur of radius r (window 2r + 1) repeated `passes` times in x and y; values outside the
/// raster count as 0 (rasters of structures carry a margin). Three passes ≈ a Gaussian of
/// σ ≈ r · 1.0 (σ² = passes · ((2r + 1)² − 1) / 12).
void boxBlur(Raster& raster, int radius, int passes);

/// The box radius whose `passes`-fold repetition approximates a Gaussian of sigma (pixels).
int boxRadiusForSigma(double sigma, int passes);

/// Normalised Gaussian weights for taps −r … r, r = ⌈2.5σ⌉ (at least 1).
std::vector<float> gaussianKernel(double sigma);

/// Separable Gaussian (radius ⌈2.5σ⌉, edges replicated); σ < 0.2 px leaves the raster unchanged.
void gaussianBlur(Raster& raster, double sigma);

/// fine += scale · bilinear(coarse), where fine pixel x maps to coarse coordinate
/// (x + 0.5) / factor − 0.5 (coarse rectangle in coarse pixels; values beyond it are clamped).
void addUpsampled(const Raster& coarse, int factor, Raster& fine, float scale);

/// fine = bilinear(coarse) for every pixel of `fine` (same mapping as addUpsampled).
void assignUpsampled(const Raster& coarse, int factor, Raster& fine);

/// fine *= offset + scale · bilinear(coarse) (same mapping as addUpsampled).
void multiplyUpsampled(const Raster& coarse, int factor, Raster& fine, float offset, float scale);

/// Adds the polygon (pixel coordinates of `target`'s grid) filled with `value` and blurred by a
/// Gaussian of sigmaPx (three box passes), drawn in a temporary raster over its bounding box.
void addBlurredPolygon(Raster& target, const Polyline& polygon, float value, double sigmaPx);

} // namespace raddraft::phantom::render
