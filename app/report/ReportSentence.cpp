#include "report/ReportSentence.h"

#include "report/ReportError.h"

namespace raddraft::report {

SentenceOrigin ReportSentence::origin() const
{
    if (source.kind == SentenceSource::Kind::User)
        return SentenceOrigin::UserWritten;
    if (fromAlternative)
        return SentenceOrigin::InsertedFromAlternative;
    return isEdited() ? SentenceOrigin::AiEdited : SentenceOrigin::AiUnchanged;
}

bool ReportSentence::operator==(const ReportSentence& other) const
{
    return id == other.id && text == other.text && source == other.source && fromAlternative == other.fromAlternative &&
           state == other.state;
}

QJsonObject sentenceAttributesToJson(const ReportSentence& sentence)
{
    return {{QStringLiteral("source"), sentence.source.toJson()},
            {QStringLiteral("from_alternative"), sentence.fromAlternative},
            {QStringLiteral("state"), sentenceStateName(sentence.state)}};
}

void sentenceAttributesFromJson(const QJsonObject& json, ReportSentence& sentence)
{
    if (!json.value(QStringLiteral("source")).isObject() || !json.value(QStringLiteral("from_alternative")).isBool())
        throw ReportError(ReportErrorCode::InvalidData,
                          QStringLiteral("sentence attributes: \"source\" (object) or \"from_alternative\" (bool) missing"));
    const std::optional<SentenceState> state = sentenceStateFromName(json.value(QStringLiteral("state")).toString());
    if (!state)
        throw ReportError(ReportErrorCode::InvalidData, QStringLiteral("sentence attributes: \"state\" is not a known state"));
    sentence.source = SentenceSource::fromJson(json.value(QStringLiteral("source")).toObject());
    sentence.fromAlternative = json.value(QStringLiteral("from_alternative")).toBool();
    sentence.state = *state;
}

QString reportSectionName(ReportSection section)
{
    return section == ReportSection::Findings ? QStringLiteral("findings") : QStringLiteral("impression");
}

std::optional<ReportSection> reportSectionFromName(const QString& name)
{
    for (const ReportSection section : {ReportSection::Findings, ReportSection::Impression})
        if (name == reportSectionName(section))
            return section;
    return std::nullopt;
}

QString sentenceStateName(SentenceState state)
{
    switch (state) {
    case SentenceState::Pending:
        return QStringLiteral("pending");
    case SentenceState::Accepted:
        return QStringLiteral("accepted");
    case SentenceState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<SentenceState> sentenceStateFromName(const QString& name)
{
    for (const SentenceState state : {SentenceState::Pending, SentenceState::Accepted, SentenceState::Rejected})
        if (name == sentenceStateName(state))
            return state;
    return std::nullopt;
}

QString sentenceOriginName(SentenceOrigin origin)
{
    switch (origin) {
    case SentenceOrigin::AiUnchanged:
        return QStringLiteral("ai-unchanged");
    case SentenceOrigin::AiEdited:
        return QStringLiteral("ai-edited");
    case SentenceOrigin::UserWritten:
        return QStringLiteral("user-written");
    case SentenceOrigin::InsertedFromAlternative:
        return QStringLiteral("inserted-from-alternative");
    }
    return {};
}

} // namespace raddraft::report
