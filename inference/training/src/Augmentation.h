#pragma once
// Training-time augmentation that respects chest anatomy (docs/MODELS.md § Training). Standard
// C++ only; it works on the raw view (before the shared preprocessing resizes and normalises it,
// so an un-augmented view is preprocessed exactly as at inference).
//
// Per view: a random resized crop (area scale ≈ 0.85–1, aspect near 1) and a small rotation
// (±5°), as one inverse-mapped bilinear resampling at the source resolution, then intensity
// jitter (gamma, contrast about the mean, brightness). Horizontal flip is off by default: a
// mirrored chest is a situs inversus chest, and left/right words in the report would be wrong.
// When enabled it mirrors the frontal view only (the lateral projection of a mirrored patient is
// the same projection) and the caller must swap left/right in the report text
// (swapLeftRightWords), in context labels (swapLeftRightInContextLabel) and mirror the frontal
// masks (warpMask does, given the same transform).

#include "inference/Pipeline.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace raddraft::training {

struct AugmentationOptions {
    bool enabled = true;
    double cropScaleMin = 0.85;    ///< fraction of the image area kept by the crop
    double cropScaleMax = 1.0;
    double aspectMin = 0.9;        ///< crop width/height relative to the image's
    double aspectMax = 1.0 / 0.9;
    double rotationDegrees = 5.0;  ///< uniform in ±this
    double brightness = 0.05;      ///< added offset uniform in ±this (image in [0, 1])
    double contrast = 0.1;         ///< factor uniform in 1 ± this, about the image mean
    double gamma = 0.1;            ///< exponent uniform in 1 ± this
    bool horizontalFlip = false;   ///< off by default (see above)
};

/// The random draw for one view.
struct ViewAugmentation {
    double cropScale = 1.0;
    double aspect = 1.0;
    double cropX = 0.5;            ///< position of the crop in the free space, 0 … 1
    double cropY = 0.5;
    double rotationDegrees = 0.0;
    double brightness = 0.0;
    double contrast = 1.0;
    double gamma = 1.0;
    bool mirror = false;           ///< horizontal flip (frontal view of a flipped study only)
};

struct StudyAugmentation {
    std::vector<ViewAugmentation> views;
    bool flipped = false;          ///< the study is mirrored: swap left/right in text and labels
};

/// Draws one study's augmentation; `frontalView` is the index of the view a flip mirrors (−1:
/// none). With options.enabled false every view is the identity.
StudyAugmentation drawStudyAugmentation(const AugmentationOptions& options, std::size_t viewCount, int frontalView,
                                        std::mt19937_64& random);

/// Output pixel (u, v) → source position (x, y) = (a·u + b·v + c, d·u + e·v + f) in pixel-centre
/// coordinates, and the output size.
struct ViewTransform {
    int outputWidth = 0;
    int outputHeight = 0;
    double a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    bool identity = true;
};

/// The crop + rotation (+ mirror) of `augmentation` for a width × height view. The output keeps
/// the crop's size in source pixels (the preprocessing resizes afterwards).
ViewTransform viewTransform(const ViewAugmentation& augmentation, int width, int height);

/// Bilinear resampling of a grey image; positions outside the image take the nearest edge value
/// (no black corners that the model could learn from).
inference::ImageView warpImage(const inference::ImageView& image, const ViewTransform& transform);

/// A binary mask row-major, top row first.
struct MaskImage {
    std::vector<std::uint8_t> pixels;
    int width = 0;
    int height = 0;
};

/// Nearest-neighbour resampling of a mask with the same transform; outside the image is 0.
MaskImage warpMask(const MaskImage& mask, const ViewTransform& transform);

/// Gamma, then contrast about the mean, then brightness; clamped to [0, 1]. In place.
void jitterIntensity(inference::ImageView& image, const ViewAugmentation& augmentation);

/// warpImage + jitterIntensity; an identity draw returns the view unchanged (bit-identical).
inference::ImageView augmentView(const inference::ImageView& image, const ViewAugmentation& augmentation);

/// Swaps the patient's sides in report text, whole words, keeping the case pattern
/// ("Left" ↔ "Right", "LEFT" ↔ "RIGHT"): left/right, leftward/rightward, leftsided/rightsided,
/// levoscoliosis/dextroscoliosis, levoconvex/dextroconvex, levocurvature/dextrocurvature.
std::string swapLeftRightWords(const std::string& text);

/// "pleural effusion|left|small" → "pleural effusion|right|small" (the location part only).
std::string swapLeftRightInContextLabel(const std::string& contextLabel);

} // namespace raddraft::training
