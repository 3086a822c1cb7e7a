#include "View.h"

#include <algorithm>

namespace raddraft::phantom::render {

ViewSetup makeViewSetup(ViewKind kind, int size, double rotationDegrees)
{
    ViewSetup v;
    v.kind = kind;
    v.size = size;
    v.spacingMm = kFieldOfViewMm / size;
    v.coarseFactor = std::max(1, size / 256);
    const double angle = kind == ViewKind::Frontal ? rotationDegrees * kPi / 180.0 : 0.0;
    const double c = std::cos(angle) / v.spacingMm;
    const double s = std::sin(angle) / v.spacingMm;
    v.mmToPixel = {c, -s, 0.5 * size, s, c, 0.5 * size};
    v.mmToCoarse = Affine2::scaling(1.0 / v.coarseFactor).after(v.mmToPixel);
    return v;
}

ViewCanvas::ViewCanvas(const ViewSetup& viewSetup)
    : setup(viewSetup),
      density(viewSetup.fullRect(), Raster::Uninitialized{}),
      coarse(viewSetup.coarseRect()),
      lungAir(viewSetup.fullRect())
{
}

} // namespace raddraft::phantom::render
