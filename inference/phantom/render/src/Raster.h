#pragma once
// A float raster over a rectangle of a view's pixel grid: a whole view (density canvas), a
// coarse low-resolution canvas, or one finding's own contribution over its bounding box. The
// drawing primitives (Rasterizer.h) clip to the raster's rectangle, so the same code draws into a
// full canvas or into a small layer.

#include "Geometry.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace raddraft::phantom::render {

/// Half-open pixel rectangle [x0, x1) × [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;

    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    PixelRect intersected(const PixelRect& o) const
    {
        PixelRect r{std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
        if (r.empty())
            return {};
        return r;
    }
    PixelRect expanded(int margin) const { return {x0 - margin, y0 - margin, x1 + margin, y1 + margin}; }
    bool contains(int x, int y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
};

/// The pixels whose centres a box (in pixel coordinates) touches, plus `margin` pixels.
inline PixelRect pixelRectOf(const Box& box, int margin)
{
    if (box.x1 < box.x0 || box.y1 < box.y0)
        return {};
    return {static_cast<int>(std::floor(box.x0)) - margin, static_cast<int>(std::floor(box.y0)) - margin,
            static_cast<int>(std::ceil(box.x1)) + 1 + margin, static_cast<int>(std::ceil(box.y1)) + 1 + margin};
}

/// Float storage of `count` values (zero-filled unless `zero` is false, when the caller writes
/// every value before reading any), reusing a buffer this thread released earlier when one is
/// large enough: fresh pages cost a page fault each, which dominated rendering time.
std::vector<float> takeBuffer(std::size_t count, bool zero = true);
/// Hands a buffer back for reuse by this thread (small buffers are simply freed).
void releaseBuffer(std::vector<float>&& buffer);

class Raster {
public:
    /// Tag: the caller overwrites every value before reading (no zero fill).
    struct Uninitialized {};

    Raster() = default;
    explicit Raster(PixelRect rect)
        : rect_(rect.empty() ? PixelRect{} : rect),
          values_(takeBuffer(static_cast<std::size_t>(rect_.width()) * static_cast<std::size_t>(rect_.height())))
    {
    }
    Raster(PixelRect rect, Uninitialized)
        : rect_(rect.empty() ? PixelRect{} : rect),
          values_(takeBuffer(static_cast<std::size_t>(rect_.width()) * static_cast<std::size_t>(rect_.height()), false))
    {
    }
    Raster(const Raster& other) : rect_(other.rect_), values_(takeBuffer(other.values_.size()))
    {
        std::copy(other.values_.begin(), other.values_.end(), values_.begin());
    }
    Raster(Raster&& other) noexcept : rect_(other.rect_), values_(std::move(other.values_)) { other.rect_ = {}; }
    Raster& operator=(const Raster& other)
    {
        if (this != &other) {
            Raster copy(other);
            *this = std::move(copy);
        }
        return *this;
    }
    Raster& operator=(Raster&& other) noexcept
    {
        if (this != &other) {
            releaseBuffer(std::move(values_));
            rect_ = other.rect_;
            values_ = std::move(other.values_);
            other.rect_ = {};
        }
        return *this;
    }
    ~Raster() { releaseBuffer(std::move(values_)); }

    const PixelRect& rect() const { return rect_; }
    bool empty() const { return rect_.empty(); }
    int width() const { return rect_.width(); }
    int height() const { return rect_.height(); }

    /// Pointer to the first value of image row y (pixel x0 of the rectangle).
    float* row(int y) { return values_.data() + static_cast<std::size_t>(y - rect_.y0) * static_cast<std::size_t>(width()); }
    const float* row(int y) const
    {
        return values_.data() + static_cast<std::size_t>(y - rect_.y0) * static_cast<std::size_t>(width());
    }
    float& at(int x, int y) { return row(y)[x - rect_.x0]; }
    float at(int x, int y) const { return row(y)[x - rect_.x0]; }

    std::vector<float>& values() { return values_; }
    const std::vector<float>& values() const { return values_; }
    void fill(float v) { std::fill(values_.begin(), values_.end(), v); }

    /// Largest |value| (0 for an empty raster).
    float peakMagnitude() const
    {
        float peak = 0.0F;
        for (const float v : values_)
            peak = std::max(peak, std::fabs(v));
        return peak;
    }

    /// target += scale · this over the overlap of both rectangles.
    void addTo(Raster& target, float scale = 1.0F) const;
    /// this *= other over the overlap; outside `other` this becomes 0.
    void multiplyBy(const Raster& other);

private:
    PixelRect rect_;
    std::vector<float> values_;
};

} // namespace raddraft::phantom::render
