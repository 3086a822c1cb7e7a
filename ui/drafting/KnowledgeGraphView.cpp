#include "KnowledgeGraphView.h"

#include "FindingNames.h"
#include "display/ColorMap.h"
#include "GraphEvidence.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace raddraft::ui {
namespace {

constexpr double kRadius = 170.0;      // ring of the grouped nodes
constexpr double kOuterRadius = 270.0; // ring of the ungrouped findings
constexpr double kMinNode = 9.0;
constexpr double kMaxNode = 22.0;
constexpr double kPi = 3.14159265358979323846;

QColor nodeColour(double activation) {
    return QColor::fromRgb(viewer::colorMapColor(viewer::ColorMapKind::Inferno, 0.15 + 0.8 * std::clamp(activation, 0.0, 1.0)));
}

} // namespace

KnowledgeGraphView::KnowledgeGraphView(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::NoDrag);
    setMinimumSize(260, 220);
    setToolTip(tr("Knowledge graph: size and colour show each finding's activation, line width the edge weight. "
                  "Click a node to show its map and the sentences it supports."));
}

void KnowledgeGraphView::setDraft(DraftPointer draft) {
    m_draft = std::move(draft);
    rebuild();
}

void KnowledgeGraphView::setThresholds(const GraphThresholds& thresholds) {
    m_thresholds = thresholds;
    restyle();
}

void KnowledgeGraphView::setFocusSentence(int sentenceIndex) {
    m_focusSentence = sentenceIndex;
    restyle();
}

void KnowledgeGraphView::setCurrentNode(const QString& node) {
    m_currentNode = node;
    restyle();
}

void KnowledgeGraphView::rebuild() {
    scene()->clear();
    m_nodes.clear();
    m_edges.clear();
    if (!m_draft || m_draft->graphNodes.empty()) {
        scene()->addSimpleText(tr("No knowledge graph: draft a report with a model that has one."));
        return;
    }
    // Stable layout: the global node (the graph's first) in the centre; grouped nodes by group, then
    // id, evenly on the inner ring with a gap between groups; ungrouped ones on the outer ring.
    std::vector<const inference::GraphNodeState*> grouped, ungrouped;
    const inference::GraphNodeState* centre = nullptr;
    for (const inference::GraphNodeState& node : m_draft->graphNodes) {
        if (node.name == "global") centre = &node;
        else if (node.group.empty()) ungrouped.push_back(&node);
        else grouped.push_back(&node);
    }
    std::stable_sort(grouped.begin(), grouped.end(), [](const auto* a, const auto* b) {
        return a->group != b->group ? a->group < b->group : a->id < b->id;
    });
    std::stable_sort(ungrouped.begin(), ungrouped.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
    std::map<int, QPointF> positions;
    if (centre) positions[centre->id] = QPointF(0, 0);
    int groups = 0;
    for (std::size_t i = 0; i < grouped.size(); ++i) groups += (i == 0 || grouped[i]->group != grouped[i - 1]->group) ? 1 : 0;
    const double slots = double(grouped.size() + std::size_t(groups)); // one empty slot per group boundary
    double slot = 0.0;
    for (std::size_t i = 0; i < grouped.size(); ++i) {
        if (i > 0 && grouped[i]->group != grouped[i - 1]->group) slot += 1.0;
        const double angle = -kPi / 2 + 2 * kPi * slot / std::max(1.0, slots);
        positions[grouped[i]->id] = QPointF(kRadius * std::cos(angle), kRadius * std::sin(angle));
        slot += 1.0;
    }
    for (std::size_t i = 0; i < ungrouped.size(); ++i) {
        const double angle = -kPi / 2 + kPi / double(std::max<std::size_t>(1, ungrouped.size())) + 2 * kPi * double(i) / double(std::max<std::size_t>(1, ungrouped.size()));
        positions[ungrouped[i]->id] = QPointF(kOuterRadius * std::cos(angle), kOuterRadius * std::sin(angle));
    }
    for (const inference::GraphEdgeState& edge : m_draft->graphEdges) {
        if (edge.source == edge.target) continue;
        const auto a = positions.find(edge.source);
        const auto b = positions.find(edge.target);
        if (a == positions.end() || b == positions.end()) continue;
        QGraphicsLineItem* line = scene()->addLine(QLineF(a->second, b->second));
        line->setZValue(0);
        m_edges.emplace_back(line, edge.weight);
    }
    for (const inference::GraphNodeState& node : m_draft->graphNodes) {
        const auto at = positions.find(node.id);
        if (at == positions.end()) continue;
        NodeItems items;
        items.centre = at->second;
        items.activation = node.activation;
        items.ring = scene()->addEllipse(QRectF());
        items.ring->setZValue(1);
        items.disc = scene()->addEllipse(QRectF());
        items.disc->setZValue(2);
        const QString name = QString::fromStdString(node.name);
        items.disc->setToolTip(tr("%1 (group %2): activation %3")
                                   .arg(findingDisplayName(name), node.group.empty() ? tr("none") : QString::fromStdString(node.group))
                                   .arg(node.activation, 0, 'f', 2));
        items.label = scene()->addSimpleText(findingDisplayName(name));
        items.label->setZValue(3);
        m_nodes[name] = items;
    }
    restyle();
    fitInView(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
}

void KnowledgeGraphView::restyle() {
    const QPalette palette = this->palette();
    for (auto& [line, weight] : m_edges) {
        const bool strong = weight >= m_thresholds.edge;
        QColor colour = palette.color(QPalette::Text);
        colour.setAlphaF(strong ? 0.75 : 0.12);
        line->setPen(QPen(colour, strong ? 1.0 + 5.0 * std::min(1.0, weight) : 0.6));
    }
    for (auto& [name, items] : m_nodes) {
        const bool on = items.activation >= m_thresholds.node;
        const double radius = kMinNode + (kMaxNode - kMinNode) * std::clamp(items.activation, 0.0, 1.0);
        const QRectF box(items.centre.x() - radius, items.centre.y() - radius, 2 * radius, 2 * radius);
        items.disc->setRect(box);
        QColor fill = on ? nodeColour(items.activation) : palette.color(QPalette::Mid);
        if (!on) fill.setAlphaF(0.55);
        items.disc->setBrush(fill);
        items.disc->setPen(QPen(name == m_currentNode ? palette.color(QPalette::Highlight) : palette.color(QPalette::Text),
                                name == m_currentNode ? 3.0 : 0.8));
        const bool ringed = m_draft && m_focusSentence >= 0 &&
                            sentenceAttention(*m_draft, m_focusSentence, name.toStdString()) > m_thresholds.attention;
        items.ring->setVisible(ringed);
        items.ring->setRect(box.adjusted(-6, -6, 6, 6));
        items.ring->setPen(QPen(QColor(0, 170, 255), 3.0));
        QFont font = items.label->font();
        font.setBold(on);
        items.label->setFont(font);
        items.label->setBrush(palette.color(on ? QPalette::Text : QPalette::PlaceholderText));
        const QRectF text = items.label->boundingRect();
        items.label->setPos(items.centre.x() - text.width() / 2, items.centre.y() + radius + 2);
    }
}

QPointF KnowledgeGraphView::nodePosition(const QString& node) const {
    const auto found = m_nodes.find(node);
    return found == m_nodes.end() ? QPointF() : found->second.centre;
}

bool KnowledgeGraphView::isNodeOn(const QString& node) const {
    const auto found = m_nodes.find(node);
    return found != m_nodes.end() && found->second.activation >= m_thresholds.node;
}

bool KnowledgeGraphView::isNodeRinged(const QString& node) const {
    const auto found = m_nodes.find(node);
    return found != m_nodes.end() && found->second.ring->isVisible();
}

int KnowledgeGraphView::strongEdgeCount() const {
    return int(std::count_if(m_edges.begin(), m_edges.end(), [&](const auto& edge) { return edge.second >= m_thresholds.edge; }));
}

void KnowledgeGraphView::mousePressEvent(QMouseEvent* event) {
    const QPointF at = mapToScene(event->position().toPoint());
    for (const auto& [name, items] : m_nodes) {
        if (items.disc->contains(at) || items.label->sceneBoundingRect().contains(at)) {
            m_currentNode = name;
            restyle();
            Q_EMIT nodeActivated(name);
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void KnowledgeGraphView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) restyle();
}

void KnowledgeGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (!m_nodes.empty()) fitInView(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
}

} // namespace raddraft::ui
