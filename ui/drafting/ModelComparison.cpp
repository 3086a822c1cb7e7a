#include "ModelComparison.h"

#include "FindingNames.h"
#include "labeler/Labeler.h"

#include <algorithm>
#include <optional>

namespace raddraft::ui {

ComparedVerdict verdictOf(labeler::LabelValue value)
{
    switch (value) {
    case labeler::LabelValue::Positive:
        return ComparedVerdict::Present;
    case labeler::LabelValue::Uncertain:
        return ComparedVerdict::Uncertain;
    case labeler::LabelValue::Negative:
    case labeler::LabelValue::Blank:
        break;
    }
    return ComparedVerdict::Absent;
}

ModelComparison::ModelComparison() : m_labeler(std::make_unique<labeler::Labeler>()) {}

ModelComparison::~ModelComparison() = default;

std::vector<ComparisonRow> ModelComparison::compare(const QStringList& reportTexts) const
{
    std::vector<labeler::ReportLabels> labels;
    labels.reserve(static_cast<std::size_t>(reportTexts.size()));
    for (const QString& text : reportTexts)
        labels.push_back(m_labeler->label(text.toStdString()));

    std::vector<ComparisonRow> rows;
    for (const labeler::Observation observation : labeler::allObservations()) {
        ComparisonRow row;
        row.observation = observation;
        row.name = findingDisplayName(QString::fromUtf8(labeler::observationName(observation)));
        bool mentioned = false;
        std::optional<ComparedVerdict> first;
        for (int i = 0; i < reportTexts.size(); ++i) {
            const labeler::LabelValue value = labels[static_cast<std::size_t>(i)].value(observation);
            row.values.push_back(value);
            mentioned = mentioned || value != labeler::LabelValue::Blank;
            if (reportTexts[i].trimmed().isEmpty())
                continue; // a model without a draft has no opinion
            const ComparedVerdict verdict = verdictOf(value);
            if (!first)
                first = verdict;
            else if (*first != verdict)
                row.disagreement = true;
        }
        if (mentioned)
            rows.push_back(std::move(row));
    }
    std::stable_partition(rows.begin(), rows.end(), [](const ComparisonRow& row) { return row.disagreement; });
    return rows;
}

std::vector<labeler::Observation> ModelComparison::mentionedIn(const QString& sentence) const
{
    const labeler::ReportLabels labels = m_labeler->label(sentence.toStdString());
    std::vector<labeler::Observation> mentioned;
    for (const labeler::Observation observation : labeler::allObservations()) {
        // "No Finding" is what every normal sentence implies, not something it mentions.
        if (observation != labeler::Observation::NoFinding && labels.value(observation) != labeler::LabelValue::Blank)
            mentioned.push_back(observation);
    }
    return mentioned;
}

} // namespace raddraft::ui
