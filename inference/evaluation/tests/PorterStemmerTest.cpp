// Examples from Porter (1980) and the published Porter vocabulary/output pairs.

#include "evaluation/PorterStemmer.h"

#include <gtest/gtest.h>

namespace raddraft::evaluation {
namespace {

TEST(PorterStemmer, PaperExamples)
{
    const std::pair<const char*, const char*> pairs[] = {
        {"caresses", "caress"}, {"ponies", "poni"},     {"cats", "cat"},         {"agreed", "agre"},
        {"feed", "feed"},       {"motoring", "motor"},  {"sing", "sing"},        {"hopping", "hop"},
        {"falling", "fall"},    {"hissing", "hiss"},    {"filing", "file"},      {"happy", "happi"},
        {"sky", "sky"},         {"relational", "relat"}, {"conditional", "condit"}, {"generalization", "gener"},
        {"hopeful", "hope"},    {"effusions", "effus"}, {"effusion", "effus"},   {"opacities", "opac"},
        {"controlling", "control"}, {"probate", "probat"}, {"rate", "rate"},     {"is", "is"},
    };
    for (const auto& [word, stem] : pairs)
        EXPECT_EQ(porterStem(word), stem) << word;
}

TEST(PorterStemmer, NonAlphabeticWordsUnchanged)
{
    EXPECT_EQ(porterStem("left-sided"), "left-sided");
    EXPECT_EQ(porterStem("5mm"), "5mm");
}

} // namespace
} // namespace raddraft::evaluation
