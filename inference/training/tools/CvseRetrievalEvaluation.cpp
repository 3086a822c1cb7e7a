// raddraft-cvse-evaluate: the paper's CVSE metrics from drafts and a dataset (docs/MODELS.md §
// CVSE). `raddraft-cli evaluate --model BUNDLE --dataset DIR --drafts FILE` (or
// raddraft-train-phantom --drafts) writes the drafts; this tool reads them with the dataset and
// a CVSE bundle, whose sentence classifier and finding groups define the truth of every
// reference report:
//   - the groups of a reference: its sentences' groups (CvseReportModel::groupsOfSentences);
//   - Recall@3/5, Precision@3/5, MAP@3/5 of the draft's ranking (retrieved_reports, CVSE drafts
//     only) over the studies with at least one abnormal finding;
//   - CE precision / recall / F1 on the abnormal subset (as the paper evaluates): studies with at
//     least one abnormal sentence; the labeler on the draft's text against the labeler on the
//     reference's abnormal sentences, CheXpert's 14 observations, R2GenCMN's counting. Any drafts
//     work here (the transformer trained on data.reports "abnormal" is the paper's reference);
//   - how often "no abnormal finding" was said for studies with and without one (CVSE drafts);
//   - the sentence classifier against the labelling rule (SentenceLabels.h) on the split.

#include "CvseModel.h"
#include "FileUtil.h"
#include "SentenceLabels.h"
#include "datasets/Dataset.h"
#include "evaluation/ClinicalEfficacy.h"
#include "evaluation/RetrievalMetrics.h"
#include "labeler/Labeler.h"
#include "labeler/Observation.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace raddraft;
using nlohmann::ordered_json;

namespace {

constexpr const char* kUsage =
    "Usage: raddraft-cvse-evaluate --model CVSE_BUNDLE --dataset DIR --drafts FILE [--split NAME] [--json OUT]\n"
    "  --model BUNDLE  a cvse bundle: its sentence classifier and finding groups define the truth\n"
    "  --dataset DIR   the dataset the drafts were made from (annotation.json)\n"
    "  --drafts FILE   JSONL with {\"id\", \"draft\"} per study (raddraft-cli evaluate --drafts)\n"
    "  --split NAME    train, val, test (default) or all\n"
    "  --json OUT      write every number as JSON\n";

std::map<std::string, inference::Draft> readDrafts(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read");
    std::map<std::string, inference::Draft> drafts;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty()) continue;
        try {
            const nlohmann::json item = nlohmann::json::parse(line);
            drafts[item.at("id").get<std::string>()] = inference::draftFromJson(item.at("draft").dump());
        } catch (const std::exception& error) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": not a {\"id\", \"draft\"} line (" + error.what() + ")");
        }
    }
    if (drafts.empty()) throw std::runtime_error(path + ": no drafts");
    return drafts;
}

evaluation::ReportLabels labelsOf(const labeler::Labeler& reportLabeler, const std::string& text) {
    const labeler::ReportLabels labels = reportLabeler.label(text);
    evaluation::ReportLabels result;
    for (labeler::Observation observation : labeler::allObservations()) {
        if (const std::optional<int> code = labeler::labelCode(labels.value(observation))) result[labeler::observationName(observation)] = *code;
    }
    return result;
}

ordered_json efficacyJson(const evaluation::ClinicalEfficacy& efficacy) {
    return {{"precision_micro", efficacy.precisionMicro}, {"recall_micro", efficacy.recallMicro}, {"f1_micro", efficacy.f1Micro},
            {"precision_macro", efficacy.precisionMacro}, {"recall_macro", efficacy.recallMacro}, {"f1_macro", efficacy.f1Macro}};
}

} // namespace

int main(int argc, char* argv[]) {
    std::map<std::string, std::string> options{{"--split", "test"}};
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--help" || argument == "-h") {
            std::printf("%s", kUsage);
            return 0;
        }
        if (i + 1 >= argc || (argument != "--model" && argument != "--dataset" && argument != "--drafts" && argument != "--split" &&
                              argument != "--json")) {
            std::fprintf(stderr, "raddraft-cvse-evaluate: unexpected argument %s\n%s", argument.c_str(), kUsage);
            return 2;
        }
        options[argument] = argv[++i];
    }
    for (const char* required : {"--model", "--dataset", "--drafts"}) {
        if (options.count(required) == 0) {
            std::fprintf(stderr, "raddraft-cvse-evaluate: %s is required\n%s", required, kUsage);
            return 2;
        }
    }
    try {
        std::unique_ptr<inference::ReportModel> loaded = inference::loadModel(options["--model"], inference::selectDevice(inference::DeviceKind::Cpu, false));
        auto* model = dynamic_cast<inference::CvseReportModel*>(loaded.get());
        if (model == nullptr) throw std::runtime_error(options["--model"] + ": a '" + loaded->manifest().modelType + "' bundle, not a cvse bundle");
        const inference::CleaningStyle style = inference::cleaningStyleFromName(model->manifest().cleaning);
        const datasets::Dataset dataset = datasets::loadDataset(options["--dataset"]);
        const std::vector<const datasets::DatasetRecord*> records = dataset.split(options["--split"]);
        if (records.empty()) throw std::runtime_error(options["--dataset"] + ": the split '" + options["--split"] + "' has no studies");
        const std::map<std::string, inference::Draft> drafts = readDrafts(options["--drafts"]);

        const labeler::Labeler reportLabeler;
        const training::SentenceLabeler rule(style);
        std::vector<evaluation::RankedRetrieval> rankings;
        std::vector<evaluation::ReportLabels> generated, reference;
        long rankedDrafts = 0, withFinding = 0, withoutFinding = 0, silentWithFinding = 0, silentWithoutFinding = 0;
        long classifierTruePositive = 0, classifierFalsePositive = 0, classifierFalseNegative = 0, classifierCorrect = 0, sentenceCount = 0;
        for (const datasets::DatasetRecord* record : records) {
            const auto found = drafts.find(record->id);
            if (found == drafts.end()) throw std::runtime_error(options["--drafts"] + ": no draft for study " + record->id);
            const inference::Draft& draft = found->second;
            const std::vector<inference::FindingSentence> sentences = inference::reportSentences(record->report, style);
            const std::vector<int> groups = model->groupsOfSentences(sentences);
            const std::vector<float> abnormal = model->abnormalProbabilities(sentences);

            evaluation::RankedRetrieval ranking;
            std::string abnormalText;
            for (std::size_t i = 0; i < sentences.size(); ++i) {
                const bool ruleSays = rule.isAbnormal(sentences[i]), classifierSays = abnormal[i] >= 0.5f;
                ++sentenceCount;
                classifierCorrect += ruleSays == classifierSays ? 1 : 0;
                classifierTruePositive += ruleSays && classifierSays ? 1 : 0;
                classifierFalsePositive += !ruleSays && classifierSays ? 1 : 0;
                classifierFalseNegative += ruleSays && !classifierSays ? 1 : 0;
                if (groups[i] < 0) continue;
                ranking.relevant.insert(model->groupId(groups[i]));
                abnormalText += (abnormalText.empty() ? "" : " ") + sentences[i].text;
            }
            const bool hasFinding = !ranking.relevant.empty();
            if (draft.model.type == "cvse") {
                ++rankedDrafts;
                for (const inference::RetrievedReport& retrieved : draft.retrievedReports) ranking.ranking.push_back(retrieved.id);
                bool silent = false;
                for (const inference::DraftSentence& sentence : draft.sentences) {
                    silent = silent || sentence.support.values.count("no_abnormal_finding_retrieved") > 0;
                }
                (hasFinding ? silentWithFinding : silentWithoutFinding) += silent ? 1 : 0;
                rankings.push_back(std::move(ranking));
            }
            (hasFinding ? withFinding : withoutFinding) += 1;
            if (hasFinding) {
                generated.push_back(labelsOf(reportLabeler, draft.text));
                reference.push_back(labelsOf(reportLabeler, abnormalText));
            }
        }

        std::vector<std::string> chexpert;
        for (labeler::Observation observation : labeler::allObservations()) {
            if (labeler::isChexpertObservation(observation)) chexpert.push_back(labeler::observationName(observation));
        }
        ordered_json json;
        json["studies"] = records.size();
        json["studies_with_abnormal_finding"] = withFinding;
        json["studies_without_abnormal_finding"] = withoutFinding;
        std::printf("%zu studies of split %s: %ld with an abnormal finding (by the bundle's classifier and groups), %ld without\n",
                    records.size(), options["--split"].c_str(), withFinding, withoutFinding);
        if (rankedDrafts > 0) {
            const evaluation::RetrievalScores scores = evaluation::scoreRetrieval(rankings, {3, 5});
            std::printf("retrieval over %ld studies: R@3 %.3f  R@5 %.3f  P@3 %.3f  P@5 %.3f  MAP@3 %.3f  MAP@5 %.3f\n", scores.queries,
                        scores.atK[0].recall, scores.atK[1].recall, scores.atK[0].precision, scores.atK[1].precision,
                        scores.atK[0].meanAveragePrecision, scores.atK[1].meanAveragePrecision);
            json["retrieval"] = {{"studies", scores.queries},
                                 {"recall_at_3", scores.atK[0].recall},
                                 {"recall_at_5", scores.atK[1].recall},
                                 {"precision_at_3", scores.atK[0].precision},
                                 {"precision_at_5", scores.atK[1].precision},
                                 {"map_at_3", scores.atK[0].meanAveragePrecision},
                                 {"map_at_5", scores.atK[1].meanAveragePrecision}};
            std::printf("\"no abnormal finding\" said for %ld of %ld studies with one and %ld of %ld without\n", silentWithFinding,
                        withFinding, silentWithoutFinding, withoutFinding);
            json["no_abnormal_finding_said"] = {{"with_finding", silentWithFinding}, {"without_finding", silentWithoutFinding}};
        } else {
            std::printf("retrieval: n/a (the drafts are not cvse drafts: they rank no groups)\n");
        }
        if (!generated.empty()) {
            const evaluation::ClinicalEfficacy efficacy = evaluation::computeClinicalEfficacy(generated, reference, chexpert);
            std::printf("CE on the abnormal subset (%zu studies): P %.3f  R %.3f  F1 %.3f (macro F1 %.3f)\n", generated.size(),
                        efficacy.precisionMicro, efficacy.recallMicro, efficacy.f1Micro, efficacy.f1Macro);
            json["ce_abnormal_subset"] = efficacyJson(efficacy);
            json["ce_abnormal_subset"]["studies"] = generated.size();
        }
        const auto ratio = [](long a, long b) { return b > 0 ? double(a) / double(b) : 0.0; };
        const double precision = ratio(classifierTruePositive, classifierTruePositive + classifierFalsePositive);
        const double recall = ratio(classifierTruePositive, classifierTruePositive + classifierFalseNegative);
        const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        std::printf("sentence classifier vs the labelling rule on %ld sentences: accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f\n",
                    sentenceCount, ratio(classifierCorrect, sentenceCount), precision, recall, f1);
        json["sentence_classifier"] = {{"sentences", sentenceCount}, {"accuracy", ratio(classifierCorrect, sentenceCount)},
                                       {"precision", precision}, {"recall", recall}, {"f1", f1}};
        if (options.count("--json")) {
            inference::writeTextFileAtomically(options["--json"], json.dump(2) + "\n");
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "raddraft-cvse-evaluate: %s\n", error.what());
        return 1;
    }
}
