#pragma once
// The generated report, read-only, one sentence per paragraph. Clicking a sentence selects it and
// asks for its maps (overlayRequested); hovering a word previews that token's maps
// (overlayPreviewRequested, a None source when the pointer leaves the word).
//
// This is the part the editable report replaces: any widget that emits the same two signals with
// OverlaySources of the draft plugs into the overlays unchanged.

#include "DraftRepository.h"
#include "OverlaySource.h"

#include <QTextEdit>

#include <vector>

namespace raddraft::ui {

class DraftTextView : public QTextEdit {
    Q_OBJECT
public:
    explicit DraftTextView(QWidget* parent = nullptr);

    /// Shows `draft` (nullptr: empty), nothing selected.
    void setDraft(DraftPointer draft);
    const DraftPointer& draft() const { return m_draft; }
    int selectedSentence() const { return m_selectedSentence; }
    int hoveredToken() const { return m_hoveredToken; }

    /// The token / sentence under a viewport point, -1 when none.
    int tokenAt(QPoint viewportPoint) const;
    int sentenceAt(QPoint viewportPoint) const;
    /// Where a token's / sentence's text is drawn (viewport coordinates); empty when it is not shown.
    QRect tokenRect(int tokenIndex) const;
    QRect sentenceRect(int sentenceIndex) const;

public Q_SLOTS:
    /// Selects a sentence (-1: none) and requests its maps.
    void selectSentence(int sentenceIndex);
    /// Removes the selection highlight without requesting anything (another source took over).
    void clearSentenceSelection();

Q_SIGNALS:
    void overlayRequested(const raddraft::ui::OverlaySource& source);
    void overlayPreviewRequested(const raddraft::ui::OverlaySource& source);
    void sentenceSelected(int sentenceIndex);

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    struct TextRange {
        int begin = 0; ///< document position of the first character
        int end = 0;   ///< one past the last
        int index = 0; ///< sentence or token index in the draft
    };

    void buildDocument();
    void setHoveredToken(int tokenIndex);
    void updateHighlights();
    int positionAt(QPoint viewportPoint, Qt::HitTestAccuracy accuracy) const;
    QRect rangeRect(int begin, int end) const;

    DraftPointer m_draft;
    std::vector<TextRange> m_sentences;
    std::vector<TextRange> m_tokens; ///< in document order
    int m_selectedSentence = -1;
    int m_hoveredToken = -1;
};

} // namespace raddraft::ui
