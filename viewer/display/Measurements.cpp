#include "display/Measurements.h"

#include <QCoreApplication>
#include <QLineF>

#include <algorithm>
#include <cmath>

namespace raddraft::viewer {

PhysicalSpacing PhysicalSpacing::of(const dicom::InstanceInfo& info)
{
    PhysicalSpacing spacing;
    if (info.pixelSpacing && (*info.pixelSpacing)[0] > 0 && (*info.pixelSpacing)[1] > 0) {
        spacing.rowMm = (*info.pixelSpacing)[0];
        spacing.columnMm = (*info.pixelSpacing)[1];
        spacing.source = Source::PixelSpacing;
    } else if (info.imagerPixelSpacing && (*info.imagerPixelSpacing)[0] > 0 && (*info.imagerPixelSpacing)[1] > 0) {
        spacing.rowMm = (*info.imagerPixelSpacing)[0];
        spacing.columnMm = (*info.imagerPixelSpacing)[1];
        spacing.source = Source::ImagerPixelSpacing;
    }
    return spacing;
}

namespace {

QPointF toPhysical(QPointF imagePoint, const PhysicalSpacing& spacing)
{
    if (!spacing.isKnown())
        return imagePoint;
    return {imagePoint.x() * spacing.columnMm, imagePoint.y() * spacing.rowMm};
}

double distanceToSegment(QPointF point, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t = lengthSquared > 0 ? std::clamp(QPointF::dotProduct(point - a, ab) / lengthSquared, 0.0, 1.0) : 0.0;
    return QLineF(point, a + t * ab).length();
}

} // namespace

double Measurement::value(const PhysicalSpacing& spacing) const
{
    if (kind == Kind::Distance) {
        if (points.size() < 2)
            return 0.0;
        return QLineF(toPhysical(points[0], spacing), toPhysical(points[1], spacing)).length();
    }
    if (points.size() < 3)
        return 0.0;
    // The angle is measured in physical space, so non-square pixels do not distort it.
    const QPointF a = toPhysical(points[0], spacing) - toPhysical(points[1], spacing);
    const QPointF b = toPhysical(points[2], spacing) - toPhysical(points[1], spacing);
    const double cross = a.x() * b.y() - a.y() * b.x();
    return std::abs(std::atan2(cross, QPointF::dotProduct(a, b))) * 180.0 / M_PI;
}

QString Measurement::label(const PhysicalSpacing& spacing) const
{
    const double number = value(spacing);
    if (kind == Kind::Angle)
        return QStringLiteral("%1°").arg(number, 0, 'f', 1);
    if (!spacing.isKnown())
        return QStringLiteral("%1 px").arg(number, 0, 'f', 1);
    if (spacing.source == PhysicalSpacing::Source::ImagerPixelSpacing)
        return QCoreApplication::translate("Measurement", "%1 mm (detector)").arg(number, 0, 'f', 1);
    return QStringLiteral("%1 mm").arg(number, 0, 'f', 1);
}

int MeasurementList::add(Measurement measurement)
{
    measurement.id = m_nextId++;
    m_items.push_back(std::move(measurement));
    return m_items.back().id;
}

bool MeasurementList::remove(int id)
{
    const auto it = std::find_if(m_items.begin(), m_items.end(), [id](const Measurement& m) { return m.id == id; });
    if (it == m_items.end())
        return false;
    m_items.erase(it);
    if (m_selected == id)
        m_selected.reset();
    return true;
}

void MeasurementList::clear()
{
    m_items.clear();
    m_selected.reset();
}

Measurement* MeasurementList::find(int id)
{
    const auto it = std::find_if(m_items.begin(), m_items.end(), [id](const Measurement& m) { return m.id == id; });
    return it == m_items.end() ? nullptr : &*it;
}

bool MeasurementList::removeSelected() { return m_selected && remove(*m_selected); }

std::optional<int> MeasurementList::hitTest(QPointF point, double tolerance, int* pointIndex,
                                            std::optional<int> frame) const
{
    // Handles take priority over segments: near an end point the user means to grab it.
    std::optional<int> best;
    double bestDistance = tolerance;
    int bestIndex = -1;
    for (const Measurement& measurement : m_items) {
        if (frame && measurement.frame != *frame)
            continue;
        for (std::size_t i = 0; i < measurement.points.size(); ++i) {
            const double distance = QLineF(point, measurement.points[i]).length();
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = measurement.id;
                bestIndex = static_cast<int>(i);
            }
        }
    }
    if (!best) {
        for (const Measurement& measurement : m_items) {
            if (frame && measurement.frame != *frame)
                continue;
            for (std::size_t i = 0; i + 1 < measurement.points.size(); ++i) {
                const double distance = distanceToSegment(point, measurement.points[i], measurement.points[i + 1]);
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = measurement.id;
                }
            }
        }
    }
    if (pointIndex)
        *pointIndex = bestIndex;
    return best;
}

} // namespace raddraft::viewer
