#include "labeler/PhraseMatcher.h"

#include <gtest/gtest.h>

using namespace raddraft::labeler;

TEST(PhraseMatcher, MatchesMultiWordPhrases)
{
    const Sentence sentence = splitSentences("small left pleural effusion")[0];
    const Phrase phrase("pleural effusion");
    EXPECT_EQ(phrase.findAll(sentence, 0, sentence.size()), (std::vector<TokenSpan>{{2, 4}}));
    EXPECT_TRUE(Phrase("left pleural").matchesAt(sentence, 1, sentence.size()));
    EXPECT_FALSE(Phrase("right pleural").matchesAt(sentence, 1, sentence.size()));
}

TEST(PhraseMatcher, PrefixWordsAndHyphens)
{
    const Sentence sentence = splitSentences("bibasilar opacities and air-space disease")[0];
    EXPECT_EQ(Phrase("opacit*").findAll(sentence, 0, sentence.size()), (std::vector<TokenSpan>{{1, 2}}));
    EXPECT_EQ(Phrase("air-space disease").findAll(sentence, 0, sentence.size()), (std::vector<TokenSpan>{{3, 6}}));
    EXPECT_TRUE(Phrase("opacity").findAll(sentence, 0, sentence.size()).empty());
}

TEST(PhraseMatcher, RespectsRangeLimits)
{
    const Sentence sentence = splitSentences("no effusion no effusion")[0];
    const Phrase phrase("no effusion");
    EXPECT_EQ(phrase.findAll(sentence, 1, sentence.size()), (std::vector<TokenSpan>{{2, 4}}));
    EXPECT_TRUE(phrase.findAll(sentence, 1, 3).empty());
    EXPECT_FALSE(anyPhraseWithin(makePhrases({"no effusion"}), sentence, 0, 1));
}

TEST(PhraseMatcher, FindPhrasesOrdersByBeginLongestFirst)
{
    const Sentence sentence = splitSentences("left pleural effusion")[0];
    const auto spans = findPhrases(makePhrases({"effusion*", "pleural effusion*"}), sentence, 0, sentence.size());
    EXPECT_EQ(spans, (std::vector<TokenSpan>{{1, 3}, {2, 3}}));
}
