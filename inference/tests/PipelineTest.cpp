#include "TestSupport.h"
#include "inference/Draft.h"
#include "inference/Pipeline.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <thread>

using namespace raddraft::inference;
using namespace raddraft::inference::testing;
namespace fs = std::filesystem;

namespace {

// A synthetic radiograph: dark lungs, bright mediastinum and a seed-dependent blob.
ImageView syntheticView(int width, int height, int seed) {
    ImageView view;
    view.width = width;
    view.height = height;
    view.pixels.resize(std::size_t(width) * std::size_t(height));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const double u = double(x) / width - 0.5;
            const double v = double(y) / height - 0.5;
            double value = 0.3 + 0.5 * std::exp(-u * u / 0.01) + 0.1 * std::sin(seed + 20 * v);
            value += 0.4 * std::exp(-((u - 0.2) * (u - 0.2) + (v - 0.1 * seed) * (v - 0.1 * seed)) / 0.005);
            view.pixels[std::size_t(y) * std::size_t(width) + std::size_t(x)] = float(std::min(1.0, std::max(0.0, value)));
        }
    }
    return view;
}

StudyInput twoViewStudy(int seed) {
    StudyInput study;
    study.frontal = syntheticView(150, 130, seed);
    study.lateral = syntheticView(120, 140, seed + 1);
    return study;
}

class PipelineTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        root = scratchDirectory("pipeline");
        createRandomBundle(tinyBundleSpec(), (root / "tiny").string());
    }
    static void TearDownTestSuite() { fs::remove_all(root); }
    static Pipeline load(PipelineOptions options = {}) {
        options.device = DevicePreference::Cpu;
        return Pipeline::load((root / "tiny").string(), options);
    }
    static inline fs::path root;
};

void expectConsistent(const Draft& draft, const std::vector<std::string>& views, int grid) {
    EXPECT_EQ(draft.views, views);
    ASSERT_LE(draft.tokens.size(), 12u);
    for (const DraftToken& token : draft.tokens) {
        EXPECT_FALSE(token.text.empty());
        EXPECT_LE(token.logProbability, 0.0);
        ASSERT_EQ(token.heatmaps.size(), views.size());
        double mass = 0.0;
        for (std::size_t v = 0; v < views.size(); ++v) {
            EXPECT_EQ(token.heatmaps[v].view, views[v]);
            EXPECT_EQ(token.heatmaps[v].rows, grid);
            EXPECT_EQ(token.heatmaps[v].values.size(), std::size_t(grid * grid));
            for (float value : token.heatmaps[v].values) mass += value;
        }
        EXPECT_NEAR(mass, 1.0, 1e-4); // attention over all patches of all views
    }
    std::string joined;
    int previousEnd = 0;
    for (const DraftSentence& sentence : draft.sentences) {
        EXPECT_GE(sentence.tokenBegin, previousEnd);
        EXPECT_GT(sentence.tokenEnd, sentence.tokenBegin);
        EXPECT_LE(sentence.tokenEnd, int(draft.tokens.size()));
        EXPECT_EQ(sentence.text.back(), '.');
        EXPECT_EQ(sentence.heatmaps.size(), views.size());
        previousEnd = sentence.tokenEnd;
        joined += (joined.empty() ? "" : " ") + sentence.text;
    }
    EXPECT_EQ(draft.text, joined);
    ASSERT_EQ(draft.findings.size(), 20u);
    for (const Finding& finding : draft.findings) {
        EXPECT_GE(finding.probability, 0.0);
        EXPECT_LE(finding.probability, 1.0);
        EXPECT_EQ(finding.present, finding.probability >= 0.5);
        if (finding.heatmaps.empty()) continue; // no positive evidence for this label
        ASSERT_EQ(finding.heatmaps.size(), views.size());
        double mass = 0.0;
        for (const Heatmap& heatmap : finding.heatmaps) {
            EXPECT_EQ(heatmap.values.size(), std::size_t(grid * grid));
            for (float value : heatmap.values) {
                EXPECT_GE(value, 0.0f);
                mass += value;
            }
        }
        EXPECT_NEAR(mass, 1.0, 1e-4); // the class activation map is normalised over all views
    }
    std::size_t findingsWithMaps = 0;
    for (const Finding& finding : draft.findings) findingsWithMaps += finding.heatmaps.empty() ? 0 : 1;
    EXPECT_GT(findingsWithMaps, 0u); // random weights give some label positive evidence
    EXPECT_EQ(draft.graphNodes.size(), 21u);
    EXPECT_EQ(draft.graphEdges.size(), 72u);
    std::set<std::string> stages;
    for (const StageTiming& timing : draft.timings) {
        stages.insert(timing.stage);
        EXPECT_GE(timing.milliseconds, 0.0);
    }
    EXPECT_EQ(stages, (std::set<std::string>{"preprocess", "extractor", "encoder", "decode"}));
    EXPECT_EQ(draft.model.type, "transformer");
    EXPECT_EQ(draft.model.device, "cpu");
    EXPECT_EQ(draft.model.bundleHash.size(), 64u);
}

std::string withoutTimings(Draft draft) {
    draft.timings.clear();
    return draftToJson(draft);
}

} // namespace

TEST_F(PipelineTest, EndToEndTwoViewsOneViewAndJson) {
    Pipeline pipeline = load();
    EXPECT_EQ(pipeline.views(), (std::vector<std::string>{"frontal", "lateral"}));
    std::vector<std::string> stages;
    RunOptions options;
    options.progress = [&](const std::string& stage, double) {
        if (stages.empty() || stages.back() != stage) stages.push_back(stage);
    };
    const Draft draft = pipeline.run(twoViewStudy(1), options);
    expectConsistent(draft, {"frontal", "lateral"}, 2);
    EXPECT_EQ(stages, (std::vector<std::string>{"preprocess", "extractor", "encoder", "decode", "done"}));

    StudyInput lateralOnly;
    lateralOnly.lateral = syntheticView(100, 100, 3);
    expectConsistent(pipeline.run(lateralOnly), {"lateral"}, 2);

    const Draft back = draftFromJson(draftToJson(draft));
    EXPECT_EQ(draftToJson(back), draftToJson(draft));
}

TEST_F(PipelineTest, DeterministicForAFixedSeedAndBatchEqualsSingle) {
    Pipeline pipeline = load();
    const Draft first = pipeline.run(twoViewStudy(2));
    const Draft second = pipeline.run(twoViewStudy(2));
    EXPECT_EQ(withoutTimings(first), withoutTimings(second));

    // A second bundle from the same seed drafts the identical report.
    createRandomBundle(tinyBundleSpec(), (root / "tiny-again").string(), true);
    Pipeline again = Pipeline::load((root / "tiny-again").string(), {DevicePreference::Cpu});
    EXPECT_EQ(withoutTimings(again.run(twoViewStudy(2))), withoutTimings(first));

    const std::vector<Draft> batch = pipeline.runBatch({twoViewStudy(2), twoViewStudy(4)});
    ASSERT_EQ(batch.size(), 2u);
    EXPECT_EQ(batch[0].text, first.text);
    for (std::size_t i = 0; i < first.findings.size(); ++i) {
        EXPECT_NEAR(batch[0].findings[i].probability, first.findings[i].probability, 1e-5);
    }
    // Greedy through the options.
    PipelineOptions greedyOptions;
    greedyOptions.beamWidth = 1;
    greedyOptions.minLength = 12;
    Pipeline greedy = load(greedyOptions);
    EXPECT_EQ(greedy.run(twoViewStudy(2)).tokens.size(), 12u);
}

TEST_F(PipelineTest, CancellationGivesNoDraft) {
    Pipeline pipeline = load();
    RunOptions options;
    options.cancellation.cancel();
    EXPECT_THROW(pipeline.run(twoViewStudy(1), options), CancelledError);

    // Cancel from the progress callback in the middle of decoding.
    RunOptions midway;
    CancellationToken token = midway.cancellation;
    midway.progress = [token](const std::string& stage, double fraction) mutable {
        if (stage == "decode" && fraction > 0.0) token.cancel();
    };
    try {
        pipeline.run(twoViewStudy(1), midway);
        ADD_FAILURE() << "no cancellation";
    } catch (const InferenceError& error) {
        EXPECT_EQ(error.code(), ErrorCode::Cancelled);
    }
    // Still usable afterwards.
    EXPECT_NO_THROW(pipeline.run(twoViewStudy(1)));
}

TEST_F(PipelineTest, BadInputIsAClearError) {
    Pipeline pipeline = load();
    const auto codeOf = [&](const StudyInput& study) {
        try {
            pipeline.run(study);
        } catch (const InferenceError& error) {
            return error.code();
        }
        return ErrorCode::Torch;
    };
    EXPECT_EQ(codeOf(StudyInput{}), ErrorCode::InvalidArgument);
    StudyInput wrongSize = twoViewStudy(1);
    wrongSize.frontal->width += 1;
    EXPECT_EQ(codeOf(wrongSize), ErrorCode::InvalidArgument);
    StudyInput notANumber = twoViewStudy(1);
    notANumber.lateral->pixels[5] = NAN;
    EXPECT_EQ(codeOf(notANumber), ErrorCode::InvalidArgument);
    StudyInput frontalOnly;
    frontalOnly.frontal = syntheticView(64, 64, 1);
    EXPECT_THROW(pipeline.runBatch({twoViewStudy(1), frontalOnly}), InferenceError);

    PipelineOptions cuda;
    cuda.device = DevicePreference::Cuda;
    // This test machine's LibTorch has no CUDA; on a CUDA build the load succeeds.
    try {
        Pipeline onCuda = Pipeline::load((root / "tiny").string(), cuda);
        EXPECT_EQ(onCuda.identity().device.rfind("cuda", 0), 0u);
    } catch (const InferenceError& error) {
        EXPECT_EQ(error.code(), ErrorCode::DeviceUnavailable);
    }
}
