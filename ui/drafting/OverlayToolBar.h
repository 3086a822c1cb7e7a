#pragma once
// The overlay's controls: show/hide, the display parts (filled map, contour lines, thresholded
// region), the colour map and the opacity of the filled map.

#include "display/OverlayStyle.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

namespace raddraft::ui {

class OverlayToolBar : public QToolBar {
    Q_OBJECT
public:
    /// The checkable window commands for visibility and the three display parts.
    OverlayToolBar(QAction* toggle, QAction* filled, QAction* contours, QAction* region, QWidget* parent = nullptr);

    viewer::OverlayStyle overlayStyle() const { return m_style; }
    /// Shows `style` in the controls (no styleChanged).
    void setOverlayStyle(const viewer::OverlayStyle& style);
    QSlider* opacitySlider() const { return m_opacity; }
    QComboBox* colorMapBox() const { return m_colorMap; }

public Q_SLOTS:
    /// Moves to the next colour map.
    void cycleColorMap();

Q_SIGNALS:
    void styleChanged(const raddraft::viewer::OverlayStyle& style);

private:
    void updateFromControls();

    QAction* m_filled = nullptr;
    QAction* m_contours = nullptr;
    QAction* m_region = nullptr;
    QComboBox* m_colorMap = nullptr;
    QSlider* m_opacity = nullptr;
    QLabel* m_opacityLabel = nullptr;
    viewer::OverlayStyle m_style;
};

} // namespace raddraft::ui
