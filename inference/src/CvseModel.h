#pragma once
// Model type "cvse": Conditional Visual-Semantic Embeddings (Ni, Hsu, Gentili & McAuley 2020,
// "Learning Visual-Semantic Embeddings for Reporting Abnormal Findings on Chest X-rays"). Instead
// of generating text, the model retrieves the study's abnormal findings from the finding groups
// of the training reports (FindingGroups.h; the bundle's corpus holds each group's representative
// and members), each with an attention map per view.
//
//   m_j = norm(visual_projection(patch_j))       v = norm(finding_projection(e_a))
//   α̂_j = v_αᵀ tanh(W_α [m_j; v] + b_α),  α = softmax(α̂) over the patches j of one view     (eq. 2)
//   d(a, I) = −Σ_j α_j ‖m_j − v‖²,  d*(a, I) = mean of d over the views                      (eq. 3)
//   L = Σ [d*(a⁻, I) − d*(a⁺, I) + δ]₊ + Σ [d*(a, I⁻) − d*(a, I⁺) + δ]₊                       (eq. 4)
// e_a is group a's embedding (the mean of its members' text-encoder embeddings, buffer
// group_embeddings), W_α/b_α is attention.project, v_α attention.score. Inference ranks every
// group by d*, reports the top_k whose d* clears the threshold calibrated on the validation split
// (buffer score_threshold) and, when none does, the fixed normal_sentence, marked as such.
// Our addition (distinct_findings, not in the paper): k-means splits one finding's paraphrases
// into several groups, so the paper's plain top_k often reports one finding three times; with
// distinct_findings a group whose representative states the same observations (positive or
// hedged, by the report labeler) as a group already reported is passed over, unless the two are a
// left and a right statement (a side-less or bilateral statement covers both sides); the next
// ranked group (up to ranked_groups deep) may take its place. Devices are never merged (two
// lines or tubes are two findings). distinct_findings false is the paper's top_k.
//
// The sentence classifier (normal vs abnormal finding) and the text encoder (sent2vec-style:
// mean of word and hashed-bigram embeddings) are trained by the trainer before the report stage
// (CvseTrainer.cpp) and travel in the bundle, so that the same classifier and groups define the
// truth of any report (groupsOfSentences) for the evaluation (docs/MODELS.md § CVSE).
//
// Hyper-parameters (manifest "hyperparameters", defaults in brackets):
//   visual_extractor ["resnet18"]  joint_dim [256] (the paper's d)  attention_dim [256]
//   text_dim [128]  text_buckets [2048] (hashed word bigrams)  groups [40] (k-means k)
//   grouping_seed [7] (text encoder, classifier, k-means, negative sampling)
//   kmeans_iterations [100]  exclusivity_eps [0.5]  exclusivity_min_points [1]
//   text_epochs [20]  classifier_epochs [20]  negatives [8]  margin [0.2]  top_k [3]
//   ranked_groups [5] (groups listed in the Draft's retrieved_reports)  max_alternatives [10]
//   max_length [60]  normal_sentence ["No acute cardiopulmonary abnormality."]  tag_threshold [0.5]
//   distinct_findings [true]
// Weights: "visual_extractor.*" and "tag_head.*" named as the transformer's (pretrain.
// initialize_from copies them), "text_encoder.embeddings.weight", "sentence_classifier.*",
// "visual_projection.*", "finding_projection.*", "attention.project.*", "attention.score.weight",
// buffers "group_embeddings" (groups × text_dim) and "score_threshold" (1).

#include "FindingSentences.h"
#include "GraphHeads.h"
#include "ReportModel.h"
#include "VisualExtractor.h"

#include <map>
#include <optional>

namespace raddraft::inference {

/// The threshold of a model that was never calibrated: below every d* (which lies in [−4, 0] for
/// unit vectors), so the top_k are always reported.
constexpr double kUncalibratedScoreThreshold = -5.0;

struct CvseOptions {
    VisualExtractorOptions extractor;
    std::int64_t labels = 0;           ///< tag-head labels (0: no tag head)
    std::int64_t vocabularySize = 0;   ///< tokens of the vocabulary (ids 1..size)
    std::int64_t textDimension = 128;  ///< sentence embedding size
    std::int64_t textBuckets = 2048;   ///< hashed bigram rows of the text embeddings
    std::int64_t jointDimension = 256; ///< the joint embedding space (the paper's d)
    std::int64_t attentionDimension = 256;
    std::int64_t groups = 0;           ///< rows of group_embeddings (the corpus size)
};

/// The bag of a sentence for the text embeddings: its token ids (1..vocabularySize) followed by
/// one row per adjacent pair, vocabularySize + 1 + hash(pair) mod buckets (fastText's bigrams).
std::vector<std::int64_t> sentenceBag(const std::vector<std::int64_t>& tokenIds, std::int64_t vocabularySize,
                                      std::int64_t buckets);

/// Mean of the embeddings of each sentence's bag (torch EmbeddingBag, mode mean): the sentence
/// embedding the finding groups are built from and CVSE's e_a.
class TextEncoderImpl : public torch::nn::Module {
public:
    TextEncoderImpl(std::int64_t rows, std::int64_t dimension);
    /// bags (as sentenceBag) → (N, dimension); an empty bag embeds as zeros.
    torch::Tensor forward(const std::vector<std::vector<std::int64_t>>& bags);
    torch::nn::EmbeddingBag embeddings{nullptr};
};
TORCH_MODULE(TextEncoder);

/// Normal vs abnormal finding: the logit of "abnormal" from a linear layer over the sentence's
/// own bag embedding (the trainer starts it from the text encoder and fine-tunes both, as the
/// paper fine-tunes a pre-trained sentence encoder).
class SentenceClassifierImpl : public torch::nn::Module {
public:
    SentenceClassifierImpl(std::int64_t rows, std::int64_t dimension);
    torch::Tensor forward(const std::vector<std::vector<std::int64_t>>& bags); ///< (N) logits
    torch::nn::EmbeddingBag embeddings{nullptr};
    torch::nn::Linear classifier{nullptr};
};
TORCH_MODULE(SentenceClassifier);

/// α̂ = v_αᵀ tanh(W_α [m; v] + b_α). W_α is split into its region and finding halves so that the
/// region half is computed once per image and the finding half once per group.
class ConditionalAttentionImpl : public torch::nn::Module {
public:
    ConditionalAttentionImpl(std::int64_t jointDimension, std::int64_t attentionDimension);
    torch::Tensor regionKeys(const torch::Tensor& regions);   ///< (..., d) → W_α,m · m (..., A)
    torch::Tensor findingKeys(const torch::Tensor& findings); ///< (..., d) → W_α,v · v + b_α (..., A)
    /// tanh(regionKeys + findingKeys) · v_α → (...) unnormalised scores.
    torch::Tensor logits(const torch::Tensor& regionKeys, const torch::Tensor& findingKeys);
    torch::nn::Linear project{nullptr}; ///< W_α, b_α over [m; v] (2d → A)
    torch::nn::Linear score{nullptr};   ///< v_α (A → 1, no bias)
private:
    std::int64_t m_jointDimension;
};
TORCH_MODULE(ConditionalAttention);

/// d* of chosen (image, group) pairs, with α when asked.
struct CvsePairScores {
    torch::Tensor scores;    ///< (N) d*
    torch::Tensor attention; ///< (N, V, h·w) α per view (each view sums to 1); undefined unless asked
};

class CvseNetworkImpl : public torch::nn::Module {
public:
    explicit CvseNetworkImpl(const CvseOptions& options);

    /// m_j of every patch: features.patches (B, V·h·w, C) → (B, V·h·w, d), unit length.
    torch::Tensor embedRegions(const torch::Tensor& patches);
    /// v of every group → (G, d), unit length.
    torch::Tensor embedFindings();
    /// d* of the pairs (regions[rows[i]], findings[groups[i]]); regions (B, V·h·w, d) with `views`
    /// views, findings (G, d). Chunked over pairs so that memory stays bounded.
    CvsePairScores scorePairs(const torch::Tensor& regions, const torch::Tensor& findings, std::int64_t views,
                              const torch::Tensor& rows, const torch::Tensor& groups, bool withAttention);
    /// d* of every image with every group → (B, G).
    torch::Tensor scoreAll(const torch::Tensor& regions, const torch::Tensor& findings, std::int64_t views);

    std::int64_t groupCount() const { return m_groupEmbeddings.size(0); }
    const torch::Tensor& groupEmbeddings() const { return m_groupEmbeddings; }
    /// Replaces group_embeddings in place (rows = groupCount()).
    void setGroupEmbeddings(const torch::Tensor& embeddings);
    /// Resizes group_embeddings to `groups` rows of zeros.
    void resizeGroups(std::int64_t groups);
    double scoreThreshold() const;
    void setScoreThreshold(double threshold);
    const CvseOptions& options() const { return m_options; }

    VisualExtractor visualExtractor{nullptr};
    TagHead tagHead{nullptr}; ///< null when there are no labels
    TextEncoder textEncoder{nullptr};
    SentenceClassifier sentenceClassifier{nullptr};
    torch::nn::Linear visualProjection{nullptr};
    torch::nn::Linear findingProjection{nullptr};
    ConditionalAttention attention{nullptr};

private:
    CvseOptions m_options;
    torch::Tensor m_groupEmbeddings; ///< (G, text_dim) e_a
    torch::Tensor m_scoreThreshold;  ///< (1)
};
TORCH_MODULE(CvseNetwork);

/// The triplet ranking loss of eq. 4 with hinge margin δ, averaged over the valid triplets of each
/// direction and summed over the two directions (the authors' code). positive (N): d*(a⁺, I⁺);
/// negativeFindings (N, K): d*(a⁻, I⁺); negativeImages (N, K): d*(a⁺, I⁻); the masks (N, K) bool
/// mark sampled negatives (a row may have fewer than K). A direction without any triplet adds 0.
torch::Tensor cvseTripletLoss(const torch::Tensor& positive, const torch::Tensor& negativeFindings,
                              const torch::Tensor& negativeFindingMask, const torch::Tensor& negativeImages,
                              const torch::Tensor& negativeImageMask, double margin);

/// One study's retrieval.
struct CvseRetrieval {
    std::vector<std::int64_t> ranking;  ///< the best ranked_groups groups, best first
    std::vector<double> rankingScores;  ///< their d*
    /// Up to top_k groups of the ranking whose d* ≥ the threshold, best first: the leading top_k,
    /// or with distinct_findings the first top_k that state distinct findings
    std::vector<std::int64_t> reported;
    torch::Tensor attention;            ///< (reported, V, h·w) α (CPU float); undefined when not asked or none
    double threshold = kUncalibratedScoreThreshold;
};

class CvseReportModel : public ReportModel {
public:
    explicit CvseReportModel(const Manifest& manifest);

    torch::nn::Module& network() override { return *m_network; }
    VisualFeatures extractFeatures(const torch::Tensor& images) override;
    std::vector<Draft> generate(const GenerationRequest& request) override;

    CvseNetwork& typedNetwork() { return m_network; }

    /// Ranks the groups for every study of `features` (eval mode and no autograd are the caller's).
    std::vector<CvseRetrieval> retrieve(const VisualFeatures& features, bool withAttention);
    /// The token ids of what a retrieval reports: the reported groups' representatives, each
    /// followed by "."; the normal sentence when none is reported. Capped at max_length.
    std::vector<std::int64_t> reportTokens(const CvseRetrieval& retrieval) const;

    /// Sentence bags for the text embeddings.
    std::vector<std::vector<std::int64_t>> bagsOf(const std::vector<FindingSentence>& sentences) const;
    /// The group of every sentence, or −1 for a normal sentence: a member of a group (same key)
    /// belongs to it; another sentence the classifier calls abnormal (p ≥ 0.5) goes to
    /// nearestFindingGroup by its text embedding and exclusivity vector. No autograd.
    std::vector<int> groupsOfSentences(const std::vector<FindingSentence>& sentences);
    /// P(abnormal) of every sentence from the sentence classifier.
    std::vector<float> abnormalProbabilities(const std::vector<FindingSentence>& sentences);

    /// "g000", "g001", ... : the corpus id of group `index`.
    const std::string& groupId(std::int64_t index) const;
    /// What group `index` states, for distinct_findings: its representative's positive or hedged
    /// observations (the report labeler) and side, e.g. "Cardiomegaly" or "Pleural Effusion|left";
    /// empty when it states none or a device (never merged).
    const std::string& findingKey(std::int64_t index) const { return m_findingKeys.at(std::size_t(index)); }

protected:
    void corpusChanged() override;

private:
    void indexCorpus();

    CvseNetwork m_network{nullptr};
    CleaningStyle m_cleaning = CleaningStyle::IuXray;
    std::map<std::string, std::int64_t> m_groupOfKey;           ///< member key → group
    std::vector<std::vector<std::int64_t>> m_representativeIds; ///< token ids per group
    std::vector<std::vector<int>> m_groupExclusivity;           ///< exclusivity vector per group
    std::vector<std::string> m_findingKeys;                     ///< findingKey per group
};

/// The type's defaults as JSON (also registered in the ModelRegistry).
nlohmann::json cvseDefaultHyperParameters();

} // namespace raddraft::inference
