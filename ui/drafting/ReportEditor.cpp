#include "ReportEditor.h"

#include "SentenceProvenance.h"
#include "Theme.h"

#include "report/ReportDocument.h"
#include "report/ReportError.h"

#include <QAbstractTextDocumentLayout>
#include <QClipboard>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>
#include <utility>

namespace raddraft::ui {

using report::ReportSection;
using report::ReportSentence;
using report::SentenceId;

namespace {

constexpr int kGutterWidth = 26; ///< left margin for the review-state marks

/// What a paragraph of the editor shows; every block carries one.
class BlockData : public QTextBlockUserData {
public:
    BlockData(ReportEditor::Caret::Place place, ReportSection section, SentenceId id) : place(place), section(section), id(id) {}
    ReportEditor::Caret::Place place;
    ReportSection section;
    SentenceId id;
};

const BlockData* dataOf(const QTextBlock& block)
{
    return block.isValid() ? static_cast<const BlockData*>(block.userData()) : nullptr;
}

QTextBlockFormat sentenceBlockFormat()
{
    QTextBlockFormat format;
    format.setBottomMargin(6);
    format.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
    return format;
}

QTextBlockFormat headingBlockFormat(ReportSection section)
{
    QTextBlockFormat format;
    format.setTopMargin(section == ReportSection::Findings ? 0 : 12);
    format.setBottomMargin(8);
    return format;
}

bool isNavigationKey(int key)
{
    switch (key) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        return true;
    default:
        return false;
    }
}

/// Typed or pasted text as one sentence's characters: line breaks and tabs become spaces.
QString sentenceCharacters(QString text)
{
    for (QChar& character : text)
        if (character == QLatin1Char('\n') || character == QLatin1Char('\r') || character == QLatin1Char('\t') ||
            character == QChar::ParagraphSeparator || character == QChar::LineSeparator)
            character = QLatin1Char(' ');
    text.remove(QChar(0));
    return text;
}

} // namespace

ReportEditor::ReportEditor(QWidget* parent) : QTextEdit(parent)
{
    // The document, not QTextEdit, owns the text: QTextEdit stays read-only and only shows the
    // caret and selections; keyPressEvent turns edits into the document's operations.
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    setUndoRedoEnabled(false);
    setAcceptDrops(false);
    setTabChangesFocus(true);
    viewport()->setMouseTracking(true);
    viewport()->setCursor(Qt::IBeamCursor);
    document()->setDocumentMargin(10);
    connect(this, &QTextEdit::cursorPositionChanged, this, [this] {
        if (!m_updating)
            updateSelectionFromCaret();
    });
    rebuild();
}

ReportEditor::~ReportEditor()
{
    for (const QMetaObject::Connection& connection : m_connections)
        disconnect(connection);
}

QColor ReportEditor::originColor(report::SentenceOrigin origin, const QPalette& palette)
{
    switch (origin) {
    case report::SentenceOrigin::AiUnchanged:
        return palette.color(QPalette::Text);
    case report::SentenceOrigin::AiEdited:
        return themeColor(ThemeColor::AiEdited, palette); // amber: the model's sentence, changed by a person
    case report::SentenceOrigin::UserWritten:
        return themeColor(ThemeColor::UserWritten, palette); // blue: a person's own sentence
    case report::SentenceOrigin::InsertedFromAlternative:
        return themeColor(ThemeColor::Alternative, palette); // violet: chosen from another source
    }
    return palette.color(QPalette::Text);
}

// ---- Showing the document ----

void ReportEditor::setReport(report::ReportDocument* report, DraftPointer draft)
{
    for (const QMetaObject::Connection& connection : m_connections)
        disconnect(connection);
    m_connections.clear();
    m_report = report;
    m_draft = std::move(draft);
    m_selected = 0;
    m_hoveredToken = -1;
    m_caretBefore.reset();
    m_caretAfterEvent.reset();
    connectReport();
    rebuild();
}

void ReportEditor::connectReport()
{
    if (!m_report)
        return;
    using report::ReportDocument;
    m_connections = {
        connect(m_report, &ReportDocument::eventRecorded, this, &ReportEditor::onEventRecorded),
        connect(m_report, &ReportDocument::sentenceInserted, this, &ReportEditor::onSentenceInserted),
        connect(m_report, &ReportDocument::sentenceRemoved, this, &ReportEditor::onSentenceRemoved),
        connect(m_report, &ReportDocument::sentenceChanged, this, &ReportEditor::onSentenceChanged),
        connect(m_report, &ReportDocument::historyChanged, this, &ReportEditor::onHistoryChanged),
        connect(m_report, &QObject::destroyed, this, [this] { setReport(nullptr, nullptr); }),
    };
}

void ReportEditor::rebuild()
{
    const QSignalBlocker blocker(this);
    m_updating = true;
    QTextDocument* text = document();
    text->clear();
    QTextFrameFormat root = text->rootFrame()->frameFormat();
    root.setLeftMargin(kGutterWidth);
    text->rootFrame()->setFrameFormat(root);

    QTextCharFormat heading;
    heading.setFontWeight(QFont::Bold);
    heading.setFontLetterSpacing(108);
    QColor headingColour = palette().color(QPalette::Text);
    headingColour.setAlphaF(0.6f); // a quiet section label, readable in light and dark themes
    heading.setForeground(headingColour);

    QTextCursor cursor(text);
    if (!m_report) {
        cursor.setBlockFormat(headingBlockFormat(ReportSection::Findings));
        cursor.insertText(tr("FINDINGS"), heading);
        QTextCharFormat note;
        note.setFontItalic(true);
        note.setForeground(headingColour);
        cursor.insertBlock(sentenceBlockFormat(), note);
        cursor.insertText(tr("No draft yet. Choose a model and press Ctrl+D to draft the report."), note);
        m_updating = false;
        updateHighlights();
        return;
    }
    for (const ReportSection section : {ReportSection::Findings, ReportSection::Impression}) {
        if (section == ReportSection::Findings)
            cursor.setBlockFormat(headingBlockFormat(section));
        else
            cursor.insertBlock(headingBlockFormat(section), heading);
        cursor.insertText(section == ReportSection::Findings ? tr("FINDINGS") : tr("IMPRESSION"), heading);
        cursor.block().setUserData(new BlockData(Caret::Place::Heading, section, 0));
        const std::vector<ReportSentence>& sentences = m_report->sentences(section);
        for (const ReportSentence& sentence : sentences) {
            const QTextCharFormat format = sentenceFormat(sentence);
            cursor.insertBlock(sentenceBlockFormat(), format);
            cursor.insertText(sentence.text, format);
            cursor.block().setUserData(new BlockData(Caret::Place::Sentence, section, sentence.id));
        }
        if (sentences.empty()) {
            cursor.insertBlock(sentenceBlockFormat(), QTextCharFormat());
            cursor.block().setUserData(new BlockData(Caret::Place::Placeholder, section, 0));
        }
    }
    // Start in the first sentence, so typing goes into the report.
    QTextCursor start(text);
    const QTextBlock first = text->firstBlock().next();
    start.setPosition(first.isValid() ? first.position() : 0);
    setTextCursor(start);
    m_updating = false;
    updateHighlights();
}

QTextBlock ReportEditor::blockOf(SentenceId id) const
{
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next())
        if (const BlockData* data = dataOf(block); data && data->place == Caret::Place::Sentence && data->id == id)
            return block;
    return {};
}

QTextBlock ReportEditor::headingOf(ReportSection section) const
{
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next())
        if (const BlockData* data = dataOf(block); data && data->place == Caret::Place::Heading && data->section == section)
            return block;
    return {};
}

QTextCharFormat ReportEditor::sentenceFormat(const ReportSentence& sentence) const
{
    QTextCharFormat format;
    const report::SentenceOrigin origin = sentence.origin();
    QColor colour = originColor(origin, palette());
    if (origin == report::SentenceOrigin::AiEdited) {
        format.setUnderlineStyle(QTextCharFormat::DotLine);
        format.setUnderlineColor(colour);
    }
    if (sentence.state == report::SentenceState::Rejected) {
        format.setFontStrikeOut(true);
        colour.setAlphaF(0.55f);
    }
    format.setForeground(colour);
    return format;
}

void ReportEditor::fillSentenceBlock(QTextBlock block, const ReportSentence& sentence)
{
    const std::optional<report::ReportDocument::SentenceLocation> location = m_report->locate(sentence.id);
    const QTextCharFormat format = sentenceFormat(sentence);
    // One edit block: the paragraph is laid out once, not once per change below.
    QTextCursor cursor(block);
    cursor.beginEditBlock();
    if (block.blockFormat() != sentenceBlockFormat())
        cursor.setBlockFormat(sentenceBlockFormat());
    const std::optional<report::EditEvent> typed = std::exchange(m_lastTextEvent, std::nullopt);
    const report::EditChange* change = typed ? &typed->change : nullptr;
    if (change && change->sentenceId == sentence.id && block.charFormat() == format &&
        block.text().size() == sentence.text.size() - change->after.size() + change->before.size()) {
        // Typing in a sentence whose look stays: change just the typed characters.
        cursor.setPosition(block.position() + change->position);
        cursor.setPosition(block.position() + change->position + int(change->before.size()), QTextCursor::KeepAnchor);
        cursor.insertText(change->after, format);
    } else {
        cursor.movePosition(QTextCursor::StartOfBlock);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        cursor.insertText(sentence.text, format);
        if (block.charFormat() != format)
            cursor.setBlockCharFormat(format);
    }
    cursor.endEditBlock();
    cursor.block().setUserData(new BlockData(Caret::Place::Sentence, location ? location->section : ReportSection::Findings, sentence.id));
}

void ReportEditor::makePlaceholder(QTextBlock block, ReportSection section)
{
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    cursor.setBlockCharFormat(QTextCharFormat());
    cursor.block().setUserData(new BlockData(Caret::Place::Placeholder, section, 0));
}

void ReportEditor::rememberCaret()
{
    if (!m_caretBefore)
        m_caretBefore = caret();
}

void ReportEditor::onSentenceInserted(ReportSection section, int index, SentenceId id)
{
    const ReportSentence* sentence = m_report->sentence(id);
    if (!sentence)
        return;
    rememberCaret();
    m_updating = true;
    QTextBlock after = headingOf(section);
    if (index == 0) {
        const QTextBlock next = after.next();
        if (const BlockData* data = dataOf(next); data && data->place == Caret::Place::Placeholder) {
            fillSentenceBlock(next, *sentence);
            m_updating = false;
            return;
        }
    } else {
        after = blockOf(m_report->sentences(section)[std::size_t(index - 1)].id);
    }
    // One edit block: the new paragraph is laid out once.
    QTextCursor cursor(after);
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::EndOfBlock);
    const QTextCharFormat format = sentenceFormat(*sentence);
    cursor.insertBlock(sentenceBlockFormat(), format);
    cursor.insertText(sentence->text, format);
    cursor.endEditBlock();
    cursor.block().setUserData(new BlockData(Caret::Place::Sentence, section, id));
    m_updating = false;
}

void ReportEditor::onSentenceRemoved(ReportSection section, int index, SentenceId id)
{
    rememberCaret();
    const QTextBlock block = blockOf(id);
    if (!block.isValid())
        return;
    m_updating = true;
    if (m_report->sentences(section).empty()) {
        makePlaceholder(block, section);
    } else {
        // From the end of the paragraph before (the heading at least) to the end of this one.
        QTextCursor cursor(document());
        cursor.setPosition(block.position() - 1);
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
    m_updating = false;
    if (m_caretBefore && m_caretBefore->place == Caret::Place::Sentence && m_caretBefore->sentenceId == id)
        m_caretBefore = caretAfterRemoving(section, index);
}

void ReportEditor::onSentenceChanged(SentenceId id)
{
    const ReportSentence* sentence = m_report->sentence(id);
    const QTextBlock block = blockOf(id);
    if (!sentence || !block.isValid())
        return;
    rememberCaret();
    m_updating = true;
    fillSentenceBlock(block, *sentence);
    m_updating = false;
    updateHighlights();
}

void ReportEditor::onEventRecorded(const report::EditEvent& event)
{
    if (event.change.target == report::EditTarget::Text)
        m_lastTextEvent = event; // the view changes just these characters (fillSentenceBlock)
    if (m_ownEdit || event.cause == report::EditCause::Edit)
        return;
    // Undo and redo put the caret where they changed something (as text editors do).
    const report::EditChange& change = event.change;
    Caret target{Caret::Place::Sentence, change.section, change.sentenceId, -1};
    if (change.target == report::EditTarget::Text)
        target.offset = change.position + int(change.kind == report::EditKind::Delete ? 0 : change.after.size());
    else if (change.target == report::EditTarget::Sentence && change.kind == report::EditKind::Delete)
        target.sentenceId = 0; // resolved once it is gone
    else if (change.target != report::EditTarget::Sentence)
        return;
    m_caretAfterEvent = target;
    if (target.sentenceId == 0)
        m_caretAfterEvent->offset = change.position; // the index it had
}

void ReportEditor::onHistoryChanged()
{
    if (m_ownEdit) // the edit places the caret itself once all its operations are done
        return;
    std::optional<Caret> target = m_caretAfterEvent ? m_caretAfterEvent : m_caretBefore;
    if (m_caretAfterEvent && m_caretAfterEvent->sentenceId == 0)
        target = caretAfterRemoving(m_caretAfterEvent->section, m_caretAfterEvent->offset);
    m_caretAfterEvent.reset();
    m_caretBefore.reset();
    m_lastTextEvent.reset();
    const SentenceId before = caret().sentenceId;
    if (target)
        placeCaret(*target);
    // Only a caret that moved to another sentence selects it: a tag correction or an accept from
    // the menu leaves whatever map is shown (a finding's, say) alone.
    if (caret().sentenceId != before)
        updateSelectionFromCaret();
    else
        updateHighlights();
    viewport()->update();
}

// ---- Caret ----

ReportEditor::Caret ReportEditor::caretAt(int documentPosition) const
{
    const QTextBlock block = document()->findBlock(documentPosition);
    const BlockData* data = dataOf(block);
    if (!data)
        return {};
    return {data->place, data->section, data->id, data->place == Caret::Place::Sentence ? documentPosition - block.position() : 0};
}

ReportEditor::Caret ReportEditor::caret() const
{
    return caretAt(textCursor().position());
}

int ReportEditor::positionOf(const Caret& caret) const
{
    QTextBlock block;
    if (caret.place == Caret::Place::Sentence) {
        block = blockOf(caret.sentenceId);
        if (block.isValid()) {
            const int length = block.length() - 1;
            return block.position() + (caret.offset < 0 ? length : std::clamp(caret.offset, 0, length));
        }
    }
    const QTextBlock heading = headingOf(caret.section);
    if (!heading.isValid())
        return 0;
    const QTextBlock next = heading.next();
    if (caret.place != Caret::Place::Heading && next.isValid())
        return next.position();
    return heading.position();
}

void ReportEditor::placeCaret(const Caret& target)
{
    QTextCursor cursor(document());
    cursor.setPosition(positionOf(target));
    m_updating = true;
    setTextCursor(cursor);
    m_updating = false;
    ensureCursorVisible();
}

void ReportEditor::setCaret(SentenceId id, int offset)
{
    placeCaret({Caret::Place::Sentence, ReportSection::Findings, id, offset});
}

ReportEditor::Caret ReportEditor::caretAfterRemoving(ReportSection section, int index) const
{
    const std::vector<ReportSentence>& sentences = m_report->sentences(section);
    if (sentences.empty())
        return {Caret::Place::Placeholder, section, 0, 0};
    if (index > 0)
        return {Caret::Place::Sentence, section, sentences[std::size_t(std::min<int>(index, int(sentences.size())) - 1)].id, -1};
    return {Caret::Place::Sentence, section, sentences.front().id, 0};
}

// ---- Editing ----

bool ReportEditor::perform(const std::function<Caret()>& edit)
{
    if (!m_report)
        return false;
    m_ownEdit = true;
    std::optional<Caret> target;
    try {
        target = edit();
    } catch (const report::ReportError& error) {
        Q_EMIT editRefused(error.message());
    }
    m_ownEdit = false;
    m_caretBefore.reset();
    m_caretAfterEvent.reset();
    m_lastTextEvent.reset();
    if (target)
        placeCaret(*target);
    updateSelectionFromCaret();
    viewport()->update();
    return target.has_value();
}

ReportEditor::Caret ReportEditor::deleteRange(int from, int to)
{
    struct Piece {
        SentenceId id;
        int begin;
        int end;
        bool whole; ///< the selection covers the sentence and goes beyond it: the sentence goes
    };
    std::vector<Piece> pieces;
    const Caret start = caretAt(from);
    for (QTextBlock block = document()->findBlock(from); block.isValid() && block.position() <= to; block = block.next()) {
        const BlockData* data = dataOf(block);
        if (!data || data->place != Caret::Place::Sentence)
            continue;
        const int length = block.length() - 1;
        const int begin = std::max(from, block.position()) - block.position();
        const int end = std::min(to, block.position() + length) - block.position();
        const bool whole = begin == 0 && end == length && (from < block.position() || to > block.position() + length);
        if (whole || end > begin)
            pieces.push_back({data->id, begin, end, whole});
    }
    const std::optional<report::ReportDocument::SentenceLocation> startLocation =
        start.place == Caret::Place::Sentence ? m_report->locate(start.sentenceId) : std::nullopt;
    for (auto piece = pieces.rbegin(); piece != pieces.rend(); ++piece) {
        if (piece->whole)
            m_report->deleteSentence(piece->id);
        else
            m_report->deleteText(piece->id, piece->begin, piece->end - piece->begin);
    }
    if (start.place != Caret::Place::Sentence)
        return start;
    if (m_report->sentence(start.sentenceId))
        return start;
    for (const Piece& piece : pieces) // the first sentence that stays, where its text now starts
        if (!piece.whole)
            return {Caret::Place::Sentence, start.section, piece.id, 0};
    return startLocation ? caretAfterRemoving(startLocation->section, startLocation->index) : start;
}

void ReportEditor::typeText(QString text)
{
    text = sentenceCharacters(std::move(text));
    if (text.isEmpty())
        return;
    perform([this, &text]() -> Caret {
        const QTextCursor cursor = textCursor();
        const int size = int(text.size());
        if (cursor.hasSelection()) {
            const Caret from = caretAt(cursor.selectionStart());
            const Caret to = caretAt(cursor.selectionEnd());
            if (from.place == Caret::Place::Sentence && to.place == Caret::Place::Sentence && from.sentenceId == to.sentenceId) {
                // Typing over a selection inside one sentence is one replace.
                m_report->replaceText(from.sentenceId, from.offset, to.offset - from.offset, text);
                return {Caret::Place::Sentence, from.section, from.sentenceId, from.offset + size};
            }
        }
        const Caret at = cursor.hasSelection() ? deleteRange(cursor.selectionStart(), cursor.selectionEnd()) : caretAt(cursor.position());
        if (at.place == Caret::Place::Sentence && m_report->sentence(at.sentenceId)) {
            const int offset = at.offset < 0 ? int(m_report->sentence(at.sentenceId)->text.size()) : at.offset;
            m_report->insertText(at.sentenceId, offset, text);
            return {Caret::Place::Sentence, at.section, at.sentenceId, offset + size};
        }
        const std::vector<ReportSentence>& sentences = m_report->sentences(at.section);
        if (at.place == Caret::Place::Heading && !sentences.empty()) {
            const SentenceId first = sentences.front().id;
            m_report->insertText(first, 0, text);
            return {Caret::Place::Sentence, at.section, first, size};
        }
        const SentenceId id = m_report->insertSentence(at.section, 0, text);
        return {Caret::Place::Sentence, at.section, id, size};
    });
}

void ReportEditor::deleteBackward(bool wholeWord)
{
    perform([this, wholeWord]() -> Caret {
        const QTextCursor cursor = textCursor();
        if (cursor.hasSelection())
            return deleteRange(cursor.selectionStart(), cursor.selectionEnd());
        const Caret at = caretAt(cursor.position());
        const QTextBlock block = cursor.block();
        if (at.place != Caret::Place::Sentence || at.offset == 0) {
            const ReportSentence* sentence = at.place == Caret::Place::Sentence ? m_report->sentence(at.sentenceId) : nullptr;
            if (sentence && sentence->text.isEmpty()) { // an empty sentence goes with Backspace
                const report::ReportDocument::SentenceLocation location = *m_report->locate(at.sentenceId);
                m_report->deleteSentence(at.sentenceId);
                return caretAfterRemoving(location.section, location.index);
            }
            const QTextBlock previous = block.previous();
            return previous.isValid() ? caretAt(previous.position() + previous.length() - 1) : at;
        }
        QTextCursor mover(document());
        mover.setPosition(cursor.position());
        mover.movePosition(wholeWord ? QTextCursor::PreviousWord : QTextCursor::PreviousCharacter);
        const int from = std::max(mover.position(), block.position()) - block.position();
        m_report->deleteText(at.sentenceId, from, at.offset - from);
        return {Caret::Place::Sentence, at.section, at.sentenceId, from};
    });
}

void ReportEditor::deleteForward(bool wholeWord)
{
    perform([this, wholeWord]() -> Caret {
        const QTextCursor cursor = textCursor();
        if (cursor.hasSelection())
            return deleteRange(cursor.selectionStart(), cursor.selectionEnd());
        const Caret at = caretAt(cursor.position());
        const QTextBlock block = cursor.block();
        const int length = block.length() - 1;
        if (at.place != Caret::Place::Sentence || at.offset >= length) {
            const ReportSentence* sentence = at.place == Caret::Place::Sentence ? m_report->sentence(at.sentenceId) : nullptr;
            if (sentence && sentence->text.isEmpty()) {
                const report::ReportDocument::SentenceLocation location = *m_report->locate(at.sentenceId);
                m_report->deleteSentence(at.sentenceId);
                const std::vector<ReportSentence>& rest = m_report->sentences(location.section);
                if (location.index < int(rest.size()))
                    return {Caret::Place::Sentence, location.section, rest[std::size_t(location.index)].id, 0};
                return caretAfterRemoving(location.section, location.index);
            }
            const QTextBlock next = block.next();
            return next.isValid() ? caretAt(next.position()) : at;
        }
        QTextCursor mover(document());
        mover.setPosition(cursor.position());
        mover.movePosition(wholeWord ? QTextCursor::NextWord : QTextCursor::NextCharacter);
        const int to = std::min(mover.position(), block.position() + length) - block.position();
        m_report->deleteText(at.sentenceId, at.offset, to - at.offset);
        return at;
    });
}

void ReportEditor::breakSentence()
{
    perform([this]() -> Caret {
        const QTextCursor cursor = textCursor();
        const Caret at = cursor.hasSelection() ? deleteRange(cursor.selectionStart(), cursor.selectionEnd()) : caretAt(cursor.position());
        const ReportSentence* sentence = at.place == Caret::Place::Sentence ? m_report->sentence(at.sentenceId) : nullptr;
        if (!sentence) {
            const SentenceId id = m_report->insertSentence(at.section, 0, {});
            return {Caret::Place::Sentence, at.section, id, 0};
        }
        const report::ReportDocument::SentenceLocation location = *m_report->locate(at.sentenceId);
        const int length = int(sentence->text.size());
        const int offset = at.offset < 0 ? length : std::min(at.offset, length);
        if (offset == 0 && length > 0) { // a new paragraph above; the text moves down with the caret
            m_report->insertSentence(location.section, location.index, {});
            return {Caret::Place::Sentence, location.section, at.sentenceId, 0};
        }
        // The rest of the sentence (if any) becomes a new sentence of the same section.
        QString tail = sentence->text.mid(offset);
        if (!tail.isEmpty())
            m_report->deleteText(at.sentenceId, offset, int(tail.size()));
        while (!tail.isEmpty() && tail.front().isSpace())
            tail.remove(0, 1);
        const SentenceId id = m_report->insertSentence(location.section, location.index + 1, tail);
        return {Caret::Place::Sentence, location.section, id, 0};
    });
}

// ---- Keys ----

bool ReportEditor::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Keys the editor uses itself must not trigger the window's single-key commands (W, T,
        // Z, the arrows, …); everything else (undo, accept, sign off, …) stays a window shortcut.
        auto* key = static_cast<QKeyEvent*>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
        bool mine = key->matches(QKeySequence::Copy) || key->matches(QKeySequence::SelectAll);
        if (m_report) {
            mine = mine || key->matches(QKeySequence::Cut) || key->matches(QKeySequence::Paste) ||
                   key->matches(QKeySequence::DeleteStartOfWord) || key->matches(QKeySequence::DeleteEndOfWord) ||
                   (isNavigationKey(key->key()) && !(modifiers & Qt::AltModifier));
            switch (key->key()) {
            case Qt::Key_Backspace:
            case Qt::Key_Delete:
            case Qt::Key_Return:
            case Qt::Key_Enter:
                mine = mine || modifiers == Qt::NoModifier;
                break;
            default:
                mine = mine || (modifiers == Qt::NoModifier && !key->text().isEmpty() && key->text().front().isPrint());
            }
        }
        key->setAccepted(mine);
        return true;
    }
    if (event->type() == QEvent::PaletteChange) {
        // The theme changed: the text's colours were chosen for the old palette.
        const bool handled = QTextEdit::event(event);
        const Caret kept = caret();
        rebuild();
        placeCaret(kept);
        return handled;
    }
    return QTextEdit::event(event);
}

void ReportEditor::keyPressEvent(QKeyEvent* event)
{
    if (!m_report || isNavigationKey(event->key()) || event->matches(QKeySequence::Copy) || event->matches(QKeySequence::SelectAll)) {
        QTextEdit::keyPressEvent(event);
        return;
    }
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (event->matches(QKeySequence::Paste)) {
        typeText(QGuiApplication::clipboard()->text());
    } else if (event->matches(QKeySequence::Cut)) {
        if (textCursor().hasSelection()) {
            copy();
            deleteBackward(false);
        }
    } else if (event->matches(QKeySequence::DeleteStartOfWord)) {
        deleteBackward(true);
    } else if (event->matches(QKeySequence::DeleteEndOfWord)) {
        deleteForward(true);
    } else if (event->key() == Qt::Key_Backspace && modifiers == Qt::NoModifier) {
        deleteBackward(false);
    } else if (event->key() == Qt::Key_Delete && modifiers == Qt::NoModifier) {
        deleteForward(false);
    } else if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && modifiers == Qt::NoModifier) {
        breakSentence();
    } else if (modifiers == Qt::NoModifier && !event->text().isEmpty() && event->text().front().isPrint()) {
        typeText(event->text());
    } else {
        QTextEdit::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ReportEditor::inputMethodEvent(QInputMethodEvent* event)
{
    if (!m_report) {
        QTextEdit::inputMethodEvent(event);
        return;
    }
    // Composed text arrives as one commit; the preedit string is not shown.
    if (!event->commitString().isEmpty())
        typeText(event->commitString());
    event->accept();
}

bool ReportEditor::canInsertFromMimeData(const QMimeData* source) const
{
    return m_report && source->hasText();
}

void ReportEditor::insertFromMimeData(const QMimeData* source)
{
    if (m_report && source->hasText())
        typeText(source->text());
}

// ---- Selection, words, tooltips ----

void ReportEditor::updateSelectionFromCaret()
{
    const Caret at = caret();
    const SentenceId id = at.place == Caret::Place::Sentence ? at.sentenceId : 0;
    if (id != m_selected)
        setSelected(id, true);
    else
        updateHighlights();
}

void ReportEditor::setSelected(SentenceId id, bool request)
{
    m_selected = id;
    updateHighlights();
    Q_EMIT sentenceSelected(id);
    if (!request)
        return;
    const ReportSentence* sentence = m_report && id ? m_report->sentence(id) : nullptr;
    const int index = sentence && m_draft ? draftSentenceIndex(*sentence, *m_draft) : -1;
    Q_EMIT overlayRequested(index >= 0 ? sentenceOverlay(*m_draft, index) : OverlaySource{});
}

void ReportEditor::selectSentence(SentenceId id)
{
    if (id && m_report && m_report->sentence(id))
        setCaret(id, -1);
    else
        id = 0;
    setSelected(id, true);
}

void ReportEditor::clearSentenceSelection()
{
    if (m_selected == 0)
        return;
    m_selected = 0;
    updateHighlights();
}

void ReportEditor::setHoveredToken(int tokenIndex)
{
    if (tokenIndex == m_hoveredToken)
        return;
    m_hoveredToken = tokenIndex;
    updateHighlights();
    Q_EMIT overlayPreviewRequested(m_draft && tokenIndex >= 0 ? tokenOverlay(*m_draft, tokenIndex) : OverlaySource{});
}

std::vector<ReportEditor::TextRange> ReportEditor::tokenRanges(const QTextBlock& block) const
{
    const BlockData* data = dataOf(block);
    if (!m_report || !m_draft || !data || data->place != Caret::Place::Sentence)
        return {};
    const ReportSentence* sentence = m_report->sentence(data->id);
    const int index = sentence ? draftSentenceIndex(*sentence, *m_draft) : -1;
    if (index < 0)
        return {};
    const inference::DraftSentence& drafted = m_draft->sentences[std::size_t(index)];
    const QString text = QString::fromStdString(drafted.text);
    if (sentence->text != text) // words point at the model's own text only
        return {};
    // Sentence text is the detokenised tokens: find each word in order, case-insensitively (the
    // first letter is capitalised; "." and <unk> are not shown).
    std::vector<TextRange> ranges;
    int offset = 0;
    for (int t = std::max(0, drafted.tokenBegin); t < std::min(drafted.tokenEnd, int(m_draft->tokens.size())); ++t) {
        const QString token = QString::fromStdString(m_draft->tokens[std::size_t(t)].text);
        if (token.isEmpty() || token == QLatin1String(".") || token == QLatin1String("<unk>"))
            continue;
        const int found = int(text.indexOf(token, offset, Qt::CaseInsensitive));
        if (found < 0)
            continue;
        ranges.push_back({block.position() + found, block.position() + found + int(token.size()), t});
        offset = found + int(token.size());
    }
    return ranges;
}

void ReportEditor::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QColor highlight = palette().color(QPalette::Highlight);
    if (const QTextBlock block = m_selected ? blockOf(m_selected) : QTextBlock(); block.isValid()) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        QColor background = highlight;
        background.setAlpha(60);
        selection.format.setBackground(background);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections << selection;
    }
    if (m_hoveredToken >= 0)
        for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next())
            for (const TextRange& range : tokenRanges(block))
                if (range.index == m_hoveredToken) {
                    QTextEdit::ExtraSelection selection;
                    selection.cursor = QTextCursor(document());
                    selection.cursor.setPosition(range.begin);
                    selection.cursor.setPosition(range.end, QTextCursor::KeepAnchor);
                    QColor background = highlight;
                    background.setAlpha(170);
                    selection.format.setBackground(background);
                    selection.format.setFontUnderline(true);
                    selections << selection;
                }
    setExtraSelections(selections);
}

int ReportEditor::positionAt(QPoint viewportPoint, Qt::HitTestAccuracy accuracy) const
{
    const QPointF documentPoint = QPointF(viewportPoint) + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
    return document()->documentLayout()->hitTest(documentPoint, accuracy);
}

QRect ReportEditor::rangeRect(int begin, int end) const
{
    QTextCursor cursor(document());
    cursor.setPosition(begin);
    const QRect first = cursorRect(cursor);
    cursor.setPosition(end);
    const QRect last = cursorRect(cursor);
    if (first.top() == last.top())
        return QRect(first.topLeft(), QPoint(last.left(), first.bottom()));
    return first.united(last);
}

int ReportEditor::tokenAt(QPoint viewportPoint) const
{
    const int position = positionAt(viewportPoint, Qt::ExactHit);
    if (position < 0)
        return -1;
    const std::vector<TextRange> ranges = tokenRanges(document()->findBlock(position));
    // ExactHit gives the cursor position nearest the point: the character is at it or just before.
    for (const TextRange& range : ranges)
        if (position >= range.begin && position < range.end && rangeRect(range.begin, range.end).contains(viewportPoint))
            return range.index;
    for (const TextRange& range : ranges)
        if (position > range.begin && position <= range.end && rangeRect(range.begin, range.end).contains(viewportPoint))
            return range.index;
    return -1;
}

SentenceId ReportEditor::sentenceAt(QPoint viewportPoint) const
{
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next())
        if (const BlockData* data = dataOf(block); data && data->place == Caret::Place::Sentence && sentenceRect(data->id).contains(viewportPoint))
            return data->id;
    return 0;
}

QRect ReportEditor::sentenceRect(SentenceId id) const
{
    const QTextBlock block = blockOf(id);
    if (!block.isValid())
        return {};
    const QRectF rect = document()->documentLayout()->blockBoundingRect(block);
    return rect.translated(-horizontalScrollBar()->value(), -verticalScrollBar()->value()).toAlignedRect();
}

QRect ReportEditor::tokenRect(int tokenIndex) const
{
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next())
        for (const TextRange& range : tokenRanges(block))
            if (range.index == tokenIndex)
                return rangeRect(range.begin, range.end);
    return {};
}

QString ReportEditor::toolTipFor(SentenceId id) const
{
    const ReportSentence* sentence = m_report ? m_report->sentence(id) : nullptr;
    if (!sentence)
        return {};
    const report::SentenceSource& source = sentence->source;
    const QString model = source.model.name.toHtmlEscaped();
    QString origin;
    switch (sentence->origin()) {
    case report::SentenceOrigin::AiUnchanged:
        origin = tr("Written by the model %1, unchanged.").arg(model);
        break;
    case report::SentenceOrigin::AiEdited:
        origin = tr("Written by the model %1 and edited. The model wrote: “%2”").arg(model, source.originalText.toHtmlEscaped());
        break;
    case report::SentenceOrigin::UserWritten:
        origin = tr("Written in the workstation.");
        break;
    case report::SentenceOrigin::InsertedFromAlternative:
        origin = source.kind == report::SentenceSource::Kind::RetrievedReport
                     ? tr("Chosen from the retrieved report %1.").arg(source.reportId.toHtmlEscaped())
                     : tr("Chosen from the model %1.").arg(model);
        if (sentence->isEdited())
            origin += QLatin1Char(' ') + tr("Edited since.");
        break;
    }
    QString state;
    switch (sentence->state) {
    case report::SentenceState::Pending:
        state = tr("○ Not reviewed yet.");
        break;
    case report::SentenceState::Accepted:
        state = tr("✓ Accepted.");
        break;
    case report::SentenceState::Rejected:
        state = tr("✗ Rejected: left out of the report.");
        break;
    }
    return QStringLiteral("<p>%1</p><p>%2</p>").arg(origin, state);
}

void ReportEditor::mouseMoveEvent(QMouseEvent* event)
{
    QTextEdit::mouseMoveEvent(event); // drag-selection
    setHoveredToken(event->buttons() == Qt::NoButton ? tokenAt(event->position().toPoint()) : -1);
}

bool ReportEditor::viewportEvent(QEvent* event)
{
    // The pointer leaving the text ends the word's preview (the viewport gets the Leave event).
    if (event->type() == QEvent::Leave)
        setHoveredToken(-1);
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = toolTipFor(sentenceAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport(), sentenceRect(sentenceAt(help->pos())));
        return true;
    }
    return QTextEdit::viewportEvent(event);
}

void ReportEditor::paintEvent(QPaintEvent* event)
{
    QTextEdit::paintEvent(event);
    if (!m_report)
        return;
    // Review marks in the left margin, and a hint in an empty section.
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPointF scroll(horizontalScrollBar()->value(), verticalScrollBar()->value());
    const QFontMetrics metrics(font());
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next()) {
        const BlockData* data = dataOf(block);
        if (!data || data->place == Caret::Place::Heading)
            continue;
        const QRectF rect = document()->documentLayout()->blockBoundingRect(block).translated(-scroll);
        if (!rect.intersects(event->rect()))
            continue;
        const QRectF firstLine(4, rect.top(), kGutterWidth - 8, metrics.height() * 1.15);
        if (data->place == Caret::Place::Placeholder) {
            QFont italic = font();
            italic.setItalic(true);
            painter.setFont(italic);
            QColor hint = palette().color(QPalette::Text);
            hint.setAlphaF(0.45f);
            painter.setPen(hint);
            painter.drawText(rect.adjusted(kGutterWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                             data->section == ReportSection::Findings ? tr("Type here to write the findings.")
                                                                      : tr("Type here to write the impression."));
            continue;
        }
        const ReportSentence* sentence = m_report->sentence(data->id);
        if (!sentence)
            continue;
        QString mark = QStringLiteral("○");
        QColor colour = palette().color(QPalette::Text);
        colour.setAlphaF(0.5f);
        if (sentence->state == report::SentenceState::Accepted) {
            mark = QStringLiteral("✓");
            colour = themeColor(ThemeColor::Accepted, palette());
        } else if (sentence->state == report::SentenceState::Rejected) {
            mark = QStringLiteral("✗");
            colour = themeColor(ThemeColor::Rejected, palette());
        }
        painter.setFont(font());
        painter.setPen(colour);
        painter.drawText(firstLine, Qt::AlignCenter, mark);
    }
}

} // namespace raddraft::ui
