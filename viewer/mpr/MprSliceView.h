#pragma once
// One MPR plane (axial, coronal or sagittal) rendered by VTK inside a Qt 6 QOpenGLWidget.
//
// Debian's VTK Qt module is built against Qt 5, so this widget hosts a
// vtkGenericOpenGLRenderWindow itself (the pattern QVTKOpenGLNativeWidget uses): VTK renders into
// its own framebuffer on the widget's context and the result is blitted into the widget's
// framebuffer in paintGL. Overlays (crosshair, orientation letters, slice and window text) are
// drawn with QPainter afterwards. Needs a real OpenGL surface: under X11 or Xvfb (not the
// "offscreen" platform).
//
// The view is thin: it shows what it is told (volume, crosshair, window) and reports what the user
// asks for through signals; MprView decides and tells all three views.

#include "mpr/MprGeometry.h"
#include "mpr/Volume.h"

#include <QOpenGLWidget>
#include <QPoint>
#include <QPointF>

#include <memory>

class QPainter;
class vtkObject;

namespace raddraft::mpr {

class VtkVolumeImage;

class MprSliceView : public QOpenGLWidget {
    Q_OBJECT

public:
    explicit MprSliceView(MprPlane plane, QWidget* parent = nullptr);
    ~MprSliceView() override;

    MprPlane plane() const { return m_plane; }

    /// Shows `image` sampled on `grid` (MprView computes the grid once for all three views).
    /// Null clears the view (black, with a "No volume" note). The view keeps `image` alive.
    void setVolumeImage(std::shared_ptr<const VtkVolumeImage> image, const SamplingGrid& grid);
    bool hasVolume() const { return m_image != nullptr; }

    /// Moves this plane to the crosshair's position along its normal and draws the crosshair
    /// (patient mm). MprView passes points already snapped to the sampling grid.
    void setCrosshair(const Vector3& point);
    Vector3 crosshair() const { return m_crosshair; }

    /// Window in voxel units (HU for CT); width is clamped to ≥ 1.
    void setWindowLevel(const WindowLevel& window);
    WindowLevel windowLevel() const { return m_window; }

    /// Shows or hides the crosshair, orientation letters and text (hidden: the picture only).
    void setOverlayVisible(bool visible);
    bool overlayVisible() const { return m_overlayVisible; }

    /// Index of the shown plane along the normal axis, counted in + patient direction
    /// (axial: from inferior, coronal: from anterior, sagittal: from the patient's right).
    int sliceIndex() const { return m_frame.sliceIndex; }
    int sliceCount() const { return m_frame.sliceCount; }
    /// Where this plane's samples lie (meaningful when hasVolume()).
    const SliceFrame& frame() const { return m_frame; }

    /// Widget position (logical pixels, from the top-left) of `point` projected onto this plane.
    QPointF patientToWidget(const Vector3& point) const;
    /// The patient point on this plane under widget position `position`.
    Vector3 widgetToPatient(const QPointF& position) const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

Q_SIGNALS:
    /// The user clicked on this plane (the clicked point) or turned the wheel (the crosshair
    /// moved along this plane's normal by whole slices). Not emitted by setCrosshair.
    void crosshairRequested(double x, double y, double z);
    /// The user dragged with the left button: right widens the window, down raises its centre.
    void windowLevelRequested(double center, double width);

protected:
    void initializeGL() override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    struct Vtk;

    void handleRenderWindowEvent(vtkObject* caller, unsigned long eventId, void* callData);
    void releaseGraphicsResources();
    void updateReslice();
    void updateCamera();
    void drawOverlay(QPainter& painter) const;
    /// Logical pixels per millimetre and the plane point (mm) at the widget's centre.
    double pixelsPerMillimetre() const;
    std::array<double, 2> viewCenter() const;

    MprPlane m_plane;
    // Declared before m_vtk so that it is destroyed after the pipeline that reads its voxels.
    std::shared_ptr<const VtkVolumeImage> m_image;
    std::unique_ptr<Vtk> m_vtk;

    SamplingGrid m_grid;
    SliceFrame m_frame;
    Vector3 m_crosshair{};
    WindowLevel m_window{40.0, 400.0};

    bool m_overlayVisible = true;
    bool m_graphicsInitialized = false;
    bool m_inPaint = false;
    QMetaObject::Connection m_contextDestroyedConnection;

    // Left button: a click sets the crosshair, a drag changes the window.
    bool m_leftButtonDown = false;
    bool m_dragging = false;
    QPoint m_pressPosition;
    WindowLevel m_pressWindow;
    int m_wheelRemainder = 0; ///< angle delta not yet turned into whole slices (1/8 degree units)
};

} // namespace raddraft::mpr
