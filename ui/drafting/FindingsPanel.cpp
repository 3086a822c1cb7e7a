#include "FindingsPanel.h"

#include "FindingsModel.h"
#include "ProbabilityBarDelegate.h"

#include "report/ReportDocument.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QSignalBlocker>
#include <QToolButton>
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
        Q_EMIT currentFindingChanged(currentFinding());
    });
    connect(m_model, &FindingsModel::dataChanged, this, [this] {
        updateSummary();
        Q_EMIT currentFindingChanged(currentFinding());
    });
    m_labelButtons = new QWidget(this);
    m_labelButtons->setObjectName(QStringLiteral("findingLabelButtons"));
    m_labelButtons->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_labelButtons);
    setDraft(nullptr, 0.5);
}

void FindingsPanel::setLabelActions(QAction* present, QAction* absent, QAction* uncertain)
{
    auto* layout = new QHBoxLayout(m_labelButtons);
    layout->setContentsMargins(6, 4, 6, 4);
    auto* caption = new QLabel(tr("Label:"), m_labelButtons);
    layout->addWidget(caption);
    for (QAction* action : {present, absent, uncertain}) {
        auto* button = new QToolButton(m_labelButtons);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        layout->addWidget(button);
    }
    layout->addStretch(1);
    m_labelButtons->setVisible(true);
}

void FindingsPanel::setDraft(DraftPointer draft, double threshold, const report::ReportDocument* report)
{
    {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_model->setDraft(std::move(draft), threshold, report);
    }
    updateSummary();
    Q_EMIT currentFindingChanged(currentFinding());
}

void FindingsPanel::updateSummary()
{
    const DraftPointer& draft = m_model->draft();
    if (!draft) {
        m_summary->setText(tr("No draft."));
        return;
    }
    if (draft->findings.empty()) {
        m_summary->setText(tr("This model predicts no findings."));
        return;
    }
    int present = 0;
    int corrected = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        const QVariant status = index.data(FindingsModel::StatusRole);
        present += (status.isValid() ? status.toInt() == static_cast<int>(report::FindingStatus::Present)
                                     : index.data(FindingsModel::PresentRole).toBool())
                       ? 1
                       : 0;
        corrected += index.data(FindingsModel::CorrectedRole).toBool() ? 1 : 0;
    }
    QString text = tr("%1 of %2 present · decision threshold %3 (the mark on each bar)")
                       .arg(present)
                       .arg(draft->findings.size())
                       .arg(m_model->threshold(), 0, 'f', 2);
    if (corrected > 0)
        text += QLatin1Char(' ') + tr("· %n corrected by an annotator (✎)", nullptr, corrected);
    m_summary->setText(text);
}

int FindingsPanel::currentFinding() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isSelected(current))
        return -1;
    return current.data(FindingsModel::FindingIndexRole).toInt();
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
    Q_EMIT currentFindingChanged(currentFinding());
}

void FindingsPanel::clearSelection()
{
    {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_view->selectionModel()->clear();
    }
    m_view->viewport()->update();
    Q_EMIT currentFindingChanged(-1);
}

void FindingsPanel::requestRow(int row)
{
    if (!m_model->draft())
        return;
    const int findingIndex = m_model->index(row).data(FindingsModel::FindingIndexRole).toInt();
    Q_EMIT overlayRequested(findingOverlay(*m_model->draft(), findingIndex));
}

} // namespace raddraft::ui
