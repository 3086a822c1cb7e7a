#pragma once
// Specs and measurements shared by the renderer tests.

#include "phantom/PhantomRenderer.h"
#include "phantom/PhantomSpec.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace raddraft::phantom::test {

inline StudySpec normalSpec(std::uint64_t seed = 42)
{
    StudySpec spec;
    spec.id = "phantom-test";
    spec.seed = seed;
    return spec;
}

inline FindingInstance finding(FindingKind kind, Side side = Side::None, Zone zone = Zone::None,
                               Severity severity = Severity::None, double sizeMm = 0.0, std::uint64_t placementSeed = 7)
{
    FindingInstance f;
    f.kind = kind;
    f.side = side;
    f.zone = zone;
    f.severity = severity;
    f.sizeMm = sizeMm;
    f.placementSeed = placementSeed;
    return f;
}

inline StudySpec specWith(std::vector<FindingInstance> findings, std::uint64_t seed = 42)
{
    StudySpec spec = normalSpec(seed);
    spec.findings = std::move(findings);
    return spec;
}

inline RenderedStudy renderAt(const StudySpec& spec, int size = 256)
{
    RenderOptions options;
    options.size = size;
    return renderStudy(spec, options);
}

inline std::size_t area(const PhantomMask& mask)
{
    std::size_t n = 0;
    for (const std::uint8_t v : mask.pixels)
        n += v;
    return n;
}

/// Mean column of the mask's pixels (−1 when empty).
inline double centroidX(const PhantomMask& mask)
{
    double sum = 0.0;
    std::size_t n = 0;
    for (int y = 0; y < mask.height; ++y)
        for (int x = 0; x < mask.width; ++x)
            if (!mask.pixels.empty() && mask.pixels[static_cast<std::size_t>(y * mask.width + x)] != 0) {
                sum += x;
                ++n;
            }
    return n > 0 ? sum / static_cast<double>(n) : -1.0;
}

/// Widest run of set pixels in any row.
inline int widestRow(const PhantomMask& mask)
{
    int widest = 0;
    for (int y = 0; y < mask.height; ++y) {
        int first = -1;
        int last = -1;
        for (int x = 0; x < mask.width; ++x)
            if (mask.pixels[static_cast<std::size_t>(y * mask.width + x)] != 0) {
                if (first < 0)
                    first = x;
                last = x;
            }
        if (first >= 0)
            widest = std::max(widest, last - first + 1);
    }
    return widest;
}

/// Mean |a − b| (in units of full scale) over the pixels set in `mask`.
inline double meanDifferenceInside(const PhantomImage& a, const PhantomImage& b, const PhantomMask& mask)
{
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < mask.pixels.size(); ++i)
        if (mask.pixels[i] != 0) {
            sum += std::fabs(static_cast<double>(a.pixels[i]) - static_cast<double>(b.pixels[i]));
            ++n;
        }
    return n > 0 ? sum / static_cast<double>(n) / 65535.0 : 0.0;
}

/// Mean value (fraction of full scale) over a rectangle of the image.
inline double meanOver(const PhantomImage& image, int x0, int y0, int x1, int y1)
{
    double sum = 0.0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            sum += image.pixels[static_cast<std::size_t>(y * image.width + x)];
    return sum / ((x1 - x0) * (y1 - y0)) / 65535.0;
}

} // namespace raddraft::phantom::test
