#include "EvaluationPlots.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>

#include <stdexcept>

namespace raddraft::cli {

namespace {

constexpr int kWidth = 900;
constexpr int kHeight = 760;
const QRectF kPlotArea(80, 60, 560, 560);

// Distinguishable colours (Okabe–Ito, then Tableau), reused cyclically with a dash pattern.
const QColor kPalette[] = {QColor(0, 114, 178),  QColor(213, 94, 0),   QColor(0, 158, 115), QColor(204, 121, 167),
                           QColor(230, 159, 0),  QColor(86, 180, 233), QColor(0, 0, 0),     QColor(148, 103, 189),
                           QColor(140, 86, 75),  QColor(127, 127, 127)};

QPointF toCanvas(double x, double y) {
    return {kPlotArea.left() + x * kPlotArea.width(), kPlotArea.bottom() - y * kPlotArea.height()};
}

void drawAxes(QPainter& painter, const QString& title, const QString& xLabel, const QString& yLabel) {
    painter.fillRect(QRectF(0, 0, kWidth, kHeight), Qt::white);
    painter.setPen(QPen(QColor(225, 225, 225), 1));
    for (int i = 1; i < 10; ++i) {
        painter.drawLine(toCanvas(i / 10.0, 0), toCanvas(i / 10.0, 1));
        painter.drawLine(toCanvas(0, i / 10.0), toCanvas(1, i / 10.0));
    }
    painter.setPen(QPen(Qt::black, 1.5));
    painter.drawRect(kPlotArea);
    QFont font = painter.font();
    font.setPixelSize(14);
    painter.setFont(font);
    for (int i = 0; i <= 10; i += 2) {
        const QString tick = QString::number(i / 10.0, 'f', 1);
        painter.drawText(QRectF(toCanvas(i / 10.0, 0).x() - 20, kPlotArea.bottom() + 6, 40, 18), Qt::AlignCenter, tick);
        painter.drawText(QRectF(kPlotArea.left() - 46, toCanvas(0, i / 10.0).y() - 9, 40, 18), Qt::AlignRight, tick);
    }
    painter.drawText(QRectF(kPlotArea.left(), kPlotArea.bottom() + 30, kPlotArea.width(), 20), Qt::AlignCenter, xLabel);
    painter.save();
    painter.translate(22, kPlotArea.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-kPlotArea.height() / 2, -10, kPlotArea.height(), 20), Qt::AlignCenter, yLabel);
    painter.restore();
    font.setPixelSize(16);
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(QRectF(0, 15, kWidth, 30), Qt::AlignCenter, title);
    font.setBold(false);
    font.setPixelSize(13);
    painter.setFont(font);
}

void save(const QImage& image, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        throw std::runtime_error(path.toStdString() + ": " + file.errorString().toStdString());
}

QImage canvas() {
    QImage image(kWidth, kHeight, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

} // namespace

std::vector<std::string> writeEvaluationPlots(const evaluation::ModelEvaluationResult& result, const std::string& directory,
                                              const std::string& title) {
    if (!QDir().mkpath(QString::fromStdString(directory)))
        throw std::runtime_error(directory + ": cannot create the plot directory");
    const QDir folder(QString::fromStdString(directory));
    std::vector<std::string> written;

    if (!result.rocCurves.empty()) {
        QImage image = canvas();
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawAxes(painter, QString::fromStdString(title) + QStringLiteral(" — tag ROC curves"),
                 QStringLiteral("false positive rate"), QStringLiteral("true positive rate"));
        painter.setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
        painter.drawLine(toCanvas(0, 0), toCanvas(1, 1));
        int index = 0;
        for (const auto& [label, points] : result.rocCurves) {
            const int count = int(std::size(kPalette));
            QPen pen(kPalette[index % count], 2, index < count ? Qt::SolidLine : Qt::DashLine);
            QPainterPath path(toCanvas(points.front().falsePositiveRate, points.front().truePositiveRate));
            for (const evaluation::RocPoint& point : points)
                path.lineTo(toCanvas(point.falsePositiveRate, point.truePositiveRate));
            painter.setPen(pen);
            painter.drawPath(path);
            const double auc = result.tagAuc->perLabel.at(label).value_or(0.0);
            const double y = kPlotArea.top() + 10 + index * 22;
            painter.drawLine(QPointF(kPlotArea.right() + 20, y + 8), QPointF(kPlotArea.right() + 48, y + 8));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(kPlotArea.right() + 54, y, 210, 18), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("%1  %2").arg(QString::fromStdString(label)).arg(auc, 0, 'f', 3));
            ++index;
        }
        if (result.tagAuc && result.tagAuc->macro) {
            painter.drawText(QRectF(kPlotArea.right() + 20, kPlotArea.top() + 16 + index * 22, 240, 18), Qt::AlignLeft,
                             QStringLiteral("macro AUC %1").arg(*result.tagAuc->macro, 0, 'f', 3));
        }
        painter.end();
        const QString path = folder.filePath(QStringLiteral("roc.png"));
        save(image, path);
        written.push_back(path.toStdString());
    }

    if (result.calibration && result.calibration->total > 0) {
        const evaluation::Calibration& calibration = *result.calibration;
        QImage image = canvas();
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawAxes(painter, QString::fromStdString(title) + QStringLiteral(" — reliability diagram"),
                 QStringLiteral("predicted probability"), QStringLiteral("observed frequency"));
        painter.setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
        painter.drawLine(toCanvas(0, 0), toCanvas(1, 1));
        long largest = 1;
        for (const evaluation::ReliabilityBin& bin : calibration.bins) largest = std::max(largest, bin.count);
        for (const evaluation::ReliabilityBin& bin : calibration.bins) {
            if (bin.count == 0) continue;
            // Bars: observed frequency per bin; a thin grey bar below shows how many pairs it holds.
            const QRectF bar(toCanvas(bin.lower, bin.observedFrequency), toCanvas(bin.upper, 0));
            painter.fillRect(bar.adjusted(2, 0, -2, 0), QColor(0, 114, 178, 170));
            const double share = double(bin.count) / double(largest);
            painter.fillRect(QRectF(toCanvas(bin.lower, 0).x() + 2, kPlotArea.bottom() - 4 - 36 * share,
                                    toCanvas(bin.upper, 0).x() - toCanvas(bin.lower, 0).x() - 4, 36 * share),
                             QColor(120, 120, 120, 200));
            painter.setPen(QPen(QColor(213, 94, 0), 2));
            painter.drawEllipse(toCanvas((bin.lower + bin.upper) / 2, bin.meanConfidence), 3, 3);
        }
        painter.setPen(Qt::black);
        const double left = kPlotArea.right() + 20;
        painter.fillRect(QRectF(left, kPlotArea.top() + 10, 24, 12), QColor(0, 114, 178, 170));
        painter.drawText(QRectF(left + 30, kPlotArea.top() + 6, 220, 20), Qt::AlignLeft, QStringLiteral("observed frequency"));
        painter.setPen(QPen(QColor(213, 94, 0), 2));
        painter.drawEllipse(QPointF(left + 12, kPlotArea.top() + 42), 3, 3);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(left + 30, kPlotArea.top() + 32, 220, 20), Qt::AlignLeft, QStringLiteral("mean confidence"));
        painter.fillRect(QRectF(left, kPlotArea.top() + 64, 24, 12), QColor(120, 120, 120, 200));
        painter.drawText(QRectF(left + 30, kPlotArea.top() + 60, 220, 20), Qt::AlignLeft, QStringLiteral("pairs per bin"));
        painter.drawText(QRectF(left, kPlotArea.top() + 96, 240, 20), Qt::AlignLeft,
                         QStringLiteral("ECE %1 over %2 pairs").arg(calibration.expectedCalibrationError, 0, 'f', 4)
                             .arg(calibration.total));
        painter.end();
        const QString path = folder.filePath(QStringLiteral("reliability.png"));
        save(image, path);
        written.push_back(path.toStdString());
    }
    return written;
}

} // namespace raddraft::cli
