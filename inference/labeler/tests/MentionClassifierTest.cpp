#include "labeler/MentionClassifier.h"

#include <gtest/gtest.h>

using namespace raddraft::labeler;

namespace {

/// Classifies the first occurrence of `mention` in `text` (one sentence).
MentionStatus classify(const std::string& text, const std::string& mention)
{
    const Sentence sentence = splitSentences(text).at(0);
    const std::vector<TokenSpan> spans = Phrase(mention).findAll(sentence, 0, sentence.size());
    EXPECT_FALSE(spans.empty()) << mention << " not in " << text;
    return classifyMention(sentence, spans.at(0));
}

} // namespace

TEST(MentionClassifier, PlainMentionIsPositive)
{
    EXPECT_EQ(classify("There is a small left pleural effusion", "pleural effusion"), MentionStatus::Positive);
}

TEST(MentionClassifier, NegationBeforeTheMention)
{
    EXPECT_EQ(classify("No pneumothorax", "pneumothorax"), MentionStatus::Negative);
    EXPECT_EQ(classify("Lungs are clear without focal consolidation", "consolidation"), MentionStatus::Negative);
    EXPECT_EQ(classify("Negative for pneumothorax", "pneumothorax"), MentionStatus::Negative);
    EXPECT_EQ(classify("The lungs are free of focal airspace disease", "airspace disease"), MentionStatus::Negative);
    EXPECT_EQ(classify("Lungs clear of consolidation", "consolidation"), MentionStatus::Negative);
    EXPECT_EQ(classify("There is no evidence of pneumothorax", "pneumothorax"), MentionStatus::Negative);
    EXPECT_EQ(classify("Resolved left lower lobe pneumonia", "pneumonia"), MentionStatus::Negative);
}

TEST(MentionClassifier, NegationAfterTheMention)
{
    EXPECT_EQ(classify("Pneumothorax is absent", "pneumothorax"), MentionStatus::Negative);
    EXPECT_EQ(classify("A pleural effusion is not seen", "pleural effusion"), MentionStatus::Negative);
    EXPECT_EQ(classify("The right pneumothorax has resolved", "pneumothorax"), MentionStatus::Negative);
}

TEST(MentionClassifier, NegationReachesThroughLists)
{
    EXPECT_EQ(classify("No focal consolidation, pleural effusion or pneumothorax", "pneumothorax"), MentionStatus::Negative);
}

TEST(MentionClassifier, PreNegationUncertaintyOutranksNegation)
{
    EXPECT_EQ(classify("Cannot exclude a small pneumothorax", "pneumothorax"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("A small effusion is not excluded", "effusion"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Early pneumonia cannot be ruled out", "pneumonia"), MentionStatus::Uncertain);
}

TEST(MentionClassifier, PostNegationUncertainty)
{
    EXPECT_EQ(classify("This may represent atelectasis", "atelectasis"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Possible small right effusion", "effusion"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Probable atelectasis", "atelectasis"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Findings suspicious for pneumonia", "pneumonia"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Opacity concerning for pneumonia", "pneumonia"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Likely atelectasis", "atelectasis"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Atelectasis versus pneumonia", "atelectasis"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Atelectasis versus pneumonia", "pneumonia"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("Question of a small pneumothorax", "pneumothorax"), MentionStatus::Uncertain);
    EXPECT_EQ(classify("This could be atelectasis", "atelectasis"), MentionStatus::Uncertain);
}

TEST(MentionClassifier, ScopeStopsAtContrastWords)
{
    EXPECT_EQ(classify("No pneumothorax but there is a small effusion", "effusion"), MentionStatus::Positive);
    EXPECT_EQ(classify("No edema, however consolidation persists", "consolidation"), MentionStatus::Positive);
    EXPECT_EQ(classify("No pneumothorax although atelectasis is present", "atelectasis"), MentionStatus::Positive);
    EXPECT_EQ(classify("No pneumothorax; effusion persists", "effusion"), MentionStatus::Positive);
}

TEST(MentionClassifier, ScopeHasAWordLimit)
{
    // "no" is more than ten words before the mention.
    EXPECT_EQ(classify("No acute process is evident on this radiograph of the chest with effusion", "effusion"),
              MentionStatus::Positive);
    EXPECT_EQ(classify("No new pneumothorax", "pneumothorax"), MentionStatus::Negative);
}

TEST(MentionClassifier, PseudoNegationDoesNotNegate)
{
    EXPECT_EQ(classify("No change in left basilar atelectasis", "atelectasis"), MentionStatus::Positive);
}

TEST(MentionClassifier, UncertaintyAfterStopsAtAnd)
{
    EXPECT_EQ(classify("Cardiomegaly and possibly a small effusion", "cardiomegaly"), MentionStatus::Positive);
}
