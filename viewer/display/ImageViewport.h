#pragma once
// One image viewport: shows one DICOM image (all its frames) with window/level, zoom, pan,
// rotation, flips, inversion, measurements, a pixel probe, corner annotations and cine.
//
// Mouse: left button = the active tool (window/level by default), middle = pan,
// right = window/level (horizontal drag = width, vertical = centre), wheel = next/previous frame
// for stacks or zoom for single images, Ctrl+wheel = zoom. The commands are public slots so the
// main window can bind them to QActions with shortcuts.

#include "dicom/PixelDecoder.h"
#include "display/FrameRenderer.h"
#include "display/HeatmapOverlayPainter.h"
#include "display/Measurements.h"
#include "display/OutlinedTextCache.h"
#include "display/ViewGeometry.h"
#include "display/WindowPresets.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace raddraft::viewer {

/// Study-level text for the corner annotations (the instance's own tags come from the image).
struct ImageContext {
    QString patientName;   ///< DICOM PN as stored ("Doe^Jane")
    QString patientId;
    QString patientBirthDate;
    QString patientSex;
    QString studyDate;
    QString studyDescription;
    QString seriesDescription;
};

enum class ViewportTool { WindowLevel, Pan, Zoom, Distance, Angle };

class ImageViewport : public QWidget {
    Q_OBJECT
public:
    explicit ImageViewport(QWidget* parent = nullptr);
    ~ImageViewport() override;

    /// Shows `image` (nullptr clears the viewport), fitted, with its default window.
    void setImage(std::shared_ptr<const dicom::DecodedImage> image, const ImageContext& context = {});
    /// Shows a stack: the frames of all `images` in order, scrolled as one (a CT/MR series of
    /// single-frame instances, or one multi-frame image). The window comes from the first image.
    void setStack(std::vector<std::shared_ptr<const dicom::DecodedImage>> images, const ImageContext& context = {});
    /// The image holding the current frame (nullptr when empty).
    std::shared_ptr<const dicom::DecodedImage> image() const;
    const std::vector<std::shared_ptr<const dicom::DecodedImage>>& stack() const { return m_stack; }
    bool hasImage() const { return !m_stack.empty(); }

    const DisplaySettings& displaySettings() const { return m_settings; }
    WindowLevel windowLevel() const { return m_settings.window; }
    const std::vector<WindowPreset>& presets() const { return m_presets; }
    /// Name of the preset in use, or empty after a manual change.
    const QString& activePresetName() const { return m_activePreset; }

    const ViewGeometry& geometry() const { return m_geometry; }
    const MeasurementList& measurements() const { return m_measurements; }
    PhysicalSpacing spacing() const;
    ViewportTool activeTool() const { return m_tool; }
    /// Current frame, counted over the whole stack (0-based).
    int currentFrame() const { return m_frame; }
    /// Frames in the whole stack.
    int frameCount() const;
    bool annotationsVisible() const { return m_annotationsVisible; }
    bool isCinePlaying() const { return m_cineTimer.isActive(); }
    int cineFramesPerSecond() const { return m_cineFps; }
    /// The frame as rendered at full resolution (display values), for tests and export.
    const QImage& renderedFrame() const { return m_rendered; }
    /// Text of the pixel probe at the last mouse position ("x 120 y 88 · stored 1021 · 21 HU").
    const QString& probeText() const { return m_probeText; }
    /// Probe text for an image point, or empty outside the image.
    QString probeTextAt(QPointF imagePoint) const;

    /// The heatmap drawn over the image (nullptr: none), following zoom, pan, rotation and flips.
    /// A map belongs to one image: setImage/setStack remove it.
    void setHeatmapOverlay(std::shared_ptr<const HeatmapOverlay> overlay);
    const std::shared_ptr<const HeatmapOverlay>& heatmapOverlay() const { return m_overlayPainter.overlay(); }
    void setOverlayStyle(const OverlayStyle& style);
    const OverlayStyle& overlayStyle() const { return m_overlayPainter.style(); }
    bool isOverlayVisible() const { return m_overlayVisible; }
    /// Where the overlay's colour bar is drawn (widget coordinates), whether or not it is shown.
    QRect overlayColorBarRect() const { return HeatmapOverlayPainter::colorBarRect(rect()); }

public Q_SLOTS:
    void setWindowLevel(double center, double width);
    void applyPreset(int index);
    void setActiveTool(raddraft::viewer::ViewportTool tool);
    void setFrame(int frame);
    void nextFrame() { setFrame(m_frame + 1); }
    void previousFrame() { setFrame(m_frame - 1); }
    void fitToWindow();
    void zoomIn();
    void zoomOut();
    void zoomToActualSize();
    void reset();
    void toggleInvert();
    void rotateClockwise();
    void rotateCounterClockwise();
    void flipHorizontally();
    void flipVertically();
    void setAnnotationsVisible(bool visible);
    void deleteSelectedMeasurement();
    void clearMeasurements();
    void setCinePlaying(bool playing);
    void setCineFramesPerSecond(int fps);
    /// Shows or hides the heatmap overlay (the map itself is kept).
    void setOverlayVisible(bool visible);

Q_SIGNALS:
    void displayChanged();          ///< window/level, inversion or preset changed
    void geometryChanged();         ///< zoom, pan, rotation or flip changed
    void frameChanged(int frame);
    void measurementsChanged();
    void probeChanged(const QString& text);
    void toolChanged(raddraft::viewer::ViewportTool tool);
    void activated();               ///< the user clicked into this viewport
    void painted();                 ///< a paint of an image finished (for latency measurements)

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class Drag { None, WindowLevel, Pan, Zoom, NewMeasurement, MoveHandle, MoveMeasurement };

    void rerender();
    void invalidateMipmaps();
    const QImage& mipmapForZoom(double zoom, int* level);
    void paintMeasurements(QPainter& painter);
    void paintAnnotations(QPainter& painter);
    void paintOverlay(QPainter& painter);
    void updateProbe(QPointF widgetPoint);
    double handleToleranceInImage() const;
    void startDrag(Drag drag, QPointF position);
    /// (index into m_stack, frame within that image) of a stack frame.
    std::pair<std::size_t, int> locateFrame(int stackFrame) const;
    int frameWithinImage() const { return locateFrame(m_frame).second; }

    std::vector<std::shared_ptr<const dicom::DecodedImage>> m_stack;
    std::vector<int> m_firstFrameOfImage; ///< stack frame index of each image's first frame
    FrameRenderer m_renderer;
    DisplaySettings m_settings;
    std::vector<WindowPreset> m_presets;
    QString m_activePreset;
    ImageContext m_context;
    int m_frame = 0;
    QImage m_rendered;
    std::vector<QImage> m_mipmaps; ///< m_mipmaps[k] is the frame at 1 / 2^(k+1) size
    ViewGeometry m_geometry;
    MeasurementList m_measurements;
    ViewportTool m_tool = ViewportTool::WindowLevel;
    bool m_annotationsVisible = true;
    HeatmapOverlayPainter m_overlayPainter;
    OutlinedTextCache m_textCache; ///< corner annotations
    bool m_overlayVisible = true;

    Drag m_drag = Drag::None;
    QPointF m_dragStart;
    QPointF m_lastMouse;
    DisplaySettings m_dragStartSettings;
    double m_dragValueRange = 1.0; ///< modality value range swept by a full-width W/L drag
    std::optional<Measurement> m_pending; ///< measurement being drawn
    int m_grabbedMeasurement = 0;
    int m_grabbedPoint = -1;

    QString m_probeText;
    QTimer m_cineTimer;
    int m_cineFps = 10;
};

} // namespace raddraft::viewer
