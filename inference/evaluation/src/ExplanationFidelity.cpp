#include "evaluation/ExplanationFidelity.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace raddraft::evaluation {
namespace {

struct Source {
    int i0, i1;
    float w0, w1;
};

Source sourceIndex(int dst, int in, int out)
{
    const float scale = static_cast<float>(in) / static_cast<float>(out);
    float src = scale * (static_cast<float>(dst) + 0.5f) - 0.5f;
    if (src < 0.0f) src = 0.0f;
    const int i0 = std::min(static_cast<int>(src), in - 1);
    const int i1 = i0 + (i0 < in - 1 ? 1 : 0);
    const float w1 = src - static_cast<float>(i0);
    return {i0, i1, 1.0f - w1, w1};
}

} // namespace

std::vector<float> upsampleBilinear(const Heatmap& heatmap, int height, int width)
{
    if (heatmap.rows <= 0 || heatmap.cols <= 0 ||
        heatmap.values.size() != static_cast<std::size_t>(heatmap.rows) * static_cast<std::size_t>(heatmap.cols))
        throw std::invalid_argument("upsampleBilinear: empty or inconsistent heatmap");
    if (height <= 0 || width <= 0) throw std::invalid_argument("upsampleBilinear: bad size");
    std::vector<Source> xs(static_cast<std::size_t>(width));
    for (int x = 0; x < width; ++x) xs[static_cast<std::size_t>(x)] = sourceIndex(x, heatmap.cols, width);
    std::vector<float> out(static_cast<std::size_t>(height) * static_cast<std::size_t>(width));
    const auto at = [&](int r, int c) {
        return heatmap.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(heatmap.cols) +
                              static_cast<std::size_t>(c)];
    };
    for (int y = 0; y < height; ++y) {
        const Source sy = sourceIndex(y, heatmap.rows, height);
        for (int x = 0; x < width; ++x) {
            const Source& sx = xs[static_cast<std::size_t>(x)];
            out[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
                sy.w0 * (sx.w0 * at(sy.i0, sx.i0) + sx.w1 * at(sy.i0, sx.i1)) +
                sy.w1 * (sx.w0 * at(sy.i1, sx.i0) + sx.w1 * at(sy.i1, sx.i1));
        }
    }
    return out;
}

FidelityScores computeFidelity(const Heatmap& heatmap, const Mask& mask, double tolerancePixels)
{
    const std::size_t pixels = static_cast<std::size_t>(std::max(mask.height, 0)) *
                               static_cast<std::size_t>(std::max(mask.width, 0));
    if (mask.height <= 0 || mask.width <= 0 || mask.values.size() != pixels)
        throw std::invalid_argument("computeFidelity: inconsistent mask");
    if (!(tolerancePixels >= 0.0)) throw std::invalid_argument("computeFidelity: negative tolerance");
    if (std::none_of(mask.values.begin(), mask.values.end(), [](std::uint8_t v) { return v != 0; }))
        throw std::invalid_argument("computeFidelity: empty mask");
    const std::vector<float> h = upsampleBilinear(heatmap, mask.height, mask.width);

    FidelityScores scores;
    const auto [minIt, maxIt] = std::minmax_element(h.begin(), h.end());
    const double maxValue = *maxIt;

    // Pointing game (first maximum in row-major order; max_element returns the first).
    if (*minIt < *maxIt) {
        const std::size_t argmax = static_cast<std::size_t>(std::max_element(h.begin(), h.end()) - h.begin());
        const int py = static_cast<int>(argmax / static_cast<std::size_t>(mask.width));
        const int px = static_cast<int>(argmax % static_cast<std::size_t>(mask.width));
        const int t = static_cast<int>(std::floor(tolerancePixels));
        const double t2 = tolerancePixels * tolerancePixels;
        for (int y = std::max(0, py - t); y <= std::min(mask.height - 1, py + t) && !scores.pointingHit; ++y)
            for (int x = std::max(0, px - t); x <= std::min(mask.width - 1, px + t); ++x) {
                const double dy = y - py, dx = x - px;
                if (dy * dy + dx * dx <= t2 &&
                    mask.values[static_cast<std::size_t>(y) * static_cast<std::size_t>(mask.width) +
                                static_cast<std::size_t>(x)] != 0) {
                    scores.pointingHit = true;
                    break;
                }
            }
    }

    double inside = 0, total = 0;
    long intersection = 0, unionCount = 0;
    const double threshold = 0.7 * maxValue;
    for (std::size_t i = 0; i < pixels; ++i) {
        const bool inMask = mask.values[i] != 0;
        const double v = std::max(static_cast<double>(h[i]), 0.0);
        total += v;
        if (inMask) inside += v;
        const bool active = maxValue > 0.0 && static_cast<double>(h[i]) >= threshold;
        intersection += (active && inMask) ? 1 : 0;
        unionCount += (active || inMask) ? 1 : 0;
    }
    scores.energy = total > 0.0 ? inside / total : 0.0;
    scores.iou = static_cast<double>(intersection) / static_cast<double>(unionCount);
    return scores;
}

void FidelityAggregator::add(const std::string& finding, const FidelityScores& scores)
{
    Sums& s = sums_[finding];
    ++s.n;
    s.pointing += scores.pointingHit ? 1.0 : 0.0;
    s.energy += scores.energy;
    s.iou += scores.iou;
}

FidelitySummary FidelityAggregator::summary() const
{
    FidelitySummary result;
    Sums all;
    for (const auto& [finding, s] : sums_) {
        const double n = static_cast<double>(s.n);
        FidelityMeans m{s.n, s.pointing / n, s.energy / n, s.iou / n};
        result.perFinding[finding] = m;
        all.n += s.n;
        all.pointing += s.pointing;
        all.energy += s.energy;
        all.iou += s.iou;
        result.macro.pointingGame += m.pointingGame;
        result.macro.energyPointingGame += m.energyPointingGame;
        result.macro.iou += m.iou;
    }
    if (all.n > 0) {
        const double n = static_cast<double>(all.n);
        result.overall = {all.n, all.pointing / n, all.energy / n, all.iou / n};
        const double f = static_cast<double>(sums_.size());
        result.macro.studies = static_cast<long>(sums_.size());
        result.macro.pointingGame /= f;
        result.macro.energyPointingGame /= f;
        result.macro.iou /= f;
    }
    return result;
}

} // namespace raddraft::evaluation
