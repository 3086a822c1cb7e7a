#pragma once
// Cross-section profiles of drawn structures as lookup tables, so that no primitive evaluates a
// square root or an exponential per pixel. A profile maps a normalised distance q (0 at the axis,
// 1 at the nominal edge) to a density factor; each table extends a little beyond q = 1 so that
// edges are soft (the analytic shape is smoothed with a narrow Gaussian when the table is built).

#include <cmath>
#include <utility>
#include <vector>

namespace raddraft::phantom::render {

class ProfileTable {
public:
    /// Table of f(q) for q ∈ [0, extent] (extent > 1 leaves room for the soft edge), smoothed by
    /// a Gaussian of `softness` (in units of q), peak-normalised to 1.
    template <class F>
    static ProfileTable build(double extent, double softness, F&& f);

    /// The same profile indexed by q² (for ellipses, whose per-pixel r² needs no square root).
    ProfileTable squaredIndex() const;

    double extent() const { return extent_; }
    /// Entries per unit of the index.
    float scale() const { return scale_; }
    /// f at index value q ≥ 0 (0 beyond the extent).
    float at(float q) const
    {
        const int i = static_cast<int>(q * scale_);
        return i < last_ ? values_[static_cast<std::size_t>(i)] : 0.0F;
    }
    const float* data() const { return values_.data(); }
    int size() const { return last_; }

private:
    static ProfileTable fromSamples(double extent, std::vector<double> samples);

    double extent_ = 1.0;
    float scale_ = 1.0F;
    int last_ = 0;
    std::vector<float> values_;
};

/// The standard profiles (built once, shared, thread-safe).
namespace profiles {
/// Projected thickness of a solid cylinder: sqrt(1 − q²). Vessels, tubes of soft tissue.
const ProfileTable& solidCylinder();
/// A bone: dense cortex (the outer 22 %) around a less dense medulla; bright margins.
const ProfileTable& corticalBone();
/// Nearly flat with soft walls: an air column (trachea, bronchi), a band of fluid.
const ProfileTable& flatBand();
/// A thin-walled hollow tube seen from the side (a plastic tube's wall).
const ProfileTable& hollowTube();
/// Projected thickness of a sphere, indexed by r².
const ProfileTable& sphereSquared();
/// A Gaussian exp(−3 r²), indexed by r² (soft blobs, haze).
const ProfileTable& gaussianSquared();
/// Flat disc with a soft rim, indexed by r² (dense devices, calcifications).
const ProfileTable& discSquared();
/// A Gaussian line across q: exp(−2.2 q²) (thin lines: pleural line, septal lines, cortices).
const ProfileTable& thinLine();
} // namespace profiles

template <class F>
ProfileTable ProfileTable::build(double extent, double softness, F&& f)
{
    constexpr int kEntries = 512;
    constexpr int kTaps = 33;
    std::vector<double> samples(kEntries + 1, 0.0);
    for (int i = 0; i < kEntries; ++i) {
        const double q = extent * (i + 0.5) / kEntries;
        double sum = 0.0;
        double weightSum = 0.0;
        for (int k = 0; k < kTaps; ++k) {
            const double t = (k - (kTaps - 1) / 2) * (3.0 / ((kTaps - 1) / 2));
            const double w = softness > 0.0 ? std::exp(-0.5 * t * t) : (k == (kTaps - 1) / 2 ? 1.0 : 0.0);
            const double qq = q + t * softness;
            const double a = qq < 0.0 ? -qq : qq;
            sum += w * f(a);
            weightSum += w;
        }
        samples[static_cast<std::size_t>(i)] = sum / weightSum;
    }
    return fromSamples(extent, std::move(samples));
}

} // namespace raddraft::phantom::render
