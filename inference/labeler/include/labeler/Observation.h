#pragma once
// The labels the labeler assigns: the 14 CheXpert observations (names verbatim) followed by the
// extra findings of our knowledge graph (../shared/reference/knowledge_graph.md), and the
// documented mapping from the extra findings to their CheXpert counterparts.

#include <array>
#include <optional>
#include <string>

namespace raddraft::labeler {

/// Order is the output order (tables, JSON). The first kChexpertObservationCount are CheXpert's.
/// The knowledge graph's "fracture" and "medical device" nodes are CheXpert's Fracture and
/// Support Devices, so they are not repeated.
enum class Observation {
    NoFinding,
    EnlargedCardiomediastinum,
    Cardiomegaly,
    LungLesion,
    LungOpacity,
    Edema,
    Consolidation,
    Pneumonia,
    Atelectasis,
    Pneumothorax,
    PleuralEffusion,
    PleuralOther,
    Fracture,
    SupportDevices,
    // Extra knowledge-graph findings.
    Emphysema,
    ScoliosisDegenerative,
    HiatalHernia,
    Calcinosis,
    Cicatrix,
    AirspaceDisease,
    Hypoinflation,
    PleuralThickening,
    NoduleMass,
};

constexpr int kObservationCount = 23;
constexpr int kChexpertObservationCount = 14;

/// Every observation in output order.
const std::array<Observation, kObservationCount>& allObservations();

/// Display and JSON name: CheXpert's verbatim ("No Finding", "Pleural Effusion", …) or ours
/// ("Emphysema", "Scoliosis/Degenerative", "Hiatal Hernia", "Calcinosis", "Cicatrix",
/// "Airspace Disease", "Hypoinflation", "Pleural Thickening", "Nodule/Mass").
const char* observationName(Observation observation);

/// The observation with exactly this name, or nullopt.
std::optional<Observation> observationFromName(const std::string& name);

bool isChexpertObservation(Observation observation);

/// The mapping from an extra finding to the CheXpert observation it is part of; its mentions
/// also count for that observation when a report is labelled (Aggregation.h). nullopt for
/// extra findings CheXpert has no observation for (they still block No Finding), and for the
/// CheXpert observations themselves.
///   Pleural Thickening → Pleural Other     Nodule/Mass → Lung Lesion
///   Airspace Disease   → Lung Opacity      Cicatrix    → Lung Opacity (parenchymal scarring)
///   Emphysema, Scoliosis/Degenerative, Hiatal Hernia, Calcinosis, Hypoinflation → none
std::optional<Observation> chexpertCounterpart(Observation observation);

} // namespace raddraft::labeler
