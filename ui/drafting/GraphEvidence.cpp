#include "GraphEvidence.h"

#include <algorithm>
#include <map>

namespace raddraft::ui {

std::vector<inference::Heatmap> graphNodeHeatmaps(const inference::Draft& draft, const std::string& node) {
    std::vector<inference::Heatmap> maps;
    if (!draft.patchNodes.empty()) {
        // The grid of each view: that of the draft's other maps of the view when it has any (a
        // model may list only the patches with nodes), else as far as the patches reach.
        std::map<std::string, std::pair<int, int>> extent;
        const auto takeGrids = [&](const std::vector<inference::Heatmap>& maps) {
            for (const inference::Heatmap& map : maps) extent.emplace(map.view, std::pair{map.rows, map.cols});
        };
        for (const inference::DraftToken& token : draft.tokens) takeGrids(token.heatmaps);
        for (const inference::DraftSentence& sentence : draft.sentences) takeGrids(sentence.heatmaps);
        for (const inference::Finding& finding : draft.findings) takeGrids(finding.heatmaps);
        std::map<std::string, std::pair<int, int>> reach;
        for (const inference::PatchNodes& patch : draft.patchNodes) {
            auto& [rows, cols] = reach[patch.view];
            rows = std::max(rows, patch.row + 1);
            cols = std::max(cols, patch.col + 1);
        }
        for (const auto& [view, size] : reach) extent.emplace(view, size);
        double total = 0.0;
        for (const std::string& view : draft.views) {
            const auto found = extent.find(view);
            if (found == extent.end()) continue;
            inference::Heatmap map{view, found->second.first, found->second.second, {}};
            map.values.assign(std::size_t(map.rows * map.cols), 0.0f);
            for (const inference::PatchNodes& patch : draft.patchNodes) {
                if (patch.view != view) continue;
                if (patch.row >= map.rows || patch.col >= map.cols) continue; // outside the view's grid
                for (const inference::WeightedItem& item : patch.nodes) {
                    if (item.name != node || !(item.weight > 0.0)) continue;
                    map.values[std::size_t(patch.row * map.cols + patch.col)] += float(item.weight);
                    total += item.weight;
                }
            }
            maps.push_back(std::move(map));
        }
        if (!(total > 0.0)) return {};
        for (inference::Heatmap& map : maps) {
            for (float& value : map.values) value = float(value / total);
        }
        return maps;
    }
    for (const inference::Finding& finding : draft.findings) {
        if (finding.name == node) return finding.heatmaps;
    }
    return {};
}

double sentenceAttention(const inference::Draft& draft, int sentenceIndex, const std::string& node) {
    if (sentenceIndex < 0 || sentenceIndex >= int(draft.sentences.size())) return 0.0;
    for (const inference::WeightedItem& item : draft.sentences[std::size_t(sentenceIndex)].support.graphNodes) {
        if (item.name == node) return item.weight;
    }
    return 0.0;
}

std::vector<int> sentencesSupportedBy(const inference::Draft& draft, const std::string& node, double attentionThreshold) {
    std::vector<int> sentences;
    for (int index = 0; index < int(draft.sentences.size()); ++index) {
        const inference::SentenceSupport& support = draft.sentences[std::size_t(index)].support;
        const bool tagged = std::any_of(support.tags.begin(), support.tags.end(),
                                        [&](const inference::WeightedItem& item) { return item.name == node; });
        if (tagged || sentenceAttention(draft, index, node) > attentionThreshold) sentences.push_back(index);
    }
    return sentences;
}

} // namespace raddraft::ui
