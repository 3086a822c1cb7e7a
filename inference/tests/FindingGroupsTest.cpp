// CVSE's sentence units and finding groups (FindingSentences.h, FindingGroups.h): k-means is
// deterministic for a seed and finds separated clusters, DBSCAN labels as the algorithm says, and
// the mutual-exclusivity split separates left from right inside one k-means cluster (the paper's
// own example, appendix A.1).

#include "FindingGroups.h"
#include "FindingSentences.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

using namespace raddraft::inference;

namespace {

// Three well-separated blobs of 20 points in 4 dimensions.
std::vector<std::vector<float>> blobs(std::uint64_t seed) {
    std::mt19937 random(static_cast<unsigned>(seed));
    std::normal_distribution<float> noise(0.0f, 0.05f);
    const std::vector<std::vector<float>> centres = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 1}};
    std::vector<std::vector<float>> points;
    for (int i = 0; i < 60; ++i) {
        std::vector<float> point = centres[std::size_t(i % 3)];
        for (float& value : point) value += noise(random);
        points.push_back(point);
    }
    return points;
}

std::vector<std::string> words(const std::string& sentence) {
    std::vector<std::string> result;
    for (const FindingSentence& unit : reportSentences(sentence, CleaningStyle::IuXray)) {
        result.insert(result.end(), unit.words.begin(), unit.words.end());
    }
    return result;
}

} // namespace

TEST(FindingGroups, KMeansIsDeterministicForASeed) {
    const auto points = blobs(3);
    KMeansOptions options;
    options.clusters = 3;
    options.seed = 11;
    const KMeansResult first = kMeans(points, options);
    const KMeansResult second = kMeans(points, options);
    EXPECT_EQ(first.assignment, second.assignment);
    EXPECT_EQ(first.centroids, second.centroids); // bit for bit
    EXPECT_EQ(first.iterations, second.iterations);
    // The blobs are found: points i and i + 3 share a cluster, neighbours do not.
    for (std::size_t i = 0; i + 3 < points.size(); ++i) EXPECT_EQ(first.assignment[i], first.assignment[i + 3]);
    EXPECT_EQ(std::set<int>(first.assignment.begin(), first.assignment.end()).size(), 3u);
    // Another seed may number the clusters differently but finds the same partition.
    options.seed = 12;
    const KMeansResult other = kMeans(points, options);
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        EXPECT_EQ(first.assignment[i] == first.assignment[i + 1], other.assignment[i] == other.assignment[i + 1]);
    }
}

TEST(FindingGroups, KMeansClampsToDistinctPointsAndRejectsRaggedInput) {
    const std::vector<std::vector<float>> points = {{0, 0}, {0, 0}, {1, 1}, {1, 1}};
    KMeansOptions options;
    options.clusters = 5;
    const KMeansResult result = kMeans(points, options);
    EXPECT_EQ(result.centroids.size(), 2u);
    EXPECT_EQ(result.assignment[0], result.assignment[1]);
    EXPECT_NE(result.assignment[0], result.assignment[2]);
    EXPECT_TRUE(kMeans({}, options).assignment.empty());
    EXPECT_THROW(kMeans({{0, 0}, {1}}, options), std::invalid_argument);
}

TEST(FindingGroups, DbscanCoreBorderAndNoise) {
    // A chain 0—1—2 (spacing 1), an isolated point 3, a pair 4—5.
    const std::vector<std::vector<float>> points = {{0}, {1}, {2}, {10}, {20}, {20.5f}};
    EXPECT_EQ(dbscan(points, 1.0, 1), (std::vector<int>{0, 0, 0, 1, 2, 2}));
    // minPoints 3: only point 1 is core (it has 0, 1, 2); 0 and 2 are its border; the rest noise.
    EXPECT_EQ(dbscan(points, 1.0, 3), (std::vector<int>{0, 0, 0, -1, -1, -1}));
    // eps below every spacing: each point alone.
    EXPECT_EQ(dbscan(points, 0.1, 1), (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(FindingGroups, ExclusivityVectorMatchesStemsOfTheSixSets) {
    ASSERT_EQ(exclusiveTermNames().size(), std::size_t(kExclusiveTermCount));
    const auto has = [](const std::vector<int>& vector, const std::string& term) {
        const auto& names = exclusiveTermNames();
        return vector[std::size_t(std::find(names.begin(), names.end(), term) - names.begin())] == 1;
    };
    const std::vector<int> atelectasis = exclusivityVector(words("Left lower lobe atelectasis."));
    EXPECT_TRUE(has(atelectasis, "left"));
    EXPECT_TRUE(has(atelectasis, "low"));
    EXPECT_FALSE(has(atelectasis, "right"));
    const std::vector<int> heart = exclusivityVector(words("The heart is mildly enlarged, worsened since the prior."));
    EXPECT_TRUE(has(heart, "mild"));
    EXPECT_TRUE(has(heart, "increase"));
    EXPECT_TRUE(has(heart, "worsen"));
    EXPECT_FALSE(has(exclusivityVector(words("Several calcified granulomas.")), "severe"));
    EXPECT_TRUE(has(exclusivityVector(words("Bilaterally increased opacities, greater on the right.")), "large"));
    EXPECT_EQ(exclusivityVector(words("Cardiomegaly.")), std::vector<int>(kExclusiveTermCount, 0));
}

TEST(FindingGroups, ExclusivitySplitSeparatesLeftFromRight) {
    // The paper's example: six "volume loss" sentences that a sentence embedding puts together.
    // Their embeddings here are nearly identical, so k-means (k = 1) keeps them in one cluster;
    // the exclusivity split must then separate the right-sided from the left-sided ones.
    const std::vector<std::string> sentences = {
        "Continued right lung volume loss.",          "There is right lung volume loss again noted.",
        "Right lung volume loss is again noted.",     "There is volume loss of the left upper lung.",
        "Left upper lobectomy changes including left lung volume loss.", "Left upper lobe volume loss is present.",
    };
    GroupingInput input;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        input.words.push_back(words(sentences[i]));
        input.embeddings.push_back({1.0f, 0.01f * float(i)});
        input.counts.push_back(std::vector<long>{2, 5, 1, 1, 2, 3}[i]);
    }
    FindingGroupOptions options;
    options.kMeans.clusters = 1;
    const std::vector<FindingGroup> groups = buildFindingGroups(input, options);
    ASSERT_EQ(groups.size(), 2u);
    // Ordered by total count: right (2 + 5 + 1 = 8), then left (1 + 2 + 3 = 6); members by count.
    EXPECT_EQ(groups[0].members, (std::vector<std::size_t>{1, 0, 2}));
    EXPECT_EQ(groups[0].representative, 1u); // the most frequent wording
    EXPECT_EQ(groups[0].count, 8);
    EXPECT_EQ(groups[1].members, (std::vector<std::size_t>{5, 4, 3}));
    EXPECT_EQ(groups[1].representative, 5u);
    EXPECT_EQ(groups[0].cluster, groups[1].cluster);
    // Centroid = the members' mean.
    EXPECT_NEAR(groups[0].centroid[1], 0.01, 1e-6);
    EXPECT_NEAR(groups[1].centroid[1], 0.04, 1e-6);
    // Without the split (eps large enough to chain every vector) they stay one group.
    options.exclusivityEps = 10.0;
    EXPECT_EQ(buildFindingGroups(input, options).size(), 1u);
    // A new sentence goes to the group with its exclusivity vector even when another centroid is nearer.
    std::vector<std::vector<float>> centroids;
    std::vector<std::vector<int>> exclusivity;
    for (const FindingGroup& group : groups) {
        centroids.push_back(group.centroid);
        exclusivity.push_back(group.exclusivity);
    }
    EXPECT_EQ(nearestFindingGroup({1.0f, 0.0f}, exclusivityVector(words("Left upper lung volume loss.")), centroids, exclusivity), 1);
    EXPECT_EQ(nearestFindingGroup({1.0f, 0.06f}, exclusivityVector(words("Right lung volume loss.")), centroids, exclusivity), 0);
    // No group with the vector: the nearest of all.
    EXPECT_EQ(nearestFindingGroup({1.0f, 0.0f}, exclusivityVector(words("Bilateral volume loss.")), centroids, exclusivity), 0);
    EXPECT_EQ(nearestFindingGroup({1.0f, 0.0f}, {}, {}, {}), -1);
}

TEST(FindingGroups, SentencesKeysAndTokensAgree) {
    const Vocabulary vocabulary({".", "<unk>", "effusion", "left", "pleural", "small"});
    const std::vector<FindingSentence> fromText =
        reportSentences("Small left pleural effusion. Tiny left pleural effusion.", CleaningStyle::IuXray);
    ASSERT_EQ(fromText.size(), 2u);
    EXPECT_EQ(fromText[0].text, "Small left pleural effusion.");
    EXPECT_EQ(fromText[0].words, (std::vector<std::string>{"small", "left", "pleural", "effusion"}));
    EXPECT_EQ(sentenceKey(fromText[1].words, vocabulary), "<unk> left pleural effusion");
    // The same sentences read back from token ids (unknown word as <unk>) have the same keys.
    std::vector<std::int64_t> ids;
    for (const FindingSentence& sentence : fromText) {
        for (std::int64_t id : sentenceTokenIds(sentence.words, vocabulary)) ids.push_back(id);
        ids.push_back(vocabulary.idOf("."));
    }
    const std::vector<FindingSentence> fromIds = tokenSentences(ids, vocabulary);
    ASSERT_EQ(fromIds.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) EXPECT_EQ(sentenceKey(fromIds[i].words, vocabulary), sentenceKey(fromText[i].words, vocabulary));
    EXPECT_EQ(fromIds[1].text, "Left pleural effusion."); // <unk> is not shown
}
