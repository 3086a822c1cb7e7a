#pragma once
// The knowledge-graph dock: the graph view, its three thresholds (attention, node, edge; the
// papers' defaults 0.2, 0.5, 0.3) and a line that lists the sentences the chosen node supports.
// Choosing a node requests its map on the images (overlayRequested) and offers its sentences
// (sentencesRequested) so the draft pane can select them.

#include "DraftRepository.h"
#include "KnowledgeGraphView.h"
#include "OverlaySource.h"

#include <QWidget>

#include <vector>

class QDoubleSpinBox;
class QLabel;

namespace raddraft::ui {

class KnowledgeGraphPanel : public QWidget {
    Q_OBJECT
public:
    explicit KnowledgeGraphPanel(QWidget* parent = nullptr);

    void setDraft(DraftPointer draft);
    KnowledgeGraphView* view() const { return m_view; }
    void setThresholds(const GraphThresholds& thresholds);

public Q_SLOTS:
    /// The draft pane's selection: rings that sentence's supporting nodes.
    void focusSentence(int sentenceIndex);
    /// Chooses `node` as a click would.
    void chooseNode(const QString& node);

Q_SIGNALS:
    void overlayRequested(const raddraft::ui::OverlaySource& source);
    /// Indices into Draft::sentences supported by the chosen node (may be empty).
    void sentencesRequested(const std::vector<int>& sentenceIndices);
    void thresholdsChanged(const raddraft::ui::GraphThresholds& thresholds);

private:
    void onThresholdEdited();

    DraftPointer m_draft;
    KnowledgeGraphView* m_view = nullptr;
    QDoubleSpinBox* m_attention = nullptr;
    QDoubleSpinBox* m_node = nullptr;
    QDoubleSpinBox* m_edge = nullptr;
    QLabel* m_supported = nullptr;
};

} // namespace raddraft::ui
