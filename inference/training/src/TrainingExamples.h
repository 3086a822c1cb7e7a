#pragma once
// Dataset records turned into what the trainer consumes: image paths in the model's view order,
// the tag targets over the manifest's labels (with a weight that masks unknown and, by default,
// uncertain labels), the report as stored, and the vocabulary of the training split.
//
// Tag targets: a phantom record carries its graph labels (node → 1 / 0 / −1) and they are used as
// they are. A record without graph labels (IU X-ray, MIMIC-CXR) gets them from our labeler run on
// its report, mapped from observations to graph nodes by name (graphNodeForObservation), an
// observation the report does not mention counting as absent; a label neither source knows
// ("others") has weight 0. Uncertain (−1) labels follow DataConfig::uncertainLabels.

#include "TrainingConfig.h"
#include "datasets/Dataset.h"
#include "inference/Text.h"

#include <string>
#include <vector>

namespace raddraft::training {

struct TrainingExample {
    std::string id;
    std::string split;
    std::string report;                    ///< as stored in the dataset
    std::vector<std::string> imagePaths;   ///< one per configured view, in config order
    std::vector<float> labels;             ///< per manifest label: 1 or 0
    std::vector<float> labelWeights;       ///< 0 where the label is unknown or ignored
    std::vector<std::string> contextLabels;
};

struct ExampleSet {
    std::vector<TrainingExample> train, validation, test;
    /// How the tag targets were obtained: "dataset" (graph labels in the annotation), "labeler"
    /// or "dataset+labeler" (some records each).
    std::string labelSource;
};

/// Reads every record. The dataset's images are [frontal, lateral]; each configured view must be
/// present in every record (TrainingError naming the record otherwise). maxTrainStudies /
/// maxValidationStudies keep the first N of their split.
ExampleSet buildExamples(const datasets::Dataset& dataset, const std::vector<std::string>& labels, const DataConfig& data);

/// The graph node a labeler observation maps to ("Pleural Effusion" → "pleural effusion", "No
/// Finding" → "normal", ...); empty when the chest graph has no such node.
std::string graphNodeForObservation(const std::string& observation);

/// The vocabulary of the training reports: cleaned with `style`, tokens counted, those with
/// count >= threshold kept (R2Gen's rule; Text.h).
inference::Vocabulary buildVocabulary(const std::vector<TrainingExample>& train, inference::CleaningStyle style, int threshold);

/// The reference a generated report is scored against, as R2Gen scores: the cleaned report
/// encoded with the vocabulary (unknown words become <unk>, truncated to maxTokens) and decoded.
std::string referenceText(const std::string& report, const inference::Vocabulary& vocabulary, inference::CleaningStyle style,
                          int maxTokens);

/// Per label, negatives / positives over the examples with weight > 0, clamped to
/// [1, maxWeight] (1 where a label has no positive): PPKED's weighted BCE.
std::vector<float> positiveWeights(const std::vector<TrainingExample>& train, std::size_t labelCount, double maxWeight);

} // namespace raddraft::training
