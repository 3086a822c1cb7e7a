#pragma once
// How often each finding is drawn and which findings travel together: the data behind
// sampleStudySpec (PhantomSampler.cpp). Measured frequencies are in docs/DATASETS.md
// ("Phantom reports and labels") and checked by PhantomSamplerTest.

#include "phantom/PhantomSpec.h"

#include <vector>

namespace raddraft::phantom::detail {

/// Relative weight of a kind when an abnormal study draws its next primary finding.
struct FindingWeight {
    FindingKind kind;
    double weight;
};

/// One entry per kind, enum order.
const std::vector<FindingWeight>& primaryFindingWeights();

/// Probability of 1, 2, 3 and 4 primary-plus-companion findings in an abnormal study.
const std::vector<double>& findingCountWeights();

constexpr int kMaxFindingsPerStudy = 4;
constexpr int kMaxNodulesPerStudy = 2;

/// Clinical co-occurrence: when `trigger` is placed, `companion` follows with `probability`
/// (if the study has room and the companion is allowed).
struct Companion {
    FindingKind trigger;
    FindingKind companion;
    double probability;
};

const std::vector<Companion>& findingCompanions();

/// Share of hedge-eligible findings (hedgeEligible in PhantomSampler.cpp) that are hedged; chosen
/// so that about 15 % of all findings are hedged.
constexpr double kHedgeProbabilityWhenEligible = 0.47;

/// A pneumothorax and an effusion on the same side are possible (hydropneumothorax) but rare: the
/// share of such pairs kept when the sampler draws them.
constexpr double kSameSidePneumothoraxEffusionKept = 0.1;

} // namespace raddraft::phantom::detail
