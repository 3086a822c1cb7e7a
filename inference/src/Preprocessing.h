#pragma once
// The one image preprocessing of RadDraft's models, shared by the pipeline (inference) and the
// trainer, so that a model sees at inference exactly what it was trained on.

#include "Manifest.h"
#include "inference/Pipeline.h"

#include <torch/types.h>

#include <string>

namespace raddraft::inference {

/// (H, W) grey in [0, 1] → (C, S, S) float32: clamped to [0, 1], bilinear resize with
/// antialiasing to spec.imageSize (like PIL's resize that torchvision's Resize uses), grey
/// repeated to spec.channels, then (x − mean) / std per channel. Throws
/// InferenceError(InvalidArgument) naming `name` for a pixel count that does not match the size
/// or a NaN/infinite pixel.
torch::Tensor preprocessView(const ImageView& view, const PreprocessingSpec& spec, const std::string& name);

} // namespace raddraft::inference
