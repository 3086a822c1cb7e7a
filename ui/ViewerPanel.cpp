#include "ViewerPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStackedLayout>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace raddraft::ui {

ViewerPanel::ViewerPanel(QWidget* parent) : QWidget(parent)
{
    m_grid = new QWidget(this);
    auto* gridLayout = new QHBoxLayout(m_grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(2);
    for (int i = 0; i < maximumViewports; ++i) {
        // A thin frame around each viewport shows which one is active.
        auto* frame = new QWidget(m_grid);
        frame->setAutoFillBackground(true);
        auto* frameLayout = new QVBoxLayout(frame);
        frameLayout->setContentsMargins(2, 2, 2, 2);
        auto* viewport = new viewer::ImageViewport(frame);
        viewport->setObjectName(QStringLiteral("viewport%1").arg(i));
        frameLayout->addWidget(viewport);
        gridLayout->addWidget(frame, 1);
        m_viewports[static_cast<std::size_t>(i)] = viewport;
        m_frames[static_cast<std::size_t>(i)] = frame;
        connect(viewport, &viewer::ImageViewport::activated, this, [this, i] { setActiveViewport(i); });
        connect(viewport, &viewer::ImageViewport::frameChanged, this, [this, i] {
            if (i == m_active)
                updateStackBar();
        });
    }

    m_stackBar = new QWidget(this);
    auto* barLayout = new QHBoxLayout(m_stackBar);
    barLayout->setContentsMargins(4, 2, 4, 2);
    m_playButton = new QToolButton(m_stackBar);
    m_playButton->setCheckable(true);
    m_playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_playButton->setToolTip(tr("Play / pause cine (P)"));
    m_frameSlider = new QSlider(Qt::Horizontal, m_stackBar);
    m_frameLabel = new QLabel(m_stackBar);
    m_fpsBox = new QSpinBox(m_stackBar);
    m_fpsBox->setRange(1, 60);
    m_fpsBox->setValue(10);
    m_fpsBox->setSuffix(tr(" fps"));
    m_fpsBox->setToolTip(tr("Cine speed"));
    barLayout->addWidget(m_playButton);
    barLayout->addWidget(m_frameSlider, 1);
    barLayout->addWidget(m_frameLabel);
    barLayout->addWidget(m_fpsBox);
    connect(m_frameSlider, &QSlider::valueChanged, this, [this](int value) { activeViewport()->setFrame(value); });
    connect(m_playButton, &QToolButton::toggled, this, [this](bool playing) {
        activeViewport()->setCineFramesPerSecond(m_fpsBox->value());
        activeViewport()->setCinePlaying(playing);
        m_playButton->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(m_fpsBox, &QSpinBox::valueChanged, this, [this](int fps) { activeViewport()->setCineFramesPerSecond(fps); });

    auto* centre = new QWidget(this);
    m_stack = new QStackedLayout(centre);
    m_stack->addWidget(m_grid);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(centre, 1);
    layout->addWidget(m_stackBar);

    setViewerLayout(ViewerLayout::SideBySide);
    updateHighlight();
    updateStackBar();
}

int ViewerPanel::visibleViewportCount() const
{
    switch (m_layout) {
    case ViewerLayout::Single: return 1;
    case ViewerLayout::SideBySide: return 2;
    case ViewerLayout::Mpr: return 0;
    }
    return 0;
}

void ViewerPanel::setMprWidget(QWidget* widget)
{
    if (m_mprWidget) {
        m_stack->removeWidget(m_mprWidget);
        m_mprWidget->deleteLater();
    }
    m_mprWidget = widget;
    if (m_mprWidget)
        m_stack->addWidget(m_mprWidget);
    setViewerLayout(m_layout);
}

void ViewerPanel::setViewerLayout(ViewerLayout layout)
{
    if (layout == ViewerLayout::Mpr && !m_mprWidget)
        layout = ViewerLayout::Single;
    const bool changed = layout != m_layout;
    m_layout = layout;
    if (layout == ViewerLayout::Mpr) {
        m_stack->setCurrentWidget(m_mprWidget);
    } else {
        m_stack->setCurrentWidget(m_grid);
        m_frames[1]->setVisible(layout == ViewerLayout::SideBySide);
        if (layout == ViewerLayout::Single && m_active != 0)
            setActiveViewport(0);
    }
    updateStackBar();
    if (changed)
        Q_EMIT viewerLayoutChanged(layout);
}

void ViewerPanel::setActiveViewport(int index)
{
    if (index < 0 || index >= maximumViewports || index == m_active)
        return;
    m_active = index;
    updateHighlight();
    updateStackBar();
    Q_EMIT activeViewportChanged(index);
}

void ViewerPanel::updateHighlight()
{
    for (int i = 0; i < maximumViewports; ++i) {
        QPalette palette = m_frames[static_cast<std::size_t>(i)]->palette();
        palette.setColor(QPalette::Window, i == m_active ? QColor(70, 140, 220) : QColor(30, 30, 30));
        m_frames[static_cast<std::size_t>(i)]->setPalette(palette);
    }
}

void ViewerPanel::updateStackBar()
{
    viewer::ImageViewport* viewport = activeViewport();
    const int frames = viewport->frameCount();
    const bool stack = m_layout != ViewerLayout::Mpr && frames > 1;
    m_stackBar->setVisible(stack);
    if (!stack)
        return;
    const QSignalBlocker blockSlider(m_frameSlider);
    const QSignalBlocker blockPlay(m_playButton);
    m_frameSlider->setRange(0, frames - 1);
    m_frameSlider->setValue(viewport->currentFrame());
    m_frameLabel->setText(tr("%1 / %2").arg(viewport->currentFrame() + 1).arg(frames));
    m_playButton->setChecked(viewport->isCinePlaying());
    m_playButton->setIcon(style()->standardIcon(viewport->isCinePlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

} // namespace raddraft::ui
