#include "CvseModel.h"

#include "GenerationStages.h"

#include "FindingGroups.h"
#include "labeler/Labeler.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace raddraft::inference {

nlohmann::json cvseDefaultHyperParameters() {
    return {{"visual_extractor", "resnet18"},
            {"joint_dim", 256},
            {"attention_dim", 256},
            {"text_dim", 128},
            {"text_buckets", 2048},
            {"groups", 40},
            {"grouping_seed", 7},
            {"kmeans_iterations", 100},
            {"exclusivity_eps", 0.5},
            {"exclusivity_min_points", 1},
            {"text_epochs", 20},
            {"classifier_epochs", 20},
            {"negatives", 8},
            {"margin", 0.2},
            {"top_k", 3},
            {"ranked_groups", 5},
            {"max_alternatives", 10},
            {"max_length", 60},
            {"normal_sentence", kNoAbnormalFindingSentence},
            {"tag_threshold", 0.5},
            {"distinct_findings", true}};
}

void registerCvseModel(ModelRegistry& registry) {
    registry.add({"cvse", "Conditional visual-semantic embeddings: retrieves the abnormal findings (Ni et al. 2020)",
                  cvseDefaultHyperParameters(),
                  [](const Manifest& manifest) { return std::make_unique<CvseReportModel>(manifest); }});
}

namespace {

namespace F = torch::nn::functional;

torch::Tensor unitRows(const torch::Tensor& x) { return F::normalize(x, F::NormalizeFuncOptions().p(2).dim(-1)); }

// Upper bound of the (pairs × patches × attention_dim) block scored at once (~32 MB in float).
constexpr std::int64_t kPairBlockElements = std::int64_t(8) << 20;

std::uint64_t mixBits(std::uint64_t value) {
    value ^= value >> 30U;
    value *= 0xBF58476D1CE4E5B9ULL;
    value ^= value >> 27U;
    value *= 0x94D049BB133111EBULL;
    value ^= value >> 31U;
    return value;
}

std::pair<torch::Tensor, torch::Tensor> flattenBags(const std::vector<std::vector<std::int64_t>>& bags, torch::Device device) {
    std::vector<std::int64_t> input, offsets;
    for (const std::vector<std::int64_t>& bag : bags) {
        offsets.push_back(std::int64_t(input.size()));
        input.insert(input.end(), bag.begin(), bag.end());
    }
    const auto options = torch::TensorOptions().dtype(torch::kInt64);
    return {torch::tensor(input, options).to(device), torch::tensor(offsets, options).to(device)};
}

torch::Tensor embedBags(torch::nn::EmbeddingBag& embeddings, const std::vector<std::vector<std::int64_t>>& bags) {
    const torch::Tensor& weight = embeddings->weight;
    std::size_t total = 0;
    for (const auto& bag : bags) total += bag.size();
    if (bags.empty() || total == 0) return torch::zeros({std::int64_t(bags.size()), weight.size(1)}, weight.options());
    const auto [input, offsets] = flattenBags(bags, weight.device());
    return embeddings->forward(input, offsets);
}

Heatmap heatmapOf(const torch::Tensor& values, const std::string& view, std::int64_t rows, std::int64_t cols) {
    Heatmap heatmap{view, int(rows), int(cols), {}};
    const torch::Tensor contiguous = values.contiguous().to(torch::kFloat32);
    heatmap.values.assign(contiguous.data_ptr<float>(), contiguous.data_ptr<float>() + contiguous.numel());
    return heatmap;
}

} // namespace

std::vector<std::int64_t> sentenceBag(const std::vector<std::int64_t>& tokenIds, std::int64_t vocabularySize, std::int64_t buckets) {
    std::vector<std::int64_t> bag(tokenIds.begin(), tokenIds.end());
    if (buckets <= 0) return bag;
    for (std::size_t i = 0; i + 1 < tokenIds.size(); ++i) {
        const std::uint64_t pair = mixBits(std::uint64_t(tokenIds[i]) * 0x9E3779B97F4A7C15ULL ^ std::uint64_t(tokenIds[i + 1]));
        bag.push_back(vocabularySize + 1 + std::int64_t(pair % std::uint64_t(buckets)));
    }
    return bag;
}

TextEncoderImpl::TextEncoderImpl(std::int64_t rows, std::int64_t dimension) {
    embeddings = register_module("embeddings", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(rows, dimension).mode(torch::kMean)));
}

torch::Tensor TextEncoderImpl::forward(const std::vector<std::vector<std::int64_t>>& bags) { return embedBags(embeddings, bags); }

SentenceClassifierImpl::SentenceClassifierImpl(std::int64_t rows, std::int64_t dimension) {
    embeddings = register_module("embeddings", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(rows, dimension).mode(torch::kMean)));
    classifier = register_module("classifier", torch::nn::Linear(dimension, 1));
}

torch::Tensor SentenceClassifierImpl::forward(const std::vector<std::vector<std::int64_t>>& bags) {
    return classifier(embedBags(embeddings, bags)).squeeze(-1);
}

ConditionalAttentionImpl::ConditionalAttentionImpl(std::int64_t jointDimension, std::int64_t attentionDimension)
    : m_jointDimension(jointDimension) {
    project = register_module("project", torch::nn::Linear(2 * jointDimension, attentionDimension));
    score = register_module("score", torch::nn::Linear(torch::nn::LinearOptions(attentionDimension, 1).bias(false)));
}

torch::Tensor ConditionalAttentionImpl::regionKeys(const torch::Tensor& regions) {
    return torch::matmul(regions, project->weight.narrow(1, 0, m_jointDimension).t());
}

torch::Tensor ConditionalAttentionImpl::findingKeys(const torch::Tensor& findings) {
    return torch::matmul(findings, project->weight.narrow(1, m_jointDimension, m_jointDimension).t()) + project->bias;
}

torch::Tensor ConditionalAttentionImpl::logits(const torch::Tensor& regionKeys, const torch::Tensor& findingKeys) {
    return score(torch::tanh(regionKeys + findingKeys)).squeeze(-1);
}

CvseNetworkImpl::CvseNetworkImpl(const CvseOptions& options) : m_options(options) {
    if (options.vocabularySize < 1 || options.textDimension < 1 || options.textBuckets < 0 || options.jointDimension < 1 ||
        options.attentionDimension < 1 || options.groups < 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "cvse: text_dim, joint_dim and attention_dim must be positive, "
                                                         "text_buckets and the group count not negative");
    }
    const std::int64_t channels = visualFeatureChannels(options.extractor.architecture);
    const std::int64_t textRows = options.vocabularySize + 1 + options.textBuckets; // row 0 (BOS/EOS) unused
    visualExtractor = register_module("visual_extractor", VisualExtractor(options.extractor));
    if (options.labels > 0) tagHead = register_module("tag_head", TagHead(TagHeadOptions{channels, options.labels, 0.0}));
    textEncoder = register_module("text_encoder", TextEncoder(textRows, options.textDimension));
    sentenceClassifier = register_module("sentence_classifier", SentenceClassifier(textRows, options.textDimension));
    visualProjection = register_module("visual_projection", torch::nn::Linear(channels, options.jointDimension));
    findingProjection = register_module("finding_projection", torch::nn::Linear(options.textDimension, options.jointDimension));
    attention = register_module("attention", ConditionalAttention(options.jointDimension, options.attentionDimension));
    m_groupEmbeddings = register_buffer("group_embeddings", torch::zeros({options.groups, options.textDimension}));
    m_scoreThreshold = register_buffer("score_threshold", torch::full({1}, kUncalibratedScoreThreshold));
}

torch::Tensor CvseNetworkImpl::embedRegions(const torch::Tensor& patches) { return unitRows(visualProjection(patches)); }

torch::Tensor CvseNetworkImpl::embedFindings() { return unitRows(findingProjection(m_groupEmbeddings)); }

CvsePairScores CvseNetworkImpl::scorePairs(const torch::Tensor& regions, const torch::Tensor& findings, std::int64_t views,
                                           const torch::Tensor& rows, const torch::Tensor& groups, bool withAttention) {
    const std::int64_t pairs = rows.size(0);
    const std::int64_t patches = regions.size(1);
    if (views < 1 || patches % views != 0) {
        throw InferenceError(ErrorCode::InvalidArgument, "cvse: " + std::to_string(patches) + " patches do not split into " +
                                                             std::to_string(views) + " views");
    }
    const std::int64_t perView = patches / views;
    CvsePairScores result;
    if (pairs == 0) {
        result.scores = torch::zeros({0}, regions.options());
        if (withAttention) result.attention = torch::zeros({0, views, perView}, regions.options());
        return result;
    }
    const torch::Tensor regionKeys = attention->regionKeys(regions);   // (B, P, A)
    const torch::Tensor findingKeys = attention->findingKeys(findings); // (G, A)
    const std::int64_t block = std::max<std::int64_t>(1, kPairBlockElements / std::max<std::int64_t>(1, patches * regionKeys.size(2)));
    std::vector<torch::Tensor> scores, attentions;
    for (std::int64_t begin = 0; begin < pairs; begin += block) {
        const std::int64_t length = std::min(block, pairs - begin);
        const torch::Tensor r = rows.narrow(0, begin, length);
        const torch::Tensor g = groups.narrow(0, begin, length);
        const torch::Tensor m = regions.index_select(0, r);      // (n, P, d)
        const torch::Tensor v = findings.index_select(0, g);     // (n, d)
        const torch::Tensor logits = attention->logits(regionKeys.index_select(0, r), findingKeys.index_select(0, g).unsqueeze(1)); // (n, P)
        const torch::Tensor alpha = torch::softmax(logits.view({length, views, perView}), -1);
        const torch::Tensor distance = (m - v.unsqueeze(1)).pow(2).sum(-1).view({length, views, perView}); // ‖m_j − v‖²
        scores.push_back(-(alpha * distance).sum(-1).mean(-1));
        if (withAttention) attentions.push_back(alpha);
    }
    result.scores = torch::cat(scores);
    if (withAttention) result.attention = torch::cat(attentions);
    return result;
}

torch::Tensor CvseNetworkImpl::scoreAll(const torch::Tensor& regions, const torch::Tensor& findings, std::int64_t views) {
    const std::int64_t images = regions.size(0), groups = findings.size(0);
    const auto indexOptions = torch::TensorOptions().dtype(torch::kInt64).device(regions.device());
    const torch::Tensor rows = torch::arange(images, indexOptions).repeat_interleave(groups);
    const torch::Tensor columns = torch::arange(groups, indexOptions).repeat({images});
    return scorePairs(regions, findings, views, rows, columns, false).scores.view({images, groups});
}

void CvseNetworkImpl::setGroupEmbeddings(const torch::Tensor& embeddings) {
    if (!embeddings.sizes().equals(m_groupEmbeddings.sizes())) {
        throw InferenceError(ErrorCode::InvalidArgument, "cvse: group embeddings of shape " + c10::str(embeddings.sizes()) +
                                                             " do not fit the model's " + c10::str(m_groupEmbeddings.sizes()) +
                                                             " (set the corpus first)");
    }
    torch::NoGradGuard noGrad;
    m_groupEmbeddings.copy_(embeddings);
}

void CvseNetworkImpl::resizeGroups(std::int64_t groups) {
    torch::NoGradGuard noGrad;
    m_groupEmbeddings.resize_({groups, m_options.textDimension}).zero_();
    m_options.groups = groups;
}

double CvseNetworkImpl::scoreThreshold() const { return m_scoreThreshold.to(torch::kFloat64).item<double>(); }

void CvseNetworkImpl::setScoreThreshold(double threshold) {
    torch::NoGradGuard noGrad;
    m_scoreThreshold.fill_(threshold);
}

torch::Tensor cvseTripletLoss(const torch::Tensor& positive, const torch::Tensor& negativeFindings,
                              const torch::Tensor& negativeFindingMask, const torch::Tensor& negativeImages,
                              const torch::Tensor& negativeImageMask, double margin) {
    const auto direction = [&](const torch::Tensor& negatives, const torch::Tensor& mask) {
        const torch::Tensor weights = mask.to(positive.scalar_type());
        const torch::Tensor hinge = torch::clamp_min(negatives - positive.unsqueeze(1) + margin, 0.0) * weights;
        return hinge.sum() / weights.sum().clamp_min(1.0);
    };
    return direction(negativeFindings, negativeFindingMask) + direction(negativeImages, negativeImageMask);
}

// ---- the model ---------------------------------------------------------------------------------

CvseReportModel::CvseReportModel(const Manifest& manifest) : ReportModel(manifest) {
    CvseOptions options;
    options.extractor.architecture = hyperParameter<std::string>("visual_extractor", "resnet18");
    options.labels = std::int64_t(this->manifest().labels.size());
    options.vocabularySize = vocabulary().size();
    options.textDimension = hyperParameter<std::int64_t>("text_dim", 128);
    options.textBuckets = hyperParameter<std::int64_t>("text_buckets", 2048);
    options.jointDimension = hyperParameter<std::int64_t>("joint_dim", 256);
    options.attentionDimension = hyperParameter<std::int64_t>("attention_dim", 256);
    options.groups = std::int64_t(this->manifest().corpus.size());
    if (hyperParameter<int>("top_k", 3) < 1 || hyperParameter<int>("ranked_groups", 5) < 1 || hyperParameter<int>("negatives", 8) < 1 ||
        hyperParameter<int>("max_length", 60) < 1) {
        throw InferenceError(ErrorCode::InvalidArgument, "cvse: top_k, ranked_groups, negatives and max_length must be at least 1");
    }
    m_cleaning = cleaningStyleFromName(this->manifest().cleaning);
    m_network = CvseNetwork(options);
    indexCorpus();
}

void CvseReportModel::corpusChanged() {
    m_network->resizeGroups(std::int64_t(manifest().corpus.size()));
    indexCorpus();
}

namespace {

// The observations a group's representative states (positive or hedged: "possible small right
// effusion" states an effusion) and its side: findingKey.
std::string findingKeyOf(const labeler::Labeler& labeler, const std::string& text, const std::vector<int>& exclusivity) {
    const labeler::ReportLabels labels = labeler.label(text);
    const auto stated = [&](labeler::Observation observation) {
        const labeler::LabelValue value = labels.value(observation);
        return value == labeler::LabelValue::Positive || value == labeler::LabelValue::Uncertain;
    };
    if (stated(labeler::Observation::SupportDevices)) return {};
    std::string key;
    for (const labeler::Observation observation : labeler::allObservations()) {
        if (observation == labeler::Observation::NoFinding || !stated(observation)) continue;
        key += (key.empty() ? "" : "+") + std::string(labeler::observationName(observation));
    }
    if (key.empty()) return key;
    // The side: the first three exclusive terms are right, left, bilateral (FindingGroups.cpp).
    const std::vector<std::string>& terms = exclusiveTermNames();
    for (std::size_t t = 0; t < terms.size() && t < exclusivity.size(); ++t) {
        if ((terms[t] == "right" || terms[t] == "left" || terms[t] == "bilateral") && exclusivity[t] != 0) key += "|" + terms[t];
    }
    return key;
}

// Whether a group with findingKey `candidate` says again what a reported group (`reported`)
// said: the same observations, and the same side, or no side on either, or the reported one
// bilateral. Only a left and a right statement of one finding stand together.
bool restates(const std::string& candidate, const std::string& reported) {
    const auto split = [](const std::string& key) {
        const std::size_t bar = key.find('|');
        return bar == std::string::npos ? std::make_pair(key, std::string()) : std::make_pair(key.substr(0, bar), key.substr(bar + 1));
    };
    const auto [observations, side] = split(candidate);
    const auto [reportedObservations, reportedSide] = split(reported);
    if (observations != reportedObservations) return false;
    return side == reportedSide || side.empty() || reportedSide.empty() || reportedSide == "bilateral";
}

} // namespace

void CvseReportModel::indexCorpus() {
    m_groupOfKey.clear();
    m_representativeIds.clear();
    m_groupExclusivity.clear();
    m_findingKeys.clear();
    const std::vector<CorpusEntry>& corpus = manifest().corpus;
    const labeler::Labeler labeler;
    for (std::size_t g = 0; g < corpus.size(); ++g) {
        std::vector<std::string> words;
        for (const FindingSentence& sentence : reportSentences(corpus[g].text, m_cleaning)) {
            words.insert(words.end(), sentence.words.begin(), sentence.words.end());
        }
        m_representativeIds.push_back(sentenceTokenIds(words, vocabulary()));
        m_groupExclusivity.push_back(exclusivityVector(words));
        m_findingKeys.push_back(findingKeyOf(labeler, corpus[g].text, m_groupExclusivity.back()));
        std::vector<std::string> texts{corpus[g].text};
        texts.insert(texts.end(), corpus[g].members.begin(), corpus[g].members.end());
        for (const std::string& text : texts) {
            for (const FindingSentence& sentence : reportSentences(text, m_cleaning)) {
                m_groupOfKey.emplace(sentenceKey(sentence.words, vocabulary()), std::int64_t(g)); // the first group keeps a key
            }
        }
    }
}

const std::string& CvseReportModel::groupId(std::int64_t index) const { return manifest().corpus.at(std::size_t(index)).id; }

VisualFeatures CvseReportModel::extractFeatures(const torch::Tensor& images) { return m_network->visualExtractor->extract(images); }

std::vector<CvseRetrieval> CvseReportModel::retrieve(const VisualFeatures& features, bool withAttention) {
    const std::int64_t images = features.patches.size(0);
    const std::size_t topK = std::size_t(hyperParameter<int>("top_k", 3));
    const std::size_t depth = std::max(topK, std::size_t(hyperParameter<int>("ranked_groups", 5)));
    const bool distinctFindings = hyperParameter<bool>("distinct_findings", true);
    const double threshold = m_network->scoreThreshold();
    std::vector<CvseRetrieval> retrievals(static_cast<std::size_t>(images));
    for (CvseRetrieval& retrieval : retrievals) retrieval.threshold = threshold;
    if (m_network->groupCount() == 0) return retrievals;

    const torch::Tensor regions = m_network->embedRegions(features.patches);
    const torch::Tensor findings = m_network->embedFindings();
    const torch::Tensor scores = m_network->scoreAll(regions, findings, features.views).to(torch::kCPU, torch::kFloat64).contiguous();
    std::vector<std::int64_t> pairRows, pairGroups;
    for (std::int64_t b = 0; b < images; ++b) {
        const double* row = scores[b].data_ptr<double>();
        std::vector<std::int64_t> order(std::size_t(scores.size(1)));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::int64_t x, std::int64_t y) { return row[x] > row[y]; });
        CvseRetrieval& retrieval = retrievals[std::size_t(b)];
        std::vector<std::string> reportedFindings;
        for (std::size_t i = 0; i < std::min(depth, order.size()); ++i) {
            retrieval.ranking.push_back(order[i]);
            retrieval.rankingScores.push_back(row[order[i]]);
            const bool eligible = distinctFindings ? retrieval.reported.size() < topK : i < topK;
            if (!eligible || row[order[i]] < threshold) continue;
            const std::string& finding = m_findingKeys[std::size_t(order[i])];
            if (distinctFindings && !finding.empty()) {
                const auto said = [&](const std::string& reported) { return restates(finding, reported); };
                if (std::any_of(reportedFindings.begin(), reportedFindings.end(), said)) continue; // a rewording
                reportedFindings.push_back(finding);
            }
            retrieval.reported.push_back(order[i]);
            pairRows.push_back(b);
            pairGroups.push_back(order[i]);
        }
    }
    if (withAttention && !pairRows.empty()) {
        const auto indexOptions = torch::TensorOptions().dtype(torch::kInt64).device(regions.device());
        const torch::Tensor alpha = m_network
                                        ->scorePairs(regions, findings, features.views, torch::tensor(pairRows, indexOptions),
                                                     torch::tensor(pairGroups, indexOptions), true)
                                        .attention.to(torch::kCPU, torch::kFloat32);
        std::int64_t next = 0;
        for (CvseRetrieval& retrieval : retrievals) {
            const auto count = std::int64_t(retrieval.reported.size());
            if (count > 0) retrieval.attention = alpha.narrow(0, next, count);
            next += count;
        }
    }
    return retrievals;
}

std::vector<std::int64_t> CvseReportModel::reportTokens(const CvseRetrieval& retrieval) const {
    const std::int64_t period = vocabulary().idOf(".");
    const std::size_t maxLength = std::size_t(hyperParameter<int>("max_length", 60));
    std::vector<std::vector<std::int64_t>> sentences;
    for (std::int64_t group : retrieval.reported) sentences.push_back(m_representativeIds.at(std::size_t(group)));
    if (sentences.empty()) {
        std::vector<std::string> words;
        for (const FindingSentence& sentence : reportSentences(hyperParameter<std::string>("normal_sentence", kNoAbnormalFindingSentence), m_cleaning)) {
            words.insert(words.end(), sentence.words.begin(), sentence.words.end());
        }
        sentences.push_back(sentenceTokenIds(words, vocabulary()));
    }
    std::vector<std::int64_t> tokens;
    for (const std::vector<std::int64_t>& sentence : sentences) {
        if (tokens.size() + sentence.size() + 1 > maxLength) break; // whole sentences only
        tokens.insert(tokens.end(), sentence.begin(), sentence.end());
        tokens.push_back(period);
    }
    return tokens;
}

std::vector<std::vector<std::int64_t>> CvseReportModel::bagsOf(const std::vector<FindingSentence>& sentences) const {
    const CvseOptions& options = m_network->options();
    std::vector<std::vector<std::int64_t>> bags;
    for (const FindingSentence& sentence : sentences) {
        bags.push_back(sentenceBag(sentenceTokenIds(sentence.words, vocabulary()), options.vocabularySize, options.textBuckets));
    }
    return bags;
}

std::vector<float> CvseReportModel::abnormalProbabilities(const std::vector<FindingSentence>& sentences) {
    if (sentences.empty()) return {};
    torch::NoGradGuard noGrad;
    const torch::Tensor probabilities =
        torch::sigmoid(m_network->sentenceClassifier->forward(bagsOf(sentences))).to(torch::kCPU, torch::kFloat32).contiguous();
    return {probabilities.data_ptr<float>(), probabilities.data_ptr<float>() + probabilities.numel()};
}

std::vector<int> CvseReportModel::groupsOfSentences(const std::vector<FindingSentence>& sentences) {
    std::vector<int> groups(sentences.size(), -1);
    std::vector<FindingSentence> unseen;
    std::vector<std::size_t> unseenIndex;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const auto found = m_groupOfKey.find(sentenceKey(sentences[i].words, vocabulary()));
        if (found != m_groupOfKey.end()) {
            groups[i] = int(found->second);
        } else {
            unseen.push_back(sentences[i]);
            unseenIndex.push_back(i);
        }
    }
    if (unseen.empty() || m_network->groupCount() == 0) return groups;
    const std::vector<float> abnormal = abnormalProbabilities(unseen);
    std::vector<FindingSentence> findings;
    std::vector<std::size_t> findingIndex;
    for (std::size_t i = 0; i < unseen.size(); ++i) {
        if (abnormal[i] >= 0.5f) {
            findings.push_back(unseen[i]);
            findingIndex.push_back(unseenIndex[i]);
        }
    }
    if (findings.empty()) return groups;
    torch::NoGradGuard noGrad;
    const torch::Tensor embeddings = unitRows(m_network->textEncoder->forward(bagsOf(findings))).to(torch::kCPU, torch::kFloat32).contiguous();
    const torch::Tensor centroids = m_network->groupEmbeddings().to(torch::kCPU, torch::kFloat32).contiguous();
    std::vector<std::vector<float>> centroidRows;
    for (std::int64_t g = 0; g < centroids.size(0); ++g) {
        centroidRows.emplace_back(centroids[g].data_ptr<float>(), centroids[g].data_ptr<float>() + centroids.size(1));
    }
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const torch::Tensor row = embeddings[std::int64_t(i)];
        const std::vector<float> embedding(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
        groups[findingIndex[i]] = nearestFindingGroup(embedding, exclusivityVector(findings[i].words), centroidRows, m_groupExclusivity);
    }
    return groups;
}

std::vector<Draft> CvseReportModel::generate(const GenerationRequest& request) {
    GenerationStages stages(request);
    stages.begin("extractor");
    const VisualFeatures features = extractFeatures(request.images);
    const TagEvidence tags = evaluateTagHead(m_network->tagHead, features);
    stages.endOrCancel();

    stages.begin("retrieval");
    const std::vector<CvseRetrieval> retrievals = retrieve(features, true);
    stages.end();
    stages.progress("retrieval", 1.0);

    const std::vector<CorpusEntry>& corpus = manifest().corpus;
    const std::string normalSentence = hyperParameter<std::string>("normal_sentence", kNoAbnormalFindingSentence);
    const std::size_t maxAlternatives = std::size_t(std::max(0, hyperParameter<int>("max_alternatives", 10)));
    const std::int64_t period = vocabulary().idOf(".");
    const auto views = double(std::max<std::int64_t>(1, features.views));
    std::vector<Draft> drafts;
    for (std::size_t b = 0; b < retrievals.size(); ++b) {
        const CvseRetrieval& retrieval = retrievals[b];
        DecodedSequence sequence;
        sequence.tokens = reportTokens(retrieval);
        sequence.logProbabilities.assign(sequence.tokens.size(), 0.0f); // copied, not generated: probability 1
        sequence.endedWithEos = true;
        Draft assembled = assembleDraft(*this, sequence, request.views, features.gridRows, features.gridCols,
                                        tags.probabilitiesOf(std::int64_t(b)),
                                        tags.classActivationsOf(std::int64_t(b)));
        Draft draft = assembled;
        draft.sentences.clear();
        draft.text.clear();

        // One sentence per reported group (whole sentences within max_length), each ending at a ".".
        int begin = 0;
        std::size_t sentenceIndex = 0;
        for (int t = 0; t < int(sequence.tokens.size()); ++t) {
            if (sequence.tokens[std::size_t(t)] != period) continue;
            DraftSentence sentence;
            sentence.tokenBegin = begin;
            sentence.tokenEnd = t + 1;
            for (const DraftSentence& candidate : assembled.sentences) {
                if (candidate.tokenBegin == begin) sentence.support.tags = candidate.support.tags;
            }
            if (retrieval.reported.empty()) {
                sentence.text = normalSentence;
                sentence.support.values = {{"no_abnormal_finding_retrieved", 1.0}, {"threshold", retrieval.threshold}};
                if (!retrieval.rankingScores.empty()) sentence.support.values["best_score"] = retrieval.rankingScores.front();
            } else {
                const std::int64_t group = retrieval.reported[sentenceIndex];
                const CorpusEntry& entry = corpus.at(std::size_t(group));
                sentence.text = entry.text;
                // Its place in the ranking (distinct_findings may have passed over groups before it).
                const auto rank = std::size_t(std::find(retrieval.ranking.begin(), retrieval.ranking.end(), group) - retrieval.ranking.begin());
                sentence.score = retrieval.rankingScores.at(rank);
                sentence.support.values = {{"rank", double(rank + 1)}, {"threshold", retrieval.threshold}};
                for (const std::string& member : entry.members) {
                    if (sentence.alternatives.size() >= maxAlternatives) break;
                    if (member != entry.text) sentence.alternatives.push_back(member);
                }
                // α per view, scaled by 1/V: each patch's weight in d*, so all views sum to 1.
                const torch::Tensor alpha = retrieval.attention[std::int64_t(sentenceIndex)];
                for (std::size_t v = 0; v < request.views.size() && std::int64_t(v) < alpha.size(0); ++v) {
                    sentence.heatmaps.push_back(heatmapOf(alpha[std::int64_t(v)] / views, request.views[v], features.gridRows, features.gridCols));
                }
                draft.topicMaps.push_back({entry.text, std::exp(sentence.score), sentence.heatmaps});
                for (int token = begin; token <= t; ++token) draft.tokens[std::size_t(token)].heatmaps = sentence.heatmaps;
            }
            draft.text += (draft.text.empty() ? "" : " ") + sentence.text;
            draft.sentences.push_back(std::move(sentence));
            ++sentenceIndex;
            begin = t + 1;
        }
        for (std::size_t i = 0; i < retrieval.ranking.size(); ++i) {
            const CorpusEntry& entry = corpus.at(std::size_t(retrieval.ranking[i]));
            draft.retrievedReports.push_back({entry.id, entry.text, retrieval.rankingScores[i]});
        }
        drafts.push_back(std::move(draft));
    }
    return drafts;
}

} // namespace raddraft::inference
