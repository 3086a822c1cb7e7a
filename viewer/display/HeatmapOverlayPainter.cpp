#include "display/HeatmapOverlayPainter.h"

#include <QCoreApplication>
#include <QFontMetrics>

#include <algorithm>
#include <cmath>

namespace raddraft::viewer {

namespace {

constexpr QRgb regionColour = qRgb(255, 214, 10);

/// This file's translation context, "HeatmapOverlayPainter" (lupdate reads it from the macro; a helper function
/// would hide it).
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(HeatmapOverlayPainter)
};

QString percent(double fraction) { return QStringLiteral("%1 %").arg(std::lround(fraction * 100.0)); }

} // namespace

void HeatmapOverlayPainter::setOverlay(std::shared_ptr<const HeatmapOverlay> overlay)
{
    m_overlay = std::move(overlay);
    m_filledKey.reset(); // m_filled keeps its pixels for the next map of the same size
    m_contours.clear();
    m_region = QImage();
    m_regionBoxes.clear();
    m_regionKey.reset();
}

void HeatmapOverlayPainter::setStyle(const OverlayStyle& style) { m_style = style; }

bool HeatmapOverlayPainter::drawsNothing() const
{
    return !m_overlay || (!(m_style.filled && m_style.opacity > 0.0) && !m_style.contours && !m_style.region);
}

void HeatmapOverlayPainter::paint(QPainter& painter, const QTransform& imageToWidget)
{
    if (drawsNothing())
        return;
    const HeatmapOverlay& overlay = *m_overlay;
    painter.save();
    if (m_style.filled && m_style.opacity > 0.0) {
        const std::pair<ColorMapKind, double> key{m_style.colorMap, m_style.opacity};
        if (m_filledKey != key) {
            overlay.renderFilled(m_style.colorMap, m_style.opacity, m_filled);
            m_filledKey = key;
        }
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.setTransform(overlay.rasterToImage() * imageToWidget);
        painter.drawImage(QPointF(0, 0), m_filled);
        painter.restore();
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (m_style.region) {
        if (m_regionKey != m_style.regionLevel) {
            m_region = overlay.regionImage(m_style.regionLevel, regionColour, 0.22);
            m_regionBoxes = overlay.regionBoxes(m_style.regionLevel);
            m_regionKey = m_style.regionLevel;
        }
        // The region's pixels (coarse raster, spanning the image) and its outline, the iso-line at
        // the same level, which is exact where the coarse pixels are not.
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.setTransform(QTransform::fromScale(static_cast<double>(overlay.imageSize().width()) / m_region.width(),
                                                   static_cast<double>(overlay.imageSize().height()) / m_region.height()) *
                             imageToWidget);
        painter.drawImage(QPointF(0, 0), m_region);
        painter.setTransform(imageToWidget);
        auto outline = m_contours.find(m_style.regionLevel);
        if (outline == m_contours.end())
            outline = m_contours.emplace(m_style.regionLevel, overlay.contourPolylines(m_style.regionLevel)).first;
        QPen edge(QColor::fromRgb(regionColour), 1.4);
        edge.setCosmetic(true);
        painter.setPen(edge);
        for (const QPolygonF& line : outline->second)
            painter.drawPolyline(line);
        painter.restore();
        QFont font = painter.font();
        font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
        QPen box(QColor::fromRgb(regionColour), 1.6, Qt::DashLine);
        box.setCosmetic(true);
        for (const QRectF& rect : m_regionBoxes) {
            const QPolygonF shown = imageToWidget.map(QPolygonF(rect));
            painter.setPen(QPen(QColor(0, 0, 0, 160), 3.2));
            painter.drawPolygon(shown);
            painter.setPen(box);
            painter.drawPolygon(shown);
            const QRectF bounds = shown.boundingRect();
            m_text.draw(painter, bounds.topLeft() + QPointF(3, -4), QStringLiteral("≥ ") + percent(m_style.regionLevel), font);
        }
    }
    if (m_style.contours) {
        painter.setTransform(imageToWidget);
        for (double level : m_style.contourLevels) {
            auto it = m_contours.find(level);
            if (it == m_contours.end())
                it = m_contours.emplace(level, overlay.contourPolylines(level)).first;
            QPen shadow(QColor(0, 0, 0, 170), 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            shadow.setCosmetic(true);
            QPen line(QColor::fromRgb(colorMapColor(m_style.colorMap, level)), 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            line.setCosmetic(true);
            for (const QPen& pen : {shadow, line}) {
                painter.setPen(pen);
                for (const QPolygonF& polyline : it->second)
                    painter.drawPolyline(polyline);
            }
        }
    }
    painter.restore();
}

QRect HeatmapOverlayPainter::colorBarRect(const QRect& area)
{
    const int height = std::clamp(static_cast<int>(area.height() * 0.35), 80, 240);
    const int width = 12;
    return QRect(area.right() - width - 14, area.center().y() - height / 2, width, height);
}

void HeatmapOverlayPainter::paintColorBar(QPainter& painter, const QRect& area)
{
    if (drawsNothing())
        return;
    const HeatmapOverlay& overlay = *m_overlay;
    const QRect bar = colorBarRect(area);
    painter.save();
    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing, true);
    // The colour map as a 1 × 256 column, maximum at the top, stretched over the bar.
    QImage gradient(1, 256, QImage::Format_RGB32);
    const std::array<QRgb, 256> table = colorMapTable(m_style.colorMap);
    for (int i = 0; i < 256; ++i)
        gradient.setPixel(0, 255 - i, table[static_cast<std::size_t>(i)]);
    painter.drawImage(QRectF(bar), gradient);
    painter.setPen(QPen(QColor(20, 20, 20), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(bar.adjusted(0, 0, -1, -1));

    QFont font = painter.font();
    font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
    const QFontMetrics metrics(font);
    const auto rightAligned = [&](double y, const QString& text) {
        m_text.draw(painter, QPointF(bar.left() - 6 - metrics.horizontalAdvance(text), y), text, font);
    };
    const auto yOf = [&](double fraction) { return bar.top() + (1.0 - fraction) * (bar.height() - 1); };
    rightAligned(bar.top() + metrics.ascent() / 2.0, Texts::tr("max"));
    rightAligned(bar.bottom() + metrics.ascent() / 2.0 - 1, QStringLiteral("0"));
    std::vector<std::pair<double, QColor>> ticks;
    if (m_style.contours)
        for (double level : m_style.contourLevels)
            ticks.emplace_back(level, QColor(235, 235, 235));
    if (m_style.region)
        ticks.emplace_back(m_style.regionLevel, QColor::fromRgb(regionColour));
    for (const auto& [level, colour] : ticks) {
        const double y = yOf(level);
        painter.setPen(QPen(colour, 2));
        painter.drawLine(QPointF(bar.left() - 4, y), QPointF(bar.right() + 3, y));
        rightAligned(y + metrics.ascent() / 2.0 - 1, percent(level));
    }

    // Title above; below, what the scale means: each map is scaled to its own maximum.
    const int right = bar.right() + 2;
    const auto alignedToRight = [&](double y, const QString& text) {
        m_text.draw(painter, QPointF(right - metrics.horizontalAdvance(text), y), text, font);
    };
    if (!overlay.title().isEmpty())
        alignedToRight(bar.top() - metrics.descent() - metrics.ascent() / 2.0 - 6, metrics.elidedText(overlay.title(), Qt::ElideRight, 220));
    alignedToRight(bar.bottom() + 6 + metrics.ascent(), Texts::tr("scaled to this map's max"));
    alignedToRight(bar.bottom() + 6 + metrics.ascent() + metrics.lineSpacing(),
                   Texts::tr("max = %1").arg(static_cast<double>(overlay.maximum()), 0, 'g', 3));
    painter.restore();
}

} // namespace raddraft::viewer
