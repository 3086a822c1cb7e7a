#include "ProfileTable.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {

ProfileTable ProfileTable::fromSamples(double extent, std::vector<double> samples)
{
    ProfileTable t;
    t.extent_ = extent;
    const int entries = static_cast<int>(samples.size()) - 1;
    t.last_ = entries;
    t.scale_ = static_cast<float>(entries / extent);
    double peak = 0.0;
    for (const double v : samples)
        peak = std::max(peak, std::fabs(v));
    t.values_.resize(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
        t.values_[i] = static_cast<float>(peak > 0.0 ? samples[i] / peak : 0.0);
    t.values_.back() = 0.0F;
    return t;
}

ProfileTable ProfileTable::squaredIndex() const
{
    const int entries = last_;
    const double extentSquared = extent_ * extent_;
    std::vector<double> samples(static_cast<std::size_t>(entries) + 1, 0.0);
    for (int i = 0; i < entries; ++i) {
        const double q = std::sqrt(extentSquared * (i + 0.5) / entries);
        samples[static_cast<std::size_t>(i)] = at(static_cast<float>(q));
    }
    return fromSamples(extentSquared, std::move(samples));
}

namespace profiles {
namespace {
double cylinder(double q) { return q < 1.0 ? std::sqrt(1.0 - q * q) : 0.0; }
} // namespace

const ProfileTable& solidCylinder()
{
    static const ProfileTable table = ProfileTable::build(1.3, 0.08, cylinder);
    return table;
}

const ProfileTable& corticalBone()
{
    static const ProfileTable table = ProfileTable::build(1.3, 0.07, [](double q) {
        constexpr double kInner = 0.78;    // medullary radius / outer radius
        constexpr double kMedulla = 0.35;  // medullary density relative to cortex
        const double inner = q < kInner ? std::sqrt(kInner * kInner - q * q) : 0.0;
        return cylinder(q) - (1.0 - kMedulla) * inner;
    });
    return table;
}

const ProfileTable& flatBand()
{
    static const ProfileTable table =
        ProfileTable::build(1.35, 0.1, [](double q) { return q < 1.0 ? 1.0 - 0.25 * q * q * q * q : 0.0; });
    return table;
}

const ProfileTable& hollowTube()
{
    static const ProfileTable table = ProfileTable::build(1.3, 0.06, [](double q) {
        constexpr double kInner = 0.8;
        return cylinder(q) - (q < kInner ? std::sqrt(kInner * kInner - q * q) : 0.0);
    });
    return table;
}

const ProfileTable& sphereSquared()
{
    static const ProfileTable table = ProfileTable::build(1.3, 0.08, cylinder).squaredIndex();
    return table;
}

const ProfileTable& gaussianSquared()
{
    static const ProfileTable table =
        ProfileTable::build(1.6, 0.0, [](double q) { return std::exp(-3.0 * q * q) - std::exp(-3.0 * 2.56); })
            .squaredIndex();
    return table;
}

const ProfileTable& discSquared()
{
    static const ProfileTable table =
        ProfileTable::build(1.25, 0.06, [](double q) { return q < 1.0 ? 1.0 : 0.0; }).squaredIndex();
    return table;
}

const ProfileTable& thinLine()
{
    static const ProfileTable table =
        ProfileTable::build(1.8, 0.0, [](double q) { return std::exp(-2.2 * q * q) - std::exp(-2.2 * 3.24); });
    return table;
}

} // namespace profiles
} // namespace raddraft::phantom::render
