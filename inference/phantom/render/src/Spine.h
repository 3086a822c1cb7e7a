#pragma once
// The vertebral column in both views: frontal bodies with cortex, pedicles, spinous and
// transverse processes along the (possibly scoliotic) axis; lateral bodies stacked along the
// thoracic kyphosis with their posterior elements.

#include "BodyModel.h"
#include "Raster.h"
#include "View.h"

namespace raddraft::phantom::render {

void drawSpine(Raster& target, const ViewSetup& view, const BodyModel& body);

/// The frontal outline of the thoracic spine (bodies and pedicles, T1 … T12) as a polygon in
/// millimetres: the region a scoliosis changes.
Polyline frontalThoracicSpineRegion(const BodyModel& body);

} // namespace raddraft::phantom::render
