// Augmentation: shapes and value ranges, the identity, determinism, and the horizontal flip that
// must swap left and right in text, context labels and masks.

#include "Augmentation.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace raddraft::training;
using raddraft::inference::ImageView;

namespace {

// A gradient image with a bright square in its left half.
ImageView testImage(int width, int height) {
    ImageView image;
    image.width = width;
    image.height = height;
    image.pixels.resize(std::size_t(width) * std::size_t(height));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            float value = 0.2f + 0.5f * float(y) / float(height);
            if (x >= width / 8 && x < width / 3 && y >= height / 3 && y < height / 2) value = 1.0f;
            image.pixels[std::size_t(y) * std::size_t(width) + std::size_t(x)] = value;
        }
    }
    return image;
}

float at(const ImageView& image, int x, int y) { return image.pixels[std::size_t(y) * std::size_t(image.width) + std::size_t(x)]; }

} // namespace

TEST(Augmentation, DisabledOptionsDrawTheIdentityAndLeaveTheViewBitIdentical) {
    AugmentationOptions options;
    options.enabled = false;
    std::mt19937_64 random(1);
    const StudyAugmentation study = drawStudyAugmentation(options, 2, 0, random);
    ASSERT_EQ(study.views.size(), 2u);
    EXPECT_FALSE(study.flipped);
    const ImageView image = testImage(40, 30);
    const ImageView same = augmentView(image, study.views[0]);
    EXPECT_EQ(same.width, 40);
    EXPECT_EQ(same.height, 30);
    EXPECT_EQ(same.pixels, image.pixels);
}

TEST(Augmentation, CropRotationAndJitterKeepAPlausibleImage) {
    const AugmentationOptions options; // defaults: scale 0.85–1, ±5°, jitter, no flip
    const ImageView image = testImage(200, 160);
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        std::mt19937_64 random(seed);
        const StudyAugmentation study = drawStudyAugmentation(options, 2, 0, random);
        EXPECT_FALSE(study.flipped);
        for (const ViewAugmentation& view : study.views) {
            EXPECT_GE(view.cropScale, 0.85);
            EXPECT_LE(view.cropScale, 1.0);
            EXPECT_LE(std::abs(view.rotationDegrees), 5.0);
            EXPECT_FALSE(view.mirror);
            const ImageView augmented = augmentView(image, view);
            // The crop keeps its size in source pixels: area ≈ scale × the image's, within the image.
            EXPECT_LE(augmented.width, 200);
            EXPECT_LE(augmented.height, 160);
            const double area = double(augmented.width) * augmented.height / (200.0 * 160.0);
            EXPECT_NEAR(area, std::min(1.0, view.cropScale), 0.05);
            EXPECT_EQ(augmented.pixels.size(), std::size_t(augmented.width) * std::size_t(augmented.height));
            for (float value : augmented.pixels) {
                ASSERT_GE(value, 0.0f);
                ASSERT_LE(value, 1.0f);
            }
        }
    }
}

TEST(Augmentation, TheSameSeedDrawsTheSameAugmentation) {
    AugmentationOptions options;
    options.horizontalFlip = true;
    std::mt19937_64 first(77), second(77);
    const StudyAugmentation a = drawStudyAugmentation(options, 2, 0, first);
    const StudyAugmentation b = drawStudyAugmentation(options, 2, 0, second);
    EXPECT_EQ(a.flipped, b.flipped);
    for (std::size_t v = 0; v < 2; ++v) {
        EXPECT_EQ(a.views[v].cropScale, b.views[v].cropScale);
        EXPECT_EQ(a.views[v].rotationDegrees, b.views[v].rotationDegrees);
        EXPECT_EQ(a.views[v].gamma, b.views[v].gamma);
    }
}

TEST(Augmentation, AFlipMirrorsOnlyTheFrontalViewImageAndMasks) {
    AugmentationOptions options;
    options.horizontalFlip = true;
    options.cropScaleMin = options.cropScaleMax = 1.0;
    options.aspectMin = options.aspectMax = 1.0;
    options.rotationDegrees = options.brightness = options.contrast = options.gamma = 0.0;
    bool sawFlip = false, sawNoFlip = false;
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        std::mt19937_64 random(seed);
        const StudyAugmentation study = drawStudyAugmentation(options, 2, 0, random);
        (study.flipped ? sawFlip : sawNoFlip) = true;
        EXPECT_EQ(study.views[0].mirror, study.flipped);
        EXPECT_FALSE(study.views[1].mirror); // the lateral view is never mirrored
        if (!study.flipped) continue;
        const ImageView image = testImage(64, 48);
        const ImageView mirrored = augmentView(image, study.views[0]);
        ASSERT_EQ(mirrored.width, 64);
        ASSERT_EQ(mirrored.height, 48);
        for (int y = 0; y < 48; ++y) {
            for (int x = 0; x < 64; ++x) ASSERT_NEAR(at(mirrored, x, y), at(image, 63 - x, y), 1e-6f);
        }
        MaskImage mask;
        mask.width = 64;
        mask.height = 48;
        mask.pixels.assign(64 * 48, 0);
        mask.pixels[10 * 64 + 5] = 1; // a lesion on the image's left
        const MaskImage warped = warpMask(mask, viewTransform(study.views[0], 64, 48));
        EXPECT_EQ(warped.pixels[10 * 64 + (63 - 5)], 1);
        EXPECT_EQ(std::count(warped.pixels.begin(), warped.pixels.end(), 1), 1);
    }
    EXPECT_TRUE(sawFlip);
    EXPECT_TRUE(sawNoFlip);
}

TEST(Augmentation, MasksFollowTheSameCropAndRotation) {
    ViewAugmentation view;
    view.cropScale = 0.81; // 0.9 × 0.9 of the image
    view.cropX = 0.0;
    view.cropY = 0.0;
    const ImageView image = testImage(100, 100);
    const ViewTransform transform = viewTransform(view, 100, 100);
    EXPECT_EQ(transform.outputWidth, 90);
    EXPECT_EQ(transform.outputHeight, 90);
    MaskImage mask;
    mask.width = mask.height = 100;
    mask.pixels.assign(100 * 100, 0);
    mask.pixels[40 * 100 + 30] = 1;
    const MaskImage warped = warpMask(mask, transform);
    EXPECT_EQ(warped.pixels[40 * 90 + 30], 1); // top-left crop: coordinates unchanged
    const ImageView cropped = warpImage(image, transform);
    EXPECT_NEAR(at(cropped, 30, 40), at(image, 30, 40), 1e-6f);
}

TEST(Augmentation, LeftAndRightSwapInReportTextKeepingCase) {
    EXPECT_EQ(swapLeftRightWords("Small left pleural effusion. Right lung is clear."),
              "Small right pleural effusion. Left lung is clear.");
    EXPECT_EQ(swapLeftRightWords("LEFT-sided chest tube; rightward shift; mild levoscoliosis."),
              "RIGHT-sided chest tube; leftward shift; mild dextroscoliosis.");
    EXPECT_EQ(swapLeftRightWords("bright leftover copyright"), "bright leftover copyright"); // whole words only
    EXPECT_EQ(swapLeftRightWords("No focal consolidation."), "No focal consolidation.");
}

TEST(Augmentation, LeftAndRightSwapInContextLabels) {
    EXPECT_EQ(swapLeftRightInContextLabel("pleural effusion|left|small"), "pleural effusion|right|small");
    EXPECT_EQ(swapLeftRightInContextLabel("consolidation|right lower|"), "consolidation|left lower|");
    EXPECT_EQ(swapLeftRightInContextLabel("pulmonary edema|bilateral|moderate"), "pulmonary edema|bilateral|moderate");
    EXPECT_EQ(swapLeftRightInContextLabel("cardiomegaly"), "cardiomegaly");
}
