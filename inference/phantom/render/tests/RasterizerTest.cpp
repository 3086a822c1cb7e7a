// The drawing primitives: coverage is exact, strokes tile without double coverage, blurs keep
// the integral, and the buffer pool hands out zeroed storage.

#include "Blur.h"
#include "ProfileTable.h"
#include "Raster.h"
#include "Rasterizer.h"
#include "RegionTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace raddraft::phantom::render {
namespace {

double sum(const Raster& r)
{
    return std::accumulate(r.values().begin(), r.values().end(), 0.0);
}

TEST(FillPolygon, PixelAlignedSquareCoversExactlyItsPixels)
{
    Raster r({0, 0, 20, 20});
    fillPolygon(r, {{2, 3}, {12, 3}, {12, 13}, {2, 13}}, 2.0F);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) {
            const bool inside = x >= 2 && x < 12 && y >= 3 && y < 13;
            EXPECT_FLOAT_EQ(r.at(x, y), inside ? 2.0F : 0.0F) << x << "," << y;
        }
}

TEST(FillPolygon, CoverageIntegratesToTheArea)
{
    Raster r({0, 0, 64, 64});
    const Polyline hexagon = ellipsePolygon({31.3, 30.7}, 20.2, 13.9, 0.4, 6);
    fillPolygon(r, hexagon, 1.0F);
    EXPECT_NEAR(sum(r), area(hexagon), 0.01 * area(hexagon));
    for (const float v : r.values()) {
        EXPECT_GE(v, 0.0F);
        EXPECT_LE(v, 1.0F);
    }
}

TEST(FillPolygon, ClipsToTheRaster)
{
    Raster r({10, 10, 20, 20});
    fillPolygon(r, {{0, 0}, {100, 0}, {100, 100}, {0, 100}}, 1.0F);
    EXPECT_DOUBLE_EQ(sum(r), 100.0);
}

TEST(FillPolygonMask, SetsPixelsAtLeastHalfCovered)
{
    std::vector<std::uint8_t> mask(16 * 16, 0);
    fillPolygonMask(mask, 16, 16, {{2.0, 2.0}, {8.4, 2.0}, {8.4, 6.0}, {2.0, 6.0}});
    EXPECT_EQ(mask[3 * 16 + 8], 0); // 40 % covered
    EXPECT_EQ(mask[3 * 16 + 7], 1);
    EXPECT_EQ(std::accumulate(mask.begin(), mask.end(), 0), 6 * 4);
}

TEST(StrokePolyline, SplittingASegmentChangesNothing)
{
    Raster one({0, 0, 80, 40});
    Raster three({0, 0, 80, 40});
    strokePolyline(one, {{5.2, 20.1}, {74.7, 18.3}}, 3.0F, 1.0F, profiles::solidCylinder());
    strokePolyline(three, {{5.2, 20.1}, {28.37, 19.5}, {51.53, 18.9}, {74.7, 18.3}}, 3.0F, 1.0F, profiles::solidCylinder());
    ASSERT_EQ(one.values().size(), three.values().size());
    for (std::size_t i = 0; i < one.values().size(); ++i)
        EXPECT_NEAR(one.values()[i], three.values()[i], 1e-3F);
}

TEST(StrokePolyline, BentStrokeIsNotCoveredTwiceAtItsJoints)
{
    // A right-angle-free polyline with 30° turns: the integral equals length × cross-section
    // integral (no overlap at the mitred joints, no gaps).
    Raster r({0, 0, 200, 200});
    Polyline points;
    Vec2 p{30.0, 100.0};
    double heading = 0.0;
    double length = 0.0;
    points.push_back(p);
    for (int i = 0; i < 6; ++i) {
        heading += (i % 2 == 0 ? 1.0 : -1.0) * kPi / 6.0;
        const Vec2 next = p + Vec2{std::cos(heading), std::sin(heading)} * 20.0;
        length += 20.0;
        points.push_back(next);
        p = next;
    }
    const float halfWidth = 4.0F;
    strokePolyline(r, points, halfWidth, 1.0F, profiles::flatBand());
    // Cross-section integral of the table over −extent … extent, in pixels.
    const ProfileTable& t = profiles::flatBand();
    double crossSection = 0.0;
    const int steps = 2000;
    for (int i = 0; i < steps; ++i) {
        const double q = t.extent() * (i + 0.5) / steps;
        crossSection += 2.0 * t.at(static_cast<float>(q)) * halfWidth * t.extent() / steps;
    }
    EXPECT_NEAR(sum(r), length * crossSection, 0.03 * length * crossSection);
}

TEST(StrokePolyline, ThinStrokesKeepTheirIntegral)
{
    Raster wide({0, 0, 100, 30});
    Raster thin({0, 0, 100, 30});
    strokePolyline(wide, {{10.0, 15.3}, {90.0, 15.3}}, 2.0F, 1.0F, profiles::thinLine());
    strokePolyline(thin, {{10.0, 15.3}, {90.0, 15.3}}, 0.4F, 1.0F, profiles::thinLine());
    EXPECT_NEAR(sum(thin), 0.2 * sum(wide), 0.05 * sum(thin));
}

TEST(FillEllipse, SphereProfileIntegratesToTheSphereVolume)
{
    Raster r({0, 0, 80, 80});
    const double radius = 15.0;
    fillEllipse(r, {40.2, 39.6}, radius, radius, 0.0, 1.0F, profiles::sphereSquared());
    // ∫ sqrt(1 − r²/R²) dA = 2/3 π R².
    EXPECT_NEAR(sum(r), 2.0 / 3.0 * kPi * radius * radius, 0.03 * 2.0 / 3.0 * kPi * radius * radius);
}

TEST(Blur, BoxBlurKeepsTheIntegralAwayFromTheBorder)
{
    Raster r({0, 0, 64, 64});
    fillPolygon(r, {{20, 20}, {40, 20}, {40, 44}, {20, 44}}, 1.0F);
    const double before = sum(r);
    boxBlur(r, 3, 3);
    EXPECT_NEAR(sum(r), before, 1e-3 * before);
    EXPECT_LT(r.at(30, 30), 1.0001F);
    EXPECT_GT(r.at(17, 30), 0.0F); // spread beyond the square
}

TEST(Blur, GaussianBlurKeepsAConstantImageConstant)
{
    Raster r({0, 0, 40, 30});
    r.fill(0.7F);
    gaussianBlur(r, 1.7);
    for (const float v : r.values())
        EXPECT_NEAR(v, 0.7F, 1e-5F);
}

TEST(Blur, UpsamplingAConstantGivesTheConstant)
{
    Raster coarse({0, 0, 16, 16});
    coarse.fill(0.25F);
    Raster fine({0, 0, 64, 64});
    addUpsampled(coarse, 4, fine, 2.0F);
    for (const float v : fine.values())
        EXPECT_NEAR(v, 0.5F, 1e-6F);
    multiplyUpsampled(coarse, 4, fine, 1.0F, 2.0F);
    for (const float v : fine.values())
        EXPECT_NEAR(v, 0.75F, 1e-6F);
}

TEST(RegionTable, AgreesWithThePolygonTest)
{
    const Polyline star = {{0, -50}, {12, -12}, {50, -10}, {18, 10}, {30, 48}, {0, 25}, {-30, 48}, {-18, 10}, {-50, -10}, {-12, -12}};
    const RegionTable table(star, 0.25);
    int disagreements = 0;
    for (double y = -55.0; y < 55.0; y += 1.37)
        for (double x = -55.0; x < 55.0; x += 1.13)
            if (table.contains({x, y}) != contains(star, {x, y}))
                ++disagreements;
    // Only points within a quarter-millimetre row of an edge's turning may differ.
    EXPECT_LT(disagreements, 20);
}

TEST(RasterBuffers, ReusedStorageIsZeroed)
{
    {
        Raster a({0, 0, 300, 300});
        a.fill(5.0F);
    }
    Raster b({0, 0, 250, 290});
    for (const float v : b.values())
        ASSERT_EQ(v, 0.0F);
    Raster c = b;
    c.at(3, 4) = 1.0F;
    EXPECT_EQ(b.at(3, 4), 0.0F);
}

} // namespace
} // namespace raddraft::phantom::render
