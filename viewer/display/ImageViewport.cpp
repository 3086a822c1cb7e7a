#include "display/ImageViewport.h"

#include "display/ImageStatistics.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace raddraft::viewer {

namespace {

QString formatDicomDate(const QString& date)
{
    if (date.size() == 8)
        return date.left(4) + QLatin1Char('-') + date.mid(4, 2) + QLatin1Char('-') + date.mid(6, 2);
    return date;
}

QString formatPersonName(const QString& name)
{
    // "Family^Given^Middle^Prefix^Suffix" → "Family, Given Middle"
    const QStringList parts = name.split(QLatin1Char('^'));
    if (parts.size() < 2)
        return name;
    QStringList given;
    for (int i = 1; i < std::min<qsizetype>(parts.size(), 3); ++i)
        if (!parts[i].isEmpty())
            given << parts[i];
    return given.isEmpty() ? parts[0] : parts[0] + QStringLiteral(", ") + given.join(QLatin1Char(' '));
}

// 2×2 box average: each mip level halves the size, so minified display does not alias.
QImage halve(const QImage& source)
{
    const int width = std::max(1, source.width() / 2);
    const int height = std::max(1, source.height() / 2);
    QImage result(width, height, source.format());
    const bool gray = source.format() == QImage::Format_Grayscale8;
    forEachRowRange(height, static_cast<std::size_t>(width) * 4, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const int y0 = std::min(2 * y, source.height() - 1), y1 = std::min(2 * y + 1, source.height() - 1);
            if (gray) {
                const uchar* a = source.constScanLine(y0);
                const uchar* b = source.constScanLine(y1);
                uchar* out = result.scanLine(y);
                for (int x = 0; x < width; ++x) {
                    const int x0 = 2 * x, x1 = std::min(2 * x + 1, source.width() - 1);
                    out[x] = static_cast<uchar>((a[x0] + a[x1] + b[x0] + b[x1] + 2) / 4);
                }
            } else {
                const auto* a = reinterpret_cast<const QRgb*>(source.constScanLine(y0));
                const auto* b = reinterpret_cast<const QRgb*>(source.constScanLine(y1));
                auto* out = reinterpret_cast<QRgb*>(result.scanLine(y));
                for (int x = 0; x < width; ++x) {
                    const int x0 = 2 * x, x1 = std::min(2 * x + 1, source.width() - 1);
                    const auto average = [&](int (*channel)(QRgb)) {
                        return (channel(a[x0]) + channel(a[x1]) + channel(b[x0]) + channel(b[x1]) + 2) / 4;
                    };
                    out[x] = qRgb(average(qRed), average(qGreen), average(qBlue));
                }
            }
        }
    });
    return result;
}

} // namespace

ImageViewport::ImageViewport(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 160);
    connect(&m_cineTimer, &QTimer::timeout, this, [this] {
        const int frames = frameCount();
        if (frames > 1)
            setFrame((m_frame + 1) % frames);
    });
}

ImageViewport::~ImageViewport() = default;

void ImageViewport::setImage(std::shared_ptr<const dicom::DecodedImage> image, const ImageContext& context)
{
    std::vector<std::shared_ptr<const dicom::DecodedImage>> stack;
    if (image)
        stack.push_back(std::move(image));
    setStack(std::move(stack), context);
}

void ImageViewport::setStack(std::vector<std::shared_ptr<const dicom::DecodedImage>> images, const ImageContext& context)
{
    m_cineTimer.stop();
    images.erase(std::remove(images.begin(), images.end(), nullptr), images.end());
    m_stack = std::move(images);
    m_firstFrameOfImage.clear();
    int frames = 0;
    for (const auto& image : m_stack) {
        m_firstFrameOfImage.push_back(frames);
        frames += image->pixels.frames;
    }
    m_renderer.setImage(m_stack.empty() ? nullptr : m_stack.front());
    m_context = context;
    m_frame = 0;
    m_measurements.clear();
    m_pending.reset();
    m_drag = Drag::None;
    m_probeText.clear();
    m_overlayPainter.setOverlay(nullptr);
    if (hasImage()) {
        const dicom::DecodedImage& decoded = *m_stack.front();
        m_presets = windowPresetsFor(decoded, 0);
        m_settings = defaultDisplaySettings(decoded, m_presets);
        m_activePreset.clear();
        for (const WindowPreset& preset : m_presets)
            if (preset.settings == m_settings) {
                m_activePreset = preset.name;
                break;
            }
        const PhysicalSpacing physical = PhysicalSpacing::of(decoded.info);
        const double aspect = physical.isKnown() ? physical.rowMm / physical.columnMm : 1.0;
        m_geometry.setImageSize(QSizeF(decoded.pixels.columns, decoded.pixels.rows), aspect);
    } else {
        m_presets.clear();
        m_settings = {};
        m_rendered = QImage();
    }
    m_geometry.setViewportSize(size());
    m_geometry.reset();
    rerender();
    Q_EMIT displayChanged();
    Q_EMIT geometryChanged();
    Q_EMIT frameChanged(m_frame);
    Q_EMIT measurementsChanged();
}

std::shared_ptr<const dicom::DecodedImage> ImageViewport::image() const
{
    if (m_stack.empty())
        return nullptr;
    return m_stack[locateFrame(m_frame).first];
}

std::pair<std::size_t, int> ImageViewport::locateFrame(int stackFrame) const
{
    if (m_stack.empty())
        return {0, 0};
    const auto next = std::upper_bound(m_firstFrameOfImage.begin(), m_firstFrameOfImage.end(), stackFrame);
    const std::size_t index = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, (next - m_firstFrameOfImage.begin()) - 1));
    return {index, stackFrame - m_firstFrameOfImage[index]};
}

int ImageViewport::frameCount() const
{
    return m_stack.empty() ? 0 : m_firstFrameOfImage.back() + m_stack.back()->pixels.frames;
}

PhysicalSpacing ImageViewport::spacing() const
{
    return hasImage() ? PhysicalSpacing::of(image()->info) : PhysicalSpacing{};
}

void ImageViewport::rerender()
{
    if (hasImage()) {
        const auto [imageIndex, frame] = locateFrame(m_frame);
        if (m_renderer.image() != m_stack[imageIndex])
            m_renderer.setImage(m_stack[imageIndex]);
        m_renderer.render(frame, m_settings, m_rendered);
    }
    invalidateMipmaps();
    update();
}

void ImageViewport::invalidateMipmaps() { m_mipmaps.clear(); }

const QImage& ImageViewport::mipmapForZoom(double zoom, int* level)
{
    // Use the smallest level that is still at least as large as the display: never minify more
    // than 2× with bilinear filtering.
    int wanted = 0;
    while (zoom * std::ldexp(1.0, wanted + 1) <= 1.0 && wanted < 8)
        ++wanted;
    while (static_cast<int>(m_mipmaps.size()) < wanted) {
        const QImage& previous = m_mipmaps.empty() ? m_rendered : m_mipmaps.back();
        if (previous.width() < 64 || previous.height() < 64)
            break;
        m_mipmaps.push_back(halve(previous));
    }
    *level = std::min(wanted, static_cast<int>(m_mipmaps.size()));
    return *level == 0 ? m_rendered : m_mipmaps[static_cast<std::size_t>(*level - 1)];
}

void ImageViewport::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (!hasImage() || m_rendered.isNull())
        return;

    int level = 0;
    const QImage& source = mipmapForZoom(m_geometry.zoom(), &level);
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_geometry.zoom() < 4.0);
    // A mip level covers the same image area with fewer pixels: scale it back to image coordinates.
    painter.setTransform(QTransform::fromScale(static_cast<double>(m_rendered.width()) / source.width(),
                                               static_cast<double>(m_rendered.height()) / source.height()) *
                         m_geometry.imageToWidget());
    painter.drawImage(QPointF(0, 0), source);
    painter.restore();

    paintOverlay(painter);
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintMeasurements(painter);
    if (m_annotationsVisible)
        paintAnnotations(painter);
    Q_EMIT painted();
}

void ImageViewport::paintOverlay(QPainter& painter)
{
    if (!m_overlayVisible || m_overlayPainter.drawsNothing())
        return;
    // The same transform as the image: the map follows zoom, pan, rotation and flips exactly.
    m_overlayPainter.paint(painter, m_geometry.imageToWidget());
    m_overlayPainter.paintColorBar(painter, rect());
}

void ImageViewport::setHeatmapOverlay(std::shared_ptr<const HeatmapOverlay> overlay)
{
    if (overlay == m_overlayPainter.overlay())
        return;
    m_overlayPainter.setOverlay(std::move(overlay));
    update();
}

void ImageViewport::setOverlayStyle(const OverlayStyle& style)
{
    if (style == m_overlayPainter.style())
        return;
    m_overlayPainter.setStyle(style);
    update();
}

void ImageViewport::setOverlayVisible(bool visible)
{
    if (visible == m_overlayVisible)
        return;
    m_overlayVisible = visible;
    update();
}

void ImageViewport::paintMeasurements(QPainter& painter)
{
    const PhysicalSpacing physical = spacing();
    const auto draw = [&](const Measurement& measurement, bool selected, bool pending) {
        const QColor colour = selected ? QColor(0, 220, 255) : (pending ? QColor(255, 170, 0) : QColor(255, 220, 0));
        QPolygonF polygon;
        for (const QPointF& point : measurement.points)
            polygon << m_geometry.toWidget(point);
        painter.setPen(QPen(colour, selected ? 2.0 : 1.5));
        painter.drawPolyline(polygon);
        painter.setBrush(Qt::NoBrush);
        for (const QPointF& point : polygon)
            painter.drawEllipse(point, 3.5, 3.5);
        if (polygon.size() < 2)
            return;
        const QString text = measurement.label(physical);
        const QPointF anchor = measurement.kind == Measurement::Kind::Angle ? polygon[1] : polygon.back();
        QFont font = painter.font();
        font.setPointSizeF(10);
        painter.setFont(font);
        const QPointF position = anchor + QPointF(8, -8);
        QPainterPath path;
        path.addText(position, font, text);
        painter.setPen(QPen(Qt::black, 3));
        painter.drawPath(path);
        painter.fillPath(path, colour);
    };
    for (const Measurement& measurement : m_measurements.items())
        if (measurement.frame == m_frame)
            draw(measurement, m_measurements.selectedId() == measurement.id, false);
    if (m_pending)
        draw(*m_pending, false, true);
}

void ImageViewport::paintAnnotations(QPainter& painter)
{
    const dicom::DecodedImage& decoded = *image();
    const dicom::InstanceInfo& info = decoded.info;
    QFont font = painter.font();
    font.setPointSizeF(9.5);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int margin = 6;
    const int lineHeight = metrics.height();

    QStringList topLeft, topRight, bottomLeft, bottomRight;
    if (!m_context.patientName.isEmpty())
        topLeft << formatPersonName(m_context.patientName);
    if (!m_context.patientId.isEmpty())
        topLeft << tr("ID %1").arg(m_context.patientId);
    const QString birth = formatDicomDate(m_context.patientBirthDate);
    if (!birth.isEmpty() || !m_context.patientSex.isEmpty())
        topLeft << QStringList{birth, m_context.patientSex}.join(QLatin1Char(' ')).trimmed();

    if (!m_context.studyDate.isEmpty())
        topRight << formatDicomDate(m_context.studyDate);
    if (!m_context.studyDescription.isEmpty())
        topRight << m_context.studyDescription;
    if (!m_context.seriesDescription.isEmpty())
        topRight << m_context.seriesDescription;
    if (frameCount() > 1)
        topRight << tr("Image %1/%2").arg(m_frame + 1).arg(frameCount());

    const QString presetName = m_activePreset.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_activePreset);
    if (m_settings.voiTableIndex >= 0)
        bottomLeft << tr("VOI LUT%1").arg(presetName);
    else
        bottomLeft << tr("W %1  L %2%3")
                          .arg(m_settings.window.width, 0, 'f', m_settings.window.width < 10 ? 2 : 0)
                          .arg(m_settings.window.center, 0, 'f', std::abs(m_settings.window.center) < 10 ? 2 : 0)
                          .arg(presetName);
    bottomLeft << tr("Zoom %1%").arg(m_geometry.zoom() * 100.0, 0, 'f', 0);
    if (!m_probeText.isEmpty())
        bottomLeft << m_probeText;

    QStringList view;
    if (!info.modality.empty())
        view << QString::fromStdString(info.modality);
    if (!info.viewPosition.empty())
        view << QString::fromStdString(info.viewPosition);
    if (!info.imageLaterality.empty())
        view << QString::fromStdString(info.imageLaterality);
    if (!view.isEmpty())
        bottomRight << view.join(QLatin1Char(' '));
    bottomRight << tr("%1 × %2").arg(decoded.pixels.columns).arg(decoded.pixels.rows);
    QStringList state;
    if (m_geometry.rotationDegrees() != 0)
        state << tr("Rot %1°").arg(m_geometry.rotationDegrees());
    if (m_geometry.flippedHorizontally())
        state << tr("Flip H");
    if (m_geometry.flippedVertically())
        state << tr("Flip V");
    if (m_settings.invert)
        state << tr("Inverted");
    if (!state.isEmpty())
        bottomRight << state.join(QStringLiteral(" · "));

    const auto drawBlock = [&](const QStringList& lines, Qt::Alignment alignment) {
        const bool top = alignment & Qt::AlignTop;
        const bool left = alignment & Qt::AlignLeft;
        // Top blocks read downwards from the corner, bottom blocks end at the corner.
        for (int i = 0; i < lines.size(); ++i) {
            const int x = left ? margin : width() - margin - metrics.horizontalAdvance(lines[i]);
            const int y = top ? margin + metrics.ascent() + i * lineHeight
                              : height() - margin - metrics.descent() - (static_cast<int>(lines.size()) - 1 - i) * lineHeight;
            m_textCache.draw(painter, QPointF(x, y), lines[i], font);
        }
    };
    // In a narrow viewport a right-hand line is shortened where it would run into the left-hand
    // line of the same row (patient data, window and zoom stay whole; descriptions give way).
    const auto elideAgainst = [&](QStringList& right, const QStringList& left, bool top) {
        for (int i = 0; i < right.size(); ++i) {
            const int row = top ? i : static_cast<int>(right.size()) - 1 - i; // counted from the corner
            const int leftIndex = top ? row : static_cast<int>(left.size()) - 1 - row;
            const int leftWidth = leftIndex >= 0 && leftIndex < left.size() ? metrics.horizontalAdvance(left[leftIndex]) + 12 : 0;
            right[i] = metrics.elidedText(right[i], Qt::ElideRight, std::max(0, width() - 2 * margin - leftWidth));
        }
    };
    elideAgainst(topRight, topLeft, true);
    elideAgainst(bottomRight, bottomLeft, false);
    drawBlock(topLeft, Qt::AlignTop | Qt::AlignLeft);
    drawBlock(topRight, Qt::AlignTop | Qt::AlignRight);
    drawBlock(bottomLeft, Qt::AlignBottom | Qt::AlignLeft);
    drawBlock(bottomRight, Qt::AlignBottom | Qt::AlignRight);
}

void ImageViewport::resizeEvent(QResizeEvent*)
{
    const double relative = hasImage() ? m_geometry.zoomRelativeToFit() : 1.0;
    const QPointF pan = m_geometry.pan();
    m_geometry.setViewportSize(size());
    // Keep the user's zoom relative to the fitted size, so the image stays framed on resize.
    m_geometry.fit();
    m_geometry.setZoom(m_geometry.zoom() * relative, QPointF(width() / 2.0, height() / 2.0));
    m_geometry.panBy(pan);
    Q_EMIT geometryChanged();
}

QString ImageViewport::probeTextAt(QPointF imagePoint) const
{
    if (!hasImage())
        return {};
    const dicom::PixelData& pixels = image()->pixels;
    const int column = static_cast<int>(std::floor(imagePoint.x()));
    const int row = static_cast<int>(std::floor(imagePoint.y()));
    if (column < 0 || row < 0 || column >= pixels.columns || row >= pixels.rows)
        return {};
    const std::size_t index = (static_cast<std::size_t>(row) * pixels.columns + column) * pixels.samplesPerPixel;
    const std::uint8_t* frame = pixels.frameBytes(frameWithinImage());
    const auto sample = [&](std::size_t i) -> std::int64_t {
        switch (pixels.format) {
        case dicom::SampleFormat::UInt8: return frame[i];
        case dicom::SampleFormat::Int8: return reinterpret_cast<const std::int8_t*>(frame)[i];
        case dicom::SampleFormat::UInt16: return reinterpret_cast<const std::uint16_t*>(frame)[i];
        case dicom::SampleFormat::Int16: return reinterpret_cast<const std::int16_t*>(frame)[i];
        case dicom::SampleFormat::UInt32: return reinterpret_cast<const std::uint32_t*>(frame)[i];
        case dicom::SampleFormat::Int32: return reinterpret_cast<const std::int32_t*>(frame)[i];
        }
        return 0;
    };
    QString text = tr("x %1 y %2").arg(column).arg(row);
    if (pixels.samplesPerPixel == 3) {
        text += tr(" · RGB %1 %2 %3").arg(sample(index)).arg(sample(index + 1)).arg(sample(index + 2));
        return text;
    }
    const std::int64_t stored = sample(index);
    text += tr(" · stored %1").arg(stored);
    const dicom::ModalityTransform& modality = image()->modality;
    if (modality.table || modality.rescaleSlope != 1.0 || modality.rescaleIntercept != 0.0) {
        const double value = toModalityValue(modality, stored);
        const QString unit = modality.rescaleType.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(modality.rescaleType);
        text += tr(" · value %1%2").arg(value, 0, 'g', 6).arg(unit);
    }
    return text;
}

void ImageViewport::updateProbe(QPointF widgetPoint)
{
    const QString text = probeTextAt(m_geometry.toImage(widgetPoint));
    if (text != m_probeText) {
        m_probeText = text;
        Q_EMIT probeChanged(m_probeText);
        if (m_annotationsVisible)
            update();
    }
}

double ImageViewport::handleToleranceInImage() const { return 6.0 / std::max(1e-6, m_geometry.zoom()); }

void ImageViewport::startDrag(Drag drag, QPointF position)
{
    m_drag = drag;
    m_dragStart = position;
    m_lastMouse = position;
    m_dragStartSettings = m_settings;
    if (drag == Drag::WindowLevel && hasImage()) {
        // Computed once per drag: a histogram of a large frame costs milliseconds.
        const FrameStatistics statistics = computeFrameStatistics(image()->pixels, frameWithinImage(), 0.0, 1.0);
        m_dragValueRange = image()->pixels.samplesPerPixel == 3
                               ? 256.0
                               : std::max(1.0, std::abs(toModalityValue(image()->modality, statistics.maximum) -
                                                        toModalityValue(image()->modality, statistics.minimum)));
    }
}

void ImageViewport::mousePressEvent(QMouseEvent* event)
{
    Q_EMIT activated();
    if (!hasImage())
        return;
    const QPointF position = event->position();
    const QPointF imagePoint = m_geometry.toImage(position);

    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && event->modifiers() & Qt::ShiftModifier)) {
        startDrag(Drag::Pan, position);
        return;
    }
    if (event->button() == Qt::RightButton) {
        startDrag(Drag::WindowLevel, position);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;

    // An angle waits for its third point after the first drag.
    if (m_pending && m_pending->kind == Measurement::Kind::Angle && m_pending->points.size() == 3) {
        m_pending->points[2] = imagePoint;
        m_measurements.select(m_measurements.add(*m_pending));
        m_pending.reset();
        Q_EMIT measurementsChanged();
        update();
        return;
    }

    int pointIndex = -1;
    if (const auto hit = m_measurements.hitTest(imagePoint, handleToleranceInImage(), &pointIndex, m_frame)) {
        m_measurements.select(hit);
        m_grabbedMeasurement = *hit;
        m_grabbedPoint = pointIndex;
        startDrag(pointIndex >= 0 ? Drag::MoveHandle : Drag::MoveMeasurement, position);
        Q_EMIT measurementsChanged();
        update();
        return;
    }
    if (m_measurements.selectedId()) {
        m_measurements.select(std::nullopt);
        Q_EMIT measurementsChanged();
        update();
    }

    switch (m_tool) {
    case ViewportTool::WindowLevel: startDrag(Drag::WindowLevel, position); break;
    case ViewportTool::Pan: startDrag(Drag::Pan, position); break;
    case ViewportTool::Zoom: startDrag(Drag::Zoom, position); break;
    case ViewportTool::Distance:
    case ViewportTool::Angle: {
        Measurement measurement;
        measurement.kind = m_tool == ViewportTool::Distance ? Measurement::Kind::Distance : Measurement::Kind::Angle;
        measurement.points = {imagePoint, imagePoint};
        measurement.frame = m_frame;
        m_pending = measurement;
        startDrag(Drag::NewMeasurement, position);
        update();
        break;
    }
    }
}

void ImageViewport::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF position = event->position();
    const QPointF delta = position - m_lastMouse;
    m_lastMouse = position;
    updateProbe(position);
    if (!hasImage())
        return;
    const QPointF imagePoint = m_geometry.toImage(position);

    switch (m_drag) {
    case Drag::None:
        if (m_pending && m_pending->points.size() == 3) {
            m_pending->points[2] = imagePoint;
            update();
        }
        return;
    case Drag::WindowLevel: {
        // Dragging across the whole viewport sweeps the image's full value range.
        const double range = m_dragValueRange;
        const QPointF total = position - m_dragStart;
        const double perPixel = range / std::max(200, width());
        DisplaySettings settings = m_dragStartSettings;
        settings.voiTableIndex = -1;
        if (m_dragStartSettings.voiTableIndex >= 0) {
            // Leaving a VOI LUT: start from the automatic window.
            for (const WindowPreset& preset : m_presets)
                if (preset.settings.voiTableIndex < 0) {
                    settings.window = preset.settings.window;
                    break;
                }
        }
        settings.window.width = std::max(1.0, settings.window.width + total.x() * perPixel);
        settings.window.center = settings.window.center - total.y() * perPixel;
        if (settings != m_settings) {
            m_settings = settings;
            m_activePreset.clear();
            rerender();
            Q_EMIT displayChanged();
        }
        return;
    }
    case Drag::Pan:
        m_geometry.panBy(delta);
        update();
        Q_EMIT geometryChanged();
        return;
    case Drag::Zoom:
        m_geometry.zoomBy(std::pow(1.01, -delta.y()), m_dragStart);
        update();
        Q_EMIT geometryChanged();
        return;
    case Drag::NewMeasurement:
        if (m_pending) {
            m_pending->points[1] = imagePoint;
            update();
        }
        return;
    case Drag::MoveHandle:
    case Drag::MoveMeasurement:
        if (Measurement* measurement = m_measurements.find(m_grabbedMeasurement)) {
            if (m_drag == Drag::MoveHandle && m_grabbedPoint >= 0)
                measurement->points[static_cast<std::size_t>(m_grabbedPoint)] = imagePoint;
            else {
                const QPointF imageDelta = imagePoint - m_geometry.toImage(position - delta);
                for (QPointF& point : measurement->points)
                    point += imageDelta;
            }
            Q_EMIT measurementsChanged();
            update();
        }
        return;
    }
}

void ImageViewport::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag == Drag::NewMeasurement && m_pending) {
        const QPointF imagePoint = m_geometry.toImage(event->position());
        m_pending->points[1] = imagePoint;
        const bool tooShort = QLineF(m_geometry.toWidget(m_pending->points[0]), event->position()).length() < 3.0;
        if (tooShort) {
            m_pending.reset();
        } else if (m_pending->kind == Measurement::Kind::Distance) {
            m_measurements.select(m_measurements.add(*m_pending));
            m_pending.reset();
            Q_EMIT measurementsChanged();
        } else {
            m_pending->points.push_back(imagePoint); // the second arm follows the mouse
        }
        update();
    }
    m_drag = Drag::None;
}

void ImageViewport::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_tool != ViewportTool::Distance && m_tool != ViewportTool::Angle)
        fitToWindow();
}

void ImageViewport::wheelEvent(QWheelEvent* event)
{
    if (!hasImage())
        return;
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0)
        return;
    if (frameCount() > 1 && !(event->modifiers() & Qt::ControlModifier)) {
        setFrame(m_frame - steps);
    } else {
        m_geometry.zoomBy(std::pow(1.15, steps), event->position());
        update();
        Q_EMIT geometryChanged();
    }
    event->accept();
}

void ImageViewport::leaveEvent(QEvent*)
{
    if (!m_probeText.isEmpty()) {
        m_probeText.clear();
        Q_EMIT probeChanged(m_probeText);
        update();
    }
}

void ImageViewport::setWindowLevel(double center, double width)
{
    DisplaySettings settings = m_settings;
    settings.window = {center, std::max(width, 1e-6)};
    settings.voiTableIndex = -1;
    if (settings == m_settings)
        return;
    m_settings = settings;
    m_activePreset.clear();
    rerender();
    Q_EMIT displayChanged();
}

void ImageViewport::applyPreset(int index)
{
    if (index < 0 || index >= static_cast<int>(m_presets.size()))
        return;
    const WindowPreset& preset = m_presets[static_cast<std::size_t>(index)];
    const bool invert = m_settings.invert;
    m_settings = preset.settings;
    m_settings.invert = invert;
    m_activePreset = preset.name;
    rerender();
    Q_EMIT displayChanged();
}

void ImageViewport::setActiveTool(ViewportTool tool)
{
    if (tool == m_tool)
        return;
    m_tool = tool;
    m_pending.reset();
    setCursor(tool == ViewportTool::Pan ? Qt::OpenHandCursor
              : (tool == ViewportTool::Distance || tool == ViewportTool::Angle) ? Qt::CrossCursor
                                                                                   : Qt::ArrowCursor);
    update();
    Q_EMIT toolChanged(tool);
}

void ImageViewport::setFrame(int frame)
{
    if (!hasImage())
        return;
    frame = std::clamp(frame, 0, frameCount() - 1);
    if (frame == m_frame)
        return;
    m_frame = frame;
    rerender();
    Q_EMIT frameChanged(m_frame);
}

void ImageViewport::fitToWindow()
{
    m_geometry.fit();
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::zoomIn()
{
    m_geometry.zoomBy(1.25, QPointF(width() / 2.0, height() / 2.0));
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::zoomOut()
{
    m_geometry.zoomBy(1.0 / 1.25, QPointF(width() / 2.0, height() / 2.0));
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::zoomToActualSize()
{
    m_geometry.setZoom(1.0, QPointF(width() / 2.0, height() / 2.0));
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::reset()
{
    m_geometry.reset();
    if (hasImage()) {
        const DisplaySettings defaults = defaultDisplaySettings(*m_stack.front(), m_presets);
        const bool changed = m_settings != defaults;
        m_settings = defaults;
        m_activePreset.clear();
        for (const WindowPreset& preset : m_presets)
            if (preset.settings == m_settings) {
                m_activePreset = preset.name;
                break;
            }
        if (changed) {
            rerender();
            Q_EMIT displayChanged();
        }
    }
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::toggleInvert()
{
    m_settings.invert = !m_settings.invert;
    rerender();
    Q_EMIT displayChanged();
}

void ImageViewport::rotateClockwise()
{
    m_geometry.rotateClockwise();
    m_geometry.fit();
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::rotateCounterClockwise()
{
    m_geometry.rotateCounterClockwise();
    m_geometry.fit();
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::flipHorizontally()
{
    m_geometry.flipHorizontally();
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::flipVertically()
{
    m_geometry.flipVertically();
    update();
    Q_EMIT geometryChanged();
}

void ImageViewport::setAnnotationsVisible(bool visible)
{
    if (visible == m_annotationsVisible)
        return;
    m_annotationsVisible = visible;
    update();
}

void ImageViewport::deleteSelectedMeasurement()
{
    if (m_measurements.removeSelected()) {
        Q_EMIT measurementsChanged();
        update();
    }
}

void ImageViewport::clearMeasurements()
{
    m_measurements.clear();
    m_pending.reset();
    Q_EMIT measurementsChanged();
    update();
}

void ImageViewport::setCinePlaying(bool playing)
{
    if (playing && frameCount() > 1)
        m_cineTimer.start(1000 / std::max(1, m_cineFps));
    else
        m_cineTimer.stop();
}

void ImageViewport::setCineFramesPerSecond(int fps)
{
    m_cineFps = std::clamp(fps, 1, 60);
    if (m_cineTimer.isActive())
        m_cineTimer.start(1000 / m_cineFps);
}

} // namespace raddraft::viewer
