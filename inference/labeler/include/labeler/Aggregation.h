#pragma once
// Per-report aggregation of classified mentions into one value per observation.

#include "labeler/MentionClassifier.h"
#include "labeler/Observation.h"

#include <array>
#include <optional>
#include <vector>

namespace raddraft::labeler {

/// Blank: not mentioned. Codes (labelCode): Positive 1, Negative 0, Uncertain −1.
enum class LabelValue { Blank, Negative, Uncertain, Positive };

/// 1, 0 or −1; nullopt for Blank.
std::optional<int> labelCode(LabelValue value);

/// One classified mention; `observation` is nullopt for a No Finding blocker
/// (MentionPhrases.h, noFindingBlockerPhrases()).
struct ClassifiedMention {
    std::optional<Observation> observation;
    MentionStatus status = MentionStatus::Positive;
};

/// The labels of one report, indexed by Observation.
class ReportLabels {
public:
    LabelValue value(Observation observation) const { return values_[static_cast<std::size_t>(observation)]; }
    void setValue(Observation observation, LabelValue value) { values_[static_cast<std::size_t>(observation)] = value; }

private:
    std::array<LabelValue, kObservationCount> values_{};
};

/// The stronger of two values: Positive > Uncertain > Negative > Blank.
LabelValue strongerValue(LabelValue first, LabelValue second);

/// Aggregates a report's mentions: per observation the strongest value of its mentions (so a
/// negative and an uncertain mention give Uncertain); an extra finding's mentions also count for
/// its CheXpert counterpart (chexpertCounterpart). No Finding is Positive when the report has
/// text and no observation other than Support Devices, and no No Finding blocker, is Positive or
/// Uncertain; otherwise Blank (never Negative, as in CheXpert).
ReportLabels aggregateMentions(const std::vector<ClassifiedMention>& mentions, bool reportHasText);

} // namespace raddraft::labeler
