// raddraft-viewer-bench: the viewer's speed targets, measured (numbers go to docs/PERFORMANCE.md).
//   1. open a two-view study of 3000×2500 16-bit images → first pixels of both views on screen
//   2. window/level re-render of one 3000×2500 frame
//   3. decode throughput against DCMTK's own pipeline (what dcmj2pnm runs) and dcmj2pnm itself
// Usage: raddraft-viewer-bench [--repeat N] [--work-dir DIR]   (run under xvfb-run or offscreen)

#include "ChestSampleImage.h"
#include "MainWindow.h"
#include "dicom/DicomWriter.h"
#include "dicom/PixelDecoder.h"
#include "display/FrameRenderer.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <thread>

using namespace raddraft;
using Clock = std::chrono::steady_clock;

namespace {

struct Summary {
    double p50 = 0, p90 = 0, minimum = 0;
};

Summary summarise(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) { return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5)]; };
    return {at(0.5), at(0.9), values.front()};
}

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

dicom::DicomImageToWrite chestImage(int rows, int columns, bool frontal)
{
    samples::ChestSampleOptions options;
    options.rows = rows;
    options.columns = columns;
    dicom::DicomImageToWrite image = samples::renderChestImage(options, frontal ? samples::ChestView::Frontal : samples::ChestView::Lateral);
    image.patientName = "BENCHMARK^STUDY";
    image.seriesNumber = frontal ? 1 : 2;
    image.pixelSpacing = std::array<double, 2>{0.143, 0.143};
    image.windows = {{2150, 3000, "DEFAULT"}};
    return image;
}

// DCMTK decoding to stored values only: load, decompress to native little endian, get the array.
double dcmtkStoredValuesMilliseconds(const std::string& file)
{
    const auto start = Clock::now();
    DcmFileFormat format;
    if (format.loadFile(file.c_str()).bad())
        return -1;
    DcmDataset* dataset = format.getDataset();
    if (dataset->chooseRepresentation(EXS_LittleEndianExplicit, nullptr).bad())
        return -1;
    const Uint16* values = nullptr;
    if (dataset->findAndGetUint16Array(DCM_PixelData, values).bad() || !values)
        return -1;
    return millisecondsSince(start);
}

// DCMTK's display pipeline as dcmj2pnm runs it: load, decode (codecs), DicomImage, 8-bit output.
double dcmtkDecodeMilliseconds(const std::string& file)
{
    const auto start = Clock::now();
    DcmFileFormat format;
    if (format.loadFile(file.c_str()).bad())
        return -1;
    DicomImage image(&format, format.getDataset()->getOriginalXfer(), CIF_MayDetachPixelData);
    if (image.getStatus() != EIS_Normal)
        return -1;
    image.setWindow(0);
    const void* output = image.getOutputData(8);
    if (!output)
        return -1;
    return millisecondsSince(start);
}

double processMilliseconds(const QString& program, const QStringList& arguments)
{
    QProcess process;
    const auto start = Clock::now();
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        std::fprintf(stderr, "failed: %s %s\n%s\n", qPrintable(program), qPrintable(arguments.join(QLatin1Char(' '))),
                     process.readAllStandardError().constData());
        return -1;
    }
    return millisecondsSince(start);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Repetitions per measurement."), QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption cliOption(QStringLiteral("cli"), QStringLiteral("Path of raddraft-cli for the process comparison."), QStringLiteral("PATH"));
    parser.addOption(repeatOption);
    parser.addOption(cliOption);
    parser.process(application);
    const int repeat = std::max(3, parser.value(repeatOption).toInt());

    DJDecoderRegistration::registerCodecs();
    DJLSDecoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();

    QTemporaryDir work;
    const int rows = 3000, columns = 2500;
    std::printf("RadDraft viewer benchmark: %d×%d 16-bit (12 stored), %u hardware threads, %d repetitions\n\n", columns, rows,
                std::thread::hardware_concurrency(), repeat);

    // Two copies of the study so that consecutive opens never reuse an in-process cache.
    for (const char* copy : {"a", "b"}) {
        std::filesystem::create_directories(work.filePath(QString::fromLatin1(copy)).toStdString());
        for (const bool frontal : {true, false}) {
            dicom::DicomImageToWrite image = chestImage(rows, columns, frontal);
            image.studyInstanceUid = std::string("2.25.1") + (copy[0] == 'a' ? "1" : "2");
            dicom::writeDicomFile(work.filePath(QStringLiteral("%1/%2.dcm").arg(QLatin1String(copy), frontal ? QStringLiteral("pa") : QStringLiteral("lat"))).toStdString(), image);
        }
    }

    // 1. Open → first pixels of both views painted, through the real main window.
    {
        ui::MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QCoreApplication::processEvents();
        std::vector<double> times;
        for (int i = 0; i < repeat + 1; ++i) {
            const QString path = work.filePath(QLatin1String(i % 2 ? "b" : "a"));
            bool painted[2] = {false, false};
            QMetaObject::Connection connections[2];
            for (int v = 0; v < 2; ++v)
                connections[v] = QObject::connect(window.viewerPanel()->viewport(v), &viewer::ImageViewport::painted, [&, v] {
                    if (window.viewerPanel()->viewport(v)->hasImage())
                        painted[v] = true;
                });
            const auto start = Clock::now();
            window.openPath(path);
            while (!(painted[0] && painted[1]) && millisecondsSince(start) < 20000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            const double elapsed = millisecondsSince(start);
            for (auto& connection : connections)
                QObject::disconnect(connection);
            if (i > 0) // the first open also pays one-time costs (codec registration, fonts)
                times.push_back(elapsed);
        }
        const Summary summary = summarise(times);
        std::printf("open two-view study → first pixels on screen   p50 %7.1f ms   p90 %7.1f ms   min %7.1f ms   (target ≤ 100 ms)\n",
                    summary.p50, summary.p90, summary.minimum);
    }

    // 2. Window/level re-render of one frame: LUT rebuild + one lookup per pixel.
    {
        auto image = std::make_shared<const dicom::DecodedImage>(dicom::decodeFile(work.filePath(QStringLiteral("a/pa.dcm")).toStdString()));
        viewer::FrameRenderer renderer;
        renderer.setImage(image);
        QImage target;
        std::vector<double> times;
        for (int i = 0; i < repeat * 4; ++i) {
            viewer::DisplaySettings settings;
            settings.window = {2000.0 + i, 2500.0 + 10 * i};
            const auto start = Clock::now();
            renderer.render(0, settings, target);
            times.push_back(millisecondsSince(start));
        }
        const Summary summary = summarise(times);
        std::printf("window/level re-render of one %d×%d frame      p50 %7.2f ms   p90 %7.2f ms   min %7.2f ms   (target ≤ 8 ms)\n",
                    columns, rows, summary.p50, summary.p90, summary.minimum);
    }

    // 3. Decode: the same files in every transfer syntax we write, RadDraft vs DCMTK's pipeline.
    std::printf("\ndecode of one %d×%d frame (file in page cache), median of %d:\n", columns, rows, repeat);
    std::printf("  %-20s %8s | %10s %10s %7s | %10s %10s %7s\n", "", "", "stored", "values", "", "8-bit", "display", "");
    std::printf("  %-20s %8s | %10s %10s %7s | %10s %10s %7s\n", "transfer syntax", "file MB", "RadDraft", "DCMTK",
                "DCMTK/", "RadDraft", "DCMTK", "DCMTK/");
    std::printf("  %-20s %8s | %10s %10s %7s | %10s %10s %7s\n", "", "", "ms", "ms", "ours", "ms", "ms", "ours");
    const dicom::DicomImageToWrite frontal = chestImage(rows, columns, true);
    QStringList filesForProcesses;
    for (const dicom::WriteTransferSyntax syntax : dicom::allWriteTransferSyntaxes()) {
        const QString file = work.filePath(QStringLiteral("syntax-%1.dcm").arg(QLatin1String(dicom::writeTransferSyntaxName(syntax))));
        dicom::DicomWriteOptions options;
        options.transferSyntax = syntax;
        dicom::writeDicomFile(file.toStdString(), frontal, options);
        filesForProcesses << file;
        std::vector<double> ours, oursRendered, dcmtk, dcmtkStored;
        for (int i = 0; i < repeat; ++i) {
            auto start = Clock::now();
            auto decoded = std::make_shared<const dicom::DecodedImage>(dicom::decodeFile(file.toStdString()));
            ours.push_back(millisecondsSince(start));
            viewer::FrameRenderer renderer;
            renderer.setImage(decoded);
            QImage target;
            renderer.render(0, viewer::DisplaySettings{{2150, 3000}, viewer::VoiFunction::Linear, -1, false}, target);
            oursRendered.push_back(millisecondsSince(start));
            dcmtk.push_back(dcmtkDecodeMilliseconds(file.toStdString()));
            dcmtkStored.push_back(dcmtkStoredValuesMilliseconds(file.toStdString()));
        }
        const double stored = summarise(ours).p50, dcmtkStoredMedian = summarise(dcmtkStored).p50;
        const double rendered = summarise(oursRendered).p50, dcmtkRendered = summarise(dcmtk).p50;
        std::printf("  %-20s %8.1f | %10.1f %10.1f %6.2f× | %10.1f %10.1f %6.2f×\n", dicom::writeTransferSyntaxName(syntax),
                    static_cast<double>(std::filesystem::file_size(file.toStdString())) / 1e6, stored, dcmtkStoredMedian,
                    dcmtkStoredMedian / stored, rendered, dcmtkRendered, dcmtkRendered / rendered);
    }

    // Whole processes: `raddraft-cli pixels` against `dcmj2pnm` on the same files.
    const QString cli = parser.value(cliOption);
    if (!cli.isEmpty()) {
        std::printf("\nwhole process, median of %d (startup included):\n", repeat);
        std::printf("  %-22s %22s %22s\n", "transfer syntax", "raddraft-cli pixels", "dcmj2pnm/dcml2pnm");
        for (const QString& file : filesForProcesses) {
            std::vector<double> ours, theirs;
            for (int i = 0; i < repeat; ++i) {
                ours.push_back(processMilliseconds(cli, {QStringLiteral("pixels"), file, QStringLiteral("--out"), work.filePath(QStringLiteral("out.npy"))}));
                // dcmj2pnm has no JPEG-LS codec; DCMTK ships dcml2pnm for that.
                const QString tool = file.contains(QStringLiteral("jpeg-ls")) ? QStringLiteral("dcml2pnm") : QStringLiteral("dcmj2pnm");
                theirs.push_back(processMilliseconds(tool, {file, work.filePath(QStringLiteral("out.pgm"))}));
            }
            std::printf("  %-22s %19.1f ms %19.1f ms\n", qPrintable(QFileInfo(file).completeBaseName().mid(7)), summarise(ours).p50,
                        summarise(theirs).p50);
        }
    }
    DJDecoderRegistration::cleanup();
    DJLSDecoderRegistration::cleanup();
    DcmRLEDecoderRegistration::cleanup();
    return 0;
}
