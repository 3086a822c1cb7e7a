#pragma once
// Clavicles, scapulae and humeral heads in both views. On a PA film the scapulae are rotated
// off the lungs and the clavicles cross the apices; on an AP film the clavicles project higher
// and the scapulae overlap the upper lungs (BodyModel::scapulaOverlap).

#include "Raster.h"
#include "Thorax.h"
#include "View.h"

namespace raddraft::phantom::render {

void drawShoulderGirdle(Raster& target, const ViewSetup& view, const Thorax& thorax);

/// Clavicle's centre line (frontal, mm) of `side`, medial end first.
Polyline clavicleCurve(const BodyModel& body, int side);

} // namespace raddraft::phantom::render
