// The MPR layout in a real window (xcb under Xvfb; VTK needs GLX): the synthetic CT's bright box
// must appear where the geometry says, with the right orientation and aspect ratio, in all three
// planes; window/level, the wheel, clicks and drags must change what is rendered.
//
// Set RADDRAFT_MPR_SCREENSHOT=<file.png> to also save a picture of the whole layout.

#include "SyntheticSeries.h"

#include "mpr/MprSliceView.h"
#include "mpr/MprView.h"
#include "mpr/VolumeBuilder.h"

#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using namespace raddraft;
using namespace raddraft::mpr;
using namespace raddraft::mpr::test;

namespace {

int greyAt(const QImage& image, const QPointF& widgetPosition) {
    const QPoint pixel = (widgetPosition * image.devicePixelRatio()).toPoint();
    if (!image.rect().contains(pixel)) {
        return -1;
    }
    return qGray(image.pixel(pixel));
}

/// Bounding box (widget pixels) and centroid of the pixels at least `threshold` grey.
struct BrightRegion {
    QRectF bounds;
    QPointF centroid;
    int count = 0;
};

BrightRegion brightRegion(const QImage& image, int threshold) {
    BrightRegion region;
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    double sumX = 0.0, sumY = 0.0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) >= threshold) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
                sumX += x + 0.5;
                sumY += y + 0.5;
                ++region.count;
            }
        }
    }
    if (region.count > 0) {
        const double ratio = image.devicePixelRatio();
        region.bounds = QRectF(left / ratio, top / ratio, (right - left + 1) / ratio, (bottom - top + 1) / ratio);
        region.centroid = QPointF(sumX / region.count / ratio, sumY / region.count / ratio);
    }
    return region;
}

void sendWheel(QWidget* widget, int angleDelta) {
    const QPointF position(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent event(position, widget->mapToGlobal(position), QPoint(), QPoint(0, angleDelta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

void sendMouse(QWidget* widget, QEvent::Type type, const QPoint& position, Qt::MouseButton button,
               Qt::MouseButtons buttons) {
    QMouseEvent event(type, QPointF(position), widget->mapToGlobal(QPointF(position)), button, buttons,
                      Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

constexpr std::array<MprPlane, 3> kPlanes{MprPlane::Axial, MprPlane::Coronal, MprPlane::Sagittal};

} // namespace

class MprViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    SyntheticSeriesSpec m_spec;
    std::shared_ptr<const Volume> m_volume;
    std::unique_ptr<MprView> m_view;

    MprSliceView* view(MprPlane plane) const { return m_view->sliceView(plane); }

    Vector3 at(double i, double j, double k) const { return m_volume->indexToPatient({i, j, k}); }

    void setCrosshairAtIndex(double i, double j, double k) {
        const Vector3 point = at(i, j, k);
        m_view->setCrosshair(point[0], point[1], point[2]);
    }

    /// The picture only: crosshair at the box's centre voxel, soft-tissue window, no overlays.
    void resetView() {
        m_view->setOverlaysVisible(false);
        m_view->applyPreset(QStringLiteral("soft-tissue"));
        setCrosshairAtIndex(46, 16, 28);
    }

    /// Pixels per mm the views must use: the whole plane fitted into the widget.
    double expectedPixelsPerMillimetre(MprPlane plane) const {
        const std::array<double, 3> extent{m_spec.columns * 0.7, m_spec.rows * 0.8, m_spec.slices * 2.5};
        const PlaneAxes axes = planeAxes(plane);
        return std::min(view(plane)->width() / extent[static_cast<std::size_t>(axes.rightAxis)],
                        view(plane)->height() / extent[static_cast<std::size_t>(axes.upAxis)]);
    }

private Q_SLOTS:
    void initTestCase() {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        QVERIFY(m_directory.isValid());
        m_volume = VolumeBuilder::fromSeries(writeSeries(m_directory.path().toStdString(), m_spec));
        m_view = std::make_unique<MprView>();
        m_view->resize(960, 960);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));

        QSignalSpy volumeSpy(m_view.get(), &MprView::volumeChanged);
        QSignalSpy windowSpy(m_view.get(), &MprView::windowLevelChanged);
        m_view->setVolume(m_volume);
        QCOMPARE(volumeSpy.count(), 1);
        QCOMPARE(windowSpy.count(), 1);
        // A CT without a stored window opens with the soft-tissue window, crosshair in the middle.
        QCOMPARE(m_view->windowLevel().center, 40.0);
        QCOMPARE(m_view->windowLevel().width, 400.0);
        QCOMPARE(view(MprPlane::Axial)->sliceIndex(), 19);
        QCOMPARE(view(MprPlane::Axial)->sliceCount(), 40);
        QCOMPARE(view(MprPlane::Coronal)->sliceCount(), 64);
        QCOMPARE(view(MprPlane::Sagittal)->sliceCount(), 64);
        QApplication::processEvents();
    }

    void rendersEveryPlane() {
        resetView();
        for (MprPlane plane : kPlanes) {
            const QImage image = view(plane)->grabFramebuffer();
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), view(plane)->size() * view(plane)->devicePixelRatioF());
            int lit = 0;
            for (int y = 0; y < image.height(); y += 2) {
                for (int x = 0; x < image.width(); x += 2) {
                    lit += qGray(image.pixel(x, y)) > 30 ? 1 : 0;
                }
            }
            const double litFraction = lit / (image.width() / 2.0 * image.height() / 2.0);
            QVERIFY2(litFraction > 0.1, qPrintable(QStringLiteral("%1 is black (%2 lit)")
                                                       .arg(QLatin1String(planeName(plane)))
                                                       .arg(litFraction)));
        }
    }

    void boxAppearsWhereExpected() {
        resetView();
        struct Expectation {
            MprPlane plane;
            Vector3 body;      ///< a voxel index in the soft-tissue body on this plane
            Vector3 air;       ///< a voxel index in air on this plane
            bool boxOnRight;   ///< the box is on the patient's left, anterior and superior
            bool boxOnTop;
        };
        const std::array<Expectation, 3> expectations{{
            {MprPlane::Axial, {25, 40, 28}, {60, 60, 28}, true, true},   // L right, A up
            {MprPlane::Coronal, {25, 16, 10}, {62, 16, 10}, true, true}, // L right, S up
            {MprPlane::Sagittal, {46, 40, 10}, {46, 2, 10}, false, true}, // A left, S up
        }};
        const Vector3 boxCenter = at(46, 16, 28.5);
        for (const Expectation& expectation : expectations) {
            MprSliceView* slice = view(expectation.plane);
            const QString name = QLatin1String(planeName(expectation.plane));
            const QImage image = slice->grabFramebuffer();

            // Inside the box: white (1000 HU under a 40/400 window).
            for (double i : {43.0, 49.0}) {
                for (double j : {13.0, 19.0}) {
                    for (double k : {26.0, 31.0}) {
                        const int grey = greyAt(image, slice->patientToWidget(at(i, j, k)));
                        QVERIFY2(grey >= 245, qPrintable(QStringLiteral("%1: box voxel (%2, %3, %4) grey %5")
                                                             .arg(name).arg(i).arg(j).arg(k).arg(grey)));
                    }
                }
            }
            // Body: 40 HU is the window's centre, mid grey. Air: black.
            const int body = greyAt(image, slice->patientToWidget(at(expectation.body[0], expectation.body[1], expectation.body[2])));
            QVERIFY2(std::abs(body - 128) <= 4, qPrintable(QStringLiteral("%1: body grey %2").arg(name).arg(body)));
            const int air = greyAt(image, slice->patientToWidget(at(expectation.air[0], expectation.air[1], expectation.air[2])));
            QVERIFY2(air >= 0 && air <= 5, qPrintable(QStringLiteral("%1: air grey %2").arg(name).arg(air)));

            // Measured from the picture alone: the box is in the expected quadrant, centred where
            // the geometry puts it, and its size on screen follows the voxel spacing.
            const BrightRegion box = brightRegion(image, 200);
            QVERIFY2(box.count > 100, qPrintable(name));
            QCOMPARE(box.centroid.x() > slice->width() / 2.0, expectation.boxOnRight);
            QCOMPARE(box.centroid.y() < slice->height() / 2.0, expectation.boxOnTop);
            const QPointF predicted = slice->patientToWidget(boxCenter);
            QVERIFY2(std::hypot(box.centroid.x() - predicted.x(), box.centroid.y() - predicted.y()) < 2.0,
                     qPrintable(QStringLiteral("%1: box centred at (%2, %3), expected (%4, %5)")
                                    .arg(name).arg(box.centroid.x()).arg(box.centroid.y())
                                    .arg(predicted.x()).arg(predicted.y())));
            const PlaneAxes axes = planeAxes(expectation.plane);
            const std::array<double, 3> boxMillimetres{13 * 0.7, 13 * 0.8, 10 * 2.5};
            const double scale = expectedPixelsPerMillimetre(expectation.plane);
            const double expectedWidth = boxMillimetres[static_cast<std::size_t>(axes.rightAxis)] * scale;
            const double expectedHeight = boxMillimetres[static_cast<std::size_t>(axes.upAxis)] * scale;
            QVERIFY2(std::abs(box.bounds.width() - expectedWidth) <= 3.0 &&
                         std::abs(box.bounds.height() - expectedHeight) <= 3.0,
                     qPrintable(QStringLiteral("%1: box %2×%3 px, expected %4×%5")
                                    .arg(name).arg(box.bounds.width()).arg(box.bounds.height())
                                    .arg(expectedWidth).arg(expectedHeight)));
        }
    }

    void windowLevelChangesIntensity() {
        resetView();
        MprSliceView* axial = view(MprPlane::Axial);
        const QPointF body = axial->patientToWidget(at(25, 40, 28));
        const QPointF air = axial->patientToWidget(at(60, 60, 28));
        QVERIFY(std::abs(greyAt(axial->grabFramebuffer(), body) - 128) <= 4);

        QSignalSpy spy(m_view.get(), &MprView::windowLevelChanged);
        m_view->setWindowLevel(-200.0, 2000.0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.front().at(0).toDouble(), -200.0);
        QCOMPARE(spy.front().at(1).toDouble(), 2000.0);
        // grey = (value − (centre − width/2)) / width × 255
        for (MprPlane plane : kPlanes) {
            QCOMPARE(view(plane)->windowLevel().center, -200.0);
        }
        QImage image = axial->grabFramebuffer();
        QVERIFY(std::abs(greyAt(image, body) - 158) <= 3);
        QVERIFY(std::abs(greyAt(image, air) - 25) <= 3);

        QVERIFY(m_view->applyPreset(QStringLiteral("bone")));
        image = axial->grabFramebuffer();
        QVERIFY(std::abs(greyAt(image, body) - 83) <= 3);
        QVERIFY(std::abs(greyAt(image, axial->patientToWidget(at(43, 13, 28))) - 180) <= 3); // 1000 HU
    }

    void wheelScrollsSlices() {
        resetView();
        MprSliceView* axial = view(MprPlane::Axial);
        QCOMPARE(axial->sliceIndex(), 28);
        const double z = m_view->crosshair()[2];
        QSignalSpy spy(m_view.get(), &MprView::crosshairChanged);

        sendWheel(axial, 120);
        QCOMPARE(axial->sliceIndex(), 29);
        QCOMPARE(spy.count(), 1);
        QVERIFY(std::abs(m_view->crosshair()[2] - (z + 2.5)) < 1e-6);
        QCOMPARE(view(MprPlane::Coronal)->sliceIndex(), 16); // the other planes stay
        QCOMPARE(view(MprPlane::Sagittal)->sliceIndex(), 46);

        // Half notches add up; below the box the axial picture no longer shows it.
        sendWheel(axial, -60);
        QCOMPARE(axial->sliceIndex(), 29);
        sendWheel(axial, -60);
        QCOMPARE(axial->sliceIndex(), 28);
        sendWheel(axial, -120 * 8);
        QCOMPARE(axial->sliceIndex(), 20);
        const QImage below = axial->grabFramebuffer();
        QVERIFY(greyAt(below, axial->patientToWidget(at(46, 16, 20))) < 200);
        QVERIFY(brightRegion(below, 200).count == 0);
        // The coronal plane still cuts the box, and now shows where the axial plane is.
        QVERIFY(greyAt(view(MprPlane::Coronal)->grabFramebuffer(),
                       view(MprPlane::Coronal)->patientToWidget(at(46, 16, 28))) >= 245);

        sendWheel(axial, -120 * 100); // clamps at the first slice
        QCOMPARE(axial->sliceIndex(), 0);
        QVERIFY(std::abs(m_view->crosshair()[2] - m_volume->origin[2]) < 1e-6);
    }

    void clickMovesCrosshair() {
        resetView();
        MprSliceView* coronal = view(MprPlane::Coronal);
        const Vector3 target = at(20, 16, 12);
        const Vector3 before = m_view->crosshair();
        QTest::mouseClick(coronal, Qt::LeftButton, Qt::NoModifier, coronal->patientToWidget(target).toPoint());
        const Vector3 after = m_view->crosshair();
        QVERIFY(std::abs(after[0] - target[0]) < 1e-6);
        QVERIFY(std::abs(after[1] - before[1]) < 1e-6); // the coronal plane itself did not move
        QVERIFY(std::abs(after[2] - target[2]) < 1e-6);
        QCOMPARE(view(MprPlane::Axial)->sliceIndex(), 12);
        QCOMPARE(view(MprPlane::Sagittal)->sliceIndex(), 20);
    }

    void dragChangesWindow() {
        resetView();
        MprSliceView* sagittal = view(MprPlane::Sagittal);
        const Vector3 crosshair = m_view->crosshair();
        const QPoint start(sagittal->width() / 2, sagittal->height() / 2);
        sendMouse(sagittal, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
        sendMouse(sagittal, QEvent::MouseMove, start + QPoint(32, 16), Qt::NoButton, Qt::LeftButton);
        sendMouse(sagittal, QEvent::MouseMove, start + QPoint(64, 32), Qt::NoButton, Qt::LeftButton);
        sendMouse(sagittal, QEvent::MouseButtonRelease, start + QPoint(64, 32), Qt::LeftButton, Qt::NoButton);
        // 256 pixels change the window by its own width: +64 px → +100, +32 px → +50.
        QCOMPARE(m_view->windowLevel().width, 500.0);
        QCOMPARE(m_view->windowLevel().center, 90.0);
        QCOMPARE(view(MprPlane::Axial)->windowLevel().width, 500.0);
        QCOMPARE(m_view->crosshair(), crosshair); // a drag is not a click
    }

    void crosshairOverlayIsDrawn() {
        resetView();
        m_view->setOverlaysVisible(true);
        MprSliceView* axial = view(MprPlane::Axial);
        const QImage image = axial->grabFramebuffer();
        const QPointF center = axial->patientToWidget(m_view->crosshair());
        // Vertical line: the sagittal plane (blue); horizontal line: the coronal plane (green).
        const QColor vertical = image.pixelColor((QPointF(center.x(), center.y() + 40) * image.devicePixelRatio()).toPoint());
        const QColor horizontal = image.pixelColor((QPointF(center.x() - 40, center.y()) * image.devicePixelRatio()).toPoint());
        QVERIFY2(vertical.blue() > vertical.red() + 100, qPrintable(vertical.name()));
        QVERIFY2(horizontal.green() > horizontal.red() + 80, qPrintable(horizontal.name()));
        // The crosshair point itself is left clear (white box voxel under it).
        QVERIFY(greyAt(image, center) >= 245);
    }

    void presets() {
        QCOMPARE(MprView::presetKeys(),
                 (QStringList{QStringLiteral("soft-tissue"), QStringLiteral("lung"), QStringLiteral("bone"),
                              QStringLiteral("brain")}));
        QVERIFY(m_view->applyPreset(QStringLiteral("LUNG")));
        QCOMPARE(m_view->windowLevel().center, -600.0);
        QCOMPARE(m_view->windowLevel().width, 1500.0);
        QVERIFY(m_view->applyPreset(QStringLiteral("brain")));
        QCOMPARE(m_view->windowLevel().width, 80.0);
        QVERIFY(!m_view->applyPreset(QStringLiteral("liver")));
        QCOMPARE(m_view->windowLevel().width, 80.0);
        QCOMPARE(MprView::presetDisplayName(QStringLiteral("soft-tissue")), QStringLiteral("CT soft tissue"));
    }

    void wholeLayoutGrab() {
        resetView();
        m_view->setOverlaysVisible(true);
        setCrosshairAtIndex(40, 18, 27);
        QApplication::processEvents();
        const QImage picture = m_view->grab().toImage();
        QVERIFY(!picture.isNull());
        // Each of the three views shows up in the composed picture.
        for (MprPlane plane : kPlanes) {
            MprSliceView* slice = view(plane);
            const QPoint center = slice->mapTo(m_view.get(), slice->patientToWidget(at(46, 16, 28)).toPoint());
            const QPoint pixel = (QPointF(center) * picture.devicePixelRatio()).toPoint();
            QVERIFY2(qGray(picture.pixel(pixel)) >= 245, planeName(plane));
        }
        const QByteArray path = qgetenv("RADDRAFT_MPR_SCREENSHOT");
        if (!path.isEmpty()) {
            QVERIFY(picture.save(QString::fromLocal8Bit(path)));
        }
    }

    void clearingTheVolume() {
        m_view->setOverlaysVisible(false);
        m_view->setVolume(nullptr);
        for (MprPlane plane : kPlanes) {
            QVERIFY(!view(plane)->hasVolume());
            QCOMPARE(brightRegion(view(plane)->grabFramebuffer(), 10).count, 0);
        }
        // Ignored without a volume.
        QSignalSpy spy(m_view.get(), &MprView::crosshairChanged);
        m_view->setCrosshair(1.0, 2.0, 3.0);
        QCOMPARE(spy.count(), 0);
        m_view->setVolume(m_volume);
        QVERIFY(view(MprPlane::Axial)->hasVolume());
    }
};

QTEST_MAIN(MprViewTest)
#include "MprViewTest.moc"
