#include "display/HeatmapOverlay.h"

#include "display/FrameRenderer.h"

#include <algorithm>
#include <deque>
#include <map>
#include <cmath>
#include <stdexcept>

namespace raddraft::viewer {

namespace {

// One output coordinate's two source cells and weights (align_corners=false, edges clamped),
// exactly as evaluation::upsampleBilinear computes them.
struct SourceCells {
    int first = 0;
    int second = 0;
    float secondWeight = 0.0f;
};

SourceCells sourceCells(double position, int cells)
{
    const double source = std::max(0.0, position);
    const int first = std::min(static_cast<int>(source), cells - 1);
    const int second = first + (first < cells - 1 ? 1 : 0);
    return {first, second, static_cast<float>(source - first)};
}

SourceCells sourceCellsForRaster(int index, int cells, int rasterPixels)
{
    return sourceCells(static_cast<double>(cells) / rasterPixels * (index + 0.5) - 0.5, cells);
}

QSize reducedSize(QSize size, int maximumEdge)
{
    const int longest = std::max(size.width(), size.height());
    if (longest <= maximumEdge)
        return size;
    const double scale = static_cast<double>(maximumEdge) / longest;
    return QSize(std::max(1, static_cast<int>(std::lround(size.width() * scale))),
                 std::max(1, static_cast<int>(std::lround(size.height() * scale))));
}

// Bilinear is separable: every grid row is interpolated across the raster width once (rows ×
// width values); each raster row is then a blend of two of those rows.
std::vector<float> interpolateAcross(const HeatmapGrid& grid, int width)
{
    std::vector<float> across(static_cast<std::size_t>(grid.rows) * static_cast<std::size_t>(width));
    for (int x = 0; x < width; ++x) {
        const SourceCells column = sourceCellsForRaster(x, grid.cols, width);
        for (int r = 0; r < grid.rows; ++r) {
            const float* cells = grid.values.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.cols);
            across[static_cast<std::size_t>(r) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
                (1.0f - column.secondWeight) * cells[column.first] + column.secondWeight * cells[column.second];
        }
    }
    return across;
}

void blendRow(const std::vector<float>& across, int gridRows, int width, int y, int height, float* out)
{
    const SourceCells row = sourceCellsForRaster(y, gridRows, height);
    const float* top = across.data() + static_cast<std::size_t>(row.first) * static_cast<std::size_t>(width);
    const float* bottom = across.data() + static_cast<std::size_t>(row.second) * static_cast<std::size_t>(width);
    const float weight = row.secondWeight;
    for (int x = 0; x < width; ++x)
        out[x] = (1.0f - weight) * top[x] + weight * bottom[x];
}

} // namespace

std::vector<float> upsampleHeatmapGrid(const HeatmapGrid& grid, int width, int height)
{
    if (!grid.isValid())
        throw std::invalid_argument("upsampleHeatmapGrid: empty or inconsistent heatmap grid");
    if (width <= 0 || height <= 0)
        throw std::invalid_argument("upsampleHeatmapGrid: empty raster");
    const std::vector<float> across = interpolateAcross(grid, width);
    std::vector<float> out(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    forEachRowRange(height, static_cast<std::size_t>(width), [&](int begin, int end) {
        for (int y = begin; y < end; ++y)
            blendRow(across, grid.rows, width, y, height, out.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width));
    });
    return out;
}

HeatmapOverlay::HeatmapOverlay(HeatmapGrid grid, QSize imageSize, QString title, int maximumRasterEdge)
    : m_grid(std::move(grid)), m_imageSize(imageSize), m_title(std::move(title))
{
    if (!m_grid.isValid())
        throw std::invalid_argument("HeatmapOverlay: empty or inconsistent heatmap grid");
    if (imageSize.isEmpty())
        throw std::invalid_argument("HeatmapOverlay: empty image size");
    for (float value : m_grid.values)
        if (std::isfinite(value))
            m_maximum = std::max(m_maximum, value);
    m_rasterSize = reducedSize(imageSize, std::max(1, maximumRasterEdge));
    m_contourSize = reducedSize(m_rasterSize, 256);
    // Scaling the grid is scaling the bilinear result (it is linear): normalise once, up front.
    m_normalizedGrid = m_grid;
    const float scale = m_maximum > 0.0f ? 1.0f / m_maximum : 0.0f;
    for (float& value : m_normalizedGrid.values)
        value = std::isfinite(value) ? std::clamp(value * scale, 0.0f, 1.0f) : 0.0f;
    m_across = interpolateAcross(m_normalizedGrid, m_rasterSize.width());
    m_contourField = upsampleHeatmapGrid(m_normalizedGrid, m_contourSize.width(), m_contourSize.height());
}

QTransform HeatmapOverlay::rasterToImage() const
{
    return QTransform::fromScale(static_cast<double>(m_imageSize.width()) / m_rasterSize.width(),
                                 static_cast<double>(m_imageSize.height()) / m_rasterSize.height());
}

float HeatmapOverlay::normalizedAtRaster(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_rasterSize.width() || y >= m_rasterSize.height())
        return 0.0f;
    const SourceCells row = sourceCellsForRaster(y, m_grid.rows, m_rasterSize.height());
    const std::size_t width = static_cast<std::size_t>(m_rasterSize.width());
    return (1.0f - row.secondWeight) * m_across[static_cast<std::size_t>(row.first) * width + static_cast<std::size_t>(x)] +
           row.secondWeight * m_across[static_cast<std::size_t>(row.second) * width + static_cast<std::size_t>(x)];
}

double HeatmapOverlay::normalizedAt(QPointF imagePoint) const
{
    if (m_maximum <= 0.0f || imagePoint.x() < 0 || imagePoint.y() < 0 || imagePoint.x() >= m_imageSize.width() ||
        imagePoint.y() >= m_imageSize.height())
        return 0.0;
    const SourceCells column = sourceCells(m_grid.cols * imagePoint.x() / m_imageSize.width() - 0.5, m_grid.cols);
    const SourceCells row = sourceCells(m_grid.rows * imagePoint.y() / m_imageSize.height() - 0.5, m_grid.rows);
    const auto at = [this](int r, int c) {
        return static_cast<double>(m_normalizedGrid.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(m_grid.cols) + static_cast<std::size_t>(c)]);
    };
    const double top = (1.0 - column.secondWeight) * at(row.first, column.first) + column.secondWeight * at(row.first, column.second);
    const double bottom = (1.0 - column.secondWeight) * at(row.second, column.first) + column.secondWeight * at(row.second, column.second);
    return (1.0 - row.secondWeight) * top + row.secondWeight * bottom;
}

QImage HeatmapOverlay::filledImage(ColorMapKind colorMap, double opacity) const
{
    QImage image;
    renderFilled(colorMap, opacity, image);
    return image;
}

void HeatmapOverlay::renderFilled(ColorMapKind colorMap, double opacity, QImage& image) const
{
    const int alpha = static_cast<int>(std::lround(std::clamp(opacity, 0.0, 1.0) * 255.0));
    std::array<QRgb, 256> table = colorMapTable(colorMap);
    for (QRgb& colour : table)
        colour = qPremultiply(qRgba(qRed(colour), qGreen(colour), qBlue(colour), alpha));
    table[0] = 0; // zero values stay fully transparent
    if (image.size() != m_rasterSize || image.format() != QImage::Format_ARGB32_Premultiplied)
        image = QImage(m_rasterSize, QImage::Format_ARGB32_Premultiplied);
    const int width = m_rasterSize.width(), height = m_rasterSize.height();
    forEachRowRange(height, static_cast<std::size_t>(width), [&](int begin, int end) {
        std::vector<float> values(static_cast<std::size_t>(width));
        for (int y = begin; y < end; ++y) {
            blendRow(m_across, m_grid.rows, width, y, height, values.data());
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < width; ++x)
                line[x] = table[static_cast<std::size_t>(values[static_cast<std::size_t>(x)] * 255.0f + 0.5f)];
        }
    });
}

std::vector<QLineF> HeatmapOverlay::contour(double level) const
{
    std::vector<QLineF> segments;
    const int width = m_contourSize.width(), height = m_contourSize.height();
    if (m_maximum <= 0.0f || width < 2 || height < 2)
        return segments;
    const float threshold = static_cast<float>(level);
    const auto value = [&](int x, int y) { return m_contourField[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; };
    // Sample (x, y) sits at the centre of contour-raster pixel (x, y).
    const double scaleX = static_cast<double>(m_imageSize.width()) / width;
    const double scaleY = static_cast<double>(m_imageSize.height()) / height;
    const auto toImage = [&](double x, double y) { return QPointF((x + 0.5) * scaleX, (y + 0.5) * scaleY); };
    const auto crossing = [threshold](float a, float b) {
        return a == b ? 0.5 : std::clamp(static_cast<double>((threshold - a) / (b - a)), 0.0, 1.0);
    };
    for (int y = 0; y + 1 < height; ++y)
        for (int x = 0; x + 1 < width; ++x) {
            // Corners: 0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left.
            const float c[4] = {value(x, y), value(x + 1, y), value(x + 1, y + 1), value(x, y + 1)};
            const int index = (c[0] >= threshold ? 1 : 0) | (c[1] >= threshold ? 2 : 0) | (c[2] >= threshold ? 4 : 0) |
                              (c[3] >= threshold ? 8 : 0);
            if (index == 0 || index == 15)
                continue;
            // Edges: 0 top, 1 right, 2 bottom, 3 left.
            const auto edgePoint = [&](int edge) {
                switch (edge) {
                case 0: return toImage(x + crossing(c[0], c[1]), y);
                case 1: return toImage(x + 1, y + crossing(c[1], c[2]));
                case 2: return toImage(x + crossing(c[3], c[2]), y + 1);
                default: return toImage(x, y + crossing(c[0], c[3]));
                }
            };
            const auto add = [&](int from, int to) { segments.emplace_back(edgePoint(from), edgePoint(to)); };
            const bool centreInside = (c[0] + c[1] + c[2] + c[3]) / 4.0f >= threshold;
            switch (index) {
            case 1: case 14: add(3, 0); break;
            case 2: case 13: add(0, 1); break;
            case 3: case 12: add(3, 1); break;
            case 4: case 11: add(1, 2); break;
            case 6: case 9: add(0, 2); break;
            case 7: case 8: add(3, 2); break;
            case 5: // top-left and bottom-right inside: the centre decides which pair joins
                if (centreInside) { add(0, 1); add(2, 3); } else { add(3, 0); add(1, 2); }
                break;
            case 10:
                if (centreInside) { add(3, 0); add(1, 2); } else { add(0, 1); add(2, 3); }
                break;
            default: break;
            }
        }
    return segments;
}

std::vector<QPolygonF> HeatmapOverlay::contourPolylines(double level) const
{
    // Neighbouring cells compute a shared crossing from the same two samples with the same
    // formula, so segment ends meet exactly and can be joined by equality.
    const std::vector<QLineF> segments = contour(level);
    std::map<std::pair<double, double>, std::vector<int>> ends;
    const auto key = [](QPointF point) { return std::make_pair(point.x(), point.y()); };
    for (int i = 0; i < static_cast<int>(segments.size()); ++i) {
        ends[key(segments[static_cast<std::size_t>(i)].p1())].push_back(i);
        ends[key(segments[static_cast<std::size_t>(i)].p2())].push_back(i);
    }
    std::vector<bool> used(segments.size(), false);
    const auto nextFrom = [&](QPointF point) -> int {
        for (int candidate : ends[key(point)])
            if (!used[static_cast<std::size_t>(candidate)])
                return candidate;
        return -1;
    };
    std::vector<QPolygonF> lines;
    for (int start = 0; start < static_cast<int>(segments.size()); ++start) {
        if (used[static_cast<std::size_t>(start)])
            continue;
        used[static_cast<std::size_t>(start)] = true;
        std::deque<QPointF> points{segments[static_cast<std::size_t>(start)].p1(), segments[static_cast<std::size_t>(start)].p2()};
        for (int next = nextFrom(points.back()); next >= 0; next = nextFrom(points.back())) {
            used[static_cast<std::size_t>(next)] = true;
            const QLineF& segment = segments[static_cast<std::size_t>(next)];
            points.push_back(segment.p1() == points.back() ? segment.p2() : segment.p1());
        }
        for (int previous = nextFrom(points.front()); previous >= 0; previous = nextFrom(points.front())) {
            used[static_cast<std::size_t>(previous)] = true;
            const QLineF& segment = segments[static_cast<std::size_t>(previous)];
            points.push_front(segment.p1() == points.front() ? segment.p2() : segment.p1());
        }
        lines.emplace_back(QList<QPointF>(points.begin(), points.end()));
    }
    return lines;
}

QImage HeatmapOverlay::regionImage(double level, QRgb colour, double opacity) const
{
    const int alpha = static_cast<int>(std::lround(std::clamp(opacity, 0.0, 1.0) * 255.0));
    const QRgb inside = qPremultiply(qRgba(qRed(colour), qGreen(colour), qBlue(colour), alpha));
    QImage image(m_contourSize, QImage::Format_ARGB32_Premultiplied);
    const int width = m_contourSize.width();
    const bool any = m_maximum > 0.0f;
    const float threshold = static_cast<float>(level);
    for (int y = 0; y < m_contourSize.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const float* values = m_contourField.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        for (int x = 0; x < width; ++x)
            line[x] = any && values[x] >= threshold ? inside : 0;
    }
    return image;
}

std::vector<QRectF> HeatmapOverlay::regionBoxes(double level) const
{
    std::vector<QRectF> boxes;
    if (m_maximum <= 0.0f)
        return boxes;
    const int width = m_contourSize.width(), height = m_contourSize.height();
    const float threshold = static_cast<float>(level);
    const std::vector<float>& field = m_contourField;
    std::vector<unsigned char> visited(field.size(), 0);
    std::vector<int> pending;
    std::vector<std::pair<long long, QRectF>> found; // (pixel count, box)
    const QTransform toImage = QTransform::fromScale(static_cast<double>(m_imageSize.width()) / width,
                                                     static_cast<double>(m_imageSize.height()) / height);
    for (int start = 0; start < static_cast<int>(field.size()); ++start) {
        if (visited[static_cast<std::size_t>(start)] || field[static_cast<std::size_t>(start)] < threshold)
            continue;
        int left = width, top = height, right = -1, bottom = -1;
        long long count = 0;
        pending.assign(1, start);
        visited[static_cast<std::size_t>(start)] = 1;
        while (!pending.empty()) {
            const int index = pending.back();
            pending.pop_back();
            const int x = index % width, y = index / width;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
            ++count;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                        continue;
                    const int neighbour = ny * width + nx;
                    if (!visited[static_cast<std::size_t>(neighbour)] && field[static_cast<std::size_t>(neighbour)] >= threshold) {
                        visited[static_cast<std::size_t>(neighbour)] = 1;
                        pending.push_back(neighbour);
                    }
                }
        }
        found.emplace_back(count, toImage.mapRect(QRectF(left, top, right - left + 1, bottom - top + 1)));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& entry : found)
        boxes.push_back(entry.second);
    return boxes;
}

} // namespace raddraft::viewer
