#include "mpr/MprView.h"

#include "mpr/MprSliceView.h"
#include "mpr/VtkVolumeImage.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>

namespace raddraft::mpr {

namespace {

struct PresetEntry {
    const char* key;
    const char* name; ///< translated in the MprView context
    WindowLevel window;
};

constexpr std::array<PresetEntry, 4> presetTable{{
    {"soft-tissue", QT_TRANSLATE_NOOP("raddraft::mpr::MprView", "CT soft tissue"), {40.0, 400.0}},
    {"lung", QT_TRANSLATE_NOOP("raddraft::mpr::MprView", "Lung"), {-600.0, 1500.0}},
    {"bone", QT_TRANSLATE_NOOP("raddraft::mpr::MprView", "Bone"), {480.0, 2500.0}},
    {"brain", QT_TRANSLATE_NOOP("raddraft::mpr::MprView", "Brain"), {40.0, 80.0}},
}};

const PresetEntry* findPreset(const QString& key) {
    for (const PresetEntry& entry : presetTable) {
        if (key.compare(QLatin1String(entry.key), Qt::CaseInsensitive) == 0) {
            return &entry;
        }
    }
    return nullptr;
}

constexpr std::array<MprPlane, 3> allPlanes{MprPlane::Axial, MprPlane::Coronal, MprPlane::Sagittal};

std::size_t slot(MprPlane plane) { return static_cast<std::size_t>(plane); }

} // namespace

MprView::MprView(QWidget* parent) : QWidget(parent) {
    m_layout = new QGridLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);

    for (MprPlane plane : allPlanes) {
        auto* view = new MprSliceView(plane, this);
        m_views[slot(plane)] = view;
        connect(view, &MprSliceView::crosshairRequested, this, &MprView::setCrosshair);
        connect(view, &MprSliceView::windowLevelRequested, this, &MprView::setWindowLevel);
    }

    m_infoPanel = new QWidget(this);
    auto* infoLayout = new QVBoxLayout(m_infoPanel);
    m_presetBox = new QComboBox(m_infoPanel);
    m_presetBox->setObjectName(QStringLiteral("mprPresetBox"));
    m_presetBox->setPlaceholderText(tr("Window preset"));
    for (const PresetEntry& entry : presetTable) {
        m_presetBox->addItem(tr(entry.name), QString::fromLatin1(entry.key));
    }
    connect(m_presetBox, &QComboBox::activated, this, &MprView::onPresetActivated);
    m_infoLabel = new QLabel(m_infoPanel);
    m_infoLabel->setObjectName(QStringLiteral("mprInfoLabel"));
    m_infoLabel->setTextFormat(Qt::PlainText);
    m_infoLabel->setWordWrap(true);
    m_infoLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_infoLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    infoLayout->addWidget(m_presetBox);
    infoLayout->addWidget(m_infoLabel, 1);

    placeViews();
    for (MprSliceView* view : m_views) {
        view->setWindowLevel(m_window);
    }
    updateInfo();
}

MprView::~MprView() = default;

MprSliceView* MprView::sliceView(MprPlane plane) const { return m_views[slot(plane)]; }

void MprView::setOverlaysVisible(bool visible) {
    for (MprSliceView* view : m_views) {
        view->setOverlayVisible(visible);
    }
}

void MprView::setArrangement(Arrangement arrangement) {
    if (arrangement == m_arrangement) {
        return;
    }
    m_arrangement = arrangement;
    placeViews();
}

void MprView::placeViews() {
    for (MprSliceView* view : m_views) {
        m_layout->removeWidget(view);
    }
    m_layout->removeWidget(m_infoPanel);
    for (int index = 0; index < 3; ++index) {
        m_layout->setRowStretch(index, 0);
        m_layout->setColumnStretch(index, 0);
    }
    if (m_arrangement == Arrangement::Grid2x2) {
        m_layout->addWidget(sliceView(MprPlane::Axial), 0, 0);
        m_layout->addWidget(sliceView(MprPlane::Coronal), 0, 1);
        m_layout->addWidget(sliceView(MprPlane::Sagittal), 1, 0);
        m_layout->addWidget(m_infoPanel, 1, 1);
        m_infoPanel->show();
        for (int index = 0; index < 2; ++index) {
            m_layout->setRowStretch(index, 1);
            m_layout->setColumnStretch(index, 1);
        }
    } else {
        for (int column = 0; column < 3; ++column) {
            m_layout->addWidget(m_views[static_cast<std::size_t>(column)], 0, column);
            m_layout->setColumnStretch(column, 1);
        }
        m_layout->setRowStretch(0, 1);
        m_infoPanel->hide();
    }
}

void MprView::setVolume(std::shared_ptr<const Volume> volume) {
    m_volume = std::move(volume);
    m_image = m_volume ? std::make_shared<const VtkVolumeImage>(m_volume) : nullptr;
    m_grid = m_volume ? SamplingGrid::forVolume(*m_volume) : SamplingGrid{};
    m_crosshair = m_volume ? m_grid.center() : Vector3{};

    WindowLevel window = m_window;
    if (m_volume) {
        if (m_volume->storedWindow) {
            window = *m_volume->storedWindow;
        } else if (m_volume->modality == "CT") {
            window = *presetWindow(QStringLiteral("soft-tissue"));
        } else {
            const auto [low, high] = m_image->valueRange();
            window = {(low + high) / 2.0, std::max(1.0, high - low)};
        }
    }
    m_window = {window.center, std::max(1.0, window.width)};

    for (MprSliceView* view : m_views) {
        view->setWindowLevel(m_window);
        view->setCrosshair(m_crosshair);
        view->setVolumeImage(m_image, m_grid);
    }
    updateInfo();
    Q_EMIT volumeChanged();
    Q_EMIT crosshairChanged(m_crosshair[0], m_crosshair[1], m_crosshair[2]);
    Q_EMIT windowLevelChanged(m_window.center, m_window.width);
}

void MprView::setWindowLevel(double center, double width) {
    const WindowLevel window{center, std::max(1.0, width)};
    if (window.center == m_window.center && window.width == m_window.width) {
        return;
    }
    m_window = window;
    for (MprSliceView* view : m_views) {
        view->setWindowLevel(m_window);
    }
    updateInfo();
    Q_EMIT windowLevelChanged(m_window.center, m_window.width);
}

void MprView::setCrosshair(double x, double y, double z) {
    if (!m_volume || !std::isfinite(x) || !std::isfinite(y) || !std::isfinite(z)) {
        return;
    }
    const Vector3 point = m_grid.snap({x, y, z});
    if (point == m_crosshair) {
        return;
    }
    m_crosshair = point;
    for (MprSliceView* view : m_views) {
        view->setCrosshair(m_crosshair);
    }
    updateInfo();
    Q_EMIT crosshairChanged(m_crosshair[0], m_crosshair[1], m_crosshair[2]);
}

QStringList MprView::presetKeys() {
    QStringList keys;
    for (const PresetEntry& entry : presetTable) {
        keys.append(QString::fromLatin1(entry.key));
    }
    return keys;
}

QString MprView::presetDisplayName(const QString& key) {
    const PresetEntry* entry = findPreset(key);
    return entry ? tr(entry->name) : QString();
}

std::optional<WindowLevel> MprView::presetWindow(const QString& key) {
    const PresetEntry* entry = findPreset(key);
    return entry ? std::optional<WindowLevel>(entry->window) : std::nullopt;
}

bool MprView::applyPreset(const QString& key) {
    const std::optional<WindowLevel> window = presetWindow(key);
    if (!window) {
        return false;
    }
    setWindowLevel(window->center, window->width);
    return true;
}

void MprView::onPresetActivated(int index) {
    if (index >= 0) {
        applyPreset(m_presetBox->itemData(index).toString());
    }
}

void MprView::updateInfo() {
    {
        // Show the preset the window matches, if any (blank for a custom window).
        const QSignalBlocker blocker(m_presetBox);
        int matching = -1;
        for (int index = 0; index < m_presetBox->count(); ++index) {
            const std::optional<WindowLevel> window = presetWindow(m_presetBox->itemData(index).toString());
            if (window && window->center == m_window.center && window->width == m_window.width) {
                matching = index;
            }
        }
        m_presetBox->setCurrentIndex(matching);
    }
    if (!m_volume) {
        m_infoLabel->setText(tr("No volume"));
        return;
    }
    const Volume& volume = *m_volume;
    QStringList lines;
    lines << (volume.seriesDescription.empty() ? tr("(no series description)")
                                               : QString::fromStdString(volume.seriesDescription));
    lines << tr("%1 × %2 × %3 voxels").arg(volume.dimensions[0]).arg(volume.dimensions[1]).arg(volume.dimensions[2]);
    lines << tr("%1 × %2 × %3 mm")
                 .arg(volume.spacing[0], 0, 'g', 4)
                 .arg(volume.spacing[1], 0, 'g', 4)
                 .arg(volume.spacing[2], 0, 'g', 4);
    lines << QString();
    lines << tr("Crosshair (x, y, z): %1, %2, %3 mm")
                 .arg(m_crosshair[0], 0, 'f', 1)
                 .arg(m_crosshair[1], 0, 'f', 1)
                 .arg(m_crosshair[2], 0, 'f', 1);
    const std::optional<double> value = volume.valueNearest(m_crosshair);
    const QString unit = volume.rescaleType.empty() && volume.modality == "CT"
                             ? QStringLiteral("HU")
                             : QString::fromStdString(volume.rescaleType);
    lines << (value ? tr("Value: %1 %2").arg(*value, 0, 'g', 6).arg(unit).trimmed() : tr("Value: outside the volume"));
    lines << tr("Window: W %1  L %2").arg(m_window.width, 0, 'g', 6).arg(m_window.center, 0, 'g', 6);
    lines << QString();
    lines << tr("Wheel: move through slices\nLeft drag: window (right = wider, down = higher level)\n"
                "Click: move the crosshair");
    m_infoLabel->setText(lines.join(QLatin1Char('\n')));
}

} // namespace raddraft::mpr
