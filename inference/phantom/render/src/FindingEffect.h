#pragma once
// What one finding does to the study, and the helpers the finding families share.
//
// A finding acts in up to three phases: it may edit the body model's inputs (cardiomegaly,
// emphysema, hypoinflation, scoliosis), edit the vessel tree (pneumothorax, emphysema), and add
// its own density to each view. Its mask in a view is where its own contribution is at least
// max(kMaskFloor, kMaskShare · its peak |contribution|), united with the regions of anatomy it
// changed (the heart for cardiomegaly, the thoracic spine for scoliosis), which have no
// contribution of their own.

#include "BodyModel.h"
#include "Random.h"
#include "Raster.h"
#include "RibCage.h"
#include "Thorax.h"
#include "Vasculature.h"
#include "View.h"
#include "phantom/PhantomSpec.h"

#include <vector>

namespace raddraft::phantom::render {

constexpr float kMaskFloor = 0.01F;
constexpr float kMaskShare = 0.1F;

/// Everything a finding may read when it draws.
struct FindingScene {
    const BodyModel& body;
    const Thorax& thorax;
    const std::vector<Rib>& ribs;
    const Vasculature& vessels;
    const ViewCanvas& frontal;
    const ViewCanvas& lateral;

    const ViewCanvas& canvas(ViewKind kind) const { return kind == ViewKind::Frontal ? frontal : lateral; }
};

/// One finding's effect on one view.
struct FindingViewEffect {
    Raster contribution;               ///< density added (negative: more lucent); may be empty
    std::vector<Polyline> changedRegionsMm; ///< anatomy it changed, in view millimetres
};

struct FindingEffect {
    FindingViewEffect frontal;
    FindingViewEffect lateral;
    FindingViewEffect& view(ViewKind kind) { return kind == ViewKind::Frontal ? frontal : lateral; }
};

// ---- Shared helpers ----

/// The finding's own random stream (placement seed only: other findings never move it).
Random findingRandom(const FindingInstance& finding);

/// 1 for a definite finding, subtler (0.55) for a hedged one.
double findingStrength(const FindingInstance& finding);

/// mild / moderate / severe → the given values; Severity::None → `unspecified`.
double bySeverity(Severity severity, double mild, double moderate, double severe, double unspecified);

/// Hemithoraces of a side: Bilateral → both; None → one chosen by the placement seed.
std::vector<int> sidesOf(Side side, Random& random);

/// A point inside the lung volume of `side` within `zone` (Zone::None: anywhere), at least
/// `margin` mm from the lung's boundary where possible (the margin shrinks if the lung is small).
Vec3 sampleLungPoint(const Thorax& thorax, int side, Zone zone, double margin, Random& random);

/// An empty raster over the pixels of a view-millimetre box (plus margin), clipped to the view.
Raster layerOver(const ViewSetup& view, const Polyline& viewMmPoints, double marginMm);

/// layer *= factor · lungAir (fills airspaces: the result stays inside the lungs).
void multiplyByLungAir(Raster& layer, const ViewCanvas& canvas, float factor);

} // namespace raddraft::phantom::render
