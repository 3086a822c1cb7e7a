#pragma once
// The editable draft report: the Findings and Impression of a ReportDocument, one sentence per
// paragraph, edited in place. The document is the only truth: every key that changes text is
// turned into the document's operation (typing → insertText, a selection typed over → replaceText,
// Backspace/Delete → deleteText, Enter → a new sentence, emptying a sentence and pressing
// Backspace → deleteSentence), and the view redraws from the document's change signals, so
// undo/redo, replay and the edit log see exactly what the user did.
//
// Sentences look different by origin (ReportEditor::originColor, a legend in the pane, and a
// tooltip): AI text unchanged, AI text the user edited (dotted underline), user-written, chosen
// from an alternative; a mark in the margin shows the review state (pending ○, accepted ✓,
// rejected ✗, rejected text struck through). The caret's sentence is the selected one: its
// evidence is requested (overlayRequested) and it is highlighted; pointing at a word of an
// unchanged AI sentence previews that word's maps (overlayPreviewRequested).
//
// Edits the document refuses (a signed report, no user name) change nothing and are reported
// through editRefused. Window shortcuts (undo, accept, …) are not taken by the editor.

#include "DraftRepository.h"
#include "OverlaySource.h"

#include "report/EditEvent.h"
#include "report/ReportSentence.h"

#include <QTextEdit>

#include <functional>
#include <optional>
#include <vector>

namespace raddraft::report {
class ReportDocument;
} // namespace raddraft::report

namespace raddraft::ui {

class ReportEditor : public QTextEdit {
    Q_OBJECT
public:
    /// Where the caret is, in the report's terms.
    struct Caret {
        enum class Place { Heading, Sentence, Placeholder };
        Place place = Place::Heading;
        report::ReportSection section = report::ReportSection::Findings;
        report::SentenceId sentenceId = 0; ///< Sentence only
        int offset = 0;                    ///< UTF-16 offset in the sentence's text (Sentence only)
    };

    explicit ReportEditor(QWidget* parent = nullptr);
    ~ReportEditor() override;

    /// Shows and edits `report` (not owned; nullptr: an empty pane with a hint). `draft` is the
    /// model draft the report started from: its maps and words are the sentences' evidence.
    void setReport(report::ReportDocument* report, DraftPointer draft);
    report::ReportDocument* report() const { return m_report; }
    const DraftPointer& draft() const { return m_draft; }

    Caret caret() const;
    /// Puts the caret into sentence `id` at `offset` (-1: the end of its text), without selecting
    /// a sentence (the caret's move does that).
    void setCaret(report::SentenceId id, int offset = -1);
    /// The sentence whose evidence was requested last (0: none).
    report::SentenceId selectedSentence() const { return m_selected; }
    int hoveredToken() const { return m_hoveredToken; }

    /// The sentence / draft token (Draft::tokens index) under a viewport point; 0 / -1 when none.
    report::SentenceId sentenceAt(QPoint viewportPoint) const;
    int tokenAt(QPoint viewportPoint) const;
    /// Where a sentence's paragraph / a token's word is drawn (viewport coordinates); empty when
    /// it is not shown (a token is shown only in its sentence's unchanged AI text).
    QRect sentenceRect(report::SentenceId id) const;
    QRect tokenRect(int tokenIndex) const;

    /// The text colour of each origin (the pane's legend uses the same).
    static QColor originColor(report::SentenceOrigin origin, const QPalette& palette);

public Q_SLOTS:
    /// Puts the caret at the end of sentence `id`, selects it and requests its evidence (also when
    /// it was selected already). 0 clears the selection and the overlay.
    void selectSentence(report::SentenceId id);
    /// Removes the selection highlight without requesting anything (another source took over).
    void clearSentenceSelection();

Q_SIGNALS:
    void overlayRequested(const raddraft::ui::OverlaySource& source);
    void overlayPreviewRequested(const raddraft::ui::OverlaySource& source);
    /// The caret moved into another sentence (0: out of every sentence), or selectSentence ran.
    void sentenceSelected(raddraft::report::SentenceId id);
    /// The document refused an edit; `message` says why (ReportError::message()).
    void editRefused(const QString& message);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;

private:
    struct TextRange {
        int begin = 0; ///< document position of the first character
        int end = 0;   ///< one past the last
        int index = 0; ///< token index in the draft
    };

    // ---- Showing the document ----
    void rebuild();
    void connectReport();
    QTextBlock blockOf(report::SentenceId id) const;
    QTextBlock headingOf(report::ReportSection section) const;
    void fillSentenceBlock(QTextBlock block, const report::ReportSentence& sentence);
    void makePlaceholder(QTextBlock block, report::ReportSection section);
    QTextCharFormat sentenceFormat(const report::ReportSentence& sentence) const;
    void onSentenceInserted(report::ReportSection section, int index, report::SentenceId id);
    void onSentenceRemoved(report::ReportSection section, int index, report::SentenceId id);
    void onSentenceChanged(report::SentenceId id);
    void onEventRecorded(const report::EditEvent& event);
    void onHistoryChanged();
    void rememberCaret();

    // ---- Editing (the document's operations) ----
    bool perform(const std::function<Caret()>& edit);
    Caret caretAt(int documentPosition) const;
    int positionOf(const Caret& caret) const;
    void placeCaret(const Caret& caret);
    /// Deletes what lies between two document positions; returns where typing continues.
    Caret deleteRange(int from, int to);
    Caret caretAfterRemoving(report::ReportSection section, int index) const;
    void typeText(QString text);
    void deleteBackward(bool wholeWord);
    void deleteForward(bool wholeWord);
    void breakSentence();

    // ---- Selection, words, tooltips ----
    void updateSelectionFromCaret();
    void setSelected(report::SentenceId id, bool request);
    void setHoveredToken(int tokenIndex);
    void updateHighlights();
    std::vector<TextRange> tokenRanges(const QTextBlock& block) const;
    QString toolTipFor(report::SentenceId id) const;
    int positionAt(QPoint viewportPoint, Qt::HitTestAccuracy accuracy) const;
    QRect rangeRect(int begin, int end) const;

    report::ReportDocument* m_report = nullptr;
    DraftPointer m_draft;
    std::vector<QMetaObject::Connection> m_connections;
    report::SentenceId m_selected = 0;
    int m_hoveredToken = -1;
    bool m_updating = false;        ///< the view is being changed by code: caret moves are not the user's
    bool m_ownEdit = false;         ///< an edit of this editor runs: it places the caret itself
    std::optional<Caret> m_caretBefore;       ///< the caret before the document changed (external edits)
    std::optional<Caret> m_caretAfterEvent;   ///< where the last undo/redo puts the caret
    std::optional<report::EditEvent> m_lastTextEvent; ///< the text change the next sentenceChanged shows
};

} // namespace raddraft::ui
