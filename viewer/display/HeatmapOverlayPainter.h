#pragma once
// Draws a HeatmapOverlay over an image in a viewport and the colour bar that explains it. It keeps
// the rasters it derives (colour image, contours, region) until the map or the style changes, so a
// repaint after zoom, pan, rotation or flip only re-maps them through the viewport's transform.

#include "display/HeatmapOverlay.h"
#include "display/OutlinedTextCache.h"
#include "display/OverlayStyle.h"

#include <QPainter>
#include <QRect>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace raddraft::viewer {

class HeatmapOverlayPainter {
public:
    /// nullptr removes the overlay.
    void setOverlay(std::shared_ptr<const HeatmapOverlay> overlay);
    const std::shared_ptr<const HeatmapOverlay>& overlay() const { return m_overlay; }
    void setStyle(const OverlayStyle& style);
    const OverlayStyle& style() const { return m_style; }

    /// True when painting would draw nothing: no overlay, or every part off or transparent.
    bool drawsNothing() const;

    /// Draws the overlay; `imageToWidget` maps image pixel coordinates to the painter's device
    /// (the same transform the image was drawn with).
    void paint(QPainter& painter, const QTransform& imageToWidget);
    /// Draws the colour bar at the right edge of `area` (widget coordinates).
    void paintColorBar(QPainter& painter, const QRect& area);
    /// Where the colour bar's gradient goes in `area`.
    static QRect colorBarRect(const QRect& area);

private:
    std::shared_ptr<const HeatmapOverlay> m_overlay;
    OverlayStyle m_style;
    QImage m_filled;                                  ///< for m_filledKey
    std::optional<std::pair<ColorMapKind, double>> m_filledKey;
    std::map<double, std::vector<QPolygonF>> m_contours; ///< level → polylines (image coordinates)
    QImage m_region;
    std::vector<QRectF> m_regionBoxes;
    std::optional<double> m_regionKey;
    OutlinedTextCache m_text; ///< labels of the colour bar and the region boxes
};

} // namespace raddraft::viewer
