#include "FindingsModel.h"

#include "FindingNames.h"

#include "report/ReportDocument.h"

#include <algorithm>
#include <numeric>

namespace raddraft::ui {

QString findingStatusText(report::FindingStatus status)
{
    switch (status) {
    case report::FindingStatus::Present:
        return FindingsModel::tr("present");
    case report::FindingStatus::Absent:
        return FindingsModel::tr("absent");
    case report::FindingStatus::Uncertain:
        return FindingsModel::tr("uncertain");
    }
    return {};
}

FindingsModel::FindingsModel(QObject* parent) : QAbstractListModel(parent) {}

void FindingsModel::setDraft(DraftPointer draft, double threshold, const report::ReportDocument* report)
{
    beginResetModel();
    disconnect(m_labelConnection);
    disconnect(m_destroyedConnection);
    m_draft = std::move(draft);
    m_report = m_draft ? report : nullptr;
    m_threshold = threshold;
    m_order.clear();
    if (m_draft) {
        m_order.resize(m_draft->findings.size());
        std::iota(m_order.begin(), m_order.end(), 0);
        std::stable_sort(m_order.begin(), m_order.end(), [this](int a, int b) {
            return m_draft->findings[static_cast<std::size_t>(a)].probability > m_draft->findings[static_cast<std::size_t>(b)].probability;
        });
    }
    if (m_report) {
        m_labelConnection = connect(m_report, &report::ReportDocument::findingLabelChanged, this, &FindingsModel::onLabelChanged);
        m_destroyedConnection = connect(m_report, &QObject::destroyed, this, [this] { setDraft(nullptr, m_threshold); });
    }
    endResetModel();
}

int FindingsModel::rowOfFinding(int findingIndex) const
{
    const auto it = std::find(m_order.begin(), m_order.end(), findingIndex);
    return it == m_order.end() ? -1 : static_cast<int>(it - m_order.begin());
}

const report::FindingLabel* FindingsModel::labelOf(int findingIndex) const
{
    if (!m_report || !m_draft || findingIndex < 0 || findingIndex >= static_cast<int>(m_draft->findings.size()))
        return nullptr;
    // Labels are made in the draft's finding order; the name confirms it.
    const std::vector<report::FindingLabel>& labels = m_report->findingLabels();
    const QString name = QString::fromStdString(m_draft->findings[static_cast<std::size_t>(findingIndex)].name);
    if (findingIndex < static_cast<int>(labels.size()) && labels[static_cast<std::size_t>(findingIndex)].name == name)
        return &labels[static_cast<std::size_t>(findingIndex)];
    const auto found = std::find_if(labels.begin(), labels.end(), [&name](const report::FindingLabel& label) { return label.name == name; });
    return found == labels.end() ? nullptr : &*found;
}

void FindingsModel::onLabelChanged(const QString& name)
{
    for (std::size_t row = 0; row < m_order.size(); ++row)
        if (QString::fromStdString(m_draft->findings[static_cast<std::size_t>(m_order[row])].name) == name)
            Q_EMIT dataChanged(index(static_cast<int>(row)), index(static_cast<int>(row)));
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
    const report::FindingLabel* label = labelOf(findingIndex);
    switch (role) {
    case Qt::DisplayRole: return findingDisplayName(QString::fromStdString(finding.name));
    case ProbabilityRole: return finding.probability;
    case PresentRole: return present;
    case ThresholdRole: return m_threshold;
    case FindingIndexRole: return findingIndex;
    case HasMapRole: return !finding.heatmaps.empty();
    case StatusRole: return label ? QVariant(static_cast<int>(label->status)) : QVariant();
    case CorrectedRole: return label && label->isCorrected();
    case Qt::ToolTipRole: {
        QString tip = tr("%1: probability %2, threshold %3 — the model finds it %4")
                          .arg(findingDisplayName(QString::fromStdString(finding.name)))
                          .arg(finding.probability, 0, 'f', 3)
                          .arg(m_threshold, 0, 'f', 2)
                          .arg(present ? tr("present") : tr("absent"));
        if (label && label->isCorrected())
            tip += tr("\nAn annotator set it to %1.").arg(findingStatusText(label->status));
        return tip + (finding.heatmaps.empty() ? tr("\nNo map: the model has no evidence map for this finding.")
                                               : tr("\nClick to show where the model saw it."));
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2 percent, %3")
            .arg(findingDisplayName(QString::fromStdString(finding.name)))
            .arg(qRound(finding.probability * 100.0))
            .arg(findingStatusText(label ? label->status : present ? report::FindingStatus::Present : report::FindingStatus::Absent));
    default: return {};
    }
}

} // namespace raddraft::ui
