// The display pipeline: window functions, lookup tables, frame rendering, presets, geometry and
// measurements, checked against the DICOM formulas computed independently here.

#include "display/DisplayLut.h"
#include "display/FrameRenderer.h"
#include "display/ImageStatistics.h"
#include "display/Measurements.h"
#include "display/ModelInput.h"
#include "display/ViewGeometry.h"
#include "display/WindowPresets.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace raddraft;
using namespace raddraft::viewer;

namespace {

template <typename T>
std::shared_ptr<dicom::DecodedImage> makeImage(int rows, int columns, const std::vector<T>& values,
                                               dicom::SampleFormat format, int bitsStored,
                                               const char* photometric = "MONOCHROME2", int frames = 1)
{
    auto image = std::make_shared<dicom::DecodedImage>();
    image->pixels.frames = frames;
    image->pixels.rows = rows;
    image->pixels.columns = columns;
    image->pixels.samplesPerPixel = std::strcmp(photometric, "RGB") == 0 ? 3 : 1;
    image->pixels.format = format;
    image->pixels.bitsStored = bitsStored;
    image->pixels.photometric = photometric;
    image->pixels.bytes.resize(values.size() * sizeof(T));
    std::memcpy(image->pixels.bytes.data(), values.data(), image->pixels.bytes.size());
    image->info.rows = rows;
    image->info.columns = columns;
    image->info.photometricInterpretation = photometric;
    for (int i = 0; i < frames; ++i)
        image->decodedFrames.push_back(i);
    return image;
}

// PS3.3 C.11.2.1.2.1, written out independently of the code under test.
double linearWindowReference(double x, double c, double w)
{
    if (x <= c - 0.5 - (w - 1) / 2)
        return 0;
    if (x > c - 0.5 + (w - 1) / 2)
        return 255;
    return ((x - (c - 0.5)) / (w - 1) + 0.5) * 255;
}

} // namespace

class TestDisplayPipeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linearWindowFollowsTheStandard()
    {
        const WindowLevel window{2048, 4096};
        for (double x : {-10.0, 0.0, 1.0, 1000.0, 2047.5, 2048.0, 4094.0, 4095.0, 5000.0})
            QCOMPARE(std::lround(applyWindow(x, window, VoiFunction::Linear) * 255), std::lround(linearWindowReference(x, 2048, 4096)));
        // Width 1 is a threshold at the centre.
        QCOMPARE(applyWindow(99.0, {100, 1}, VoiFunction::Linear), 0.0);
        QCOMPARE(applyWindow(100.0, {100, 1}, VoiFunction::Linear), 1.0);
    }

    void linearExactAndSigmoid()
    {
        QCOMPARE(applyWindow(100, {100, 50}, VoiFunction::LinearExact), 0.5);
        QCOMPARE(applyWindow(75, {100, 50}, VoiFunction::LinearExact), 0.0);
        QCOMPARE(applyWindow(125, {100, 50}, VoiFunction::LinearExact), 1.0);
        QCOMPARE(applyWindow(100, {100, 50}, VoiFunction::Sigmoid), 0.5);
        QVERIFY(std::abs(applyWindow(150, {100, 50}, VoiFunction::Sigmoid) - 1.0 / (1.0 + std::exp(-4.0))) < 1e-12);
    }

    void lutAppliesRescaleWindowAndInversion()
    {
        // CT: signed 16-bit, intercept −1024, soft-tissue window 40/400.
        const auto image = makeImage<std::int16_t>(1, 4, {0, 1024, 1064, 2000}, dicom::SampleFormat::Int16, 16);
        dicom::ModalityTransform modality;
        modality.rescaleIntercept = -1024;
        VoiSetting voi;
        voi.window = {40, 400};
        GrayscaleLut lut;
        lut.build(image->pixels, modality, voi, false);
        QCOMPARE(lut.domainLow(), std::int64_t{-32768});
        QCOMPARE(lut.domainHigh(), std::int64_t{32767});
        for (std::int64_t stored : {0, 1024, 1064, 1100, 1300, 2000})
            QCOMPARE(static_cast<long>(lut.map(stored)), std::lround(linearWindowReference(stored - 1024.0, 40, 400)));
        GrayscaleLut inverted;
        inverted.build(image->pixels, modality, voi, true);
        QCOMPARE(static_cast<int>(inverted.map(1064)), 255 - static_cast<int>(lut.map(1064)));
    }

    void lutUsesVoiTableWithItsRealBitDepth()
    {
        const auto image = makeImage<std::uint16_t>(1, 2, {0, 3}, dicom::SampleFormat::UInt16, 12);
        dicom::LookupTable table;
        table.firstMappedValue = 10;
        table.bitsPerEntry = 16; // declared 16, data only reaches 4095: a common quirk
        table.data = {0, 1000, 2000, 4095};
        VoiSetting voi;
        voi.table = &table;
        GrayscaleLut lut;
        lut.build(image->pixels, {}, voi, false);
        QCOMPARE(static_cast<int>(lut.map(5)), 0);     // below the table: first entry
        QCOMPARE(static_cast<int>(lut.map(11)), static_cast<int>(std::lround(1000.0 / 4095 * 255)));
        QCOMPARE(static_cast<int>(lut.map(13)), 255);
        QCOMPARE(static_cast<int>(lut.map(4000)), 255); // above: last entry
    }

    void wideValuesAreQuantisedToTheirActualRange()
    {
        const auto image = makeImage<std::int32_t>(1, 3, {-100000, 0, 3000000}, dicom::SampleFormat::Int32, 32);
        VoiSetting voi;
        voi.window = {1450000, 3100000};
        GrayscaleLut lut;
        lut.build(image->pixels, {}, voi, false, std::make_pair(std::int64_t{-100000}, std::int64_t{3000000}));
        QVERIFY(lut.size() <= (1u << 20));
        QCOMPARE(static_cast<int>(lut.map(-100000)), 0);
        QCOMPARE(static_cast<int>(lut.map(3000000)), 255);
    }

    void rendererMatchesPerPixelFormulaOnLargeFrames()
    {
        // Large enough to take the multi-threaded path.
        const int rows = 1100, columns = 1300;
        std::vector<std::uint16_t> values(static_cast<std::size_t>(rows) * columns);
        std::mt19937 random(7);
        for (auto& value : values)
            value = static_cast<std::uint16_t>(random() % 4096);
        auto image = makeImage(rows, columns, values, dicom::SampleFormat::UInt16, 12, "MONOCHROME1");
        image->modality.rescaleSlope = 2.0;
        image->modality.rescaleIntercept = -100;
        FrameRenderer renderer;
        renderer.setImage(image);
        DisplaySettings settings;
        settings.window = {3000, 5000};
        QImage rendered;
        renderer.render(0, settings, rendered);
        QCOMPARE(rendered.format(), QImage::Format_Grayscale8);
        QCOMPARE(rendered.size(), QSize(columns, rows));
        for (int i = 0; i < 2000; ++i) {
            const int row = static_cast<int>(random() % rows), column = static_cast<int>(random() % columns);
            const double value = values[static_cast<std::size_t>(row) * columns + column] * 2.0 - 100;
            const long expected = 255 - std::lround(linearWindowReference(value, 3000, 5000)); // MONOCHROME1
            QCOMPARE(static_cast<long>(rendered.constScanLine(row)[column]), expected);
        }
        // Inverting MONOCHROME1 shows it like MONOCHROME2.
        settings.invert = true;
        renderer.render(0, settings, rendered);
        const double value = values[0] * 2.0 - 100;
        QCOMPARE(static_cast<long>(rendered.constScanLine(0)[0]), std::lround(linearWindowReference(value, 3000, 5000)));
    }

    void rendererShowsRgbAndPalette()
    {
        auto rgb = makeImage<std::uint8_t>(1, 2, {255, 0, 0, 10, 20, 30}, dicom::SampleFormat::UInt8, 8, "RGB");
        FrameRenderer renderer;
        renderer.setImage(rgb);
        QImage rendered;
        const DisplaySettings fullRange = windowPresetsFor(*rgb, 0).front().settings;
        renderer.render(0, fullRange, rendered);
        QCOMPARE(rendered.pixel(0, 0), qRgb(255, 0, 0));
        QCOMPARE(rendered.pixel(1, 0), qRgb(10, 20, 30));

        auto palette = makeImage<std::uint8_t>(1, 2, {0, 2}, dicom::SampleFormat::UInt8, 8, "PALETTE COLOR");
        dicom::PaletteLut lut;
        lut.red = {0, 16, {0, 0x8000, 0xFFFF}, {}};
        lut.green = {0, 16, {0xFFFF, 0, 0}, {}};
        lut.blue = {0, 16, {0, 0, 0x1000}, {}};
        palette->palette = lut;
        renderer.setImage(palette);
        renderer.render(0, DisplaySettings{}, rendered);
        QCOMPARE(rendered.pixel(0, 0), qRgb(0, 255, 0));
        QCOMPARE(rendered.pixel(1, 0), qRgb(255, 0, 16));
    }

    void statisticsAndPresets()
    {
        std::vector<std::int16_t> values;
        for (int i = 0; i < 1000; ++i)
            values.push_back(static_cast<std::int16_t>(i - 500));
        auto image = makeImage(10, 100, values, dicom::SampleFormat::Int16, 16);
        const FrameStatistics statistics = computeFrameStatistics(image->pixels, 0, 0.01, 0.99);
        QCOMPARE(statistics.minimum, std::int64_t{-500});
        QCOMPARE(statistics.maximum, std::int64_t{499});
        QCOMPARE(statistics.lowPercentile, std::int64_t{-491});
        QCOMPARE(statistics.highPercentile, std::int64_t{489});

        // Without file windows: full range, automatic (the default), and CT presets for CT.
        image->info.modality = "CT";
        image->modality.rescaleIntercept = -1024;
        auto presets = windowPresetsFor(*image, 0);
        QCOMPARE(presets.size(), std::size_t{6});
        QCOMPARE(presets[0].settings.window.center, (-1524.0 + -525.0) / 2);
        QCOMPARE(presets[0].settings.window.width, 1000.0);
        QCOMPARE(presets[3].settings.window.center, -600.0);
        QCOMPARE(defaultDisplaySettings(*image, 0), presets[2].settings); // CT: soft tissue
        image->info.modality = "MR";
        QCOMPARE(defaultDisplaySettings(*image, 0), windowPresetsFor(*image, 0)[1].settings); // automatic
        image->info.modality = "CT";

        // File windows come first and the first one is the default.
        image->voi.windows = {{40, 400, "SOFT"}, {-600, 1500, "LUNG"}};
        presets = windowPresetsFor(*image, 0);
        QCOMPARE(presets.size(), std::size_t{8});
        QVERIFY(presets[1].name.contains(QStringLiteral("LUNG")));
        QCOMPARE(defaultDisplaySettings(*image, 0).window.width, 400.0);
    }

    void modelInputIsWindowedWithWhiteHigh()
    {
        // MONOCHROME1: high stored values are dark, so the model input inverts them.
        auto image = makeImage<std::uint16_t>(1, 3, {0, 2048, 4095}, dicom::SampleFormat::UInt16, 12, "MONOCHROME1");
        image->voi.windows = {{2048, 4096, "FULL"}};
        const UnitImage unit = toUnitImage(*image);
        QCOMPARE(unit.width, 3);
        QCOMPARE(unit.height, 1);
        QCOMPARE(unit.pixels.size(), std::size_t{3});
        for (int i = 0; i < 3; ++i) {
            const double stored = std::vector<double>{0, 2048, 4095}[static_cast<std::size_t>(i)];
            const double expected = 1.0 - linearWindowReference(stored, 2048, 4096) / 255.0;
            QVERIFY(std::abs(unit.pixels[static_cast<std::size_t>(i)] - expected) < 1e-6);
        }
        // The viewer's inversion toggle does not reach the model.
        DisplaySettings settings = defaultDisplaySettings(*image, 0);
        settings.invert = true;
        QCOMPARE(toUnitImage(*image, 0, settings).pixels, unit.pixels);
        // Colour becomes luminance.
        auto rgb = makeImage<std::uint8_t>(1, 1, {255, 255, 255}, dicom::SampleFormat::UInt8, 8, "RGB");
        QVERIFY(std::abs(toUnitImage(*rgb).pixels[0] - 1.0f) < 1e-6);
    }

    void geometryMapsBothWays()
    {
        ViewGeometry geometry;
        geometry.setImageSize(QSizeF(3000, 2500));
        geometry.setViewportSize(QSizeF(800, 600));
        geometry.fit();
        QCOMPARE(geometry.zoom(), 600.0 / 2500.0); // the height limits
        QVERIFY((geometry.toImage(geometry.toWidget(QPointF(123, 456))) - QPointF(123, 456)).manhattanLength() < 1e-9);
        QVERIFY((geometry.toWidget(QPointF(1500, 1250)) - QPointF(400, 300)).manhattanLength() < 1e-9);

        // Zooming about a point keeps that point fixed.
        const QPointF anchor(100, 200);
        const QPointF before = geometry.toImage(anchor);
        geometry.zoomBy(2.5, anchor);
        QVERIFY((geometry.toImage(anchor) - before).manhattanLength() < 1e-9);

        // A clockwise quarter turn puts the image's top-left corner at the top right.
        geometry.reset();
        geometry.rotateClockwise();
        geometry.fit();
        const QRectF shown = geometry.imageRectInWidget();
        const QPointF corner = geometry.toWidget(QPointF(0, 0));
        QVERIFY(std::abs(corner.x() - shown.right()) < 1e-6 && std::abs(corner.y() - shown.top()) < 1e-6);
        QVERIFY(std::abs(shown.height() - 600.0) < 1e-6); // 3000 wide becomes 3000 tall, fitted to 600
        QVERIFY(shown.width() <= 800.0 + 1e-6);

        // Flip horizontally mirrors about the viewport centre.
        geometry.reset();
        const QPointF left = geometry.toWidget(QPointF(0, 1250));
        geometry.flipHorizontally();
        const QPointF mirrored = geometry.toWidget(QPointF(0, 1250));
        QVERIFY(std::abs((left.x() + mirrored.x()) / 2 - 400.0) < 1e-6);

        // Non-square pixels display with their physical aspect ratio.
        geometry.setImageSize(QSizeF(100, 100), 2.0);
        geometry.reset();
        const QRectF aspect = geometry.imageRectInWidget();
        QVERIFY(std::abs(aspect.height() / aspect.width() - 2.0) < 1e-9);
    }

    void measurementsInMillimetresAndDegrees()
    {
        dicom::InstanceInfo info;
        info.imagerPixelSpacing = std::array<double, 2>{0.2, 0.1};
        PhysicalSpacing spacing = PhysicalSpacing::of(info);
        QCOMPARE(spacing.source, PhysicalSpacing::Source::ImagerPixelSpacing);
        Measurement distance{Measurement::Kind::Distance, {QPointF(0, 0), QPointF(300, 400)}, 0, 0};
        // 300 columns × 0.1 mm and 400 rows × 0.2 mm: 30 and 80 mm.
        QVERIFY(std::abs(distance.value(spacing) - std::hypot(30.0, 80.0)) < 1e-9);
        QVERIFY(distance.label(spacing).contains(QStringLiteral("mm")));
        info.pixelSpacing = std::array<double, 2>{0.5, 0.5};
        spacing = PhysicalSpacing::of(info);
        QCOMPARE(spacing.source, PhysicalSpacing::Source::PixelSpacing);
        QVERIFY(std::abs(distance.value(spacing) - 250.0) < 1e-9);
        QCOMPARE(distance.label(spacing), QStringLiteral("250.0 mm"));
        QCOMPARE(distance.label(PhysicalSpacing{}), QStringLiteral("500.0 px"));

        Measurement angle{Measurement::Kind::Angle, {QPointF(10, 0), QPointF(0, 0), QPointF(0, 10)}, 0, 0};
        QVERIFY(std::abs(angle.value(PhysicalSpacing{}) - 90.0) < 1e-9);

        MeasurementList list;
        const int first = list.add(distance);
        const int second = list.add(angle);
        int handle = -2;
        QCOMPARE(list.hitTest(QPointF(301, 399), 3.0, &handle), std::optional<int>(first));
        QCOMPARE(handle, 1);
        QCOMPARE(list.hitTest(QPointF(150, 201), 3.0, &handle), std::optional<int>(first));
        QCOMPARE(handle, -1);
        QCOMPARE(list.hitTest(QPointF(0, 5), 1.0), std::optional<int>(second));
        QVERIFY(!list.hitTest(QPointF(1000, 1000), 3.0));
        QVERIFY(!list.hitTest(QPointF(301, 399), 3.0, nullptr, 5)); // drawn on another frame
        list.select(first);
        QVERIFY(list.removeSelected());
        QCOMPARE(list.items().size(), std::size_t{1});
        QVERIFY(!list.removeSelected());
    }
};

QTEST_GUILESS_MAIN(TestDisplayPipeline)
#include "test_display_pipeline.moc"
