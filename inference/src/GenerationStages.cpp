#include "GenerationStages.h"

#include "inference/InferenceError.h"

namespace raddraft::inference {

void GenerationStages::begin(const std::string& stage) {
    progress(stage, 0.0);
    m_request.clock->begin(stage);
}

void GenerationStages::end() { m_request.clock->end(); }

void GenerationStages::endOrCancel() {
    end();
    if (m_request.isCancelled && m_request.isCancelled()) throw CancelledError();
}

void GenerationStages::progress(const std::string& stage, double fraction) const {
    if (m_request.progress) m_request.progress(stage, fraction);
}

std::function<void(double)> GenerationStages::progressOf(const std::string& stage) const {
    return [this, stage](double fraction) { progress(stage, fraction); };
}

TagEvidence evaluateTagHead(TagHead& head, const VisualFeatures& features) {
    TagEvidence evidence;
    if (!head) return evidence;
    evidence.probabilities = torch::sigmoid(head(features.pooled).to(torch::kFloat32)).to(torch::kCPU);
    evidence.classActivations = head->classActivations(features.patches).to(torch::kFloat32).to(torch::kCPU);
    return evidence;
}

} // namespace raddraft::inference
