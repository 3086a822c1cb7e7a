#include "phantom/PhantomRenderer.h"

#include "Anatomy.h"
#include "BodyModel.h"
#include "Detector.h"
#include "Findings.h"
#include "Random.h"
#include "RibCage.h"
#include "Thorax.h"
#include "Vasculature.h"
#include "View.h"

#include <stdexcept>
#include <string>

namespace raddraft::phantom {

using namespace render;

namespace {

void expose(ViewCanvas& canvas, const BodyModel& body, std::uint64_t noiseSeed, PhantomImage& image)
{
    ExposureSettings settings;
    settings.exposure = body.exposure;
    settings.noiseSigma = body.noiseSigma;
    settings.blurSigmaMm = body.blurSigmaMm;
    settings.noiseSeed = noiseSeed;
    image.width = canvas.setup.size;
    image.height = canvas.setup.size;
    image.pixelSpacingMm = canvas.setup.spacingMm;
    exposeView(canvas.density, canvas.setup, settings, image.pixels);
}

/// Mask storage of earlier results kept by this thread (a study with fewer findings than the
/// one before leaves buffers that a later study reuses).
std::vector<std::vector<std::uint8_t>>& spareMaskStorage()
{
    thread_local std::vector<std::vector<std::uint8_t>> spare;
    return spare;
}

/// Moves the pixel storage of the previous result's masks to the spare list.
void recycleMasks(std::vector<FindingMasks>& masks)
{
    constexpr std::size_t kMaxSpare = 16;
    std::vector<std::vector<std::uint8_t>>& spare = spareMaskStorage();
    for (FindingMasks& m : masks)
        for (PhantomMask* mask : {&m.frontal, &m.lateral})
            if (mask->pixels.capacity() > 0 && spare.size() < kMaxSpare)
                spare.push_back(std::move(mask->pixels));
    masks.clear();
}

} // namespace

RenderedStudy renderStudy(const StudySpec& spec, const RenderOptions& options)
{
    RenderedStudy study;
    renderStudy(spec, options, study);
    return study;
}

void renderStudy(const StudySpec& spec, const RenderOptions& options, RenderedStudy& study)
{
    if (options.size < 64 || options.size > 4096)
        throw std::invalid_argument("renderStudy: image size must be between 64 and 4096 pixels, got " +
                                    std::to_string(options.size) + " (study " + spec.id + ")");

    // One body for both views; findings that change anatomy edit it before landmarks exist.
    BodyModel body = buildBodyModel(spec.patient, spec.seed);
    applyFindingsToBody(spec.findings, body);
    deriveLandmarks(body);
    const Thorax thorax(body);
    const std::vector<Rib> ribs = buildRibs(thorax);
    Vasculature vessels = growVasculature(thorax, deriveSeed(spec.seed, Stream::Vessels), body.vesselCrowding);
    for (const FindingInstance& finding : spec.findings)
        applyFindingToVessels(finding, thorax, vessels);

    ViewCanvas frontal(makeViewSetup(ViewKind::Frontal, options.size, body.rotationDegrees));
    ViewCanvas lateral(makeViewSetup(ViewKind::Lateral, options.size, 0.0));
    const AnatomyParts parts{thorax, ribs, vessels, spec.seed};
    drawFrontalAnatomy(frontal, parts);
    drawLateralAnatomy(lateral, parts);

    recycleMasks(study.masks);
    std::vector<std::vector<std::uint8_t>>& spare = spareMaskStorage();
    const FindingScene scene{body, thorax, ribs, vessels, frontal, lateral};
    std::vector<FindingEffect> effects;
    effects.reserve(spec.findings.size());
    for (std::size_t i = 0; i < spec.findings.size(); ++i) {
        effects.push_back(renderFinding(spec.findings[i], scene));
        FindingMasks masks;
        masks.findingIndex = static_cast<int>(i);
        masks.frontal = maskOf(effects.back().frontal, frontal.setup, spare);
        masks.lateral = maskOf(effects.back().lateral, lateral.setup, spare);
        study.masks.push_back(std::move(masks));
    }
    // Findings read the anatomy's lung air, so their density joins only after all have drawn.
    for (const FindingEffect& effect : effects) {
        effect.frontal.contribution.addTo(frontal.density);
        effect.lateral.contribution.addTo(lateral.density);
    }
    expose(frontal, body, deriveSeed(spec.seed, Stream::FrontalNoise), study.frontal);
    expose(lateral, body, deriveSeed(spec.seed, Stream::LateralNoise), study.lateral);
}

} // namespace raddraft::phantom
