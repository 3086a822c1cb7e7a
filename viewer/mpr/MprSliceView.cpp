#include "mpr/MprSliceView.h"

#include "mpr/VtkVolumeImage.h"

#include <QApplication>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QOpenGLPaintDevice>
#include <QPainter>
#include <QSurfaceFormat>
#include <QWheelEvent>

#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageProperty.h>
#include <vtkImageReslice.h>
#include <vtkImageSliceMapper.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>

namespace raddraft::mpr {

namespace {

/// What VTK's OpenGL2 backend needs (the same format QVTKOpenGLNativeWidget asks for).
QSurfaceFormat vtkSurfaceFormat() {
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(8);
    format.setStencilBufferSize(0);
    format.setSamples(0);
    return format;
}

/// Each plane's colour, used for its frame and for the line that marks it in the other two views.
QColor planeColor(MprPlane plane) {
    switch (plane) {
    case MprPlane::Axial: return {235, 80, 80};
    case MprPlane::Coronal: return {90, 200, 90};
    case MprPlane::Sagittal: return {90, 150, 255};
    }
    return Qt::white;
}

/// The plane that is perpendicular to patient axis `axis` (0 = x → sagittal, …).
MprPlane planeAlong(int axis) {
    return axis == 0 ? MprPlane::Sagittal : axis == 1 ? MprPlane::Coronal : MprPlane::Axial;
}

QString planeTitle(MprPlane plane) {
    switch (plane) {
    case MprPlane::Axial: return MprSliceView::tr("Axial");
    case MprPlane::Coronal: return MprSliceView::tr("Coronal");
    case MprPlane::Sagittal: return MprSliceView::tr("Sagittal");
    }
    return {};
}

} // namespace

struct MprSliceView::Vtk {
    vtkNew<vtkGenericOpenGLRenderWindow> renderWindow;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkMatrix4x4> resliceAxes;
    vtkNew<vtkImageReslice> reslice;
    vtkNew<vtkImageActor> actor;
};

MprSliceView::MprSliceView(MprPlane plane, QWidget* parent)
    : QOpenGLWidget(parent), m_plane(plane), m_vtk(std::make_unique<Vtk>()) {
    setFormat(vtkSurfaceFormat());
    setObjectName(QStringLiteral("mprSliceView%1").arg(QLatin1String(planeName(plane))));
    setFocusPolicy(Qt::WheelFocus);
    setCursor(Qt::CrossCursor);

    Vtk& vtk = *m_vtk;
    vtk.renderWindow->AddRenderer(vtk.renderer);
    vtk.renderer->SetBackground(0.0, 0.0, 0.0);
    vtk.renderer->GetActiveCamera()->ParallelProjectionOn();
    for (unsigned long eventId : {vtkCommand::WindowMakeCurrentEvent, vtkCommand::WindowIsCurrentEvent,
                                  vtkCommand::WindowFrameEvent}) {
        vtk.renderWindow->AddObserver(eventId, this, &MprSliceView::handleRenderWindowEvent);
    }

    vtk.reslice->SetResliceAxes(vtk.resliceAxes);
    vtk.reslice->SetOutputDimensionality(2);
    vtk.reslice->SetOutputOrigin(0.0, 0.0, 0.0);
    vtk.reslice->SetInterpolationModeToLinear();
    // Window/level by the image property: grey = (value − (level − window/2)) / window, clamped.
    vtk.actor->GetMapper()->SetInputConnection(vtk.reslice->GetOutputPort());
    vtk.actor->GetProperty()->SetInterpolationTypeToLinear();
    setWindowLevel(m_window);
}

MprSliceView::~MprSliceView() {
    // The context emits aboutToBeDestroyed from ~QOpenGLWidget, when this part is already gone.
    disconnect(m_contextDestroyedConnection);
    releaseGraphicsResources();
    m_vtk->renderWindow->RemoveAllObservers();
}

void MprSliceView::releaseGraphicsResources() {
    if (!m_graphicsInitialized) {
        return;
    }
    makeCurrent();
    m_vtk->renderWindow->Finalize(); // releases every renderer's GL objects on this context
    doneCurrent();
    m_graphicsInitialized = false;
}

void MprSliceView::handleRenderWindowEvent(vtkObject*, unsigned long eventId, void* callData) {
    switch (eventId) {
    case vtkCommand::WindowMakeCurrentEvent:
        // QOpenGLWidget::makeCurrent() also binds the widget's framebuffer; doing that while VTK
        // has its own bound (it asks again mid-render) sends VTK's drawing to Qt's framebuffer.
        if (QOpenGLContext::currentContext() != context()) {
            makeCurrent();
        }
        break;
    case vtkCommand::WindowIsCurrentEvent:
        *static_cast<bool*>(callData) = context() && QOpenGLContext::currentContext() == context();
        break;
    case vtkCommand::WindowFrameEvent:
        // VTK finished a frame it rendered on its own: show it. Frames from paintGL are shown there.
        if (!m_inPaint) {
            update();
        }
        break;
    default:
        break;
    }
}

void MprSliceView::initializeGL() {
    // A QOpenGLWidget gets a new context when it moves to another top-level window; the old one's
    // VTK resources die with it.
    disconnect(m_contextDestroyedConnection);
    m_contextDestroyedConnection = connect(context(), &QOpenGLContext::aboutToBeDestroyed, this,
                                           &MprSliceView::releaseGraphicsResources);
    vtkGenericOpenGLRenderWindow* window = m_vtk->renderWindow;
    window->SetOwnContext(0);
    window->SetFrameBlitModeToNoBlit();
    window->SetForceMaximumHardwareLineWidth(1);
    window->SetMultiSamples(0);
    window->SetReadyForRendering(false);
    window->OpenGLInitContext();
    m_graphicsInitialized = true;
}

void MprSliceView::paintGL() {
    Vtk& vtk = *m_vtk;
    const qreal ratio = devicePixelRatioF();
    const int deviceWidth = std::max(1, static_cast<int>(std::lround(width() * ratio)));
    const int deviceHeight = std::max(1, static_cast<int>(std::lround(height() * ratio)));
    const int* currentSize = vtk.renderWindow->GetSize();
    if (currentSize[0] != deviceWidth || currentSize[1] != deviceHeight) {
        vtk.renderWindow->SetSize(deviceWidth, deviceHeight);
    }
    updateCamera();

    // Qt and QPainter change GL state behind VTK's cache: re-read it, and restore it afterwards.
    vtkOpenGLState* state = vtk.renderWindow->GetState();
    state->Reset();
    state->Push();
    state->vtkglDepthFunc(GL_LEQUAL); // Qt leaves GL_LESS; VTK expects GL_LEQUAL
    m_inPaint = true;
    vtk.renderWindow->SetReadyForRendering(true);
    vtk.renderWindow->Render();
    vtk.renderWindow->SetReadyForRendering(false);
    m_inPaint = false;

    // Copy VTK's finished frame into the widget's framebuffer.
    QOpenGLExtraFunctions* functions = context()->extraFunctions();
    functions->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    const GLenum drawBuffer = GL_COLOR_ATTACHMENT0;
    functions->glDrawBuffers(1, &drawBuffer);
    const bool scissorTest = functions->glIsEnabled(GL_SCISSOR_TEST) == GL_TRUE;
    if (scissorTest) {
        functions->glDisable(GL_SCISSOR_TEST);
    }
    vtk.renderWindow->BlitDisplayFramebuffer(0, 0, 0, deviceWidth, deviceHeight, 0, 0, deviceWidth,
                                             deviceHeight, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    // VTK leaves alpha 0 where nothing was drawn; Qt composes the widget with that alpha, so the
    // window background would show through. Make the whole frame opaque.
    GLboolean colorMask[4];
    functions->glGetBooleanv(GL_COLOR_WRITEMASK, colorMask);
    GLfloat clearColor[4];
    functions->glGetFloatv(GL_COLOR_CLEAR_VALUE, clearColor);
    functions->glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    functions->glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    functions->glClear(GL_COLOR_BUFFER_BIT);
    functions->glColorMask(colorMask[0], colorMask[1], colorMask[2], colorMask[3]);
    functions->glClearColor(clearColor[0], clearColor[1], clearColor[2], clearColor[3]);
    if (scissorTest) {
        functions->glEnable(GL_SCISSOR_TEST);
    }
    state->Pop();

    if (m_overlayVisible) {
        // Paint into the framebuffer itself, not through QPainter(this): QWidget::grab() redirects
        // widget painters to its pixmap and then draws the GL picture over them.
        functions->glBindFramebuffer(GL_FRAMEBUFFER, defaultFramebufferObject());
        QOpenGLPaintDevice device(QSize(deviceWidth, deviceHeight));
        device.setDevicePixelRatio(ratio);
        QPainter painter(&device);
        drawOverlay(painter);
    }
}

void MprSliceView::setVolumeImage(std::shared_ptr<const VtkVolumeImage> image, const SamplingGrid& grid) {
    Vtk& vtk = *m_vtk;
    // Drop the old pipeline input before the old image (and possibly its Volume) goes.
    vtk.renderer->RemoveViewProp(vtk.actor);
    vtk.reslice->SetInputData(nullptr);
    m_image = std::move(image);
    if (!m_image) {
        m_frame = {};
        update();
        return;
    }
    m_grid = grid;
    vtk.reslice->SetInputData(m_image->gridImage());
    vtk.reslice->SetBackgroundLevel(m_image->valueRange()[0]); // outside the volume: its lowest value
    vtk.renderer->AddViewProp(vtk.actor);
    m_crosshair = m_grid.snap(m_crosshair);
    updateReslice();
    update();
}

void MprSliceView::setCrosshair(const Vector3& point) {
    m_crosshair = point;
    if (m_image) {
        updateReslice();
    }
    update();
}

void MprSliceView::setWindowLevel(const WindowLevel& window) {
    m_window = {window.center, std::max(1.0, window.width)};
    m_vtk->actor->GetProperty()->SetColorWindow(m_window.width);
    m_vtk->actor->GetProperty()->SetColorLevel(m_window.center);
    update();
}

void MprSliceView::setOverlayVisible(bool visible) {
    if (visible != m_overlayVisible) {
        m_overlayVisible = visible;
        update();
    }
}

void MprSliceView::updateReslice() {
    m_frame = sliceFrame(m_plane, m_grid, m_crosshair);
    Vtk& vtk = *m_vtk;
    // VTK's setters only mark the filter modified when a value really changes.
    vtk.reslice->SetOutputSpacing(m_frame.stepRight, m_frame.stepUp, 1.0);
    vtk.reslice->SetOutputExtent(0, m_frame.countRight - 1, 0, m_frame.countUp - 1, 0, 0);
    const std::array<double, 16> axes = resliceAxes(m_frame, m_image->volume());
    bool axesChanged = false;
    for (int row = 0; row < 4; ++row) {
        for (int column = 0; column < 4; ++column) {
            axesChanged = axesChanged || vtk.resliceAxes->GetElement(row, column) != axes[4 * row + column];
        }
    }
    if (axesChanged) {
        vtk.resliceAxes->DeepCopy(axes.data()); // bumps its MTime, so the reslice re-executes
    }
}

std::array<double, 2> MprSliceView::viewCenter() const {
    return {(m_frame.countRight - 1) * m_frame.stepRight / 2.0, (m_frame.countUp - 1) * m_frame.stepUp / 2.0};
}

double MprSliceView::pixelsPerMillimetre() const {
    // Fit the whole plane (each sample is stepRight × stepUp mm, so the aspect ratio is right).
    const double planeWidth = m_frame.countRight * m_frame.stepRight;
    const double planeHeight = m_frame.countUp * m_frame.stepUp;
    const double viewWidth = std::max(1, width());
    const double viewHeight = std::max(1, height());
    return std::min(viewWidth / planeWidth, viewHeight / planeHeight);
}

void MprSliceView::updateCamera() {
    if (!m_image) {
        return;
    }
    vtkCamera* camera = m_vtk->renderer->GetActiveCamera();
    const auto [centerRight, centerUp] = viewCenter();
    // The parallel scale is half the viewport's height in world units (mm).
    const double halfHeight = std::max(1, height()) / (2.0 * pixelsPerMillimetre());
    camera->SetFocalPoint(centerRight, centerUp, 0.0);
    camera->SetPosition(centerRight, centerUp, 1000.0);
    camera->SetViewUp(0.0, 1.0, 0.0);
    camera->SetParallelScale(halfHeight);
    camera->SetClippingRange(1.0, 2000.0);
}

QPointF MprSliceView::patientToWidget(const Vector3& point) const {
    const auto [right, up] = m_frame.planeCoordinates(point);
    const auto [centerRight, centerUp] = viewCenter();
    const double scale = pixelsPerMillimetre();
    return {width() / 2.0 + (right - centerRight) * scale, height() / 2.0 - (up - centerUp) * scale};
}

Vector3 MprSliceView::widgetToPatient(const QPointF& position) const {
    const auto [centerRight, centerUp] = viewCenter();
    const double scale = pixelsPerMillimetre();
    return m_frame.patientPoint(centerRight + (position.x() - width() / 2.0) / scale,
                                centerUp - (position.y() - height() / 2.0) / scale);
}

void MprSliceView::drawOverlay(QPainter& painter) const {
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF bounds = rect();
    painter.setPen(QPen(planeColor(m_plane), 1));
    painter.drawRect(bounds.adjusted(0, 0, -1, -1));

    QFont font = painter.font();
    font.setPixelSize(13);
    painter.setFont(font);
    const auto drawText = [&painter](const QRectF& box, int flags, const QString& text) {
        painter.setPen(QColor(0, 0, 0, 200));
        painter.drawText(box.translated(1, 1), flags, text);
        painter.setPen(QColor(240, 240, 240));
        painter.drawText(box, flags, text);
    };
    const QRectF textBox = bounds.adjusted(6, 4, -6, -4);
    if (!m_image) {
        drawText(textBox, Qt::AlignCenter, tr("No volume"));
        return;
    }

    // Crosshair: the vertical line is the plane perpendicular to this view's right direction, the
    // horizontal one the plane perpendicular to its up direction; a gap keeps the point visible.
    const QPointF center = patientToWidget(m_crosshair);
    constexpr double gap = 8.0;
    painter.setPen(QPen(planeColor(planeAlong(m_frame.axes.rightAxis)), 1));
    painter.drawLine(QPointF(center.x(), bounds.top()), QPointF(center.x(), center.y() - gap));
    painter.drawLine(QPointF(center.x(), center.y() + gap), QPointF(center.x(), bounds.bottom()));
    painter.setPen(QPen(planeColor(planeAlong(m_frame.axes.upAxis)), 1));
    painter.drawLine(QPointF(bounds.left(), center.y()), QPointF(center.x() - gap, center.y()));
    painter.drawLine(QPointF(center.x() + gap, center.y()), QPointF(bounds.right(), center.y()));

    // Orientation letters at the middle of each edge.
    const auto label = [](const Vector3& direction) { return QString::fromStdString(orientationLabel(direction)); };
    const Vector3& right = m_frame.axes.right;
    const Vector3& up = m_frame.axes.up;
    QFont bold = font;
    bold.setBold(true);
    bold.setPixelSize(15);
    painter.setFont(bold);
    drawText(textBox, Qt::AlignRight | Qt::AlignVCenter, label(right));
    drawText(textBox, Qt::AlignLeft | Qt::AlignVCenter, label({-right[0], -right[1], -right[2]}));
    drawText(textBox, Qt::AlignTop | Qt::AlignHCenter, label(up));
    drawText(textBox, Qt::AlignBottom | Qt::AlignHCenter, label({-up[0], -up[1], -up[2]}));

    painter.setFont(font);
    drawText(textBox, Qt::AlignTop | Qt::AlignLeft,
             tr("%1  %2/%3").arg(planeTitle(m_plane)).arg(m_frame.sliceIndex + 1).arg(m_frame.sliceCount));
    drawText(textBox, Qt::AlignBottom | Qt::AlignLeft,
             tr("W %1  L %2").arg(m_window.width, 0, 'f', 0).arg(m_window.center, 0, 'f', 0));
}

QSize MprSliceView::minimumSizeHint() const { return {96, 96}; }

QSize MprSliceView::sizeHint() const { return {320, 320}; }

void MprSliceView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QOpenGLWidget::mousePressEvent(event);
        return;
    }
    m_leftButtonDown = true;
    m_dragging = false;
    m_pressPosition = event->position().toPoint();
    m_pressWindow = m_window;
    event->accept();
}

void MprSliceView::mouseMoveEvent(QMouseEvent* event) {
    if (!m_leftButtonDown || !(event->buttons() & Qt::LeftButton)) {
        QOpenGLWidget::mouseMoveEvent(event);
        return;
    }
    const QPoint delta = event->position().toPoint() - m_pressPosition;
    if (!m_dragging && delta.manhattanLength() < QApplication::startDragDistance()) {
        return;
    }
    m_dragging = true;
    // A full 256-pixel drag changes the window by its own width, so narrow and wide windows both
    // stay controllable; the floor keeps a 1-HU window from freezing.
    const double unitsPerPixel = std::max(m_pressWindow.width, 16.0) / 256.0;
    const double width = std::max(1.0, m_pressWindow.width + delta.x() * unitsPerPixel);
    const double center = m_pressWindow.center + delta.y() * unitsPerPixel;
    Q_EMIT windowLevelRequested(center, width);
    event->accept();
}

void MprSliceView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_leftButtonDown) {
        QOpenGLWidget::mouseReleaseEvent(event);
        return;
    }
    m_leftButtonDown = false;
    if (!m_dragging && m_image) {
        const Vector3 point = widgetToPatient(event->position());
        Q_EMIT crosshairRequested(point[0], point[1], point[2]);
    }
    m_dragging = false;
    event->accept();
}

void MprSliceView::wheelEvent(QWheelEvent* event) {
    if (!m_image) {
        event->ignore();
        return;
    }
    // 120 units (15°) per notch; high-resolution wheels send less, so accumulate.
    m_wheelRemainder += event->angleDelta().y();
    const int steps = m_wheelRemainder / 120;
    m_wheelRemainder -= steps * 120;
    if (steps != 0) {
        Vector3 point = m_crosshair;
        const int axis = m_frame.axes.normalAxis;
        point[axis] = m_grid.coordinate(axis, std::clamp(m_frame.sliceIndex + steps, 0, m_frame.sliceCount - 1));
        Q_EMIT crosshairRequested(point[0], point[1], point[2]);
    }
    event->accept();
}

} // namespace raddraft::mpr
