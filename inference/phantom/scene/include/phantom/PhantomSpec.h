#pragma once
// What one phantom chest study contains: the patient's variation and the findings, each with its
// laterality, zone and size/severity. A StudySpec is the single ground truth from which the
// renderer (PhantomRenderer.h) draws both views with exact masks and the report writer
// (PhantomReport.h) writes the report and the labels. Standard C++ only.

#include <cstdint>
#include <string>
#include <vector>

namespace raddraft::phantom {

/// Findings the generator can place (issue 5's list). Each maps to one knowledge-graph node
/// (graphNodeName) and one labeler observation (observationName), see PhantomSpec.cpp.
enum class FindingKind {
    Cardiomegaly,        ///< severity by cardiothoracic ratio
    PleuralEffusion,     ///< meniscus, blunted angle; side; severity small/moderate/large
    Pneumothorax,        ///< visceral pleural line, absent markings; side; severity = size
    Consolidation,       ///< airspace opacity by side and zone
    Pneumonia,           ///< consolidation that the report calls pneumonia
    Atelectasis,         ///< plate-like / basal; side, zone
    PulmonaryEdema,      ///< perihilar haze, septal lines, vascular congestion; bilateral
    Nodule,              ///< sizeMm < 30
    Mass,                ///< sizeMm >= 30
    CalcifiedGranuloma,  ///< small dense calcified nodule
    Emphysema,           ///< hyperinflation, flattened diaphragms, hyperlucency
    Hypoinflation,       ///< low lung volumes
    Scoliosis,           ///< severity = curvature; side = convexity
    RibFracture,         ///< side; zone = which ribs (upper/middle/lower)
    HiatalHernia,        ///< retrocardiac air/soft-tissue density
    PleuralThickening,   ///< side; apical (Zone::Upper) or lateral
    AorticCalcification, ///< calcified aortic knob
    EndotrachealTube,    ///< tip tipAboveCarinaMm above the carina
    CentralLine,         ///< side = insertion side (internal jugular); zone = tip: Upper superior vena cava,
                         ///< Middle cavoatrial junction, Lower right atrium
    Pacemaker,           ///< generator + two leads (tips over the right atrium and right ventricle);
                         ///< side = generator side
    SternotomyWires,
};

enum class Side { None, Left, Right, Bilateral }; ///< the patient's left/right
enum class Zone { None, Upper, Middle, Lower };
enum class Severity { None, Mild, Moderate, Severe }; ///< for effusion/pneumothorax: small/moderate/large

struct FindingInstance {
    FindingKind kind = FindingKind::Cardiomegaly;
    Side side = Side::None;
    Zone zone = Zone::None;
    Severity severity = Severity::None;
    double sizeMm = 0.0;              ///< nodule/mass/calcified granuloma diameter; 0 where size is not meaningful
    bool hedged = false;              ///< subtle in the image, hedged in the report, label −1
    double tipAboveCarinaMm = 0.0;    ///< EndotrachealTube only: tip height above the carina, 25 … 70
    std::uint64_t placementSeed = 0;  ///< the renderer's exact placement within side/zone
};

/// Body habitus and acquisition, all sampled per study.
struct PatientVariation {
    double thoraxWidthScale = 1.0;   ///< 0.85 (slender) … 1.15 (broad)
    double thoraxHeightScale = 1.0;  ///< 0.9 … 1.1
    double rotationDegrees = 0.0;    ///< in-plane rotation of the frontal view, −4 … 4
    double inspiration = 1.0;        ///< 0.85 … 1.1 (diaphragm level); the sampler sets 0.72 … 0.8
                                     ///< with Hypoinflation and 1.15 … 1.25 with Emphysema
    double exposure = 1.0;           ///< 0.8 … 1.2, global density scale
    double noiseSigma = 0.01;        ///< quantum noise, fraction of full scale
    double blurSigmaMm = 0.5;        ///< system blur
    bool female = false;             ///< breast shadows
    bool anteroposterior = false;    ///< AP (portable) instead of PA: magnified heart
    int ageYears = 60;
};

struct StudySpec {
    std::string id;                  ///< "phantom-000042"
    std::uint64_t seed = 0;          ///< the study's own seed (rendering noise, report phrasing)
    PatientVariation patient;
    std::vector<FindingInstance> findings; ///< empty = normal study
};

/// Samples study `index` of a set generated with `setSeed`: deterministic, independent of other
/// studies (so studies can be generated in parallel and in any order). normalFraction of the
/// studies have no finding; the others have 1–4 findings drawn with clinical co-occurrence
/// (edema with cardiomegaly and effusions, pacemaker with sternotomy, …) and no contradictions
/// (emphysema and hypoinflation never together).
StudySpec sampleStudySpec(std::uint64_t setSeed, int index, double normalFraction = 0.3);

/// Knowledge-graph node of a finding kind (resources/knowledge_graph/chest.json names, e.g.
/// "pleural effusion", "medical device", "calcinosis").
const char* graphNodeName(FindingKind kind);
/// Labeler observation name (inference/labeler Observation.h names, e.g. "Pleural Effusion",
/// "Support Devices", "Nodule/Mass", "Calcinosis").
const char* observationName(FindingKind kind);
/// Stable lower-case identifier used in JSON and file names ("pleural_effusion").
const char* findingKindKey(FindingKind kind);
const char* sideKey(Side side);         ///< "", "left", "right", "bilateral"
const char* zoneKey(Zone zone);         ///< "", "upper", "middle", "lower"
const char* severityKey(Severity s);    ///< "", "mild", "moderate", "severe"

constexpr int kFindingKindCount = 21;
/// Every finding kind, in enum order.
const std::vector<FindingKind>& allFindingKinds();

} // namespace raddraft::phantom
