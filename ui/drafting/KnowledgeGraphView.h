#pragma once
// The knowledge graph of a draft, as the papers draw it: the global node in the centre, the
// graph's groups (G1…G4, the organs of Zhang et al.) as sectors around it, ungrouped findings on
// an outer ring. The layout depends on the graph alone (group, then node id), so it stays put from
// draft to draft and the eye can compare. Node size and colour follow the node's activation, edge
// width its weight; nodes under the node threshold and edges under the edge threshold are drawn
// faint. With a sentence in focus, the nodes whose attention in that sentence exceeds the
// attention threshold get a ring. Clicking a node emits nodeActivated.

#include "DraftRepository.h"

#include <QGraphicsView>
#include <QString>

#include <map>
#include <string>

class QGraphicsEllipseItem;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;

namespace raddraft::ui {

struct GraphThresholds {
    double attention = 0.2; ///< sentence attention that counts as support (PPKED's Fig.)
    double node = 0.5;      ///< node activation drawn as "on" (ASGK's Fig. 3)
    double edge = 0.3;      ///< edge weight drawn (ASGK's Fig. 3)
};

class KnowledgeGraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit KnowledgeGraphView(QWidget* parent = nullptr);

    /// Shows the graph of `draft` (nothing for a null draft or one without graph nodes).
    void setDraft(DraftPointer draft);
    void setThresholds(const GraphThresholds& thresholds);
    const GraphThresholds& thresholds() const { return m_thresholds; }
    /// Rings the nodes that support sentence `sentenceIndex` (-1: none).
    void setFocusSentence(int sentenceIndex);
    /// Marks `node` as the chosen one (empty: none), without emitting.
    void setCurrentNode(const QString& node);
    const QString& currentNode() const { return m_currentNode; }

    /// Scene position of a node's centre (tests click there); null point for an unknown node.
    QPointF nodePosition(const QString& node) const;
    /// How a node is drawn now: true when it is above the node threshold ("on").
    bool isNodeOn(const QString& node) const;
    /// Whether the node currently wears the attention ring.
    bool isNodeRinged(const QString& node) const;
    /// Number of edges drawn at full strength (weight ≥ edge threshold).
    int strongEdgeCount() const;

Q_SIGNALS:
    void nodeActivated(const QString& node);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override; ///< a new theme: the items take its colours

private:
    struct NodeItems {
        QGraphicsEllipseItem* disc = nullptr;
        QGraphicsEllipseItem* ring = nullptr;
        QGraphicsSimpleTextItem* label = nullptr;
        QPointF centre;
        double activation = 0.0;
    };
    void rebuild();
    void restyle();

    DraftPointer m_draft;
    GraphThresholds m_thresholds;
    int m_focusSentence = -1;
    QString m_currentNode;
    std::map<QString, NodeItems> m_nodes;
    std::vector<std::pair<QGraphicsLineItem*, double>> m_edges;
};

} // namespace raddraft::ui
