#pragma once
// The training recipe the bundled phantom models share, so that a trainer states only where its
// type differs. Measured on phantom-v2 with the baseline (docs/MODELS.md § Training): 160 px
// images; pre-training of the extractor and tag head for 2 epochs (AdamW 2e-3, 20 warm-up steps,
// selected on tag AUC); the report stage for 10 epochs, batch 16, Adam 1e-3, 100 warm-up steps,
// cosine to 0.05, clip 1, early stopping on validation BLEU-4 with patience 5.

#include <nlohmann/json.hpp>

namespace raddraft::training {

/// TrainerType::configOverrides for a type: `model` (its architecture; the recipe has none) and
/// the shared recipe with `differences` merged over it (RFC 7386 merge patch: objects merge,
/// values replace).
nlohmann::json phantomRecipe(nlohmann::json model, const nlohmann::json& differences = nlohmann::json::object());

} // namespace raddraft::training
