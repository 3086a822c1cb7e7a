#pragma once
// Puts the maps of an OverlaySource on the viewports: each viewport gets the map of the view its
// image shows (frontal or lateral, from ViewPosition, as the hanging protocol decides), laid over
// the whole image. Style and visibility apply to every viewport alike.

#include "OverlaySource.h"
#include "display/ImageViewport.h"

#include <QObject>

#include <memory>
#include <vector>

namespace raddraft::ui {

class OverlayPresenter : public QObject {
    Q_OBJECT
public:
    explicit OverlayPresenter(std::vector<viewer::ImageViewport*> viewports, QObject* parent = nullptr);

    /// What the views show now: the preview while there is one, else the chosen source.
    const OverlaySource& source() const { return m_shown; }
    const OverlaySource& chosenSource() const { return m_chosen; }
    const viewer::OverlayStyle& style() const { return m_style; }
    bool isVisible() const { return m_visible; }

    /// "frontal", "lateral", or empty when the viewport shows no chest radiograph; the same rule
    /// picks the images a draft is made from.
    static QString viewOf(const viewer::ImageViewport& viewport);

public Q_SLOTS:
    /// Chooses `source` (a None source clears the views) and ends any preview. Grids that do
    /// not fit (inconsistent sizes) are left out.
    void show(const raddraft::ui::OverlaySource& source);
    /// Shows `source` until the next preview or choice; a None source ends the preview.
    void preview(const raddraft::ui::OverlaySource& source);
    void clear() { show(OverlaySource{}); }
    void setStyle(const raddraft::viewer::OverlayStyle& style);
    void setVisible(bool visible);

Q_SIGNALS:
    /// The views now show `source` (chosen or preview).
    void sourceChanged(const raddraft::ui::OverlaySource& source);

private:
    void display(const OverlaySource& source);
    /// The overlay of `heatmap` on an image of `imageSize`, reused when shown recently (pointing
    /// back and forth between words and their sentence rebuilds nothing).
    std::shared_ptr<const viewer::HeatmapOverlay> overlayFor(const inference::Heatmap& heatmap, QSize imageSize, const QString& title);

    std::vector<viewer::ImageViewport*> m_viewports;
    std::vector<const dicom::DecodedImage*> m_shownOn; ///< image each viewport had when shown
    OverlaySource m_chosen;
    OverlaySource m_preview;
    OverlaySource m_shown;
    viewer::OverlayStyle m_style;
    bool m_visible = true;
    std::vector<std::shared_ptr<const viewer::HeatmapOverlay>> m_recent; ///< most recent last
};

} // namespace raddraft::ui
