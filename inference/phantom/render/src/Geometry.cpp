#include "Geometry.h"

#include <algorithm>

namespace raddraft::phantom::render {

Affine2 Affine2::inverse() const
{
    const double det = m00 * m11 - m01 * m10;
    const double inv = det != 0.0 ? 1.0 / det : 0.0;
    Affine2 r;
    r.m00 = m11 * inv;
    r.m01 = -m01 * inv;
    r.m10 = -m10 * inv;
    r.m11 = m00 * inv;
    r.tx = -(r.m00 * tx + r.m01 * ty);
    r.ty = -(r.m10 * tx + r.m11 * ty);
    return r;
}

Affine2 Affine2::after(const Affine2& o) const
{
    Affine2 r;
    r.m00 = m00 * o.m00 + m01 * o.m10;
    r.m01 = m00 * o.m01 + m01 * o.m11;
    r.m10 = m10 * o.m00 + m11 * o.m10;
    r.m11 = m10 * o.m01 + m11 * o.m11;
    r.tx = m00 * o.tx + m01 * o.ty + tx;
    r.ty = m10 * o.tx + m11 * o.ty + ty;
    return r;
}

Box bounds(const Polyline& points)
{
    if (points.empty())
        return {};
    Box b{points[0].x, points[0].y, points[0].x, points[0].y};
    for (const Vec2& p : points) {
        b.x0 = std::min(b.x0, p.x);
        b.y0 = std::min(b.y0, p.y);
        b.x1 = std::max(b.x1, p.x);
        b.y1 = std::max(b.y1, p.y);
    }
    return b;
}

Polyline transformed(const Polyline& points, const Affine2& map)
{
    Polyline out;
    out.reserve(points.size());
    for (const Vec2& p : points)
        out.push_back(map(p));
    return out;
}

Polyline catmullRom(const Polyline& controls, double step)
{
    if (controls.size() < 3)
        return controls;
    Polyline out;
    const std::size_t n = controls.size();
    out.push_back(controls[0]);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const Vec2 p1 = controls[i];
        const Vec2 p2 = controls[i + 1];
        // Phantom end controls mirror the neighbour so the curve ends at the first/last control.
        const Vec2 p0 = i > 0 ? controls[i - 1] : p1 + (p1 - p2);
        const Vec2 p3 = i + 2 < n ? controls[i + 2] : p2 + (p2 - p1);
        // Centripetal parameterisation (alpha = 0.5): no cusps or self-intersections.
        const auto knot = [](Vec2 a, Vec2 b) { return std::max(1e-6, std::sqrt(length(b - a))); };
        const double t0 = 0.0;
        const double t1 = t0 + knot(p0, p1);
        const double t2 = t1 + knot(p1, p2);
        const double t3 = t2 + knot(p2, p3);
        const int samples = std::max(1, static_cast<int>(std::ceil(length(p2 - p1) / step)));
        for (int s = 1; s <= samples; ++s) {
            const double t = t1 + (t2 - t1) * s / samples;
            const Vec2 a1 = p0 * ((t1 - t) / (t1 - t0)) + p1 * ((t - t0) / (t1 - t0));
            const Vec2 a2 = p1 * ((t2 - t) / (t2 - t1)) + p2 * ((t - t1) / (t2 - t1));
            const Vec2 a3 = p2 * ((t3 - t) / (t3 - t2)) + p3 * ((t - t2) / (t3 - t2));
            const Vec2 b1 = a1 * ((t2 - t) / (t2 - t0)) + a2 * ((t - t0) / (t2 - t0));
            const Vec2 b2 = a2 * ((t3 - t) / (t3 - t1)) + a3 * ((t - t1) / (t3 - t1));
            out.push_back(b1 * ((t2 - t) / (t2 - t1)) + b2 * ((t - t1) / (t2 - t1)));
        }
    }
    return out;
}

bool contains(const Polyline& polygon, Vec2 p)
{
    bool inside = false;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Vec2 a = polygon[i];
        const Vec2 b = polygon[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x)
                inside = !inside;
        }
    }
    return inside;
}

double area(const Polyline& polygon)
{
    double sum = 0.0;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++)
        sum += cross(polygon[j], polygon[i]);
    return std::fabs(sum) * 0.5;
}

double xAtY(const Polyline& curve, double y)
{
    if (curve.empty())
        return 0.0;
    if (y <= curve.front().y)
        return curve.front().x;
    if (y >= curve.back().y)
        return curve.back().x;
    const auto it = std::lower_bound(curve.begin(), curve.end(), y,
                                     [](const Vec2& p, double value) { return p.y < value; });
    const Vec2 b = *it;
    const Vec2 a = *(it - 1);
    const double span = b.y - a.y;
    return span > 0.0 ? a.x + (b.x - a.x) * (y - a.y) / span : b.x;
}

Polyline ellipsePolygon(Vec2 center, double radiusX, double radiusY, double rotation, int count)
{
    Polyline out;
    out.reserve(static_cast<std::size_t>(count));
    const double c = std::cos(rotation);
    const double s = std::sin(rotation);
    for (int i = 0; i < count; ++i) {
        const double a = 2.0 * kPi * i / count;
        const double ex = radiusX * std::cos(a);
        const double ey = radiusY * std::sin(a);
        out.push_back({center.x + c * ex - s * ey, center.y + s * ex + c * ey});
    }
    return out;
}

} // namespace raddraft::phantom::render
