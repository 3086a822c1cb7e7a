#pragma once
// The result of one inference run: a draft report with the evidence behind every sentence.
// Plain C++ (no LibTorch, no Qt) so that the UI and the app can include it. The JSON form is
// documented in docs/DRAFT_SCHEMA.md; draftToJson/draftFromJson round-trip every field.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace raddraft::inference {

/// A low-resolution attention grid over one view (7×7 for a 224-pixel ResNet/DenseNet input).
/// values are row-major (rows × cols), top-left first, in the image's own orientation; each value
/// is the attention mass on that patch (the grids of all views of one token sum to ≤ 1).
struct Heatmap {
    std::string view;          ///< "frontal" or "lateral"
    int rows = 0;
    int cols = 0;
    std::vector<float> values;
};

struct WeightedItem {
    std::string name;
    double weight = 0.0;
};

/// One generated token.
struct DraftToken {
    std::string text;
    double logProbability = 0.0;      ///< natural log of the model's probability for this token
    std::vector<Heatmap> heatmaps;    ///< cross-attention of this token, averaged over heads/layers
    /// Knowledge-graph nodes that drove this token and their weights (CKNet: the top-γ nodes its
    /// word feature distilled); empty for models without per-token node weights.
    std::vector<WeightedItem> graphNodes;
};

struct RetrievedReportReference {
    std::string id;
    double weight = 0.0;
};

/// What drove a sentence. Models fill what they have; the baseline fills tags only.
struct SentenceSupport {
    std::vector<WeightedItem> tags;                 ///< predicted findings mentioned by the sentence
    std::vector<WeightedItem> graphNodes;           ///< knowledge-graph nodes and their attention
    std::vector<RetrievedReportReference> reports;  ///< retrieved reports and their attention
    std::map<std::string, double> values;           ///< model-specific scalars, e.g. PPKED "lambda1"
};

struct DraftSentence {
    std::string text;            ///< readable sentence ("The heart is normal in size.")
    int tokenBegin = 0;          ///< first token index in Draft::tokens
    int tokenEnd = 0;            ///< one past the last token (its "." included)
    std::vector<Heatmap> heatmaps; ///< mean over the sentence's tokens, one per view
    SentenceSupport support;
    double score = 0.0;          ///< model-specific confidence of the sentence (CVSE: retrieval score); 0 when none
    /// Other wordings the model offers for this sentence (CVSE: the retrieved group's member
    /// sentences), for the draft pane's "replace with an alternative".
    std::vector<std::string> alternatives;
};

struct Finding {
    std::string name;
    double probability = 0.0;
    bool present = false;        ///< probability >= the model's threshold
    /// Where the model saw the finding, one grid per view: for a tag head over pooled patch
    /// features, its class activation map (Zhou et al. 2016) — the positive part of the label's
    /// logit contribution per patch, normalised to sum 1 over all views. Empty when the model
    /// has no such map or the finding has no positive evidence anywhere.
    std::vector<Heatmap> heatmaps;
};

struct GraphNodeState {
    int id = 0;
    std::string name;
    std::string group;
    double activation = 0.0;     ///< model-defined, in [0, 1] for the baseline (tag probability)
};

struct GraphEdgeState {
    int source = 0;
    int target = 0;
    double weight = 0.0;
};

struct RetrievedReport {
    std::string id;
    std::string text;
    double score = 0.0;          ///< similarity used for retrieval (cosine for PPKED)
};

/// A named set of maps, one grid per view: PPKED's topic attention per region, CVSE's α per
/// retrieved finding, ... weight is the set's overall importance (model-defined, ≥ 0).
struct NamedHeatmaps {
    std::string name;
    double weight = 0.0;
    std::vector<Heatmap> heatmaps;
};

/// The knowledge-graph nodes one image patch distilled (CKNet's top-γ visual distillation).
struct PatchNodes {
    std::string view;
    int row = 0;
    int col = 0;
    std::vector<WeightedItem> nodes;
};

/// A rectangle on a view in normalised image coordinates ([0, 1], x to the right, y down):
/// ASGK's auxiliary region box, ...
struct RegionBox {
    std::string view;
    std::string label;
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
};

struct StageTiming {
    std::string stage;           ///< "preprocess", "extractor", "encoder", "decode", ...
    double milliseconds = 0.0;
};

struct ModelIdentity {
    std::string type;            ///< registry type ("transformer", "ppked", ...)
    std::string name;
    std::string version;
    std::string bundleHash;      ///< SHA-256 of the bundle's manifest.json
    std::string device;          ///< "cpu", "cuda:0", with "/half" when run in half precision
};

struct Draft {
    ModelIdentity model;
    std::string text;                        ///< the readable report (sentences joined by spaces)
    std::vector<DraftToken> tokens;          ///< generated tokens, EOS excluded
    std::vector<DraftSentence> sentences;
    std::vector<Finding> findings;
    std::vector<GraphNodeState> graphNodes;
    std::vector<GraphEdgeState> graphEdges;
    std::vector<RetrievedReport> retrievedReports;
    std::vector<NamedHeatmaps> topicMaps;    ///< model-specific named maps (PPKED topics, CVSE α)
    std::vector<PatchNodes> patchNodes;      ///< per-patch graph nodes (CKNet)
    std::vector<RegionBox> regionBoxes;      ///< auxiliary regions (ASGK)
    std::vector<StageTiming> timings;
    std::vector<std::string> views;          ///< views that were given to the model, token order
};

/// Pretty JSON (2-space indent). Schema: docs/DRAFT_SCHEMA.md.
std::string draftToJson(const Draft& draft);
/// Throws InferenceError(InvalidArgument) naming the field when the JSON does not fit the schema.
Draft draftFromJson(const std::string& json);

} // namespace raddraft::inference
