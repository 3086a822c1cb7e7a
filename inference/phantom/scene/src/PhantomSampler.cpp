// sampleStudySpec: patient variation, then 1–4 findings with clinical co-occurrence and no
// contradictions (tables in FindingFrequencies.cpp).

#include "phantom/PhantomSpec.h"

#include "FindingFrequencies.h"
#include "StudyRandom.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace raddraft::phantom {

namespace {

using detail::StudyRandom;

bool has(const StudySpec& spec, FindingKind kind)
{
    return std::any_of(spec.findings.begin(), spec.findings.end(),
                       [kind](const FindingInstance& finding) { return finding.kind == kind; });
}

int countOf(const StudySpec& spec, FindingKind kind)
{
    return static_cast<int>(std::count_if(spec.findings.begin(), spec.findings.end(),
                                          [kind](const FindingInstance& finding) { return finding.kind == kind; }));
}

const FindingInstance* find(const StudySpec& spec, FindingKind kind)
{
    for (const FindingInstance& finding : spec.findings)
        if (finding.kind == kind)
            return &finding;
    return nullptr;
}

bool sidesOverlap(Side a, Side b)
{
    if (a == Side::None || b == Side::None)
        return false;
    return a == b || a == Side::Bilateral || b == Side::Bilateral;
}

/// Whether `kind` may join the study: one of each kind (two nodules at most), and no pair the
/// report could not state together.
bool allowed(const StudySpec& spec, FindingKind kind)
{
    if (kind == FindingKind::Nodule)
        return countOf(spec, kind) < detail::kMaxNodulesPerStudy;
    if (has(spec, kind))
        return false;
    const auto excludes = [&](FindingKind a, FindingKind b) {
        return (kind == a && has(spec, b)) || (kind == b && has(spec, a));
    };
    // Hyperinflation and low volumes contradict each other; an airspace consolidation and a
    // pneumonia would be the same opacity named twice.
    return !excludes(FindingKind::Emphysema, FindingKind::Hypoinflation)
        && !excludes(FindingKind::Consolidation, FindingKind::Pneumonia);
}

Side leftOrRight(StudyRandom& random)
{
    return random.chance(0.5) ? Side::Left : Side::Right;
}

Side oppositeOf(Side side)
{
    return side == Side::Left ? Side::Right : Side::Left;
}

Zone anyZone(StudyRandom& random, double upper, double middle, double lower)
{
    static const Zone zones[] = {Zone::Upper, Zone::Middle, Zone::Lower};
    return zones[random.weighted({upper, middle, lower})];
}

Severity severityOf(StudyRandom& random, double mild, double moderate, double severe)
{
    static const Severity severities[] = {Severity::Mild, Severity::Moderate, Severity::Severe};
    return severities[random.weighted({mild, moderate, severe})];
}

/// A finding of `kind` with side, zone, severity and size drawn for it; `spec` supplies what is
/// already placed (a pneumothorax avoids an effusion's side and vice versa).
FindingInstance drawFinding(FindingKind kind, const StudySpec& spec, StudyRandom& random)
{
    FindingInstance finding;
    finding.kind = kind;
    switch (kind) {
    case FindingKind::Cardiomegaly:
        finding.severity = severityOf(random, 0.5, 0.35, 0.15);
        break;
    case FindingKind::PleuralEffusion: {
        finding.side = static_cast<Side>(1 + random.weighted({0.4, 0.35, 0.25}));
        finding.zone = Zone::Lower;
        finding.severity = severityOf(random, 0.5, 0.35, 0.15);
        if (const FindingInstance* pneumothorax = find(spec, FindingKind::Pneumothorax);
            pneumothorax && sidesOverlap(finding.side, pneumothorax->side)
            && !random.chance(detail::kSameSidePneumothoraxEffusionKept))
            finding.side = oppositeOf(pneumothorax->side);
        break;
    }
    case FindingKind::Pneumothorax:
        finding.side = leftOrRight(random);
        finding.zone = Zone::Upper;
        finding.severity = severityOf(random, 0.5, 0.3, 0.2);
        if (const FindingInstance* effusion = find(spec, FindingKind::PleuralEffusion);
            effusion && effusion->side != Side::Bilateral && sidesOverlap(finding.side, effusion->side)
            && !random.chance(detail::kSameSidePneumothoraxEffusionKept))
            finding.side = oppositeOf(effusion->side);
        break;
    case FindingKind::Consolidation:
    case FindingKind::Pneumonia:
        finding.side = random.chance(0.1) ? Side::Bilateral : leftOrRight(random);
        finding.zone = anyZone(random, 0.25, 0.3, 0.45);
        break;
    case FindingKind::Atelectasis:
        finding.side = static_cast<Side>(1 + random.weighted({0.4, 0.35, 0.25}));
        finding.zone = random.chance(0.8) ? Zone::Lower : Zone::Middle;
        break;
    case FindingKind::PulmonaryEdema:
        finding.side = Side::Bilateral;
        finding.severity = severityOf(random, 0.45, 0.35, 0.2);
        break;
    case FindingKind::Nodule:
        finding.side = leftOrRight(random);
        finding.zone = anyZone(random, 0.4, 0.3, 0.3);
        finding.sizeMm = std::round(6.0 + 22.0 * std::pow(random.uniform(), 1.5)); // mostly small
        break;
    case FindingKind::Mass:
        finding.side = leftOrRight(random);
        finding.zone = anyZone(random, 0.45, 0.35, 0.2);
        finding.sizeMm = std::round(random.uniform(30.0, 70.0));
        break;
    case FindingKind::CalcifiedGranuloma:
        finding.side = leftOrRight(random);
        finding.zone = anyZone(random, 0.4, 0.35, 0.25);
        finding.sizeMm = std::round(random.uniform(3.0, 7.0));
        break;
    case FindingKind::Emphysema:
        finding.side = Side::Bilateral;
        finding.zone = Zone::Upper;
        finding.severity = severityOf(random, 0.4, 0.4, 0.2);
        break;
    case FindingKind::Hypoinflation:
        finding.side = Side::Bilateral;
        break;
    case FindingKind::Scoliosis:
        finding.side = leftOrRight(random); // convexity
        finding.severity = severityOf(random, 0.65, 0.35, 0.0);
        break;
    case FindingKind::RibFracture:
        finding.side = leftOrRight(random);
        finding.zone = anyZone(random, 0.25, 0.45, 0.3);
        break;
    case FindingKind::HiatalHernia:
        break;
    case FindingKind::PleuralThickening:
        finding.side = leftOrRight(random);
        finding.zone = random.chance(0.6) ? Zone::Upper : Zone::Middle; // apical cap or lateral
        break;
    case FindingKind::AorticCalcification:
        break;
    case FindingKind::EndotrachealTube:
        finding.tipAboveCarinaMm = 10.0 * random.integer(3, 6) + (random.chance(0.1) ? 10.0 : 0.0);
        break;
    case FindingKind::CentralLine:
        finding.side = random.chance(0.7) ? Side::Right : Side::Left;
        finding.zone = anyZone(random, 0.6, 0.3, 0.1);
        break;
    case FindingKind::Pacemaker:
        finding.side = random.chance(0.85) ? Side::Left : Side::Right;
        break;
    case FindingKind::SternotomyWires:
        break;
    }
    finding.placementSeed = random.next();
    return finding;
}

/// Companions whose side and size follow from their trigger: edema's effusions are bilateral,
/// pneumonia's parapneumonic effusion is small and on its side, atelectasis from low volumes is
/// basal.
void adaptCompanion(FindingInstance& companion, const FindingInstance& trigger)
{
    if (companion.kind == FindingKind::PleuralEffusion) {
        if (trigger.kind == FindingKind::PulmonaryEdema) {
            companion.side = Side::Bilateral;
            companion.severity = companion.severity == Severity::Severe ? Severity::Moderate : companion.severity;
        } else if (trigger.kind == FindingKind::Consolidation || trigger.kind == FindingKind::Pneumonia) {
            companion.side = trigger.side;
            companion.severity = Severity::Mild;
        }
    }
    if (companion.kind == FindingKind::Atelectasis && trigger.kind == FindingKind::Hypoinflation) {
        companion.side = Side::Bilateral;
        companion.zone = Zone::Lower;
    }
}

/// Kinds whose hedging reads naturally in a report: subtle opacities, a small effusion or
/// pneumothorax, mild edema, a small nodule, a rib fracture.
bool hedgeEligible(const FindingInstance& finding)
{
    switch (finding.kind) {
    case FindingKind::Consolidation:
    case FindingKind::Pneumonia:
    case FindingKind::Atelectasis:
    case FindingKind::RibFracture:
        return true;
    case FindingKind::PulmonaryEdema:
    case FindingKind::PleuralEffusion:
    case FindingKind::Pneumothorax:
        return finding.severity == Severity::Mild;
    case FindingKind::Nodule:
        return finding.sizeMm < 10.0;
    default:
        return false;
    }
}

PatientVariation drawPatient(StudyRandom& random)
{
    PatientVariation patient;
    patient.thoraxWidthScale = random.uniform(0.85, 1.15);
    patient.thoraxHeightScale = random.uniform(0.9, 1.1);
    patient.rotationDegrees = random.uniform(-4.0, 4.0);
    patient.inspiration = random.uniform(0.85, 1.1);
    patient.exposure = random.uniform(0.8, 1.2);
    patient.noiseSigma = random.uniform(0.006, 0.02);
    patient.blurSigmaMm = random.uniform(0.3, 0.9);
    patient.female = random.chance(0.5);
    patient.anteroposterior = random.chance(0.2);
    patient.ageYears = random.integer(20, 90);
    return patient;
}

/// The patient as the findings require: lung volumes, portable technique, age.
void adaptPatient(StudySpec& spec, StudyRandom& random)
{
    PatientVariation& patient = spec.patient;
    if (has(spec, FindingKind::Hypoinflation))
        patient.inspiration = random.uniform(0.72, 0.8);
    if (has(spec, FindingKind::Emphysema))
        patient.inspiration = random.uniform(1.15, 1.25);
    if (has(spec, FindingKind::EndotrachealTube))
        patient.anteroposterior = true; // intubated patients are imaged supine, portable
    if ((has(spec, FindingKind::Emphysema) || has(spec, FindingKind::AorticCalcification)) && patient.ageYears < 55)
        patient.ageYears = random.integer(55, 90);
}

std::string studyId(int index)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "phantom-%06d", index);
    return buffer;
}

} // namespace

StudySpec sampleStudySpec(std::uint64_t setSeed, int index, double normalFraction)
{
    if (index < 0)
        throw std::invalid_argument("sampleStudySpec: study index must be >= 0, got " + std::to_string(index));
    if (!(normalFraction >= 0.0 && normalFraction <= 1.0))
        throw std::invalid_argument("sampleStudySpec: normal fraction must be in [0, 1], got "
                                    + std::to_string(normalFraction));

    StudyRandom random(detail::deriveSeed(setSeed, static_cast<std::uint64_t>(index)));
    StudySpec spec;
    spec.id = studyId(index);
    spec.seed = random.next();
    spec.patient = drawPatient(random);
    if (random.chance(normalFraction))
        return spec;

    const std::size_t target = 1 + random.weighted(detail::findingCountWeights());
    const std::vector<detail::FindingWeight>& table = detail::primaryFindingWeights();
    while (spec.findings.size() < target) {
        std::vector<double> weights;
        for (const detail::FindingWeight& entry : table)
            weights.push_back(allowed(spec, entry.kind) ? entry.weight : 0.0);
        const FindingKind kind = table[random.weighted(weights)].kind;
        // Rare same-side pneumothorax with bilateral effusion: redraw instead.
        if (kind == FindingKind::Pneumothorax) {
            const FindingInstance* effusion = find(spec, FindingKind::PleuralEffusion);
            if (effusion && effusion->side == Side::Bilateral && !random.chance(detail::kSameSidePneumothoraxEffusionKept))
                continue;
        }
        spec.findings.push_back(drawFinding(kind, spec, random));
        const FindingInstance trigger = spec.findings.back();
        for (const detail::Companion& rule : detail::findingCompanions()) {
            if (rule.trigger != kind || spec.findings.size() >= static_cast<std::size_t>(detail::kMaxFindingsPerStudy)
                || !allowed(spec, rule.companion) || !random.chance(rule.probability))
                continue;
            FindingInstance companion = drawFinding(rule.companion, spec, random);
            adaptCompanion(companion, trigger);
            spec.findings.push_back(companion);
        }
    }
    for (FindingInstance& finding : spec.findings)
        finding.hedged = hedgeEligible(finding) && random.chance(detail::kHedgeProbabilityWhenEligible);
    adaptPatient(spec, random);
    return spec;
}

} // namespace raddraft::phantom
