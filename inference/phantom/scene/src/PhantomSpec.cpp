#include "phantom/PhantomSpec.h"

#include "FindingTable.h"

namespace raddraft::phantom {

namespace detail {

namespace {

using labeler::Observation;

// Knowledge-graph nodes as named in resources/knowledge_graph/chest.json (tested against the
// file). Consolidation is the graph's "airspace disease" because the reports call it airspace
// opacity/consolidation; a consolidation the report calls pneumonia is "pneumonia".
const FindingRow kRows[kFindingKindCount] = {
    {FindingKind::Cardiomegaly, "cardiomegaly", "cardiomegaly", Observation::Cardiomegaly},
    {FindingKind::PleuralEffusion, "pleural_effusion", "pleural effusion", Observation::PleuralEffusion},
    {FindingKind::Pneumothorax, "pneumothorax", "pneumothorax", Observation::Pneumothorax},
    {FindingKind::Consolidation, "consolidation", "airspace disease", Observation::Consolidation},
    {FindingKind::Pneumonia, "pneumonia", "pneumonia", Observation::Pneumonia},
    {FindingKind::Atelectasis, "atelectasis", "atelectasis", Observation::Atelectasis},
    {FindingKind::PulmonaryEdema, "pulmonary_edema", "pulmonary edema", Observation::Edema},
    {FindingKind::Nodule, "nodule", "nodule", Observation::NoduleMass},
    {FindingKind::Mass, "mass", "nodule", Observation::NoduleMass},
    {FindingKind::CalcifiedGranuloma, "calcified_granuloma", "calcinosis", Observation::Calcinosis},
    {FindingKind::Emphysema, "emphysema", "emphysema", Observation::Emphysema},
    {FindingKind::Hypoinflation, "hypoinflation", "hypoinflation", Observation::Hypoinflation},
    {FindingKind::Scoliosis, "scoliosis", "scoliosis", Observation::ScoliosisDegenerative},
    {FindingKind::RibFracture, "rib_fracture", "fracture", Observation::Fracture},
    {FindingKind::HiatalHernia, "hiatal_hernia", "hiatal hernia", Observation::HiatalHernia},
    {FindingKind::PleuralThickening, "pleural_thickening", "pleural thickening", Observation::PleuralThickening},
    {FindingKind::AorticCalcification, "aortic_calcification", "calcinosis", Observation::Calcinosis},
    {FindingKind::EndotrachealTube, "endotracheal_tube", "medical device", Observation::SupportDevices},
    {FindingKind::CentralLine, "central_line", "medical device", Observation::SupportDevices},
    {FindingKind::Pacemaker, "pacemaker", "medical device", Observation::SupportDevices},
    {FindingKind::SternotomyWires, "sternotomy_wires", "medical device", Observation::SupportDevices},
};

} // namespace

const FindingRow& findingRow(FindingKind kind)
{
    return kRows[static_cast<int>(kind)];
}

} // namespace detail

const std::vector<FindingKind>& allFindingKinds()
{
    static const std::vector<FindingKind> kinds = [] {
        std::vector<FindingKind> result;
        for (int i = 0; i < kFindingKindCount; ++i)
            result.push_back(static_cast<FindingKind>(i));
        return result;
    }();
    return kinds;
}

const char* graphNodeName(FindingKind kind)
{
    return detail::findingRow(kind).graphNode;
}

const char* observationName(FindingKind kind)
{
    return labeler::observationName(detail::findingRow(kind).observation);
}

const char* findingKindKey(FindingKind kind)
{
    return detail::findingRow(kind).key;
}

const char* sideKey(Side side)
{
    switch (side) {
    case Side::None:
        return "";
    case Side::Left:
        return "left";
    case Side::Right:
        return "right";
    case Side::Bilateral:
        return "bilateral";
    }
    return "";
}

const char* zoneKey(Zone zone)
{
    switch (zone) {
    case Zone::None:
        return "";
    case Zone::Upper:
        return "upper";
    case Zone::Middle:
        return "middle";
    case Zone::Lower:
        return "lower";
    }
    return "";
}

const char* severityKey(Severity severity)
{
    switch (severity) {
    case Severity::None:
        return "";
    case Severity::Mild:
        return "mild";
    case Severity::Moderate:
        return "moderate";
    case Severity::Severe:
        return "severe";
    }
    return "";
}

} // namespace raddraft::phantom
