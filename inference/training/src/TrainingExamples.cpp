#include "TrainingExamples.h"

#include "SentenceLabels.h"
#include "labeler/Labeler.h"
#include "training/TrainingError.h"

#include <algorithm>
#include <map>
#include <memory>

namespace raddraft::training {
namespace {

// Index of a view in the dataset's image_path list (IU X-ray order: frontal, lateral).
std::size_t datasetViewIndex(const std::string& view) { return view == "lateral" ? 1 : 0; }

// Label value → (target, weight) under the configured treatment of uncertain labels.
std::pair<float, float> targetOf(int value, UncertainLabels uncertain) {
    if (value == 1) return {1.0f, 1.0f};
    if (value == 0) return {0.0f, 1.0f};
    if (value == -1) {
        switch (uncertain) {
        case UncertainLabels::Ignore: return {0.0f, 0.0f};
        case UncertainLabels::Positive: return {1.0f, 1.0f};
        case UncertainLabels::Negative: return {0.0f, 1.0f};
        }
    }
    return {0.0f, 0.0f};
}

std::map<std::string, int> labelsFromReport(const labeler::Labeler& reportLabeler, const std::string& report) {
    const labeler::ReportLabels observed = reportLabeler.label(report);
    std::map<std::string, int> labels;
    for (labeler::Observation observation : labeler::allObservations()) {
        const std::string node = graphNodeForObservation(labeler::observationName(observation));
        if (node.empty()) continue;
        // Blank (not mentioned) counts as absent, as for the MeSH tags PPKED pre-trains on.
        const int code = labeler::labelCode(observed.value(observation)).value_or(0);
        // Several observations may map to one node (Consolidation and Pneumonia): the stronger
        // statement wins (1 over −1 over 0), as the labeler aggregates.
        const auto rank = [](int value) { return value == 1 ? 2 : value == -1 ? 1 : 0; };
        auto found = labels.find(node);
        if (found == labels.end() || rank(code) > rank(found->second)) labels[node] = code;
    }
    return labels;
}

} // namespace

std::string graphNodeForObservation(const std::string& observation) {
    static const std::map<std::string, std::string> nodes = {
        {"No Finding", "normal"},
        {"Cardiomegaly", "cardiomegaly"},
        {"Lung Opacity", "opacity"},
        {"Edema", "pulmonary edema"},
        {"Consolidation", "pneumonia"},
        {"Pneumonia", "pneumonia"},
        {"Atelectasis", "atelectasis"},
        {"Pneumothorax", "pneumothorax"},
        {"Pleural Effusion", "pleural effusion"},
        {"Fracture", "fracture"},
        {"Support Devices", "medical device"},
        {"Emphysema", "emphysema"},
        {"Scoliosis/Degenerative", "scoliosis"},
        {"Hiatal Hernia", "hiatal hernia"},
        {"Calcinosis", "calcinosis"},
        {"Cicatrix", "cicatrix"},
        {"Airspace Disease", "airspace disease"},
        {"Hypoinflation", "hypoinflation"},
        {"Pleural Thickening", "pleural thickening"},
        {"Nodule/Mass", "nodule"},
    };
    const auto found = nodes.find(observation);
    return found == nodes.end() ? std::string() : found->second;
}

ExampleSet buildExamples(const datasets::Dataset& dataset, const std::vector<std::string>& labels, const DataConfig& data) {
    ExampleSet set;
    std::unique_ptr<labeler::Labeler> reportLabeler;
    bool fromDataset = false, fromLabeler = false;
    std::unique_ptr<SentenceLabeler> abnormalOnly;
    if (data.reports == "abnormal") abnormalOnly = std::make_unique<SentenceLabeler>(inference::cleaningStyleFromName(data.cleaning));
    for (const datasets::DatasetRecord& record : dataset.records) {
        TrainingExample example;
        example.id = record.id;
        example.split = record.split;
        example.report = abnormalOnly ? abnormalOnly->abnormalFindings(record.report) : record.report;
        example.contextLabels = record.contextLabels;
        for (const std::string& view : data.views) {
            const std::size_t index = datasetViewIndex(view);
            if (index >= record.imagePaths.size() || record.imagePaths[index].empty()) {
                throw TrainingError(dataset.directory + "/annotation.json: record '" + record.id + "' has no " + view +
                                    " image, which the configured views (data.views) need");
            }
            example.imagePaths.push_back(record.imagePaths[index]);
        }
        std::map<std::string, int> graphLabels = record.graphLabels;
        if (graphLabels.empty()) {
            if (!reportLabeler) reportLabeler = std::make_unique<labeler::Labeler>();
            graphLabels = labelsFromReport(*reportLabeler, record.report);
            fromLabeler = true;
        } else {
            fromDataset = true;
        }
        for (const std::string& label : labels) {
            const auto found = graphLabels.find(label);
            const auto [target, weight] = targetOf(found == graphLabels.end() ? 2 : found->second, data.uncertainLabels);
            example.labels.push_back(target);
            example.labelWeights.push_back(weight);
        }
        std::vector<TrainingExample>& split = record.split == "train" ? set.train : record.split == "val" ? set.validation : set.test;
        split.push_back(std::move(example));
    }
    if (data.maxTrainStudies > 0 && set.train.size() > std::size_t(data.maxTrainStudies)) set.train.resize(std::size_t(data.maxTrainStudies));
    if (data.maxValidationStudies > 0 && set.validation.size() > std::size_t(data.maxValidationStudies)) {
        set.validation.resize(std::size_t(data.maxValidationStudies));
    }
    set.labelSource = fromDataset && fromLabeler ? "dataset+labeler" : fromLabeler ? "labeler" : "dataset";
    return set;
}

inference::Vocabulary buildVocabulary(const std::vector<TrainingExample>& train, inference::CleaningStyle style, int threshold) {
    std::vector<std::string> cleaned;
    cleaned.reserve(train.size());
    for (const TrainingExample& example : train) cleaned.push_back(inference::cleanReport(example.report, style));
    return inference::Vocabulary::build(cleaned, threshold);
}

std::string referenceText(const std::string& report, const inference::Vocabulary& vocabulary, inference::CleaningStyle style,
                          int maxTokens) {
    std::vector<std::int64_t> ids = vocabulary.encode(inference::cleanReport(report, style), maxTokens);
    ids.erase(ids.begin()); // BOS
    return vocabulary.decode(ids);
}

std::vector<float> positiveWeights(const std::vector<TrainingExample>& train, std::size_t labelCount, double maxWeight) {
    std::vector<double> positives(labelCount, 0.0), negatives(labelCount, 0.0);
    for (const TrainingExample& example : train) {
        for (std::size_t i = 0; i < labelCount; ++i) {
            if (example.labelWeights[i] <= 0) continue;
            (example.labels[i] > 0.5f ? positives[i] : negatives[i]) += 1.0;
        }
    }
    std::vector<float> weights(labelCount, 1.0f);
    for (std::size_t i = 0; i < labelCount; ++i) {
        if (positives[i] > 0) weights[i] = float(std::clamp(negatives[i] / positives[i], 1.0, maxWeight));
    }
    return weights;
}

} // namespace raddraft::training
