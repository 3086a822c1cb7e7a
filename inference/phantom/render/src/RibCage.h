#pragma once
// The ribs as curves in 3D around the thorax (posterior end at the vertebra, round the lateral
// chest wall, anterior end at the costochondral junction), projected into both views: the
// frontal shows posterior and anterior arcs meeting laterally, the lateral shows oblique arcs of
// both sides, the far (right) side magnified a little more.

#include "BodyModel.h"
#include "Raster.h"
#include "Thorax.h"
#include "View.h"

#include <vector>

namespace raddraft::phantom::render {

struct Rib {
    int side = kRight;
    int number = 1;           ///< 1 … 12
    std::vector<Vec3> points; ///< posterior → anterior
    std::vector<double> halfWidthMm;
    std::vector<double> contrast; ///< relative density along the rib (anterior ends are faint)
};

std::vector<Rib> buildRibs(const Thorax& thorax);

/// Index of the rib's sample nearest to arc fraction u ∈ [0, 1] (posterior end 0, anterior 1).
std::size_t ribIndexAt(const Rib& rib, double u);

/// How drawRib draws one rib: all of it, or samples [from, to) only (a partial stroke, used by
/// the rib fracture), each optionally moved in the view plane by displacementMm[i].
struct RibStrokeOptions {
    double peak = 0.12;                ///< density of the rib at contrast 1
    std::size_t from = 0;
    std::size_t to = static_cast<std::size_t>(-1);
    const std::vector<Vec2>* displacementMm = nullptr;
};
void drawRib(Raster& target, const ViewSetup& view, const Rib& rib, const RibStrokeOptions& options);

/// All ribs of both sides into a view (contrast per view: lateral ribs are faint).
void drawRibCage(Raster& target, const ViewSetup& view, const std::vector<Rib>& ribs);

/// The lateral view magnifies the patient's right side (far from the detector) by this factor.
constexpr double kLateralFarSideMagnification = 1.06;

/// Density of a frontal rib at contrast 1 (drawRibCage; the rib fracture redraws with it).
constexpr double kFrontalRibPeak = 0.065;

} // namespace raddraft::phantom::render
