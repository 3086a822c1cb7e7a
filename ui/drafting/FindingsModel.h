#pragma once
// The findings of a draft as a list, most probable first, with the model's decision threshold.

#include "DraftRepository.h"

#include <QAbstractListModel>

#include <vector>

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
    };

    explicit FindingsModel(QObject* parent = nullptr);

    /// Shows the findings of `draft` (nullptr: none) judged against `threshold`.
    void setDraft(DraftPointer draft, double threshold);
    const DraftPointer& draft() const { return m_draft; }
    double threshold() const { return m_threshold; }
    /// Row of the finding with index `findingIndex` in the draft, -1 if none.
    int rowOfFinding(int findingIndex) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    DraftPointer m_draft;
    double m_threshold = 0.5;
    std::vector<int> m_order; ///< row → finding index
};

} // namespace raddraft::ui
