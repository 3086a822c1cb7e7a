#pragma once
// One sentence of the draft report: its stable id, its text, where it came from and whether the
// radiologist has accepted or rejected it.

#include "report/SentenceSource.h"

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace raddraft::report {

/// Stable for the life of a draft: never reused for another sentence of the same document, kept
/// across edits, undo/redo and restore. Positive; 0 means "no sentence".
using SentenceId = qint64;

enum class ReportSection { Findings, Impression };

enum class SentenceState {
    Pending,  ///< not yet reviewed (every model sentence starts here)
    Accepted, ///< reviewed and kept (user-written and alternative sentences start here)
    Rejected, ///< reviewed and left out of the final text (kept in the document and the log)
};

/// How the sentence looks to the reader; derived from source, fromAlternative and text.
enum class SentenceOrigin {
    AiUnchanged,             ///< from the draft's model, text exactly as generated
    AiEdited,                ///< from the draft's model, text since changed by the user
    UserWritten,             ///< typed by the user
    InsertedFromAlternative, ///< chosen by the user from a retrieved report or another model
};

struct ReportSentence {
    SentenceId id = 0;
    QString text;
    SentenceSource source;
    bool fromAlternative = false; ///< true when the user put it here with insert/replace-with-alternative
    SentenceState state = SentenceState::Pending;

    SentenceOrigin origin() const;
    /// True when the text differs from what the source gave (always false for user-written text).
    bool isEdited() const { return source.kind != SentenceSource::Kind::User && text != source.originalText; }

    bool operator==(const ReportSentence& other) const;
    bool operator!=(const ReportSentence& other) const { return !(*this == other); }
};

/// Everything of a sentence but its id and text, as JSON: {"source", "from_alternative", "state"}.
/// This is what a sentence-level insert or delete event carries in its `source` field.
QJsonObject sentenceAttributesToJson(const ReportSentence& sentence);
/// Sets source, fromAlternative and state of `sentence`; throws ReportError(InvalidData).
void sentenceAttributesFromJson(const QJsonObject& json, ReportSentence& sentence);

/// Stable names used in events, the database and exports: "findings"/"impression",
/// "pending"/"accepted"/"rejected", "ai-unchanged"/"ai-edited"/"user-written"/"inserted-from-alternative".
QString reportSectionName(ReportSection section);
std::optional<ReportSection> reportSectionFromName(const QString& name);
QString sentenceStateName(SentenceState state);
std::optional<SentenceState> sentenceStateFromName(const QString& name);
QString sentenceOriginName(SentenceOrigin origin);

} // namespace raddraft::report
