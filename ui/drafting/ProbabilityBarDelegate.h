#pragma once
// Draws a finding row: its name, its label (present / absent / uncertain, ✎ when an annotator set
// it), a probability bar, the decision threshold as a marker across the bar, and the probability as
// a number. Findings labelled present stand out; the bar's colour is the model's decision.

#include <QStyledItemDelegate>

namespace raddraft::ui {

class ProbabilityBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// The bar's track inside a row rectangle (for tests: where the threshold marker lies).
    static QRect barRect(const QRect& row, const QFontMetrics& metrics);
};

} // namespace raddraft::ui
