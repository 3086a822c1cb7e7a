#include "KnowledgeGraph.h"
#include "Manifest.h"
#include "inference/InferenceError.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace raddraft::inference;

namespace {
KnowledgeGraph chestGraph() {
    return KnowledgeGraph::load(std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json");
}
} // namespace

TEST(KnowledgeGraph, ChestGraphMatchesTheReference) {
    const KnowledgeGraph graph = chestGraph();
    ASSERT_EQ(graph.nodeCount(), 21);
    EXPECT_EQ(graph.globalNode, 0);
    EXPECT_EQ(graph.findingNames().size(), 20u);
    EXPECT_EQ(graph.nodes[7].name, "pneumothorax");
    EXPECT_EQ(graph.nodes[16].group, "G3");
    // 20 global edges + groups 3·2 + 2·1 + 7·6 + 2·1 directed pairs.
    EXPECT_EQ(graph.edges.size(), 20u + 6u + 2u + 42u + 2u);
}

TEST(KnowledgeGraph, NormalizedAdjacency) {
    const KnowledgeGraph graph = chestGraph();
    const int n = graph.nodeCount();
    const auto forward = graph.normalizedAdjacency(false);
    const auto backward = graph.normalizedAdjacency(true);
    // Node 1 connects only to the global node: forward row 1 has the self-loop only (degree 1).
    EXPECT_FLOAT_EQ(forward[std::size_t(1 * n + 1)], 1.0f);
    EXPECT_FLOAT_EQ(forward[std::size_t(1 * n + 0)], 0.0f);
    // Global row: degree 21 (self + 20); its entry to node 1 is 1/sqrt(21·1).
    EXPECT_NEAR(forward[std::size_t(0 * n + 1)], 1.0 / std::sqrt(21.0), 1e-6);
    // Backward is built from the transpose: node 1 now receives from the global node.
    EXPECT_GT(backward[std::size_t(1 * n + 0)], 0.0f);
    EXPECT_FLOAT_EQ(backward[std::size_t(0 * n + 1)], 0.0f);
    // Nodes in different groups are never connected.
    EXPECT_FLOAT_EQ(forward[std::size_t(5 * n + 10)], 0.0f);
    EXPECT_GT(forward[std::size_t(5 * n + 7)], 0.0f);
}

TEST(KnowledgeGraph, RejectsBadEdges) {
    nlohmann::json json = chestGraph().toJson();
    json["edges"].push_back({{"source", 0}, {"target", 99}});
    EXPECT_THROW(KnowledgeGraph::fromJson(json, "test.json"), InferenceError);
}
