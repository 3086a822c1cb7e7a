#include "FindingsPanel.h"

#include "FindingsModel.h"
#include "ProbabilityBarDelegate.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace raddraft::ui {

FindingsPanel::FindingsPanel(QWidget* parent) : QWidget(parent)
{
    m_model = new FindingsModel(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("findingsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setContentsMargins(6, 4, 6, 2);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("findingsList"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ProbabilityBarDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true);
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex& index) { requestRow(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        if (current.isValid())
            requestRow(current.row());
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    setDraft(nullptr, 0.5);
}

void FindingsPanel::setDraft(DraftPointer draft, double threshold)
{
    const QSignalBlocker blocker(m_view->selectionModel());
    m_model->setDraft(draft, threshold);
    if (!draft) {
        m_summary->setText(tr("No draft."));
        return;
    }
    int present = 0;
    for (const inference::Finding& finding : draft->findings)
        present += finding.probability >= threshold ? 1 : 0;
    m_summary->setText(draft->findings.empty()
                           ? tr("This model predicts no findings.")
                           : tr("%1 of %2 present · decision threshold %3 (the mark on each bar)")
                                 .arg(present)
                                 .arg(draft->findings.size())
                                 .arg(threshold, 0, 'f', 2));
}

void FindingsPanel::selectFinding(int findingIndex)
{
    const int row = m_model->rowOfFinding(findingIndex);
    if (row < 0)
        return;
    {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_view->setCurrentIndex(m_model->index(row));
    }
    requestRow(row);
}

void FindingsPanel::clearSelection()
{
    const QSignalBlocker blocker(m_view->selectionModel());
    m_view->selectionModel()->clear();
}

void FindingsPanel::requestRow(int row)
{
    if (!m_model->draft())
        return;
    const int findingIndex = m_model->index(row).data(FindingsModel::FindingIndexRole).toInt();
    Q_EMIT overlayRequested(findingOverlay(*m_model->draft(), findingIndex));
}

} // namespace raddraft::ui
