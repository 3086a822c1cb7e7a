// raddraft-labeler-validate: per-label precision and recall of the labeler against the MeSH major
// terms of the IU X-ray reports (../shared/data/iu-xray-text/reports_train_val.csv).
//
//   raddraft-labeler-validate reports_train_val.csv [--misses LABEL]
//
// The labeler reads findings + impression; a label counts as predicted when it is Positive (1).
// The MeSH side: a report has a label when one of its ";"-separated terms maps to it (table
// below; the term is the part before the first "/", qualifiers after it). --misses LABEL prints
// the report texts of that label's false negatives and false positives, for reading the rules'
// systematic errors (never to special-case a report).

#include "labeler/Labeler.h"
#include "labeler/LabelerError.h"
#include "labeler/ReportReader.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

using raddraft::labeler::Observation;

// MeSH term (before the first "/") → label.
const std::multimap<std::string, Observation> kMeshTerms = {
    {"normal", Observation::NoFinding},
    {"Cardiomegaly", Observation::Cardiomegaly},
    {"Mediastinum", Observation::EnlargedCardiomediastinum},
    {"Nodule", Observation::LungLesion},
    {"Mass", Observation::LungLesion},
    {"Opacity", Observation::LungOpacity},
    {"Density", Observation::LungOpacity},
    {"Infiltrate", Observation::LungOpacity},
    {"Airspace Disease", Observation::LungOpacity},
    {"Cicatrix", Observation::LungOpacity},
    {"Pulmonary Edema", Observation::Edema},
    {"Edema", Observation::Edema},
    {"Pulmonary Congestion", Observation::Edema},
    {"Heart Failure", Observation::Edema},
    {"Consolidation", Observation::Consolidation},
    {"Pneumonia", Observation::Pneumonia},
    {"Pulmonary Atelectasis", Observation::Atelectasis},
    {"Pneumothorax", Observation::Pneumothorax},
    {"Pleural Effusion", Observation::PleuralEffusion},
    {"Thickening", Observation::PleuralOther},
    {"Fractures, Bone", Observation::Fracture},
    {"Catheters, Indwelling", Observation::SupportDevices},
    {"Surgical Instruments", Observation::SupportDevices},
    {"Implanted Medical Device", Observation::SupportDevices},
    {"Medical Device", Observation::SupportDevices},
    {"Tube, Inserted", Observation::SupportDevices},
    {"Stents", Observation::SupportDevices},
    {"Emphysema", Observation::Emphysema},
    {"Pulmonary Emphysema", Observation::Emphysema},
    {"Pulmonary Disease, Chronic Obstructive", Observation::Emphysema},
    {"Scoliosis", Observation::ScoliosisDegenerative},
    {"Spondylosis", Observation::ScoliosisDegenerative},
    {"Osteophyte", Observation::ScoliosisDegenerative},
    {"Kyphosis", Observation::ScoliosisDegenerative},
    {"Hernia, Hiatal", Observation::HiatalHernia},
    {"Calcinosis", Observation::Calcinosis},
    {"Calcified Granuloma", Observation::Calcinosis},
    {"Granulomatous Disease", Observation::Calcinosis},
    {"Granuloma", Observation::Calcinosis},
    {"Cicatrix", Observation::Cicatrix},
    {"Airspace Disease", Observation::AirspaceDisease},
    {"Thickening", Observation::PleuralThickening},
    {"Nodule", Observation::NoduleMass},
    {"Mass", Observation::NoduleMass},
};

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    for (const char character : text) {
        if (character == separator) {
            parts.push_back(part);
            part.clear();
        } else {
            part += character;
        }
    }
    parts.push_back(part);
    return parts;
}

std::string trim(const std::string& text)
{
    const std::size_t first = text.find_first_not_of(' ');
    const std::size_t last = text.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

/// The labels a report's MeSH field names. Qualified terms add: "Lung/hypoinflation" →
/// Hypoinflation; "Thoracic Vertebrae/…/degenerative" and "Spine/…/degenerative" →
/// Scoliosis/Degenerative; "Cardiac Shadow/enlarged" → Cardiomegaly; "Mediastinum" only with
/// "enlarged"/"prominent"/"widened".
std::set<Observation> meshLabels(const std::string& mesh)
{
    std::set<Observation> labels;
    for (const std::string& entry : split(mesh, ';')) {
        const std::vector<std::string> parts = split(entry, '/');
        const std::string term = trim(parts.front());
        const std::set<std::string> qualifiers(parts.begin() + 1, parts.end());
        const auto has = [&](const char* qualifier) { return qualifiers.count(qualifier) > 0; };
        if (term == "Mediastinum" && !(has("enlarged") || has("prominent") || has("widened")))
            continue;
        const auto range = kMeshTerms.equal_range(term);
        for (auto it = range.first; it != range.second; ++it)
            labels.insert(it->second);
        if (term == "Lung" && has("hypoinflation"))
            labels.insert(Observation::Hypoinflation);
        if ((term == "Thoracic Vertebrae" || term == "Spine") && has("degenerative"))
            labels.insert(Observation::ScoliosisDegenerative);
        if (term == "Cardiac Shadow" && has("enlarged"))
            labels.insert(Observation::Cardiomegaly);
    }
    return labels;
}

struct Counts {
    int truePositive = 0;
    int falsePositive = 0;
    int falseNegative = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    using namespace raddraft::labeler;
    if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--misses")) {
        std::cerr << "Usage: raddraft-labeler-validate reports_train_val.csv [--misses LABEL]\n";
        return 2;
    }
    std::optional<Observation> missesOf;
    if (argc == 4) {
        missesOf = observationFromName(argv[3]);
        if (!missesOf) {
            std::cerr << "raddraft-labeler-validate: unknown label '" << argv[3] << "'\n";
            return 2;
        }
    }
    std::ifstream file(argv[1], std::ios::binary);
    if (!file) {
        std::cerr << "raddraft-labeler-validate: " << argv[1] << ": cannot open\n";
        return 1;
    }
    try {
        const CsvTable table = parseCsv(file);
        const std::size_t meshColumn = csvColumnIndex(table, "MeSH");
        const std::size_t findingsColumn = csvColumnIndex(table, "findings");
        const std::size_t impressionColumn = csvColumnIndex(table, "impression");
        const Labeler labeler;
        std::map<Observation, Counts> counts;
        for (const std::vector<std::string>& row : table.rows) {
            if (row.size() <= std::max({meshColumn, findingsColumn, impressionColumn}))
                throw LabelerError("a row has too few fields");
            const std::string text = row[findingsColumn] + "\n" + row[impressionColumn];
            const ReportLabels labels = labeler.label(text);
            const std::set<Observation> truth = meshLabels(row[meshColumn]);
            for (const Observation observation : allObservations()) {
                const bool predicted = labels.value(observation) == LabelValue::Positive;
                const bool present = truth.count(observation) > 0;
                Counts& count = counts[observation];
                count.truePositive += predicted && present;
                count.falsePositive += predicted && !present;
                count.falseNegative += !predicted && present;
                if (missesOf == observation && predicted != present)
                    std::cout << (present ? "FN | " : "FP | ") << row[meshColumn] << " | " << text << "\n";
            }
        }
        if (missesOf)
            return 0;
        std::printf("%zu reports\n| Label | MeSH positives | Labeler positives | Precision | Recall |\n|---|---:|---:|---:|---:|\n",
                    table.rows.size());
        for (const Observation observation : allObservations()) {
            const Counts& count = counts[observation];
            const int predicted = count.truePositive + count.falsePositive;
            const int present = count.truePositive + count.falseNegative;
            const auto ratio = [](int numerator, int denominator) {
                if (denominator == 0)
                    return std::string("—");
                char buffer[16];
                std::snprintf(buffer, sizeof buffer, "%.3f", static_cast<double>(numerator) / denominator);
                return std::string(buffer);
            };
            std::printf("| %s | %d | %d | %s | %s |\n", observationName(observation), present, predicted,
                        ratio(count.truePositive, predicted).c_str(), ratio(count.truePositive, present).c_str());
        }
    } catch (const LabelerError& error) {
        std::cerr << "raddraft-labeler-validate: " << argv[1] << ": " << error.what() << "\n";
        return 1;
    }
    return 0;
}
