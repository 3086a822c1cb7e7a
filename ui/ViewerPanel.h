#pragma once
// The centre of the workstation: one or two image viewports (1×1, 1×2) or the MPR view, the
// active viewport highlighted, and a stack bar (frame slider, cine) for the active viewport.

#include "display/ImageViewport.h"

#include <QWidget>

#include <array>

class QLabel;
class QSlider;
class QStackedLayout;
class QToolButton;
class QSpinBox;

namespace raddraft::ui {

enum class ViewerLayout { Single, SideBySide, Mpr };

class ViewerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ViewerPanel(QWidget* parent = nullptr);

    viewer::ImageViewport* viewport(int index) const { return m_viewports[static_cast<std::size_t>(index)]; }
    static constexpr int maximumViewports = 2;
    /// Viewports visible in the current layout (0 in the MPR layout).
    int visibleViewportCount() const;
    viewer::ImageViewport* activeViewport() const { return m_viewports[static_cast<std::size_t>(m_active)]; }
    int activeViewportIndex() const { return m_active; }
    ViewerLayout viewerLayout() const { return m_layout; }

    /// Installs the widget shown in the MPR layout (owned by the panel from then on).
    void setMprWidget(QWidget* widget);
    QWidget* mprWidget() const { return m_mprWidget; }

public Q_SLOTS:
    void setViewerLayout(raddraft::ui::ViewerLayout layout);
    void setActiveViewport(int index);

Q_SIGNALS:
    void viewerLayoutChanged(raddraft::ui::ViewerLayout layout);
    void activeViewportChanged(int index);

private:
    void updateStackBar();
    void updateHighlight();

    std::array<viewer::ImageViewport*, maximumViewports> m_viewports{};
    std::array<QWidget*, maximumViewports> m_frames{};
    QWidget* m_grid = nullptr;
    QWidget* m_mprWidget = nullptr;
    QStackedLayout* m_stack = nullptr;
    QWidget* m_stackBar = nullptr;
    QSlider* m_frameSlider = nullptr;
    QLabel* m_frameLabel = nullptr;
    QToolButton* m_playButton = nullptr;
    QSpinBox* m_fpsBox = nullptr;
    ViewerLayout m_layout = ViewerLayout::SideBySide;
    int m_active = 0;
};

} // namespace raddraft::ui
