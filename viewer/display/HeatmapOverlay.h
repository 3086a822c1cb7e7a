#pragma once
// A model's low-resolution heatmap laid over the image it was computed from.
//
// Geometry: the model saw the whole image resized to a square (inference's preprocessing), so the
// grid spans the full image extent — cell (r, c) of a rows × cols grid covers image x in
// [c·W/cols, (c+1)·W/cols) and y in [r·H/rows, (r+1)·H/rows); a non-square image stretches the
// grid. Values between cell centres are bilinear with the align_corners=false convention and edge
// clamping (torch.nn.functional.interpolate; evaluation::upsampleBilinear uses the same), so what
// is drawn is what the evaluation scores.
//
// The map is sampled onto a raster over the image (the image's pixel grid, reduced to at most
// maximumRasterEdge pixels per edge), normalised to its own maximum (colours always span
// 0 … max of the displayed map), and drawn with the painter's bilinear filtering up to the
// screen's pixels. The field is piecewise bilinear, so 512 samples per edge (73 per cell of a 7×7
// grid) reproduce it everywhere but within a raster pixel of the cell-centre kinks, at a quarter
// of the work of 1024: it is recomputed for every word the pointer crosses. Contours and the
// thresholded region use a coarser raster (at most 256 pixels per edge), on which interpolated
// iso-lines stay within a fraction of a raster pixel of the exact ones.

#include "display/ColorMap.h"

#include <QImage>
#include <QLineF>
#include <QPolygonF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QTransform>

#include <vector>

namespace raddraft::viewer {

/// A rows × cols grid of non-negative values, row-major, top-left first, in the image's own
/// orientation (inference::Heatmap without the view name).
struct HeatmapGrid {
    int rows = 0;
    int cols = 0;
    std::vector<float> values;

    bool isValid() const
    {
        return rows > 0 && cols > 0 && values.size() == static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
    }
};

/// Bilinear upsampling of `grid` onto a width × height raster spanning the same extent
/// (align_corners=false, edges clamped). Throws std::invalid_argument for an invalid grid or size.
std::vector<float> upsampleHeatmapGrid(const HeatmapGrid& grid, int width, int height);

class HeatmapOverlay {
public:
    static constexpr int defaultMaximumRasterEdge = 512;

    /// `imageSize`: columns × rows of the image the map belongs to. `title` names the map's source
    /// for the colour bar ("Sentence 2", "pleural effusion"). Throws std::invalid_argument for an
    /// invalid grid or an empty image size.
    HeatmapOverlay(HeatmapGrid grid, QSize imageSize, QString title = {},
                   int maximumRasterEdge = defaultMaximumRasterEdge);

    const HeatmapGrid& grid() const { return m_grid; }
    QSize imageSize() const { return m_imageSize; }
    QSize rasterSize() const { return m_rasterSize; }
    const QString& title() const { return m_title; }
    /// Largest grid value, the top of the colour scale; 0 when no value is positive.
    float maximum() const { return m_maximum; }

    /// value / maximum() at the centre of raster pixel (x, y) (0 when maximum() is 0).
    float normalizedAtRaster(int x, int y) const;
    /// Raster pixel coordinates → image pixel coordinates (a scale; both start at the top-left).
    QTransform rasterToImage() const;
    /// The normalised value at an image point, by the same bilinear rule (0 outside the image).
    double normalizedAt(QPointF imagePoint) const;

    /// The filled colour map, raster size, premultiplied ARGB: each pixel the colour of its value
    /// with constant alpha `opacity` (0 … 1); fully transparent where the value rounds to the
    /// colour map's first entry (zero values).
    QImage filledImage(ColorMapKind colorMap, double opacity) const;
    /// The same into `target`, reusing its pixels when it already has the raster's size and
    /// format (a new map on every hovered word: no fresh, page-faulting 4 MB each time).
    void renderFilled(ColorMapKind colorMap, double opacity, QImage& target) const;
    /// The iso-line at `level` × maximum (level in (0, 1)) as segments in image coordinates,
    /// by marching squares on a raster of at most 256 pixels per edge.
    std::vector<QLineF> contour(double level) const;
    /// The same iso-line joined into polylines (closed ones end where they start): one stroke per
    /// line instead of one per segment.
    std::vector<QPolygonF> contourPolylines(double level) const;
    /// Pixels at or above `level` × maximum in `colour` with alpha `opacity`, on the coarse raster
    /// (it spans the image like the fine one; draw it scaled to the image).
    QImage regionImage(double level, QRgb colour, double opacity) const;
    /// Bounding boxes, in image coordinates, of the 8-connected parts of that region, largest
    /// area first (edges within one coarse raster pixel).
    std::vector<QRectF> regionBoxes(double level) const;

private:
    HeatmapGrid m_grid;
    QSize m_imageSize;
    QSize m_rasterSize;
    QSize m_contourSize;
    QString m_title;
    float m_maximum = 0.0f;
    HeatmapGrid m_normalizedGrid;      ///< grid / maximum
    std::vector<float> m_across;       ///< each normalised grid row interpolated across the raster width
    std::vector<float> m_contourField; ///< normalised, m_contourSize
};

} // namespace raddraft::viewer
