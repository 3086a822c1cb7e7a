// VolumeBuilder on real DICOM files: a consistent CT series (shuffled, axis-aligned and oblique)
// builds the right grid and voxels; each kind of inconsistency gives its specific error.

#include "SyntheticSeries.h"

#include "dicom/DicomScanner.h"
#include "mpr/VolumeBuilder.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <filesystem>

using namespace raddraft;
using namespace raddraft::mpr;
using namespace raddraft::mpr::test;

namespace {

/// Runs fromSeries and returns the VolumeError it must throw.
VolumeError expectError(const dicom::SeriesInfo& series, const VolumeBuildOptions& options = {}) {
    try {
        VolumeBuilder::fromSeries(series, options);
    } catch (const VolumeError& error) {
        return error;
    }
    throw std::runtime_error("fromSeries accepted an inconsistent series");
}

bool near(double a, double b, double tolerance = 1e-4) { return std::abs(a - b) <= tolerance; }

} // namespace

class VolumeBuilderTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_root;
    int m_counter = 0;

    std::string freshDirectory() {
        const QString path = m_root.filePath(QStringLiteral("series%1").arg(++m_counter));
        std::filesystem::create_directories(path.toStdString());
        return path.toStdString();
    }

    /// Every voxel of `volume` equals the phantom at the same index of the written grid.
    static void compareWithPhantom(const Volume& volume, const SyntheticSeriesSpec& spec) {
        int mismatches = 0;
        for (int k = 0; k < spec.slices; ++k) {
            for (int j = 0; j < spec.rows; ++j) {
                for (int i = 0; i < spec.columns; ++i) {
                    const double expected = storedValueFor(phantomHu(i, j, k), spec) * spec.rescaleSlope +
                                            spec.rescaleIntercept;
                    if (volume.valueAt(i, j, k) != expected && ++mismatches < 5) {
                        qWarning("voxel (%d, %d, %d) = %g, expected %g", i, j, k, volume.valueAt(i, j, k), expected);
                    }
                }
            }
        }
        QCOMPARE(mismatches, 0);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_root.isValid()); }

    void buildsShuffledAxialSeries() {
        const SyntheticSeriesSpec spec;
        const dicom::SeriesInfo series = writeSeries(freshDirectory(), spec);
        QVERIFY(series.instances.front().filePath.find("slice-000") == std::string::npos); // really shuffled

        std::vector<std::pair<int, int>> progress;
        VolumeBuildOptions options;
        options.progress = [&progress](int done, int total) { progress.emplace_back(done, total); };
        const std::shared_ptr<const Volume> volume = VolumeBuilder::fromSeries(series, options);

        QCOMPARE(volume->dimensions, (std::array<int, 3>{64, 64, 40}));
        // PixelSpacing is (between rows, between columns) = (0.8, 0.7): i steps 0.7, j steps 0.8.
        QVERIFY(near(volume->spacing[0], 0.7));
        QVERIFY(near(volume->spacing[1], 0.8));
        QVERIFY(near(volume->spacing[2], 2.5));
        QVERIFY(near(volume->origin[0], -22.05) && near(volume->origin[1], -25.2) && near(volume->origin[2], -50.0));
        const std::array<double, 9> identity{1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (std::size_t index = 0; index < 9; ++index) {
            QVERIFY(near(volume->direction[index], identity[index]));
        }
        QCOMPARE(volume->voxelType, VoxelType::Int16);
        QCOMPARE(volume->modality, std::string("CT"));
        QCOMPARE(volume->rescaleType, std::string("HU"));
        QCOMPARE(volume->seriesDescription, std::string("Synthetic CT"));
        QCOMPARE(volume->sliceFiles.size(), std::size_t{40});
        QVERIFY(volume->sliceFiles[0].find("slice-000.dcm") != std::string::npos);
        QVERIFY(volume->sliceFiles[39].find("slice-039.dcm") != std::string::npos);
        compareWithPhantom(*volume, spec);

        // Spot checks in patient coordinates: the box's centre, the body, the air.
        const Vector3 boxCenter = volume->indexToPatient({46, 16, 28.5});
        QCOMPARE(volume->valueNearest(boxCenter).value_or(0), double(kBoxHu));
        QCOMPARE(volume->valueNearest(volume->indexToPatient({31, 31, 5})).value_or(0), double(kBodyHu));
        QCOMPARE(volume->valueNearest(volume->indexToPatient({0, 0, 0})).value_or(0), double(kAirHu));
        QVERIFY(!volume->valueNearest({0.0, 0.0, 100.0})); // above the top slice
        QCOMPARE(volume->valueRange(), (std::array<double, 2>{kAirHu, kBoxHu}));

        QCOMPARE(progress.size(), std::size_t{40});
        QCOMPARE(progress.front(), std::make_pair(1, 40));
        QCOMPARE(progress.back(), std::make_pair(40, 40));
    }

    void buildsObliqueSeries() {
        SyntheticSeriesSpec spec;
        // Rows along (cos 30°, sin 30°, 0); columns tilted 20° out of the axial plane.
        const double a = 30.0 * M_PI / 180.0;
        const double b = 20.0 * M_PI / 180.0;
        spec.orientation = {std::cos(a), std::sin(a), 0.0, -std::sin(a) * std::cos(b), std::cos(a) * std::cos(b),
                            std::sin(b)};
        spec.slices = 12;
        spec.shuffleSeed = 99;
        const dicom::SeriesInfo series = writeSeries(freshDirectory(), spec);
        const std::shared_ptr<const Volume> volume = VolumeBuilder::fromSeries(series);

        QCOMPARE(volume->dimensions, (std::array<int, 3>{64, 64, 12}));
        QVERIFY(near(volume->spacing[2], 2.5, 1e-3));
        const auto& o = spec.orientation;
        const Vector3 row{o[0], o[1], o[2]};
        const Vector3 column{o[3], o[4], o[5]};
        const Vector3 normal{row[1] * column[2] - row[2] * column[1], row[2] * column[0] - row[0] * column[2],
                             row[0] * column[1] - row[1] * column[0]};
        for (int axis = 0; axis < 3; ++axis) {
            QVERIFY(near(volume->axis(0)[axis], row[axis], 1e-4));
            QVERIFY(near(volume->axis(1)[axis], column[axis], 1e-4));
            QVERIFY(near(volume->axis(2)[axis], normal[axis], 1e-4));
            QVERIFY(near(volume->origin[axis], spec.firstPosition[axis], 1e-4));
        }
        // Voxel (i, j, k) is where slice k's pixel (row j, column i) was written.
        const Vector3 expected = [&] {
            const auto position = slicePosition(spec, 7);
            return Vector3{position[0] + 5 * 0.7 * row[0] + 9 * 0.8 * column[0],
                           position[1] + 5 * 0.7 * row[1] + 9 * 0.8 * column[1],
                           position[2] + 5 * 0.7 * row[2] + 9 * 0.8 * column[2]};
        }();
        const Vector3 actual = volume->indexToPatient({5, 9, 7});
        for (int axis = 0; axis < 3; ++axis) {
            QVERIFY(near(actual[axis], expected[axis], 1e-3));
        }
        const Vector3 index = volume->patientToIndex(expected);
        QVERIFY(near(index[0], 5, 1e-3) && near(index[1], 9, 1e-3) && near(index[2], 7, 1e-3));
        compareWithPhantom(*volume, spec);
    }

    void fractionalRescaleGivesFloatVoxels() {
        SyntheticSeriesSpec spec;
        spec.slices = 4;
        spec.rescaleSlope = 0.5;
        spec.rescaleIntercept = -1024.25;
        const dicom::SeriesInfo series = writeSeries(freshDirectory(), spec);
        const std::shared_ptr<const Volume> volume = VolumeBuilder::fromSeries(series);
        QCOMPARE(volume->voxelType, VoxelType::Float32);
        QVERIFY(volume->int16Voxels.empty());
        QCOMPARE(volume->floatVoxels.size(), volume->voxelCount());
        compareWithPhantom(*volume, spec);
    }

    void missingSliceIsNonUniformSpacing() {
        SyntheticSeriesSpec spec;
        spec.slices = 10;
        dicom::SeriesInfo series = writeSeries(freshDirectory(), spec);
        series.instances.erase(series.instances.begin() +
                               static_cast<std::ptrdiff_t>(instanceIndexOfSlice(series, 6)));
        const VolumeError error = expectError(series);
        QCOMPARE(error.kind(), VolumeError::Kind::InconsistentGeometry);
        const QString reason = QString::fromStdString(error.reason());
        QVERIFY2(reason.contains(QLatin1String("instance 6 (slice-005.dcm) and instance 8 (slice-007.dcm)")),
                 qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("is 5 mm but the other slices are 2.5 mm apart (a missing slice?)")),
                 qPrintable(reason));
        QVERIFY(error.filePath().find("slice-007.dcm") != std::string::npos);
        // what() names the series, for the UI.
        QVERIFY(QString::fromUtf8(error.what()).startsWith(QLatin1String("Series \"Synthetic CT\" (")));
        QVERIFY(QString::fromUtf8(error.what()).contains(QLatin1String("cannot be shown in 3-D: the gap between")));
    }

    void differingOrientationIsNamed() {
        SyntheticSeriesSpec spec;
        spec.slices = 8;
        const dicom::SeriesInfo series =
            writeSeries(freshDirectory(), spec, [](int slice, dicom::DicomImageToWrite& image) {
                if (slice == 3) {
                    image.imageOrientationPatient = std::array<double, 6>{1, 0, 0, 0, 0.9, -0.43589};
                }
            });
        const VolumeError error = expectError(series);
        QCOMPARE(error.kind(), VolumeError::Kind::InconsistentGeometry);
        const QString reason = QString::fromStdString(error.reason());
        QVERIFY2(reason.contains(QLatin1String("slice-003.dcm")) && reason.contains(QLatin1String("Image Orientation")),
                 qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("(1, 0, 0, 0, 0.9, -0.4359)")), qPrintable(reason));
    }

    void differingSizeIsNamed() {
        SyntheticSeriesSpec spec;
        spec.slices = 8;
        const dicom::SeriesInfo series =
            writeSeries(freshDirectory(), spec, [&spec](int slice, dicom::DicomImageToWrite& image) {
                if (slice == 5) {
                    SyntheticSeriesSpec smaller = spec;
                    smaller.rows = 60;
                    image = makeSliceImage(smaller, slice, image.seriesInstanceUid);
                }
            });
        const VolumeError error = expectError(series);
        QCOMPARE(error.kind(), VolumeError::Kind::InconsistentGeometry);
        const QString reason = QString::fromStdString(error.reason());
        QVERIFY2(reason.contains(QStringLiteral("instance 6 (slice-005.dcm) is 64×60 pixels")), qPrintable(reason));
        QVERIFY(error.filePath().find("slice-005.dcm") != std::string::npos);
    }

    void duplicatePositionIsNamed() {
        SyntheticSeriesSpec spec;
        spec.slices = 6;
        const dicom::SeriesInfo series =
            writeSeries(freshDirectory(), spec, [&spec](int slice, dicom::DicomImageToWrite& image) {
                if (slice == 4) {
                    image.imagePositionPatient = slicePosition(spec, 3);
                }
            });
        const QString reason = QString::fromStdString(expectError(series).reason());
        QVERIFY2(reason.contains(QLatin1String("are at the same position")), qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("slice-003.dcm")) && reason.contains(QLatin1String("slice-004.dcm")),
                 qPrintable(reason));
    }

    void gantryTiltIsRejected() {
        SyntheticSeriesSpec spec;
        spec.slices = 6;
        // Each slice shifted 0.5 mm further in y: a tilted stack, not a rectangular grid.
        const dicom::SeriesInfo series =
            writeSeries(freshDirectory(), spec, [&spec](int slice, dicom::DicomImageToWrite& image) {
                auto position = slicePosition(spec, slice);
                position[1] += 0.5 * slice;
                image.imagePositionPatient = position;
            });
        const VolumeError error = expectError(series);
        const QString reason = QString::fromStdString(error.reason());
        QVERIFY2(reason.contains(QLatin1String("off the line through instance 1 (slice-000.dcm)")), qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("gantry tilt")), qPrintable(reason));
    }

    void tooFewSlices() {
        SyntheticSeriesSpec spec;
        spec.slices = 2;
        const VolumeError error = expectError(writeSeries(freshDirectory(), spec));
        QCOMPARE(error.kind(), VolumeError::Kind::InconsistentGeometry);
        QCOMPARE(QString::fromStdString(error.reason()),
                 QStringLiteral("it has 2 slices; a volume needs at least 3"));
    }

    void missingGeometryIsUnsupported() {
        SyntheticSeriesSpec spec;
        spec.slices = 4;
        const dicom::SeriesInfo series =
            writeSeries(freshDirectory(), spec, [](int slice, dicom::DicomImageToWrite& image) {
                if (slice == 2) {
                    image.pixelSpacing.reset();
                }
            });
        const VolumeError error = expectError(series);
        QCOMPARE(error.kind(), VolumeError::Kind::UnsupportedImage);
        QCOMPARE(QString::fromStdString(error.reason()),
                 QStringLiteral("instance 3 (slice-002.dcm) has no Pixel Spacing (0028,0030)"));
    }

    void multiFrameIsUnsupported() {
        SyntheticSeriesSpec spec;
        spec.slices = 4;
        const dicom::SeriesInfo series =
            writeSeries(freshDirectory(), spec, [](int slice, dicom::DicomImageToWrite& image) {
                if (slice == 1) {
                    dicom::PixelData& pixels = image.pixels;
                    pixels.bytes.insert(pixels.bytes.end(), pixels.bytes.begin(), pixels.bytes.end());
                    pixels.frames = 2;
                }
            });
        const VolumeError error = expectError(series);
        QCOMPARE(error.kind(), VolumeError::Kind::UnsupportedImage);
        QCOMPARE(QString::fromStdString(error.reason()),
                 QStringLiteral("instance 2 (slice-001.dcm) has 2 frames; the 3-D view needs single-frame slices"));
    }

    void undecodableFileIsReported() {
        SyntheticSeriesSpec spec;
        spec.slices = 4;
        const dicom::SeriesInfo series = writeSeries(freshDirectory(), spec);
        // Truncate one file after its header was read: the geometry check passes, decoding fails.
        const std::string path = series.instances[instanceIndexOfSlice(series, 2)].filePath;
        std::filesystem::resize_file(path, std::filesystem::file_size(path) - 2000);
        const VolumeError error = expectError(series);
        QCOMPARE(error.kind(), VolumeError::Kind::DecodeFailed);
        QVERIFY2(QString::fromStdString(error.reason()).startsWith(QLatin1String("instance 3 (slice-002.dcm) could not be decoded: ")),
                 error.what());
        QCOMPARE(error.filePath(), path);
    }

    void cancelStopsBuilding() {
        SyntheticSeriesSpec spec;
        spec.slices = 6;
        const dicom::SeriesInfo series = writeSeries(freshDirectory(), spec);
        std::atomic<bool> cancel{false};
        VolumeBuildOptions options;
        options.cancel = &cancel;
        int decoded = 0;
        options.progress = [&](int done, int) {
            decoded = done;
            if (done == 2) {
                cancel = true;
            }
        };
        const VolumeError error = expectError(series, options);
        QCOMPARE(error.kind(), VolumeError::Kind::Cancelled);
        QCOMPARE(decoded, 2);
    }

    void checkGeometryNeedsNoPixels() {
        SyntheticSeriesSpec spec;
        spec.slices = 5;
        const dicom::SeriesInfo series = writeSeries(freshDirectory(), spec);
        for (const dicom::InstanceInfo& instance : series.instances) {
            std::filesystem::resize_file(instance.filePath, 600); // headers read already; pixels gone
        }
        const SeriesGeometry geometry = VolumeBuilder::checkGeometry(series);
        QCOMPARE(geometry.dimensions, (std::array<int, 3>{64, 64, 5}));
        QCOMPARE(geometry.sliceOrder.size(), std::size_t{5});
        for (int slice = 0; slice < 5; ++slice) {
            QCOMPARE(geometry.sliceOrder[static_cast<std::size_t>(slice)], instanceIndexOfSlice(series, slice));
        }
    }

    void buildsWhatTheScannerFinds() {
        // The path the application takes: scan a folder, pick the series, build.
        SyntheticSeriesSpec spec;
        spec.slices = 7;
        const std::string directory = freshDirectory();
        writeSeries(directory, spec);
        const dicom::ScanResult scan = dicom::scanPath(directory);
        QVERIFY(scan.errors.empty());
        const std::vector<const dicom::SeriesInfo*> all = scan.allSeries();
        QCOMPARE(all.size(), std::size_t{1});
        const std::shared_ptr<const Volume> volume = VolumeBuilder::fromSeries(*all.front());
        QCOMPARE(volume->dimensions, (std::array<int, 3>{64, 64, 7}));
        compareWithPhantom(*volume, spec);
    }
};

QTEST_GUILESS_MAIN(VolumeBuilderTest)
#include "VolumeBuilderTest.moc"
