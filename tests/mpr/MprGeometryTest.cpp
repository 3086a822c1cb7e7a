// The plane geometry and the VTK conversion, without a window: for volumes stored in different
// orientations, vtkImageReslice with our reslice axes must return, at every output sample, the
// voxel at that sample's patient position.

#include "mpr/MprGeometry.h"
#include "mpr/VtkVolumeImage.h"

#include <QTest>

#include <vtkImageData.h>
#include <vtkImageReslice.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>

#include <cmath>

using namespace raddraft::mpr;

using Direction = std::array<double, 9>;
Q_DECLARE_METATYPE(Direction)

namespace {

/// A small volume whose every voxel value encodes its index: i + 10·j + 100·k.
std::shared_ptr<const Volume> indexedVolume(const std::array<double, 9>& direction) {
    auto volume = std::make_shared<Volume>();
    volume->dimensions = {7, 5, 6};
    volume->spacing = {0.5, 0.75, 2.0};
    volume->origin = {10.0, -20.0, 30.0};
    volume->direction = direction;
    volume->int16Voxels.resize(volume->voxelCount());
    for (int k = 0; k < 6; ++k) {
        for (int j = 0; j < 5; ++j) {
            for (int i = 0; i < 7; ++i) {
                volume->int16Voxels[volume->linearIndex(i, j, k)] = static_cast<std::int16_t>(i + 10 * j + 100 * k);
            }
        }
    }
    return volume;
}

bool near(double a, double b, double tolerance = 1e-9) { return std::abs(a - b) <= tolerance; }

} // namespace

class MprGeometryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void planeConventions() {
        // Radiological convention: patient's left on screen right in axial and coronal views.
        QCOMPARE(orientationLabel(planeAxes(MprPlane::Axial).right), std::string("L"));
        QCOMPARE(orientationLabel(planeAxes(MprPlane::Axial).up), std::string("A"));
        QCOMPARE(orientationLabel(planeAxes(MprPlane::Coronal).right), std::string("L"));
        QCOMPARE(orientationLabel(planeAxes(MprPlane::Coronal).up), std::string("S"));
        QCOMPARE(orientationLabel(planeAxes(MprPlane::Sagittal).right), std::string("P"));
        QCOMPARE(orientationLabel(planeAxes(MprPlane::Sagittal).up), std::string("S"));
        QCOMPARE(planeAxes(MprPlane::Axial).normalAxis, 2);
        QCOMPARE(planeAxes(MprPlane::Coronal).normalAxis, 1);
        QCOMPARE(planeAxes(MprPlane::Sagittal).normalAxis, 0);
        QCOMPARE(orientationLabel({-0.7071, 0.0, -0.7071}), std::string("RI"));
        QCOMPARE(orientationLabel({0.2, -0.9, 0.1}), std::string("A"));
    }

    void samplingGridOfAlignedVolume() {
        const auto volume = indexedVolume({1, 0, 0, 0, 1, 0, 0, 0, 1});
        const SamplingGrid grid = SamplingGrid::forVolume(*volume);
        QCOMPARE(grid.count, (std::array<int, 3>{7, 5, 6}));
        QCOMPARE(grid.step, (std::array<double, 3>{0.5, 0.75, 2.0}));
        QCOMPARE(grid.minimum, (Vector3{10.0, -20.0, 30.0}));
        // Snapping clamps to the grid and rounds to the nearest sample.
        QCOMPARE(grid.snap({10.74, -100.0, 33.1}), (Vector3{10.5, -20.0, 34.0}));
        QCOMPARE(grid.nearestIndex(2, 1000.0), 5);
        QCOMPARE(grid.center(), (Vector3{11.5, -18.5, 34.0}));
    }

    void samplingGridOfPermutedVolume() {
        // A sagittal acquisition: rows run posterior, columns inferior, slices towards the right.
        const auto volume = indexedVolume({0, 0, -1, 1, 0, 0, 0, -1, 0});
        const SamplingGrid grid = SamplingGrid::forVolume(*volume);
        QCOMPARE(grid.step, (std::array<double, 3>{2.0, 0.5, 0.75}));
        QCOMPARE(grid.count, (std::array<int, 3>{6, 7, 5}));
        const Vector3 lastVoxel = volume->indexToPatient({6, 4, 5});
        QVERIFY(near(grid.minimum[0], std::min(volume->origin[0], lastVoxel[0])));
        QVERIFY(near(grid.minimum[2], std::min(volume->origin[2], lastVoxel[2])));
    }

    void patientImageMatchesVolume() {
        const auto volume = indexedVolume({0, 0, -1, 1, 0, 0, 0, -1, 0});
        const VtkVolumeImage image(volume);
        double physical[3];
        image.patientImage()->TransformIndexToPhysicalPoint(3, 2, 4, physical);
        const Vector3 expected = volume->indexToPatient({3, 2, 4});
        for (int axis = 0; axis < 3; ++axis) {
            QVERIFY(near(physical[axis], expected[axis]));
        }
        QCOMPARE(image.patientImage()->GetScalarComponentAsDouble(3, 2, 4, 0), 3.0 + 20.0 + 400.0);
        // No copy: both images read the volume's own memory.
        QCOMPARE(image.gridImage()->GetScalarPointer(), static_cast<void*>(const_cast<std::int16_t*>(volume->int16Voxels.data())));
        QCOMPARE(image.gridImage()->GetScalarPointer(), image.patientImage()->GetScalarPointer());
    }

    void resliceReturnsTheVoxelAtEachSample_data() {
        QTest::addColumn<Direction>("direction");
        QTest::newRow("axial, head first") << Direction{1, 0, 0, 0, 1, 0, 0, 0, 1};
        QTest::newRow("axial, flipped rows and columns") << Direction{-1, 0, 0, 0, -1, 0, 0, 0, 1};
        QTest::newRow("sagittal acquisition") << Direction{0, 0, -1, 1, 0, 0, 0, -1, 0};
        QTest::newRow("coronal acquisition") << Direction{1, 0, 0, 0, 0, -1, 0, 1, 0};
    }

    void resliceReturnsTheVoxelAtEachSample() {
        QFETCH(Direction, direction);
        const auto volume = indexedVolume(direction);
        const VtkVolumeImage image(volume);
        const SamplingGrid grid = SamplingGrid::forVolume(*volume);
        // A crosshair away from the middle, so that a wrong sign along any normal shows.
        const Vector3 crosshair = grid.snap(volume->indexToPatient({1, 3, 4}));

        for (MprPlane plane : {MprPlane::Axial, MprPlane::Coronal, MprPlane::Sagittal}) {
            const SliceFrame frame = sliceFrame(plane, grid, crosshair);
            vtkNew<vtkMatrix4x4> axes;
            axes->DeepCopy(resliceAxes(frame, *volume).data());
            vtkNew<vtkImageReslice> reslice;
            reslice->SetInputData(image.gridImage());
            reslice->SetResliceAxes(axes);
            reslice->SetInterpolationModeToLinear();
            reslice->SetOutputDimensionality(2);
            reslice->SetOutputOrigin(0, 0, 0);
            reslice->SetOutputSpacing(frame.stepRight, frame.stepUp, 1.0);
            reslice->SetOutputExtent(0, frame.countRight - 1, 0, frame.countUp - 1, 0, 0);
            reslice->SetBackgroundLevel(-1);
            reslice->Update();
            vtkImageData* output = reslice->GetOutput();

            int checked = 0;
            for (int b = 0; b < frame.countUp; ++b) {
                for (int a = 0; a < frame.countRight; ++a) {
                    const Vector3 point = frame.patientPoint(a * frame.stepRight, b * frame.stepUp);
                    const std::optional<double> expected = volume->valueNearest(point);
                    QVERIFY2(expected, "every sample of the grid lies on a voxel centre");
                    const double actual = output->GetScalarComponentAsDouble(a, b, 0, 0);
                    if (actual != *expected) {
                        QFAIL(qPrintable(QStringLiteral("%1 sample (%2, %3): %4, expected %5")
                                             .arg(QLatin1String(planeName(plane)))
                                             .arg(a)
                                             .arg(b)
                                             .arg(actual)
                                             .arg(*expected)));
                    }
                    ++checked;
                }
            }
            QCOMPARE(checked, frame.countRight * frame.countUp);
            // The plane passes through the crosshair, whose voxel is (1, 3, 4).
            QCOMPARE(frame.patientPoint(frame.planeCoordinates(crosshair)[0], frame.planeCoordinates(crosshair)[1]),
                     crosshair);
            QCOMPARE(volume->valueNearest(crosshair).value_or(-1), 1.0 + 30.0 + 400.0);
        }
    }
};

QTEST_GUILESS_MAIN(MprGeometryTest)
#include "MprGeometryTest.moc"
