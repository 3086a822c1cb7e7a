// The configuration: defaults are the schema; unknown keys, wrong types and bad values are errors
// that name the key.

#include "TrainingConfig.h"
#include "TrainingRecipe.h"
#include "training/TrainingError.h"

#include <gtest/gtest.h>

using namespace raddraft::training;
using nlohmann::json;

namespace {

json defaults() {
    return defaultTrainingConfig({{"d_model", 256}, {"dropout", 0.1}, {"visual_extractor", "resnet18"}},
                                 {{"train", {{"epochs", 7}}}});
}

std::string errorOf(const json& overrides) {
    try {
        readTrainingConfig(mergeConfig(defaults(), overrides));
    } catch (const TrainingError& error) {
        return error.what();
    }
    return "";
}

} // namespace

TEST(TrainingConfig, DefaultsReadAndTypeOverridesApply) {
    const TrainingConfig config = readTrainingConfig(defaults());
    EXPECT_EQ(config.train.epochs, 7);
    EXPECT_EQ(config.pretrain.epochs, 3);
    EXPECT_EQ(config.data.imageSize, 224);
    EXPECT_EQ(config.data.views, (std::vector<std::string>{"frontal", "lateral"}));
    EXPECT_EQ(config.data.uncertainLabels, UncertainLabels::Ignore);
    EXPECT_FALSE(config.augmentation.horizontalFlip);
    EXPECT_TRUE(config.train.featureCache);
    EXPECT_EQ(config.model.at("d_model"), 256);
}

TEST(TrainingConfig, UserValuesMergeKeyByKey) {
    const TrainingConfig config = readTrainingConfig(mergeConfig(
        defaults(), {{"model", {{"d_model", 64}}},
                     {"train", {{"optimizer", {{"learning_rate", 0.01}}}, {"early_stopping", {{"metric", "ce_f1"}}}}},
                     {"data", {{"views", {"frontal"}}, {"uncertain_labels", "positive"}}}}));
    EXPECT_EQ(config.model.at("d_model"), 64);
    EXPECT_EQ(config.model.at("dropout"), 0.1);                  // untouched sibling kept
    EXPECT_DOUBLE_EQ(config.train.optimizer.learningRate, 0.01);
    EXPECT_EQ(config.train.optimizer.kind, "adam");              // generic default kept
    EXPECT_EQ(config.train.earlyStopping.metric, "ce_f1");
    EXPECT_EQ(config.data.views, std::vector<std::string>{"frontal"});
    EXPECT_EQ(config.data.uncertainLabels, UncertainLabels::Positive);
}

TEST(TrainingConfig, UnknownKeysAreNamedWithTheirPath) {
    EXPECT_NE(errorOf({{"train", {{"lerning_rate", 0.1}}}}).find("unknown key 'train.lerning_rate'"), std::string::npos);
    EXPECT_NE(errorOf({{"epochs", 3}}).find("unknown key 'epochs'"), std::string::npos);
    EXPECT_NE(errorOf({{"model", {{"d_modle", 3}}}}).find("unknown key 'model.d_modle'"), std::string::npos);
}

TEST(TrainingConfig, WrongTypesAndValuesAreNamed) {
    EXPECT_NE(errorOf({{"train", {{"epochs", 2.5}}}}).find("'train.epochs' must be a whole number"), std::string::npos);
    EXPECT_NE(errorOf({{"augmentation", {{"horizontal_flip", "yes"}}}}).find("'augmentation.horizontal_flip' must be true or false"),
              std::string::npos);
    EXPECT_NE(errorOf({{"train", {{"batch_size", 0}}}}).find("'train.batch_size' must be between 1"), std::string::npos);
    EXPECT_NE(errorOf({{"train", {{"schedule", {{"kind", "cosine"}}}}}}).find("'train.schedule.kind' must be one of"),
              std::string::npos);
    EXPECT_NE(errorOf({{"data", {{"views", {"axial"}}}}}).find("'data.views'"), std::string::npos);
    EXPECT_NE(errorOf({{"augmentation", {{"crop_scale", {0.9, 0.8}}}}}).find("augmentation.crop_scale"), std::string::npos);
    EXPECT_NE(errorOf({{"pretrain", {{"early_stopping", {{"metric", "bleu4"}}}}}}).find("'pretrain.early_stopping.metric'"),
              std::string::npos);
    EXPECT_NE(errorOf({{"train", {{"optimizer", {{"learning_rate", "fast"}}}}}}).find("'train.optimizer.learning_rate' must be a number"),
              std::string::npos);
}

TEST(TrainingConfig, TextThatIsNotAnObjectIsRejected) {
    EXPECT_THROW(parseConfigText("[1, 2]", "cfg.json"), TrainingError);
    EXPECT_THROW(parseConfigText("{\"seed\": ", "cfg.json"), TrainingError);
    EXPECT_EQ(parseConfigText("{\"seed\": 3}", "cfg.json").at("seed"), 3);
}

TEST(TrainingRecipe, ATypeStatesOnlyItsDifferences) {
    const nlohmann::json recipe = phantomRecipe({{"d_model", 128}}, {{"train", {{"epochs", 12}, {"early_stopping", {{"metric", "ce_f1"}}}}},
                                                                     {"pretrain", {{"initialize_from", "bundle"}}}});
    EXPECT_EQ(recipe["model"], (nlohmann::json{{"d_model", 128}}));
    EXPECT_EQ(recipe["data"]["image_size"], 160);
    // Objects merge: the differences replace their own values and keep their siblings.
    EXPECT_EQ(recipe["train"]["epochs"], 12);
    EXPECT_EQ(recipe["train"]["early_stopping"]["metric"], "ce_f1");
    EXPECT_EQ(recipe["train"]["early_stopping"]["patience"], 5);
    EXPECT_EQ(recipe["train"]["optimizer"]["learning_rate"], 1e-3);
    EXPECT_EQ(recipe["pretrain"]["initialize_from"], "bundle");
    EXPECT_EQ(recipe["pretrain"]["epochs"], 2);
    // Without differences: the shared recipe, selected on validation BLEU-4.
    EXPECT_EQ(phantomRecipe(nlohmann::json::object())["train"]["early_stopping"]["metric"], "bleu4");
}
