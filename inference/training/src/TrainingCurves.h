#pragma once
// The learning curves of a run: one row per finished epoch of every stage, written as CSV
// (curves.csv in the work directory; raddraft-cli train plots it as curves.png). Kept in the
// checkpoint too, so a resumed run rewrites the same rows an uninterrupted run would have.
//
// Columns: stage, epoch, step (optimiser steps so far in the stage), train_loss, val_loss,
// val_tag_auc, val_bleu4, val_ce_f1, learning_rate (at the epoch's last step), seconds (wall
// time of the stage so far). An empty cell is a value that was not measured.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace raddraft::training {

struct CurveRow {
    static constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
    std::string stage;
    int epoch = 0;
    std::int64_t step = 0;
    double trainLoss = kMissing;
    double validationLoss = kMissing;
    double validationTagAuc = kMissing;
    double validationBleu4 = kMissing;
    double validationCeF1 = kMissing;
    double learningRate = kMissing;
    double seconds = kMissing;
};

class TrainingCurves {
public:
    static const char* const kHeader;

    void add(const CurveRow& row) { m_rows.push_back(row); }
    const std::vector<CurveRow>& rows() const { return m_rows; }

    std::string toCsv() const;
    /// Writes toCsv() atomically. Throws TrainingError naming the file.
    void writeCsv(const std::string& filePath) const;
    /// Parses a CSV written by toCsv(). Throws TrainingError naming `sourceName` and the line.
    static TrainingCurves fromCsv(const std::string& text, const std::string& sourceName);

    nlohmann::json toJson() const;
    static TrainingCurves fromJson(const nlohmann::json& json);

private:
    std::vector<CurveRow> m_rows;
};

} // namespace raddraft::training
