#include "TrainingRecipe.h"

namespace raddraft::training {

nlohmann::json phantomRecipe(nlohmann::json model, const nlohmann::json& differences) {
    nlohmann::json recipe = {
        {"data", {{"image_size", 160}}},
        {"pretrain",
         {{"epochs", 2},
          {"batch_size", 16},
          {"optimizer", {{"kind", "adamw"}, {"learning_rate", 2e-3}, {"weight_decay", 1e-4}}},
          {"schedule", {{"kind", "warmup_cosine"}, {"warmup_steps", 20}, {"final_factor", 0.05}}},
          {"clip_norm", 5.0},
          {"early_stopping", {{"metric", "tag_auc"}, {"patience", 0}}}}},
        {"train",
         {{"epochs", 10},
          {"batch_size", 16},
          {"optimizer", {{"kind", "adam"}, {"learning_rate", 1e-3}, {"weight_decay", 0.0}}},
          {"schedule", {{"kind", "warmup_cosine"}, {"warmup_steps", 100}, {"final_factor", 0.05}}},
          {"clip_norm", 1.0},
          {"early_stopping", {{"metric", "bleu4"}, {"patience", 5}, {"min_delta", 0.0}}}}},
    };
    recipe.merge_patch(differences);
    recipe["model"] = std::move(model);
    return recipe;
}

} // namespace raddraft::training
