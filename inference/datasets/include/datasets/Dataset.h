#pragma once
// Report-generation datasets in R2Gen's annotation.json layout, read the same way for phantom
// studies, IU X-ray and MIMIC-CXR. Standard C++ and nlohmann-json only (no torch, no Qt): the
// trainer, `raddraft-cli evaluate` and the workstation all use it.
//
// Layout (docs/DATASETS.md):
//   DIR/annotation.json   {"train": [...], "val": [...], "test": [...]}, each entry
//                         {"id", "report", "image_path": [frontal, lateral, ...], "split"}
//                         paths relative to DIR/images/ (R2Gen's convention for both datasets);
//                         MIMIC-CXR entries also carry "study_id" and "subject_id".
//   DIR/images/...        PNG (IU X-ray, phantom) or JPG (MIMIC-CXR) files
// Phantom entries extend an entry with "labels" (graph node → 1/0/−1), "observations"
// (labeler names → 1/0/−1), "context_labels" (["pleural effusion|left|small", ...]),
// "masks" (graph node → [frontal mask, lateral mask], "" where not visible; relative to
// DIR/images/), "findings" (the spec) and "dicom" (paths relative to DIR/).

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::datasets {

enum class DatasetKind { IuXray, MimicCxr, Phantom };

struct DatasetRecord {
    std::string id;
    std::string report;                         ///< as stored (not cleaned)
    std::string split;                          ///< "train", "val" or "test"
    std::vector<std::string> imagePaths;        ///< absolute: [frontal, lateral] (IU X-ray order)
    std::map<std::string, int> graphLabels;     ///< phantom only
    std::map<std::string, int> observationLabels; ///< phantom only
    std::vector<std::string> contextLabels;     ///< phantom only
    /// graph node → absolute [frontal mask, lateral mask] ("" where not visible); phantom only.
    std::map<std::string, std::vector<std::string>> maskPaths;
};

struct Dataset {
    std::string directory;                      ///< absolute
    DatasetKind kind = DatasetKind::IuXray;
    std::vector<DatasetRecord> records;         ///< train, then val, then test, file order within

    /// Records of one split; "all" returns every record.
    std::vector<const DatasetRecord*> split(const std::string& name) const;
};

/// Reads DIR/annotation.json. The kind is detected from the entries (phantom fields present →
/// Phantom; "study_id"/"subject_id" → MIMIC-CXR; otherwise IU X-ray). Throws DatasetError naming
/// the file and the reason (missing file, bad JSON, an entry without id/report/image_path, a
/// split name other than train/val/test, a duplicate id). Image files are not opened here;
/// checkImages() does that.
Dataset loadDataset(const std::string& directory);

/// Every image (and mask) path that does not exist, as "path: reason" lines; empty when all exist.
std::vector<std::string> checkImages(const Dataset& dataset);

} // namespace raddraft::datasets
