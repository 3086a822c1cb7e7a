#include "report/ReportDocument.h"

#include "report/ReportError.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>

namespace raddraft::report {

namespace {

qint64 systemClockMicroseconds()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parseJsonObject(const QString& text, const QString& what)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw ReportError(ReportErrorCode::InvalidData, QStringLiteral("%1: not a JSON object (%2)").arg(what, error.errorString()));
    return document.object();
}

QJsonObject findingSource(const QString& name)
{
    return {{QStringLiteral("finding"), name}};
}

/// Offsets between the two halves of a surrogate pair would split a character.
bool splitsCharacter(const QString& text, int offset)
{
    return offset > 0 && offset < text.size() && text.at(offset - 1).isHighSurrogate() && text.at(offset).isLowSurrogate();
}

EditChange inverted(EditChange change)
{
    std::swap(change.before, change.after);
    return change;
}

} // namespace

ReportDocument::ReportDocument(ReportContent initial, QObject* parent)
    : QObject(parent), m_content(std::move(initial)), m_clock(systemClockMicroseconds),
      m_nextSentenceId(m_content.largestSentenceId() + 1)
{
}

ReportDocument::~ReportDocument() = default;

const ReportSentence* ReportDocument::sentence(SentenceId id) const
{
    const std::optional<SentenceLocation> location = locate(id);
    return location ? &m_content.sentences(location->section)[std::size_t(location->index)] : nullptr;
}

std::optional<ReportDocument::SentenceLocation> ReportDocument::locate(SentenceId id) const
{
    for (const ReportSection section : {ReportSection::Findings, ReportSection::Impression}) {
        const std::vector<ReportSentence>& sentences = m_content.sentences(section);
        const auto found = std::find_if(sentences.begin(), sentences.end(), [id](const ReportSentence& s) { return s.id == id; });
        if (found != sentences.end())
            return SentenceLocation{section, static_cast<int>(found - sentences.begin())};
    }
    return std::nullopt;
}

void ReportDocument::requireEditable() const
{
    if (m_signed) {
        const QString when = QDateTime::fromMSecsSinceEpoch(m_signedAtMicroseconds / 1000).toString(Qt::ISODate);
        throw ReportError(ReportErrorCode::Signed,
                          QStringLiteral("the report was signed off by %1 at %2; it can no longer be changed").arg(m_signedBy, when));
    }
    if (!m_replaying && m_user.trimmed().isEmpty())
        throw ReportError(ReportErrorCode::InvalidArgument,
                          QStringLiteral("no user name is set; it is stamped on every logged edit, so set it before editing"));
}

ReportDocument::SentenceLocation ReportDocument::requireSentence(SentenceId id) const
{
    const std::optional<SentenceLocation> location = locate(id);
    if (!location)
        throw ReportError(ReportErrorCode::InvalidArgument, QStringLiteral("there is no sentence with id %1").arg(id));
    return *location;
}

ReportSentence& ReportDocument::sentenceAt(const SentenceLocation& location)
{
    return m_content.sentences(location.section)[std::size_t(location.index)];
}

// ---- Operations: check, then build the change and the change that undoes it ----

void ReportDocument::insertText(SentenceId id, int position, const QString& text)
{
    replaceText(id, position, 0, text);
}

void ReportDocument::deleteText(SentenceId id, int position, int length)
{
    replaceText(id, position, length, {});
}

void ReportDocument::replaceText(SentenceId id, int position, int length, const QString& text)
{
    requireEditable();
    const SentenceLocation location = requireSentence(id);
    const QString& current = sentenceAt(location).text;
    if (position < 0 || length < 0 || position > current.size() || length > current.size() - position)
        throw ReportError(ReportErrorCode::InvalidArgument,
                          QStringLiteral("characters %1..%2 are outside sentence %3 (%4 characters)")
                              .arg(position)
                              .arg(qint64(position) + length)
                              .arg(id)
                              .arg(current.size()));
    if (splitsCharacter(current, position) || splitsCharacter(current, position + length))
        throw ReportError(ReportErrorCode::InvalidArgument,
                          QStringLiteral("position %1 or %2 of sentence %3 falls inside a character").arg(position).arg(position + length).arg(id));
    const QString removed = current.mid(position, length);
    if (removed == text)
        return;
    const EditKind kind = removed.isEmpty() ? EditKind::Insert : text.isEmpty() ? EditKind::Delete : EditKind::Replace;
    const EditKind inverseKind = kind == EditKind::Insert ? EditKind::Delete : kind == EditKind::Delete ? EditKind::Insert : EditKind::Replace;
    const EditChange forward{kind, EditTarget::Text, location.section, id, position, removed, text, {}};
    EditChange inverse = inverted(forward);
    inverse.kind = inverseKind;
    perform(forward, inverse);
}

SentenceId ReportDocument::insertSentence(ReportSection section, int index, const QString& text)
{
    requireEditable();
    const int count = static_cast<int>(m_content.sentences(section).size());
    if (index < 0 || index > count)
        throw ReportError(ReportErrorCode::InvalidArgument,
                          QStringLiteral("sentence index %1 is outside the %2 section (%3 sentences)").arg(index).arg(reportSectionName(section)).arg(count));
    ReportSentence sentence;
    sentence.id = m_nextSentenceId;
    sentence.text = text;
    sentence.state = SentenceState::Accepted;
    const QString attributes = compactJson(sentenceAttributesToJson(sentence));
    perform({EditKind::Insert, EditTarget::Sentence, section, sentence.id, index, {}, text, attributes},
            {EditKind::Delete, EditTarget::Sentence, section, sentence.id, index, text, {}, attributes});
    return sentence.id;
}

SentenceId ReportDocument::insertAlternative(ReportSection section, int index, const SentenceSource& alternative)
{
    requireEditable();
    if (alternative.kind == SentenceSource::Kind::User)
        throw ReportError(ReportErrorCode::InvalidArgument,
                          QStringLiteral("an alternative comes from a model draft or a retrieved report, not from the user"));
    const int count = static_cast<int>(m_content.sentences(section).size());
    if (index < 0 || index > count)
        throw ReportError(ReportErrorCode::InvalidArgument,
                          QStringLiteral("sentence index %1 is outside the %2 section (%3 sentences)").arg(index).arg(reportSectionName(section)).arg(count));
    ReportSentence sentence{m_nextSentenceId, alternative.originalText, alternative, true, SentenceState::Accepted};
    const QString attributes = compactJson(sentenceAttributesToJson(sentence));
    perform({EditKind::Insert, EditTarget::Sentence, section, sentence.id, index, {}, sentence.text, attributes},
            {EditKind::Delete, EditTarget::Sentence, section, sentence.id, index, sentence.text, {}, attributes});
    return sentence.id;
}

void ReportDocument::deleteSentence(SentenceId id)
{
    requireEditable();
    const SentenceLocation location = requireSentence(id);
    const ReportSentence& sentence = sentenceAt(location);
    const QString attributes = compactJson(sentenceAttributesToJson(sentence));
    perform({EditKind::Delete, EditTarget::Sentence, location.section, id, location.index, sentence.text, {}, attributes},
            {EditKind::Insert, EditTarget::Sentence, location.section, id, location.index, {}, sentence.text, attributes});
}

void ReportDocument::replaceWithAlternative(SentenceId id, const SentenceSource& alternative)
{
    requireEditable();
    if (alternative.kind == SentenceSource::Kind::User)
        throw ReportError(ReportErrorCode::InvalidArgument,
                          QStringLiteral("an alternative comes from a model draft or a retrieved report, not from the user"));
    const SentenceLocation location = requireSentence(id);
    const ReportSentence& current = sentenceAt(location);
    const ReportSentence replacement{id, alternative.originalText, alternative, true, SentenceState::Accepted};
    if (replacement == current)
        return;
    perform({EditKind::Replace, EditTarget::Sentence, location.section, id, location.index, current.text, replacement.text,
             compactJson(sentenceAttributesToJson(replacement))},
            {EditKind::Replace, EditTarget::Sentence, location.section, id, location.index, replacement.text, current.text,
             compactJson(sentenceAttributesToJson(current))});
}

void ReportDocument::accept(SentenceId id)
{
    setState(id, SentenceState::Accepted, EditKind::Accept);
}

void ReportDocument::reject(SentenceId id)
{
    setState(id, SentenceState::Rejected, EditKind::Reject);
}

void ReportDocument::setState(SentenceId id, SentenceState state, EditKind kind)
{
    requireEditable();
    const SentenceLocation location = requireSentence(id);
    const SentenceState current = sentenceAt(location).state;
    if (current == state)
        return;
    const EditChange forward{kind, EditTarget::Sentence, location.section, id, location.index,
                             sentenceStateName(current), sentenceStateName(state), {}};
    perform(forward, inverted(forward));
}

void ReportDocument::correctFinding(const QString& name, FindingStatus status)
{
    requireEditable();
    const auto found = std::find_if(m_content.labels.begin(), m_content.labels.end(),
                                    [&name](const FindingLabel& label) { return label.name == name; });
    if (found == m_content.labels.end())
        throw ReportError(ReportErrorCode::InvalidArgument, QStringLiteral("the draft has no finding called \"%1\"").arg(name));
    if (found->status == status)
        return;
    const EditChange forward{EditKind::TagCorrection, EditTarget::Finding, ReportSection::Findings, 0,
                             static_cast<int>(found - m_content.labels.begin()), findingStatusName(found->status),
                             findingStatusName(status), compactJson(findingSource(name))};
    perform(forward, inverted(forward));
}

void ReportDocument::signOff()
{
    requireEditable();
    const EditEvent event = applyAsEvent(EditCause::Edit, {EditKind::Sign, EditTarget::Report, ReportSection::Findings, 0, -1, {}, finalText(), {}});
    m_history.clear();
    publish(event);
}

void ReportDocument::undo()
{
    requireEditable();
    if (!m_history.canUndo())
        return;
    const EditEvent event = applyAsEvent(EditCause::Undo, m_history.nextUndo().inverse);
    m_history.moveToRedo();
    publish(event);
}

void ReportDocument::redo()
{
    requireEditable();
    if (!m_history.canRedo())
        return;
    const EditEvent event = applyAsEvent(EditCause::Redo, m_history.nextRedo().forward);
    m_history.moveToUndo();
    publish(event);
}

void ReportDocument::perform(const EditChange& forward, const EditChange& inverse)
{
    const EditEvent event = applyAsEvent(EditCause::Edit, forward);
    m_history.push({forward, inverse});
    publish(event);
}

// ---- Applying a change and recording its event ----

EditEvent ReportDocument::applyAsEvent(EditCause cause, const EditChange& change)
{
    EditEvent event;
    event.sequence = m_eventCount + 1;
    event.user = m_replaying ? m_replaying->user : m_user;
    event.timestampMicroseconds = m_replaying ? m_replaying->timestampMicroseconds : m_clock();
    event.cause = cause;
    event.change = change;
    apply(change);
    m_eventCount = event.sequence;
    if (change.kind == EditKind::Sign) {
        m_signedBy = event.user;
        m_signedAtMicroseconds = event.timestampMicroseconds;
    }
    return event;
}

void ReportDocument::publish(const EditEvent& event)
{
    // Signals go out only now, with content, history and count all updated, so a slot sees a
    // consistent document. The event first: the log then receives events in sequence order even
    // if a slot of a change signal starts another operation.
    if (m_replaying)
        m_replayProduced = event;
    else
        Q_EMIT eventRecorded(event);
    notifyChange();
    Q_EMIT historyChanged();
}

void ReportDocument::apply(const EditChange& change)
{
    switch (change.target) {
    case EditTarget::Text: {
        ReportSentence& sentence = sentenceAt(requireSentence(change.sentenceId));
        sentence.text.replace(change.position, change.before.size(), change.after);
        m_notice = {ChangeNotice::Type::SentenceChanged, change.section, change.position, change.sentenceId};
        return;
    }
    case EditTarget::Sentence: {
        if (change.kind == EditKind::Insert) {
            ReportSentence sentence;
            sentence.id = change.sentenceId;
            sentence.text = change.after;
            sentenceAttributesFromJson(parseJsonObject(change.source, QStringLiteral("sentence attributes")), sentence);
            std::vector<ReportSentence>& sentences = m_content.sentences(change.section);
            sentences.insert(sentences.begin() + change.position, std::move(sentence));
            m_nextSentenceId = std::max(m_nextSentenceId, change.sentenceId + 1);
            m_notice = {ChangeNotice::Type::SentenceInserted, change.section, change.position, change.sentenceId};
            return;
        }
        const SentenceLocation location = requireSentence(change.sentenceId);
        if (change.kind == EditKind::Delete) {
            std::vector<ReportSentence>& sentences = m_content.sentences(location.section);
            sentences.erase(sentences.begin() + location.index);
            m_notice = {ChangeNotice::Type::SentenceRemoved, location.section, location.index, change.sentenceId};
            return;
        }
        ReportSentence& sentence = sentenceAt(location);
        if (change.kind == EditKind::Replace) {
            sentence.text = change.after;
            sentenceAttributesFromJson(parseJsonObject(change.source, QStringLiteral("sentence attributes")), sentence);
        } else {
            sentence.state = sentenceStateFromName(change.after).value_or(sentence.state);
        }
        m_notice = {ChangeNotice::Type::SentenceChanged, location.section, location.index, change.sentenceId};
        return;
    }
    case EditTarget::Finding: {
        FindingLabel& label = m_content.labels.at(std::size_t(change.position));
        label.status = findingStatusFromName(change.after).value_or(label.status);
        m_notice = {ChangeNotice::Type::FindingLabelChanged, ReportSection::Findings, change.position, 0};
        return;
    }
    case EditTarget::Report:
        m_signed = true;
        m_notice = {ChangeNotice::Type::SignedOff, ReportSection::Findings, -1, 0};
        return;
    }
}

void ReportDocument::notifyChange()
{
    const ChangeNotice notice = m_notice;
    switch (notice.type) {
    case ChangeNotice::Type::SentenceInserted:
        Q_EMIT sentenceInserted(notice.section, notice.index, notice.sentenceId);
        return;
    case ChangeNotice::Type::SentenceRemoved:
        Q_EMIT sentenceRemoved(notice.section, notice.index, notice.sentenceId);
        return;
    case ChangeNotice::Type::SentenceChanged:
        Q_EMIT sentenceChanged(notice.sentenceId);
        return;
    case ChangeNotice::Type::FindingLabelChanged:
        Q_EMIT findingLabelChanged(m_content.labels.at(std::size_t(notice.index)).name);
        return;
    case ChangeNotice::Type::SignedOff:
        Q_EMIT signedOff();
        return;
    }
}

// ---- Replay ----

void ReportDocument::replay(const EditEvent& event)
{
    const auto mismatch = [&event](const QString& why) {
        return ReportError(ReportErrorCode::ReplayMismatch, QStringLiteral("event %1 does not reproduce: %2").arg(describeEvent(event), why));
    };
    if (event.sequence != m_eventCount + 1)
        throw mismatch(QStringLiteral("expected event number %1 next").arg(m_eventCount + 1));
    m_replaying = &event;
    m_replayProduced.reset();
    try {
        dispatchRecorded(event);
    } catch (const ReportError& error) {
        m_replaying = nullptr;
        throw mismatch(error.message());
    }
    m_replaying = nullptr;
    if (!m_replayProduced)
        throw mismatch(QStringLiteral("the document had nothing to change"));
    if (*m_replayProduced != event)
        throw mismatch(QStringLiteral("the document produced %1 instead").arg(describeEvent(*m_replayProduced)));
}

void ReportDocument::dispatchRecorded(const EditEvent& event)
{
    const EditChange& change = event.change;
    if (event.cause == EditCause::Undo) {
        if (!canUndo())
            throw ReportError(ReportErrorCode::ReplayMismatch, QStringLiteral("there is nothing to undo"));
        undo();
        return;
    }
    if (event.cause == EditCause::Redo) {
        if (!canRedo())
            throw ReportError(ReportErrorCode::ReplayMismatch, QStringLiteral("there is nothing to redo"));
        redo();
        return;
    }
    switch (change.target) {
    case EditTarget::Text:
        replaceText(change.sentenceId, change.position, change.before.size(), change.after);
        return;
    case EditTarget::Sentence:
        switch (change.kind) {
        case EditKind::Insert: {
            ReportSentence attributes;
            sentenceAttributesFromJson(parseJsonObject(change.source, QStringLiteral("sentence attributes")), attributes);
            if (attributes.fromAlternative)
                insertAlternative(change.section, change.position, attributes.source);
            else
                insertSentence(change.section, change.position, change.after);
            return;
        }
        case EditKind::Delete:
            deleteSentence(change.sentenceId);
            return;
        case EditKind::Replace: {
            ReportSentence attributes;
            sentenceAttributesFromJson(parseJsonObject(change.source, QStringLiteral("sentence attributes")), attributes);
            replaceWithAlternative(change.sentenceId, attributes.source);
            return;
        }
        case EditKind::Accept:
            accept(change.sentenceId);
            return;
        case EditKind::Reject:
            reject(change.sentenceId);
            return;
        default:
            break;
        }
        break;
    case EditTarget::Finding: {
        const std::optional<FindingStatus> status = findingStatusFromName(change.after);
        const QString name = parseJsonObject(change.source, QStringLiteral("tag correction source")).value(QStringLiteral("finding")).toString();
        if (change.kind != EditKind::TagCorrection || !status)
            break;
        correctFinding(name, *status);
        return;
    }
    case EditTarget::Report:
        if (change.kind != EditKind::Sign)
            break;
        signOff();
        return;
    }
    throw ReportError(ReportErrorCode::ReplayMismatch,
                      QStringLiteral("kind %1 does not apply to target %2").arg(editKindName(change.kind), editTargetName(change.target)));
}

} // namespace raddraft::report
