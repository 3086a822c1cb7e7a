#pragma once
// Batches of studies as tensors: images decoded by the injected ImageReader, augmented
// (Augmentation.h) and preprocessed by the very function inference uses (Preprocessing.h), on
// loader threads ahead of the training step (OrderedPrefetcher.h). Every random draw of a study
// is seeded from (epoch seed, example index), so a batch is the same for any number of loader
// threads; and reports of mirrored studies have left and right swapped.

#include "Augmentation.h"
#include "Manifest.h"
#include "OrderedPrefetcher.h"
#include "TrainingExamples.h"
#include "training/Training.h"

#include <torch/types.h>

#include <optional>
#include <string>
#include <vector>

namespace raddraft::training {

struct ImageBatch {
    std::vector<std::size_t> examples;  ///< indices into the loader's example list
    torch::Tensor images;               ///< (B, V, C, S, S) float32, CPU
    torch::Tensor labels;               ///< (B, L) float32
    torch::Tensor labelWeights;         ///< (B, L) float32
    std::vector<std::string> reports;   ///< as stored; left/right swapped for mirrored studies
    std::vector<bool> mirrored;         ///< per study: the frontal view was flipped
};

struct ImageBatchOptions {
    inference::PreprocessingSpec preprocessing;
    std::optional<AugmentationOptions> augmentation; ///< nullopt: no augmentation
    int frontalView = -1;               ///< index of the frontal view in the example's images
    std::uint64_t seed = 0;             ///< this epoch's seed (BatchPlan.h mixSeed)
    int workers = 0;                    ///< loader threads; 0 = on the consumer's thread
    int prefetchBatches = 2;
};

class ImageBatchLoader {
public:
    /// `batches` are index lists into `examples` (BatchPlan.h). The examples and the reader must
    /// outlive the loader.
    ImageBatchLoader(const std::vector<TrainingExample>& examples, std::vector<std::vector<std::size_t>> batches,
                     const ImageReader& reader, ImageBatchOptions options);

    std::size_t batchCount() const { return m_batches.size(); }
    /// The next batch in plan order, nullopt after the last. Throws TrainingError naming the
    /// study and the image file when an image cannot be read or preprocessed.
    std::optional<ImageBatch> next() { return m_prefetcher->next(); }

private:
    ImageBatch load(std::size_t batch) const;

    const std::vector<TrainingExample>& m_examples;
    std::vector<std::vector<std::size_t>> m_batches;
    const ImageReader& m_reader;
    ImageBatchOptions m_options;
    std::unique_ptr<OrderedPrefetcher<ImageBatch>> m_prefetcher; ///< last: its threads use the rest
};

/// Teacher-forcing tensors of a list of reports: each cleaned, encoded as [BOS] + ids + [EOS]
/// (truncated to maxTokens as R2Gen's training does), padded to the longest with 0.
struct TokenBatch {
    torch::Tensor inputs;  ///< (B, T): sequence[:-1]
    torch::Tensor targets; ///< (B, T): sequence[1:]
    torch::Tensor mask;    ///< (B, T) bool: true where targets are real
};

TokenBatch encodeReports(const std::vector<std::string>& reports, const inference::Vocabulary& vocabulary,
                         inference::CleaningStyle style, int maxTokens);

} // namespace raddraft::training
