#include "labeler/Aggregation.h"

#include <gtest/gtest.h>

using namespace raddraft::labeler;

TEST(Aggregation, PositiveBeatsUncertainBeatsNegative)
{
    const ReportLabels labels = aggregateMentions(
        {{Observation::Edema, MentionStatus::Negative}, {Observation::Edema, MentionStatus::Uncertain},
         {Observation::Cardiomegaly, MentionStatus::Uncertain}, {Observation::Cardiomegaly, MentionStatus::Positive},
         {Observation::Pneumothorax, MentionStatus::Negative}},
        true);
    EXPECT_EQ(labels.value(Observation::Edema), LabelValue::Uncertain);
    EXPECT_EQ(labels.value(Observation::Cardiomegaly), LabelValue::Positive);
    EXPECT_EQ(labels.value(Observation::Pneumothorax), LabelValue::Negative);
    EXPECT_EQ(labels.value(Observation::Fracture), LabelValue::Blank);
    EXPECT_EQ(labels.value(Observation::NoFinding), LabelValue::Blank);
}

TEST(Aggregation, NoFindingOnlyWithoutPositiveOrUncertainFindings)
{
    EXPECT_EQ(aggregateMentions({{Observation::Pneumothorax, MentionStatus::Negative}}, true).value(Observation::NoFinding),
              LabelValue::Positive);
    EXPECT_EQ(aggregateMentions({{Observation::SupportDevices, MentionStatus::Positive}}, true).value(Observation::NoFinding),
              LabelValue::Positive);
    EXPECT_EQ(aggregateMentions({{Observation::Emphysema, MentionStatus::Uncertain}}, true).value(Observation::NoFinding),
              LabelValue::Blank);
    EXPECT_EQ(aggregateMentions({{std::nullopt, MentionStatus::Positive}}, true).value(Observation::NoFinding),
              LabelValue::Blank);
    EXPECT_EQ(aggregateMentions({{std::nullopt, MentionStatus::Negative}}, true).value(Observation::NoFinding),
              LabelValue::Positive);
    EXPECT_EQ(aggregateMentions({}, false).value(Observation::NoFinding), LabelValue::Blank);
}

TEST(Aggregation, ExtraFindingsCountForTheirChexpertCounterpart)
{
    const ReportLabels labels = aggregateMentions({{Observation::PleuralThickening, MentionStatus::Positive},
                                                   {Observation::NoduleMass, MentionStatus::Uncertain},
                                                   {Observation::LungLesion, MentionStatus::Negative}},
                                                  true);
    EXPECT_EQ(labels.value(Observation::PleuralOther), LabelValue::Positive);
    EXPECT_EQ(labels.value(Observation::LungLesion), LabelValue::Uncertain);
    EXPECT_EQ(labels.value(Observation::PleuralThickening), LabelValue::Positive);
}

TEST(Aggregation, LabelCodes)
{
    EXPECT_EQ(labelCode(LabelValue::Positive), 1);
    EXPECT_EQ(labelCode(LabelValue::Negative), 0);
    EXPECT_EQ(labelCode(LabelValue::Uncertain), -1);
    EXPECT_FALSE(labelCode(LabelValue::Blank).has_value());
}

TEST(Observation, NamesAndMapping)
{
    EXPECT_STREQ(observationName(Observation::PleuralEffusion), "Pleural Effusion");
    EXPECT_EQ(observationFromName("Nodule/Mass"), Observation::NoduleMass);
    EXPECT_FALSE(observationFromName("pleural effusion").has_value());
    EXPECT_TRUE(isChexpertObservation(Observation::SupportDevices));
    EXPECT_FALSE(isChexpertObservation(Observation::Emphysema));
    EXPECT_EQ(chexpertCounterpart(Observation::AirspaceDisease), Observation::LungOpacity);
    EXPECT_FALSE(chexpertCounterpart(Observation::HiatalHernia).has_value());
    for (const Observation observation : allObservations())
        EXPECT_EQ(observationFromName(observationName(observation)), observation);
}
