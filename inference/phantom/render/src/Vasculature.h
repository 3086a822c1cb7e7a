#pragma once
// The pulmonary vessels as a tree grown in 3D from each hilum inside the lung volume: branches
// curve outwards, taper, split with Murray's law (r³ = r₁³ + r₂³), and stop short of the pleura,
// so markings are dense at the hila and fade towards the periphery. Both views draw projections
// of the same tree.

#include "Raster.h"
#include "RegionTable.h"
#include "Thorax.h"
#include "View.h"

#include <cstdint>
#include <vector>

namespace raddraft::phantom::render {

struct VesselBranch {
    int side = kRight;
    int generation = 0;
    std::vector<Vec3> points;
    std::vector<double> radiusMm;
};

struct Vasculature {
    std::vector<VesselBranch> branches;
};

/// Grows both trees (deterministic per seed); `crowding` > 1 packs more, shorter branches.
Vasculature growVasculature(const Thorax& thorax, std::uint64_t seed, double crowding);

/// Cuts every branch of `side` at its first point whose frontal projection lies in `region`
/// (a pneumothorax: no lung markings peripheral to the visceral pleural line).
void cutVessels(Vasculature& vessels, int side, const RegionTable& frontalRegion);

/// Removes a share of the thin distal branches (emphysema: pruned peripheral vessels).
void pruneDistalVessels(Vasculature& vessels, double share, std::uint64_t seed);

/// How drawVessels draws: the density per millimetre of vessel diameter, and which vessels.
struct VesselDrawOptions {
    double peakPerMm = 0.011;
    double extraRadiusMm = 0.0;   ///< widens each vessel (congestion)
    double maxY = 1e9;            ///< only vessel samples above this height (y < maxY)
    double minRadiusMm = 0.0;     ///< skip vessels thinner than this
};
/// Draws the tree's projection into a view (solid-cylinder cross-section, tapered ends).
void drawVessels(Raster& target, const ViewSetup& view, const Vasculature& vessels, const VesselDrawOptions& options);

} // namespace raddraft::phantom::render
