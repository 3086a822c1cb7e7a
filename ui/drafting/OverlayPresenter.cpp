#include "OverlayPresenter.h"

#include "display/HangingProtocol.h"

#include <stdexcept>

namespace raddraft::ui {

OverlayPresenter::OverlayPresenter(std::vector<viewer::ImageViewport*> viewports, QObject* parent)
    : QObject(parent), m_viewports(std::move(viewports)), m_shownOn(m_viewports.size(), nullptr)
{
    qRegisterMetaType<raddraft::ui::OverlaySource>();
}

QString OverlayPresenter::viewOf(const viewer::ImageViewport& viewport)
{
    if (!viewport.hasImage())
        return {};
    switch (viewer::chestViewOf(viewport.image()->info)) {
    case viewer::ChestView::Frontal: return QStringLiteral("frontal");
    case viewer::ChestView::Lateral: return QStringLiteral("lateral");
    case viewer::ChestView::Other: return {};
    }
    return {};
}

void OverlayPresenter::show(const OverlaySource& source)
{
    m_chosen = source;
    m_preview = {};
    display(m_chosen);
}

void OverlayPresenter::preview(const OverlaySource& source)
{
    m_preview = source;
    display(m_preview.isNone() ? m_chosen : m_preview);
}

void OverlayPresenter::display(const OverlaySource& source)
{
    bool sameImages = true;
    for (std::size_t i = 0; i < m_viewports.size(); ++i)
        sameImages = sameImages && m_viewports[i]->image().get() == m_shownOn[i];
    if (source == m_shown && sameImages)
        return;
    m_shown = source;
    for (std::size_t i = 0; i < m_viewports.size(); ++i) {
        viewer::ImageViewport* viewport = m_viewports[i];
        m_shownOn[i] = viewport->image().get();
        std::shared_ptr<const viewer::HeatmapOverlay> overlay;
        const QString view = viewOf(*viewport);
        for (const inference::Heatmap& heatmap : source.heatmaps) {
            if (view.isEmpty() || QString::fromStdString(heatmap.view) != view)
                continue;
            const dicom::PixelData& pixels = viewport->image()->pixels;
            overlay = overlayFor(heatmap, QSize(pixels.columns, pixels.rows), source.title);
            break;
        }
        viewport->setHeatmapOverlay(std::move(overlay));
    }
    Q_EMIT sourceChanged(m_shown);
}

std::shared_ptr<const viewer::HeatmapOverlay> OverlayPresenter::overlayFor(const inference::Heatmap& heatmap, QSize imageSize,
                                                                         const QString& title)
{
    for (auto it = m_recent.begin(); it != m_recent.end(); ++it) {
        const viewer::HeatmapOverlay& candidate = **it;
        if (candidate.imageSize() == imageSize && candidate.title() == title && candidate.grid().rows == heatmap.rows &&
            candidate.grid().cols == heatmap.cols && candidate.grid().values == heatmap.values) {
            std::shared_ptr<const viewer::HeatmapOverlay> found = *it;
            m_recent.erase(it);
            m_recent.push_back(found);
            return found;
        }
    }
    std::shared_ptr<const viewer::HeatmapOverlay> overlay;
    try {
        overlay = std::make_shared<const viewer::HeatmapOverlay>(viewer::HeatmapGrid{heatmap.rows, heatmap.cols, heatmap.values}, imageSize, title);
    } catch (const std::invalid_argument&) {
        return nullptr; // an inconsistent grid (a hand-edited draft): nothing to show
    }
    constexpr std::size_t kept = 12; // a few sentences' and words' maps of two views
    if (m_recent.size() >= kept)
        m_recent.erase(m_recent.begin());
    m_recent.push_back(overlay);
    return overlay;
}

void OverlayPresenter::setStyle(const viewer::OverlayStyle& style)
{
    m_style = style;
    for (viewer::ImageViewport* viewport : m_viewports)
        viewport->setOverlayStyle(style);
}

void OverlayPresenter::setVisible(bool visible)
{
    m_visible = visible;
    for (viewer::ImageViewport* viewport : m_viewports)
        viewport->setOverlayVisible(visible);
}

} // namespace raddraft::ui
