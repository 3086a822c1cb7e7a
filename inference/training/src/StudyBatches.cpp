#include "StudyBatches.h"

#include "BatchPlan.h"
#include "Preprocessing.h"
#include "inference/InferenceError.h"
#include "training/TrainingError.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace raddraft::training {
namespace {

// Loader threads run small preprocessing ops; an OpenMP team per loader thread would spin on the
// cores the training step needs. ATen sets a thread's team size on its first parallel op
// (lazy_init_num_threads), so that happens first, then this thread's team is limited to one.
void useOneIntraOpThread() {
    (void)at::get_num_threads();
#ifdef _OPENMP
    omp_set_num_threads(1);
#endif
}

} // namespace

ImageBatchLoader::ImageBatchLoader(const std::vector<TrainingExample>& examples, std::vector<std::vector<std::size_t>> batches,
                                   const ImageReader& reader, ImageBatchOptions options)
    : m_examples(examples), m_batches(std::move(batches)), m_reader(reader), m_options(std::move(options)) {
    if (!m_reader) throw TrainingError("no image reader was given to the trainer");
    m_prefetcher = std::make_unique<OrderedPrefetcher<ImageBatch>>(
        m_batches.size(), m_options.workers, std::size_t(std::max(1, m_options.prefetchBatches)),
        [this](std::size_t batch) { return load(batch); }, useOneIntraOpThread);
}

ImageBatch ImageBatchLoader::load(std::size_t batchIndex) const {
    const std::vector<std::size_t>& indices = m_batches.at(batchIndex);
    ImageBatch batch;
    batch.examples = indices;
    const std::size_t labelCount = indices.empty() ? 0 : m_examples.at(indices.front()).labels.size();
    batch.labels = torch::zeros({std::int64_t(indices.size()), std::int64_t(labelCount)});
    batch.labelWeights = torch::zeros({std::int64_t(indices.size()), std::int64_t(labelCount)});
    std::vector<torch::Tensor> studies;
    for (std::size_t row = 0; row < indices.size(); ++row) {
        const TrainingExample& example = m_examples.at(indices[row]);
        const std::size_t viewCount = example.imagePaths.size();
        std::mt19937_64 random(mixSeed(m_options.seed, "study", 0, indices[row]));
        const StudyAugmentation augmentation =
            m_options.augmentation ? drawStudyAugmentation(*m_options.augmentation, viewCount, m_options.frontalView, random)
                                   : StudyAugmentation{std::vector<ViewAugmentation>(viewCount), false};
        std::vector<torch::Tensor> views;
        for (std::size_t v = 0; v < viewCount; ++v) {
            const std::string& path = example.imagePaths[v];
            inference::ImageView image;
            try {
                image = m_reader(path);
            } catch (const std::exception& error) {
                throw TrainingError("study '" + example.id + "': " + error.what());
            }
            if (m_options.augmentation) image = augmentView(image, augmentation.views[v]);
            try {
                views.push_back(inference::preprocessView(image, m_options.preprocessing, path));
            } catch (const inference::InferenceError& error) {
                throw TrainingError("study '" + example.id + "': " + error.what());
            }
        }
        studies.push_back(torch::stack(views));
        if (labelCount > 0) {
            if (example.labels.size() != labelCount) throw TrainingError("study '" + example.id + "': label count differs");
            batch.labels[std::int64_t(row)] = torch::tensor(example.labels);
            batch.labelWeights[std::int64_t(row)] = torch::tensor(example.labelWeights);
        }
        batch.reports.push_back(augmentation.flipped ? swapLeftRightWords(example.report) : example.report);
        batch.mirrored.push_back(augmentation.flipped);
    }
    batch.images = torch::stack(studies);
    return batch;
}

TokenBatch encodeReports(const std::vector<std::string>& reports, const inference::Vocabulary& vocabulary,
                         inference::CleaningStyle style, int maxTokens) {
    std::vector<std::vector<std::int64_t>> sequences;
    std::int64_t longest = 1;
    for (const std::string& report : reports) {
        sequences.push_back(vocabulary.encode(inference::cleanReport(report, style), maxTokens));
        longest = std::max<std::int64_t>(longest, std::int64_t(sequences.back().size()) - 1);
    }
    const std::int64_t count = std::int64_t(sequences.size());
    TokenBatch batch;
    batch.inputs = torch::zeros({count, longest}, torch::kInt64);
    batch.targets = torch::zeros({count, longest}, torch::kInt64);
    batch.mask = torch::zeros({count, longest}, torch::kBool);
    auto inputs = batch.inputs.accessor<std::int64_t, 2>();
    auto targets = batch.targets.accessor<std::int64_t, 2>();
    auto mask = batch.mask.accessor<bool, 2>();
    for (std::int64_t i = 0; i < count; ++i) {
        const std::vector<std::int64_t>& sequence = sequences[std::size_t(i)];
        for (std::int64_t t = 0; t + 1 < std::int64_t(sequence.size()); ++t) {
            inputs[i][t] = sequence[std::size_t(t)];
            targets[i][t] = sequence[std::size_t(t + 1)];
            mask[i][t] = true;
        }
    }
    return batch;
}

} // namespace raddraft::training
