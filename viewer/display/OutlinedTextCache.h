#pragma once
// Text drawn over images: light glyphs with a dark outline, readable on any part of a radiograph.
// Stroking glyph outlines costs about a millisecond per line, and a viewport repaints its corner
// annotations and colour bar labels on every pan or overlay change: each (text, font) is rendered
// once into an image and then only blitted.

#include <QFont>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPointF>
#include <QString>

namespace raddraft::viewer {

class OutlinedTextCache {
public:
    /// Draws `text` with its baseline starting at `baseline` (device-independent pixels of the
    /// painter's untransformed device; the position is rounded to whole pixels).
    void draw(QPainter& painter, QPointF baseline, const QString& text, const QFont& font);

    int size() const { return static_cast<int>(m_entries.size()); }

private:
    struct Entry {
        QImage image;   ///< the outlined text, device pixel ratio set
        QPoint offset;  ///< top-left of the image relative to the baseline start
        quint64 lastUse = 0;
    };
    static constexpr int capacity = 96; ///< distinct strings kept (probe text changes constantly)

    QHash<QString, Entry> m_entries;
    quint64 m_clock = 0;
};

} // namespace raddraft::viewer
