#include "FindingObservations.h"

#include <map>

namespace raddraft::ui {

using labeler::Observation;

std::vector<Observation> observationsForFinding(const QString& findingName)
{
    // The chest knowledge graph's nodes (resources/knowledge_graph/chest.json) and common
    // spellings; the CheXpert names are matched below.
    static const std::map<QString, std::vector<Observation>> graphNodes{
        {QStringLiteral("cardiomegaly"), {Observation::Cardiomegaly}},
        {QStringLiteral("scoliosis"), {Observation::ScoliosisDegenerative}},
        {QStringLiteral("fracture"), {Observation::Fracture}},
        {QStringLiteral("pleural effusion"), {Observation::PleuralEffusion}},
        {QStringLiteral("effusion"), {Observation::PleuralEffusion}},
        {QStringLiteral("pleural thickening"), {Observation::PleuralThickening}},
        {QStringLiteral("pneumothorax"), {Observation::Pneumothorax}},
        {QStringLiteral("hiatal hernia"), {Observation::HiatalHernia}},
        {QStringLiteral("calcinosis"), {Observation::Calcinosis}},
        {QStringLiteral("emphysema"), {Observation::Emphysema}},
        {QStringLiteral("pneumonia"), {Observation::Pneumonia, Observation::Consolidation}},
        {QStringLiteral("consolidation"), {Observation::Consolidation}},
        {QStringLiteral("pulmonary edema"), {Observation::Edema}},
        {QStringLiteral("edema"), {Observation::Edema}},
        {QStringLiteral("atelectasis"), {Observation::Atelectasis}},
        {QStringLiteral("cicatrix"), {Observation::Cicatrix}},
        {QStringLiteral("opacity"), {Observation::LungOpacity}},
        {QStringLiteral("nodule"), {Observation::NoduleMass}},
        {QStringLiteral("mass"), {Observation::NoduleMass}},
        {QStringLiteral("airspace disease"), {Observation::AirspaceDisease}},
        {QStringLiteral("hypoinflation"), {Observation::Hypoinflation}},
        {QStringLiteral("medical device"), {Observation::SupportDevices}},
    };
    const QString name = findingName.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
    const auto found = graphNodes.find(name);
    if (found != graphNodes.end())
        return found->second;
    for (const Observation observation : labeler::allObservations())
        if (observation != Observation::NoFinding && name == QString::fromLatin1(labeler::observationName(observation)).toLower())
            return {observation};
    return {};
}

} // namespace raddraft::ui
