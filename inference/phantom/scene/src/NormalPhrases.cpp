#include "NormalPhrases.h"

// Wording notes as in FindingPhrases.cpp. "The lungs are clear" mentions nothing for the labeler
// (no observation word), "No acute bony abnormality" only a negated No Finding blocker.

namespace raddraft::phantom::detail {

namespace {

using O = labeler::Observation;

std::vector<Phrasing> phrasingsOf(NormalStatement statement)
{
    const std::vector<Mention> heart = {negative(O::Cardiomegaly)};
    const std::vector<Mention> mediastinum = {negative(O::EnlargedCardiomediastinum)};
    const std::vector<Mention> both = {negative(O::Cardiomegaly), negative(O::EnlargedCardiomediastinum)};
    const std::vector<Mention> pleura = {negative(O::PleuralEffusion), negative(O::Pneumothorax)};
    const std::vector<Mention> pneumothorax = {negative(O::Pneumothorax)};
    const std::vector<Mention> effusion = {negative(O::PleuralEffusion)};
    const std::vector<Mention> fracture = {negative(O::Fracture)};
    const std::vector<Mention> noAbnormality = {negativeBlocker()};
    switch (statement) {
    case NormalStatement::HeartSize:
        return {{"Heart size is normal.", heart},
                {"The heart is normal in size.", heart},
                {"Normal heart size.", heart},
                {"The cardiac silhouette is within normal limits.", heart},
                {"Heart size is within normal limits.", heart},
                {"The heart is not enlarged.", heart}};
    case NormalStatement::Mediastinum:
        return {{"The mediastinal contours are normal.", mediastinum},
                {"Mediastinal contours are within normal limits.", mediastinum},
                {"Normal mediastinal silhouette.", mediastinum},
                {"The mediastinum is unremarkable.", mediastinum},
                {"Mediastinal silhouette is unremarkable.", mediastinum}};
    case NormalStatement::HeartAndMediastinum:
        return {{"The cardiomediastinal silhouette is normal.", both},
                {"Heart size and mediastinal contours are normal.", both},
                {"Normal cardiomediastinal silhouette.", both},
                {"The heart and mediastinum are within normal limits.", both},
                {"Cardiomediastinal contours are within normal limits.", both},
                {"Heart size and mediastinal contours are within normal limits.", both}};
    case NormalStatement::LungsClear:
        return {{"The lungs are clear.", {}},
                {"Lungs are clear bilaterally.", {}},
                {"The lungs are clear without focal consolidation.", {negative(O::Consolidation)}},
                {"No focal consolidation.", {negative(O::Consolidation)}},
                {"No focal airspace disease.", {negative(O::AirspaceDisease)}},
                {"There is no focal airspace opacity.", {negative(O::AirspaceDisease), negative(O::LungOpacity)}},
                {"Clear lungs without focal airspace disease.", {negative(O::AirspaceDisease)}},
                {"No focal airspace consolidation.", {negative(O::AirspaceDisease), negative(O::Consolidation)}}};
    case NormalStatement::NoConsolidation:
        return {{"No focal consolidation.", {negative(O::Consolidation)}},
                {"There is no focal consolidation.", {negative(O::Consolidation)}},
                {"No focal airspace consolidation.", {negative(O::AirspaceDisease), negative(O::Consolidation)}},
                {"No consolidation is seen.", {negative(O::Consolidation)}},
                {"No focal airspace disease.", {negative(O::AirspaceDisease)}}};
    case NormalStatement::LungsOtherwiseClear:
        return {{"The lungs are otherwise clear.", {}},
                {"Lungs are otherwise clear.", {}},
                {"The remaining lung is clear.", {}},
                {"Elsewhere the lungs are clear.", {}},
                {"The lungs are otherwise clear bilaterally.", {}}};
    case NormalStatement::NoEdema:
        return {{"No pulmonary edema.", {negative(O::Edema)}},
                {"There is no pulmonary edema.", {negative(O::Edema)}},
                {"No evidence of pulmonary edema.", {negative(O::Edema)}},
                {"No pulmonary vascular congestion.", {negative(O::Edema)}},
                {"Pulmonary vasculature is normal without edema.", {negative(O::Edema)}}};
    case NormalStatement::NoEffusionOrPneumothorax:
        return {{"No pleural effusion or pneumothorax.", pleura},
                {"There is no pleural effusion or pneumothorax.", pleura},
                {"No pneumothorax or pleural effusion.", pleura},
                {"No evidence of pneumothorax or pleural effusion.", pleura},
                {"No pleural effusion or pneumothorax is seen.", pleura},
                {"No pneumothorax. No pleural effusion.", pleura}};
    case NormalStatement::NoPneumothorax:
        return {{"No pneumothorax.", pneumothorax},
                {"There is no pneumothorax.", pneumothorax},
                {"No evidence of pneumothorax.", pneumothorax},
                {"No pneumothorax is seen.", pneumothorax},
                {"Pneumothorax is not seen.", pneumothorax}};
    case NormalStatement::NoEffusion:
        return {{"No pleural effusion.", effusion},
                {"There is no pleural effusion.", effusion},
                {"No significant pleural effusion.", effusion},
                {"No evidence of pleural effusion.", effusion},
                {"Pleural effusion is not seen.", effusion}};
    case NormalStatement::BonesNormal:
        return {{"No acute bony abnormality.", noAbnormality},
                {"No acute osseous abnormality.", noAbnormality},
                {"The osseous structures are intact.", {}},
                {"Bony structures are unremarkable.", {}},
                {"No acute fracture is seen.", fracture},
                {"Visualized osseous structures are unremarkable.", {}},
                {"No displaced rib fracture.", fracture}};
    case NormalStatement::NoFracture:
        return {{"No acute fracture.", fracture},
                {"No displaced rib fracture.", fracture},
                {"No acute fracture is identified.", fracture},
                {"There is no acute rib fracture.", fracture},
                {"No fracture is seen.", fracture}};
    case NormalStatement::NormalImpression:
        return {{"No acute cardiopulmonary abnormality.", noAbnormality},
                {"No acute cardiopulmonary disease.", {}},
                {"Normal chest.", {}},
                {"No active disease.", {}},
                {"No acute cardiopulmonary process.", {}},
                {"Normal chest radiograph.", {}},
                {"No acute intrathoracic abnormality.", noAbnormality}};
    case NormalStatement::NoAcuteImpression:
        return {{"No acute cardiopulmonary abnormality.", noAbnormality},
                {"No acute cardiopulmonary disease.", {}},
                {"No acute cardiopulmonary process.", {}},
                {"No acute intrathoracic abnormality.", noAbnormality},
                {"No active cardiopulmonary disease.", {}}};
    }
    return {};
}

} // namespace

const std::vector<Phrasing>& normalPhrasings(NormalStatement statement)
{
    static const std::vector<std::vector<Phrasing>> table = [] {
        std::vector<std::vector<Phrasing>> result;
        for (int i = 0; i <= static_cast<int>(NormalStatement::NoAcuteImpression); ++i)
            result.push_back(phrasingsOf(static_cast<NormalStatement>(i)));
        return result;
    }();
    return table[static_cast<std::size_t>(statement)];
}

} // namespace raddraft::phantom::detail
