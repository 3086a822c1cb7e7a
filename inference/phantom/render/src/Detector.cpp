#include "Detector.h"

#include "Blur.h"
#include "Random.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace raddraft::phantom::render {
namespace {

constexpr double kLutLow = -0.3;
constexpr double kLutHigh = 1.9;
constexpr int kLutSize = 8192;

struct DisplayLut {
    std::array<std::uint16_t, kLutSize> values{};
    DisplayLut()
    {
        for (int i = 0; i < kLutSize; ++i) {
            const double d = kLutLow + (kLutHigh - kLutLow) * (i + 0.5) / kLutSize;
            values[static_cast<std::size_t>(i)] =
                static_cast<std::uint16_t>(std::lround(std::clamp(displayValue(d), 0.0, 1.0) * 65535.0));
        }
    }
};

} // namespace

double displayValue(double density)
{
    constexpr double kToe = 0.1;
    constexpr double kShoulder = 0.85;
    constexpr double kHeadroom = 0.14;
    if (density < kToe)
        return kToe * std::exp((density - kToe) / kToe);
    if (density > kShoulder)
        return kShoulder + kHeadroom * std::tanh((density - kShoulder) / kHeadroom);
    return density;
}

void exposeView(const Raster& density, const ViewSetup& view, const ExposureSettings& settings,
                std::vector<std::uint16_t>& pixels)
{
    const float densityScale = static_cast<float>(std::pow(std::clamp(settings.exposure, 0.5, 2.0), -0.7));
    const double blurSigmaPx = settings.blurSigmaMm / view.spacingMm;
    const bool blur = blurSigmaPx >= 0.2;
    // White noise blurred by a Gaussian of σ px keeps 1 / (2 σ √π) of its standard deviation.
    const double blurLoss = blur ? std::max(1.0, 2.0 * blurSigmaPx * std::sqrt(kPi)) : 1.0;
    const float noise = static_cast<float>(settings.noiseSigma * blurLoss / std::sqrt(std::max(0.5, settings.exposure)));
    const std::vector<float> kernel = blur ? gaussianKernel(blurSigmaPx) : std::vector<float>{1.0F};
    const int radius = static_cast<int>(kernel.size() / 2);

    static const DisplayLut lut;
    const float lutScale = static_cast<float>(kLutSize / (kLutHigh - kLutLow));
    const float lutOffset = static_cast<float>(-kLutLow);

    const int w = density.width();
    const int h = density.height();
    const int y0 = density.rect().y0;
    NoiseRandom random(settings.noiseSeed);
    const int ring = 2 * radius + 1;
    std::vector<float> filtered(static_cast<std::size_t>(ring) * static_cast<std::size_t>(w));
    std::vector<float> padded(static_cast<std::size_t>(w + 2 * radius));
    std::vector<float> column(static_cast<std::size_t>(w));
    pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    const auto filteredRow = [&](int r) {
        return filtered.data() + static_cast<std::size_t>(r % ring) * static_cast<std::size_t>(w);
    };
    for (int j = 0; j < h + radius; ++j) {
        if (j < h) {
            // Exposure scaling and quantum noise, which grows with the attenuated signal.
            const float* src = density.row(y0 + j);
            float* p = padded.data() + radius;
            for (int x = 0; x < w; x += 2) {
                float n0 = 0.0F;
                float n1 = 0.0F;
                random.triangularPair(n0, n1);
                const float d0 = src[x] * densityScale;
                p[x] = d0 + noise * (0.6F + 0.8F * std::min(1.0F, std::max(0.0F, d0))) * n0;
                if (x + 1 < w) {
                    const float d1 = src[x + 1] * densityScale;
                    p[x + 1] = d1 + noise * (0.6F + 0.8F * std::min(1.0F, std::max(0.0F, d1))) * n1;
                }
            }
            std::fill(padded.begin(), padded.begin() + radius, p[0]);
            std::fill(padded.begin() + radius + w, padded.end(), p[w - 1]);
            float* out = filteredRow(j);
            std::fill(out, out + w, 0.0F);
            for (int k = 0; k < ring; ++k) {
                const float kw = kernel[static_cast<std::size_t>(k)];
                const float* in = padded.data() + k;
                for (int x = 0; x < w; ++x)
                    out[x] += kw * in[x];
            }
        }
        const int r = j - radius;
        if (r < 0)
            continue;
        std::fill(column.begin(), column.end(), 0.0F);
        for (int k = -radius; k <= radius; ++k) {
            const float kw = kernel[static_cast<std::size_t>(k + radius)];
            const float* in = filteredRow(std::min(h - 1, std::max(0, r + k)));
            for (int x = 0; x < w; ++x)
                column[static_cast<std::size_t>(x)] += kw * in[x];
        }
        std::uint16_t* out = pixels.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(w);
        for (int x = 0; x < w; ++x) {
            const float index = (column[static_cast<std::size_t>(x)] + lutOffset) * lutScale;
            const int k = index <= 0.0F ? 0 : (index >= kLutSize - 1 ? kLutSize - 1 : static_cast<int>(index));
            out[x] = lut.values[static_cast<std::size_t>(k)];
        }
    }
}

} // namespace raddraft::phantom::render
