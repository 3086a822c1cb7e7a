#include "inference/InferenceError.h"
#include "inference/Text.h"

#include <nlohmann/json.hpp>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace raddraft::inference;

namespace {
nlohmann::json loadVectors() {
    const std::string path = std::string(RADDRAFT_SOURCE_DIR) + "/inference/tests/data/r2gen_clean_vectors.json";
    std::ifstream in(path);
    EXPECT_TRUE(in.good()) << path;
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}
} // namespace

TEST(Cleaning, R2GenVectorsIuXray) {
    const auto vectors = loadVectors();
    ASSERT_GE(vectors.at("iu_xray").size(), 10u);
    for (const auto& vector : vectors.at("iu_xray")) {
        EXPECT_EQ(cleanReport(vector.at("in").get<std::string>(), CleaningStyle::IuXray),
                  vector.at("out").get<std::string>())
            << "input: " << vector.at("in");
    }
}

TEST(Cleaning, R2GenVectorsMimicCxr) {
    const auto vectors = loadVectors();
    ASSERT_GE(vectors.at("mimic_cxr").size(), 3u);
    for (const auto& vector : vectors.at("mimic_cxr")) {
        EXPECT_EQ(cleanReport(vector.at("in").get<std::string>(), CleaningStyle::MimicCxr),
                  vector.at("out").get<std::string>())
            << "input: " << vector.at("in");
    }
}

TEST(Cleaning, RegexRangeRemovesAngleBracketsAndAt) {
    EXPECT_EQ(cleanReport("a<b=c>d@e", CleaningStyle::IuXray), "abcde .");
    EXPECT_EQ(cleanReport("left-sided 7 mm", CleaningStyle::IuXray), "left-sided 7 mm .");
    EXPECT_EQ(cleaningStyleFromName("mimic_cxr"), CleaningStyle::MimicCxr);
    EXPECT_THROW(cleaningStyleFromName("chexpert"), InferenceError);
}

TEST(Vocabulary, ThresholdSortedUnknownAndIds) {
    const std::vector<std::string> reports = {"the heart is normal .", "the lungs are clear .",
                                              "the heart is enlarged .", "zebra ."};
    const Vocabulary vocabulary = Vocabulary::build(reports, 2);
    // counts: the 3, heart 2, is 2, . 4 → kept; others dropped; plus <unk>; sorted by code point.
    EXPECT_EQ(vocabulary.tokens(), (std::vector<std::string>{".", "<unk>", "heart", "is", "the"}));
    EXPECT_EQ(vocabulary.idOf("."), 1);
    EXPECT_EQ(vocabulary.idOf("the"), 5);
    EXPECT_EQ(vocabulary.idOf("zebra"), vocabulary.idOf("<unk>"));
    EXPECT_EQ(vocabulary.encode("the heart is big ."), (std::vector<std::int64_t>{0, 5, 3, 4, 2, 1, 0}));
    EXPECT_EQ(vocabulary.encode("the heart is big .", 4), (std::vector<std::int64_t>{0, 5, 3, 4}));
    EXPECT_EQ(vocabulary.decode({5, 3, 4, 1, 0, 5, 5}), "the heart is .");
    EXPECT_THROW(vocabulary.tokenOf(0), InferenceError);
    EXPECT_THROW(Vocabulary({"b", "a", "<unk>"}), InferenceError);
    EXPECT_THROW(Vocabulary({"a", "b"}), InferenceError);
}

TEST(Detokenizer, ReadableSentences) {
    const auto tokens = splitTokens("the heart is normal in size . <unk> . no left-sided effusion . t11t12 changes");
    const auto spans = splitSentences(tokens);
    ASSERT_EQ(spans.size(), 4u); // "<unk> ." is a sentence (no readable words, skipped by detokenize)
    EXPECT_EQ(spans[0].begin, 0);
    EXPECT_EQ(spans[0].end, 7);
    EXPECT_EQ(detokenizeSentence(tokens, spans[0]), "The heart is normal in size.");
    EXPECT_EQ(detokenize(tokens), "The heart is normal in size. No left-sided effusion. T11t12 changes.");
    EXPECT_EQ(detokenize(splitTokens(". . .")), "");
}
