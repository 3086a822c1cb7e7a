#include "inference/Draft.h"
#include "inference/InferenceError.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace raddraft::inference;

namespace {
Heatmap grid() { return {"frontal", 2, 2, {0.1f, 0.2f, 0.3f, 0.4f}}; }

Draft sampleDraft() {
    Draft draft;
    draft.model = {"ppked", "PPKED phantom", "1.2.0", std::string(64, 'a'), "cuda:0/half"};
    draft.views = {"frontal", "lateral"};
    draft.text = "The heart is enlarged. Small left effusion.";
    const Heatmap grid = ::grid();
    draft.tokens = {{"the", -0.1, {grid}, {}},
                    {"heart", -0.25, {grid, {"lateral", 1, 1, {0.5f}}}, {{"cardiomegaly", 0.75}, {"heart", 0.25}}},
                    {".", -0.01, {}, {}}};
    DraftSentence sentence;
    sentence.text = "The heart.";
    sentence.tokenBegin = 0;
    sentence.tokenEnd = 3;
    sentence.heatmaps = {grid};
    sentence.support.tags = {{"cardiomegaly", 0.9}};
    sentence.support.graphNodes = {{"cardiomegaly", 0.4}, {"global", 0.2}};
    sentence.support.reports = {{"CXR12", 0.7}};
    sentence.support.values = {{"lambda1", 0.3}, {"lambda2", 0.6}};
    sentence.score = 0.82;
    sentence.alternatives = {"The heart is enlarged.", "Cardiomegaly."};
    draft.sentences = {sentence};
    draft.topicMaps = {{"heart", 0.3, {grid}}};
    draft.patchNodes = {{"frontal", 1, 0, {{"cardiomegaly", 0.6}, {"heart", 0.4}}}};
    draft.regionBoxes = {{"frontal", "auxiliary region", 0.1, 0.2, 0.55, 0.9}};
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
    // Model-specific evidence (CKNet, CVSE, PPKED, ASGK).
    ASSERT_EQ(back.tokens[1].graphNodes.size(), 2u);
    EXPECT_DOUBLE_EQ(back.tokens[1].graphNodes[0].weight, 0.75);
    EXPECT_TRUE(back.tokens[0].graphNodes.empty());
    EXPECT_DOUBLE_EQ(back.sentences[0].score, 0.82);
    EXPECT_EQ(back.sentences[0].alternatives, draft.sentences[0].alternatives);
    ASSERT_EQ(back.topicMaps.size(), 1u);
    EXPECT_EQ(back.topicMaps[0].heatmaps[0].values, grid().values);
    ASSERT_EQ(back.patchNodes.size(), 1u);
    EXPECT_EQ(back.patchNodes[0].row, 1);
    EXPECT_EQ(back.patchNodes[0].nodes[1].name, "heart");
    ASSERT_EQ(back.regionBoxes.size(), 1u);
    EXPECT_DOUBLE_EQ(back.regionBoxes[0].x1, 0.55);
}

TEST(DraftJson, BaselineDraftsOmitModelSpecificKeys) {
    Draft draft = sampleDraft();
    draft.topicMaps.clear();
    draft.patchNodes.clear();
    draft.regionBoxes.clear();
    const nlohmann::json json = nlohmann::json::parse(draftToJson(draft));
    EXPECT_FALSE(json.contains("topic_maps"));
    EXPECT_FALSE(json.contains("patch_nodes"));
    EXPECT_FALSE(json.contains("region_boxes"));
    EXPECT_FALSE(json["tokens"][0].contains("graph_nodes"));
    EXPECT_TRUE(json["tokens"][1].contains("graph_nodes"));
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
