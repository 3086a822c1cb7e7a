#include "RegionTable.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {

RegionTable::RegionTable(const Polyline& polygon, double rowStep) : rowStep_(rowStep)
{
    const Box box = bounds(polygon);
    if (polygon.size() < 3 || box.empty())
        return;
    y0_ = box.y0;
    const int count = static_cast<int>(std::ceil((box.y1 - box.y0) / rowStep)) + 1;
    rows_.resize(static_cast<std::size_t>(count));
    // Edge by edge: each edge adds its crossing to the rows whose centre y0 + (k + ½)·step lies
    // in [min y, max y) of the edge (the even–odd rule's half-open convention).
    std::vector<std::vector<double>> crossings(static_cast<std::size_t>(count));
    const std::size_t n = polygon.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        Vec2 a = polygon[i];
        Vec2 b = polygon[j];
        if (a.y == b.y)
            continue;
        if (a.y > b.y)
            std::swap(a, b);
        const int k0 = std::max(0, static_cast<int>(std::ceil((a.y - y0_) / rowStep - 0.5)));
        const int k1 = std::min(count, static_cast<int>(std::ceil((b.y - y0_) / rowStep - 0.5)));
        const double slope = (b.x - a.x) / (b.y - a.y);
        for (int k = k0; k < k1; ++k) {
            const double y = y0_ + (k + 0.5) * rowStep;
            if (y >= a.y && y < b.y)
                crossings[static_cast<std::size_t>(k)].push_back(a.x + (y - a.y) * slope);
        }
    }
    for (int k = 0; k < count; ++k) {
        std::vector<double>& row = crossings[static_cast<std::size_t>(k)];
        std::sort(row.begin(), row.end());
        auto& spans = rows_[static_cast<std::size_t>(k)];
        for (std::size_t i = 0; i + 1 < row.size(); i += 2)
            spans.push_back({row[i], row[i + 1]});
    }
}

const std::vector<RegionTable::Span>* RegionTable::row(double y) const
{
    const double k = std::floor((y - y0_) / rowStep_);
    if (k < 0.0 || k >= static_cast<double>(rows_.size()))
        return nullptr;
    return &rows_[static_cast<std::size_t>(k)];
}

bool RegionTable::contains(Vec2 p) const
{
    const auto* spans = row(p.y);
    if (spans == nullptr)
        return false;
    for (const Span& s : *spans)
        if (p.x >= s.x0 && p.x < s.x1)
            return true;
    return false;
}

} // namespace raddraft::phantom::render
