#include "KnowledgeGraph.h"

#include "FileUtil.h"
#include "inference/InferenceError.h"

#include <cmath>

namespace raddraft::inference {

std::vector<std::string> KnowledgeGraph::findingNames() const {
    std::vector<std::string> names;
    for (const KnowledgeGraphNode& node : nodes) {
        if (node.id != globalNode) names.push_back(node.name);
    }
    return names;
}

std::vector<float> KnowledgeGraph::normalizedAdjacency(bool backward) const {
    const std::size_t n = nodes.size();
    std::vector<double> matrix(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) matrix[i * n + i] = 1.0;
    for (const KnowledgeGraphEdge& edge : edges) {
        const std::size_t row = std::size_t(backward ? edge.target : edge.source);
        const std::size_t column = std::size_t(backward ? edge.source : edge.target);
        if (row != column) matrix[row * n + column] += edge.weight;
    }
    std::vector<double> inverseSqrtDegree(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double sum = 0.0;
        for (std::size_t j = 0; j < n; ++j) sum += matrix[i * n + j];
        inverseSqrtDegree[i] = sum > 0.0 ? 1.0 / std::sqrt(sum) : 0.0;
    }
    std::vector<float> normalized(n * n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            normalized[i * n + j] = float(inverseSqrtDegree[i] * matrix[i * n + j] * inverseSqrtDegree[j]);
        }
    }
    return normalized;
}

nlohmann::json KnowledgeGraph::toJson() const {
    nlohmann::json json;
    json["name"] = name;
    json["global_node"] = globalNode;
    json["nodes"] = nlohmann::json::array();
    for (const KnowledgeGraphNode& node : nodes) {
        json["nodes"].push_back({{"id", node.id},
                                 {"name", node.name},
                                 {"group", node.group.empty() ? nlohmann::json() : nlohmann::json(node.group)},
                                 {"synonyms", node.synonyms}});
    }
    json["edges"] = nlohmann::json::array();
    for (const KnowledgeGraphEdge& edge : edges) {
        json["edges"].push_back({{"source", edge.source}, {"target", edge.target}, {"weight", edge.weight}});
    }
    return json;
}

KnowledgeGraph KnowledgeGraph::fromJson(const nlohmann::json& json, const std::string& sourceName) {
    KnowledgeGraph graph;
    try {
        graph.name = json.value("name", std::string());
        graph.globalNode = json.value("global_node", -1);
        for (const auto& item : json.at("nodes")) {
            KnowledgeGraphNode node;
            node.id = item.at("id").get<int>();
            node.name = item.at("name").get<std::string>();
            if (item.contains("group") && item.at("group").is_string()) node.group = item.at("group").get<std::string>();
            if (item.contains("synonyms")) node.synonyms = item.at("synonyms").get<std::vector<std::string>>();
            if (node.id != int(graph.nodes.size())) {
                throw InferenceError(ErrorCode::CorruptBundle, sourceName,
                                     "knowledge graph node ids must be 0..N-1 in order (node '" + node.name + "')");
            }
            graph.nodes.push_back(std::move(node));
        }
        for (const auto& item : json.at("edges")) {
            KnowledgeGraphEdge edge;
            edge.source = item.at("source").get<int>();
            edge.target = item.at("target").get<int>();
            edge.weight = item.value("weight", 1.0);
            if (edge.source < 0 || edge.source >= graph.nodeCount() || edge.target < 0 ||
                edge.target >= graph.nodeCount() || !std::isfinite(edge.weight) || edge.weight < 0) {
                throw InferenceError(ErrorCode::CorruptBundle, sourceName,
                                     "knowledge graph edge " + std::to_string(edge.source) + " -> " +
                                         std::to_string(edge.target) + " is out of range or has a bad weight");
            }
            graph.edges.push_back(edge);
        }
    } catch (const nlohmann::json::exception& error) {
        throw InferenceError(ErrorCode::CorruptBundle, sourceName,
                             std::string("malformed knowledge graph: ") + error.what());
    }
    if (graph.globalNode >= graph.nodeCount()) {
        throw InferenceError(ErrorCode::CorruptBundle, sourceName, "knowledge graph global_node out of range");
    }
    return graph;
}

KnowledgeGraph KnowledgeGraph::load(const std::string& filePath) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(readTextFile(filePath));
    } catch (const nlohmann::json::exception& error) {
        throw InferenceError(ErrorCode::CorruptBundle, filePath, std::string("not valid JSON: ") + error.what());
    }
    return fromJson(json, filePath);
}

} // namespace raddraft::inference
