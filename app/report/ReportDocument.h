#pragma once
// The editable draft report behind the draft pane: Findings and Impression sentences with their
// provenance and review state, the finding labels, undo/redo and sign-off. No widgets: the pane
// calls the operations below and redraws on the change signals.
//
// Every operation that changes something produces exactly one EditEvent (eventRecorded), stamped
// with the user and a microsecond timestamp; an operation that would change nothing (inserting ""
// or accepting an accepted sentence) produces none. Operations check their arguments first and
// throw ReportError without changing anything when they refuse. After signOff() every operation
// throws ReportError(Signed).
//
// Replay: a new document built from the same initial ReportContent, given the recorded events in
// order through replay(), ends in exactly the same state (content, labels, undo/redo history,
// sign-off), or throws ReportError(ReplayMismatch) naming the first event that does not reproduce.
//
// Text positions are UTF-16 offsets into a sentence's QString (what QTextCursor counts).

#include "report/EditEvent.h"
#include "report/EditHistory.h"
#include "report/ReportContent.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace raddraft::report {

class ReportDocument : public QObject {
    Q_OBJECT
public:
    /// Microseconds since 1970-01-01T00:00:00Z; the default reads the system clock.
    using Clock = std::function<qint64()>;

    struct SentenceLocation {
        ReportSection section = ReportSection::Findings;
        int index = 0; ///< position in the section
    };

    explicit ReportDocument(ReportContent initial, QObject* parent = nullptr);
    ~ReportDocument() override;

    /// The name stamped on every event from now on. Operations refuse to run while it is empty.
    void setUser(const QString& user) { m_user = user; }
    const QString& user() const { return m_user; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    const ReportContent& content() const { return m_content; }
    const std::vector<ReportSentence>& sentences(ReportSection section) const { return m_content.sentences(section); }
    /// nullptr when no sentence has this id (any more).
    const ReportSentence* sentence(SentenceId id) const;
    std::optional<SentenceLocation> locate(SentenceId id) const;
    const std::vector<FindingLabel>& findingLabels() const { return m_content.labels; }
    /// See ReportContent::finalText().
    QString finalText() const { return m_content.finalText(); }
    /// Number of events produced (and replayed) so far: the sequence number of the last one.
    qint64 eventCount() const { return m_eventCount; }
    bool isSigned() const { return m_signed; }
    const QString& signedBy() const { return m_signedBy; }
    qint64 signedAtMicroseconds() const { return m_signedAtMicroseconds; }
    bool canUndo() const { return !m_signed && m_history.canUndo(); }
    bool canRedo() const { return !m_signed && m_history.canRedo(); }
    const EditHistory& history() const { return m_history; }

    // ---- Character-level edits inside one sentence (target Text) ----
    void insertText(SentenceId id, int position, const QString& text);
    void deleteText(SentenceId id, int position, int length);
    /// Replaces `length` characters at `position` by `text` (an insert or a delete when one side is empty).
    void replaceText(SentenceId id, int position, int length, const QString& text);

    // ---- Whole sentences (target Sentence) ----
    /// A new user-written sentence (state Accepted) at `index` of `section`; returns its id.
    SentenceId insertSentence(ReportSection section, int index, const QString& text);
    /// A sentence taken from a retrieved report or another model (`alternative.originalText`),
    /// state Accepted; returns its id. Throws InvalidArgument for a User source.
    SentenceId insertAlternative(ReportSection section, int index, const SentenceSource& alternative);
    void deleteSentence(SentenceId id);
    /// Replaces the sentence's text and source by the alternative's (state Accepted), keeping its id.
    void replaceWithAlternative(SentenceId id, const SentenceSource& alternative);
    void accept(SentenceId id);
    void reject(SentenceId id);

    // ---- Findings (target Finding) and the report (target Report) ----
    /// Sets the label of the finding called `name` (tag correction). Throws InvalidArgument when
    /// the draft has no such finding.
    void correctFinding(const QString& name, FindingStatus status);
    /// Records who signed and when, with the final text, and locks the report. The undo/redo
    /// history is dropped: a signed report cannot be changed.
    void signOff();

    /// Reverts the last step / re-applies the last undone step; each produces one event (cause
    /// Undo/Redo) that carries the change it made. Nothing happens when there is nothing to do.
    void undo();
    void redo();

    /// Re-executes a recorded event (from the log) with its own user and timestamp and checks the
    /// document produces exactly that event. Does not emit eventRecorded. Throws
    /// ReportError(ReplayMismatch); the document should then be discarded (it may hold part of it).
    void replay(const EditEvent& event);

Q_SIGNALS:
    /// After each operation (and each replayed event) the document emits, in this order:
    /// eventRecorded (not during replay), the change signal (sentenceInserted/Removed/Changed,
    /// findingLabelChanged or signedOff), then historyChanged, all with the document updated.
    void eventRecorded(const raddraft::report::EditEvent& event);
    void sentenceInserted(raddraft::report::ReportSection section, int index, raddraft::report::SentenceId id);
    void sentenceRemoved(raddraft::report::ReportSection section, int index, raddraft::report::SentenceId id);
    /// Its text, source or state changed.
    void sentenceChanged(raddraft::report::SentenceId id);
    void findingLabelChanged(const QString& name);
    void signedOff();
    /// canUndo()/canRedo() may have changed.
    void historyChanged();

private:
    void requireEditable() const;
    SentenceLocation requireSentence(SentenceId id) const;
    ReportSentence& sentenceAt(const SentenceLocation& location);
    void perform(const EditChange& forward, const EditChange& inverse);
    /// Stamps, numbers and applies one change; the caller updates the history, then publishes.
    EditEvent applyAsEvent(EditCause cause, const EditChange& change);
    /// Emits eventRecorded (or keeps the event for replay()'s comparison), the change signal,
    /// then historyChanged.
    void publish(const EditEvent& event);
    void notifyChange();
    void apply(const EditChange& change);
    void setState(SentenceId id, SentenceState state, EditKind kind);
    void dispatchRecorded(const EditEvent& event);

    ReportContent m_content;
    EditHistory m_history;
    QString m_user;
    Clock m_clock;
    qint64 m_eventCount = 0;
    SentenceId m_nextSentenceId = 1;
    bool m_signed = false;
    QString m_signedBy;
    qint64 m_signedAtMicroseconds = 0;
    /// What the last applied change did, for the signal publish() emits.
    struct ChangeNotice {
        enum class Type { SentenceInserted, SentenceRemoved, SentenceChanged, FindingLabelChanged, SignedOff };
        Type type = Type::SentenceChanged;
        ReportSection section = ReportSection::Findings;
        int index = -1; ///< sentence index in the section, or finding index
        SentenceId sentenceId = 0;
    };
    ChangeNotice m_notice;
    const EditEvent* m_replaying = nullptr;     ///< the recorded event being replayed, else nullptr
    std::optional<EditEvent> m_replayProduced;  ///< what the document produced for it
};

} // namespace raddraft::report
