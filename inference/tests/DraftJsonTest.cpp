#include "inference/Draft.h"
#include "inference/InferenceError.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace raddraft::inference;

namespace {
Draft sampleDraft() {
    Draft draft;
    draft.model = {"ppked", "PPKED phantom", "1.2.0", std::string(64, 'a'), "cuda:0/half"};
    draft.views = {"frontal", "lateral"};
    draft.text = "The heart is enlarged. Small left effusion.";
    Heatmap grid{"frontal", 2, 2, {0.1f, 0.2f, 0.3f, 0.4f}};
    draft.tokens = {{"the", -0.1, {grid}}, {"heart", -0.25, {grid, {"lateral", 1, 1, {0.5f}}}}, {".", -0.01, {}}};
    DraftSentence sentence;
    sentence.text = "The heart.";
    sentence.tokenBegin = 0;
    sentence.tokenEnd = 3;
    sentence.heatmaps = {grid};
    sentence.support.tags = {{"cardiomegaly", 0.9}};
    sentence.support.graphNodes = {{"cardiomegaly", 0.4}, {"global", 0.2}};
    sentence.support.reports = {{"CXR12", 0.7}};
    sentence.support.values = {{"lambda1", 0.3}, {"lambda2", 0.6}};
    draft.sentences = {sentence};
    draft.findings = {{"cardiomegaly", 0.91, true, {grid}}, {"pneumothorax", 0.02, false, {}}};
    draft.graphNodes = {{0, "global", "", 1.0}, {2, "cardiomegaly", "", 0.91}};
    draft.graphEdges = {{0, 2, 0.35}};
    draft.retrievedReports = {{"CXR12", "heart is enlarged .", 0.88}};
    draft.timings = {{"preprocess", 1.5}, {"decode", 40.25}};
    return draft;
}
} // namespace

TEST(DraftJson, RoundTripKeepsEveryField) {
    const Draft draft = sampleDraft();
    const std::string json = draftToJson(draft);
    const Draft back = draftFromJson(json);
    EXPECT_EQ(draftToJson(back), json);
    EXPECT_EQ(back.model.device, "cuda:0/half");
    ASSERT_EQ(back.tokens.size(), 3u);
    EXPECT_EQ(back.tokens[1].heatmaps[1].view, "lateral");
    EXPECT_FLOAT_EQ(back.tokens[0].heatmaps[0].values[3], 0.4f);
    EXPECT_DOUBLE_EQ(back.sentences[0].support.values.at("lambda2"), 0.6);
    EXPECT_EQ(back.sentences[0].support.reports[0].id, "CXR12");
    EXPECT_EQ(back.graphEdges[0].target, 2);
    EXPECT_TRUE(back.findings[0].present);
    ASSERT_EQ(back.findings[0].heatmaps.size(), 1u);
    EXPECT_EQ(back.findings[0].heatmaps[0].values, draft.findings[0].heatmaps[0].values);
    EXPECT_TRUE(back.findings[1].heatmaps.empty());
    EXPECT_DOUBLE_EQ(back.timings[1].milliseconds, 40.25);
}

TEST(DraftJson, FindingsWithoutHeatmapsStillRead) {
    // Drafts stored before findings carried maps (version 0.1) have no "heatmaps" key there.
    nlohmann::json json = nlohmann::json::parse(draftToJson(sampleDraft()));
    for (auto& finding : json["findings"]) finding.erase("heatmaps");
    const Draft back = draftFromJson(json.dump());
    ASSERT_EQ(back.findings.size(), 2u);
    EXPECT_TRUE(back.findings[0].heatmaps.empty());
}

TEST(DraftJson, RejectsMalformedDrafts) {
    EXPECT_THROW(draftFromJson("{}"), InferenceError);
    EXPECT_THROW(draftFromJson("not json"), InferenceError);
    std::string json = draftToJson(sampleDraft());
    const auto position = json.find("\"rows\": 2");
    ASSERT_NE(position, std::string::npos);
    json.replace(position, 9, "\"rows\": 3");
    EXPECT_THROW(draftFromJson(json), InferenceError);
}
