#include "labeler/Labeler.h"

#include <gtest/gtest.h>

using namespace raddraft::labeler;

namespace {

LabelValue valueOf(const std::string& text, Observation observation)
{
    static const Labeler labeler;
    return labeler.label(text).value(observation);
}

} // namespace

TEST(Labeler, UnmentionContexts)
{
    EXPECT_EQ(valueOf("Small pericardial effusion.", Observation::PleuralEffusion), LabelValue::Blank);
    EXPECT_EQ(valueOf("Mass effect on the trachea.", Observation::NoduleMass), LabelValue::Blank);
    EXPECT_EQ(valueOf("Subcutaneous emphysema in the chest wall.", Observation::Emphysema), LabelValue::Blank);
    EXPECT_EQ(valueOf("Small pleural effusion.", Observation::PleuralEffusion), LabelValue::Positive);
}

TEST(Labeler, NegatedCardiomegalyIsNegativeNotUnmentioned)
{
    EXPECT_EQ(valueOf("No cardiomegaly.", Observation::Cardiomegaly), LabelValue::Negative);
}

TEST(Labeler, OrganMentionsNeedAQualifier)
{
    EXPECT_EQ(valueOf("Normal heart size.", Observation::Cardiomegaly), LabelValue::Negative);
    EXPECT_EQ(valueOf("The heart size is within normal limits.", Observation::Cardiomegaly), LabelValue::Negative);
    EXPECT_EQ(valueOf("The heart is enlarged.", Observation::Cardiomegaly), LabelValue::Positive);
    EXPECT_EQ(valueOf("The heart is not enlarged.", Observation::Cardiomegaly), LabelValue::Negative);
    EXPECT_EQ(valueOf("Heart size is borderline.", Observation::Cardiomegaly), LabelValue::Uncertain);
    EXPECT_EQ(valueOf("The heart is seen.", Observation::Cardiomegaly), LabelValue::Blank);
    EXPECT_EQ(valueOf("Heart size normal with large hiatal hernia.", Observation::Cardiomegaly), LabelValue::Negative);
    EXPECT_EQ(valueOf("Lung volumes are low.", Observation::Hypoinflation), LabelValue::Positive);
}

TEST(Labeler, RealisticNormalReport)
{
    const Labeler labeler;
    const ReportLabels labels = labeler.label(
        "The cardiomediastinal silhouette is within normal limits. There is no focal consolidation, pleural "
        "effusion or pneumothorax. No acute bony abnormality.");
    EXPECT_EQ(labels.value(Observation::NoFinding), LabelValue::Positive);
    EXPECT_EQ(labels.value(Observation::Cardiomegaly), LabelValue::Negative);
    EXPECT_EQ(labels.value(Observation::EnlargedCardiomediastinum), LabelValue::Negative);
    EXPECT_EQ(labels.value(Observation::Consolidation), LabelValue::Negative);
    EXPECT_EQ(labels.value(Observation::PleuralEffusion), LabelValue::Negative);
    EXPECT_EQ(labels.value(Observation::Pneumothorax), LabelValue::Negative);
    EXPECT_EQ(labels.value(Observation::Fracture), LabelValue::Blank);
}

TEST(Labeler, RealisticAbnormalSentences)
{
    struct Case {
        const char* text;
        Observation observation;
        LabelValue expected;
    };
    const Case cases[] = {
        {"Mild cardiomegaly with small bilateral pleural effusions.", Observation::Cardiomegaly, LabelValue::Positive},
        {"Mild cardiomegaly with small bilateral pleural effusions.", Observation::PleuralEffusion, LabelValue::Positive},
        {"Calcified granuloma in the right upper lobe.", Observation::Calcinosis, LabelValue::Positive},
        {"Streaky bibasilar opacities likely represent atelectasis.", Observation::Atelectasis, LabelValue::Uncertain},
        {"Streaky bibasilar opacities likely represent atelectasis.", Observation::LungOpacity, LabelValue::Positive},
        {"Left lower lobe airspace disease concerning for pneumonia.", Observation::Pneumonia, LabelValue::Uncertain},
        {"Left lower lobe airspace disease concerning for pneumonia.", Observation::AirspaceDisease, LabelValue::Positive},
        {"Left lower lobe airspace disease concerning for pneumonia.", Observation::LungOpacity, LabelValue::Positive},
        {"Degenerative changes of the thoracic spine.", Observation::ScoliosisDegenerative, LabelValue::Positive},
        {"Mild dextroscoliosis of the thoracic spine.", Observation::ScoliosisDegenerative, LabelValue::Positive},
        {"Right-sided PICC line with tip in the SVC.", Observation::SupportDevices, LabelValue::Positive},
        {"Postoperative changes of median sternotomy.", Observation::SupportDevices, LabelValue::Positive},
        {"Hyperinflated lungs consistent with emphysema.", Observation::Emphysema, LabelValue::Positive},
        {"Old healed left rib fractures.", Observation::Fracture, LabelValue::Positive},
        {"Large hiatal hernia.", Observation::HiatalHernia, LabelValue::Positive},
        {"Stable 8 mm nodule in the left lung base.", Observation::LungLesion, LabelValue::Positive},
        {"Apical pleural thickening.", Observation::PleuralOther, LabelValue::Positive},
        {"Blunting of the left costophrenic angle.", Observation::PleuralEffusion, LabelValue::Positive},
        {"Pulmonary vascular congestion without overt edema.", Observation::Edema, LabelValue::Positive},
        {"There is no pneumothorax but the heart is enlarged.", Observation::Cardiomegaly, LabelValue::Positive},
    };
    for (const Case& example : cases)
        EXPECT_EQ(valueOf(example.text, example.observation), example.expected)
            << example.text << " / " << observationName(example.observation);
}

TEST(Labeler, NoFindingBlockedByAbnormalitiesOutsideTheLabelSet)
{
    EXPECT_EQ(valueOf("Tortuous thoracic aorta. No pneumothorax.", Observation::NoFinding), LabelValue::Blank);
    EXPECT_EQ(valueOf("Lungs are not hyperinflated. No pneumothorax.", Observation::NoFinding), LabelValue::Positive);
    EXPECT_EQ(valueOf("Right PICC. No pneumothorax.", Observation::NoFinding), LabelValue::Positive);
    EXPECT_EQ(valueOf("", Observation::NoFinding), LabelValue::Blank);
}

TEST(Labeler, MentionsCarrySentenceAndSpan)
{
    const Labeler labeler;
    const auto mentions = labeler.findMentions("Clear lungs. Small right effusion.");
    ASSERT_EQ(mentions.size(), 1u);
    EXPECT_EQ(mentions[0].observation, Observation::PleuralEffusion);
    EXPECT_EQ(mentions[0].sentence, 1u);
    EXPECT_EQ(mentions[0].span, (TokenSpan{2, 3}));
    EXPECT_EQ(mentions[0].status, MentionStatus::Positive);
}

TEST(Labeler, EdemaVascularCongestionVariants)
{
    EXPECT_EQ(valueOf("Mild central vascular prominence.", Observation::Edema), LabelValue::Positive);
    EXPECT_EQ(valueOf("The pulmonary vessels are engorged.", Observation::Edema), LabelValue::Positive);
    EXPECT_EQ(valueOf("Findings of pulmonary venous hypertension.", Observation::Edema), LabelValue::Positive);
    EXPECT_EQ(valueOf("Indistinct vascular margination at the hila.", Observation::Edema), LabelValue::Positive);
    EXPECT_EQ(valueOf("Enlarged heart with early failure.", Observation::Edema), LabelValue::Positive);
    EXPECT_EQ(valueOf("No vascular prominence.", Observation::Edema), LabelValue::Negative);
}

TEST(Labeler, WithinNormalLimitsAfterAMentionNegatesIt)
{
    EXPECT_EQ(valueOf("Pulmonary vascular engorgement is within normal limits.", Observation::Edema),
              LabelValue::Negative);
    EXPECT_EQ(valueOf("Vascular prominence appears within limits of normal.", Observation::Edema),
              LabelValue::Negative);
    EXPECT_EQ(valueOf("Vascular prominence is seen.", Observation::Edema), LabelValue::Positive);
}

TEST(Labeler, FissuralThickeningAndPleuralCappingArePleuralThickening)
{
    EXPECT_EQ(valueOf("Minor fissural thickening on the right.", Observation::PleuralThickening), LabelValue::Positive);
    EXPECT_EQ(valueOf("Minor fissural thickening on the right.", Observation::PleuralOther), LabelValue::Positive);
    EXPECT_EQ(valueOf("Thickening of the minor fissure.", Observation::PleuralThickening), LabelValue::Positive);
    EXPECT_EQ(valueOf("Mild biapical pleural capping.", Observation::PleuralThickening), LabelValue::Positive);
    EXPECT_EQ(valueOf("No fissural thickening.", Observation::PleuralThickening), LabelValue::Negative);
}

TEST(Labeler, LungLinesAndBLinesAreNotDevices)
{
    EXPECT_EQ(valueOf("Low lung lines.", Observation::SupportDevices), LabelValue::Blank);
    EXPECT_EQ(valueOf("Septal B-lines at both bases.", Observation::SupportDevices), LabelValue::Blank);
    EXPECT_EQ(valueOf("Septal B lines at both bases.", Observation::SupportDevices), LabelValue::Blank);
    EXPECT_EQ(valueOf("Right chest tube in place.", Observation::SupportDevices), LabelValue::Positive);
}

TEST(Labeler, PriorGranulomatousInfectionIsNotPneumonia)
{
    EXPECT_EQ(valueOf("Calcified sequelae of old granulomatous infection.", Observation::Pneumonia), LabelValue::Blank);
    EXPECT_EQ(valueOf("Apical scarring from tuberculous infection.", Observation::Pneumonia), LabelValue::Blank);
    EXPECT_EQ(valueOf("Correlate for symptoms of infection.", Observation::Pneumonia), LabelValue::Blank);
    EXPECT_EQ(valueOf("Right lower lobe infection.", Observation::Pneumonia), LabelValue::Positive);
}

TEST(Labeler, SuperiorMediastinalProminence)
{
    EXPECT_EQ(valueOf("Mild prominence of the superior mediastinum.", Observation::EnlargedCardiomediastinum),
              LabelValue::Positive);
    EXPECT_EQ(valueOf("Stable mediastinal prominence.", Observation::EnlargedCardiomediastinum), LabelValue::Positive);
    EXPECT_EQ(valueOf("No mediastinal prominence.", Observation::EnlargedCardiomediastinum), LabelValue::Negative);
}

TEST(Labeler, CannotBeConfidentlyExcludedIsUncertain)
{
    EXPECT_EQ(valueOf("A small nodule cannot be confidently excluded.", Observation::NoduleMass), LabelValue::Uncertain);
    EXPECT_EQ(valueOf("Pneumonia is not confidently excluded.", Observation::Pneumonia), LabelValue::Uncertain);
}
