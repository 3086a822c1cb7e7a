#include "KnowledgeGraphPanel.h"

#include "GraphEvidence.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace raddraft::ui {
namespace {

QDoubleSpinBox* thresholdBox(double value, const QString& tip, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, 1.0);
    box->setSingleStep(0.05);
    box->setDecimals(2);
    box->setValue(value);
    box->setToolTip(tip);
    return box;
}

} // namespace

KnowledgeGraphPanel::KnowledgeGraphPanel(QWidget* parent) : QWidget(parent) {
    m_view = new KnowledgeGraphView(this);
    const GraphThresholds defaults;
    m_attention = thresholdBox(defaults.attention, tr("A node supports a sentence when its attention there exceeds this"), this);
    m_node = thresholdBox(defaults.node, tr("Nodes at or above this activation are drawn in colour"), this);
    m_edge = thresholdBox(defaults.edge, tr("Edges at or above this weight are drawn"), this);
    m_supported = new QLabel(tr("Click a node to see its map and the sentences it supports."), this);
    m_supported->setWordWrap(true);

    auto* thresholds = new QHBoxLayout;
    auto* attentionForm = new QFormLayout;
    attentionForm->addRow(tr("&Attention"), m_attention);
    auto* nodeForm = new QFormLayout;
    nodeForm->addRow(tr("&Node"), m_node);
    auto* edgeForm = new QFormLayout;
    edgeForm->addRow(tr("&Edge"), m_edge);
    thresholds->addLayout(attentionForm);
    thresholds->addLayout(nodeForm);
    thresholds->addLayout(edgeForm);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(thresholds);
    layout->addWidget(m_supported);

    for (QDoubleSpinBox* box : {m_attention, m_node, m_edge}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, &KnowledgeGraphPanel::onThresholdEdited);
    }
    connect(m_view, &KnowledgeGraphView::nodeActivated, this, &KnowledgeGraphPanel::chooseNode);
}

void KnowledgeGraphPanel::setDraft(DraftPointer draft) {
    m_draft = std::move(draft);
    m_view->setDraft(m_draft);
    m_supported->setText(tr("Click a node to see its map and the sentences it supports."));
}

void KnowledgeGraphPanel::setThresholds(const GraphThresholds& thresholds) {
    const QSignalBlocker a(m_attention), n(m_node), e(m_edge);
    m_attention->setValue(thresholds.attention);
    m_node->setValue(thresholds.node);
    m_edge->setValue(thresholds.edge);
    m_view->setThresholds(thresholds);
}

void KnowledgeGraphPanel::focusSentence(int sentenceIndex) { m_view->setFocusSentence(sentenceIndex); }

void KnowledgeGraphPanel::chooseNode(const QString& node) {
    if (!m_draft) return;
    int index = -1;
    for (int i = 0; i < int(m_draft->graphNodes.size()); ++i) {
        if (QString::fromStdString(m_draft->graphNodes[std::size_t(i)].name) == node) index = i;
    }
    if (index < 0) return;
    m_view->setCurrentNode(node);
    const std::vector<int> sentences = sentencesSupportedBy(*m_draft, node.toStdString(), m_view->thresholds().attention);
    QStringList numbers;
    for (int sentence : sentences) numbers << QString::number(sentence + 1);
    const OverlaySource source = graphNodeOverlay(*m_draft, index);
    QString text = numbers.isEmpty() ? tr("%1 supports no sentence of this draft.").arg(node)
                                     : tr("%1 supports sentence(s) %2.").arg(node, numbers.join(QStringLiteral(", ")));
    if (source.heatmaps.empty()) text += QLatin1Char(' ') + tr("The model gives it no map on the images.");
    m_supported->setText(text);
    Q_EMIT overlayRequested(source);
    Q_EMIT sentencesRequested(sentences);
}

void KnowledgeGraphPanel::onThresholdEdited() {
    GraphThresholds thresholds;
    thresholds.attention = m_attention->value();
    thresholds.node = m_node->value();
    thresholds.edge = m_edge->value();
    m_view->setThresholds(thresholds);
    Q_EMIT thresholdsChanged(thresholds);
}

} // namespace raddraft::ui
