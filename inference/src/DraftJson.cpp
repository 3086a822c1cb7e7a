#include "inference/Draft.h"
#include "inference/InferenceError.h"

#include <nlohmann/json.hpp>

namespace raddraft::inference {
namespace {

using Json = nlohmann::ordered_json;
constexpr int kDraftSchemaVersion = 1;

Json heatmapsToJson(const std::vector<Heatmap>& heatmaps) {
    Json array = Json::array();
    for (const Heatmap& heatmap : heatmaps) {
        array.push_back({{"view", heatmap.view}, {"rows", heatmap.rows}, {"cols", heatmap.cols},
                         {"values", heatmap.values}});
    }
    return array;
}

std::vector<Heatmap> heatmapsFromJson(const Json& array) {
    std::vector<Heatmap> heatmaps;
    for (const Json& item : array) {
        Heatmap heatmap;
        heatmap.view = item.at("view").get<std::string>();
        heatmap.rows = item.at("rows").get<int>();
        heatmap.cols = item.at("cols").get<int>();
        heatmap.values = item.at("values").get<std::vector<float>>();
        if (heatmap.rows < 0 || heatmap.cols < 0 || heatmap.values.size() != std::size_t(heatmap.rows * heatmap.cols)) {
            throw InferenceError(ErrorCode::InvalidArgument, "heatmap values do not match rows × cols");
        }
        heatmaps.push_back(std::move(heatmap));
    }
    return heatmaps;
}

Json weightedToJson(const std::vector<WeightedItem>& items) {
    Json array = Json::array();
    for (const WeightedItem& item : items) array.push_back({{"name", item.name}, {"weight", item.weight}});
    return array;
}

std::vector<WeightedItem> weightedFromJson(const Json& array) {
    std::vector<WeightedItem> items;
    for (const Json& item : array) items.push_back({item.at("name").get<std::string>(), item.at("weight").get<double>()});
    return items;
}

} // namespace

std::string draftToJson(const Draft& draft) {
    Json json;
    json["schema"] = "raddraft-draft";
    json["schema_version"] = kDraftSchemaVersion;
    json["model"] = {{"type", draft.model.type}, {"name", draft.model.name}, {"version", draft.model.version},
                     {"bundle_hash", draft.model.bundleHash}, {"device", draft.model.device}};
    json["views"] = draft.views;
    json["text"] = draft.text;
    json["tokens"] = Json::array();
    for (const DraftToken& token : draft.tokens) {
        Json item = {{"text", token.text}, {"log_probability", token.logProbability},
                     {"heatmaps", heatmapsToJson(token.heatmaps)}};
        if (!token.graphNodes.empty()) item["graph_nodes"] = weightedToJson(token.graphNodes);
        json["tokens"].push_back(std::move(item));
    }
    json["sentences"] = Json::array();
    for (const DraftSentence& sentence : draft.sentences) {
        Json reports = Json::array();
        for (const RetrievedReportReference& report : sentence.support.reports) {
            reports.push_back({{"id", report.id}, {"weight", report.weight}});
        }
        Json values = Json::object();
        for (const auto& [name, value] : sentence.support.values) values[name] = value;
        Json item = {{"text", sentence.text},
                     {"token_begin", sentence.tokenBegin},
                     {"token_end", sentence.tokenEnd},
                     {"heatmaps", heatmapsToJson(sentence.heatmaps)},
                     {"support", {{"tags", weightedToJson(sentence.support.tags)},
                                  {"graph_nodes", weightedToJson(sentence.support.graphNodes)},
                                  {"reports", reports},
                                  {"values", values}}}};
        if (sentence.score != 0.0) item["score"] = sentence.score;
        if (!sentence.alternatives.empty()) item["alternatives"] = sentence.alternatives;
        json["sentences"].push_back(std::move(item));
    }
    json["findings"] = Json::array();
    for (const Finding& finding : draft.findings) {
        json["findings"].push_back({{"name", finding.name},
                                    {"probability", finding.probability},
                                    {"present", finding.present},
                                    {"heatmaps", heatmapsToJson(finding.heatmaps)}});
    }
    Json nodes = Json::array();
    for (const GraphNodeState& node : draft.graphNodes) {
        nodes.push_back({{"id", node.id}, {"name", node.name}, {"group", node.group}, {"activation", node.activation}});
    }
    Json edges = Json::array();
    for (const GraphEdgeState& edge : draft.graphEdges) {
        edges.push_back({{"source", edge.source}, {"target", edge.target}, {"weight", edge.weight}});
    }
    json["graph"] = {{"nodes", nodes}, {"edges", edges}};
    json["retrieved_reports"] = Json::array();
    for (const RetrievedReport& report : draft.retrievedReports) {
        json["retrieved_reports"].push_back({{"id", report.id}, {"text", report.text}, {"score", report.score}});
    }
    // Model-specific evidence: present only when a model fills it, so baseline drafts stay small.
    if (!draft.topicMaps.empty()) {
        Json maps = Json::array();
        for (const NamedHeatmaps& map : draft.topicMaps) {
            maps.push_back({{"name", map.name}, {"weight", map.weight}, {"heatmaps", heatmapsToJson(map.heatmaps)}});
        }
        json["topic_maps"] = maps;
    }
    if (!draft.patchNodes.empty()) {
        Json patches = Json::array();
        for (const PatchNodes& patch : draft.patchNodes) {
            patches.push_back({{"view", patch.view}, {"row", patch.row}, {"col", patch.col}, {"nodes", weightedToJson(patch.nodes)}});
        }
        json["patch_nodes"] = patches;
    }
    if (!draft.regionBoxes.empty()) {
        Json boxes = Json::array();
        for (const RegionBox& box : draft.regionBoxes) {
            boxes.push_back({{"view", box.view}, {"label", box.label}, {"x0", box.x0}, {"y0", box.y0}, {"x1", box.x1}, {"y1", box.y1}});
        }
        json["region_boxes"] = boxes;
    }
    json["timings"] = Json::array();
    for (const StageTiming& timing : draft.timings) {
        json["timings"].push_back({{"stage", timing.stage}, {"milliseconds", timing.milliseconds}});
    }
    return json.dump(2);
}

Draft draftFromJson(const std::string& text) {
    Draft draft;
    try {
        const Json json = Json::parse(text);
        if (json.value("schema", std::string()) != "raddraft-draft") {
            throw InferenceError(ErrorCode::InvalidArgument, "not a RadDraft draft (\"schema\" missing)");
        }
        if (json.at("schema_version").get<int>() > kDraftSchemaVersion) {
            throw InferenceError(ErrorCode::UnsupportedVersion, "draft schema_version is newer than this build");
        }
        const Json& model = json.at("model");
        draft.model = {model.at("type").get<std::string>(), model.at("name").get<std::string>(),
                       model.at("version").get<std::string>(), model.at("bundle_hash").get<std::string>(),
                       model.at("device").get<std::string>()};
        draft.views = json.at("views").get<std::vector<std::string>>();
        draft.text = json.at("text").get<std::string>();
        for (const Json& item : json.at("tokens")) {
            DraftToken token{item.at("text").get<std::string>(), item.at("log_probability").get<double>(),
                             heatmapsFromJson(item.at("heatmaps")), {}};
            if (item.contains("graph_nodes")) token.graphNodes = weightedFromJson(item.at("graph_nodes"));
            draft.tokens.push_back(std::move(token));
        }
        for (const Json& item : json.at("sentences")) {
            DraftSentence sentence;
            sentence.text = item.at("text").get<std::string>();
            sentence.tokenBegin = item.at("token_begin").get<int>();
            sentence.tokenEnd = item.at("token_end").get<int>();
            sentence.heatmaps = heatmapsFromJson(item.at("heatmaps"));
            const Json& support = item.at("support");
            sentence.support.tags = weightedFromJson(support.at("tags"));
            sentence.support.graphNodes = weightedFromJson(support.at("graph_nodes"));
            for (const Json& report : support.at("reports")) {
                sentence.support.reports.push_back({report.at("id").get<std::string>(), report.at("weight").get<double>()});
            }
            for (const auto& [name, value] : support.at("values").items()) sentence.support.values[name] = value.get<double>();
            sentence.score = item.value("score", 0.0);
            if (item.contains("alternatives")) sentence.alternatives = item.at("alternatives").get<std::vector<std::string>>();
            draft.sentences.push_back(std::move(sentence));
        }
        for (const Json& item : json.at("findings")) {
            Finding finding{item.at("name").get<std::string>(), item.at("probability").get<double>(),
                            item.at("present").get<bool>(), {}};
            // Optional: drafts written before findings carried maps have none.
            if (item.contains("heatmaps")) finding.heatmaps = heatmapsFromJson(item.at("heatmaps"));
            draft.findings.push_back(std::move(finding));
        }
        for (const Json& item : json.at("graph").at("nodes")) {
            draft.graphNodes.push_back({item.at("id").get<int>(), item.at("name").get<std::string>(),
                                        item.at("group").get<std::string>(), item.at("activation").get<double>()});
        }
        for (const Json& item : json.at("graph").at("edges")) {
            draft.graphEdges.push_back({item.at("source").get<int>(), item.at("target").get<int>(), item.at("weight").get<double>()});
        }
        for (const Json& item : json.at("retrieved_reports")) {
            draft.retrievedReports.push_back({item.at("id").get<std::string>(), item.at("text").get<std::string>(),
                                              item.at("score").get<double>()});
        }
        for (const Json& item : json.value("topic_maps", Json::array())) {
            draft.topicMaps.push_back({item.at("name").get<std::string>(), item.at("weight").get<double>(),
                                       heatmapsFromJson(item.at("heatmaps"))});
        }
        for (const Json& item : json.value("patch_nodes", Json::array())) {
            draft.patchNodes.push_back({item.at("view").get<std::string>(), item.at("row").get<int>(), item.at("col").get<int>(),
                                        weightedFromJson(item.at("nodes"))});
        }
        for (const Json& item : json.value("region_boxes", Json::array())) {
            draft.regionBoxes.push_back({item.at("view").get<std::string>(), item.at("label").get<std::string>(),
                                         item.at("x0").get<double>(), item.at("y0").get<double>(), item.at("x1").get<double>(),
                                         item.at("y1").get<double>()});
        }
        for (const Json& item : json.at("timings")) {
            draft.timings.push_back({item.at("stage").get<std::string>(), item.at("milliseconds").get<double>()});
        }
    } catch (const nlohmann::json::exception& error) {
        throw InferenceError(ErrorCode::InvalidArgument, std::string("draft JSON does not fit the schema: ") + error.what());
    }
    return draft;
}

} // namespace raddraft::inference
