#include "labeler/Observation.h"

namespace raddraft::labeler {

namespace {

struct ObservationRow {
    Observation observation;
    const char* name;
    std::optional<Observation> chexpert;
};

// The single table behind every function in this file (order = enum order).
const ObservationRow kRows[kObservationCount] = {
    {Observation::NoFinding, "No Finding", std::nullopt},
    {Observation::EnlargedCardiomediastinum, "Enlarged Cardiomediastinum", std::nullopt},
    {Observation::Cardiomegaly, "Cardiomegaly", std::nullopt},
    {Observation::LungLesion, "Lung Lesion", std::nullopt},
    {Observation::LungOpacity, "Lung Opacity", std::nullopt},
    {Observation::Edema, "Edema", std::nullopt},
    {Observation::Consolidation, "Consolidation", std::nullopt},
    {Observation::Pneumonia, "Pneumonia", std::nullopt},
    {Observation::Atelectasis, "Atelectasis", std::nullopt},
    {Observation::Pneumothorax, "Pneumothorax", std::nullopt},
    {Observation::PleuralEffusion, "Pleural Effusion", std::nullopt},
    {Observation::PleuralOther, "Pleural Other", std::nullopt},
    {Observation::Fracture, "Fracture", std::nullopt},
    {Observation::SupportDevices, "Support Devices", std::nullopt},
    {Observation::Emphysema, "Emphysema", std::nullopt},
    {Observation::ScoliosisDegenerative, "Scoliosis/Degenerative", std::nullopt},
    {Observation::HiatalHernia, "Hiatal Hernia", std::nullopt},
    {Observation::Calcinosis, "Calcinosis", std::nullopt},
    {Observation::Cicatrix, "Cicatrix", Observation::LungOpacity},
    {Observation::AirspaceDisease, "Airspace Disease", Observation::LungOpacity},
    {Observation::Hypoinflation, "Hypoinflation", std::nullopt},
    {Observation::PleuralThickening, "Pleural Thickening", Observation::PleuralOther},
    {Observation::NoduleMass, "Nodule/Mass", Observation::LungLesion},
};

const ObservationRow& row(Observation observation)
{
    return kRows[static_cast<int>(observation)];
}

} // namespace

const std::array<Observation, kObservationCount>& allObservations()
{
    static const std::array<Observation, kObservationCount> observations = [] {
        std::array<Observation, kObservationCount> result{};
        for (int i = 0; i < kObservationCount; ++i)
            result[static_cast<std::size_t>(i)] = kRows[i].observation;
        return result;
    }();
    return observations;
}

const char* observationName(Observation observation)
{
    return row(observation).name;
}

std::optional<Observation> observationFromName(const std::string& name)
{
    for (const ObservationRow& candidate : kRows)
        if (name == candidate.name)
            return candidate.observation;
    return std::nullopt;
}

bool isChexpertObservation(Observation observation)
{
    return static_cast<int>(observation) < kChexpertObservationCount;
}

std::optional<Observation> chexpertCounterpart(Observation observation)
{
    return row(observation).chexpert;
}

} // namespace raddraft::labeler
