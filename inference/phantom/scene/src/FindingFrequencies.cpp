#include "FindingFrequencies.h"

namespace raddraft::phantom::detail {

// Weights follow the rough order of chest radiograph prevalence (effusion and cardiomegaly most
// common), flattened so that even the rarest kind appears in more than 3 % of abnormal studies:
// the bundled models must see every finding often enough in 1–2k studies to learn it.
const std::vector<FindingWeight>& primaryFindingWeights()
{
    static const std::vector<FindingWeight> weights = {
        {FindingKind::Cardiomegaly, 9.0},
        {FindingKind::PleuralEffusion, 9.0},
        {FindingKind::Pneumothorax, 5.0},
        {FindingKind::Consolidation, 6.0},
        {FindingKind::Pneumonia, 5.0},
        {FindingKind::Atelectasis, 6.0},
        {FindingKind::PulmonaryEdema, 5.0},
        {FindingKind::Nodule, 6.0},
        {FindingKind::Mass, 3.5},
        {FindingKind::CalcifiedGranuloma, 4.5},
        {FindingKind::Emphysema, 4.5},
        {FindingKind::Hypoinflation, 4.0},
        {FindingKind::Scoliosis, 4.0},
        {FindingKind::RibFracture, 4.0},
        {FindingKind::HiatalHernia, 3.5},
        {FindingKind::PleuralThickening, 3.5},
        {FindingKind::AorticCalcification, 4.0},
        {FindingKind::EndotrachealTube, 3.5},
        {FindingKind::CentralLine, 4.0},
        {FindingKind::Pacemaker, 4.0},
        {FindingKind::SternotomyWires, 3.0},
    };
    return weights;
}

const std::vector<double>& findingCountWeights()
{
    static const std::vector<double> weights = {0.36, 0.32, 0.20, 0.12};
    return weights;
}

const std::vector<Companion>& findingCompanions()
{
    // Edema is mostly cardiogenic (big heart, bilateral effusions); pacemakers often follow
    // cardiac surgery; pneumonia brings a parapneumonic effusion; intubated patients have a
    // central line; emphysema patients carry old granulomas; low volumes collapse the bases.
    static const std::vector<Companion> companions = {
        {FindingKind::PulmonaryEdema, FindingKind::Cardiomegaly, 0.6},
        {FindingKind::PulmonaryEdema, FindingKind::PleuralEffusion, 0.5},
        {FindingKind::Cardiomegaly, FindingKind::PleuralEffusion, 0.15},
        {FindingKind::Pacemaker, FindingKind::SternotomyWires, 0.4},
        {FindingKind::SternotomyWires, FindingKind::AorticCalcification, 0.2},
        {FindingKind::Consolidation, FindingKind::PleuralEffusion, 0.3},
        {FindingKind::Pneumonia, FindingKind::PleuralEffusion, 0.3},
        {FindingKind::EndotrachealTube, FindingKind::CentralLine, 0.5},
        {FindingKind::Emphysema, FindingKind::CalcifiedGranuloma, 0.3},
        {FindingKind::Hypoinflation, FindingKind::Atelectasis, 0.3},
    };
    return companions;
}

} // namespace raddraft::phantom::detail
