#pragma once
// What a knowledge-graph node stands for in one draft: where on the images it was seen and which
// sentences it supports. Pure functions of the Draft, shared by the graph view and its tests.

#include "inference/Draft.h"

#include <string>
#include <vector>

namespace raddraft::ui {

/// The node's maps, one grid per view, normalised to sum 1 over all views:
/// - CKNet (Draft::patchNodes): the node's distillation weight in every patch;
/// - otherwise the heatmaps of the finding with the node's name (the tag head's class activation
///   maps), when the draft has them.
/// Empty when the draft has no evidence of the node on the images.
std::vector<inference::Heatmap> graphNodeHeatmaps(const inference::Draft& draft, const std::string& node);

/// Indices of the sentences the node supports: its attention in the sentence's support.graphNodes
/// is above `attentionThreshold`, or the sentence mentions it as a tag (support.tags).
std::vector<int> sentencesSupportedBy(const inference::Draft& draft, const std::string& node, double attentionThreshold);

/// The node's attention in one sentence (0 when the sentence does not list it).
double sentenceAttention(const inference::Draft& draft, int sentenceIndex, const std::string& node);

} // namespace raddraft::ui
