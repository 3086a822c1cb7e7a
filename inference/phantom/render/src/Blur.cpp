#include "Blur.h"

#include "Rasterizer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace raddraft::phantom::render {
namespace {

void boxBlurRows(Raster& raster, int radius, std::vector<float>& scratch)
{
    const int w = raster.width();
    const float inv = 1.0F / static_cast<float>(2 * radius + 1);
    scratch.assign(static_cast<std::size_t>(w + 2 * radius + 1), 0.0F);
    for (int y = raster.rect().y0; y < raster.rect().y1; ++y) {
        float* row = raster.row(y);
        std::copy(row, row + w, scratch.begin() + radius + 1);
        // scratch[k + radius + 1] = row[k]; zeros around. Running sum of the window.
        float sum = 0.0F;
        for (int k = 0; k < 2 * radius + 1; ++k)
            sum += scratch[static_cast<std::size_t>(k)];
        for (int x = 0; x < w; ++x) {
            sum += scratch[static_cast<std::size_t>(x + 2 * radius + 1)] - scratch[static_cast<std::size_t>(x)];
            row[x] = sum * inv;
        }
    }
}

void boxBlurColumns(Raster& raster, int radius, std::vector<float>& scratch)
{
    const int w = raster.width();
    const int h = raster.height();
    const int y0 = raster.rect().y0;
    const float inv = 1.0F / static_cast<float>(2 * radius + 1);
    // Original rows are kept in a ring of 2·radius + 2 rows: a row leaves the window
    // 2·radius + 1 rows after it entered, when its place in the raster is already overwritten.
    const int ring = 2 * radius + 2;
    scratch.resize(static_cast<std::size_t>(ring + 1) * static_cast<std::size_t>(w));
    float* sum = scratch.data() + static_cast<std::size_t>(ring) * static_cast<std::size_t>(w);
    std::fill(sum, sum + w, 0.0F);
    const auto saved = [&](int r) { return scratch.data() + static_cast<std::size_t>(r % ring) * static_cast<std::size_t>(w); };
    const auto enter = [&](int r) {
        const float* s = raster.row(y0 + r);
        std::copy(s, s + w, saved(r));
        for (int x = 0; x < w; ++x)
            sum[x] += s[x];
    };
    for (int r = 0; r < std::min(radius, h); ++r)
        enter(r);
    for (int r = 0; r < h; ++r) {
        const int entering = r + radius;
        const int leaving = r - radius - 1;
        if (entering < h)
            enter(entering);
        if (leaving >= 0) {
            const float* s = saved(leaving);
            for (int x = 0; x < w; ++x)
                sum[x] -= s[x];
        }
        float* out = raster.row(y0 + r);
        for (int x = 0; x < w; ++x)
            out[x] = sum[x] * inv;
    }
}

} // namespace

int boxRadiusForSigma(double sigma, int passes)
{
    // σ² = passes · ((2r + 1)² − 1) / 12  ⇒  r = (sqrt(12σ²/passes + 1) − 1) / 2.
    const double r = (std::sqrt(12.0 * sigma * sigma / passes + 1.0) - 1.0) / 2.0;
    return std::max(0, static_cast<int>(std::lround(r)));
}

void boxBlur(Raster& raster, int radius, int passes)
{
    if (raster.empty() || radius <= 0)
        return;
    std::vector<float> scratch;
    for (int p = 0; p < passes; ++p)
        boxBlurRows(raster, radius, scratch);
    for (int p = 0; p < passes; ++p)
        boxBlurColumns(raster, radius, scratch);
}

std::vector<float> gaussianKernel(double sigma)
{
    // ±2.5 σ holds 98.8 % of the weight; the rest is renormalised.
    const int radius = std::max(1, static_cast<int>(std::ceil(2.5 * sigma)));
    std::vector<float> kernel(static_cast<std::size_t>(2 * radius + 1));
    double total = 0.0;
    for (int k = -radius; k <= radius; ++k)
        total += std::exp(-0.5 * k * k / (sigma * sigma));
    for (int k = -radius; k <= radius; ++k)
        kernel[static_cast<std::size_t>(k + radius)] = static_cast<float>(std::exp(-0.5 * k * k / (sigma * sigma)) / total);
    return kernel;
}

void gaussianBlur(Raster& raster, double sigma)
{
    if (raster.empty() || sigma < 0.2)
        return;
    const std::vector<float> kernel = gaussianKernel(sigma);
    const int radius = static_cast<int>(kernel.size() / 2);

    const int w = raster.width();
    const int h = raster.height();
    const int y0 = raster.rect().y0;
    // Row-filtered rows live in a ring of 2·radius + 1 rows: output row r needs filtered rows
    // r − radius … r + radius (clamped), and is written only after raster row r + radius was
    // read, so the blur runs in place without a full-size temporary.
    const int ring = 2 * radius + 1;
    std::vector<float> filtered(static_cast<std::size_t>(ring) * static_cast<std::size_t>(w));
    std::vector<float> padded(static_cast<std::size_t>(w + 2 * radius));
    const auto filteredRow = [&](int r) {
        return filtered.data() + static_cast<std::size_t>(r % ring) * static_cast<std::size_t>(w);
    };
    for (int j = 0; j < h + radius; ++j) {
        if (j < h) {
            const float* row = raster.row(y0 + j);
            std::fill(padded.begin(), padded.begin() + radius, row[0]);
            std::copy(row, row + w, padded.begin() + radius);
            std::fill(padded.begin() + radius + w, padded.end(), row[w - 1]);
            float* out = filteredRow(j);
            std::fill(out, out + w, 0.0F);
            for (int k = 0; k <= 2 * radius; ++k) {
                const float kw = kernel[static_cast<std::size_t>(k)];
                const float* src = padded.data() + k;
                for (int x = 0; x < w; ++x)
                    out[x] += kw * src[x];
            }
        }
        const int r = j - radius;
        if (r < 0)
            continue;
        float* out = raster.row(y0 + r);
        std::fill(out, out + w, 0.0F);
        for (int k = -radius; k <= radius; ++k) {
            const int rr = std::min(h - 1, std::max(0, r + k));
            const float kw = kernel[static_cast<std::size_t>(k + radius)];
            const float* src = filteredRow(rr);
            for (int x = 0; x < w; ++x)
                out[x] += kw * src[x];
        }
    }
}

namespace {

template <class Op>
void upsampleInto(const Raster& coarse, int factor, Raster& fine, Op&& op)
{
    if (coarse.empty() || fine.empty())
        return;
    const PixelRect& c = coarse.rect();
    const PixelRect& f = fine.rect();
    // Per fine column: left coarse column (clamped) and weight.
    std::vector<int> column(static_cast<std::size_t>(f.width()));
    std::vector<float> weight(static_cast<std::size_t>(f.width()));
    const double inv = 1.0 / factor;
    for (int x = f.x0; x < f.x1; ++x) {
        const double cx = (x + 0.5) * inv - 0.5;
        double left = std::floor(cx);
        double t = cx - left;
        if (left < c.x0) {
            left = c.x0;
            t = 0.0;
        }
        if (left >= c.x1 - 1) {
            left = c.x1 - 2;
            t = 1.0;
        }
        column[static_cast<std::size_t>(x - f.x0)] = static_cast<int>(left) - c.x0;
        weight[static_cast<std::size_t>(x - f.x0)] = static_cast<float>(t);
    }
    std::vector<float> blended(static_cast<std::size_t>(c.width()));
    for (int y = f.y0; y < f.y1; ++y) {
        const double cy = (y + 0.5) * inv - 0.5;
        int top = static_cast<int>(std::floor(cy));
        float ty = static_cast<float>(cy - top);
        if (top < c.y0) {
            top = c.y0;
            ty = 0.0F;
        }
        if (top >= c.y1 - 1) {
            top = std::max(c.y0, c.y1 - 2);
            ty = c.y1 - c.y0 > 1 ? 1.0F : 0.0F;
        }
        const float* a = coarse.row(top);
        const float* b = coarse.row(std::min(top + 1, c.y1 - 1));
        for (int i = 0; i < c.width(); ++i)
            blended[static_cast<std::size_t>(i)] = a[i] + ty * (b[i] - a[i]);
        float* out = fine.row(y);
        for (int i = 0; i < f.width(); ++i) {
            const int k = column[static_cast<std::size_t>(i)];
            const float l = blended[static_cast<std::size_t>(k)];
            const float r = blended[static_cast<std::size_t>(k + 1)];
            op(out[i], l + weight[static_cast<std::size_t>(i)] * (r - l));
        }
    }
}

} // namespace

void addUpsampled(const Raster& coarse, int factor, Raster& fine, float scale)
{
    upsampleInto(coarse, factor, fine, [scale](float& out, float value) { out += scale * value; });
}

void assignUpsampled(const Raster& coarse, int factor, Raster& fine)
{
    upsampleInto(coarse, factor, fine, [](float& out, float value) { out = value; });
}

void multiplyUpsampled(const Raster& coarse, int factor, Raster& fine, float offset, float scale)
{
    upsampleInto(coarse, factor, fine,
                 [offset, scale](float& out, float value) { out *= offset + scale * value; });
}

void addBlurredPolygon(Raster& target, const Polyline& polygon, float value, double sigmaPx)
{
    const int radius = boxRadiusForSigma(sigmaPx, 3);
    const PixelRect rect = pixelRectOf(bounds(polygon), 3 * radius + 2).intersected(target.rect().expanded(3 * radius + 2));
    if (rect.empty())
        return;
    Raster layer(rect);
    fillPolygon(layer, polygon, value);
    boxBlur(layer, radius, 3);
    layer.addTo(target);
}

} // namespace raddraft::phantom::render
