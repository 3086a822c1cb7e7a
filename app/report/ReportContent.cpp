#include "report/ReportContent.h"

#include "report/ReportError.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace raddraft::report {

namespace {

QJsonArray sentencesToJson(const std::vector<ReportSentence>& sentences)
{
    QJsonArray array;
    for (const ReportSentence& sentence : sentences)
        array.append(sentenceToJson(sentence));
    return array;
}

std::vector<ReportSentence> sentencesFromJson(const QJsonValue& value, const QString& what)
{
    if (!value.isArray())
        throw ReportError(ReportErrorCode::InvalidData, QStringLiteral("report content: \"%1\" is not an array").arg(what));
    std::vector<ReportSentence> sentences;
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isObject())
            throw ReportError(ReportErrorCode::InvalidData, QStringLiteral("report content: an item of \"%1\" is not an object").arg(what));
        sentences.push_back(sentenceFromJson(item.toObject()));
    }
    return sentences;
}

QString sectionText(const std::vector<ReportSentence>& sentences)
{
    QStringList parts;
    for (const ReportSentence& sentence : sentences) {
        const QString text = sentence.text.trimmed();
        if (sentence.state != SentenceState::Rejected && !text.isEmpty())
            parts.append(text);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString ReportContent::finalText() const
{
    QStringList sections;
    const QString findingsText = sectionText(findings);
    if (!findingsText.isEmpty())
        sections.append(QStringLiteral("FINDINGS:\n") + findingsText);
    const QString impressionText = sectionText(impression);
    if (!impressionText.isEmpty())
        sections.append(QStringLiteral("IMPRESSION:\n") + impressionText);
    return sections.join(QStringLiteral("\n\n"));
}

SentenceId ReportContent::largestSentenceId() const
{
    SentenceId largest = 0;
    for (const auto* section : {&findings, &impression})
        for (const ReportSentence& sentence : *section)
            largest = std::max(largest, sentence.id);
    return largest;
}

QJsonObject sentenceToJson(const ReportSentence& sentence)
{
    QJsonObject json = sentenceAttributesToJson(sentence);
    json.insert(QStringLiteral("id"), sentence.id);
    json.insert(QStringLiteral("text"), sentence.text);
    return json;
}

ReportSentence sentenceFromJson(const QJsonObject& json)
{
    ReportSentence sentence;
    const QJsonValue id = json.value(QStringLiteral("id"));
    if (!id.isDouble() || id.toInteger() <= 0 || !json.value(QStringLiteral("text")).isString())
        throw ReportError(ReportErrorCode::InvalidData, QStringLiteral("sentence: \"id\" (positive integer) or \"text\" missing"));
    sentence.id = id.toInteger();
    sentence.text = json.value(QStringLiteral("text")).toString();
    sentenceAttributesFromJson(json, sentence);
    return sentence;
}

QJsonObject findingLabelToJson(const FindingLabel& label)
{
    return {{QStringLiteral("name"), label.name},
            {QStringLiteral("probability"), label.probability},
            {QStringLiteral("model_present"), label.modelPresent},
            {QStringLiteral("status"), findingStatusName(label.status)}};
}

FindingLabel findingLabelFromJson(const QJsonObject& json)
{
    const std::optional<FindingStatus> status = findingStatusFromName(json.value(QStringLiteral("status")).toString());
    if (!json.value(QStringLiteral("name")).isString() || !json.value(QStringLiteral("probability")).isDouble() ||
        !json.value(QStringLiteral("model_present")).isBool() || !status)
        throw ReportError(ReportErrorCode::InvalidData,
                          QStringLiteral("finding label: \"name\", \"probability\", \"model_present\" or \"status\" missing or invalid"));
    return {json.value(QStringLiteral("name")).toString(), json.value(QStringLiteral("probability")).toDouble(),
            json.value(QStringLiteral("model_present")).toBool(), *status};
}

QJsonObject ReportContent::toJson() const
{
    QJsonArray labelArray;
    for (const FindingLabel& label : labels)
        labelArray.append(findingLabelToJson(label));
    return {{QStringLiteral("model"), modelReferenceToJson(model)},
            {QStringLiteral("findings"), sentencesToJson(findings)},
            {QStringLiteral("impression"), sentencesToJson(impression)},
            {QStringLiteral("labels"), labelArray}};
}

ReportContent ReportContent::fromJson(const QJsonObject& json)
{
    ReportContent content;
    if (!json.value(QStringLiteral("model")).isObject() || !json.value(QStringLiteral("labels")).isArray())
        throw ReportError(ReportErrorCode::InvalidData, QStringLiteral("report content: \"model\" or \"labels\" missing"));
    content.model = modelReferenceFromJson(json.value(QStringLiteral("model")).toObject());
    content.findings = sentencesFromJson(json.value(QStringLiteral("findings")), QStringLiteral("findings"));
    content.impression = sentencesFromJson(json.value(QStringLiteral("impression")), QStringLiteral("impression"));
    for (const QJsonValue& item : json.value(QStringLiteral("labels")).toArray())
        content.labels.push_back(findingLabelFromJson(item.toObject()));
    return content;
}

bool ReportContent::operator==(const ReportContent& other) const
{
    return model == other.model && findings == other.findings && impression == other.impression && labels == other.labels;
}

ReportContent reportContentFromDraft(const inference::Draft& draft)
{
    ReportContent content;
    content.model = {QString::fromStdString(draft.model.type), QString::fromStdString(draft.model.name),
                     QString::fromStdString(draft.model.version), QString::fromStdString(draft.model.bundleHash)};
    for (std::size_t index = 0; index < draft.sentences.size(); ++index) {
        ReportSentence sentence;
        sentence.id = static_cast<SentenceId>(index + 1);
        sentence.text = QString::fromStdString(draft.sentences[index].text);
        sentence.source = SentenceSource::modelDraft(content.model, static_cast<int>(index), sentence.text);
        content.findings.push_back(std::move(sentence));
    }
    for (const inference::Finding& finding : draft.findings)
        content.labels.push_back({QString::fromStdString(finding.name), finding.probability, finding.present,
                                  finding.present ? FindingStatus::Present : FindingStatus::Absent});
    return content;
}

} // namespace raddraft::report
