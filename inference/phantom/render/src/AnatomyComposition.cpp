#include "Anatomy.h"

#include "Blur.h"
#include "Random.h"
#include "Rasterizer.h"
#include "RegionTable.h"

#include <cmath>

namespace raddraft::phantom::render {

Raster coarseTexture(const ViewSetup& view, std::uint64_t seed)
{
    Raster texture(view.coarseRect());
    NoiseRandom random(seed);
    for (float& v : texture.values())
        v = random.gaussian();
    // ~3 mm structure regardless of the coarse pixel size.
    const double sigma = 1.6 / (view.spacingMm * view.coarseFactor);
    boxBlur(texture, std::max(1, boxRadiusForSigma(sigma, 2)), 2);
    double sum = 0.0;
    double squares = 0.0;
    for (const float v : texture.values()) {
        sum += v;
        squares += static_cast<double>(v) * v;
    }
    const double n = static_cast<double>(texture.values().size());
    const double mean = sum / n;
    const double sd = std::sqrt(std::max(1e-12, squares / n - mean * mean));
    for (float& v : texture.values())
        v = static_cast<float>((v - mean) / sd);
    return texture;
}

void addLungAir(ViewCanvas& canvas, const std::vector<Polyline>& coverageMm, const std::vector<Polyline>& lungsMm,
                const Raster& texture, const LungAirOptions& options)
{
    const ViewSetup& v = canvas.setup;
    Raster& air = canvas.lungAir;
    Raster rounded(v.coarseRect());
    const double coarseSigma = options.roundingMm / (v.spacingMm * v.coarseFactor);
    for (const Polyline& region : coverageMm)
        fillPolygon(air, v.toPixels(region), options.share);
    for (const Polyline& lung : lungsMm)
        addBlurredPolygon(rounded, v.toCoarse(lung), options.share, coarseSigma);
    // Texture modulates the air content (parenchymal inhomogeneity), only inside the lungs.
    const float amount = static_cast<float>(options.textureAmount);
    for (std::size_t i = 0; i < rounded.values().size(); ++i)
        rounded.values()[i] *= 1.0F + amount * texture.values()[i];
    multiplyUpsampled(rounded, v.coarseFactor, air, static_cast<float>(options.edge), static_cast<float>(options.depth));
}

void addEllipticalThickness(ViewCanvas& canvas, const Polyline& outlineMm, float peak, double softnessMm,
                            double (*scaleAtY)(double y, const void* context), const void* context)
{
    // (1 − a³)^⅓ tabulated over a = |u| ∈ [0, 1].
    constexpr int kEntries = 1024;
    static const std::vector<float> profile = [] {
        std::vector<float> t(kEntries + 1);
        for (int i = 0; i <= kEntries; ++i) {
            const double a = static_cast<double>(i) / kEntries;
            t[static_cast<std::size_t>(i)] = static_cast<float>(std::cbrt(std::max(0.0, 1.0 - a * a * a)));
        }
        return t;
    }();
    const ViewSetup& v = canvas.setup;
    const RegionTable region(outlineMm, 1.0);
    const Affine2 toMm = v.mmToCoarse.inverse();
    const int margin = static_cast<int>(std::ceil(3.0 * softnessMm / (v.spacingMm * v.coarseFactor))) + 1;
    const PixelRect rect = pixelRectOf(bounds(v.toCoarse(outlineMm)), margin).intersected(v.coarseRect().expanded(margin));
    if (rect.empty())
        return;
    Raster layer(rect);
    const Vec2 step = toMm.linear({1.0, 0.0});
    for (int y = rect.y0; y < rect.y1; ++y) {
        float* row = layer.row(y);
        Vec2 p = toMm({rect.x0 + 0.5, y + 0.5});
        for (int x = 0; x < rect.width(); ++x, p = p + step) {
            const auto* spans = region.row(p.y);
            if (spans == nullptr)
                continue;
            for (const RegionTable::Span& s : *spans) {
                if (p.x < s.x0 || p.x >= s.x1)
                    continue;
                const double a = std::fabs((2.0 * p.x - s.x0 - s.x1) / (s.x1 - s.x0));
                const double scale = scaleAtY != nullptr ? scaleAtY(p.y, context) : 1.0;
                row[x] = static_cast<float>(scale) * peak * profile[static_cast<std::size_t>(std::min(1.0, a) * kEntries)];
                break;
            }
        }
    }
    boxBlur(layer, boxRadiusForSigma(softnessMm / (v.spacingMm * v.coarseFactor), 1), 1);
    layer.addTo(canvas.coarse);
}

void assignCoarseLayer(ViewCanvas& canvas)
{
    assignUpsampled(canvas.coarse, canvas.setup.coarseFactor, canvas.density);
}

void composeAnatomy(ViewCanvas& canvas)
{
    canvas.lungAir.addTo(canvas.density, -1.0F);
}

} // namespace raddraft::phantom::render
