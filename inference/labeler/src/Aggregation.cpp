#include "labeler/Aggregation.h"

namespace raddraft::labeler {

namespace {

LabelValue valueOf(MentionStatus status)
{
    switch (status) {
    case MentionStatus::Positive:
        return LabelValue::Positive;
    case MentionStatus::Negative:
        return LabelValue::Negative;
    case MentionStatus::Uncertain:
        return LabelValue::Uncertain;
    }
    return LabelValue::Blank;
}

bool isPositiveOrUncertain(LabelValue value)
{
    return value == LabelValue::Positive || value == LabelValue::Uncertain;
}

} // namespace

std::optional<int> labelCode(LabelValue value)
{
    switch (value) {
    case LabelValue::Positive:
        return 1;
    case LabelValue::Negative:
        return 0;
    case LabelValue::Uncertain:
        return -1;
    case LabelValue::Blank:
        break;
    }
    return std::nullopt;
}

LabelValue strongerValue(LabelValue first, LabelValue second)
{
    return static_cast<int>(first) >= static_cast<int>(second) ? first : second;
}

ReportLabels aggregateMentions(const std::vector<ClassifiedMention>& mentions, bool reportHasText)
{
    ReportLabels labels;
    bool blocked = false;
    for (const ClassifiedMention& mention : mentions) {
        const LabelValue value = valueOf(mention.status);
        if (!mention.observation) {
            blocked = blocked || isPositiveOrUncertain(value);
            continue;
        }
        const Observation observation = *mention.observation;
        labels.setValue(observation, strongerValue(labels.value(observation), value));
        if (const std::optional<Observation> counterpart = chexpertCounterpart(observation))
            labels.setValue(*counterpart, strongerValue(labels.value(*counterpart), value));
    }
    for (const Observation observation : allObservations())
        if (observation != Observation::NoFinding && observation != Observation::SupportDevices)
            blocked = blocked || isPositiveOrUncertain(labels.value(observation));
    labels.setValue(Observation::NoFinding, reportHasText && !blocked ? LabelValue::Positive : LabelValue::Blank);
    return labels;
}

} // namespace raddraft::labeler
