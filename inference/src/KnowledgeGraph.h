#pragma once
// A knowledge graph as data: nodes (id, name, group, synonyms that match report text) and
// directed weighted edges. The chest graph lives in resources/knowledge_graph/chest.json; bundles
// embed their graph in manifest.json so that a bundle is self-contained. CKNet's 30-keyword graph
// (data-mined, non-symmetric) loads the same way.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace raddraft::inference {

struct KnowledgeGraphNode {
    int id = 0;                         ///< 0..N-1, equal to the index in KnowledgeGraph::nodes
    std::string name;
    std::string group;                  ///< empty when the node belongs to no group
    std::vector<std::string> synonyms;  ///< lower-case phrases that mark the node in report text
};

struct KnowledgeGraphEdge {
    int source = 0;
    int target = 0;
    double weight = 1.0;
};

struct KnowledgeGraph {
    std::string name;
    int globalNode = -1;                 ///< image-level node, -1 when there is none
    std::vector<KnowledgeGraphNode> nodes;
    std::vector<KnowledgeGraphEdge> edges;

    int nodeCount() const { return int(nodes.size()); }
    /// Names of the finding nodes (every node except the global one), in id order: the label
    /// list of a tag head over this graph.
    std::vector<std::string> findingNames() const;

    /// Row-major N×N D^-1/2 (A + I) D^-1/2 with A the forward (edge source → target) matrix, or
    /// its transpose for `backward`; D is the row sum of A + I.
    std::vector<float> normalizedAdjacency(bool backward) const;

    nlohmann::json toJson() const;
    /// Validates ids (0..N-1 in order), edge end points and weights; throws
    /// InferenceError(CorruptBundle) naming `sourceName`.
    static KnowledgeGraph fromJson(const nlohmann::json& json, const std::string& sourceName);
    static KnowledgeGraph load(const std::string& filePath);
};

} // namespace raddraft::inference
