#include "OverlayToolBar.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace raddraft::ui {

namespace {

QString colorMapTitle(viewer::ColorMapKind kind)
{
    switch (kind) {
    case viewer::ColorMapKind::Turbo: return OverlayToolBar::tr("Turbo");
    case viewer::ColorMapKind::Inferno: return OverlayToolBar::tr("Inferno");
    case viewer::ColorMapKind::Hot: return OverlayToolBar::tr("Hot");
    }
    return {};
}

} // namespace

OverlayToolBar::OverlayToolBar(QAction* toggle, QAction* filled, QAction* contours, QAction* region, QWidget* parent)
    : QToolBar(tr("Overlay"), parent), m_filled(filled), m_contours(contours), m_region(region)
{
    setObjectName(QStringLiteral("overlayToolBar"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    toggle->setIconText(tr("Overlay"));
    filled->setIconText(tr("Map"));
    contours->setIconText(tr("Contours"));
    region->setIconText(tr("Region"));
    addAction(toggle);
    addSeparator();
    addAction(filled);
    addAction(contours);
    addAction(region);

    m_colorMap = new QComboBox(this);
    m_colorMap->setObjectName(QStringLiteral("overlayColorMap"));
    m_colorMap->setToolTip(tr("Colour map of the overlay"));
    for (viewer::ColorMapKind kind : viewer::allColorMaps)
        m_colorMap->addItem(colorMapTitle(kind), viewer::colorMapName(kind));
    addWidget(m_colorMap);

    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setObjectName(QStringLiteral("overlayOpacity"));
    m_opacity->setRange(0, 100);
    m_opacity->setFixedWidth(110);
    m_opacity->setToolTip(tr("Opacity of the filled colour map"));
    m_opacityLabel = new QLabel(this);
    m_opacityLabel->setMinimumWidth(40);
    addWidget(new QLabel(tr(" Opacity "), this));
    addWidget(m_opacity);
    addWidget(m_opacityLabel);

    for (QAction* part : {filled, contours, region})
        connect(part, &QAction::toggled, this, &OverlayToolBar::updateFromControls);
    connect(m_colorMap, &QComboBox::currentIndexChanged, this, &OverlayToolBar::updateFromControls);
    connect(m_opacity, &QSlider::valueChanged, this, &OverlayToolBar::updateFromControls);
    setOverlayStyle(m_style);
}

void OverlayToolBar::setOverlayStyle(const viewer::OverlayStyle& style)
{
    m_style = style;
    const QSignalBlocker blockFilled(m_filled), blockContours(m_contours), blockRegion(m_region);
    const QSignalBlocker blockMap(m_colorMap), blockOpacity(m_opacity);
    m_filled->setChecked(style.filled);
    m_contours->setChecked(style.contours);
    m_region->setChecked(style.region);
    m_colorMap->setCurrentIndex(m_colorMap->findData(viewer::colorMapName(style.colorMap)));
    m_opacity->setValue(static_cast<int>(std::lround(style.opacity * 100.0)));
    m_opacityLabel->setText(QStringLiteral("%1 %").arg(m_opacity->value()));
}

void OverlayToolBar::cycleColorMap()
{
    m_colorMap->setCurrentIndex((m_colorMap->currentIndex() + 1) % m_colorMap->count());
}

void OverlayToolBar::updateFromControls()
{
    viewer::OverlayStyle style = m_style;
    style.filled = m_filled->isChecked();
    style.contours = m_contours->isChecked();
    style.region = m_region->isChecked();
    style.colorMap = viewer::colorMapFromName(m_colorMap->currentData().toString());
    style.opacity = m_opacity->value() / 100.0;
    m_opacityLabel->setText(QStringLiteral("%1 %").arg(m_opacity->value()));
    if (style == m_style)
        return;
    m_style = style;
    Q_EMIT styleChanged(m_style);
}

} // namespace raddraft::ui
