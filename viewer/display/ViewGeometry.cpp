#include "display/ViewGeometry.h"

#include <algorithm>
#include <cmath>

namespace raddraft::viewer {

void ViewGeometry::setImageSize(QSizeF pixels, double pixelAspect)
{
    m_imageSize = QSizeF(std::max(1.0, pixels.width()), std::max(1.0, pixels.height()));
    m_pixelAspect = pixelAspect > 0 && std::isfinite(pixelAspect) ? pixelAspect : 1.0;
}

void ViewGeometry::setViewportSize(QSizeF size)
{
    m_viewportSize = QSizeF(std::max(1.0, size.width()), std::max(1.0, size.height()));
}

double ViewGeometry::fitZoom() const
{
    const double width = m_imageSize.width();
    const double height = m_imageSize.height() * m_pixelAspect;
    const bool quarterTurn = m_rotation % 180 != 0;
    const double shownWidth = quarterTurn ? height : width;
    const double shownHeight = quarterTurn ? width : height;
    return std::min(m_viewportSize.width() / shownWidth, m_viewportSize.height() / shownHeight);
}

void ViewGeometry::fit()
{
    m_zoom = fitZoom();
    m_pan = QPointF();
}

void ViewGeometry::reset()
{
    m_rotation = 0;
    m_flipHorizontal = false;
    m_flipVertical = false;
    fit();
}

double ViewGeometry::zoomRelativeToFit() const { return m_zoom / fitZoom(); }

void ViewGeometry::setZoom(double zoom, QPointF anchor)
{
    zoom = std::clamp(zoom, fitZoom() / 20.0, 64.0);
    const QPointF imagePoint = toImage(anchor);
    m_zoom = zoom;
    // Keep the image point under the anchor where it was.
    m_pan += anchor - toWidget(imagePoint);
}

void ViewGeometry::flipHorizontally() { m_flipHorizontal = !m_flipHorizontal; }
void ViewGeometry::flipVertically() { m_flipVertical = !m_flipVertical; }

QTransform ViewGeometry::imageToWidget() const
{
    // Read bottom-up: centre the image on the origin, apply physical aspect and zoom, rotate,
    // flip in screen space, then move to the viewport centre plus pan.
    QTransform transform;
    transform.translate(m_viewportSize.width() / 2.0 + m_pan.x(), m_viewportSize.height() / 2.0 + m_pan.y());
    transform.scale(m_flipHorizontal ? -1.0 : 1.0, m_flipVertical ? -1.0 : 1.0);
    transform.rotate(m_rotation);
    transform.scale(m_zoom, m_zoom * m_pixelAspect);
    transform.translate(-m_imageSize.width() / 2.0, -m_imageSize.height() / 2.0);
    return transform;
}

QRectF ViewGeometry::imageRectInWidget() const
{
    return imageToWidget().mapRect(QRectF(QPointF(0, 0), m_imageSize));
}

} // namespace raddraft::viewer
