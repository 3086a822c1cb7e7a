#include "Vasculature.h"

#include "Random.h"
#include "Rasterizer.h"

#include <algorithm>
#include <cmath>

namespace raddraft::phantom::render {
namespace {

struct Sprout {
    Vec3 start;
    Vec3 direction;
    double radius;
    int generation;
};

/// A unit vector perpendicular to d, turned randomly about d.
Vec3 randomPerpendicular(Vec3 d, Random& random)
{
    const Vec3 helper = std::fabs(d.y) < 0.9 ? Vec3{0.0, 1.0, 0.0} : Vec3{1.0, 0.0, 0.0};
    const Vec3 a = normalized(cross(d, helper));
    const Vec3 b = cross(d, a);
    const double angle = random.uniform(0.0, 2.0 * kPi);
    return a * std::cos(angle) + b * std::sin(angle);
}

void growLung(const Thorax& thorax, int side, Random& random, double crowding, Vasculature& out)
{
    const BodyModel& body = thorax.body();
    const double sign = sideSign(side);
    const Vec3 hilum = body.hilum[side];
    struct Primary {
        Vec3 direction;
        double radius;
    };
    // Lobar and segmental arteries: upper lobe (apical, anterior, posterior), middle lobe or
    // lingula, and the lower lobe's basal trunk, which carries the largest vessels.
    const Primary primaries[] = {
        {{0.15 * sign, -1.0, 0.1}, 3.0},   {{0.45 * sign, -0.85, -0.35}, 3.3}, {{0.4 * sign, -0.85, 0.35}, 3.2},
        {{0.85 * sign, 0.1, -0.45}, 3.1},  {{0.95 * sign, -0.1, 0.15}, 2.9},   {{0.5 * sign, 0.85, 0.3}, 4.2},
        {{0.2 * sign, 0.95, 0.45}, 4.0},   {{0.75 * sign, 0.6, 0.2}, 3.8},     {{0.35 * sign, 0.8, -0.35}, 3.6},
    };
    // Largest vessels grow first, so the segment budget trims only the finest twigs.
    const auto smaller = [](const Sprout& a, const Sprout& b) { return a.radius < b.radius; };
    std::vector<Sprout> stack;
    for (const Primary& p : primaries) {
        const Vec3 d = normalized(p.direction);
        stack.push_back({hilum + Vec3{random.jitter(0.0, 3.0), random.jitter(0.0, 4.0), random.jitter(0.0, 4.0)},
                         normalized(d + Vec3{random.jitter(0.0, 0.12), random.jitter(0.0, 0.12), random.jitter(0.0, 0.12)}),
                         p.radius * random.jitter(1.0, 0.08), 0});
        std::push_heap(stack.begin(), stack.end(), smaller);
    }
    const int budget = static_cast<int>(1000 * crowding);
    int segments = 0;
    constexpr double kMinRadius = 0.32;
    while (!stack.empty() && segments < budget) {
        std::pop_heap(stack.begin(), stack.end(), smaller);
        Sprout sprout = stack.back();
        stack.pop_back();
        VesselBranch branch;
        branch.side = side;
        branch.generation = sprout.generation;
        Vec3 p = sprout.start;
        Vec3 d = sprout.direction;
        double r = sprout.radius;
        branch.points.push_back(p);
        branch.radiusMm.push_back(r);
        for (int step = 0; step < 80 && r >= kMinRadius && segments < budget; ++step) {
            const double length = std::clamp(2.4 * r + 3.0, 3.0, 9.0) / std::sqrt(crowding);
            // Wander a little, keep heading away from the hilum.
            const Vec3 outward = normalized(p - hilum);
            d = normalized(d + Vec3{random.jitter(0.0, 0.16), random.jitter(0.0, 0.16), random.jitter(0.0, 0.16)} +
                           outward * 0.08);
            const Vec3 next = p + d * length;
            // Stop short of the pleura: peripheral lung shows few markings.
            if (!thorax.insideLung(side, next, 5.0 + 2.0 * r))
                break;
            p = next;
            r *= 0.972;
            branch.points.push_back(p);
            branch.radiusMm.push_back(r);
            ++segments;
            if (r > 0.55 && random.chance(0.34)) {
                const double childRadius = r * random.uniform(0.5, 0.82);
                r = std::cbrt(std::max(r * r * r - childRadius * childRadius * childRadius, kMinRadius * kMinRadius * kMinRadius));
                const double angle = random.uniform(0.45, 0.95);
                const Vec3 childDirection = normalized(d * std::cos(angle) + randomPerpendicular(d, random) * std::sin(angle));
                stack.push_back({p, childDirection, childRadius, sprout.generation + 1});
                std::push_heap(stack.begin(), stack.end(), smaller);
                // The parent bends slightly away from its child.
                d = normalized(d - childDirection * 0.15);
            }
        }
        if (branch.points.size() >= 2)
            out.branches.push_back(std::move(branch));
    }
}

} // namespace

Vasculature growVasculature(const Thorax& thorax, std::uint64_t seed, double crowding)
{
    Vasculature vessels;
    for (int side = 0; side < 2; ++side) {
        Random random(deriveSeed(seed, static_cast<std::uint64_t>(side) + 11U));
        growLung(thorax, side, random, std::clamp(crowding, 0.5, 2.0), vessels);
    }
    return vessels;
}

void cutVessels(Vasculature& vessels, int side, const RegionTable& frontalRegion)
{
    std::vector<VesselBranch> kept;
    for (VesselBranch& branch : vessels.branches) {
        if (branch.side == side) {
            std::size_t keep = 0;
            while (keep < branch.points.size() && !frontalRegion.contains({branch.points[keep].x, branch.points[keep].y}))
                ++keep;
            branch.points.resize(keep);
            branch.radiusMm.resize(keep);
        }
        if (branch.points.size() >= 2)
            kept.push_back(std::move(branch));
    }
    vessels.branches = std::move(kept);
}

void pruneDistalVessels(Vasculature& vessels, double share, std::uint64_t seed)
{
    Random random(seed);
    std::vector<VesselBranch> kept;
    for (VesselBranch& branch : vessels.branches) {
        const bool thin = branch.radiusMm.front() < 1.3 && branch.generation >= 2;
        if (thin && random.chance(share))
            continue;
        // Surviving branches end earlier: the periphery is sparse.
        std::size_t keep = branch.points.size();
        for (std::size_t i = 0; i < branch.points.size(); ++i)
            if (branch.radiusMm[i] < 0.35 + 0.9 * share) {
                keep = i;
                break;
            }
        branch.points.resize(keep);
        branch.radiusMm.resize(keep);
        if (branch.points.size() >= 2)
            kept.push_back(std::move(branch));
    }
    vessels.branches = std::move(kept);
}

void drawVessels(Raster& target, const ViewSetup& view, const Vasculature& vessels, const VesselDrawOptions& options)
{
    std::vector<StrokePoint> stroke;
    const double toPixels = 1.0 / view.spacingMm;
    for (const VesselBranch& branch : vessels.branches) {
        if (branch.radiusMm.front() < options.minRadiusMm)
            continue;
        stroke.clear();
        for (std::size_t i = 0; i < branch.points.size(); ++i) {
            if (branch.points[i].y >= options.maxY)
                break;
            const double r = branch.radiusMm[i] + options.extraRadiusMm;
            stroke.push_back({view.toPixel(branch.points[i]), static_cast<float>(r * toPixels),
                              static_cast<float>(options.peakPerMm * 2.0 * r)});
        }
        // Fade the last sample so a branch's end is a taper, not a cut.
        if (stroke.size() >= 2) {
            stroke.back().peak *= 0.3F;
            stroke.back().halfWidth *= 0.6F;
            strokePolyline(target, stroke, profiles::solidCylinder());
        }
    }
}

} // namespace raddraft::phantom::render
