#pragma once
// What one operation on the draft report did, who did it and when. Every operation on a
// ReportDocument (an edit, an undo, a redo) produces exactly one EditEvent; applying the events
// of a draft in order to its initial content reproduces the document exactly (docs/EDIT_LOG.md).

#include "report/ReportSentence.h"

#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace raddraft::report {

enum class EditKind { Insert, Delete, Replace, Accept, Reject, TagCorrection, Sign };

/// What the event changed.
enum class EditTarget {
    Text,     ///< characters inside one sentence
    Sentence, ///< a whole sentence (insert, delete, replace) or its review state (accept, reject)
    Finding,  ///< a finding's label (tag correction)
    Report,   ///< the whole report (sign)
};

/// Why the event happened: the user's own operation, or undo/redo of an earlier one.
enum class EditCause { Edit, Undo, Redo };

/// The change itself, free of who/when/why. Field meanings by target and kind:
/// - Text insert/delete/replace: `position` is the UTF-16 offset in the sentence's text where
///   `before` (empty for insert) was replaced by `after` (empty for delete).
/// - Sentence insert/delete: `position` is the sentence's index in `section`; `after` (insert)
///   or `before` (delete) its text; `source` its attributes (sentenceAttributesToJson, compact).
/// - Sentence replace (with an alternative): `before`/`after` the old/new text, `source` the new
///   attributes; `position` the sentence's index.
/// - Accept/reject: `before`/`after` the old/new state name ("pending", "accepted", "rejected").
/// - Tag correction: `before`/`after` the old/new label ("present", "absent", "uncertain"),
///   `source` {"finding": NAME}, `position` the finding's index, sentence 0.
/// - Sign: `after` the final text, sentence 0, position -1.
struct EditChange {
    EditKind kind = EditKind::Insert;
    EditTarget target = EditTarget::Text;
    ReportSection section = ReportSection::Findings; ///< of the sentence (Findings for finding/report changes)
    SentenceId sentenceId = 0;
    int position = -1;
    QString before;
    QString after;
    QString source; ///< compact JSON object, or empty

    bool operator==(const EditChange& other) const;
    bool operator!=(const EditChange& other) const { return !(*this == other); }
};

struct EditEvent {
    qint64 sequence = 0;              ///< 1, 2, 3, ... within one draft, in the order they happened
    QString user;                     ///< the name the user gave (stamped on every event)
    qint64 timestampMicroseconds = 0; ///< wall clock, microseconds since 1970-01-01T00:00:00Z
    EditCause cause = EditCause::Edit;
    EditChange change;

    bool operator==(const EditEvent& other) const;
    bool operator!=(const EditEvent& other) const { return !(*this == other); }
};

/// Stable names used in the database and exports: "insert", "delete", "replace", "accept",
/// "reject", "tag-correction", "sign"; "text", "sentence", "finding", "report"; "edit", "undo", "redo".
QString editKindName(EditKind kind);
std::optional<EditKind> editKindFromName(const QString& name);
QString editTargetName(EditTarget target);
std::optional<EditTarget> editTargetFromName(const QString& name);
QString editCauseName(EditCause cause);
std::optional<EditCause> editCauseFromName(const QString& name);

/// One line for messages: "#12 edit insert text sentence 3 at 5: \"\" → \"abc\"".
QString describeEvent(const EditEvent& event);

} // namespace raddraft::report

Q_DECLARE_METATYPE(raddraft::report::EditEvent)
