#include "display/OutlinedTextCache.h"

#include <QPainterPath>

#include <cmath>

namespace raddraft::viewer {

void OutlinedTextCache::draw(QPainter& painter, QPointF baseline, const QString& text, const QFont& font)
{
    if (text.isEmpty())
        return;
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const QString key = font.key() + QLatin1Char('\x1f') + QString::number(ratio) + QLatin1Char('\x1f') + text;
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        if (m_entries.size() >= capacity) {
            auto oldest = m_entries.begin();
            for (auto candidate = m_entries.begin(); candidate != m_entries.end(); ++candidate)
                if (candidate->lastUse < oldest->lastUse)
                    oldest = candidate;
            m_entries.erase(oldest);
        }
        QPainterPath path;
        path.addText(QPointF(0, 0), font, text);
        // Whole-pixel bounds around the outline (pen width 3): drawn at a whole-pixel baseline the
        // blit matches drawing the path directly.
        const QRectF bounds = path.boundingRect().adjusted(-2, -2, 2, 2);
        const QPoint offset(static_cast<int>(std::floor(bounds.left())), static_cast<int>(std::floor(bounds.top())));
        const QSize size(static_cast<int>(std::ceil(bounds.right())) - offset.x(), static_cast<int>(std::ceil(bounds.bottom())) - offset.y());
        Entry entry;
        entry.offset = offset;
        entry.image = QImage((QSizeF(size) * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
        entry.image.setDevicePixelRatio(ratio);
        entry.image.fill(Qt::transparent);
        QPainter textPainter(&entry.image);
        textPainter.setRenderHint(QPainter::Antialiasing, true);
        textPainter.translate(-offset);
        textPainter.setPen(QPen(QColor(0, 0, 0, 200), 3));
        textPainter.drawPath(path);
        textPainter.fillPath(path, QColor(235, 235, 235));
        textPainter.end();
        it = m_entries.insert(key, entry);
    }
    it->lastUse = ++m_clock;
    const QPoint origin(static_cast<int>(std::lround(baseline.x())), static_cast<int>(std::lround(baseline.y())));
    painter.drawImage(origin + it->offset, it->image);
}

} // namespace raddraft::viewer
