// Every finding: a mask of the right size in each view where it is visible, pixels that change
// inside it, laterality, size growing with severity, lesions inside the lungs.

#include "TestStudies.h"

// Internal headers: the lung outlines and the cardiothoracic geometry the masks are checked against.
#include "BodyModel.h"
#include "Thorax.h"
#include "View.h"

#include <gtest/gtest.h>

#include <string>

namespace raddraft::phantom {
namespace {

using namespace test;

struct Case {
    FindingInstance finding;
    bool visibleOnLateral;
};

std::vector<Case> everyFinding()
{
    return {
        {finding(FindingKind::Cardiomegaly, Side::None, Zone::None, Severity::Moderate), true},
        {finding(FindingKind::PleuralEffusion, Side::Right, Zone::Lower, Severity::Moderate), true},
        {finding(FindingKind::Pneumothorax, Side::Left, Zone::Upper, Severity::Moderate), false},
        {finding(FindingKind::Consolidation, Side::Right, Zone::Lower, Severity::Moderate), true},
        {finding(FindingKind::Pneumonia, Side::Left, Zone::Middle, Severity::Moderate), true},
        {finding(FindingKind::Atelectasis, Side::Left, Zone::Lower, Severity::Mild), true},
        {finding(FindingKind::PulmonaryEdema, Side::Bilateral, Zone::None, Severity::Moderate), true},
        {finding(FindingKind::Nodule, Side::Right, Zone::Middle, Severity::None, 16.0), true},
        {finding(FindingKind::Mass, Side::Left, Zone::Upper, Severity::None, 45.0), true},
        {finding(FindingKind::CalcifiedGranuloma, Side::Right, Zone::Upper, Severity::None, 6.0), true},
        {finding(FindingKind::Emphysema, Side::Bilateral, Zone::None, Severity::Moderate), true},
        {finding(FindingKind::Hypoinflation, Side::Bilateral, Zone::None, Severity::Moderate), true},
        {finding(FindingKind::Scoliosis, Side::Right, Zone::None, Severity::Moderate), false},
        {finding(FindingKind::RibFracture, Side::Left, Zone::Middle, Severity::Moderate), false},
        {finding(FindingKind::HiatalHernia, Side::None, Zone::None, Severity::Moderate), true},
        {finding(FindingKind::PleuralThickening, Side::Right, Zone::Upper, Severity::Moderate), true},
        {finding(FindingKind::AorticCalcification, Side::None, Zone::None, Severity::Moderate), true},
        {finding(FindingKind::EndotrachealTube), true},
        {finding(FindingKind::CentralLine, Side::Right), true},
        {finding(FindingKind::Pacemaker, Side::Left), true},
        {finding(FindingKind::SternotomyWires), true},
    };
}

void expectBinary(const PhantomMask& mask)
{
    for (const std::uint8_t v : mask.pixels)
        ASSERT_TRUE(v == 0 || v == 1);
}

TEST(FindingMasks, EveryFindingHasAMaskWhereItChangesTheImage)
{
    const RenderedStudy normal = renderAt(normalSpec());
    for (const Case& c : everyFinding()) {
        const std::string name = findingKindKey(c.finding.kind);
        const RenderedStudy study = renderAt(specWith({c.finding}));
        ASSERT_EQ(study.masks.size(), 1U) << name;
        const FindingMasks& masks = study.masks[0];
        EXPECT_EQ(masks.findingIndex, 0);

        ASSERT_EQ(masks.frontal.pixels.size(), 256U * 256U) << name;
        EXPECT_EQ(masks.frontal.width, 256);
        EXPECT_EQ(masks.frontal.height, 256);
        expectBinary(masks.frontal);
        EXPECT_GT(area(masks.frontal), 0U) << name;
        // The same spec without the finding differs inside the mask (the noise is the same in
        // both renders, so any difference is the finding's).
        EXPECT_GT(meanDifferenceInside(study.frontal, normal.frontal, masks.frontal), 0.01) << name;

        if (c.visibleOnLateral) {
            ASSERT_EQ(masks.lateral.pixels.size(), 256U * 256U) << name;
            expectBinary(masks.lateral);
            EXPECT_GT(meanDifferenceInside(study.lateral, normal.lateral, masks.lateral), 0.008) << name;
        } else {
            EXPECT_TRUE(masks.lateral.pixels.empty()) << name;
        }
    }
}

TEST(FindingMasks, SeveralFindingsGetOneMaskEachInSpecOrder)
{
    const RenderedStudy study = renderAt(specWith({finding(FindingKind::Nodule, Side::Left, Zone::Upper, Severity::None, 14.0),
                                                 finding(FindingKind::PleuralEffusion, Side::Right, Zone::Lower, Severity::Severe),
                                                 finding(FindingKind::EndotrachealTube)}));
    ASSERT_EQ(study.masks.size(), 3U);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(study.masks[static_cast<std::size_t>(i)].findingIndex, i);
    // The nodule (patient's left) lies right of the effusion (patient's right).
    EXPECT_GT(centroidX(study.masks[0].frontal), centroidX(study.masks[1].frontal));
}

TEST(FindingMasks, EffusionGrowsWithSeverity)
{
    std::size_t previousFrontal = 0;
    std::size_t previousLateral = 0;
    for (const Severity s : {Severity::Mild, Severity::Moderate, Severity::Severe}) {
        const RenderedStudy study = renderAt(specWith({finding(FindingKind::PleuralEffusion, Side::Left, Zone::Lower, s)}));
        const std::size_t frontal = area(study.masks[0].frontal);
        const std::size_t lateral = area(study.masks[0].lateral);
        EXPECT_GT(frontal, previousFrontal * 13 / 10) << severityKey(s);
        EXPECT_GT(lateral, previousLateral) << severityKey(s);
        previousFrontal = frontal;
        previousLateral = lateral;
    }
}

TEST(FindingMasks, EffusionLiesOnItsSide)
{
    const RenderedStudy left = renderAt(specWith({finding(FindingKind::PleuralEffusion, Side::Left, Zone::Lower, Severity::Moderate)}));
    const RenderedStudy right = renderAt(specWith({finding(FindingKind::PleuralEffusion, Side::Right, Zone::Lower, Severity::Moderate)}));
    const RenderedStudy both = renderAt(specWith({finding(FindingKind::PleuralEffusion, Side::Bilateral, Zone::Lower, Severity::Moderate)}));
    const auto share = [](const PhantomMask& m, bool imageRight) {
        std::size_t inHalf = 0;
        for (int y = 0; y < m.height; ++y)
            for (int x = 0; x < m.width; ++x)
                if (m.pixels[static_cast<std::size_t>(y * m.width + x)] != 0 && (x >= m.width / 2) == imageRight)
                    ++inHalf;
        return static_cast<double>(inHalf) / static_cast<double>(area(m));
    };
    // The patient's left is the image's right.
    EXPECT_GT(share(left.masks[0].frontal, true), 0.98);
    EXPECT_GT(share(right.masks[0].frontal, false), 0.98);
    EXPECT_NEAR(share(both.masks[0].frontal, true), 0.5, 0.15);
}

TEST(FindingMasks, CardiothoracicRatioFollowsSeverity)
{
    // The thoracic width comes from the same body model the renderer builds (no findings change
    // it for cardiomegaly).
    StudySpec base = normalSpec();
    render::BodyModel body = render::buildBodyModel(base.patient, base.seed);
    render::deriveLandmarks(body);
    const double thoracicMm = body.lungHalfWidth[render::kRight] + body.lungHalfWidth[render::kLeft];
    const double spacing = 380.0 / 256.0;
    double previous = 0.0;
    const double expected[] = {0.555, 0.605, 0.665};
    int i = 0;
    for (const Severity s : {Severity::Mild, Severity::Moderate, Severity::Severe}) {
        const RenderedStudy study = renderAt(specWith({finding(FindingKind::Cardiomegaly, Side::None, Zone::None, s)}));
        const double ratio = widestRow(study.masks[0].frontal) * spacing / thoracicMm;
        EXPECT_NEAR(ratio, expected[i++], 0.03) << severityKey(s);
        EXPECT_GT(ratio, previous);
        previous = ratio;
    }
}

TEST(FindingMasks, LesionsStayInsideTheirLung)
{
    StudySpec base = normalSpec();
    render::BodyModel body = render::buildBodyModel(base.patient, base.seed);
    render::deriveLandmarks(body);
    const render::Thorax thorax(body);
    const render::ViewSetup view = render::makeViewSetup(render::ViewKind::Frontal, 256, 0.0);
    const render::Affine2 toMm = view.mmToPixel.inverse();
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        for (const Side side : {Side::Left, Side::Right}) {
            const FindingInstance nodule = finding(FindingKind::Nodule, side, Zone::None, Severity::None, 10.0, seed);
            const RenderedStudy study = renderAt(specWith({nodule}));
            const PhantomMask& mask = study.masks[0].frontal;
            const int lung = side == Side::Left ? render::kLeft : render::kRight;
            std::size_t inside = 0;
            for (int y = 0; y < 256; ++y)
                for (int x = 0; x < 256; ++x)
                    if (mask.pixels[static_cast<std::size_t>(y * 256 + x)] != 0 &&
                        render::contains(thorax.frontalLung(lung), toMm({x + 0.5, y + 0.5})))
                        ++inside;
            EXPECT_GT(static_cast<double>(inside), 0.95 * static_cast<double>(area(mask))) << "seed " << seed;
        }
    }
}

TEST(FindingMasks, PlacementSeedMovesTheLesion)
{
    const RenderedStudy a = renderAt(specWith({finding(FindingKind::Nodule, Side::Right, Zone::None, Severity::None, 12.0, 1)}));
    const RenderedStudy b = renderAt(specWith({finding(FindingKind::Nodule, Side::Right, Zone::None, Severity::None, 12.0, 2)}));
    EXPECT_NE(a.masks[0].frontal.pixels, b.masks[0].frontal.pixels);
}

TEST(FindingMasks, HedgedFindingsAreSubtler)
{
    FindingInstance definite = finding(FindingKind::Consolidation, Side::Right, Zone::Lower, Severity::Moderate);
    FindingInstance hedged = definite;
    hedged.hedged = true;
    const RenderedStudy normal = renderAt(normalSpec());
    const RenderedStudy a = renderAt(specWith({definite}));
    const RenderedStudy b = renderAt(specWith({hedged}));
    EXPECT_LT(area(b.masks[0].frontal), area(a.masks[0].frontal));
    EXPECT_LT(meanDifferenceInside(b.frontal, normal.frontal, b.masks[0].frontal),
              meanDifferenceInside(a.frontal, normal.frontal, a.masks[0].frontal));
}

TEST(FindingMasks, PneumothoraxRemovesMarkingsAndDarkens)
{
    const RenderedStudy normal = renderAt(normalSpec());
    const RenderedStudy study = renderAt(specWith({finding(FindingKind::Pneumothorax, Side::Right, Zone::None, Severity::Severe)}));
    const PhantomMask& mask = study.masks[0].frontal;
    ASSERT_GT(area(mask), 0U);
    EXPECT_LT(centroidX(mask), 128.0);
    // Pleural air is darker on average than the lung it replaced.
    double before = 0.0;
    double after = 0.0;
    for (std::size_t i = 0; i < mask.pixels.size(); ++i)
        if (mask.pixels[i] != 0) {
            before += normal.frontal.pixels[i];
            after += study.frontal.pixels[i];
        }
    EXPECT_LT(after, before);
}

} // namespace
} // namespace raddraft::phantom
