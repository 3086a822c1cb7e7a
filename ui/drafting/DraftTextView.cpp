#include "DraftTextView.h"

#include <QAbstractTextDocumentLayout>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace raddraft::ui {

DraftTextView::DraftTextView(QWidget* parent) : QTextEdit(parent)
{
    setReadOnly(true);
    // Clicks select sentences; no caret and no text selection to confuse that.
    setTextInteractionFlags(Qt::NoTextInteraction);
    viewport()->setMouseTracking(true);
    viewport()->setCursor(Qt::PointingHandCursor);
    document()->setDocumentMargin(10);
    buildDocument();
}

void DraftTextView::setDraft(DraftPointer draft)
{
    m_draft = std::move(draft);
    m_selectedSentence = -1;
    m_hoveredToken = -1;
    buildDocument();
}

void DraftTextView::buildDocument()
{
    m_sentences.clear();
    m_tokens.clear();
    QTextDocument* document = this->document();
    document->clear();
    QTextCursor cursor(document);

    QTextCharFormat heading;
    heading.setFontWeight(QFont::Bold);
    heading.setFontLetterSpacing(108);
    QColor headingColour = palette().color(QPalette::Text);
    headingColour.setAlphaF(0.6f); // a quiet section label, readable in light and dark themes
    heading.setForeground(headingColour);
    QTextBlockFormat headingBlock;
    headingBlock.setBottomMargin(8);
    cursor.setBlockFormat(headingBlock);
    cursor.insertText(tr("FINDINGS"), heading);

    QTextBlockFormat sentenceBlock;
    sentenceBlock.setBottomMargin(6);
    sentenceBlock.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
    const QTextCharFormat plain;
    if (!m_draft) {
        QTextCharFormat note;
        note.setFontItalic(true);
        note.setForeground(headingColour);
        cursor.insertBlock(sentenceBlock, plain);
        cursor.insertText(tr("No draft yet. Choose a model and press Ctrl+D to draft the report."), note);
        updateHighlights();
        return;
    }
    if (m_draft->sentences.empty()) {
        QTextCharFormat note;
        note.setFontItalic(true);
        cursor.insertBlock(sentenceBlock, plain);
        cursor.insertText(tr("The model produced no readable sentence."), note);
    }
    for (std::size_t s = 0; s < m_draft->sentences.size(); ++s) {
        const inference::DraftSentence& sentence = m_draft->sentences[s];
        cursor.insertBlock(sentenceBlock, plain);
        const int start = cursor.position();
        const QString text = QString::fromStdString(sentence.text);
        cursor.insertText(text, plain);
        m_sentences.push_back({start, cursor.position(), static_cast<int>(s)});
        // Sentence text is the detokenised tokens: find each word in order, case-insensitively
        // (the first letter is capitalised; "." and <unk> are not shown).
        int offset = 0;
        for (int t = std::max(0, sentence.tokenBegin); t < std::min(sentence.tokenEnd, static_cast<int>(m_draft->tokens.size())); ++t) {
            const QString token = QString::fromStdString(m_draft->tokens[static_cast<std::size_t>(t)].text);
            if (token.isEmpty() || token == QLatin1String(".") || token == QLatin1String("<unk>"))
                continue;
            const int found = text.indexOf(token, offset, Qt::CaseInsensitive);
            if (found < 0)
                continue;
            m_tokens.push_back({start + found, start + found + static_cast<int>(token.size()), t});
            offset = found + static_cast<int>(token.size());
        }
    }
    updateHighlights();
}

int DraftTextView::positionAt(QPoint viewportPoint, Qt::HitTestAccuracy accuracy) const
{
    const QPointF documentPoint = QPointF(viewportPoint) + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
    return document()->documentLayout()->hitTest(documentPoint, accuracy);
}

int DraftTextView::tokenAt(QPoint viewportPoint) const
{
    const int position = positionAt(viewportPoint, Qt::ExactHit);
    if (position < 0)
        return -1;
    // ExactHit gives the cursor position nearest the point: the character is at position or
    // just before it.
    for (const TextRange& range : m_tokens)
        if (position >= range.begin && position < range.end && rangeRect(range.begin, range.end).contains(viewportPoint))
            return range.index;
    for (const TextRange& range : m_tokens)
        if (position > range.begin && position <= range.end && rangeRect(range.begin, range.end).contains(viewportPoint))
            return range.index;
    return -1;
}

int DraftTextView::sentenceAt(QPoint viewportPoint) const
{
    for (const TextRange& range : m_sentences)
        if (sentenceRect(range.index).contains(viewportPoint))
            return range.index;
    return -1;
}

QRect DraftTextView::rangeRect(int begin, int end) const
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

QRect DraftTextView::tokenRect(int tokenIndex) const
{
    for (const TextRange& range : m_tokens)
        if (range.index == tokenIndex)
            return rangeRect(range.begin, range.end);
    return {};
}

QRect DraftTextView::sentenceRect(int sentenceIndex) const
{
    for (const TextRange& range : m_sentences) {
        if (range.index != sentenceIndex)
            continue;
        const QTextBlock block = document()->findBlock(range.begin);
        const QRectF rect = document()->documentLayout()->blockBoundingRect(block);
        return rect.translated(-horizontalScrollBar()->value(), -verticalScrollBar()->value()).toAlignedRect();
    }
    return {};
}

void DraftTextView::selectSentence(int sentenceIndex)
{
    if (!m_draft || sentenceIndex < 0 || sentenceIndex >= static_cast<int>(m_draft->sentences.size()))
        sentenceIndex = -1;
    m_selectedSentence = sentenceIndex;
    updateHighlights();
    Q_EMIT sentenceSelected(sentenceIndex);
    Q_EMIT overlayRequested(m_draft ? sentenceOverlay(*m_draft, sentenceIndex) : OverlaySource{});
}

void DraftTextView::clearSentenceSelection()
{
    if (m_selectedSentence < 0)
        return;
    m_selectedSentence = -1;
    updateHighlights();
}

void DraftTextView::setHoveredToken(int tokenIndex)
{
    if (tokenIndex == m_hoveredToken)
        return;
    m_hoveredToken = tokenIndex;
    updateHighlights();
    Q_EMIT overlayPreviewRequested(m_draft && tokenIndex >= 0 ? tokenOverlay(*m_draft, tokenIndex) : OverlaySource{});
}

void DraftTextView::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QColor highlight = palette().color(QPalette::Highlight);
    for (const TextRange& range : m_sentences)
        if (range.index == m_selectedSentence) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(document());
            selection.cursor.setPosition(range.begin);
            selection.cursor.setPosition(range.end, QTextCursor::KeepAnchor);
            QColor background = highlight;
            background.setAlpha(80);
            selection.format.setBackground(background);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections << selection;
        }
    for (const TextRange& range : m_tokens)
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

void DraftTextView::mouseMoveEvent(QMouseEvent* event)
{
    setHoveredToken(tokenAt(event->position().toPoint()));
}

void DraftTextView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const int sentence = sentenceAt(event->position().toPoint());
    if (sentence >= 0)
        selectSentence(sentence);
}

void DraftTextView::mouseReleaseEvent(QMouseEvent* event) { event->accept(); }

void DraftTextView::mouseDoubleClickEvent(QMouseEvent* event) { event->accept(); }

bool DraftTextView::viewportEvent(QEvent* event)
{
    // The pointer leaving the text ends the word's preview (the viewport gets the Leave event).
    if (event->type() == QEvent::Leave)
        setHoveredToken(-1);
    return QTextEdit::viewportEvent(event);
}

} // namespace raddraft::ui
