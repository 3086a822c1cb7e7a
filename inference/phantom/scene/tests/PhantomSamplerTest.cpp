// sampleStudySpec and the name functions: determinism, the sampling rules (counts, sizes,
// contradictions, co-occurrence, hedging) and names that match the knowledge graph and labeler.

#include "phantom/PhantomReport.h"
#include "phantom/PhantomSpec.h"

#include "labeler/Observation.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

using namespace raddraft::phantom;

namespace {

constexpr std::uint64_t kSetSeed = 20240611;

std::vector<StudySpec> sampleSet(int count, double normalFraction = 0.3, std::uint64_t seed = kSetSeed)
{
    std::vector<StudySpec> specs;
    for (int i = 0; i < count; ++i)
        specs.push_back(sampleStudySpec(seed, i, normalFraction));
    return specs;
}

int countKind(const StudySpec& spec, FindingKind kind)
{
    int count = 0;
    for (const FindingInstance& finding : spec.findings)
        count += finding.kind == kind ? 1 : 0;
    return count;
}

bool hasKind(const StudySpec& spec, FindingKind kind)
{
    return countKind(spec, kind) > 0;
}

bool sameSpec(const StudySpec& a, const StudySpec& b)
{
    if (a.id != b.id || a.seed != b.seed || a.findings.size() != b.findings.size()
        || a.patient.thoraxWidthScale != b.patient.thoraxWidthScale || a.patient.rotationDegrees != b.patient.rotationDegrees
        || a.patient.noiseSigma != b.patient.noiseSigma || a.patient.ageYears != b.patient.ageYears
        || a.patient.female != b.patient.female || a.patient.anteroposterior != b.patient.anteroposterior)
        return false;
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
        const FindingInstance& x = a.findings[i];
        const FindingInstance& y = b.findings[i];
        if (x.kind != y.kind || x.side != y.side || x.zone != y.zone || x.severity != y.severity || x.sizeMm != y.sizeMm
            || x.hedged != y.hedged || x.placementSeed != y.placementSeed || x.tipAboveCarinaMm != y.tipAboveCarinaMm)
            return false;
    }
    return true;
}

/// The kinds the task allows to be hedged, written out independently of the sampler.
bool mayBeHedged(const FindingInstance& finding)
{
    switch (finding.kind) {
    case FindingKind::Consolidation:
    case FindingKind::Pneumonia:
    case FindingKind::Atelectasis:
    case FindingKind::RibFracture:
        return true;
    case FindingKind::PulmonaryEdema:
    case FindingKind::PleuralEffusion:
    case FindingKind::Pneumothorax:
        return finding.severity == Severity::Mild;
    case FindingKind::Nodule:
        return finding.sizeMm < 10.0;
    default:
        return false;
    }
}

} // namespace

TEST(PhantomSpecNames, GraphNodesAreTheKnowledgeGraphs)
{
    std::ifstream file(RADDRAFT_KNOWLEDGE_GRAPH);
    ASSERT_TRUE(file) << RADDRAFT_KNOWLEDGE_GRAPH;
    const nlohmann::json graph = nlohmann::json::parse(file);
    std::vector<std::string> nodes;
    for (const auto& node : graph.at("nodes"))
        nodes.push_back(node.at("name").get<std::string>());
    const std::set<std::string> nodeSet(nodes.begin(), nodes.end());

    for (const FindingKind kind : allFindingKinds())
        EXPECT_EQ(nodeSet.count(graphNodeName(kind)), 1U) << findingKindKey(kind) << " → " << graphNodeName(kind);

    std::vector<std::string> findingNodes;
    for (const std::string& node : nodes)
        if (node != "global" && node != "normal" && node != "others")
            findingNodes.push_back(node);
    EXPECT_EQ(graphFindingNodeNames(), findingNodes);
    EXPECT_EQ(nodeSet.count("normal"), 1U);

    EXPECT_STREQ(graphNodeName(FindingKind::Consolidation), "airspace disease");
    EXPECT_STREQ(graphNodeName(FindingKind::Mass), "nodule");
    EXPECT_STREQ(graphNodeName(FindingKind::AorticCalcification), "calcinosis");
    EXPECT_STREQ(graphNodeName(FindingKind::CalcifiedGranuloma), "calcinosis");
    EXPECT_STREQ(graphNodeName(FindingKind::RibFracture), "fracture");
    EXPECT_STREQ(graphNodeName(FindingKind::Pacemaker), "medical device");
}

TEST(PhantomSpecNames, ObservationsAreTheLabelers)
{
    namespace labeler = raddraft::labeler;
    for (const FindingKind kind : allFindingKinds())
        EXPECT_TRUE(labeler::observationFromName(observationName(kind)).has_value()) << observationName(kind);
    EXPECT_STREQ(observationName(FindingKind::PleuralEffusion), labeler::observationName(labeler::Observation::PleuralEffusion));
    EXPECT_STREQ(observationName(FindingKind::Nodule), labeler::observationName(labeler::Observation::NoduleMass));
    EXPECT_STREQ(observationName(FindingKind::Mass), labeler::observationName(labeler::Observation::NoduleMass));
    EXPECT_STREQ(observationName(FindingKind::SternotomyWires), labeler::observationName(labeler::Observation::SupportDevices));
    EXPECT_STREQ(observationName(FindingKind::AorticCalcification), labeler::observationName(labeler::Observation::Calcinosis));
    EXPECT_STREQ(observationName(FindingKind::PulmonaryEdema), labeler::observationName(labeler::Observation::Edema));
}

TEST(PhantomSpecNames, KeysAreUniqueLowercaseIdentifiers)
{
    std::set<std::string> keys;
    for (const FindingKind kind : allFindingKinds()) {
        const std::string key = findingKindKey(kind);
        EXPECT_TRUE(keys.insert(key).second) << key;
        for (const char c : key)
            EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << key;
    }
    EXPECT_EQ(keys.size(), static_cast<std::size_t>(kFindingKindCount));
    EXPECT_STREQ(sideKey(Side::Bilateral), "bilateral");
    EXPECT_STREQ(zoneKey(Zone::Lower), "lower");
    EXPECT_STREQ(severityKey(Severity::Moderate), "moderate");
    EXPECT_STREQ(sideKey(Side::None), "");
}

TEST(PhantomSampler, DeterministicAndIndependentOfOrder)
{
    std::vector<StudySpec> forward = sampleSet(200);
    for (int i = 199; i >= 0; --i)
        EXPECT_TRUE(sameSpec(sampleStudySpec(kSetSeed, i, 0.3), forward[static_cast<std::size_t>(i)])) << i;
    EXPECT_EQ(forward[42].id, "phantom-000042");

    // Other set seeds and other indices give other studies.
    int differentSeed = 0;
    std::set<std::uint64_t> seeds;
    for (int i = 0; i < 200; ++i) {
        differentSeed += sameSpec(sampleStudySpec(kSetSeed + 1, i, 0.3), forward[static_cast<std::size_t>(i)]) ? 0 : 1;
        seeds.insert(forward[static_cast<std::size_t>(i)].seed);
    }
    EXPECT_EQ(differentSeed, 200);
    EXPECT_EQ(seeds.size(), 200U);
}

TEST(PhantomSampler, NormalFractionIsRespected)
{
    for (const double fraction : {0.0, 0.3, 0.5, 1.0}) {
        int normal = 0;
        const int count = 4000;
        for (const StudySpec& spec : sampleSet(count, fraction))
            normal += spec.findings.empty() ? 1 : 0;
        EXPECT_NEAR(static_cast<double>(normal) / count, fraction, 0.025) << fraction;
        if (fraction == 0.0) {
            EXPECT_EQ(normal, 0);
        }
        if (fraction == 1.0) {
            EXPECT_EQ(normal, count);
        }
    }
}

TEST(PhantomSampler, RejectsInvalidArguments)
{
    EXPECT_THROW(sampleStudySpec(1, -1, 0.3), std::invalid_argument);
    EXPECT_THROW(sampleStudySpec(1, 0, -0.1), std::invalid_argument);
    EXPECT_THROW(sampleStudySpec(1, 0, 1.5), std::invalid_argument);
    EXPECT_THROW(sampleStudySpec(1, 0, std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
}

TEST(PhantomSampler, FindingsFollowTheRules)
{
    for (const StudySpec& spec : sampleSet(6000, 0.0)) {
        ASSERT_GE(spec.findings.size(), 1U) << spec.id;
        ASSERT_LE(spec.findings.size(), 4U) << spec.id;
        EXPECT_FALSE(hasKind(spec, FindingKind::Emphysema) && hasKind(spec, FindingKind::Hypoinflation)) << spec.id;
        EXPECT_FALSE(hasKind(spec, FindingKind::Consolidation) && hasKind(spec, FindingKind::Pneumonia)) << spec.id;
        for (const FindingKind kind : allFindingKinds())
            EXPECT_LE(countKind(spec, kind), kind == FindingKind::Nodule ? 2 : 1) << spec.id << " " << findingKindKey(kind);

        const PatientVariation& patient = spec.patient;
        EXPECT_TRUE(patient.thoraxWidthScale >= 0.85 && patient.thoraxWidthScale <= 1.15);
        EXPECT_TRUE(patient.thoraxHeightScale >= 0.9 && patient.thoraxHeightScale <= 1.1);
        EXPECT_TRUE(patient.rotationDegrees >= -4.0 && patient.rotationDegrees <= 4.0);
        EXPECT_TRUE(patient.exposure >= 0.8 && patient.exposure <= 1.2);
        EXPECT_TRUE(patient.ageYears >= 20 && patient.ageYears <= 90);
        if (hasKind(spec, FindingKind::Hypoinflation)) {
            EXPECT_LE(patient.inspiration, 0.8) << spec.id;
        }
        else if (hasKind(spec, FindingKind::Emphysema)) {
            EXPECT_GE(patient.inspiration, 1.15) << spec.id;
        }
        else {
            EXPECT_TRUE(patient.inspiration >= 0.85 && patient.inspiration <= 1.1) << spec.id;
        }
        if (hasKind(spec, FindingKind::EndotrachealTube)) {
            EXPECT_TRUE(patient.anteroposterior) << spec.id;
        }

        for (const FindingInstance& finding : spec.findings) {
            if (finding.hedged) {
                EXPECT_TRUE(mayBeHedged(finding)) << spec.id << " " << findingKindKey(finding.kind);
            }
            switch (finding.kind) {
            case FindingKind::Mass:
                EXPECT_GE(finding.sizeMm, 30.0) << spec.id;
                EXPECT_LE(finding.sizeMm, 70.0) << spec.id;
                break;
            case FindingKind::Nodule:
                EXPECT_GE(finding.sizeMm, 6.0) << spec.id;
                EXPECT_LE(finding.sizeMm, 28.0) << spec.id;
                break;
            case FindingKind::PulmonaryEdema:
            case FindingKind::Emphysema:
            case FindingKind::Hypoinflation:
                EXPECT_EQ(finding.side, Side::Bilateral) << spec.id;
                break;
            case FindingKind::PleuralEffusion:
            case FindingKind::Pneumothorax:
            case FindingKind::Consolidation:
            case FindingKind::Pneumonia:
            case FindingKind::Atelectasis:
            case FindingKind::RibFracture:
                EXPECT_NE(finding.side, Side::None) << spec.id;
                EXPECT_NE(finding.zone, Zone::None) << spec.id;
                break;
            case FindingKind::EndotrachealTube:
                EXPECT_GE(finding.tipAboveCarinaMm, 25.0) << spec.id;
                EXPECT_LE(finding.tipAboveCarinaMm, 70.0) << spec.id;
                break;
            default:
                break;
            }
            if (finding.kind == FindingKind::PleuralEffusion || finding.kind == FindingKind::Pneumothorax
                || finding.kind == FindingKind::Cardiomegaly) {
                EXPECT_NE(finding.severity, Severity::None) << spec.id;
            }
        }
    }
}

TEST(PhantomSampler, EveryKindIsCommonAndHedgingIsAboutFifteenPercent)
{
    const std::vector<StudySpec> specs = sampleSet(5000, 0.0);
    std::map<FindingKind, int> studiesWith;
    int findings = 0;
    int hedged = 0;
    for (const StudySpec& spec : specs) {
        std::set<FindingKind> kinds;
        for (const FindingInstance& finding : spec.findings) {
            kinds.insert(finding.kind);
            ++findings;
            hedged += finding.hedged ? 1 : 0;
        }
        for (const FindingKind kind : kinds)
            ++studiesWith[kind];
    }
    for (const FindingKind kind : allFindingKinds())
        EXPECT_GE(static_cast<double>(studiesWith[kind]) / static_cast<double>(specs.size()), 0.03) << findingKindKey(kind);
    const double hedgedShare = static_cast<double>(hedged) / findings;
    EXPECT_GT(hedgedShare, 0.11);
    EXPECT_LT(hedgedShare, 0.19);
}

TEST(PhantomSampler, FindingsCoOccurAsInTheClinic)
{
    const std::vector<StudySpec> specs = sampleSet(8000, 0.0);
    // P(b | a) and P(b | not a).
    const auto conditional = [&](FindingKind a, FindingKind b) {
        int with = 0, withBoth = 0, without = 0, withoutButB = 0;
        for (const StudySpec& spec : specs) {
            if (hasKind(spec, a)) {
                ++with;
                withBoth += hasKind(spec, b) ? 1 : 0;
            } else {
                ++without;
                withoutButB += hasKind(spec, b) ? 1 : 0;
            }
        }
        return std::make_pair(static_cast<double>(withBoth) / with, static_cast<double>(withoutButB) / without);
    };
    const auto [cardiomegalyWithEdema, cardiomegalyOtherwise] =
        conditional(FindingKind::PulmonaryEdema, FindingKind::Cardiomegaly);
    EXPECT_GT(cardiomegalyWithEdema, 0.5);
    EXPECT_GT(cardiomegalyWithEdema, 2.0 * cardiomegalyOtherwise);
    const auto [effusionWithEdema, effusionOtherwise] = conditional(FindingKind::PulmonaryEdema, FindingKind::PleuralEffusion);
    EXPECT_GT(effusionWithEdema, 1.5 * effusionOtherwise);
    const auto [wiresWithPacemaker, wiresOtherwise] = conditional(FindingKind::Pacemaker, FindingKind::SternotomyWires);
    EXPECT_GT(wiresWithPacemaker, 2.0 * wiresOtherwise);
    const auto [effusionWithPneumonia, effusionWithoutPneumonia] =
        conditional(FindingKind::Pneumonia, FindingKind::PleuralEffusion);
    EXPECT_GT(effusionWithPneumonia, effusionWithoutPneumonia);
    const auto [granulomaWithEmphysema, granulomaOtherwise] =
        conditional(FindingKind::Emphysema, FindingKind::CalcifiedGranuloma);
    EXPECT_GT(granulomaWithEmphysema, 2.0 * granulomaOtherwise);

    // Edema's effusions are bilateral; a pneumothorax rarely shares its side with an effusion.
    int edemaEffusions = 0, bilateralEdemaEffusions = 0, pneumothoraxWithEffusion = 0, sameSide = 0;
    for (const StudySpec& spec : specs) {
        const FindingInstance* effusion = nullptr;
        const FindingInstance* pneumothorax = nullptr;
        for (const FindingInstance& finding : spec.findings) {
            if (finding.kind == FindingKind::PleuralEffusion)
                effusion = &finding;
            if (finding.kind == FindingKind::Pneumothorax)
                pneumothorax = &finding;
        }
        if (effusion && hasKind(spec, FindingKind::PulmonaryEdema)) {
            ++edemaEffusions;
            bilateralEdemaEffusions += effusion->side == Side::Bilateral ? 1 : 0;
        }
        if (effusion && pneumothorax) {
            ++pneumothoraxWithEffusion;
            sameSide += effusion->side == pneumothorax->side || effusion->side == Side::Bilateral ? 1 : 0;
        }
    }
    EXPECT_GT(static_cast<double>(bilateralEdemaEffusions) / edemaEffusions, 0.6);
    ASSERT_GT(pneumothoraxWithEffusion, 50);
    EXPECT_LT(static_cast<double>(sameSide) / pneumothoraxWithEffusion, 0.2);
}
