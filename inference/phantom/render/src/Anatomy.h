#pragma once
// The normal thorax drawn into a view (with anatomy-changing findings already applied to the
// body model): soft tissue, lungs, mediastinum and airways, bones, vessels. The lungs' air is
// accumulated separately (ViewCanvas::lungAir) and subtracted at the end, so findings that fill
// airspaces can read how much air there was.

#include "RibCage.h"
#include "Thorax.h"
#include "Vasculature.h"
#include "View.h"

#include <cstdint>
#include <vector>

namespace raddraft::phantom::render {

struct AnatomyParts {
    const Thorax& thorax;
    const std::vector<Rib>& ribs;
    const Vasculature& vessels;
    std::uint64_t studySeed = 0;
};

void drawFrontalAnatomy(ViewCanvas& canvas, const AnatomyParts& parts);
void drawLateralAnatomy(ViewCanvas& canvas, const AnatomyParts& parts);

/// Mean-0, standard-deviation-1 smooth noise on the coarse grid (structure ≈ 3–5 mm): the
/// inhomogeneity of lung parenchyma and soft tissue.
Raster coarseTexture(const ViewSetup& view, std::uint64_t seed);

/// Adds the projected thickness of a body part with an elliptical cross-section to the coarse
/// canvas: peak · (1 − |u|³)^⅓, u the position across the outline's row span (−1 … 1), softened
/// by a box of about softnessMm: a rounded-rectangular cross-section, thickest in the midline and
/// falling off only near the flanks, like a trunk.
/// `scaleAtY` (optional, view-millimetre y → factor) varies the thickness with height: the neck
/// and shoulders are thinner front to back than the chest.
void addEllipticalThickness(ViewCanvas& canvas, const Polyline& outlineMm, float peak, double softnessMm,
                            double (*scaleAtY)(double y, const void* context) = nullptr, const void* context = nullptr);

/// density = upsampled coarse layer: the first write into the density canvas, once every
/// smooth structure is in the coarse layer; fine structures are added afterwards.
void assignCoarseLayer(ViewCanvas& canvas);

/// Final composition of the anatomy: density −= lungAir.
void composeAnatomy(ViewCanvas& canvas);

/// lungAir = coverage · (edge + depth · blurred(lungs) · (1 + texture)): a step where the
/// coverage polygons end (sharp at the heart and diaphragm) plus an air content that deepens
/// smoothly away from the lungs' edges. Must be the first thing drawn into canvas.lungAir (it
/// multiplies the raster).
struct LungAirOptions {
    double edge = 0.05;
    double depth = 0.40;
    double roundingMm = 16.0;  ///< Gaussian σ of the rounding
    double textureAmount = 0.08;
    float share = 1.0F;        ///< each lung's weight (½ where two lungs superimpose, lateral)
};
void addLungAir(ViewCanvas& canvas, const std::vector<Polyline>& coverageMm, const std::vector<Polyline>& lungsMm,
                const Raster& texture, const LungAirOptions& options);

} // namespace raddraft::phantom::render
