// CVSE (CvseModel.h): d* and α follow eq. 2–3 (checked against a direct evaluation of the
// formula), α sums to 1 over the patches of each view, the triplet loss of eq. 4 is zero when
// every positive beats its negatives by the margin, a bundle round trip drafts identically, the
// Draft carries one α map per retrieved finding (sentence heatmaps and topic maps), the group's
// members as alternatives and the ranking, and a study whose findings all miss the calibrated
// threshold is drafted as "no abnormal finding", marked as such.

#include "CvseModel.h"
#include "TestSupport.h"
#include "TorchSupport.h"
#include "inference/Bundle.h"
#include "inference/Pipeline.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <random>
#include <set>

using namespace raddraft::inference;
using raddraft::inference::testing::scratchDirectory;
using raddraft::inference::testing::tinyVocabulary;

namespace {

constexpr std::int64_t kChannels = 512; // ResNet-18
constexpr std::int64_t kTextDimension = 8;

std::vector<CorpusEntry> tinyGroups() {
    return {{"g000", "Small left pleural effusion.", {"Small left pleural effusion.", "Left pleural effusion.", "Tiny left effusion."}},
            {"g001", "Small right pleural effusion.", {"Small right pleural effusion.", "Right pleural effusion."}},
            {"g002", "Large right pneumothorax.", {"Large right pneumothorax."}},
            {"g003", "The heart is enlarged.", {"The heart is enlarged.", "Cardiomegaly."}},
            {"g004", "Pulmonary edema.", {"Pulmonary edema."}},
            {"g005", "Endotracheal tube in place.", {"Endotracheal tube in place.", "ET tube present."}}};
}

// Every word of the groups is known, so that sentence keys tell the groups apart.
std::vector<std::string> cvseVocabulary() {
    std::vector<std::string> cleaned{cleanReport("The lungs are clear. No pneumothorax.", CleaningStyle::IuXray)};
    for (const CorpusEntry& entry : tinyGroups()) {
        for (const std::string& member : entry.members) cleaned.push_back(cleanReport(member, CleaningStyle::IuXray));
    }
    return Vocabulary::build(cleaned, 1).tokens();
}

Manifest tinyManifest(std::vector<CorpusEntry> corpus) {
    Manifest manifest;
    manifest.modelType = "cvse";
    manifest.modelName = "tiny cvse";
    manifest.hyperParameters = {{"joint_dim", 16}, {"attention_dim", 8}, {"text_dim", kTextDimension}, {"text_buckets", 16},
                                {"max_length", 40}, {"max_alternatives", 1}};
    manifest.vocabulary = cvseVocabulary();
    manifest.knowledgeGraph = KnowledgeGraph::load(std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json");
    manifest.labels = manifest.knowledgeGraph->findingNames();
    manifest.preprocessing.imageSize = 64;
    manifest.corpus = std::move(corpus);
    return manifest;
}

std::unique_ptr<CvseReportModel> tinyModel(std::vector<CorpusEntry> corpus = tinyGroups(), std::uint64_t seed = 5) {
    std::unique_ptr<ReportModel> model = createModel(tinyManifest(std::move(corpus)), seed);
    std::unique_ptr<CvseReportModel> cvse(dynamic_cast<CvseReportModel*>(model.release()));
    torch::manual_seed(seed + 100);
    CvseNetwork& network = cvse->typedNetwork();
    network->setGroupEmbeddings(torch::randn({network->groupCount(), kTextDimension}));
    network->eval();
    return cvse;
}

ImageView randomView(unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> value(0.0f, 1.0f);
    ImageView view;
    view.width = view.height = 64;
    view.pixels.resize(64 * 64);
    for (float& pixel : view.pixels) pixel = value(random);
    return view;
}

StudyInput randomStudy(unsigned seed) {
    StudyInput study;
    study.frontal = randomView(seed);
    study.lateral = randomView(seed + 1);
    return study;
}

} // namespace

TEST(Cvse, ScoresFollowTheEquationsAndAttentionSumsToOnePerView) {
    auto model = tinyModel();
    CvseNetwork& network = model->typedNetwork();
    torch::NoGradGuard noGrad;
    torch::manual_seed(1);
    const std::int64_t views = 2, perView = 4; // 2 × 2 patches per view at 64 px
    const torch::Tensor patches = torch::rand({2, views * perView, kChannels});
    const torch::Tensor regions = network->embedRegions(patches);
    const torch::Tensor findings = network->embedFindings();
    EXPECT_TRUE(torch::allclose(regions.norm(2, -1), torch::ones({2, views * perView}), 1e-5, 1e-5));
    EXPECT_TRUE(torch::allclose(findings.norm(2, -1), torch::ones({6}), 1e-5, 1e-5));

    const torch::Tensor rows = torch::tensor(std::vector<std::int64_t>{0, 0, 1}), groups = torch::tensor(std::vector<std::int64_t>{0, 2, 5});
    const CvsePairScores pairs = network->scorePairs(regions, findings, views, rows, groups, true);
    ASSERT_EQ(pairs.attention.sizes(), (std::vector<std::int64_t>{3, views, perView}));
    EXPECT_TRUE(torch::allclose(pairs.attention.sum(-1), torch::ones({3, views}), 1e-5, 1e-5));

    // Eq. 2–3 evaluated directly: α̂_j = v_αᵀ tanh(W_α [m_j; v] + b_α), softmax per view,
    // d = −Σ α_j ‖m_j − v‖², d* = mean over the views.
    for (std::int64_t i = 0; i < 3; ++i) {
        const torch::Tensor m = regions[rows[i].item<std::int64_t>()];
        const torch::Tensor v = findings[groups[i].item<std::int64_t>()];
        const torch::Tensor joined = torch::cat({m, v.unsqueeze(0).expand({views * perView, v.size(0)})}, 1);
        const torch::Tensor energies = network->attention->score(torch::tanh(network->attention->project(joined))).squeeze(-1);
        double expected = 0.0;
        for (std::int64_t view = 0; view < views; ++view) {
            const torch::Tensor alpha = torch::softmax(energies.narrow(0, view * perView, perView), 0);
            const torch::Tensor distance = (m.narrow(0, view * perView, perView) - v).pow(2).sum(-1);
            expected += -(alpha * distance).sum().item<double>() / double(views);
            EXPECT_TRUE(torch::allclose(alpha, pairs.attention[i][view], 1e-5, 1e-6));
        }
        EXPECT_NEAR(pairs.scores[i].item<double>(), expected, 1e-5);
        EXPECT_LE(pairs.scores[i].item<double>(), 0.0);
        EXPECT_GE(pairs.scores[i].item<double>(), -4.0);
    }
    // Ranking every group gives the same numbers.
    const torch::Tensor all = network->scoreAll(regions, findings, views);
    ASSERT_EQ(all.sizes(), (std::vector<std::int64_t>{2, 6}));
    EXPECT_NEAR(all[0][2].item<double>(), pairs.scores[1].item<double>(), 1e-6);
    EXPECT_NEAR(all[1][5].item<double>(), pairs.scores[2].item<double>(), 1e-6);
}

TEST(Cvse, TripletLossIsZeroWhenPositivesBeatNegativesByTheMargin) {
    const torch::Tensor positive = torch::tensor({-0.5f, -1.0f}).requires_grad_(true);
    const torch::Tensor all = torch::ones({2, 2}, torch::kBool);
    // Every negative more than δ = 0.2 below its positive.
    const torch::Tensor findings = torch::tensor({{-0.75f, -0.9f}, {-1.25f, -2.0f}});
    const torch::Tensor images = torch::tensor({{-0.75f, -0.8f}, {-1.5f, -1.25f}});
    EXPECT_FLOAT_EQ(cvseTripletLoss(positive, findings, all, images, all, 0.2).item<float>(), 0.0f);

    // One negative finding only 0.1 below its positive: hinge 0.1, averaged over the 4 triplets
    // of that direction.
    const torch::Tensor closer = torch::tensor({{-0.6f, -0.9f}, {-1.25f, -2.0f}});
    const torch::Tensor loss = cvseTripletLoss(positive, closer, all, images, all, 0.2);
    EXPECT_NEAR(loss.item<float>(), 0.1f / 4.0f, 1e-6);
    loss.backward();
    EXPECT_NEAR(positive.grad()[0].item<float>(), -0.25f, 1e-6); // raising d*(a⁺, I) lowers the loss
    // The same negative masked out (not sampled) contributes nothing; the mean is over 3 triplets.
    torch::Tensor mask = all.clone();
    mask[0][0] = false;
    EXPECT_FLOAT_EQ(cvseTripletLoss(positive.detach(), closer, mask, images, all, 0.2).item<float>(), 0.0f);
}

TEST(Cvse, BundleRoundTripDraftsIdenticallyWithAMapPerRetrievedFinding) {
    const auto directory = scratchDirectory("cvse_bundle");
    auto model = tinyModel();
    saveBundle(*model, (directory / "bundle").string(), false, false);

    // Weights, buffers included, come back bit for bit.
    const std::unique_ptr<ReportModel> loaded = loadModel((directory / "bundle").string(), DeviceSelection{});
    const auto original = namedTensors(model->network());
    const auto reloaded = namedTensors(loaded->network());
    ASSERT_EQ(original.size(), reloaded.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        EXPECT_EQ(original[i].first, reloaded[i].first);
        EXPECT_TRUE(torch::equal(original[i].second, reloaded[i].second)) << original[i].first;
    }
    EXPECT_EQ(loaded->manifest().corpus.size(), 6u);

    PipelineOptions options;
    options.device = DevicePreference::Cpu;
    Pipeline first = Pipeline::load((directory / "bundle").string(), options);
    Pipeline second = Pipeline::load((directory / "bundle").string(), options);
    const Draft draft = first.run(randomStudy(3));
    const Draft again = second.run(randomStudy(3));
    EXPECT_EQ(draft.text, again.text);
    ASSERT_EQ(draft.sentences.size(), again.sentences.size());
    for (std::size_t i = 0; i < draft.sentences.size(); ++i) {
        EXPECT_EQ(draft.sentences[i].score, again.sentences[i].score);
        EXPECT_EQ(draft.sentences[i].heatmaps[0].values, again.sentences[i].heatmaps[0].values);
    }

    // Uncalibrated: the top 3 groups are reported, in ranking order, each with its α per view.
    EXPECT_EQ(draft.model.type, "cvse");
    ASSERT_EQ(draft.sentences.size(), 3u);
    ASSERT_EQ(draft.retrievedReports.size(), 5u); // ranked_groups
    ASSERT_EQ(draft.topicMaps.size(), 3u);
    std::map<std::string, CorpusEntry> groups;
    for (const CorpusEntry& entry : tinyGroups()) groups[entry.id] = entry;
    for (std::size_t i = 0; i < 3; ++i) {
        const DraftSentence& sentence = draft.sentences[i];
        const RetrievedReport& retrieved = draft.retrievedReports[i];
        EXPECT_EQ(sentence.text, groups.at(retrieved.id).text);
        EXPECT_EQ(sentence.score, retrieved.score);
        if (i > 0) {
            EXPECT_GE(draft.retrievedReports[i - 1].score, retrieved.score);
        }
        EXPECT_EQ(sentence.support.values.at("rank"), double(i + 1));
        ASSERT_EQ(sentence.heatmaps.size(), 2u);
        double mass = 0.0;
        for (const Heatmap& map : sentence.heatmaps) {
            EXPECT_EQ(map.rows, 2);
            EXPECT_EQ(map.cols, 2);
            for (float value : map.values) mass += value;
        }
        EXPECT_NEAR(mass, 1.0, 1e-5); // α/2 per view: each patch's weight in d*
        EXPECT_EQ(draft.topicMaps[i].name, sentence.text);
        EXPECT_NEAR(draft.topicMaps[i].weight, std::exp(sentence.score), 1e-9);
        EXPECT_EQ(draft.topicMaps[i].heatmaps[0].values, sentence.heatmaps[0].values);
        // Alternatives: the other members, at most max_alternatives (1).
        const std::vector<std::string>& members = groups.at(retrieved.id).members;
        if (members.size() > 1) {
            EXPECT_EQ(sentence.alternatives, (std::vector<std::string>{members[1]}));
        } else {
            EXPECT_TRUE(sentence.alternatives.empty());
        }
        // The sentence's tokens carry its map too.
        EXPECT_LT(sentence.tokenBegin, sentence.tokenEnd);
        EXPECT_EQ(draft.tokens[std::size_t(sentence.tokenBegin)].heatmaps[1].values, sentence.heatmaps[1].values);
    }
    EXPECT_EQ(draft.findings.size(), 20u); // the tag head, as the baseline
    std::filesystem::remove_all(directory);
}

TEST(Cvse, DistinctFindingsPassOverRewordingsOfAReportedFinding) {
    // Two wordings of cardiomegaly (k-means' paraphrase split, one hedged), left effusion twice,
    // right effusion once, a side-less effusion, and two tubes (devices are never merged).
    const std::vector<CorpusEntry> corpus = {{"g000", "The heart is enlarged.", {"The heart is enlarged."}},
                                             {"g001", "Possible cardiomegaly.", {"Possible cardiomegaly."}},
                                             {"g002", "Small left pleural effusion.", {"Small left pleural effusion."}},
                                             {"g003", "Small right pleural effusion.", {"Small right pleural effusion."}},
                                             {"g004", "Left pleural effusion.", {"Left pleural effusion."}},
                                             {"g005", "Endotracheal tube in place.", {"Endotracheal tube in place."}},
                                             {"g006", "ET tube present.", {"ET tube present."}},
                                             {"g007", "Pleural effusion.", {"Pleural effusion."}}};
    const auto modelWith = [&](bool distinct) {
        Manifest manifest = tinyManifest(corpus);
        manifest.hyperParameters["ranked_groups"] = 8;
        manifest.hyperParameters["distinct_findings"] = distinct;
        std::unique_ptr<ReportModel> model = createModel(manifest, 5);
        return std::unique_ptr<CvseReportModel>(dynamic_cast<CvseReportModel*>(model.release()));
    };
    auto distinct = modelWith(true);
    auto paper = modelWith(false);
    EXPECT_EQ(distinct->findingKey(0), "Cardiomegaly");
    EXPECT_EQ(distinct->findingKey(1), "Cardiomegaly");
    EXPECT_EQ(distinct->findingKey(2), "Pleural Effusion|left");
    EXPECT_EQ(distinct->findingKey(3), "Pleural Effusion|right");
    EXPECT_EQ(distinct->findingKey(4), "Pleural Effusion|left");
    EXPECT_EQ(distinct->findingKey(5), "");
    EXPECT_EQ(distinct->findingKey(6), "");
    EXPECT_EQ(distinct->findingKey(7), "Pleural Effusion");

    // The same weights in both; g001's embedding equals g000's, so the two always rank side by side.
    torch::NoGradGuard noGrad;
    torch::manual_seed(105);
    torch::Tensor groups = torch::randn({8, kTextDimension});
    groups[1].copy_(groups[0]);
    distinct->typedNetwork()->setGroupEmbeddings(groups);
    const auto source = distinct->network().named_parameters();
    for (auto& target : paper->network().named_parameters()) target.value().copy_(source[target.key()]);
    paper->typedNetwork()->setGroupEmbeddings(groups);
    distinct->network().eval();
    paper->network().eval();

    VisualFeatures features;
    features.patches = torch::rand({64, 8, kChannels});
    features.views = 2;
    const std::vector<CvseRetrieval> withRule = distinct->retrieve(features, false);
    const std::vector<CvseRetrieval> paperTopK = paper->retrieve(features, false);
    int merged = 0;
    for (std::size_t b = 0; b < withRule.size(); ++b) {
        const std::vector<std::int64_t>& ranking = paperTopK[b].ranking;
        ASSERT_EQ(ranking, withRule[b].ranking) << b; // the rule changes what is reported, not the ranking
        EXPECT_EQ(paperTopK[b].reported, std::vector<std::int64_t>(ranking.begin(), ranking.begin() + 3)) << b;
        // Effusions: left and right stand together; the side-less one covers both sides.
        std::vector<std::int64_t> expected;
        std::set<std::string> stated;
        for (std::int64_t group : ranking) {
            const std::string& key = distinct->findingKey(group);
            const bool effusion = key.rfind("Pleural Effusion", 0) == 0;
            const bool again = key.empty() ? false
                               : effusion  ? stated.count(key) > 0 || stated.count("Pleural Effusion") > 0 ||
                                               (key == "Pleural Effusion" && (stated.count("Pleural Effusion|left") > 0 ||
                                                                              stated.count("Pleural Effusion|right") > 0))
                                           : stated.count(key) > 0;
            if (expected.size() < 3 && !again) {
                expected.push_back(group);
                if (!key.empty()) stated.insert(key);
            }
        }
        EXPECT_EQ(withRule[b].reported, expected) << b;
        if (withRule[b].reported != paperTopK[b].reported) ++merged;
    }
    EXPECT_GT(merged, 0); // some study had two wordings of one finding in its top 3

    // The Draft's sentences carry their group's own d* and place in the ranking, also when the
    // rule passed over groups before them.
    const auto directory = scratchDirectory("cvse_distinct");
    saveBundle(*distinct, (directory / "bundle").string(), false, false);
    PipelineOptions options;
    options.device = DevicePreference::Cpu;
    Pipeline pipeline = Pipeline::load((directory / "bundle").string(), options);
    int passedOver = 0;
    for (unsigned seed = 0; seed < 40; ++seed) {
        const Draft draft = pipeline.run(randomStudy(seed));
        std::map<std::string, std::pair<double, double>> ranked; // text → (rank, d*)
        for (std::size_t i = 0; i < draft.retrievedReports.size(); ++i) {
            ranked.emplace(draft.retrievedReports[i].text, std::make_pair(double(i + 1), draft.retrievedReports[i].score));
        }
        for (std::size_t i = 0; i < draft.sentences.size(); ++i) {
            const DraftSentence& sentence = draft.sentences[i];
            ASSERT_TRUE(ranked.count(sentence.text)) << sentence.text;
            EXPECT_EQ(sentence.support.values.at("rank"), ranked.at(sentence.text).first) << sentence.text;
            EXPECT_EQ(sentence.score, ranked.at(sentence.text).second) << sentence.text;
            if (sentence.support.values.at("rank") > double(i + 1)) ++passedOver;
        }
    }
    EXPECT_GT(passedOver, 0);
    std::filesystem::remove_all(directory);
}

TEST(Cvse, NoGroupClearingTheThresholdDraftsTheNormalSentence) {
    const auto directory = scratchDirectory("cvse_normal");
    auto model = tinyModel();
    model->typedNetwork()->setScoreThreshold(0.5); // above every d* (≤ 0)
    saveBundle(*model, (directory / "calibrated").string(), false, false);
    PipelineOptions options;
    options.device = DevicePreference::Cpu;
    const Draft draft = Pipeline::load((directory / "calibrated").string(), options).run(randomStudy(5));
    ASSERT_EQ(draft.sentences.size(), 1u);
    EXPECT_EQ(draft.text, kNoAbnormalFindingSentence);
    EXPECT_EQ(draft.sentences[0].support.values.at("no_abnormal_finding_retrieved"), 1.0);
    EXPECT_EQ(draft.sentences[0].support.values.at("threshold"), 0.5);
    EXPECT_LT(draft.sentences[0].support.values.at("best_score"), 0.5);
    EXPECT_TRUE(draft.sentences[0].heatmaps.empty());
    EXPECT_TRUE(draft.topicMaps.empty());
    EXPECT_EQ(draft.retrievedReports.size(), 5u); // the nearest groups stay available to the reader

    // A random bundle has no groups at all: the same, with nothing ranked.
    BundleSpec spec;
    spec.modelType = "cvse";
    spec.hyperParametersJson = R"({"joint_dim": 16, "attention_dim": 8, "text_dim": 8, "text_buckets": 16})";
    spec.vocabulary = tinyVocabulary();
    spec.knowledgeGraphFile = std::string(RADDRAFT_SOURCE_DIR) + "/resources/knowledge_graph/chest.json";
    spec.imageSize = 64;
    createRandomBundle(spec, (directory / "random").string());
    const Draft empty = Pipeline::load((directory / "random").string(), options).run(randomStudy(5));
    EXPECT_EQ(empty.text, kNoAbnormalFindingSentence);
    EXPECT_TRUE(empty.retrievedReports.empty());
    std::filesystem::remove_all(directory);
}

TEST(Cvse, SentencesGoToTheirGroups) {
    auto model = tinyModel();
    CvseNetwork& network = model->typedNetwork();
    const auto sentences = reportSentences("Right pleural effusion. The lungs are clear. Small left effusion.", CleaningStyle::IuXray);
    ASSERT_EQ(sentences.size(), 3u);
    {
        torch::NoGradGuard noGrad;
        network->sentenceClassifier->classifier->weight.zero_();
        network->sentenceClassifier->classifier->bias.fill_(-10.0); // everything unseen is normal
    }
    // A member (same key) belongs to its group whatever the classifier says.
    EXPECT_EQ(model->groupsOfSentences(sentences), (std::vector<int>{1, -1, -1}));
    {
        torch::NoGradGuard noGrad;
        network->sentenceClassifier->classifier->bias.fill_(10.0); // everything unseen is abnormal
    }
    const std::vector<int> groups = model->groupsOfSentences(sentences);
    EXPECT_EQ(groups[0], 1);
    EXPECT_GE(groups[1], 0);
    EXPECT_EQ(groups[2], 0); // "left" and "small": the only group with that exclusivity vector
    EXPECT_EQ(model->groupId(groups[2]), "g000");
}
