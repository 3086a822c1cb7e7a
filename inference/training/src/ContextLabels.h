#pragma once
// Context-aware disease labels (JPG, §3.4): a finding with its location and severity words, e.g.
// "pleural effusion" + ["right", "small"]. A phantom study carries them in its annotation
// ("pleural effusion|right|small"); a real dataset has none, so they are mined from the report:
// every positive mention the labeler finds, mapped to a graph label, with the context words of
// its sentence. docs/MODELS.md § JPG.

#include "TrainingExamples.h"

#include <optional>
#include <string>
#include <vector>

namespace raddraft::labeler {
class Labeler;
}

namespace raddraft::training {

struct ContextLabel {
    std::size_t label = 0;          ///< index into the manifest's labels (the finding)
    std::vector<std::string> words; ///< context words after the finding, in contextWords order

    bool operator==(const ContextLabel& other) const { return label == other.label && words == other.words; }
};

/// A phantom key "finding|location|severity" → the label; location and severity are split into
/// words and those not in contextWords are dropped. nullopt when the finding is not a label.
std::optional<ContextLabel> parseContextLabel(const std::string& key, const std::vector<std::string>& labels,
                                              const std::vector<std::string>& contextWords);

/// Mined from a report: the first positive mention of each label (labeler observation → graph
/// node by graphNodeForObservation), with the distinct context words of the mention's sentence,
/// ordered as in contextWords (laterality, zone, severity for the default list).
std::vector<ContextLabel> mineContextLabels(const labeler::Labeler& reportLabeler, const std::string& report,
                                            const std::vector<std::string>& labels, const std::vector<std::string>& contextWords);

/// The labels a study's GRU learns: its annotated context labels when fromDataset, else those
/// mined from its report with `reportLabeler`; then every positive single label (labels[k] = 1
/// with weight > 0) that none of them covers, as the bare finding.
std::vector<ContextLabel> contextLabelTargets(const TrainingExample& example, const std::vector<std::string>& labels,
                                              const std::vector<std::string>& contextWords, bool fromDataset,
                                              const labeler::Labeler& reportLabeler);

/// The single labels of a study (the first label stage): every positive label as the bare finding.
std::vector<ContextLabel> singleLabelTargets(const TrainingExample& example);

} // namespace raddraft::training
