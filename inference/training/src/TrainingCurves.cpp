#include "TrainingCurves.h"

#include "FileUtil.h"
#include "inference/InferenceError.h"
#include "training/TrainingError.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace raddraft::training {
namespace {

std::string cell(double value) {
    if (std::isnan(value)) return "";
    char text[64];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

double parseCell(const std::string& text, const std::string& where) {
    if (text.empty()) return CurveRow::kMissing;
    try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size()) return value;
    } catch (const std::exception&) {
    }
    throw TrainingError(where + ": '" + text + "' is not a number");
}

std::vector<std::string> splitCommas(const std::string& line) {
    std::vector<std::string> cells;
    std::string current;
    for (char c : line) {
        if (c == ',') {
            cells.push_back(current);
            current.clear();
        } else if (c != '\r') {
            current += c;
        }
    }
    cells.push_back(current);
    return cells;
}

nlohmann::json numberOrNull(double value) { return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value); }
double numberFrom(const nlohmann::json& value) { return value.is_null() ? CurveRow::kMissing : value.get<double>(); }

} // namespace

const char* const TrainingCurves::kHeader =
    "stage,epoch,step,train_loss,val_loss,val_tag_auc,val_bleu4,val_ce_f1,learning_rate,seconds";

std::string TrainingCurves::toCsv() const {
    std::string text = std::string(kHeader) + "\n";
    for (const CurveRow& row : m_rows) {
        text += row.stage + "," + std::to_string(row.epoch) + "," + std::to_string(row.step) + "," + cell(row.trainLoss) + "," +
                cell(row.validationLoss) + "," + cell(row.validationTagAuc) + "," + cell(row.validationBleu4) + "," +
                cell(row.validationCeF1) + "," + cell(row.learningRate) + "," + cell(row.seconds) + "\n";
    }
    return text;
}

void TrainingCurves::writeCsv(const std::string& filePath) const {
    try {
        inference::writeTextFileAtomically(filePath, toCsv());
    } catch (const inference::InferenceError& error) {
        throw TrainingError(error.what());
    }
}

TrainingCurves TrainingCurves::fromCsv(const std::string& text, const std::string& sourceName) {
    std::istringstream stream(text);
    std::string line;
    if (!std::getline(stream, line) || splitCommas(line) != splitCommas(kHeader)) {
        throw TrainingError(sourceName + ": line 1: expected the header '" + std::string(kHeader) + "'");
    }
    TrainingCurves curves;
    int number = 1;
    while (std::getline(stream, line)) {
        ++number;
        if (line.empty() || line == "\r") continue;
        const std::vector<std::string> cells = splitCommas(line);
        const std::string where = sourceName + ": line " + std::to_string(number);
        if (cells.size() != 10) throw TrainingError(where + ": expected 10 cells, found " + std::to_string(cells.size()));
        CurveRow row;
        row.stage = cells[0];
        row.epoch = int(parseCell(cells[1], where));
        row.step = std::int64_t(parseCell(cells[2], where));
        row.trainLoss = parseCell(cells[3], where);
        row.validationLoss = parseCell(cells[4], where);
        row.validationTagAuc = parseCell(cells[5], where);
        row.validationBleu4 = parseCell(cells[6], where);
        row.validationCeF1 = parseCell(cells[7], where);
        row.learningRate = parseCell(cells[8], where);
        row.seconds = parseCell(cells[9], where);
        curves.add(row);
    }
    return curves;
}

nlohmann::json TrainingCurves::toJson() const {
    nlohmann::json rows = nlohmann::json::array();
    for (const CurveRow& row : m_rows) {
        rows.push_back({{"stage", row.stage},
                        {"epoch", row.epoch},
                        {"step", row.step},
                        {"train_loss", numberOrNull(row.trainLoss)},
                        {"val_loss", numberOrNull(row.validationLoss)},
                        {"val_tag_auc", numberOrNull(row.validationTagAuc)},
                        {"val_bleu4", numberOrNull(row.validationBleu4)},
                        {"val_ce_f1", numberOrNull(row.validationCeF1)},
                        {"learning_rate", numberOrNull(row.learningRate)},
                        {"seconds", numberOrNull(row.seconds)}});
    }
    return rows;
}

TrainingCurves TrainingCurves::fromJson(const nlohmann::json& json) {
    TrainingCurves curves;
    for (const nlohmann::json& item : json) {
        CurveRow row;
        row.stage = item.at("stage").get<std::string>();
        row.epoch = item.at("epoch").get<int>();
        row.step = item.at("step").get<std::int64_t>();
        row.trainLoss = numberFrom(item.at("train_loss"));
        row.validationLoss = numberFrom(item.at("val_loss"));
        row.validationTagAuc = numberFrom(item.at("val_tag_auc"));
        row.validationBleu4 = numberFrom(item.at("val_bleu4"));
        row.validationCeF1 = numberFrom(item.at("val_ce_f1"));
        row.learningRate = numberFrom(item.at("learning_rate"));
        row.seconds = numberFrom(item.at("seconds"));
        curves.add(row);
    }
    return curves;
}

} // namespace raddraft::training
