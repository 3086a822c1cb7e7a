#include "report/EditEvent.h"

namespace raddraft::report {

bool EditChange::operator==(const EditChange& other) const
{
    return kind == other.kind && target == other.target && section == other.section && sentenceId == other.sentenceId &&
           position == other.position && before == other.before && after == other.after && source == other.source;
}

bool EditEvent::operator==(const EditEvent& other) const
{
    return sequence == other.sequence && user == other.user && timestampMicroseconds == other.timestampMicroseconds &&
           cause == other.cause && change == other.change;
}

QString editKindName(EditKind kind)
{
    switch (kind) {
    case EditKind::Insert:
        return QStringLiteral("insert");
    case EditKind::Delete:
        return QStringLiteral("delete");
    case EditKind::Replace:
        return QStringLiteral("replace");
    case EditKind::Accept:
        return QStringLiteral("accept");
    case EditKind::Reject:
        return QStringLiteral("reject");
    case EditKind::TagCorrection:
        return QStringLiteral("tag-correction");
    case EditKind::Sign:
        return QStringLiteral("sign");
    }
    return {};
}

std::optional<EditKind> editKindFromName(const QString& name)
{
    for (const EditKind kind : {EditKind::Insert, EditKind::Delete, EditKind::Replace, EditKind::Accept, EditKind::Reject,
                                EditKind::TagCorrection, EditKind::Sign})
        if (name == editKindName(kind))
            return kind;
    return std::nullopt;
}

QString editTargetName(EditTarget target)
{
    switch (target) {
    case EditTarget::Text:
        return QStringLiteral("text");
    case EditTarget::Sentence:
        return QStringLiteral("sentence");
    case EditTarget::Finding:
        return QStringLiteral("finding");
    case EditTarget::Report:
        return QStringLiteral("report");
    }
    return {};
}

std::optional<EditTarget> editTargetFromName(const QString& name)
{
    for (const EditTarget target : {EditTarget::Text, EditTarget::Sentence, EditTarget::Finding, EditTarget::Report})
        if (name == editTargetName(target))
            return target;
    return std::nullopt;
}

QString editCauseName(EditCause cause)
{
    switch (cause) {
    case EditCause::Edit:
        return QStringLiteral("edit");
    case EditCause::Undo:
        return QStringLiteral("undo");
    case EditCause::Redo:
        return QStringLiteral("redo");
    }
    return {};
}

std::optional<EditCause> editCauseFromName(const QString& name)
{
    for (const EditCause cause : {EditCause::Edit, EditCause::Undo, EditCause::Redo})
        if (name == editCauseName(cause))
            return cause;
    return std::nullopt;
}

QString describeEvent(const EditEvent& event)
{
    const EditChange& change = event.change;
    return QStringLiteral("#%1 %2 %3 %4 sentence %5 at %6: \"%7\" → \"%8\"")
        .arg(event.sequence)
        .arg(editCauseName(event.cause), editKindName(change.kind), editTargetName(change.target))
        .arg(change.sentenceId)
        .arg(change.position)
        .arg(change.before, change.after);
}

} // namespace raddraft::report
