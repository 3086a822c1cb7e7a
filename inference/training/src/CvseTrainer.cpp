// Trainer of model type "cvse" (CvseModel.h). The extractor and the tag head pre-train as the
// transformer's (or come from a bundle through pretrain.initialize_from); the report stage trains
// the projections and the conditional attention with the triplet ranking loss of eq. 4 on the
// cached features.
//
// prepareReportTraining builds what the paper builds before training (§ 3.2), from the training
// reports alone, deterministically (its own generator, seeded by grouping_seed):
//   1. the unique cleaned sentences and their counts; labels normal / abnormal by the rule of
//      SentenceLabels.h (exact on phantom reports);
//   2. the text encoder, trained without labels in sent2vec's way (Pagliardini et al. 2018): the
//      mean of a sentence's other word and bigram embeddings predicts each word, with 5 negative
//      words drawn from the unigram distribution^0.75;
//   3. the sentence classifier, started from the encoder's embeddings and fine-tuned on the labels
//      (class-balanced binary cross-entropy), as the paper fine-tunes a pre-trained encoder;
//   4. the sentences the classifier calls abnormal, grouped (FindingGroups.h: k-means over the
//      unit-length encoder embeddings, then the exclusivity split), into the corpus and the
//      group_embeddings buffer (each group's mean embedding: e_a, the authors' use_center).
// On a resumed run the corpus, encoder, classifier and groups come from the checkpoint and are
// kept as they are.
//
// reportLoss: the positives of a study are the groups of its sentences (training studies: looked
// up by study id; validation studies: from the target tokens through the model's
// groupsOfSentences). For every (study, positive group) pair, 8 negative groups (not among the
// study's) and 8 negative images (studies of the batch without that group) are sampled with a
// generator seeded by the batch's content, so a replayed epoch samples the same. Studies without
// an abnormal finding are no anchors, but they are negative images for every group.
//
// Threshold calibration: a validation pass calls reportLoss in eval mode on every validation
// batch (TrainingSession::validateReports). Those calls collect each study's top_k scores with
// whether each group is one of its findings, and set score_threshold to the threshold that
// maximises the micro F1 of the reported groups over the studies seen so far in the pass
// (evaluation::calibrateRetrievalThreshold). After the pass the buffer holds the threshold of the
// whole validation split for that epoch's weights, and it is saved and selected with them.

#include "CvseModel.h"
#include "FindingGroups.h"
#include "ModelTrainer.h"
#include "TrainingRecipe.h"
#include "SentenceLabels.h"
#include "evaluation/RetrievalMetrics.h"
#include "training/TrainingError.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>
#include <set>

namespace raddraft::training {
namespace {

namespace F = torch::nn::functional;

constexpr int kTextNegatives = 5;
constexpr std::int64_t kTextBatch = 256;
constexpr double kTextLearningRate = 5e-3;
constexpr std::int64_t kClassBatch = 64;
constexpr std::int64_t kClassifierBatch = 64;
constexpr double kClassifierLearningRate = 5e-3;

double uniform01(std::mt19937_64& random) { return double(random() >> 11U) * 0x1.0p-53; }

std::size_t uniformIndex(std::mt19937_64& random, std::size_t size) {
    return std::min(size - 1, std::size_t(uniform01(random) * double(size)));
}

torch::Tensor uniformTensor(const std::vector<std::int64_t>& shape, double bound, std::mt19937_64& random) {
    std::int64_t count = 1;
    for (std::int64_t size : shape) count *= size;
    std::vector<float> values(static_cast<std::size_t>(count));
    for (float& value : values) value = float((2.0 * uniform01(random) - 1.0) * bound);
    return torch::from_blob(values.data(), shape, torch::kFloat32).clone();
}

template <typename T>
void shuffle(std::vector<T>& items, std::mt19937_64& random) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[uniformIndex(random, i)]);
}

// FNV-1a over a sequence of byte strings: the negative sampler's seed per batch.
std::uint64_t contentHash(const std::vector<std::string>& parts, std::uint64_t seed) {
    std::uint64_t hash = 1469598103934665603ULL ^ seed;
    for (const std::string& part : parts) {
        for (unsigned char byte : part) hash = (hash ^ byte) * 1099511628211ULL;
        hash = (hash ^ 0xFFU) * 1099511628211ULL;
    }
    return hash;
}

// Up to `count` distinct items of `candidates`, drawn without replacement.
std::vector<std::int64_t> sample(std::vector<std::int64_t> candidates, std::size_t count, std::mt19937_64& random) {
    const std::size_t taken = std::min(count, candidates.size());
    for (std::size_t i = 0; i < taken; ++i) std::swap(candidates[i], candidates[i + uniformIndex(random, candidates.size() - i)]);
    candidates.resize(taken);
    return candidates;
}

struct UniqueSentence {
    inference::FindingSentence sentence;
    long count = 0;
};

class CvseTrainer : public ModelTrainer {
public:
    explicit CvseTrainer(inference::ReportModel& model)
        : ModelTrainer(model), m_model(typedModelOf(model)), m_network(m_model.typedNetwork()) {}

    torch::nn::Module& visualExtractor() override { return *m_network->visualExtractor; }
    torch::nn::Module* tagHead() override { return m_network->tagHead ? m_network->tagHead.get() : nullptr; }
    torch::Tensor tagLogits(const inference::VisualFeatures& features) override { return m_network->tagHead->forward(features.pooled); }

    std::vector<torch::Tensor> reportParameters() override {
        std::vector<torch::Tensor> parameters;
        for (torch::nn::Module* module : std::initializer_list<torch::nn::Module*>{
                 m_network->visualProjection.get(), m_network->findingProjection.get(), m_network->attention.get()}) {
            for (const torch::Tensor& parameter : module->parameters()) parameters.push_back(parameter);
        }
        return parameters;
    }

    torch::Tensor reportLoss(const ReportBatch& batch) override {
        const std::vector<std::set<std::int64_t>> positives = positivesOf(batch);
        const std::int64_t rows = std::int64_t(positives.size());
        const std::int64_t groups = m_network->groupCount();
        const int negatives = m_model.manifest().hyperParameters.value("negatives", 8);
        const double margin = m_model.manifest().hyperParameters.value("margin", 0.2);

        std::vector<std::string> seedParts = batch.studyIds;
        if (seedParts.empty()) {
            const torch::Tensor targets = batch.targetTokens.to(torch::kCPU).contiguous();
            const std::int64_t* data = targets.data_ptr<std::int64_t>();
            seedParts.emplace_back(reinterpret_cast<const char*>(data), std::size_t(targets.numel()) * sizeof(std::int64_t));
        }
        std::mt19937_64 random(contentHash(seedParts, groupingSeed()));

        // (study, positive group) pairs and their sampled negatives; padded slots are masked.
        std::vector<std::int64_t> pairRow, pairGroup, negativeGroup, negativeRow;
        std::vector<std::uint8_t> negativeGroupValid, negativeRowValid;
        for (std::int64_t row = 0; row < rows; ++row) {
            for (std::int64_t positive : positives[std::size_t(row)]) {
                pairRow.push_back(row);
                pairGroup.push_back(positive);
                std::vector<std::int64_t> groupCandidates, rowCandidates;
                for (std::int64_t g = 0; g < groups; ++g) {
                    if (positives[std::size_t(row)].count(g) == 0) groupCandidates.push_back(g);
                }
                for (std::int64_t other = 0; other < rows; ++other) {
                    if (other != row && positives[std::size_t(other)].count(positive) == 0) rowCandidates.push_back(other);
                }
                const std::vector<std::int64_t> sampledGroups = sample(groupCandidates, std::size_t(negatives), random);
                const std::vector<std::int64_t> sampledRows = sample(rowCandidates, std::size_t(negatives), random);
                for (int k = 0; k < negatives; ++k) {
                    const bool groupValid = std::size_t(k) < sampledGroups.size(), rowValid = std::size_t(k) < sampledRows.size();
                    negativeGroup.push_back(groupValid ? sampledGroups[std::size_t(k)] : positive);
                    negativeGroupValid.push_back(groupValid ? 1 : 0);
                    negativeRow.push_back(rowValid ? sampledRows[std::size_t(k)] : row);
                    negativeRowValid.push_back(rowValid ? 1 : 0);
                }
            }
        }

        const torch::Tensor regions = m_network->embedRegions(batch.features.patches);
        const torch::Tensor findings = m_network->embedFindings();
        const std::int64_t views = batch.features.views;
        if (!m_network->is_training()) calibrateOn(regions, findings, views, positives);
        else m_calibrationPassOpen = false;

        const std::int64_t pairs = std::int64_t(pairRow.size());
        if (pairs == 0) {
            // No study of the batch has an abnormal finding: nothing to rank, but the loss must
            // stay connected to the parameters for the optimiser step.
            return m_network->visualProjection->weight.sum() * 0.0;
        }
        const torch::Device device = regions.device();
        const auto indices = [&](const std::vector<std::int64_t>& values) {
            return torch::tensor(values, torch::TensorOptions().dtype(torch::kInt64)).to(device);
        };
        const auto mask = [&](const std::vector<std::uint8_t>& values) {
            return torch::tensor(std::vector<std::int64_t>(values.begin(), values.end()), torch::kInt64).to(device).view({pairs, negatives}) > 0;
        };
        const torch::Tensor repeatedRows = indices(pairRow).repeat_interleave(negatives);
        const torch::Tensor repeatedGroups = indices(pairGroup).repeat_interleave(negatives);
        const torch::Tensor positiveScores = m_network->scorePairs(regions, findings, views, indices(pairRow), indices(pairGroup), false).scores;
        const torch::Tensor negativeFindingScores =
            m_network->scorePairs(regions, findings, views, repeatedRows, indices(negativeGroup), false).scores.view({pairs, negatives});
        const torch::Tensor negativeImageScores =
            m_network->scorePairs(regions, findings, views, indices(negativeRow), repeatedGroups, false).scores.view({pairs, negatives});
        return inference::cvseTripletLoss(positiveScores.to(torch::kFloat32), negativeFindingScores.to(torch::kFloat32),
                                          mask(negativeGroupValid), negativeImageScores.to(torch::kFloat32), mask(negativeRowValid),
                                          margin);
    }

    std::vector<std::vector<std::int64_t>> decode(const inference::VisualFeatures& features, int, int maxLength) override {
        std::vector<std::vector<std::int64_t>> tokens;
        for (const inference::CvseRetrieval& retrieval : m_model.retrieve(features, false)) {
            std::vector<std::int64_t> ids = m_model.reportTokens(retrieval);
            if (maxLength > 0 && ids.size() > std::size_t(maxLength)) ids.resize(std::size_t(maxLength));
            tokens.push_back(std::move(ids));
        }
        return tokens;
    }

    void prepareReportTraining(const FeatureCache*, const std::vector<TrainingExample>& train) override {
        if (m_model.manifest().corpus.empty()) buildGroups(train);
        // else: a resumed run; the corpus, encoder, classifier and groups are the checkpoint's.
        m_studyGroups.clear();
        for (const TrainingExample& example : train) {
            const std::vector<int> groups = m_model.groupsOfSentences(inference::reportSentences(example.report, cleaning()));
            std::set<std::int64_t>& positives = m_studyGroups[example.id];
            for (int group : groups) {
                if (group >= 0) positives.insert(group);
            }
        }
    }

private:
    static inference::CvseReportModel& typedModelOf(inference::ReportModel& model) {
        auto* cvse = dynamic_cast<inference::CvseReportModel*>(&model);
        if (cvse == nullptr) throw TrainingError("the cvse trainer was given a '" + model.manifest().modelType + "' model");
        return *cvse;
    }

    inference::CleaningStyle cleaning() const { return inference::cleaningStyleFromName(m_model.manifest().cleaning); }
    std::uint64_t groupingSeed() const { return m_model.manifest().hyperParameters.value("grouping_seed", std::uint64_t(7)); }
    template <typename T>
    T hyperParameter(const std::string& key, const T& fallback) const {
        return m_model.manifest().hyperParameters.value(key, fallback);
    }

    std::vector<std::set<std::int64_t>> positivesOf(const ReportBatch& batch) {
        const std::int64_t rows = batch.features.patches.size(0);
        std::vector<std::set<std::int64_t>> positives(static_cast<std::size_t>(rows));
        torch::Tensor targets;
        for (std::int64_t row = 0; row < rows; ++row) {
            if (std::size_t(row) < batch.studyIds.size()) {
                const auto found = m_studyGroups.find(batch.studyIds[std::size_t(row)]);
                if (found != m_studyGroups.end()) {
                    positives[std::size_t(row)] = found->second;
                    continue;
                }
            }
            // A validation study (or one the preparation did not see): its groups from the
            // teacher-forcing targets, which end at the first 0 (EOS / padding).
            if (!targets.defined()) targets = batch.targetTokens.to(torch::kCPU).contiguous();
            std::vector<std::int64_t> ids;
            for (std::int64_t t = 0; t < targets.size(1); ++t) {
                const std::int64_t id = targets[row][t].item<std::int64_t>();
                if (id <= 0) break;
                ids.push_back(id);
            }
            for (int group : m_model.groupsOfSentences(inference::tokenSentences(ids, m_model.vocabulary()))) {
                if (group >= 0) positives[std::size_t(row)].insert(group);
            }
        }
        return positives;
    }

    void calibrateOn(const torch::Tensor& regions, const torch::Tensor& findings, std::int64_t views,
                     const std::vector<std::set<std::int64_t>>& positives) {
        if (!m_calibrationPassOpen) {
            m_calibration.clear();
            m_calibrationPassOpen = true;
        }
        if (m_network->groupCount() == 0) return;
        torch::NoGradGuard noGrad;
        const torch::Tensor scores = m_network->scoreAll(regions, findings, views).to(torch::kCPU, torch::kFloat64).contiguous();
        const std::size_t topK = std::size_t(hyperParameter("top_k", 3));
        for (std::int64_t row = 0; row < scores.size(0); ++row) {
            const double* values = scores[row].data_ptr<double>();
            std::vector<std::int64_t> order(std::size_t(scores.size(1)));
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) { return values[a] > values[b]; });
            evaluation::ScoredCandidates candidates;
            candidates.relevantCount = long(positives[std::size_t(row)].size());
            for (std::size_t i = 0; i < std::min(topK, order.size()); ++i) {
                candidates.scores.push_back(values[order[i]]);
                candidates.relevant.push_back(positives[std::size_t(row)].count(order[i]) > 0);
            }
            m_calibration.push_back(std::move(candidates));
        }
        m_network->setScoreThreshold(evaluation::calibrateRetrievalThreshold(m_calibration, inference::kUncalibratedScoreThreshold).threshold);
    }

    void buildGroups(const std::vector<TrainingExample>& train) {
        const inference::CleaningStyle style = cleaning();
        const SentenceLabeler labeler(style);
        std::vector<UniqueSentence> unique;
        std::map<std::string, std::size_t> index;
        for (const TrainingExample& example : train) {
            for (inference::FindingSentence& sentence : inference::reportSentences(example.report, style)) {
                const std::string key = inference::sentenceKey(sentence.words, m_model.vocabulary());
                const auto found = index.find(key);
                if (found != index.end()) {
                    ++unique[found->second].count;
                } else {
                    index.emplace(key, unique.size());
                    unique.push_back({std::move(sentence), 1});
                }
            }
        }
        std::vector<inference::FindingSentence> sentences;
        std::vector<float> labels;
        std::vector<std::vector<int>> stated;
        for (const UniqueSentence& item : unique) {
            sentences.push_back(item.sentence);
            stated.push_back(labeler.statedFindings(item.sentence));
            labels.push_back(stated.back().empty() ? 0.0f : 1.0f);
        }
        const std::vector<std::vector<std::int64_t>> bags = m_model.bagsOf(sentences);
        std::mt19937_64 random(groupingSeed());
        trainTextEncoder(unique, bags, stated, random);
        trainClassifier(bags, labels, random);

        const std::vector<float> abnormal = m_model.abnormalProbabilities(sentences);
        inference::GroupingInput input;
        std::vector<std::size_t> chosen;
        for (std::size_t i = 0; i < unique.size(); ++i) {
            if (abnormal[i] < 0.5f) continue;
            chosen.push_back(i);
            input.words.push_back(unique[i].sentence.words);
            input.counts.push_back(unique[i].count);
        }
        if (chosen.empty()) {
            throw TrainingError("cvse: the sentence classifier finds no abnormal finding in the training reports: there is nothing "
                                "to retrieve (a dataset of normal studies only?)");
        }
        {
            torch::NoGradGuard noGrad;
            std::vector<std::vector<std::int64_t>> chosenBags;
            for (std::size_t i : chosen) chosenBags.push_back(bags[i]);
            const torch::Tensor embeddings =
                F::normalize(m_network->textEncoder->forward(chosenBags), F::NormalizeFuncOptions().p(2).dim(-1)).to(torch::kCPU, torch::kFloat32).contiguous();
            for (std::int64_t i = 0; i < embeddings.size(0); ++i) {
                input.embeddings.emplace_back(embeddings[i].data_ptr<float>(), embeddings[i].data_ptr<float>() + embeddings.size(1));
            }
        }
        inference::FindingGroupOptions options;
        options.kMeans.clusters = hyperParameter("groups", 40);
        options.kMeans.seed = groupingSeed();
        options.kMeans.maxIterations = hyperParameter("kmeans_iterations", 100);
        options.exclusivityEps = hyperParameter("exclusivity_eps", 0.5);
        options.exclusivityMinPoints = hyperParameter("exclusivity_min_points", 1);
        const std::vector<inference::FindingGroup> groups = inference::buildFindingGroups(input, options);

        std::vector<inference::CorpusEntry> corpus;
        std::vector<float> centroids;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            char id[32];
            std::snprintf(id, sizeof id, "g%03zu", g);
            inference::CorpusEntry entry{id, unique[chosen[groups[g].representative]].sentence.text, {}};
            for (std::size_t member : groups[g].members) entry.members.push_back(unique[chosen[member]].sentence.text);
            corpus.push_back(std::move(entry));
            centroids.insert(centroids.end(), groups[g].centroid.begin(), groups[g].centroid.end());
        }
        const auto groupCount = std::int64_t(corpus.size());
        m_model.setCorpus(std::move(corpus)); // resizes group_embeddings
        const torch::Tensor& like = m_network->groupEmbeddings();
        m_network->setGroupEmbeddings(
            torch::from_blob(centroids.data(), {groupCount, like.size(1)}, torch::kFloat32).clone().to(like.device(), like.scalar_type()));
        m_network->setScoreThreshold(inference::kUncalibratedScoreThreshold);
    }

    // sent2vec: for every word of a sentence, the mean of the sentence's other words and of the
    // bigrams not containing it predicts the word against kTextNegatives words drawn from the
    // unigram distribution^0.75 (logistic loss on dot products with output vectors). Beside it,
    // a linear head on the whole sentence's embedding predicts what the labeler finds stated in
    // it (SentenceLabeler::statedFindings, binary cross-entropy): the in-project stand-in for
    // what a biomedical pre-trained encoder knows and context alone does not teach — that "small
    // left pleural effusion" and "small left pneumothorax" name different findings although they
    // share every context. The output vectors and the head are dropped afterwards.
    void trainTextEncoder(const std::vector<UniqueSentence>& unique, const std::vector<std::vector<std::int64_t>>& bags,
                          const std::vector<std::vector<int>>& stated, std::mt19937_64& random) {
        const inference::CvseOptions& options = m_network->options();
        const std::int64_t vocabularySize = options.vocabularySize, dimension = options.textDimension;
        struct Instance {
            std::vector<std::int64_t> context;
            std::int64_t target = 0;
        };
        std::vector<Instance> instances;
        std::vector<double> frequency(std::size_t(vocabularySize + 1), 0.0);
        for (std::size_t s = 0; s < unique.size(); ++s) {
            const std::vector<std::int64_t> ids = inference::sentenceTokenIds(unique[s].sentence.words, m_model.vocabulary());
            for (std::int64_t id : ids) frequency[std::size_t(id)] += double(unique[s].count);
            if (ids.size() < 2) continue;
            for (std::size_t t = 0; t < ids.size(); ++t) {
                Instance instance;
                instance.target = ids[t];
                for (std::size_t i = 0; i < ids.size(); ++i) {
                    if (i != t) instance.context.push_back(ids[i]);
                }
                // bags[s] = ids followed by the bigram rows of pairs (i, i + 1).
                for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
                    if (i != t && i + 1 != t && ids.size() + i < bags[s].size()) instance.context.push_back(bags[s][ids.size() + i]);
                }
                instances.push_back(std::move(instance));
            }
        }
        std::vector<double> cumulative;
        double total = 0.0;
        for (double count : frequency) {
            total += std::pow(count, 0.75);
            cumulative.push_back(total);
        }
        const std::int64_t classes = SentenceLabeler::findingClassCount();
        std::vector<float> classTargets(unique.size() * std::size_t(classes), 0.0f);
        for (std::size_t s = 0; s < unique.size(); ++s) {
            for (int c : stated[s]) classTargets[s * std::size_t(classes) + std::size_t(c)] = 1.0f;
        }

        const torch::Device device = m_network->textEncoder->embeddings->weight.device();
        {
            torch::NoGradGuard noGrad;
            m_network->textEncoder->embeddings->weight.copy_(
                uniformTensor({options.vocabularySize + 1 + options.textBuckets, dimension}, 1.0 / double(dimension), random));
        }
        const torch::Tensor output = torch::zeros({vocabularySize + 1, dimension}, torch::TensorOptions().device(device)).requires_grad_(true);
        const torch::Tensor headWeight = uniformTensor({classes, dimension}, 1.0 / std::sqrt(double(dimension)), random).to(device).requires_grad_(true);
        const torch::Tensor headBias = torch::zeros({classes}, torch::TensorOptions().device(device)).requires_grad_(true);
        const torch::Tensor allTargets = torch::from_blob(classTargets.data(), {std::int64_t(unique.size()), classes}, torch::kFloat32).clone().to(device);
        if (unique.empty()) return;
        std::vector<torch::Tensor> parameters = m_network->textEncoder->parameters();
        parameters.insert(parameters.end(), {output, headWeight, headBias});
        torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(kTextLearningRate));
        const int epochs = hyperParameter("text_epochs", 20);
        std::vector<std::size_t> order(instances.size()), sentenceOrder(unique.size());
        std::iota(order.begin(), order.end(), 0);
        std::iota(sentenceOrder.begin(), sentenceOrder.end(), 0);
        const std::size_t steps = std::max<std::size_t>(1, (instances.size() + std::size_t(kTextBatch) - 1) / std::size_t(kTextBatch));
        std::size_t nextSentence = sentenceOrder.size();
        for (int epoch = 0; epoch < epochs; ++epoch) {
            shuffle(order, random);
            for (std::size_t step = 0; step < steps; ++step) {
                torch::Tensor loss = torch::zeros({}, torch::TensorOptions().device(device));
                const std::size_t begin = step * std::size_t(kTextBatch), end = std::min(order.size(), begin + std::size_t(kTextBatch));
                if (begin < end && total > 0.0) {
                    std::vector<std::vector<std::int64_t>> contexts;
                    std::vector<std::int64_t> targets, negatives;
                    for (std::size_t i = begin; i < end; ++i) {
                        const Instance& instance = instances[order[i]];
                        contexts.push_back(instance.context);
                        targets.push_back(instance.target);
                        for (int k = 0; k < kTextNegatives; ++k) {
                            const double point = uniform01(random) * total;
                            negatives.push_back(std::int64_t(std::upper_bound(cumulative.begin(), cumulative.end(), point) - cumulative.begin()));
                        }
                    }
                    const auto n = std::int64_t(targets.size());
                    const torch::Tensor context = m_network->textEncoder->forward(contexts); // (n, D)
                    const torch::Tensor positive = (output.index_select(0, torch::tensor(targets, torch::kInt64).to(device)) * context).sum(-1);
                    const torch::Tensor negative =
                        torch::bmm(output.index_select(0, torch::tensor(negatives, torch::kInt64).clamp_max(vocabularySize).to(device))
                                       .view({n, kTextNegatives, dimension}),
                                   context.unsqueeze(-1))
                            .squeeze(-1);
                    loss = loss + (F::softplus(-positive) + F::softplus(negative).sum(-1)).mean();
                }
                // The stated-findings head on a batch of whole sentences, cycling through them.
                std::vector<std::vector<std::int64_t>> sentenceBags;
                std::vector<std::int64_t> rows;
                for (std::int64_t i = 0; i < kClassBatch; ++i) {
                    if (nextSentence >= sentenceOrder.size()) {
                        shuffle(sentenceOrder, random);
                        nextSentence = 0;
                    }
                    rows.push_back(std::int64_t(sentenceOrder[nextSentence]));
                    sentenceBags.push_back(bags[sentenceOrder[nextSentence++]]);
                    if (std::size_t(i + 1) >= sentenceOrder.size()) break;
                }
                const torch::Tensor logits = F::linear(m_network->textEncoder->forward(sentenceBags), headWeight, headBias);
                loss = loss + F::binary_cross_entropy_with_logits(logits, allTargets.index_select(0, torch::tensor(rows, torch::kInt64).to(device)));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    void trainClassifier(const std::vector<std::vector<std::int64_t>>& bags, const std::vector<float>& labels, std::mt19937_64& random) {
        inference::SentenceClassifier& classifier = m_network->sentenceClassifier;
        const std::int64_t dimension = m_network->options().textDimension;
        {
            torch::NoGradGuard noGrad;
            classifier->embeddings->weight.copy_(m_network->textEncoder->embeddings->weight);
            classifier->classifier->weight.copy_(uniformTensor({1, dimension}, 1.0 / std::sqrt(double(dimension)), random));
            classifier->classifier->bias.zero_();
        }
        const double positives = std::accumulate(labels.begin(), labels.end(), 0.0);
        const double negatives = double(labels.size()) - positives;
        if (positives == 0.0 || negatives == 0.0) {
            // One class only: the bias alone says it (the classifier cannot learn a boundary).
            torch::NoGradGuard noGrad;
            classifier->classifier->bias.fill_(positives > 0.0 ? 10.0 : -10.0);
            return;
        }
        const torch::Device device = classifier->classifier->weight.device();
        const torch::Tensor positiveWeight = torch::tensor({float(negatives / positives)}).to(device);
        torch::optim::Adam optimizer(classifier->parameters(), torch::optim::AdamOptions(kClassifierLearningRate));
        std::vector<std::size_t> order(bags.size());
        std::iota(order.begin(), order.end(), 0);
        const int epochs = hyperParameter("classifier_epochs", 20);
        for (int epoch = 0; epoch < epochs; ++epoch) {
            shuffle(order, random);
            for (std::size_t begin = 0; begin < order.size(); begin += std::size_t(kClassifierBatch)) {
                const std::size_t end = std::min(order.size(), begin + std::size_t(kClassifierBatch));
                std::vector<std::vector<std::int64_t>> batch;
                std::vector<float> targets;
                for (std::size_t i = begin; i < end; ++i) {
                    batch.push_back(bags[order[i]]);
                    targets.push_back(labels[order[i]]);
                }
                const torch::Tensor logits = classifier->forward(batch);
                const torch::Tensor loss = F::binary_cross_entropy_with_logits(
                    logits, torch::tensor(targets).to(device), F::BinaryCrossEntropyWithLogitsFuncOptions().pos_weight(positiveWeight));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    inference::CvseReportModel& m_model;
    inference::CvseNetwork m_network;
    std::map<std::string, std::set<std::int64_t>> m_studyGroups; ///< training study id → its groups
    std::vector<evaluation::ScoredCandidates> m_calibration;     ///< the current validation pass
    bool m_calibrationPassOpen = false;                          ///< false after a training-mode call
};

} // namespace

void registerCvseTrainer(TrainerRegistry& registry) {
    // The transformer's recipe for the shared parts (ResNet-18 at 160 px, 2 pre-training epochs, or
    // the baseline bundle through pretrain.initialize_from); the report stage as the paper's
    // (Adam, rate 1e-3), on cached features, selected by the validation CE F1.
    TrainerType type;
    type.name = "cvse";
    type.configOverrides = phantomRecipe({{"visual_extractor", "resnet18"}},
                                         {{"train",
                                           {{"epochs", 30},
                                            {"batch_size", 32},
                                            {"schedule", {{"warmup_steps", 50}}},
                                            {"clip_norm", 5.0},
                                            {"early_stopping", {{"metric", "ce_f1"}, {"patience", 6}}}}}});
    type.create = [](inference::ReportModel& model) { return std::make_unique<CvseTrainer>(model); };
    registry.add(std::move(type));
}

} // namespace raddraft::training
