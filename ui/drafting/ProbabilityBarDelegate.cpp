#include "ProbabilityBarDelegate.h"

#include "FindingsModel.h"
#include "Theme.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace raddraft::ui {

QRect ProbabilityBarDelegate::barRect(const QRect& row, const QFontMetrics& metrics)
{
    const int numberWidth = metrics.horizontalAdvance(QStringLiteral("0.00")) + 10;
    const int left = row.left() + row.width() * 52 / 100;
    const int height = std::max(6, metrics.height() / 2);
    return QRect(left, row.center().y() - height / 2, std::max(10, row.right() - numberWidth - left), height);
}

void ProbabilityBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    item.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &item, painter, widget);

    const double probability = index.data(FindingsModel::ProbabilityRole).toDouble();
    const double threshold = index.data(FindingsModel::ThresholdRole).toDouble();
    const QVariant status = index.data(FindingsModel::StatusRole);
    const bool corrected = index.data(FindingsModel::CorrectedRole).toBool();
    // The label when there is a report (an annotator's correction wins), else the model's decision.
    const bool present = status.isValid() ? status.toInt() == static_cast<int>(report::FindingStatus::Present)
                                          : index.data(FindingsModel::PresentRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    QFont font = option.font;
    font.setBold(present);
    painter->setFont(font);
    const QRect row = option.rect.adjusted(8, 0, -6, 0);
    const QRect bar = barRect(row, option.fontMetrics);
    QRect nameRect(row.left(), row.top(), bar.left() - row.left() - 8, row.height());
    if (status.isValid()) {
        // The label, right of the name: "✎" marks an annotator's correction.
        const auto label = static_cast<report::FindingStatus>(status.toInt());
        const QString labelText = (corrected ? QStringLiteral("✎ ") : QString()) + findingStatusText(label);
        QFont labelFont = option.font;
        labelFont.setPointSizeF(labelFont.pointSizeF() * 0.85);
        labelFont.setBold(corrected);
        const int labelWidth = QFontMetrics(labelFont).horizontalAdvance(labelText) + 4;
        const QRect labelRect(nameRect.right() - labelWidth, row.top(), labelWidth, row.height());
        nameRect.setRight(labelRect.left() - 4);
        QColor labelColour = themeColor(label == report::FindingStatus::Present  ? ThemeColor::FindingPresent
                                        : label == report::FindingStatus::Absent ? ThemeColor::FindingAbsent
                                                                                  : ThemeColor::FindingUncertain,
                                        option.palette);
        if (selected)
            labelColour = text;
        painter->setFont(labelFont);
        painter->setPen(labelColour);
        painter->drawText(labelRect, Qt::AlignVCenter | Qt::AlignRight, labelText);
        painter->setFont(font);
    }
    painter->setPen(text);
    painter->drawText(nameRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(font).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, nameRect.width()));

    // Track, fill, threshold marker.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(90, 96, 106, 150));
    painter->drawRoundedRect(bar, 2, 2);
    const QColor fill = index.data(FindingsModel::PresentRole).toBool() ? QColor(236, 146, 48) : QColor(96, 140, 196);
    QRect filled = bar;
    filled.setWidth(std::max(1, static_cast<int>(bar.width() * std::clamp(probability, 0.0, 1.0))));
    painter->setBrush(fill);
    painter->drawRoundedRect(filled, 2, 2);
    const double markerX = bar.left() + bar.width() * std::clamp(threshold, 0.0, 1.0);
    painter->setPen(QPen(text, 2));
    painter->drawLine(QPointF(markerX, bar.top() - 3), QPointF(markerX, bar.bottom() + 3));

    painter->setFont(option.font);
    painter->setPen(text);
    painter->drawText(QRect(bar.right() + 6, row.top(), row.right() - bar.right() - 6, row.height()), Qt::AlignVCenter | Qt::AlignRight,
                      QString::number(probability, 'f', 2));
    painter->restore();
}

QSize ProbabilityBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    return QSize(260, option.fontMetrics.height() + 10);
}

} // namespace raddraft::ui
