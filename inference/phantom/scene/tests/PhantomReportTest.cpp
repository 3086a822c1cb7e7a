// writeReport: determinism, labels (graph, observations, context), phrasing variety, hedging and
// the sentence form R2Gen's cleaning and the flip augmentation rely on.

#include "phantom/PhantomReport.h"
#include "phantom/PhantomSpec.h"

#include "NormalPhrases.h"

#include "labeler/Observation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

using namespace raddraft::phantom;

namespace {

constexpr std::uint64_t kSetSeed = 77;

std::vector<std::string> sentencesOf(const std::string& text)
{
    std::vector<std::string> sentences;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find(". ", begin);
        end = end == std::string::npos ? text.size() : end + 1;
        sentences.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return sentences;
}

/// Every sentence of every normal statement (a statement may hold two sentences).
const std::set<std::string>& normalSentences()
{
    static const std::set<std::string> sentences = [] {
        std::set<std::string> result;
        for (int i = 0; i <= static_cast<int>(detail::NormalStatement::NoAcuteImpression); ++i)
            for (const detail::Phrasing& phrasing : detail::normalPhrasings(static_cast<detail::NormalStatement>(i)))
                for (const std::string& sentence : sentencesOf(phrasing.text))
                    result.insert(sentence);
        return result;
    }();
    return sentences;
}

StudySpec singleFindingSpec(const FindingInstance& finding, std::uint64_t seed)
{
    StudySpec spec;
    spec.id = "phantom-test";
    spec.seed = seed;
    spec.findings = {finding};
    return spec;
}

FindingInstance makeFinding(FindingKind kind, Side side, Zone zone, Severity severity, double sizeMm = 0.0,
                            bool hedged = false)
{
    FindingInstance finding;
    finding.kind = kind;
    finding.side = side;
    finding.zone = zone;
    finding.severity = severity;
    finding.sizeMm = sizeMm;
    finding.hedged = hedged;
    if (kind == FindingKind::EndotrachealTube)
        finding.tipAboveCarinaMm = 40.0;
    return finding;
}

/// One instance per kind, severity and laterality the sampler produces, certain and (where the
/// kind is hedged) hedged.
std::vector<FindingInstance> findingVariants()
{
    using K = FindingKind;
    std::vector<FindingInstance> variants;
    for (const Severity severity : {Severity::Mild, Severity::Moderate, Severity::Severe}) {
        variants.push_back(makeFinding(K::Cardiomegaly, Side::None, Zone::None, severity));
        variants.push_back(makeFinding(K::PleuralEffusion, Side::Left, Zone::Lower, severity));
        variants.push_back(makeFinding(K::PleuralEffusion, Side::Bilateral, Zone::Lower, severity));
        variants.push_back(makeFinding(K::Pneumothorax, Side::Right, Zone::Upper, severity));
        variants.push_back(makeFinding(K::PulmonaryEdema, Side::Bilateral, Zone::None, severity));
        variants.push_back(makeFinding(K::Emphysema, Side::Bilateral, Zone::Upper, severity));
    }
    for (const Severity severity : {Severity::Mild, Severity::Moderate})
        variants.push_back(makeFinding(K::Scoliosis, Side::Right, Zone::None, severity));
    for (const bool hedged : {false, true}) {
        variants.push_back(makeFinding(K::Consolidation, Side::Left, Zone::Lower, Severity::None, 0, hedged));
        variants.push_back(makeFinding(K::Consolidation, Side::Bilateral, Zone::Upper, Severity::None, 0, hedged));
        variants.push_back(makeFinding(K::Pneumonia, Side::Right, Zone::Middle, Severity::None, 0, hedged));
        variants.push_back(makeFinding(K::Pneumonia, Side::Bilateral, Zone::Lower, Severity::None, 0, hedged));
        variants.push_back(makeFinding(K::Atelectasis, Side::Right, Zone::Lower, Severity::None, 0, hedged));
        variants.push_back(makeFinding(K::Atelectasis, Side::Bilateral, Zone::Lower, Severity::None, 0, hedged));
        variants.push_back(makeFinding(K::Nodule, Side::Left, Zone::Upper, Severity::None, 8, hedged));
        variants.push_back(makeFinding(K::RibFracture, Side::Left, Zone::Middle, Severity::None, 0, hedged));
        variants.push_back(makeFinding(K::PleuralEffusion, Side::Right, Zone::Lower, Severity::Mild, 0, hedged));
        variants.push_back(makeFinding(K::PleuralEffusion, Side::Bilateral, Zone::Lower, Severity::Mild, 0, hedged));
        variants.push_back(makeFinding(K::Pneumothorax, Side::Left, Zone::Upper, Severity::Mild, 0, hedged));
        variants.push_back(makeFinding(K::PulmonaryEdema, Side::Bilateral, Zone::None, Severity::Mild, 0, hedged));
    }
    variants.push_back(makeFinding(K::Nodule, Side::Right, Zone::Lower, Severity::None, 18));
    variants.push_back(makeFinding(K::Mass, Side::Left, Zone::Middle, Severity::None, 45));
    variants.push_back(makeFinding(K::CalcifiedGranuloma, Side::Right, Zone::Upper, Severity::None, 4));
    variants.push_back(makeFinding(K::Hypoinflation, Side::Bilateral, Zone::None, Severity::None));
    variants.push_back(makeFinding(K::HiatalHernia, Side::None, Zone::None, Severity::None));
    variants.push_back(makeFinding(K::PleuralThickening, Side::Left, Zone::Upper, Severity::None));
    variants.push_back(makeFinding(K::PleuralThickening, Side::Right, Zone::Middle, Severity::None));
    variants.push_back(makeFinding(K::AorticCalcification, Side::None, Zone::None, Severity::None));
    variants.push_back(makeFinding(K::EndotrachealTube, Side::None, Zone::None, Severity::None));
    variants.push_back(makeFinding(K::CentralLine, Side::Right, Zone::Middle, Severity::None));
    variants.push_back(makeFinding(K::Pacemaker, Side::Left, Zone::None, Severity::None));
    variants.push_back(makeFinding(K::SternotomyWires, Side::None, Zone::None, Severity::None));
    return variants;
}

std::string describe(const FindingInstance& finding)
{
    return std::string(findingKindKey(finding.kind)) + "|" + sideKey(finding.side) + "|" + severityKey(finding.severity)
        + (finding.hedged ? "|hedged" : "");
}

int strongerGraphValue(int a, int b)
{
    const auto rank = [](int v) { return v == 1 ? 2 : v == -1 ? 1 : 0; };
    return rank(b) > rank(a) ? b : a;
}

} // namespace

TEST(PhantomReport, DeterministicPerSpecSeed)
{
    for (int i = 0; i < 100; ++i) {
        const StudySpec spec = sampleStudySpec(kSetSeed, i, 0.3);
        const PhantomReport a = writeReport(spec);
        const PhantomReport b = writeReport(spec);
        EXPECT_EQ(a.findings, b.findings);
        EXPECT_EQ(a.impression, b.impression);
        EXPECT_EQ(a.observationLabels, b.observationLabels);
        EXPECT_EQ(a.graphLabels, b.graphLabels);
        EXPECT_EQ(a.text(), a.findings + " " + a.impression);
    }
    // The phrasing follows spec.seed: the same findings with other seeds read differently.
    const FindingInstance effusion = makeFinding(FindingKind::PleuralEffusion, Side::Left, Zone::Lower, Severity::Moderate);
    std::set<std::string> texts;
    for (std::uint64_t seed = 0; seed < 20; ++seed)
        texts.insert(writeReport(singleFindingSpec(effusion, seed)).text());
    EXPECT_GE(texts.size(), 15U);
}

TEST(PhantomReport, NormalStudyIsLabelledNormal)
{
    int normalStudies = 0;
    std::set<std::string> impressions;
    for (int i = 0; i < 300; ++i) {
        const StudySpec spec = sampleStudySpec(kSetSeed, i, 0.5);
        if (!spec.findings.empty())
            continue;
        ++normalStudies;
        const PhantomReport report = writeReport(spec);
        EXPECT_EQ(report.graphLabels.at("normal"), 1);
        for (const auto& [node, value] : report.graphLabels)
            if (node != "normal") {
                EXPECT_EQ(value, 0) << node;
            }
        EXPECT_EQ(report.observationLabels.at("No Finding"), 1) << report.text();
        for (const auto& [observation, value] : report.observationLabels)
            if (observation != "No Finding") {
                EXPECT_EQ(value, 0) << observation << ": " << report.text();
            }
        EXPECT_TRUE(report.contextLabels.empty());
        EXPECT_FALSE(report.findings.empty());
        impressions.insert(report.impression);
    }
    EXPECT_GT(normalStudies, 100);
    EXPECT_GE(impressions.size(), 5U);
}

TEST(PhantomReport, LabelsStateEveryFinding)
{
    for (int i = 0; i < 1500; ++i) {
        const StudySpec spec = sampleStudySpec(kSetSeed, i, 0.0);
        const PhantomReport report = writeReport(spec);

        // Graph labels: every finding node plus "normal", computed here from the spec.
        std::map<std::string, int> expectedGraph;
        for (const std::string& node : graphFindingNodeNames())
            expectedGraph[node] = 0;
        expectedGraph["normal"] = 0;
        std::map<std::string, int> expectedObservation;
        for (const FindingInstance& finding : spec.findings) {
            const int value = finding.hedged ? -1 : 1;
            expectedGraph[graphNodeName(finding.kind)] = strongerGraphValue(expectedGraph[graphNodeName(finding.kind)], value);
            const bool opacity = finding.kind == FindingKind::Consolidation || finding.kind == FindingKind::Pneumonia
                || finding.kind == FindingKind::Atelectasis || finding.kind == FindingKind::PulmonaryEdema;
            if (opacity)
                expectedGraph["opacity"] = strongerGraphValue(expectedGraph["opacity"], value);
            auto [entry, inserted] = expectedObservation.emplace(observationName(finding.kind), value);
            if (!inserted)
                entry->second = strongerGraphValue(entry->second, value);
        }
        EXPECT_EQ(report.graphLabels, expectedGraph) << spec.id;
        EXPECT_EQ(report.graphLabels.at("cicatrix"), 0);

        // The report states each finding with its certainty: the observation's label is 1 or −1.
        for (const auto& [observation, value] : expectedObservation) {
            ASSERT_EQ(report.observationLabels.count(observation), 1U) << observation << ": " << report.text();
            EXPECT_EQ(report.observationLabels.at(observation), value) << observation << ": " << report.text();
        }
        // And nothing else positive or uncertain except the CheXpert parents of what it states.
        for (const auto& [observation, value] : report.observationLabels) {
            if (value == 0 || expectedObservation.count(observation) > 0 || observation == "No Finding")
                continue;
            static const std::set<std::string> derived = {"Lung Lesion", "Lung Opacity", "Pleural Other",
                                                          "Airspace Disease", "Consolidation"};
            EXPECT_EQ(derived.count(observation), 1U) << observation << ": " << report.text();
        }
        // No Finding as CheXpert: only support devices (and no "postoperative" changes) leave it set.
        const bool onlyDevices = std::all_of(spec.findings.begin(), spec.findings.end(), [](const FindingInstance& f) {
            return std::string(observationName(f.kind)) == "Support Devices";
        });
        const bool postoperative = report.text().find("Postoperative") != std::string::npos;
        EXPECT_EQ(report.observationLabels.count("No Finding"), onlyDevices && !postoperative ? 1U : 0U) << report.text();

        // Context labels: one per finding, "finding|location|severity".
        ASSERT_EQ(report.contextLabels.size(), spec.findings.size());
        for (std::size_t f = 0; f < spec.findings.size(); ++f) {
            const ContextLabel& label = report.contextLabels[f];
            const FindingInstance& finding = spec.findings[f];
            EXPECT_EQ(label.finding, graphNodeName(finding.kind));
            EXPECT_EQ(label.location.rfind(sideKey(finding.side), 0), 0U) << label.key();
            EXPECT_EQ(label.key(), label.finding + "|" + label.location + "|" + label.severity);
            if (finding.kind == FindingKind::PleuralEffusion) {
                EXPECT_TRUE(label.severity == "small" || label.severity == "moderate" || label.severity == "large");
            }
            if (finding.kind == FindingKind::Mass) {
                EXPECT_EQ(label.severity, "large");
            }
        }
    }
}

TEST(PhantomReport, HedgedFindingsAreUncertainAndWordedSo)
{
    static const char* const hedges[] = {"possible", "possibly", "cannot exclude", "may represent", "likely", "probable",
                                         "questionable", "suspected", "suspicious", "subtle"};
    int hedgedOnly = 0;
    for (const FindingInstance& finding : findingVariants()) {
        if (!finding.hedged)
            continue;
        ++hedgedOnly;
        for (std::uint64_t seed = 0; seed < 30; ++seed) {
            const PhantomReport report = writeReport(singleFindingSpec(finding, seed));
            EXPECT_EQ(report.graphLabels.at(graphNodeName(finding.kind)), -1);
            EXPECT_EQ(report.observationLabels.at(observationName(finding.kind)), -1) << report.text();
            EXPECT_EQ(report.observationLabels.count("No Finding"), 0U);
            std::string lower = report.text();
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
            EXPECT_TRUE(std::any_of(std::begin(hedges), std::end(hedges),
                                    [&](const char* hedge) { return lower.find(hedge) != std::string::npos; }))
                << report.text();
        }
    }
    EXPECT_GE(hedgedOnly, 12);
}

TEST(PhantomReport, AtLeastFivePhrasingsPerFindingAndSeverity)
{
    for (const FindingInstance& finding : findingVariants()) {
        std::set<std::string> findingSentences;
        std::set<std::string> impressions;
        for (std::uint64_t seed = 0; seed < 300; ++seed) {
            const PhantomReport report = writeReport(singleFindingSpec(finding, seed));
            for (const std::string& sentence : sentencesOf(report.findings))
                if (normalSentences().count(sentence) == 0)
                    findingSentences.insert(sentence);
            impressions.insert(report.impression);
        }
        EXPECT_GE(findingSentences.size(), 5U) << describe(finding);
        EXPECT_LE(findingSentences.size(), 14U) << describe(finding) << ": a normal statement counted as a finding?";
        EXPECT_GE(impressions.size(), 3U) << describe(finding);
    }
}

TEST(PhantomReport, SentencesAreCleanForR2GenAndTheFlip)
{
    std::set<std::string> firstSentences;
    for (int i = 0; i < 2000; ++i) {
        const PhantomReport report = writeReport(sampleStudySpec(kSetSeed, i, 0.3));
        for (const std::string* section : {&report.findings, &report.impression}) {
            ASSERT_FALSE(section->empty());
            EXPECT_EQ(section->back(), '.') << *section;
            EXPECT_EQ(section->find(".."), std::string::npos) << *section;
            EXPECT_EQ(section->find("  "), std::string::npos) << *section;
            for (std::size_t c = 0; c < section->size(); ++c) {
                const char ch = (*section)[c];
                EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(ch)) || ch == ' ' || ch == '.' || ch == ',' || ch == '-')
                    << "'" << ch << "' in " << *section;
                if (ch == '.' && c > 0 && c + 1 < section->size()) {
                    EXPECT_EQ((*section)[c + 1], ' ') << "decimal or abbreviation dot in " << *section;
                }
            }
            for (const std::string& sentence : sentencesOf(*section)) {
                const auto first = static_cast<unsigned char>(sentence.front());
                EXPECT_TRUE(std::isupper(first) || std::isdigit(first)) << sentence;
                EXPECT_FALSE(std::isdigit(static_cast<unsigned char>(sentence[sentence.size() - 2]))) << sentence;
            }
            for (const char* word : {"lingula", "dextro", "levo", "left-", "right-"})
                EXPECT_EQ(section->find(word), std::string::npos) << *section;
        }
        firstSentences.insert(sentencesOf(report.findings).front());
    }
    EXPECT_GE(firstSentences.size(), 30U); // the sentence order varies
}

TEST(PhantomReport, AnySpecIsWritten)
{
    // Every kind at once (beyond what the sampler draws): each is stated, none throws.
    StudySpec spec;
    spec.seed = 5;
    for (const FindingKind kind : allFindingKinds()) {
        FindingInstance finding = makeFinding(kind, Side::Left, Zone::Lower, Severity::Moderate, 12);
        if (kind == FindingKind::PulmonaryEdema || kind == FindingKind::Emphysema || kind == FindingKind::Hypoinflation)
            finding.side = Side::Bilateral;
        if (kind == FindingKind::Mass)
            finding.sizeMm = 40;
        spec.findings.push_back(finding);
    }
    const PhantomReport report = writeReport(spec);
    for (const FindingKind kind : allFindingKinds()) {
        EXPECT_EQ(report.observationLabels.at(observationName(kind)), 1) << findingKindKey(kind);
        EXPECT_EQ(report.graphLabels.at(graphNodeName(kind)), 1) << findingKindKey(kind);
    }
    EXPECT_EQ(report.contextLabels.size(), spec.findings.size());
}
