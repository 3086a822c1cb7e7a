#pragma once
// Distance and angle measurements on one image, in image coordinates, with their values in mm
// (PixelSpacing, else ImagerPixelSpacing) or in pixels when the file gives no spacing.

#include "dicom/StudyTree.h"

#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

namespace raddraft::viewer {

/// Physical size of one pixel; `source` says where it came from (shown next to the value).
struct PhysicalSpacing {
    double rowMm = 0.0;     ///< distance between rows
    double columnMm = 0.0;  ///< distance between columns
    enum class Source { None, PixelSpacing, ImagerPixelSpacing } source = Source::None;

    bool isKnown() const { return source != Source::None && rowMm > 0 && columnMm > 0; }
    /// PixelSpacing when present, else ImagerPixelSpacing (detector plane), else unknown.
    static PhysicalSpacing of(const dicom::InstanceInfo& info);
};

struct Measurement {
    enum class Kind { Distance, Angle };
    Kind kind = Kind::Distance;
    /// Distance: the two end points. Angle: arm end, vertex, arm end.
    std::vector<QPointF> points;
    int id = 0;
    int frame = 0; ///< the stack frame it was drawn on; it is shown only there

    bool isComplete() const { return points.size() == (kind == Kind::Distance ? 2u : 3u); }
    /// Distance in mm (or pixels when spacing is unknown); angle in degrees (0…180).
    double value(const PhysicalSpacing& spacing) const;
    /// "42.1 mm", "42.1 mm (detector)", "310.0 px", "87.5°".
    QString label(const PhysicalSpacing& spacing) const;
};

class MeasurementList {
public:
    /// Adds a completed measurement; returns its id.
    int add(Measurement measurement);
    bool remove(int id);
    void clear();
    const std::vector<Measurement>& items() const { return m_items; }
    Measurement* find(int id);

    std::optional<int> selectedId() const { return m_selected; }
    void select(std::optional<int> id) { m_selected = id; }
    /// Removes the selected measurement; false when none is selected.
    bool removeSelected();

    /// The measurement whose point or segment lies within `tolerance` (image pixels) of `point`,
    /// nearest first; with `pointIndex` the index of a grabbed handle, or -1 for a segment hit.
    std::optional<int> hitTest(QPointF point, double tolerance, int* pointIndex = nullptr,
                               std::optional<int> frame = std::nullopt) const;

private:
    std::vector<Measurement> m_items;
    std::optional<int> m_selected;
    int m_nextId = 1;
};

} // namespace raddraft::viewer
