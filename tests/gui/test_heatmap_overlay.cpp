// Heatmap overlays on an image viewport: the bilinear convention of the evaluation, one hot grid
// cell landing on its image region under zoom, pan, rotation and flips (read back from the
// rendered widget), opacity 0 leaving the image untouched, contours, region and boxes.

#include "dicom/PixelDecoder.h"
#include "display/HeatmapOverlay.h"
#include "display/ImageViewport.h"

#include <QtTest>

#include <cmath>

using namespace raddraft;
using viewer::HeatmapGrid;
using viewer::HeatmapOverlay;
using viewer::ImageViewport;

namespace {

// A non-square synthetic radiograph (the grid must stretch with the image): 12-bit ramps with a
// few bright discs, so the image under the overlay is not uniform.
constexpr int kColumns = 880;
constexpr int kRows = 1070;

std::shared_ptr<const dicom::DecodedImage> syntheticImage()
{
    auto image = std::make_shared<dicom::DecodedImage>();
    dicom::PixelData& pixels = image->pixels;
    pixels.frames = 1;
    pixels.rows = kRows;
    pixels.columns = kColumns;
    pixels.format = dicom::SampleFormat::UInt16;
    pixels.bitsStored = 12;
    pixels.photometric = "MONOCHROME2";
    pixels.bytes.resize(pixels.frameSizeInBytes());
    auto* samples = reinterpret_cast<std::uint16_t*>(pixels.bytes.data());
    for (int y = 0; y < kRows; ++y)
        for (int x = 0; x < kColumns; ++x) {
            const bool disc = std::hypot(x % 200 - 100, y % 200 - 100) < 40;
            samples[static_cast<std::size_t>(y) * kColumns + x] = static_cast<std::uint16_t>(disc ? 3800 : (x * 7 + y * 3) % 3000 + 200);
        }
    image->info.rows = kRows;
    image->info.columns = kColumns;
    image->info.modality = "DX";
    image->info.photometricInterpretation = "MONOCHROME2";
    image->info.bitsAllocated = 16;
    image->info.bitsStored = 12;
    return image;
}

// A 7×7 grid, zero except one cell (the model's 224-pixel input has a 7×7 feature map).
HeatmapGrid hotCell(int row, int column, float value = 1.0f)
{
    HeatmapGrid grid{7, 7, std::vector<float>(49, 0.0f)};
    grid.values[static_cast<std::size_t>(row * 7 + column)] = value;
    return grid;
}

viewer::OverlayStyle opaqueHot()
{
    viewer::OverlayStyle style;
    style.colorMap = viewer::ColorMapKind::Hot;
    style.opacity = 1.0;
    return style;
}

} // namespace

class TestHeatmapOverlay : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<const dicom::DecodedImage> m_image;

private Q_SLOTS:
    void initTestCase()
    {
        m_image = syntheticImage();
    }

    void upsamplingFollowsTorchAlignCornersFalse()
    {
        // The evaluation's golden values (ExplanationFidelityTest): 2×2 → 4×4 and 1×2 → 1×4.
        const std::vector<float> up = viewer::upsampleHeatmapGrid({2, 2, {1, 2, 3, 4}}, 4, 4);
        const std::vector<float> expected = {1.0f, 1.25f, 1.75f, 2.0f, 1.5f, 1.75f, 2.25f, 2.5f,
                                             2.5f, 2.75f, 3.25f, 3.5f, 3.0f, 3.25f, 3.75f, 4.0f};
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(up[i], expected[i]);
        const std::vector<float> row = viewer::upsampleHeatmapGrid({1, 2, {1, 2}}, 4, 1);
        QCOMPARE(row[1], 1.25f);
        QCOMPARE(row[3], 2.0f);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, viewer::upsampleHeatmapGrid({2, 2, {1, 2, 3}}, 4, 4));

        // The overlay's raster and its point sampler agree, and the grid spans the whole
        // non-square image: the hot cell (2, 5) peaks at the centre of its cell.
        const HeatmapOverlay overlay(hotCell(2, 5), QSize(kColumns, kRows));
        QCOMPARE(overlay.rasterSize(), QSize(421, 512));
        const QPointF peak(5.5 / 7 * kColumns, 2.5 / 7 * kRows);
        QCOMPARE(overlay.normalizedAt(peak), 1.0);
        QVERIFY(std::abs(overlay.normalizedAt(peak + QPointF(kColumns / 14.0, 0)) - 0.5) < 1e-6);
        QCOMPARE(overlay.normalizedAt(peak + QPointF(0, kRows / 7.0 + 1)), 0.0);
        const QTransform toImage = overlay.rasterToImage();
        for (const QPoint raster : {QPoint(0, 0), QPoint(350, 150), QPoint(420, 511), QPoint(320, 165)}) {
            const QPointF centre = toImage.map(QPointF(raster) + QPointF(0.5, 0.5));
            const float value = overlay.normalizedAtRaster(raster.x(), raster.y());
            QVERIFY2(std::abs(value - overlay.normalizedAt(centre)) < 1e-5, qPrintable(QString::number(value)));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HeatmapOverlay(HeatmapGrid{7, 7, {}}, QSize(10, 10)));
    }

    void zeroIsTransparentAndTheScaleIsTheMapsMaximum()
    {
        // Scaling to the map's own maximum: 0.02 at the hot cell is drawn as "max".
        const HeatmapOverlay overlay(hotCell(3, 3, 0.02f), QSize(700, 700), QString(), 700);
        QCOMPARE(overlay.maximum(), 0.02f);
        const QImage filled = overlay.filledImage(viewer::ColorMapKind::Turbo, 0.4);
        QCOMPARE(qAlpha(filled.pixel(10, 10)), 0);     // far from the hot cell: value 0
        QCOMPARE(qAlpha(filled.pixel(350, 350)), 102); // 40 % everywhere the map is positive
        QCOMPARE(qAlpha(filled.pixel(300, 330)), 102);
        const QColor top = QColor::fromRgb(viewer::colorMapColor(viewer::ColorMapKind::Turbo, 1.0));
        const QColor atPeak = QColor::fromRgba(qUnpremultiply(filled.pixel(350, 350)));
        QVERIFY(std::abs(atPeak.red() - top.red()) <= 2 && std::abs(atPeak.green() - top.green()) <= 2);
    }

    void contoursRegionAndBoxesSitAroundTheHotCell()
    {
        const HeatmapOverlay overlay(hotCell(2, 5), QSize(kColumns, kRows));
        const QPointF peak(5.5 / 7 * kColumns, 2.5 / 7 * kRows);
        for (const double level : {0.5, 0.7}) {
            const std::vector<QLineF> lines = overlay.contour(level);
            QVERIFY(lines.size() > 20);
            for (const QLineF& line : lines) {
                QVERIFY2(std::abs(overlay.normalizedAt(line.p1()) - level) < 0.03, qPrintable(QString::number(overlay.normalizedAt(line.p1()))));
                QVERIFY(QLineF(line.p1(), peak).length() < kRows / 7.0);
            }
        }
        // Joined, the 0.5 iso-line around one cell is one closed line.
        const std::vector<QPolygonF> polylines = overlay.contourPolylines(0.5);
        QCOMPARE(polylines.size(), std::size_t{1});
        QVERIFY(polylines.front().size() > 20);
        QCOMPARE(polylines.front().front(), polylines.front().back());
        // (1 − |du|)(1 − |dv|) ≥ 0.7 on the axes reaches 0.3 cells each way: one box, centred,
        // its edges within one pixel of the coarse raster (at most 256 per edge: 4.2 image pixels here).
        const std::vector<QRectF> boxes = overlay.regionBoxes(0.7);
        const double coarsePixel = double(kRows) / 256;
        QCOMPARE(boxes.size(), std::size_t{1});
        QVERIFY(QLineF(boxes.front().center(), peak).length() < coarsePixel);
        QVERIFY2(std::abs(boxes.front().width() - 0.6 * kColumns / 7) < 2 * coarsePixel, qPrintable(QString::number(boxes.front().width())));
        QVERIFY2(std::abs(boxes.front().height() - 0.6 * kRows / 7) < 2 * coarsePixel, qPrintable(QString::number(boxes.front().height())));
        // Two separate hot cells make two regions.
        HeatmapGrid two = hotCell(1, 1);
        two.values[5 * 7 + 5] = 0.9f;
        QCOMPARE(HeatmapOverlay(two, QSize(700, 700)).regionBoxes(0.5).size(), std::size_t{2});
    }

    void theRenderedMapFollowsZoomPanRotationAndFlips_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<QPointF>("pan");
        QTest::addColumn<int>("rotations");
        QTest::addColumn<bool>("flipHorizontal");
        QTest::addColumn<bool>("flipVertical");
        QTest::newRow("fitted") << 1.0 << QPointF() << 0 << false << false;
        QTest::newRow("zoomed and panned") << 2.2 << QPointF(-250, 90) << 0 << false << false;
        QTest::newRow("flipped horizontally") << 1.0 << QPointF(30, 0) << 0 << true << false;
        QTest::newRow("flipped vertically, zoomed") << 1.6 << QPointF(-150, -40) << 0 << false << true;
        QTest::newRow("rotated and flipped") << 1.3 << QPointF(25, 25) << 1 << true << false;
    }

    void theRenderedMapFollowsZoomPanRotationAndFlips()
    {
        QFETCH(double, zoom);
        QFETCH(QPointF, pan);
        QFETCH(int, rotations);
        QFETCH(bool, flipHorizontal);
        QFETCH(bool, flipVertical);

        // Wide enough that the hot cell stays clear of the colour bar in every case.
        ImageViewport viewport;
        viewport.resize(900, 600);
        viewport.setImage(m_image);
        viewport.setAnnotationsVisible(false);
        for (int i = 0; i < rotations; ++i)
            viewport.rotateClockwise();
        if (flipHorizontal)
            viewport.flipHorizontally();
        if (flipVertical)
            viewport.flipVertically();
        const QPointF centre(viewport.width() / 2.0, viewport.height() / 2.0);
        const auto overlay = std::make_shared<const HeatmapOverlay>(hotCell(2, 5), QSize(kColumns, kRows), QStringLiteral("test"));
        viewport.setOverlayStyle(opaqueHot());
        viewport.setHeatmapOverlay(overlay);
        if (zoom != 1.0) {
            // Zoom In is 1.25× per step about the viewport centre.
            const int steps = static_cast<int>(std::round(std::log(zoom) / std::log(1.25)));
            for (int i = 0; i < steps; ++i)
                viewport.zoomIn();
        }
        if (!pan.isNull()) {
            // Pan with the middle button, as a user does.
            QTest::mousePress(&viewport, Qt::MiddleButton, Qt::NoModifier, centre.toPoint());
            QMouseEvent move(QEvent::MouseMove, centre + pan, viewport.mapToGlobal(centre + pan), Qt::NoButton, Qt::MiddleButton, Qt::NoModifier);
            QApplication::sendEvent(&viewport, &move);
            QTest::mouseRelease(&viewport, Qt::MiddleButton, Qt::NoModifier, (centre + pan).toPoint());
            QCOMPARE(viewport.geometry().pan(), pan);
        }

        const QImage withMap = viewport.grab().toImage().convertToFormat(QImage::Format_RGB32);
        viewport.setOverlayVisible(false);
        const QImage plain = viewport.grab().toImage().convertToFormat(QImage::Format_RGB32);
        viewport.setOverlayVisible(true);
        QCOMPARE(withMap.size(), viewport.size());
        QVERIFY(withMap != plain);

        // Every widget pixel against the map's value at the image point under its centre. The
        // colour bar and its labels are left out.
        const QRect bar = viewport.overlayColorBarRect().adjusted(-230, -40, 40, 60);
        const viewer::ViewGeometry& geometry = viewport.geometry();
        int checkedRamp = 0, checkedPeak = 0, checkedZero = 0;
        for (int y = 1; y < withMap.height() - 1; ++y)
            for (int x = 1; x < withMap.width() - 1; ++x) {
                if (bar.contains(x, y))
                    continue;
                const QPointF pixelCentre(x + 0.5, y + 0.5);
                const double value = overlay->normalizedAt(geometry.toImage(pixelCentre));
                const QRgb shown = withMap.pixel(x, y);
                if (value >= 0.1 && value <= 0.3) {
                    // Hot: red = 3·value, no green or blue on this part of the ramp.
                    const double expectedRed = 765.0 * value;
                    QVERIFY2(std::abs(qRed(shown) - expectedRed) <= 32 && qGreen(shown) <= 32 && qBlue(shown) <= 8,
                             qPrintable(QStringLiteral("(%1, %2): value %3, shown %4 %5 %6")
                                            .arg(x).arg(y).arg(value).arg(qRed(shown)).arg(qGreen(shown)).arg(qBlue(shown))));
                    ++checkedRamp;
                } else if (value >= 0.9) {
                    QVERIFY2(qRed(shown) == 255 && qGreen(shown) == 255,
                             qPrintable(QStringLiteral("(%1, %2): value %3").arg(x).arg(y).arg(value)));
                    ++checkedPeak;
                } else if (value == 0.0) {
                    // Zero values are transparent: where the whole neighbourhood is zero the image
                    // shows through unchanged.
                    bool neighbourhoodZero = true;
                    for (const QPointF offset : {QPointF(-2, 0), QPointF(2, 0), QPointF(0, -2), QPointF(0, 2)})
                        neighbourhoodZero = neighbourhoodZero && overlay->normalizedAt(geometry.toImage(pixelCentre + offset)) == 0.0;
                    if (!neighbourhoodZero)
                        continue;
                    QVERIFY2(shown == plain.pixel(x, y), qPrintable(QStringLiteral("(%1, %2) changed").arg(x).arg(y)));
                    ++checkedZero;
                }
            }
        QVERIFY2(checkedRamp > 300, qPrintable(QString::number(checkedRamp)));
        QVERIFY2(checkedPeak > 20, qPrintable(QString::number(checkedPeak)));
        QVERIFY(checkedZero > 10000);
    }

    void opacityZeroLeavesTheImageUnchanged()
    {
        ImageViewport viewport;
        viewport.resize(500, 500);
        viewport.setImage(m_image);
        const QImage plain = viewport.grab().toImage();
        viewer::OverlayStyle style;
        style.opacity = 0.0;
        viewport.setOverlayStyle(style);
        viewport.setHeatmapOverlay(std::make_shared<const HeatmapOverlay>(hotCell(3, 3), QSize(kColumns, kRows), QStringLiteral("zero")));
        QCOMPARE(viewport.grab().toImage(), plain);
        style.opacity = 0.4;
        viewport.setOverlayStyle(style);
        QVERIFY(viewport.grab().toImage() != plain);
        // Hidden, or removed with a new image, it draws nothing.
        viewport.setOverlayVisible(false);
        QCOMPARE(viewport.grab().toImage(), plain);
        viewport.setOverlayVisible(true);
        viewport.setImage(m_image);
        QVERIFY(!viewport.heatmapOverlay());
    }

    void contourAndRegionModesDrawWithoutTheFilledMap()
    {
        ImageViewport viewport;
        viewport.resize(500, 500);
        viewport.setImage(m_image);
        viewport.setAnnotationsVisible(false);
        const QImage plain = viewport.grab().toImage();
        viewer::OverlayStyle style;
        style.filled = false;
        style.contours = true;
        viewport.setOverlayStyle(style);
        viewport.setHeatmapOverlay(std::make_shared<const HeatmapOverlay>(hotCell(3, 3), QSize(kColumns, kRows)));
        const QImage contours = viewport.grab().toImage();
        QVERIFY(contours != plain);
        // Far from the cell (top-left corner of the image) nothing changes.
        const QPoint corner = viewport.geometry().toWidget(QPointF(100, 100)).toPoint();
        QCOMPARE(contours.pixel(corner), plain.pixel(corner));
        style.contours = false;
        style.region = true;
        viewport.setOverlayStyle(style);
        const QImage region = viewport.grab().toImage();
        QVERIFY(region != plain && region != contours);
        // The region's centre (the hot cell's centre) is tinted.
        const QPoint cellCentre = viewport.geometry().toWidget(QPointF(3.5 / 7 * kColumns, 3.5 / 7 * kRows)).toPoint();
        QVERIFY(region.pixel(cellCentre) != plain.pixel(cellCentre));
    }
};

QTEST_MAIN(TestHeatmapOverlay)
#include "test_heatmap_overlay.moc"
