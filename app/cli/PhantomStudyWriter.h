#pragma once
// Generates phantom studies and writes their files into a dataset folder in R2Gen's IU X-ray
// layout (docs/DATASETS.md § Layouts): images/<id>/0.png and 1.png (16-bit grey), the finding
// masks, dicom/<id>/frontal.dcm and lateral.dcm; and returns each study's annotation.json entry.

#include "phantom/PhantomRenderer.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace raddraft::cli {

struct PhantomStudyOptions {
    std::uint64_t setSeed = 0;   ///< --seed: the whole set is a function of it
    int size = 1024;             ///< image width = height, pixels
    double normalFraction = 0.3; ///< share of studies without findings
    int pngLevel = 0;            ///< zlib level 0–9 of the two images (0: stored, see PngFileWriter.h)
};

/// CPU time of the calling thread spent in each step, in seconds, summed over the studies written
/// (the per-step figures the command prints and docs/PERFORMANCE.md quotes).
struct PhantomStepTimes {
    double render = 0.0; ///< sampling the spec and rendering both views
    double report = 0.0; ///< report text and labels
    double images = 0.0; ///< the two 16-bit PNGs
    double masks = 0.0;  ///< mask unions and their PNGs
    double dicom = 0.0;  ///< the two DICOM files
    PhantomStepTimes& operator+=(const PhantomStepTimes& other);
};

/// Writes phantom studies one after another into a dataset folder. One writer per thread: it keeps
/// the renderer's image and mask buffers between studies (fresh memory costs a page fault per
/// 4 KiB). Writers for the same folder may run on several threads at once (studies are independent).
class PhantomStudyWriter {
public:
    /// `root` must exist.
    PhantomStudyWriter(std::string root, const PhantomStudyOptions& options);

    /// Samples study `index` (phantom::sampleStudySpec), renders it, writes its report and its
    /// files, and returns its annotation entry {"id", "report", "image_path", "split", "labels",
    /// "observations", "context_labels", "masks", "findings", "dicom"} with `split` as given.
    /// Throws std::runtime_error naming the file that could not be written.
    nlohmann::ordered_json write(int index, const std::string& split);

    /// CPU time of each step, summed over the studies this writer wrote.
    const PhantomStepTimes& times() const { return m_times; }

private:
    std::string m_root;
    PhantomStudyOptions m_options;
    phantom::RenderedStudy m_rendered;
    PhantomStepTimes m_times;
};

/// The mask file stem of a knowledge-graph node: spaces (and anything but [a-z0-9_-]) become "_",
/// "pleural effusion" → "pleural_effusion".
std::string phantomMaskKey(const std::string& graphNode);

} // namespace raddraft::cli
