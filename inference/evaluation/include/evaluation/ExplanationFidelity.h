#pragma once
// Explanation fidelity of per-finding heatmaps against ground-truth masks: pointing game, energy
// pointing game and IoU of the heatmap thresholded at 0.7 × max. The heatmap is a low-resolution
// grid (e.g. 7×7) upsampled bilinearly to the mask's size first.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace raddraft::evaluation {

/// Row-major grid, values.size() == rows × cols.
struct Heatmap {
    int rows = 0, cols = 0;
    std::vector<float> values;
};

/// Row-major binary mask of the image, values.size() == height × width; nonzero = inside.
struct Mask {
    int height = 0, width = 0;
    std::vector<std::uint8_t> values;
};

/// Bilinear upsampling to height × width with align_corners=false, exactly as
/// torch.nn.functional.interpolate(mode="bilinear", align_corners=False): source coordinate
/// (dst + 0.5)·in/out − 0.5, clamped at 0, neighbour clamped at the last row/column.
/// Throws std::invalid_argument on an empty or inconsistent grid or a non-positive size.
std::vector<float> upsampleBilinear(const Heatmap& heatmap, int height, int width);

/// Default pointing-game tolerance in pixels of the mask (Euclidean distance).
constexpr double kDefaultPointingTolerancePixels = 15.0;

struct FidelityScores {
    bool pointingHit = false;    ///< pointing game: 1 hit / 0 miss
    double energy = 0;           ///< energy pointing game in [0, 1]
    double iou = 0;              ///< IoU of (heatmap ≥ 0.7 × max) with the mask
};

/// Scores one heatmap against one mask, on the heatmap upsampled to the mask's size.
/// - Pointing game: hit when the maximum pixel (the first in row-major order on ties) lies within
///   Euclidean distance ≤ tolerancePixels of a mask pixel (the mask dilated by a disc of that
///   radius; 0 = must be inside). A constant heatmap points nowhere: miss.
/// - Energy pointing game: Σ max(h, 0) inside the mask / Σ max(h, 0) over the image; 0 when the
///   heatmap has no positive value.
/// - IoU: region {h ≥ 0.7 × max} vs the mask; when max ≤ 0 the region is empty and IoU is 0.
/// Throws std::invalid_argument when the mask is inconsistent or has no pixel inside (a study
/// without the finding has nothing to localise: leave it out), or tolerancePixels < 0.
FidelityScores computeFidelity(const Heatmap& heatmap, const Mask& mask,
                               double tolerancePixels = kDefaultPointingTolerancePixels);

struct FidelityMeans {
    long studies = 0;
    double pointingGame = 0, energyPointingGame = 0, iou = 0; ///< 0 when studies == 0
};

struct FidelitySummary {
    std::map<std::string, FidelityMeans> perFinding; ///< means over that finding's studies
    FidelityMeans overall; ///< means over every (study, finding) pair added
    FidelityMeans macro;   ///< unweighted means of the per-finding means; studies = #findings
};

/// Collects one FidelityScores per (study, finding) and averages them.
class FidelityAggregator {
public:
    void add(const std::string& finding, const FidelityScores& scores);
    FidelitySummary summary() const;

private:
    struct Sums {
        long n = 0;
        double pointing = 0, energy = 0, iou = 0;
    };
    std::map<std::string, Sums> sums_;
};

} // namespace raddraft::evaluation
