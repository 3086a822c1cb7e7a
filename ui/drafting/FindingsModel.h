#pragma once
// The findings of a draft as a list, most probable first, with the model's decision threshold
// and, when a report is given, each finding's current label (the model's decision until an
// annotator corrects it; ReportDocument::correctFinding).

#include "DraftRepository.h"

#include "report/FindingLabel.h"

#include <QAbstractListModel>
#include <QMetaObject>

#include <vector>

namespace raddraft::report {
class ReportDocument;
}

namespace raddraft::ui {

class FindingsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ProbabilityRole = Qt::UserRole + 1, ///< double in [0, 1]
        PresentRole,                        ///< bool: probability ≥ threshold (the model's decision)
        ThresholdRole,                      ///< double: the bundle's tag threshold
        FindingIndexRole,                   ///< int: index into Draft::findings
        HasMapRole,                         ///< bool: the finding has heatmaps
        StatusRole,                         ///< int (report::FindingStatus): the current label; invalid without a report
        CorrectedRole,                      ///< bool: an annotator changed the label
    };

    explicit FindingsModel(QObject* parent = nullptr);

    /// Shows the findings of `draft` (nullptr: none) judged against `threshold`, with the labels
    /// of `report` (not owned; may be nullptr), kept up to date as they change.
    void setDraft(DraftPointer draft, double threshold, const report::ReportDocument* report = nullptr);
    const DraftPointer& draft() const { return m_draft; }
    const report::ReportDocument* report() const { return m_report; }
    double threshold() const { return m_threshold; }
    /// Row of the finding with index `findingIndex` in the draft, -1 if none.
    int rowOfFinding(int findingIndex) const;
    /// The report's label of the finding with index `findingIndex`, or nullptr.
    const report::FindingLabel* labelOf(int findingIndex) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void onLabelChanged(const QString& name);

    DraftPointer m_draft;
    const report::ReportDocument* m_report = nullptr;
    double m_threshold = 0.5;
    std::vector<int> m_order; ///< row → finding index
    QMetaObject::Connection m_labelConnection;
    QMetaObject::Connection m_destroyedConnection;
};

/// "present", "absent", "uncertain" for the user (translated).
QString findingStatusText(report::FindingStatus status);

} // namespace raddraft::ui
