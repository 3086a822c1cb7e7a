#include "FindingsModel.h"

#include <algorithm>
#include <numeric>

namespace raddraft::ui {

FindingsModel::FindingsModel(QObject* parent) : QAbstractListModel(parent) {}

void FindingsModel::setDraft(DraftPointer draft, double threshold)
{
    beginResetModel();
    m_draft = std::move(draft);
    m_threshold = threshold;
    m_order.clear();
    if (m_draft) {
        m_order.resize(m_draft->findings.size());
        std::iota(m_order.begin(), m_order.end(), 0);
        std::stable_sort(m_order.begin(), m_order.end(), [this](int a, int b) {
            return m_draft->findings[static_cast<std::size_t>(a)].probability > m_draft->findings[static_cast<std::size_t>(b)].probability;
        });
    }
    endResetModel();
}

int FindingsModel::rowOfFinding(int findingIndex) const
{
    const auto it = std::find(m_order.begin(), m_order.end(), findingIndex);
    return it == m_order.end() ? -1 : static_cast<int>(it - m_order.begin());
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_draft)
        return {};
    const int findingIndex = m_order[static_cast<std::size_t>(index.row())];
    const inference::Finding& finding = m_draft->findings[static_cast<std::size_t>(findingIndex)];
    const bool present = finding.probability >= m_threshold;
    switch (role) {
    case Qt::DisplayRole: return QString::fromStdString(finding.name);
    case ProbabilityRole: return finding.probability;
    case PresentRole: return present;
    case ThresholdRole: return m_threshold;
    case FindingIndexRole: return findingIndex;
    case HasMapRole: return !finding.heatmaps.empty();
    case Qt::ToolTipRole:
        return tr("%1: probability %2, threshold %3 — %4")
                   .arg(QString::fromStdString(finding.name))
                   .arg(finding.probability, 0, 'f', 3)
                   .arg(m_threshold, 0, 'f', 2)
                   .arg(present ? tr("present") : tr("absent")) +
               (finding.heatmaps.empty() ? tr("\nNo map: the model has no evidence map for this finding.")
                                         : tr("\nClick to show where the model saw it."));
    case Qt::AccessibleTextRole:
        return tr("%1, %2 percent").arg(QString::fromStdString(finding.name)).arg(qRound(finding.probability * 100.0));
    default: return {};
    }
}

} // namespace raddraft::ui
