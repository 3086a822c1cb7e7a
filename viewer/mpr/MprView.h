#pragma once
// The MPR layout: axial, coronal and sagittal views of one Volume that share one crosshair point
// and one window. Build the Volume with VolumeBuilder (on a worker thread), then setVolume().

#include "mpr/MprGeometry.h"
#include "mpr/Volume.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

class QComboBox;
class QGridLayout;
class QLabel;

namespace raddraft::mpr {

class MprSliceView;
class VtkVolumeImage;

class MprView : public QWidget {
    Q_OBJECT

public:
    /// Grid2x2: axial | coronal over sagittal | info panel. Row1x3: the three views side by side,
    /// info panel hidden.
    enum class Arrangement { Grid2x2, Row1x3 };

    explicit MprView(QWidget* parent = nullptr);
    ~MprView() override;

    /// Shows `volume` (null clears all views). Resets the crosshair to the volume's centre and the
    /// window to the file's stored window, else "soft-tissue" for CT, else the full value range.
    /// Emits volumeChanged, crosshairChanged and windowLevelChanged.
    void setVolume(std::shared_ptr<const Volume> volume);
    const std::shared_ptr<const Volume>& volume() const { return m_volume; }

    /// The crosshair in patient coordinates (LPS, mm), always on the sampling grid.
    Vector3 crosshair() const { return m_crosshair; }
    WindowLevel windowLevel() const { return m_window; }
    /// The grid the three planes sample (meaningful when a volume is set).
    const SamplingGrid& samplingGrid() const { return m_grid; }

    MprSliceView* sliceView(MprPlane plane) const;

    /// Shows or hides the crosshair, orientation letters and text in all three views.
    void setOverlaysVisible(bool visible);

    void setArrangement(Arrangement arrangement);
    Arrangement arrangement() const { return m_arrangement; }

    /// Window presets (values in HU): "soft-tissue" 40/400, "lung" −600/1500, "bone" 480/2500,
    /// "brain" 40/80, in menu order.
    static QStringList presetKeys();
    /// Translated menu text for a key ("CT soft tissue"), empty for an unknown key.
    static QString presetDisplayName(const QString& key);
    /// The preset's window; nothing for an unknown key.
    static std::optional<WindowLevel> presetWindow(const QString& key);
    /// Applies the preset with this key (case-insensitive). Returns false, changing nothing, for an
    /// unknown key.
    bool applyPreset(const QString& key);

public Q_SLOTS:
    /// Sets the window of all three views (width clamped to ≥ 1). Emits windowLevelChanged when
    /// it changed.
    void setWindowLevel(double center, double width);
    /// Moves the crosshair (patient mm), clamped to the volume and snapped to the nearest sample;
    /// the three planes move with it. Emits crosshairChanged when it changed. Ignored without a
    /// volume.
    void setCrosshair(double x, double y, double z);

Q_SIGNALS:
    void volumeChanged();
    void windowLevelChanged(double center, double width);
    void crosshairChanged(double x, double y, double z);

private:
    void onPresetActivated(int index);
    void updateInfo();
    void placeViews();

    // The views hold m_image themselves, so the voxels outlive their pipelines whatever the order
    // of destruction.
    std::shared_ptr<const Volume> m_volume;
    std::shared_ptr<const VtkVolumeImage> m_image;
    SamplingGrid m_grid;
    Vector3 m_crosshair{};
    WindowLevel m_window{40.0, 400.0};
    Arrangement m_arrangement = Arrangement::Grid2x2;

    QGridLayout* m_layout = nullptr;        // owned by this widget
    std::array<MprSliceView*, 3> m_views{}; // owned by this widget, indexed by MprPlane
    QWidget* m_infoPanel = nullptr;
    QLabel* m_infoLabel = nullptr;
    QComboBox* m_presetBox = nullptr;
};

} // namespace raddraft::mpr
