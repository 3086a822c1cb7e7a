#pragma once
// Plane and space vectors, the millimetre → pixel affine map, and polylines (sampled splines,
// offsets, point-in-polygon). All anatomy is described in millimetres in the patient frame:
// x towards the patient's left, y downwards (feet), z towards the patient's back.

#include <cmath>
#include <vector>

namespace raddraft::phantom::render {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
inline Vec2 operator*(double s, Vec2 a) { return {a.x * s, a.y * s}; }
inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
inline double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
inline double length(Vec2 a) { return std::sqrt(dot(a, a)); }
/// Unit vector along `a`; (0, 0) stays (0, 0).
inline Vec2 normalized(Vec2 a)
{
    const double l = length(a);
    return l > 0.0 ? a * (1.0 / l) : Vec2{};
}
/// `a` turned by +90° (in image coordinates, y down: towards the right-hand side of travel).
inline Vec2 perpendicular(Vec2 a) { return {-a.y, a.x}; }
inline Vec2 lerp(Vec2 a, Vec2 b, double t) { return a + (b - a) * t; }
inline Vec2 rotated(Vec2 a, double radians)
{
    const double c = std::cos(radians);
    const double s = std::sin(radians);
    return {c * a.x - s * a.y, s * a.x + c * a.y};
}

struct Vec3 {
    double x = 0.0; ///< towards the patient's left
    double y = 0.0; ///< towards the feet
    double z = 0.0; ///< towards the patient's back
};

inline Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }
inline double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline Vec3 cross(Vec3 a, Vec3 b)
{
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double length(Vec3 a) { return std::sqrt(dot(a, a)); }
inline Vec3 normalized(Vec3 a)
{
    const double l = length(a);
    return l > 0.0 ? a * (1.0 / l) : Vec3{};
}

/// p ↦ (m00·x + m01·y + tx, m10·x + m11·y + ty).
struct Affine2 {
    double m00 = 1.0, m01 = 0.0, tx = 0.0;
    double m10 = 0.0, m11 = 1.0, ty = 0.0;

    Vec2 operator()(Vec2 p) const { return {m00 * p.x + m01 * p.y + tx, m10 * p.x + m11 * p.y + ty}; }
    /// The linear part only (directions, offsets).
    Vec2 linear(Vec2 v) const { return {m00 * v.x + m01 * v.y, m10 * v.x + m11 * v.y}; }
    /// Isotropic scale factor (square root of the determinant's magnitude).
    double scale() const { return std::sqrt(std::fabs(m00 * m11 - m01 * m10)); }
    Affine2 inverse() const;
    /// this ∘ other: apply `other` first.
    Affine2 after(const Affine2& other) const;
    static Affine2 scaling(double s) { return {s, 0.0, 0.0, 0.0, s, 0.0}; }
};

using Polyline = std::vector<Vec2>;

struct Box {
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
    bool empty() const { return !(x1 > x0 && y1 > y0); }
};

Box bounds(const Polyline& points);
Polyline transformed(const Polyline& points, const Affine2& map);

/// A centripetal Catmull–Rom curve through `controls` (open), sampled so that consecutive
/// samples are at most `step` apart; the first and last controls are end points.
Polyline catmullRom(const Polyline& controls, double step);

/// Even–odd point-in-polygon test (the polygon is closed implicitly).
bool contains(const Polyline& polygon, Vec2 p);

/// The polygon's area (shoelace, absolute value).
double area(const Polyline& polygon);

/// Value of the y-monotone curve `curve` (sorted by increasing y) at height y, linear between
/// samples, clamped at the ends.
double xAtY(const Polyline& curve, double y);

/// Points of an ellipse (centre, radii, rotation) as a closed polygon with `count` vertices.
Polyline ellipsePolygon(Vec2 center, double radiusX, double radiusY, double rotation, int count);

/// Smooth 0→1 step between edge0 and edge1 (Hermite).
inline double smoothstep(double edge0, double edge1, double x)
{
    const double t = std::fmin(1.0, std::fmax(0.0, (x - edge0) / (edge1 - edge0)));
    return t * t * (3.0 - 2.0 * t);
}

inline double clamp01(double x) { return std::fmin(1.0, std::fmax(0.0, x)); }

constexpr double kPi = 3.14159265358979323846;

} // namespace raddraft::phantom::render
