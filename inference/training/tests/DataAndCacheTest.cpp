// Batches of studies as tensors (deterministic for any number of loader threads, augmentation
// keeps shapes, a flip swaps left and right in the reports), teacher-forcing tokens, and the
// feature cache round trip.

#include "BatchPlan.h"
#include "FeatureCache.h"
#include "Preprocessing.h"
#include "StudyBatches.h"
#include "TrainingTestSupport.h"
#include "VisualExtractor.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace raddraft;
using namespace raddraft::training;
using namespace raddraft::training::testing;

namespace {

class StudyBatchesTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        root = scratchDirectory("batches");
        for (int i = 0; i < 10; ++i) {
            TrainingExample example;
            example.id = "s" + std::to_string(i);
            example.report = i % 2 ? "Small left pleural effusion. The right lung is clear." : "Normal heart.";
            for (const char* view : {"frontal", "lateral"}) {
                const std::filesystem::path path = root / (example.id + "-" + view + ".pgm");
                writePgm(path, toyView(48 + 4 * i, i, std::string(view) == "lateral"));
                example.imagePaths.push_back(path.string());
            }
            example.labels = {float(i % 2), 0.0f};
            example.labelWeights = {1.0f, float(i % 3 != 0)};
            examples.push_back(example);
        }
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(root); }

    static std::vector<ImageBatch> loadAll(int workers, bool augment, bool flip = false) {
        ImageBatchOptions options;
        options.preprocessing.imageSize = 40;
        if (augment) {
            options.augmentation = AugmentationOptions();
            options.augmentation->horizontalFlip = flip;
        }
        options.frontalView = 0;
        options.seed = 1234;
        options.workers = workers;
        options.prefetchBatches = 2;
        static const ImageReader reader = readPgm;
        ImageBatchLoader loader(examples, planBatches(examples.size(), 4, true, 99), reader, options);
        std::vector<ImageBatch> batches;
        while (std::optional<ImageBatch> batch = loader.next()) batches.push_back(std::move(*batch));
        return batches;
    }

    static inline std::filesystem::path root;
    static inline std::vector<TrainingExample> examples;
};

} // namespace

TEST_F(StudyBatchesTest, AugmentedBatchesAreTheSameForAnyNumberOfLoaderThreads) {
    const std::vector<ImageBatch> reference = loadAll(0, true);
    ASSERT_EQ(reference.size(), 3u);
    EXPECT_EQ(reference[0].images.sizes(), (std::vector<std::int64_t>{4, 2, 3, 40, 40}));
    EXPECT_EQ(reference[2].images.size(0), 2);
    for (int workers : {1, 3}) {
        const std::vector<ImageBatch> other = loadAll(workers, true);
        ASSERT_EQ(other.size(), reference.size());
        for (std::size_t b = 0; b < reference.size(); ++b) {
            EXPECT_EQ(other[b].examples, reference[b].examples);
            EXPECT_TRUE(torch::equal(other[b].images, reference[b].images)) << "batch " << b << " with " << workers << " workers";
            EXPECT_TRUE(torch::equal(other[b].labelWeights, reference[b].labelWeights));
            EXPECT_EQ(other[b].reports, reference[b].reports);
        }
    }
}

TEST_F(StudyBatchesTest, UnaugmentedBatchesArePreprocessedExactlyAsInference) {
    const std::vector<ImageBatch> batches = loadAll(2, false);
    inference::PreprocessingSpec spec;
    spec.imageSize = 40;
    const ImageBatch& batch = batches[1];
    for (std::size_t row = 0; row < batch.examples.size(); ++row) {
        const TrainingExample& example = examples[batch.examples[row]];
        for (std::size_t view = 0; view < 2; ++view) {
            const torch::Tensor expected = inference::preprocessView(readPgm(example.imagePaths[view]), spec, "view");
            EXPECT_TRUE(torch::equal(batch.images[std::int64_t(row)][std::int64_t(view)], expected));
        }
        EXPECT_EQ(batch.reports[row], example.report);
        EXPECT_EQ(batch.labels[std::int64_t(row)][0].item<float>(), example.labels[0]);
    }
    // Augmentation changes pixels but never shapes.
    const std::vector<ImageBatch> augmented = loadAll(2, true);
    EXPECT_EQ(augmented[1].images.sizes(), batch.images.sizes());
    EXPECT_FALSE(torch::equal(augmented[1].images, batch.images));
}

TEST_F(StudyBatchesTest, FlippedStudiesHaveLeftAndRightSwappedInTheirReports) {
    int flipped = 0, kept = 0;
    for (const ImageBatch& batch : loadAll(2, true, true)) {
        for (std::size_t row = 0; row < batch.examples.size(); ++row) {
            const std::string& original = examples[batch.examples[row]].report;
            if (batch.mirrored[row]) {
                ++flipped;
                EXPECT_EQ(batch.reports[row], swapLeftRightWords(original));
                if (original.find("left") != std::string::npos) {
                    EXPECT_EQ(batch.reports[row], "Small right pleural effusion. The left lung is clear.");
                }
            } else {
                ++kept;
                EXPECT_EQ(batch.reports[row], original);
            }
        }
    }
    EXPECT_GT(flipped, 0);
    EXPECT_GT(kept, 0);
    for (const ImageBatch& batch : loadAll(2, true, false)) {
        for (bool mirrored : batch.mirrored) EXPECT_FALSE(mirrored); // off by default
    }
}

TEST(TokenBatches, TeacherForcingShiftsByOneAndMasksPadding) {
    const inference::Vocabulary vocabulary({".", "<unk>", "clear", "heart", "lungs", "normal", "the"});
    const TokenBatch batch = encodeReports({"The heart is normal.", "Lungs clear."}, vocabulary, inference::CleaningStyle::IuXray, 60);
    // "the heart <unk> normal ." = 5 tokens + EOS → T = 6; the second: "lungs clear ." → 3 + EOS.
    ASSERT_EQ(batch.inputs.sizes(), (std::vector<std::int64_t>{2, 6}));
    const std::int64_t the = vocabulary.idOf("the"), heart = vocabulary.idOf("heart");
    EXPECT_EQ(batch.inputs[0][0].item<std::int64_t>(), 0); // BOS
    EXPECT_EQ(batch.inputs[0][1].item<std::int64_t>(), the);
    EXPECT_EQ(batch.targets[0][0].item<std::int64_t>(), the);
    EXPECT_EQ(batch.targets[0][1].item<std::int64_t>(), heart);
    EXPECT_EQ(batch.targets[0][5].item<std::int64_t>(), 0); // EOS is a target
    EXPECT_TRUE(batch.mask[0].all().item<bool>());
    EXPECT_EQ(batch.mask[1].sum().item<std::int64_t>(), 4);
    EXPECT_FALSE(batch.mask[1][4].item<bool>());
    // Truncation to maxTokens (BOS included) drops the end, EOS too, as R2Gen does.
    const TokenBatch truncated = encodeReports({"The heart is normal."}, vocabulary, inference::CleaningStyle::IuXray, 3);
    EXPECT_EQ(truncated.inputs.size(1), 2);
    EXPECT_EQ(truncated.targets[0][1].item<std::int64_t>(), heart);
}

TEST(FeatureCacheTest, SavedCachesLoadBackExactlyAndOnlyUnderTheirKey) {
    const auto root = scratchDirectory("cache");
    inference::VisualExtractor extractor(inference::VisualExtractorOptions{"resnet18"});
    extractor->eval();
    inference::PreprocessingSpec spec;
    spec.imageSize = 64;
    std::vector<TrainingExample> examples(5);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        examples[i].id = "c" + std::to_string(i);
        for (const char* view : {"frontal", "lateral"}) {
            const auto path = root / (examples[i].id + view + ".pgm");
            writePgm(path, toyView(64, int(i), std::string(view) == "lateral"));
            examples[i].imagePaths.push_back(path.string());
        }
        ids.push_back(examples[i].id);
    }
    ImageBatchOptions options;
    options.preprocessing = spec;
    options.workers = 1;
    static const ImageReader reader = readPgm;
    ImageBatchLoader loader(examples, planBatches(examples.size(), 2, false, 0), reader, options);
    std::int64_t lastDone = 0;
    FeatureCache cache = extractFeatureCache(
        loader, examples, [&](const torch::Tensor& images) { return extractor->extract(images); }, torch::kCPU,
        [&](std::int64_t done, std::int64_t total) {
            EXPECT_EQ(total, 5);
            lastDone = done;
        });
    EXPECT_EQ(lastDone, 5);
    cache.key = featureCacheKey(*extractor, spec, ids);
    ASSERT_EQ(cache.size(), 5);
    EXPECT_EQ(cache.patches.sizes(), (std::vector<std::int64_t>{5, 2 * 2 * 2, 512}));
    EXPECT_EQ(cache.gridRows, 2);

    const std::string path = (root / "features.safetensors").string();
    saveFeatureCache(cache, path);
    const std::optional<FeatureCache> loaded = loadFeatureCache(path, cache.key);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->ids, cache.ids);
    EXPECT_TRUE(torch::equal(loaded->patches, cache.patches));
    EXPECT_TRUE(torch::equal(loaded->pooled, cache.pooled));
    EXPECT_EQ(loaded->views, 2);

    // The rows of a study list, gathered, are that study's features.
    const std::vector<TrainingExample> subset{examples[3], examples[1]};
    const inference::VisualFeatures features = loaded->gather(loaded->rowsOf(subset), torch::kCPU);
    EXPECT_TRUE(torch::equal(features.patches[0], cache.patches[3]));
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor images = torch::stack({inference::preprocessView(readPgm(examples[1].imagePaths[0]), spec, "f"),
                                                   inference::preprocessView(readPgm(examples[1].imagePaths[1]), spec, "l")});
        const inference::VisualFeatures direct = extractor->extract(images.unsqueeze(0));
        EXPECT_TRUE(torch::allclose(features.patches[1], direct.patches[0], 1e-5, 1e-5));
    }

    // Another key (changed weights, another study list) is not used.
    EXPECT_FALSE(loadFeatureCache(path, "another key").has_value());
    {
        torch::NoGradGuard noGrad;
        extractor->parameters()[0].add_(0.01);
    }
    EXPECT_NE(featureCacheKey(*extractor, spec, ids), cache.key);
    EXPECT_FALSE(loadFeatureCache((root / "missing.safetensors").string(), cache.key).has_value());
    std::filesystem::remove_all(root);
}
