#include "TrainingCurvesPlot.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <vector>

namespace raddraft::cli {

namespace {

constexpr int kWidth = 1100;
constexpr int kHeight = 490;
const QRectF kLossArea(70, 60, 420, 320);
const QRectF kMetricArea(620, 60, 420, 320);
const char* const kColumns[] = {"stage", "epoch", "step", "train_loss", "val_loss", "val_tag_auc",
                                "val_bleu4", "val_ce_f1", "learning_rate", "seconds"};

struct Row {
    QString stage;
    int epoch = 0;
    std::map<QString, double> values; // column → value; a missing cell is absent
};

std::vector<Row> readCurves(const std::string& csvPath)
{
    QFile file(QString::fromStdString(csvPath));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw std::runtime_error(csvPath + ": " + file.errorString().toStdString());
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        throw std::runtime_error(csvPath + ": empty");
    const QStringList header = lines.front().trimmed().split(QLatin1Char(','));
    QStringList expected;
    for (const char* column : kColumns)
        expected << QString::fromLatin1(column);
    if (header != expected)
        throw std::runtime_error(csvPath + ": line 1 is not the curves header");
    std::vector<Row> rows;
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].trimmed().split(QLatin1Char(','));
        if (cells.size() != expected.size())
            throw std::runtime_error(csvPath + ": line " + std::to_string(i + 1) + " has " + std::to_string(cells.size()) + " cells");
        Row row;
        row.stage = cells[0];
        row.epoch = cells[1].toInt();
        for (int c = 2; c < cells.size(); ++c) {
            bool ok = false;
            const double value = cells[c].toDouble(&ok);
            if (!cells[c].isEmpty() && !ok)
                throw std::runtime_error(csvPath + ": line " + std::to_string(i + 1) + ": '" + cells[c].toStdString() + "' is not a number");
            if (ok && std::isfinite(value))
                row.values[expected[c]] = value;
        }
        rows.push_back(row);
    }
    return rows;
}

struct Series {
    QString column;
    QString stage;
    QString label;
    QColor colour;
    Qt::PenStyle style;
};

class Panel {
public:
    Panel(QPainter& painter, const QRectF& area, int epochs, double yMax) : m_painter(painter), m_area(area), m_epochs(epochs), m_yMax(yMax) {}

    QPointF at(double x, double y) const
    {
        const double u = m_epochs > 1 ? (x - 1) / double(m_epochs - 1) : 0.5;
        return {m_area.left() + u * m_area.width(), m_area.bottom() - std::clamp(y / m_yMax, 0.0, 1.0) * m_area.height()};
    }

    void axes(const QString& title, const QString& yLabel)
    {
        m_painter.setPen(QPen(QColor(225, 225, 225), 1));
        for (int i = 1; i < 5; ++i)
            m_painter.drawLine(QPointF(m_area.left(), m_area.bottom() - i * m_area.height() / 5),
                               QPointF(m_area.right(), m_area.bottom() - i * m_area.height() / 5));
        m_painter.setPen(QPen(Qt::black, 1.2));
        m_painter.drawRect(m_area);
        for (int i = 0; i <= 5; ++i) {
            const double value = m_yMax * i / 5.0;
            m_painter.drawText(QRectF(m_area.left() - 56, m_area.bottom() - i * m_area.height() / 5 - 8, 50, 16), Qt::AlignRight,
                               QString::number(value, 'g', 3));
        }
        const int step = std::max(1, m_epochs / 10);
        for (int epoch = 1; epoch <= m_epochs; epoch += step)
            m_painter.drawText(QRectF(at(epoch, 0).x() - 20, m_area.bottom() + 4, 40, 16), Qt::AlignCenter, QString::number(epoch));
        m_painter.drawText(QRectF(m_area.left(), m_area.bottom() + 22, m_area.width(), 18), Qt::AlignCenter,
                           QStringLiteral("epoch (pre-training, then report training)"));
        m_painter.drawText(QRectF(m_area.left(), m_area.top() - 24, m_area.width(), 18), Qt::AlignCenter, title);
        m_painter.save();
        m_painter.translate(m_area.left() - 62, m_area.center().y());
        m_painter.rotate(-90);
        m_painter.drawText(QRectF(-m_area.height() / 2, -9, m_area.height(), 18), Qt::AlignCenter, yLabel);
        m_painter.restore();
    }

    void line(const std::vector<QPointF>& points, const QColor& colour, Qt::PenStyle style)
    {
        if (points.empty())
            return;
        m_painter.setPen(QPen(colour, 2, style));
        QPainterPath path(points.front());
        for (std::size_t i = 1; i < points.size(); ++i)
            path.lineTo(points[i]);
        m_painter.drawPath(path);
        m_painter.setBrush(colour);
        for (const QPointF& point : points)
            m_painter.drawEllipse(point, 2.5, 2.5);
        m_painter.setBrush(Qt::NoBrush);
    }

    void separator(double x)
    {
        m_painter.setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
        m_painter.drawLine(at(x, 0), at(x, m_yMax));
    }

private:
    QPainter& m_painter;
    QRectF m_area;
    int m_epochs;
    double m_yMax;
};

} // namespace

void writeTrainingCurvesPlot(const std::string& csvPath, const std::string& pngPath, const std::string& title)
{
    const std::vector<Row> rows = readCurves(csvPath);
    const int epochs = std::max<int>(1, int(rows.size()));
    double lossMax = 0.0;
    int pretrainEpochs = 0;
    for (const Row& row : rows) {
        for (const char* column : {"train_loss", "val_loss"}) {
            const auto found = row.values.find(QString::fromLatin1(column));
            if (found != row.values.end())
                lossMax = std::max(lossMax, found->second);
        }
        if (row.stage == QStringLiteral("pretrain"))
            ++pretrainEpochs;
    }
    if (lossMax <= 0)
        lossMax = 1.0;

    QImage image(kWidth, kHeight, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(13);
    painter.setFont(font);
    painter.drawText(QRectF(0, 8, kWidth, 22), Qt::AlignCenter, QString::fromStdString(title));

    const Series lossSeries[] = {
        {QStringLiteral("train_loss"), QStringLiteral("pretrain"), QStringLiteral("pre-training loss"), QColor(0, 114, 178), Qt::SolidLine},
        {QStringLiteral("val_loss"), QStringLiteral("pretrain"), QStringLiteral("pre-training val loss"), QColor(0, 114, 178), Qt::DashLine},
        {QStringLiteral("train_loss"), QStringLiteral("report"), QStringLiteral("report loss"), QColor(213, 94, 0), Qt::SolidLine},
        {QStringLiteral("val_loss"), QStringLiteral("report"), QStringLiteral("report val loss"), QColor(213, 94, 0), Qt::DashLine},
    };
    const Series metricSeries[] = {
        {QStringLiteral("val_tag_auc"), QStringLiteral("pretrain"), QStringLiteral("val tag AUC"), QColor(0, 158, 115), Qt::SolidLine},
        {QStringLiteral("val_bleu4"), QStringLiteral("report"), QStringLiteral("val BLEU-4"), QColor(213, 94, 0), Qt::SolidLine},
        {QStringLiteral("val_ce_f1"), QStringLiteral("report"), QStringLiteral("val CE F1"), QColor(204, 121, 167), Qt::SolidLine},
    };
    // Legends go beneath each panel, two entries per row.
    const auto draw = [&](Panel& panel, const Series* begin, const Series* end, const QRectF& area) {
        int entry = 0;
        for (const Series* series = begin; series != end; ++series) {
            std::vector<QPointF> points;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const auto found = rows[i].values.find(series->column);
                if (rows[i].stage == series->stage && found != rows[i].values.end())
                    points.push_back(panel.at(double(i + 1), found->second));
            }
            if (points.empty())
                continue;
            panel.line(points, series->colour, series->style);
            const double left = area.left() + (entry % 2) * area.width() / 2;
            const double y = area.bottom() + 52 + (entry / 2) * 18;
            painter.setPen(QPen(series->colour, 2, series->style));
            painter.drawLine(QPointF(left, y), QPointF(left + 24, y));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(left + 30, y - 8, area.width() / 2 - 34, 16), Qt::AlignLeft | Qt::AlignVCenter, series->label);
            ++entry;
        }
        if (pretrainEpochs > 0 && pretrainEpochs < int(rows.size()))
            panel.separator(pretrainEpochs + 0.5);
    };

    Panel loss(painter, kLossArea, epochs, lossMax * 1.05);
    loss.axes(QStringLiteral("loss"), QStringLiteral("mean loss per epoch"));
    draw(loss, std::begin(lossSeries), std::end(lossSeries), kLossArea);
    Panel metrics(painter, kMetricArea, epochs, 1.0);
    metrics.axes(QStringLiteral("validation"), QStringLiteral("metric"));
    draw(metrics, std::begin(metricSeries), std::end(metricSeries), kMetricArea);
    painter.end();

    QSaveFile file(QString::fromStdString(pngPath));
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        throw std::runtime_error(pngPath + ": " + file.errorString().toStdString());
}

} // namespace raddraft::cli
