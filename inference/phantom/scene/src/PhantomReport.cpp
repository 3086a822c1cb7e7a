// writeReport: the Findings section by organ system (positives, then normal statements for what
// is absent), the Impression (positives by urgency, or "no acute abnormality"), and the labels.

#include "phantom/PhantomReport.h"

#include "FindingPhrases.h"
#include "FindingWords.h"
#include "NormalPhrases.h"
#include "ReportSentence.h"
#include "StudyRandom.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <stdexcept>

namespace raddraft::phantom {

namespace {

using detail::NormalStatement;
using detail::Phrasing;
using detail::ReportSection;
using detail::StudyRandom;
using detail::WrittenSentence;

/// The report's random stream, separate from the renderer's use of spec.seed.
constexpr std::uint64_t kReportStream = 0x5245504F5254ULL; // "REPORT"

enum class OrganSystem { Devices, Heart, Mediastinum, Lungs, Pleura, Bones };
constexpr std::size_t kOrganSystemCount = 6;

OrganSystem organSystemOf(FindingKind kind)
{
    switch (kind) {
    case FindingKind::EndotrachealTube:
    case FindingKind::CentralLine:
    case FindingKind::Pacemaker:
    case FindingKind::SternotomyWires:
        return OrganSystem::Devices;
    case FindingKind::Cardiomegaly:
        return OrganSystem::Heart;
    case FindingKind::HiatalHernia:
    case FindingKind::AorticCalcification:
        return OrganSystem::Mediastinum;
    case FindingKind::PleuralEffusion:
    case FindingKind::Pneumothorax:
    case FindingKind::PleuralThickening:
        return OrganSystem::Pleura;
    case FindingKind::RibFracture:
    case FindingKind::Scoliosis:
        return OrganSystem::Bones;
    default:
        return OrganSystem::Lungs;
    }
}

/// Orders in which radiologists walk the film: devices first or last, heart or lungs first;
/// the bones always after heart, lungs and pleura.
const std::vector<std::array<OrganSystem, kOrganSystemCount>>& sectionOrders()
{
    using S = OrganSystem;
    static const std::vector<std::array<OrganSystem, kOrganSystemCount>> orders = {
        {S::Devices, S::Heart, S::Mediastinum, S::Lungs, S::Pleura, S::Bones},
        {S::Heart, S::Mediastinum, S::Lungs, S::Pleura, S::Bones, S::Devices},
        {S::Lungs, S::Pleura, S::Heart, S::Mediastinum, S::Bones, S::Devices},
        {S::Devices, S::Lungs, S::Pleura, S::Heart, S::Mediastinum, S::Bones},
        {S::Heart, S::Mediastinum, S::Lungs, S::Pleura, S::Devices, S::Bones},
    };
    return orders;
}

WrittenSentence write(const Phrasing& phrasing, const std::map<std::string, std::string>& words)
{
    return {detail::fillTemplate(phrasing.text, words), phrasing.says};
}

WrittenSentence pick(const std::vector<Phrasing>& phrasings, StudyRandom& random)
{
    return write(phrasings[random.index(phrasings.size())], {});
}

/// A phrasing of `finding` for `section` that fits its severity and laterality.
WrittenSentence describe(const FindingInstance& finding, ReportSection section, StudyRandom& random)
{
    const unsigned fit = detail::findingFit(finding);
    std::vector<const Phrasing*> fitting;
    for (const Phrasing& phrasing : detail::findingPhrasings(finding.kind, finding.hedged, section))
        if ((phrasing.fits & fit) == fit)
            fitting.push_back(&phrasing);
    if (fitting.empty())
        throw std::logic_error(std::string("phantom report: no phrasing for ") + findingKindKey(finding.kind)
                               + (finding.hedged ? " (hedged)" : ""));
    return write(*fitting[random.index(fitting.size())], detail::findingWords(finding));
}

class FindingSet {
public:
    explicit FindingSet(const StudySpec& spec) : spec_(spec) {}
    bool has(FindingKind kind) const
    {
        return std::any_of(spec_.findings.begin(), spec_.findings.end(),
                           [kind](const FindingInstance& finding) { return finding.kind == kind; });
    }
    bool hasAny(std::initializer_list<FindingKind> kinds) const
    {
        return std::any_of(kinds.begin(), kinds.end(), [this](FindingKind kind) { return has(kind); });
    }

private:
    const StudySpec& spec_;
};

/// Normal statements per organ system for what the study lacks (some omitted now and then, as
/// real reports do; an omitted statement leaves its observation blank, never wrong).
std::array<std::vector<WrittenSentence>, kOrganSystemCount> normalStatements(const FindingSet& present,
                                                                              StudyRandom& random)
{
    std::array<std::vector<WrittenSentence>, kOrganSystemCount> statements;
    const auto add = [&](OrganSystem system, NormalStatement statement) {
        statements[static_cast<std::size_t>(system)].push_back(pick(detail::normalPhrasings(statement), random));
    };
    using K = FindingKind;

    if (!present.has(K::Cardiomegaly)) {
        if (random.chance(0.5)) {
            add(OrganSystem::Heart, NormalStatement::HeartAndMediastinum);
        } else {
            add(OrganSystem::Heart, NormalStatement::HeartSize);
            if (random.chance(0.8))
                add(OrganSystem::Mediastinum, NormalStatement::Mediastinum);
        }
    } else if (random.chance(0.7)) {
        add(OrganSystem::Mediastinum, NormalStatement::Mediastinum);
    }

    const bool diffuse = present.hasAny({K::PulmonaryEdema});
    const bool airspace = present.hasAny({K::Consolidation, K::Pneumonia});
    const bool anyLungFinding = diffuse || airspace
        || present.hasAny({K::Atelectasis, K::Nodule, K::Mass, K::CalcifiedGranuloma, K::Emphysema});
    if (!anyLungFinding)
        add(OrganSystem::Lungs, NormalStatement::LungsClear);
    else if (!diffuse && !airspace)
        add(OrganSystem::Lungs, random.chance(0.5) ? NormalStatement::NoConsolidation : NormalStatement::LungsOtherwiseClear);
    else if (!diffuse && random.chance(0.6))
        add(OrganSystem::Lungs, NormalStatement::LungsOtherwiseClear);
    if (present.has(K::Cardiomegaly) && !diffuse && random.chance(0.6))
        add(OrganSystem::Lungs, NormalStatement::NoEdema);

    const bool effusion = present.has(K::PleuralEffusion);
    const bool pneumothorax = present.has(K::Pneumothorax);
    if (!effusion && !pneumothorax)
        add(OrganSystem::Pleura, NormalStatement::NoEffusionOrPneumothorax);
    else if (!pneumothorax)
        add(OrganSystem::Pleura, NormalStatement::NoPneumothorax);
    else if (!effusion)
        add(OrganSystem::Pleura, NormalStatement::NoEffusion);

    if (!present.has(K::RibFracture)) {
        if (!present.has(K::Scoliosis) && random.chance(0.85))
            add(OrganSystem::Bones, NormalStatement::BonesNormal);
        else if (present.has(K::Scoliosis) && random.chance(0.6))
            add(OrganSystem::Bones, NormalStatement::NoFracture);
    }
    return statements;
}

template <typename T>
void shuffle(std::vector<T>& items, StudyRandom& random)
{
    for (std::size_t i = items.size(); i > 1; --i)
        std::swap(items[i - 1], items[random.index(i)]);
}

std::vector<WrittenSentence> findingsSection(const StudySpec& spec, StudyRandom& random)
{
    std::array<std::vector<WrittenSentence>, kOrganSystemCount> positives;
    std::vector<WrittenSentence> opening; // low volumes or hyperinflation often open the report
    for (const FindingInstance& finding : spec.findings) {
        WrittenSentence sentence = describe(finding, ReportSection::Findings, random);
        const bool volumes = finding.kind == FindingKind::Hypoinflation || finding.kind == FindingKind::Emphysema;
        if (volumes && random.chance(0.5))
            opening.push_back(std::move(sentence));
        else
            positives[static_cast<std::size_t>(organSystemOf(finding.kind))].push_back(std::move(sentence));
    }
    const auto normals = normalStatements(FindingSet(spec), random);
    const auto& orders = sectionOrders();
    const auto& order = orders[random.index(orders.size())];

    std::vector<WrittenSentence> sentences = opening;
    for (const OrganSystem system : order) {
        const auto index = static_cast<std::size_t>(system);
        std::vector<WrittenSentence> section = positives[index];
        shuffle(section, random);
        sentences.insert(sentences.end(), section.begin(), section.end());
        sentences.insert(sentences.end(), normals[index].begin(), normals[index].end());
    }
    return sentences;
}

bool isDevice(FindingKind kind)
{
    return organSystemOf(kind) == OrganSystem::Devices;
}

std::vector<WrittenSentence> impressionSection(const StudySpec& spec, StudyRandom& random)
{
    if (spec.findings.empty())
        return {pick(detail::normalPhrasings(NormalStatement::NormalImpression), random)};

    std::vector<const FindingInstance*> named;
    std::vector<const FindingInstance*> incidental;
    for (const FindingInstance& finding : spec.findings)
        (detail::isImpressionFinding(finding.kind) ? named : incidental).push_back(&finding);
    std::stable_sort(named.begin(), named.end(), [](const FindingInstance* a, const FindingInstance* b) {
        return detail::impressionPriority(a->kind) < detail::impressionPriority(b->kind);
    });

    std::vector<WrittenSentence> sentences;
    for (const FindingInstance* finding : named)
        sentences.push_back(describe(*finding, ReportSection::Impression, random));
    const bool onlyDevices = std::all_of(named.begin(), named.end(),
                                         [](const FindingInstance* finding) { return isDevice(finding->kind); });
    if (onlyDevices) {
        sentences.push_back(pick(detail::normalPhrasings(NormalStatement::NoAcuteImpression), random));
        if (random.chance(0.5))
            for (const FindingInstance* finding : incidental)
                sentences.push_back(describe(*finding, ReportSection::Impression, random));
    }
    return sentences;
}

std::string joined(const std::vector<WrittenSentence>& sentences)
{
    std::string text;
    for (const WrittenSentence& sentence : sentences)
        text += (text.empty() ? "" : " ") + sentence.text;
    return text;
}

/// 1 present, −1 hedged, 0 absent; the stronger value wins when two findings share a node.
int strongerGraphValue(int current, int value)
{
    const auto rank = [](int v) { return v == 1 ? 2 : v == -1 ? 1 : 0; };
    return rank(value) > rank(current) ? value : current;
}

bool isLungOpacity(FindingKind kind)
{
    return kind == FindingKind::Consolidation || kind == FindingKind::Pneumonia || kind == FindingKind::Atelectasis
        || kind == FindingKind::PulmonaryEdema;
}

std::map<std::string, int> graphLabelsOf(const StudySpec& spec)
{
    std::map<std::string, int> labels;
    for (const std::string& node : graphFindingNodeNames())
        labels[node] = 0;
    for (const FindingInstance& finding : spec.findings) {
        const int value = finding.hedged ? -1 : 1;
        int& node = labels.at(graphNodeName(finding.kind));
        node = strongerGraphValue(node, value);
        if (isLungOpacity(finding.kind))
            labels.at("opacity") = strongerGraphValue(labels.at("opacity"), value);
    }
    labels["normal"] = spec.findings.empty() ? 1 : 0;
    return labels;
}

std::map<std::string, int> observationLabelsOf(const std::vector<WrittenSentence>& sentences)
{
    std::vector<labeler::ClassifiedMention> mentions;
    for (const WrittenSentence& sentence : sentences)
        mentions.insert(mentions.end(), sentence.says.begin(), sentence.says.end());
    const labeler::ReportLabels labels = labeler::aggregateMentions(mentions, !sentences.empty());
    std::map<std::string, int> result;
    for (const labeler::Observation observation : labeler::allObservations())
        if (const std::optional<int> code = labeler::labelCode(labels.value(observation)))
            result[labeler::observationName(observation)] = *code;
    return result;
}

} // namespace

std::string ContextLabel::key() const
{
    return finding + "|" + location + "|" + severity;
}

std::string PhantomReport::text() const
{
    return findings + " " + impression;
}

const std::vector<std::string>& graphFindingNodeNames()
{
    static const std::vector<std::string> nodes = {
        "cardiomegaly",   "scoliosis",  "fracture",  "pleural effusion", "pleural thickening", "pneumothorax",
        "hiatal hernia",  "calcinosis", "emphysema", "pneumonia",        "pulmonary edema",    "atelectasis",
        "cicatrix",       "opacity",    "nodule",    "airspace disease", "hypoinflation",      "medical device"};
    return nodes;
}

PhantomReport writeReport(const StudySpec& spec)
{
    StudyRandom random(detail::deriveSeed(spec.seed, kReportStream));
    const std::vector<WrittenSentence> findings = findingsSection(spec, random);
    const std::vector<WrittenSentence> impression = impressionSection(spec, random);

    PhantomReport report;
    report.findings = joined(findings);
    report.impression = joined(impression);
    report.graphLabels = graphLabelsOf(spec);
    std::vector<WrittenSentence> all = findings;
    all.insert(all.end(), impression.begin(), impression.end());
    report.observationLabels = observationLabelsOf(all);
    for (const FindingInstance& finding : spec.findings)
        report.contextLabels.push_back(
            {graphNodeName(finding.kind), detail::findingLocation(finding), detail::findingSeverity(finding)});
    return report;
}

} // namespace raddraft::phantom
