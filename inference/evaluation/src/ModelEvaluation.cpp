#include "evaluation/ModelEvaluation.h"

#include "evaluation/TextMetrics.h"

#include "labeler/Labeler.h"
#include "labeler/Observation.h"

#include <stdexcept>

namespace raddraft::evaluation {

namespace {

// The labeler's result as ClinicalEfficacy's name → code map (blank labels omitted).
ReportLabels labelsOf(const labeler::Labeler& reportLabeler, const std::string& text) {
    const labeler::ReportLabels labels = reportLabeler.label(text);
    ReportLabels result;
    for (labeler::Observation observation : labeler::allObservations()) {
        if (const std::optional<int> code = labeler::labelCode(labels.value(observation)))
            result[labeler::observationName(observation)] = *code;
    }
    return result;
}

std::vector<std::string> observationNames(bool chexpertOnly) {
    std::vector<std::string> names;
    for (labeler::Observation observation : labeler::allObservations()) {
        if (!chexpertOnly || labeler::isChexpertObservation(observation)) names.push_back(labeler::observationName(observation));
    }
    return names;
}

nlohmann::ordered_json optionalNumber(const std::optional<double>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json efficacyJson(const ClinicalEfficacy& efficacy) {
    nlohmann::ordered_json json;
    json["precision_micro"] = efficacy.precisionMicro;
    json["recall_micro"] = efficacy.recallMicro;
    json["F1_micro"] = efficacy.f1Micro;
    json["precision_macro"] = efficacy.precisionMacro;
    json["recall_macro"] = efficacy.recallMacro;
    json["F1_macro"] = efficacy.f1Macro;
    nlohmann::ordered_json perLabel = nlohmann::ordered_json::object();
    for (const auto& [name, counts] : efficacy.perLabel) {
        perLabel[name] = {{"precision", counts.precision}, {"recall", counts.recall}, {"F1", counts.f1},
                          {"TP", counts.truePositives}, {"FP", counts.falsePositives}, {"FN", counts.falseNegatives}};
    }
    json["per_label"] = perLabel;
    return json;
}

nlohmann::ordered_json fidelityMeansJson(const FidelityMeans& means) {
    return {{"n", means.studies}, {"pointing_game", means.pointingGame},
            {"energy_pointing_game", means.energyPointingGame}, {"heatmap_IoU", means.iou}};
}

} // namespace

void ModelEvaluation::add(StudyOutcome outcome) { m_outcomes.push_back(std::move(outcome)); }

void ModelEvaluation::addFidelity(const std::string& finding, const FidelityScores& scores) {
    m_fidelity.add(finding, scores);
    m_hasFidelity = true;
}

ModelEvaluationResult ModelEvaluation::finish(int calibrationBins) const {
    if (m_outcomes.empty()) throw std::invalid_argument("no study was evaluated");
    ModelEvaluationResult result;
    result.studies = long(m_outcomes.size());

    TextCorpus corpus;
    for (const StudyOutcome& outcome : m_outcomes) {
        if (!corpus.hypotheses.emplace(outcome.id, outcome.generatedForMetrics).second)
            throw std::invalid_argument("study id " + outcome.id + " was evaluated twice");
        corpus.references[outcome.id].push_back(outcome.referenceForMetrics);
    }
    result.textMetrics = computeTextMetrics(corpus);

    const labeler::Labeler reportLabeler;
    std::vector<ReportLabels> generated, reference;
    for (const StudyOutcome& outcome : m_outcomes) {
        generated.push_back(labelsOf(reportLabeler, outcome.generatedText));
        reference.push_back(labelsOf(reportLabeler, outcome.referenceText));
    }
    result.chexpert = computeClinicalEfficacy(generated, reference, observationNames(true));
    result.extended = computeClinicalEfficacy(generated, reference, observationNames(false));

    // Tags: uncertain truth (−1) is left out of AUC and calibration ("U-ignore"): a hedged
    // finding is neither a clean positive nor a clean negative.
    std::map<std::string, std::vector<double>> scores;
    std::map<std::string, std::vector<int>> truth;
    std::vector<double> pooledScores;
    std::vector<int> pooledTruth;
    for (const StudyOutcome& outcome : m_outcomes) {
        for (const auto& [label, probability] : outcome.tagProbabilities) {
            const auto known = outcome.tagTruth.find(label);
            if (known == outcome.tagTruth.end() || (known->second != 0 && known->second != 1)) continue;
            scores[label].push_back(probability);
            truth[label].push_back(known->second);
            pooledScores.push_back(probability);
            pooledTruth.push_back(known->second);
        }
    }
    result.tagPairs = long(pooledScores.size());
    if (!scores.empty()) {
        TagAuc auc = computeTagAuc(scores, truth);
        if (auc.macro) {
            for (const auto& [label, value] : auc.perLabel) {
                if (value) result.rocCurves[label] = rocCurve(scores.at(label), truth.at(label));
            }
            result.tagAuc = std::move(auc);
        }
        result.calibration = computeCalibration(pooledScores, pooledTruth, calibrationBins);
    }
    if (m_hasFidelity) result.fidelity = m_fidelity.summary();
    return result;
}

nlohmann::ordered_json ModelEvaluationResult::toJson() const {
    nlohmann::ordered_json json;
    json["n_studies"] = studies;
    for (const auto& [name, value] : textMetrics) json[name] = value;
    json["CE_precision_micro"] = chexpert.precisionMicro;
    json["CE_recall_micro"] = chexpert.recallMicro;
    json["CE_F1_micro"] = chexpert.f1Micro;
    json["CE_F1_macro"] = chexpert.f1Macro;
    json["tag_AUC_macro"] = tagAuc ? optionalNumber(tagAuc->macro) : nlohmann::ordered_json(nullptr);
    json["pointing_game"] = fidelity ? nlohmann::ordered_json(fidelity->overall.pointingGame) : nullptr;
    json["energy_pointing_game"] = fidelity ? nlohmann::ordered_json(fidelity->overall.energyPointingGame) : nullptr;
    json["heatmap_IoU"] = fidelity ? nlohmann::ordered_json(fidelity->overall.iou) : nullptr;

    nlohmann::ordered_json details;
    details["METEOR_note"] = kMeteorCaveat;
    details["CE_chexpert"] = efficacyJson(chexpert);
    details["CE_extended"] = efficacyJson(extended);
    details["CE_note"] = "raddraft labeler on generated and reference reports; uncertain and blank count as 0 (R2GenCMN)";
    nlohmann::ordered_json tags;
    tags["pairs"] = tagPairs;
    tags["note"] = "dataset labels; uncertain (-1) truth left out (U-ignore)";
    nlohmann::ordered_json perLabel = nlohmann::ordered_json::object();
    if (tagAuc) {
        for (const auto& [label, value] : tagAuc->perLabel) perLabel[label] = optionalNumber(value);
    }
    tags["AUC_per_label"] = perLabel;
    if (calibration) {
        tags["ECE"] = calibration->expectedCalibrationError;
        nlohmann::ordered_json bins = nlohmann::ordered_json::array();
        for (const ReliabilityBin& bin : calibration->bins) {
            bins.push_back({{"lower", bin.lower}, {"upper", bin.upper}, {"count", bin.count},
                            {"mean_confidence", bin.meanConfidence}, {"observed_frequency", bin.observedFrequency}});
        }
        tags["reliability"] = bins;
    } else {
        tags["ECE"] = nullptr;
    }
    details["tags"] = tags;
    if (fidelity) {
        nlohmann::ordered_json explanation;
        explanation["unit"] = "one (study, finding, view) with a non-empty ground-truth mask";
        explanation["overall"] = fidelityMeansJson(fidelity->overall);
        explanation["macro"] = fidelityMeansJson(fidelity->macro);
        nlohmann::ordered_json perFinding = nlohmann::ordered_json::object();
        for (const auto& [finding, means] : fidelity->perFinding) perFinding[finding] = fidelityMeansJson(means);
        explanation["per_finding"] = perFinding;
        details["explanation_fidelity"] = explanation;
    } else {
        details["explanation_fidelity"] = nullptr;
    }
    json["details"] = details;
    return json;
}

} // namespace raddraft::evaluation
