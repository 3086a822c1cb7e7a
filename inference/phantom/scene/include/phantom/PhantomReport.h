#pragma once
// The report of a phantom study, in radiology style, and its labels. Standard C++ only.
//
// Findings and Impression sections; at least five phrasings per finding and severity; normal
// statements per organ system (heart, mediastinum, lungs, pleura, bones) for what is absent;
// varied sentence order; hedged findings ("may represent", "cannot exclude") are labelled −1.
// The reports are written so that raddraft's own labeler (inference/labeler) reads back the
// ground-truth labels (tested).

#include "phantom/PhantomSpec.h"

#include <map>
#include <string>
#include <vector>

namespace raddraft::phantom {

/// JPG's context-aware disease label: the finding with where and how much.
struct ContextLabel {
    std::string finding;   ///< knowledge-graph node name, "pleural effusion"
    std::string location;  ///< "left", "right lower", "bilateral", "" when not applicable
    std::string severity;  ///< effusion, pneumothorax: "small"/"moderate"/"large"; cardiomegaly, edema,
                           ///< emphysema, scoliosis: "mild"/"moderate"/"severe"; nodule: "small" (< 10 mm)
                           ///< or "moderate"; mass: "large"; "" for kinds without severity
    /// "pleural effusion|left|small": the form stored in annotation.json.
    std::string key() const;
};

struct PhantomReport {
    std::string findings;    ///< the Findings section text
    std::string impression;  ///< the Impression section text
    /// Knowledge-graph finding node → 1 present, −1 hedged (uncertain), 0 absent; every finding
    /// node of the graph appears (the truth is known exactly), plus "normal" (1 for a normal study).
    std::map<std::string, int> graphLabels;
    /// Labeler observation name (CheXpert's 14 and our extra ones) → 1 / 0 / −1; blank
    /// (not mentioned in the report) is omitted, as the labeler does.
    std::map<std::string, int> observationLabels;
    std::vector<ContextLabel> contextLabels;

    /// "FINDINGS: … IMPRESSION: …" is not used; the training text (R2Gen's IU X-ray style) is
    /// findings + " " + impression.
    std::string text() const;
};

/// Deterministic per spec (spec.seed drives the phrasing).
PhantomReport writeReport(const StudySpec& spec);

/// The knowledge-graph nodes graphLabels holds besides "normal", in the graph's order: every
/// finding node of resources/knowledge_graph/chest.json ("global" and "others" are not
/// findings). "opacity" is 1 (−1) when a consolidation, pneumonia, atelectasis or edema is
/// present (hedged); "cicatrix" is always 0 (the phantom draws no scars).
const std::vector<std::string>& graphFindingNodeNames();

} // namespace raddraft::phantom
