#include "Rasterizer.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {
namespace {

struct Edge {
    double yTop;
    double yBottom;
    double xAtTop;
    double slope; // dx/dy
};

/// Scans a polygon row by row and hands each covered row's coverage to `sink(y, x0, x1, cov)`.
template <class Sink>
void scanPolygon(const Polyline& polygon, const PixelRect& clip, Sink&& sink)
{
    if (polygon.size() < 3 || clip.empty())
        return;
    std::vector<Edge> edges;
    edges.reserve(polygon.size());
    double minY = polygon[0].y;
    double maxY = polygon[0].y;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        Vec2 a = polygon[j];
        Vec2 b = polygon[i];
        minY = std::min(minY, b.y);
        maxY = std::max(maxY, b.y);
        if (a.y == b.y)
            continue;
        if (a.y > b.y)
            std::swap(a, b);
        edges.push_back({a.y, b.y, a.x, (b.x - a.x) / (b.y - a.y)});
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) { return l.yTop < r.yTop; });

    const int width = clip.width();
    std::vector<float> cover(static_cast<std::size_t>(width) + 2, 0.0F);
    std::vector<float> diff(static_cast<std::size_t>(width) + 2, 0.0F);
    std::vector<float> coverage(static_cast<std::size_t>(width) + 2, 0.0F);
    std::vector<const Edge*> active;
    std::vector<double> crossings;
    std::size_t nextEdge = 0;

    const int rowBegin = std::max(clip.y0, static_cast<int>(std::floor(minY)));
    const int rowEnd = std::min(clip.y1, static_cast<int>(std::ceil(maxY)) + 1);
    constexpr int kSubRows = 4;
    constexpr float kWeight = 1.0F / kSubRows;
    const double clipX0 = clip.x0;
    const double clipX1 = clip.x1;
    for (int y = rowBegin; y < rowEnd; ++y) {
        int touchedMin = width;
        int touchedMax = -1;
        for (int sub = 0; sub < kSubRows; ++sub) {
            const double sy = y + (sub + 0.5) / kSubRows;
            while (nextEdge < edges.size() && edges[nextEdge].yTop <= sy)
                active.push_back(&edges[nextEdge++]);
            active.erase(std::remove_if(active.begin(), active.end(), [sy](const Edge* e) { return e->yBottom <= sy; }),
                         active.end());
            crossings.clear();
            for (const Edge* e : active)
                if (e->yTop <= sy)
                    crossings.push_back(e->xAtTop + (sy - e->yTop) * e->slope);
            std::sort(crossings.begin(), crossings.end());
            for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
                const double xa = std::max(crossings[k], clipX0);
                const double xb = std::min(crossings[k + 1], clipX1);
                if (xb <= xa)
                    continue;
                const int ia = static_cast<int>(std::floor(xa));
                const int ib = static_cast<int>(std::floor(xb));
                const int la = ia - clip.x0;
                const int lb = ib - clip.x0;
                if (ia == ib) {
                    cover[static_cast<std::size_t>(la)] += kWeight * static_cast<float>(xb - xa);
                } else {
                    cover[static_cast<std::size_t>(la)] += kWeight * static_cast<float>(ia + 1 - xa);
                    diff[static_cast<std::size_t>(la + 1)] += kWeight;
                    diff[static_cast<std::size_t>(lb)] -= kWeight;
                    cover[static_cast<std::size_t>(lb)] += kWeight * static_cast<float>(xb - ib);
                }
                touchedMin = std::min(touchedMin, la);
                touchedMax = std::max(touchedMax, std::min(lb, width - 1));
            }
        }
        if (touchedMax < touchedMin)
            continue;
        float running = 0.0F;
        for (int i = touchedMin; i <= touchedMax; ++i) {
            running += diff[static_cast<std::size_t>(i)];
            coverage[static_cast<std::size_t>(i)] = std::min(1.0F, cover[static_cast<std::size_t>(i)] + running);
        }
        sink(y, clip.x0 + touchedMin, clip.x0 + touchedMax + 1, coverage.data() + touchedMin);
        std::fill(cover.begin() + touchedMin, cover.begin() + touchedMax + 2, 0.0F);
        std::fill(diff.begin() + touchedMin, diff.begin() + touchedMax + 2, 0.0F);
    }
}

/// Adds one convex quadrilateral of a stroke; `axisOrigin`/`normal` define the signed distance.
void fillStrokeQuad(Raster& target, const Vec2 (&quad)[4], Vec2 axisOrigin, Vec2 normal, float invHalfWidth,
                    float peak, const ProfileTable& profile)
{
    double minY = quad[0].y;
    double maxY = quad[0].y;
    for (const Vec2& p : quad) {
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    const PixelRect& r = target.rect();
    const int rowBegin = std::max(r.y0, static_cast<int>(std::ceil(minY - 0.5)));
    const int rowEnd = std::min(r.y1, static_cast<int>(std::ceil(maxY - 0.5)));
    // Edges with endpoints ordered by y, so a shared edge of two quads gives bit-identical
    // crossings in both (no gap, no double coverage).
    struct OrderedEdge {
        Vec2 a, b;
    };
    OrderedEdge edges[4];
    for (int k = 0; k < 4; ++k) {
        Vec2 a = quad[k];
        Vec2 b = quad[(k + 1) % 4];
        if (a.y > b.y || (a.y == b.y && a.x > b.x))
            std::swap(a, b);
        edges[k] = {a, b};
    }
    const float scale = profile.scale() * invHalfWidth;
    const float* table = profile.data();
    const int last = profile.size();
    for (int y = rowBegin; y < rowEnd; ++y) {
        const double yc = y + 0.5;
        double xMin = 1e300;
        double xMax = -1e300;
        int found = 0;
        for (const OrderedEdge& e : edges) {
            if (e.a.y <= yc && yc < e.b.y) {
                const double x = e.a.x + (yc - e.a.y) * (e.b.x - e.a.x) / (e.b.y - e.a.y);
                xMin = std::min(xMin, x);
                xMax = std::max(xMax, x);
                ++found;
            }
        }
        if (found < 2)
            continue;
        const int xBegin = std::max(r.x0, static_cast<int>(std::ceil(xMin - 0.5)));
        const int xEnd = std::min(r.x1, static_cast<int>(std::ceil(xMax - 0.5)));
        if (xEnd <= xBegin)
            continue;
        float* row = target.row(y) + (xBegin - r.x0);
        float d = static_cast<float>((xBegin + 0.5 - axisOrigin.x) * normal.x + (yc - axisOrigin.y) * normal.y);
        const float dd = static_cast<float>(normal.x);
        for (int k = 0; k < xEnd - xBegin; ++k, d += dd) {
            const int i = static_cast<int>(std::fabs(d) * scale);
            if (i < last)
                row[k] += peak * table[i];
        }
    }
}

constexpr float kMinHalfWidth = 1.0F;

void strokeOpen(Raster& target, const std::vector<StrokePoint>& pts, const ProfileTable& profile, bool closed)
{
    const std::size_t n = pts.size();
    const std::size_t segments = closed ? n : n - 1;
    std::vector<Vec2> normals(segments);
    for (std::size_t k = 0; k < segments; ++k)
        normals[k] = perpendicular(normalized(pts[(k + 1) % n].position - pts[k].position));

    // Mitred corners at each vertex: left = p + m·e, right = p − m·e.
    const double extent = profile.extent();
    std::vector<Vec2> left(n);
    std::vector<Vec2> right(n);
    for (std::size_t i = 0; i < n; ++i) {
        Vec2 miter;
        double miterScale = 1.0;
        const bool hasPrevious = closed || i > 0;
        const bool hasNext = closed || i + 1 < n;
        if (hasPrevious && hasNext) {
            const Vec2 a = normals[(i + segments - 1) % segments];
            const Vec2 b = normals[i % segments];
            miter = normalized(a + b);
            const double c = dot(miter, b);
            miterScale = c > 0.25 ? 1.0 / c : 4.0;
        } else {
            miter = hasNext ? normals[i] : normals[segments - 1];
        }
        const double halfWidth = std::max(pts[i].halfWidth, kMinHalfWidth);
        const Vec2 offset = miter * (halfWidth * extent * miterScale);
        left[i] = pts[i].position + offset;
        right[i] = pts[i].position - offset;
    }
    for (std::size_t k = 0; k < segments; ++k) {
        const std::size_t j = (k + 1) % n;
        float halfWidth = 0.5F * (pts[k].halfWidth + pts[j].halfWidth);
        float peak = 0.5F * (pts[k].peak + pts[j].peak);
        if (halfWidth < kMinHalfWidth) {
            peak *= halfWidth / kMinHalfWidth;
            halfWidth = kMinHalfWidth;
        }
        const Vec2 quad[4] = {left[k], left[j], right[j], right[k]};
        fillStrokeQuad(target, quad, pts[k].position, normals[k], 1.0F / halfWidth, peak, profile);
    }
}

} // namespace

void fillPolygon(Raster& target, const Polyline& polygon, float value)
{
    if (target.empty())
        return;
    const PixelRect clip = pixelRectOf(bounds(polygon), 1).intersected(target.rect());
    scanPolygon(polygon, clip, [&](int y, int x0, int x1, const float* coverage) {
        float* row = target.row(y) + (x0 - target.rect().x0);
        for (int i = 0; i < x1 - x0; ++i)
            row[i] += value * coverage[i];
    });
}

void fillPolygonMask(std::vector<std::uint8_t>& mask, int width, int height, const Polyline& polygon)
{
    const PixelRect clip = pixelRectOf(bounds(polygon), 1).intersected({0, 0, width, height});
    scanPolygon(polygon, clip, [&](int y, int x0, int x1, const float* coverage) {
        std::uint8_t* row = mask.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        for (int x = x0; x < x1; ++x)
            if (coverage[x - x0] >= 0.5F)
                row[x] = 1;
    });
}

void strokePolyline(Raster& target, const std::vector<StrokePoint>& points, const ProfileTable& profile, bool closed)
{
    if (target.empty() || points.size() < 2)
        return;
    // Drop points closer than 0.05 px to their predecessor (degenerate segments).
    std::vector<StrokePoint> pts;
    pts.reserve(points.size());
    for (const StrokePoint& p : points)
        if (pts.empty() || length(p.position - pts.back().position) > 0.05)
            pts.push_back(p);
    if (closed && pts.size() > 2 && length(pts.front().position - pts.back().position) <= 0.05)
        pts.pop_back();
    if (pts.size() < 2)
        return;
    // Skip strokes entirely outside the target.
    double reach = 0.0;
    Polyline positions;
    positions.reserve(pts.size());
    for (const StrokePoint& p : pts) {
        positions.push_back(p.position);
        reach = std::max(reach, static_cast<double>(std::max(p.halfWidth, kMinHalfWidth)) * profile.extent() * 4.0);
    }
    Box box = bounds(positions);
    box = {box.x0 - reach, box.y0 - reach, box.x1 + reach, box.y1 + reach};
    if (pixelRectOf(box, 0).intersected(target.rect()).empty())
        return;
    if (closed) {
        strokeOpen(target, pts, profile, true);
        return;
    }
    // Split at sharp turns (the mitre would be too long) and draw each run.
    std::size_t start = 0;
    for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
        const Vec2 a = normalized(pts[i].position - pts[i - 1].position);
        const Vec2 b = normalized(pts[i + 1].position - pts[i].position);
        if (dot(a, b) < 0.25) {
            strokeOpen(target, std::vector<StrokePoint>(pts.begin() + static_cast<std::ptrdiff_t>(start),
                                                        pts.begin() + static_cast<std::ptrdiff_t>(i) + 1),
                       profile, false);
            start = i;
        }
    }
    if (start == 0) {
        strokeOpen(target, pts, profile, false);
        return;
    }
    strokeOpen(target, std::vector<StrokePoint>(pts.begin() + static_cast<std::ptrdiff_t>(start), pts.end()), profile,
               false);
}

void strokePolyline(Raster& target, const Polyline& points, float halfWidth, float peak, const ProfileTable& profile,
                    bool closed)
{
    std::vector<StrokePoint> pts;
    pts.reserve(points.size());
    for (const Vec2& p : points)
        pts.push_back({p, halfWidth, peak});
    strokePolyline(target, pts, profile, closed);
}

void fillEllipse(Raster& target, Vec2 center, double radiusX, double radiusY, double rotation, float peak,
                 const ProfileTable& profileSquared)
{
    if (target.empty())
        return;
    // Sub-pixel ellipses keep their integral instead of aliasing.
    constexpr double kMinRadius = 0.7;
    if (radiusX < kMinRadius) {
        peak *= static_cast<float>(radiusX / kMinRadius);
        radiusX = kMinRadius;
    }
    if (radiusY < kMinRadius) {
        peak *= static_cast<float>(radiusY / kMinRadius);
        radiusY = kMinRadius;
    }
    const double reach = std::sqrt(profileSquared.extent());
    const double c = std::cos(rotation);
    const double s = std::sin(rotation);
    const double ex = reach * std::sqrt(radiusX * radiusX * c * c + radiusY * radiusY * s * s);
    const double ey = reach * std::sqrt(radiusX * radiusX * s * s + radiusY * radiusY * c * c);
    const PixelRect rect = pixelRectOf({center.x - ex, center.y - ey, center.x + ex, center.y + ey}, 0)
                               .intersected(target.rect());
    if (rect.empty())
        return;
    const double ux = c / radiusX;
    const double uy = s / radiusX;
    const double vx = -s / radiusY;
    const double vy = c / radiusY;
    const float scale = profileSquared.scale();
    const float* table = profileSquared.data();
    const int last = profileSquared.size();
    for (int y = rect.y0; y < rect.y1; ++y) {
        const double dy = y + 0.5 - center.y;
        const double dx0 = rect.x0 + 0.5 - center.x;
        float u = static_cast<float>(dx0 * ux + dy * uy);
        float v = static_cast<float>(dx0 * vx + dy * vy);
        const float du = static_cast<float>(ux);
        const float dv = static_cast<float>(vx);
        float* row = target.row(y) + (rect.x0 - target.rect().x0);
        for (int k = 0; k < rect.width(); ++k, u += du, v += dv) {
            const int i = static_cast<int>((u * u + v * v) * scale);
            if (i < last)
                row[k] += peak * table[i];
        }
    }
}

} // namespace raddraft::phantom::render
