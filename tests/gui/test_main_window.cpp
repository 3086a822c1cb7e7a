// The workstation's main window on the bundled sample study: hanging, window/level, zoom,
// measurements, keyboard shortcuts, the study model, and a folder with broken files.

#include "MainWindow.h"
#include "ShortcutHelpDialog.h"
#include "StudyTreeModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace raddraft;
using raddraft::ui::MainWindow;
using raddraft::viewer::ImageViewport;

namespace {

QString sampleStudyPath()
{
    return qEnvironmentVariable("RADDRAFT_SOURCE_DIR") + QStringLiteral("/resources/samples/phantom-cardiomegaly-effusion");
}

void sendMouse(QWidget* widget, QEvent::Type type, QPointF position, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget* widget, QPointF from, QPointF to, Qt::MouseButton button)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, button, button);
    for (int step = 1; step <= 5; ++step)
        sendMouse(widget, QEvent::MouseMove, from + (to - from) * step / 5.0, Qt::NoButton, button);
    sendMouse(widget, QEvent::MouseButtonRelease, to, button, Qt::NoButton);
}

// With RADDRAFT_SCREENSHOT_DIR set (packaging/screenshots.sh), tests save what they show.
void saveScreenshot(QWidget& window, const char* name)
{
    const QString folder = qEnvironmentVariable("RADDRAFT_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QCoreApplication::processEvents();
    QVERIFY(window.grab().save(folder + QLatin1Char('/') + QLatin1String(name)));
}

bool openAndWait(MainWindow& window, const QString& path)
{
    // Shortcuts only reach an active window (on a real X server as on the offscreen platform).
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    QSignalSpy displayed(&window, &MainWindow::studyDisplayed);
    window.openPath(path);
    return displayed.wait(20000);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("RadDraftTest"));
        QVERIFY2(QFile::exists(sampleStudyPath() + QStringLiteral("/frontal.dcm")), qPrintable(sampleStudyPath()));
    }

    void hangsTheSampleChestStudy()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, sampleStudyPath()));
        ui::ViewerPanel* panel = window.viewerPanel();
        QCOMPARE(panel->viewerLayout(), ui::ViewerLayout::SideBySide);
        QVERIFY(panel->viewport(0)->hasImage());
        QVERIFY(panel->viewport(1)->hasImage());
        QCOMPARE(panel->viewport(0)->image()->info.viewPosition, std::string("PA"));
        QCOMPARE(panel->viewport(1)->image()->info.viewPosition, std::string("LL"));
        QVERIFY(window.problems().isEmpty());

        // The study tree: one patient, one study, two series; a valid item model.
        QAbstractItemModelTester tester(window.studyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(window.studyModel()->rowCount(), 1);
        const QModelIndex study = window.studyModel()->index(0, 0, window.studyModel()->index(0, 0));
        QCOMPARE(window.studyModel()->rowCount(study), 2);
    }

    void windowLevelZoomAndViewCommands()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, sampleStudyPath()));
        ImageViewport* viewport = window.viewerPanel()->viewport(0);

        // The file's first window is the default; the second file window is preset 2.
        QCOMPARE(viewport->windowLevel().center, 32768.0);
        QCOMPARE(viewport->windowLevel().width, 65536.0);
        window.action(QStringLiteral("preset2"))->trigger();
        QCOMPARE(viewport->windowLevel().center, 20000.0);
        QCOMPARE(viewport->windowLevel().width, 24000.0);
        QVERIFY(viewport->activePresetName().contains(QStringLiteral("LUNG")));

        // Right-drag: to the right widens the window, upwards raises... the level goes down.
        const QImage before = viewport->renderedFrame().copy();
        const QPointF centre(viewport->width() / 2.0, viewport->height() / 2.0);
        drag(viewport, centre, centre + QPointF(100, 50), Qt::RightButton);
        QVERIFY(viewport->windowLevel().width > 24000.0);
        QVERIFY(viewport->windowLevel().center < 20000.0);
        QVERIFY(viewport->activePresetName().isEmpty());
        QVERIFY(viewport->renderedFrame() != before);

        // Zoom in/out and fit.
        const double fitted = viewport->geometry().zoom();
        window.action(QStringLiteral("zoomIn"))->trigger();
        QVERIFY(std::abs(viewport->geometry().zoom() - fitted * 1.25) < 1e-9);
        window.action(QStringLiteral("fit"))->trigger();
        QVERIFY(std::abs(viewport->geometry().zoom() - fitted) < 1e-9);

        // Keyboard shortcuts reach the active viewport.
        QVERIFY(!viewport->displaySettings().invert);
        QTest::keyClick(&window, Qt::Key_I);
        QVERIFY(viewport->displaySettings().invert);
        QTest::keyClick(&window, Qt::Key_R);
        QCOMPARE(viewport->geometry().rotationDegrees(), 90);
        QTest::keyClick(&window, Qt::Key_H);
        QVERIFY(viewport->geometry().flippedHorizontally());
        window.action(QStringLiteral("reset"))->trigger();
        QCOMPARE(viewport->geometry().rotationDegrees(), 0);
        QVERIFY(!viewport->geometry().flippedHorizontally());
        QCOMPARE(viewport->windowLevel().width, 65536.0);

        // The pixel probe reads stored values under the mouse.
        sendMouse(viewport, QEvent::MouseMove, centre, Qt::NoButton, Qt::NoButton);
        QVERIFY(viewport->probeText().contains(QStringLiteral("stored")));
    }

    void distanceAndAngleMeasurements()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, sampleStudyPath()));
        ImageViewport* viewport = window.viewerPanel()->viewport(0);

        QTest::keyClick(&window, Qt::Key_M);
        QCOMPARE(viewport->activeTool(), viewer::ViewportTool::Distance);
        const QPointF from(200, 300), to(400, 300);
        drag(viewport, from, to, Qt::LeftButton);
        QCOMPARE(viewport->measurements().items().size(), std::size_t{1});
        const viewer::Measurement distance = viewport->measurements().items().front(); // a copy: the list grows below
        // The sample has 0.37109375 mm pixels (380 mm over 1024): length = image length × that.
        const QLineF imageLine(viewport->geometry().toImage(from), viewport->geometry().toImage(to));
        QVERIFY(std::abs(distance.value(viewport->spacing()) - imageLine.length() * 0.37109375) < 1e-6);
        QCOMPARE(viewport->spacing().source, viewer::PhysicalSpacing::Source::PixelSpacing);

        // Angle: drag the first arm, then click the end of the second.
        QTest::keyClick(&window, Qt::Key_A);
        drag(viewport, QPointF(250, 600), QPointF(350, 600), Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseMove, QPointF(350, 500), Qt::NoButton, Qt::NoButton);
        sendMouse(viewport, QEvent::MouseButtonPress, QPointF(350, 500), Qt::LeftButton, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseButtonRelease, QPointF(350, 500), Qt::LeftButton, Qt::NoButton);
        QCOMPARE(viewport->measurements().items().size(), std::size_t{2});
        QVERIFY(std::abs(viewport->measurements().items().back().value(viewport->spacing()) - 90.0) < 0.5);
        sendMouse(viewport, QEvent::MouseMove, QPointF(420, 520), Qt::NoButton, Qt::NoButton); // the probe
        saveScreenshot(window, "viewer-measurements.png");

        // Selecting the distance and pressing Delete removes it.
        QTest::keyClick(&window, Qt::Key_W);
        sendMouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseButtonRelease, from, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(viewport->measurements().selectedId(), std::optional<int>(distance.id));
        QTest::keyClick(&window, Qt::Key_Delete);
        QCOMPARE(viewport->measurements().items().size(), std::size_t{1});
        QCOMPARE(viewport->measurements().items().front().kind, viewer::Measurement::Kind::Angle);
    }

    void shortcutHelpListsEveryShortcut()
    {
        MainWindow window;
        ui::ShortcutHelpDialog dialog(window.commandActions());
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("shortcutTable"));
        QVERIFY(table);
        int withShortcut = 0;
        for (QAction* action : window.commandActions())
            if (!action->shortcut().isEmpty())
                ++withShortcut;
        QCOMPARE(table->rowCount(), withShortcut);
        QVERIFY(withShortcut >= 30);
        // No two commands share a key.
        QSet<QString> keys;
        for (QAction* action : window.commandActions())
            if (!action->shortcut().isEmpty()) {
                const QString key = action->shortcut().toString();
                QVERIFY2(!keys.contains(key), qPrintable(key));
                keys.insert(key);
            }
    }

    void brokenFilesAreReportedAndTheRestLoads()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        for (const char* name : {"frontal.dcm", "lateral.dcm"})
            QVERIFY(QFile::copy(sampleStudyPath() + QLatin1Char('/') + QLatin1String(name), folder.filePath(QLatin1String(name))));
        // A truncated copy of a real file, and bytes that are not DICOM at all.
        QFile source(sampleStudyPath() + QStringLiteral("/frontal.dcm"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QFile truncated(folder.filePath(QStringLiteral("truncated.dcm")));
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        truncated.write(source.read(2000));
        truncated.close();
        QFile garbage(folder.filePath(QStringLiteral("garbage.dcm")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();

        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, folder.path()));
        QVERIFY(window.viewerPanel()->viewport(0)->hasImage());
        QVERIFY(window.viewerPanel()->viewport(1)->hasImage());
        const QString problems = window.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QStringLiteral("truncated.dcm")), qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("garbage.dcm")), qPrintable(problems));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
