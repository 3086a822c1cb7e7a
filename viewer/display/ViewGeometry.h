#pragma once
// Where an image sits in a viewport: zoom, pan, rotation, flips, and the mapping between image
// pixel coordinates and widget coordinates. Pure logic (no widget), so it is testable on its own.
//
// Image coordinates: x = column, y = row, continuous; pixel (c, r) covers [c, c+1) × [r, r+1).
// Non-square pixels are shown with their physical aspect ratio (row spacing / column spacing).

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QTransform>

namespace raddraft::viewer {

class ViewGeometry {
public:
    void setImageSize(QSizeF pixels, double pixelAspect = 1.0); ///< aspect = row / column spacing
    void setViewportSize(QSizeF size);

    /// Zoom so the whole (rotated) image fits the viewport, centred.
    void fit();
    /// Back to fit, no rotation, no flips.
    void reset();

    /// Display pixels per image column (1.0 = one screen pixel per image pixel).
    double zoom() const { return m_zoom; }
    /// Sets the zoom keeping the image point under `anchor` (widget coordinates) fixed.
    void setZoom(double zoom, QPointF anchor);
    void zoomBy(double factor, QPointF anchor) { setZoom(m_zoom * factor, anchor); }
    /// Zoom relative to fit (1.0 = fitted), for the corner annotation.
    double zoomRelativeToFit() const;

    void panBy(QPointF widgetDelta) { m_pan += widgetDelta; }
    QPointF pan() const { return m_pan; }

    int rotationDegrees() const { return m_rotation; } ///< 0, 90, 180, 270 (clockwise)
    void rotateClockwise() { m_rotation = (m_rotation + 90) % 360; }
    void rotateCounterClockwise() { m_rotation = (m_rotation + 270) % 360; }
    bool flippedHorizontally() const { return m_flipHorizontal; }
    bool flippedVertically() const { return m_flipVertical; }
    /// Flips are about the screen axes, as a user sees them.
    void flipHorizontally();
    void flipVertically();

    /// Image coordinates → widget coordinates.
    QTransform imageToWidget() const;
    QTransform widgetToImage() const { return imageToWidget().inverted(); }
    QPointF toImage(QPointF widgetPoint) const { return widgetToImage().map(widgetPoint); }
    QPointF toWidget(QPointF imagePoint) const { return imageToWidget().map(imagePoint); }
    /// The image rectangle in widget coordinates (bounding box of the rotated image).
    QRectF imageRectInWidget() const;

    QSizeF imageSize() const { return m_imageSize; }
    QSizeF viewportSize() const { return m_viewportSize; }

private:
    double fitZoom() const;

    QSizeF m_imageSize{1, 1};
    QSizeF m_viewportSize{1, 1};
    double m_pixelAspect = 1.0;
    double m_zoom = 1.0;
    QPointF m_pan;        ///< offset of the image centre from the viewport centre, widget pixels
    int m_rotation = 0;
    bool m_flipHorizontal = false; ///< applied after rotation, in screen space
    bool m_flipVertical = false;
};

} // namespace raddraft::viewer
