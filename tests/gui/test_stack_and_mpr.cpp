// A CT series in the workstation: stack scrolling and cine in the 2-D viewport, then the MPR
// layout (real OpenGL under Xvfb), and a series with a missing slice that MPR must refuse.

#include "MainWindow.h"
#include "mpr/MprView.h"

#include "../mpr/SyntheticSeries.h"

#include <QAction>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace raddraft;
using raddraft::ui::MainWindow;

namespace {

void saveScreenshot(QWidget& window, const char* name)
{
    const QString folder = qEnvironmentVariable("RADDRAFT_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QTest::qWait(300); // let the OpenGL views finish their first frames
    QVERIFY(window.grab().save(folder + QLatin1Char('/') + QLatin1String(name)));
}

} // namespace

class TestStackAndMpr : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RadDraftTest"));
    }

    void scrollsPlaysAndReformatsACtSeries()
    {
        QTemporaryDir folder;
        mpr::test::writeSeries(folder.path().toStdString(), mpr::test::SyntheticSeriesSpec{});
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QSignalSpy displayed(&window, &MainWindow::studyDisplayed);
        window.openPath(folder.path());
        QVERIFY(displayed.wait(20000));

        // One series of 40 slices hangs alone, as a stack in space order.
        ui::ViewerPanel* panel = window.viewerPanel();
        QCOMPARE(panel->viewerLayout(), ui::ViewerLayout::Single);
        viewer::ImageViewport* viewport = panel->viewport(0);
        QCOMPARE(viewport->frameCount(), 40);
        const double firstZ = (*viewport->image()->info.imagePositionPatient)[2];
        window.action(QStringLiteral("nextFrame"))->trigger();
        QCOMPARE(viewport->currentFrame(), 1);
        QVERIFY(std::abs((*viewport->image()->info.imagePositionPatient)[2] - firstZ - 2.5) < 1e-6);
        window.action(QStringLiteral("lastFrame"))->trigger();
        QCOMPARE(viewport->currentFrame(), 39);
        // CT opens with its presets; the soft-tissue preset is among them.
        bool hasSoftTissue = false;
        for (const auto& preset : viewport->presets())
            hasSoftTissue |= preset.settings.window.center == 40.0 && preset.settings.window.width == 400.0;
        QVERIFY(hasSoftTissue);

        // Cine advances frames by itself.
        window.action(QStringLiteral("firstFrame"))->trigger();
        window.action(QStringLiteral("cine"))->trigger();
        QVERIFY(viewport->isCinePlaying());
        QTRY_VERIFY_WITH_TIMEOUT(viewport->currentFrame() >= 2, 3000);
        window.action(QStringLiteral("cine"))->trigger();
        QVERIFY(!viewport->isCinePlaying());
        window.action(QStringLiteral("reset"))->trigger();
        QCOMPARE(viewport->windowLevel().center, 40.0); // CT without a file window: soft tissue
        viewport->setFrame(30);
        saveScreenshot(window, "ct-stack.png");

        // MPR: the volume is built in the background and shown in three planes.
        QSignalSpy mpr(&window, &MainWindow::mprFinished);
        window.action(QStringLiteral("layoutMpr"))->trigger();
        QVERIFY(mpr.wait(20000));
        QCOMPARE(mpr.takeFirst().at(0).toBool(), true);
        QCOMPARE(panel->viewerLayout(), ui::ViewerLayout::Mpr);
        auto* mprView = qobject_cast<mpr::MprView*>(panel->mprWidget());
        QVERIFY(mprView);
        QVERIFY(mprView->volume());
        QCOMPARE(mprView->volume()->dimensions, (std::array<int, 3>{64, 64, 40}));
        saveScreenshot(window, "workstation-mpr.png");

        // Back to 2-D.
        window.action(QStringLiteral("layoutSingle"))->trigger();
        QCOMPARE(panel->viewerLayout(), ui::ViewerLayout::Single);
    }

    void refusesMprForASeriesWithAMissingSlice()
    {
        QTemporaryDir folder;
        mpr::test::writeSeries(folder.path().toStdString(), mpr::test::SyntheticSeriesSpec{});
        QVERIFY(QFile::remove(folder.filePath(QStringLiteral("slice-020.dcm"))));
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy displayed(&window, &MainWindow::studyDisplayed);
        window.openPath(folder.path());
        QVERIFY(displayed.wait(20000));
        QCOMPARE(window.viewerPanel()->viewport(0)->frameCount(), 39);

        QSignalSpy mpr(&window, &MainWindow::mprFinished);
        window.action(QStringLiteral("layoutMpr"))->trigger();
        QVERIFY(mpr.wait(20000));
        QCOMPARE(mpr.takeFirst().at(0).toBool(), false);
        QCOMPARE(window.viewerPanel()->viewerLayout(), ui::ViewerLayout::Single);
        QVERIFY(window.action(QStringLiteral("layoutSingle"))->isChecked());
        const QString problems = window.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QStringLiteral("missing slice")), qPrintable(problems));
    }
};

QTEST_MAIN(TestStackAndMpr)
#include "test_stack_and_mpr.moc"
