#include "labeler/ReportText.h"

#include <gtest/gtest.h>

using raddraft::labeler::Sentence;
using raddraft::labeler::splitSentences;

TEST(ReportText, SplitsSentencesAndLowercases)
{
    const auto sentences = splitSentences("Heart size is Normal. No effusion!\nLungs clear");
    ASSERT_EQ(sentences.size(), 3u);
    EXPECT_EQ(sentences[0], (Sentence{"heart", "size", "is", "normal"}));
    EXPECT_EQ(sentences[1], (Sentence{"no", "effusion"}));
    EXPECT_EQ(sentences[2], (Sentence{"lungs", "clear"}));
}

TEST(ReportText, KeepsDecimalsApostrophesAndScopeMarks)
{
    const auto sentences = splitSentences("A 3.5 cm mass; can't exclude air-space disease: see above.");
    ASSERT_EQ(sentences.size(), 1u);
    EXPECT_EQ(sentences[0], (Sentence{"a", "3.5", "cm", "mass", ";", "can't", "exclude", "air", "space", "disease", ":",
                                      "see", "above"}));
}

TEST(ReportText, EmptyTextHasNoSentences)
{
    EXPECT_TRUE(splitSentences(" ... \n ").empty());
}
