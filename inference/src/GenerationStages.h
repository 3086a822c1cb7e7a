#pragma once
// What every model's generate() does around its own stages: report each stage's start to the
// pipeline's progress callback, time it on the request's clock, check for cancellation between
// stages; and evaluate the shared tag head (probabilities and class activation maps) for the
// Draft's findings. One place, so that all model types report, time and cancel alike.

#include "GraphHeads.h"
#include "ReportModel.h"

#include <torch/torch.h>

#include <functional>
#include <string>

namespace raddraft::inference {

class GenerationStages {
public:
    explicit GenerationStages(const GenerationRequest& request) : m_request(request) {}

    /// Reports (stage, 0) and starts timing the stage.
    void begin(const std::string& stage);
    /// Stops timing the current stage.
    void end();
    /// end(), then throws CancelledError when cancellation was asked for (between stages).
    void endOrCancel();
    /// Reports progress within a stage (fraction in [0, 1]).
    void progress(const std::string& stage, double fraction) const;
    /// The progress callback of one stage, for DecodeOptions::progress.
    std::function<void(double)> progressOf(const std::string& stage) const;

private:
    const GenerationRequest& m_request;
};

/// The tag head's evidence for a batch, on the CPU in float: probabilities (B, labels) and class
/// activation maps (B, P, labels). Both undefined when the model has no tag head.
struct TagEvidence {
    torch::Tensor probabilities;
    torch::Tensor classActivations;

    torch::Tensor probabilitiesOf(std::int64_t item) const { return probabilities.defined() ? probabilities[item] : torch::Tensor(); }
    torch::Tensor classActivationsOf(std::int64_t item) const {
        return classActivations.defined() ? classActivations[item] : torch::Tensor();
    }
};

/// sigmoid(head(pooled)) and head.classActivations(patches); empty evidence for a null head.
TagEvidence evaluateTagHead(TagHead& head, const VisualFeatures& features);

} // namespace raddraft::inference
