#include "ConsistencyChecker.h"

#include "FindingNames.h"
#include "FindingObservations.h"

#include "labeler/Labeler.h"

#include <QCoreApplication>

namespace raddraft::ui {

namespace {

/// This file's translation context, "ConsistencyChecker" (lupdate reads it from the macro; a helper function
/// would hide it).
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ConsistencyChecker)
};

/// What one sentence says about the observations of a finding: the strongest statement wins
/// (Positive over Uncertain over Negative), as the labeler aggregates a report.
labeler::LabelValue statement(const labeler::ReportLabels& labels, const std::vector<labeler::Observation>& observations)
{
    labeler::LabelValue value = labeler::LabelValue::Blank;
    for (const labeler::Observation observation : observations)
        value = labeler::strongerValue(value, labels.value(observation));
    return value;
}

QString sectionName(report::ReportSection section)
{
    return section == report::ReportSection::Findings ? Texts::tr("Findings") : Texts::tr("Impression");
}

QString describe(const ConsistencyWarning& warning, double threshold)
{
    const QString sentence = Texts::tr("%1 sentence %2").arg(sectionName(warning.section)).arg(warning.sentenceNumber);
    const QString finding = findingDisplayName(warning.finding);
    const QString says = warning.sentenceSaysPresent ? Texts::tr("%1 says %2").arg(sentence, finding)
                                                     : Texts::tr("%1 says no %2").arg(sentence, finding);
    if (warning.corrected)
        return warning.label == report::FindingStatus::Present ? Texts::tr("%1, but an annotator marked it present.").arg(says)
                                                               : Texts::tr("%1, but an annotator marked it absent.").arg(says);
    const QString probability = QString::number(warning.probability, 'f', 2);
    const QString limit = QString::number(threshold, 'f', 2);
    return warning.label == report::FindingStatus::Present
               ? Texts::tr("%1, but the model finds it present (%2 ≥ %3).").arg(says, probability, limit)
               : Texts::tr("%1, but the model finds it absent (%2 < %3).").arg(says, probability, limit);
}

} // namespace

bool ConsistencyWarning::operator==(const ConsistencyWarning& other) const
{
    return sentenceId == other.sentenceId && section == other.section && sentenceNumber == other.sentenceNumber &&
           finding == other.finding && label == other.label && corrected == other.corrected && probability == other.probability &&
           sentenceSaysPresent == other.sentenceSaysPresent && message == other.message;
}

ConsistencyChecker::ConsistencyChecker() : m_labeler(std::make_unique<labeler::Labeler>()) {}

ConsistencyChecker::~ConsistencyChecker() = default;

const labeler::ReportLabels& ConsistencyChecker::labelsOf(const QString& sentence)
{
    auto found = m_labelled.find(sentence);
    if (found == m_labelled.end()) {
        if (m_labelled.size() > 4096) // typing makes a new text per keystroke: forget the old ones now and then
            m_labelled.clear();
        found = m_labelled.insert(sentence, std::make_shared<const labeler::ReportLabels>(m_labeler->label(sentence.toStdString())));
    }
    return **found;
}

std::vector<ConsistencyWarning> ConsistencyChecker::check(const report::ReportContent& content, double threshold)
{
    struct Finding {
        const report::FindingLabel* label;
        std::vector<labeler::Observation> observations;
    };
    std::vector<Finding> findings;
    for (const report::FindingLabel& label : content.labels) {
        if (label.status == report::FindingStatus::Uncertain)
            continue;
        std::vector<labeler::Observation> observations = observationsForFinding(label.name);
        if (!observations.empty())
            findings.push_back({&label, std::move(observations)});
    }

    std::vector<ConsistencyWarning> warnings;
    for (const report::ReportSection section : {report::ReportSection::Findings, report::ReportSection::Impression}) {
        const std::vector<report::ReportSentence>& sentences = content.sentences(section);
        for (std::size_t index = 0; index < sentences.size(); ++index) {
            const report::ReportSentence& sentence = sentences[index];
            if (sentence.state == report::SentenceState::Rejected || sentence.text.trimmed().isEmpty())
                continue;
            const labeler::ReportLabels& labels = labelsOf(sentence.text);
            for (const Finding& finding : findings) {
                const labeler::LabelValue said = statement(labels, finding.observations);
                const bool present = finding.label->status == report::FindingStatus::Present;
                const bool contradicts = (present && said == labeler::LabelValue::Negative) ||
                                         (!present && said == labeler::LabelValue::Positive);
                if (!contradicts)
                    continue;
                ConsistencyWarning warning;
                warning.sentenceId = sentence.id;
                warning.section = section;
                warning.sentenceNumber = static_cast<int>(index) + 1;
                warning.finding = finding.label->name;
                warning.label = finding.label->status;
                warning.corrected = finding.label->isCorrected();
                warning.probability = finding.label->probability;
                warning.sentenceSaysPresent = said == labeler::LabelValue::Positive;
                warning.message = describe(warning, threshold);
                warnings.push_back(std::move(warning));
            }
        }
    }
    return warnings;
}

} // namespace raddraft::ui
