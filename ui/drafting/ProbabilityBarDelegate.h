#pragma once
// Draws a finding row: its name, a probability bar, the decision threshold as a marker across the
// bar, and the probability as a number. Present findings (at or above the threshold) stand out.

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
