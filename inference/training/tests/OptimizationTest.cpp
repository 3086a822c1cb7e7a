// Gradient clipping, dynamic loss scaling and the optimiser's parameter groups.

#include "ModelTrainer.h"
#include "Optimization.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <limits>

using namespace raddraft::training;

TEST(Optimization, ClippingScalesTheGlobalNormDownToTheLimitAndReportsTheNormBefore) {
    torch::Tensor a = torch::zeros({2}, torch::requires_grad());
    torch::Tensor b = torch::zeros({1}, torch::requires_grad());
    a.mutable_grad() = torch::tensor({3.0f, 0.0f});
    b.mutable_grad() = torch::tensor({4.0f});
    EXPECT_NEAR(clipGradientNorm({a, b}, 1.0), 5.0, 1e-6);
    EXPECT_NEAR(a.grad()[0].item<float>(), 0.6f, 1e-5f);
    EXPECT_NEAR(b.grad()[0].item<float>(), 0.8f, 1e-5f);
    // Below the limit, or with clipping off, gradients are untouched.
    EXPECT_NEAR(clipGradientNorm({a, b}, 10.0), 1.0, 1e-5);
    EXPECT_NEAR(b.grad()[0].item<float>(), 0.8f, 1e-5f);
    EXPECT_NEAR(clipGradientNorm({a, b}, 0.0), 1.0, 1e-5);
}

TEST(Optimization, LossScalerSkipsOverflowingStepsAndAdaptsItsScale) {
    LossScaler scaler(true, 1024.0, 2.0, 0.5, 3);
    torch::Tensor weight = torch::ones({2}, torch::requires_grad());
    scaler.scaleLoss((weight * 2).sum()).backward();
    EXPECT_FLOAT_EQ(weight.grad()[0].item<float>(), 2048.0f);
    EXPECT_TRUE(scaler.unscale({weight}));
    EXPECT_FLOAT_EQ(weight.grad()[0].item<float>(), 2.0f); // the true gradient again
    scaler.update(true);
    EXPECT_DOUBLE_EQ(scaler.scale(), 1024.0);

    weight.mutable_grad() = torch::tensor({std::numeric_limits<float>::infinity(), 1.0f});
    EXPECT_FALSE(scaler.unscale({weight}));
    scaler.update(false);
    EXPECT_DOUBLE_EQ(scaler.scale(), 512.0);                // backed off
    for (int i = 0; i < 3; ++i) scaler.update(true);
    EXPECT_DOUBLE_EQ(scaler.scale(), 1024.0);               // grown after 3 clean steps

    LossScaler restored(true);
    restored.restore(scaler.toJson());
    EXPECT_DOUBLE_EQ(restored.scale(), 1024.0);

    LossScaler disabled(false);
    weight.mutable_grad() = torch::tensor({std::numeric_limits<float>::quiet_NaN(), 1.0f});
    EXPECT_TRUE(disabled.unscale({weight}));                // no checking when off
    EXPECT_DOUBLE_EQ(disabled.scale(), 1.0);
}

TEST(Optimization, GroupsRunAtTheirOwnRatesUnderTheSchedule) {
    torch::Tensor heads = torch::zeros({3}, torch::requires_grad());
    torch::Tensor extractor = torch::zeros({3}, torch::requires_grad());
    OptimizerConfig config;
    config.kind = "adam";
    config.learningRate = 1e-2;
    config.extractorLearningRate = 1e-3;
    Optimization optimization = makeOptimization(config, {{"report", {heads}, false}, {"extractor", {extractor}, true}, {"empty", {}, false}});
    ASSERT_EQ(optimization.optimizer->param_groups().size(), 2u);
    EXPECT_DOUBLE_EQ(optimization.setRateFactor(0.5), 5e-3);
    EXPECT_DOUBLE_EQ(optimization.optimizer->param_groups()[1].options().get_lr(), 5e-4);
    EXPECT_EQ(optimization.parameters.size(), 2u);
    // One Adam step moves each parameter by its group's rate (the first step is ±lr).
    (heads.sum() + extractor.sum()).backward();
    optimization.optimizer->step();
    EXPECT_NEAR(heads[0].item<float>(), -5e-3f, 1e-6f);
    EXPECT_NEAR(extractor[0].item<float>(), -5e-4f, 1e-7f);
}

TEST(Optimization, TagLossMasksIgnoredLabelsAndTokenLossMasksPadding) {
    const torch::Tensor logits = torch::tensor({{2.0f, -1.0f}, {0.5f, 3.0f}});
    const torch::Tensor targets = torch::tensor({{1.0f, 0.0f}, {0.0f, 1.0f}});
    const torch::Tensor all = torch::ones({2, 2});
    const torch::Tensor reference = torch::nn::functional::binary_cross_entropy_with_logits(logits, targets);
    EXPECT_NEAR(tagLoss(logits, targets, all, {}).item<float>(), reference.item<float>(), 1e-6f);
    // Ignoring element (1, 1) by weight 0 equals the mean over the other three.
    const torch::Tensor mask = torch::tensor({{1.0f, 1.0f}, {1.0f, 0.0f}});
    const torch::Tensor perElement = torch::nn::functional::binary_cross_entropy_with_logits(
        logits, targets, torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone));
    EXPECT_NEAR(tagLoss(logits, targets, mask, {}).item<float>(), (perElement.sum() - perElement[1][1]).item<float>() / 3.0f, 1e-6f);

    // Token loss: a padded position with any logits does not change the value.
    torch::Tensor tokenLogits = torch::randn({1, 3, 5});
    const torch::Tensor tokens = torch::tensor({{2, 4, 0}}, torch::kInt64);
    const torch::Tensor real = torch::tensor({{true, true, false}});
    const float before = maskedCrossEntropy(tokenLogits, tokens, real).item<float>();
    tokenLogits[0][2] = torch::full({5}, 100.0f);
    EXPECT_FLOAT_EQ(maskedCrossEntropy(tokenLogits, tokens, real).item<float>(), before);
    const torch::Tensor expected = -(torch::log_softmax(tokenLogits[0][0], 0)[2] + torch::log_softmax(tokenLogits[0][1], 0)[4]) / 2;
    EXPECT_NEAR(before, expected.item<float>(), 1e-5f);
}
