#pragma once
// Constant-time point-in-region test for a polygon: its spans tabulated per millimetre row.
// Used where many points are tested (vessel growth, lesion placement), instead of walking the
// polygon's edges for every point.

#include "Geometry.h"

#include <vector>

namespace raddraft::phantom::render {

class RegionTable {
public:
    RegionTable() = default;
    /// Spans of `polygon` (even–odd) at rows y0 + (k + 0.5) · rowStep.
    explicit RegionTable(const Polyline& polygon, double rowStep = 1.0);

    bool contains(Vec2 p) const;

    struct Span {
        double x0, x1;
    };
    /// The spans of the row containing y (nullptr outside the table), for callers that scan many
    /// points of the same row.
    const std::vector<Span>* row(double y) const;

private:

    double y0_ = 0.0;
    double rowStep_ = 1.0;
    std::vector<std::vector<Span>> rows_;
};

} // namespace raddraft::phantom::render
