// The renderer's contract: sizes and spacing, determinism, variation between patients, a sane
// radiographic range, anatomy where a radiograph has it, and the patient's right on the image's
// left.

#include "TestStudies.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace raddraft::phantom {
namespace {

using namespace test;

double meanAbsoluteDifference(const PhantomImage& a, const PhantomImage& b)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        sum += std::fabs(static_cast<double>(a.pixels[i]) - static_cast<double>(b.pixels[i]));
    return sum / static_cast<double>(a.pixels.size()) / 65535.0;
}

TEST(PhantomRenderer, ImagesHaveTheRequestedSizeAndSpacing)
{
    const RenderedStudy study = renderAt(normalSpec(), 256);
    for (const PhantomImage* image : {&study.frontal, &study.lateral}) {
        EXPECT_EQ(image->width, 256);
        EXPECT_EQ(image->height, 256);
        EXPECT_EQ(image->pixels.size(), 256U * 256U);
        EXPECT_NEAR(image->pixelSpacingMm * 256, 380.0, 1e-9);
    }
    const RenderedStudy large = renderAt(normalSpec(), 1024);
    EXPECT_NEAR(large.frontal.pixelSpacingMm, 0.371, 0.001);
}

TEST(PhantomRenderer, NormalStudyHasNoMasks)
{
    EXPECT_TRUE(renderAt(normalSpec()).masks.empty());
}

TEST(PhantomRenderer, SameSpecGivesIdenticalBytes)
{
    const StudySpec spec = specWith({finding(FindingKind::Nodule, Side::Left, Zone::Upper, Severity::None, 15.0),
                                     finding(FindingKind::PleuralEffusion, Side::Right, Zone::Lower, Severity::Moderate)});
    const RenderedStudy a = renderAt(spec);
    const RenderedStudy b = renderAt(spec);
    EXPECT_EQ(a.frontal.pixels, b.frontal.pixels);
    EXPECT_EQ(a.lateral.pixels, b.lateral.pixels);
    ASSERT_EQ(a.masks.size(), b.masks.size());
    for (std::size_t i = 0; i < a.masks.size(); ++i) {
        EXPECT_EQ(a.masks[i].frontal.pixels, b.masks[i].frontal.pixels);
        EXPECT_EQ(a.masks[i].lateral.pixels, b.masks[i].lateral.pixels);
    }
}

TEST(PhantomRenderer, DifferentSeedsGiveDifferentPatients)
{
    const RenderedStudy a = renderAt(normalSpec(1));
    const RenderedStudy b = renderAt(normalSpec(2));
    // Beyond noise: vessels, rib spacing, habitus details differ.
    EXPECT_GT(meanAbsoluteDifference(a.frontal, b.frontal), 0.01);
    EXPECT_GT(meanAbsoluteDifference(a.lateral, b.lateral), 0.01);

    StudySpec broad = normalSpec(1);
    broad.patient.thoraxWidthScale = 1.15;
    broad.patient.inspiration = 0.88;
    broad.patient.female = true;
    EXPECT_GT(meanAbsoluteDifference(a.frontal, renderAt(broad).frontal), 0.03);
}

TEST(PhantomRenderer, RangeIsRadiographicNotSaturated)
{
    for (const std::uint64_t seed : {3U, 4U, 5U}) {
        StudySpec spec = normalSpec(seed);
        spec.findings = {finding(FindingKind::Pacemaker, Side::Left), finding(FindingKind::SternotomyWires)};
        const RenderedStudy study = renderAt(spec);
        for (const PhantomImage* image : {&study.frontal, &study.lateral}) {
            const auto [low, high] = std::minmax_element(image->pixels.begin(), image->pixels.end());
            const std::size_t clipped = static_cast<std::size_t>(
                std::count_if(image->pixels.begin(), image->pixels.end(), [](std::uint16_t v) { return v == 0 || v == 65535; }));
            EXPECT_EQ(clipped, 0U);
            EXPECT_LT(*low, 65535 * 0.1);  // air outside the body is dark
            EXPECT_GT(*high, 65535 * 0.85); // metal is bright
        }
    }
}

TEST(PhantomRenderer, LungsAreDarkAndTheMediastinumBright)
{
    const RenderedStudy study = renderAt(normalSpec(), 256);
    const int s = 256;
    // Frontal: mid-lung fields (a third of the way out on each side) against the midline.
    const double rightLung = meanOver(study.frontal, s * 25 / 100, s * 40 / 100, s * 33 / 100, s * 50 / 100);
    const double leftLung = meanOver(study.frontal, s * 70 / 100, s * 35 / 100, s * 78 / 100, s * 45 / 100);
    const double mediastinum = meanOver(study.frontal, s * 48 / 100, s * 55 / 100, s * 52 / 100, s * 65 / 100);
    const double outside = meanOver(study.frontal, 0, 0, 6, 6); // above the shoulder, beside the neck
    EXPECT_LT(rightLung + 0.15, mediastinum);
    EXPECT_LT(leftLung + 0.15, mediastinum);
    EXPECT_LT(outside, rightLung);
    // Lateral: the retrosternal lung is darker than the abdomen under the diaphragm.
    const double lung = meanOver(study.lateral, s * 34 / 100, s * 29 / 100, s * 38 / 100, s * 34 / 100);
    const double abdomen = meanOver(study.lateral, s * 45 / 100, s * 88 / 100, s * 55 / 100, s * 95 / 100);
    EXPECT_LT(lung + 0.1, abdomen);
}

TEST(PhantomRenderer, PatientsLeftIsOnTheImagesRight)
{
    // The heart lies mostly left of the midline: its mask's centroid is right of the image centre.
    const RenderedStudy study = renderAt(specWith({finding(FindingKind::Cardiomegaly, Side::None, Zone::None, Severity::Moderate)}));
    ASSERT_EQ(study.masks.size(), 1U);
    EXPECT_GT(centroidX(study.masks[0].frontal), 128.0 + 5.0);
}

TEST(PhantomRenderer, RotationTurnsTheFrontalViewOnly)
{
    StudySpec straight = normalSpec(9);
    StudySpec turned = straight;
    turned.patient.rotationDegrees = 4.0;
    const RenderedStudy a = renderAt(straight);
    const RenderedStudy b = renderAt(turned);
    EXPECT_GT(meanAbsoluteDifference(a.frontal, b.frontal), 0.01);
    EXPECT_EQ(a.lateral.pixels, b.lateral.pixels);
}

TEST(PhantomRenderer, RejectsUnreasonableSizes)
{
    RenderOptions options;
    options.size = 16;
    EXPECT_THROW(renderStudy(normalSpec(), options), std::invalid_argument);
    options.size = 100000;
    EXPECT_THROW(renderStudy(normalSpec(), options), std::invalid_argument);
}

TEST(PhantomRenderer, SampledStudiesRenderWithOneMaskPerFinding)
{
    for (int index = 0; index < 12; ++index) {
        const StudySpec spec = sampleStudySpec(77, index, 0.3);
        const RenderedStudy study = renderAt(spec, 128);
        ASSERT_EQ(study.masks.size(), spec.findings.size()) << spec.id;
        for (std::size_t i = 0; i < study.masks.size(); ++i)
            EXPECT_EQ(study.masks[i].findingIndex, static_cast<int>(i));
    }
}

} // namespace
} // namespace raddraft::phantom
