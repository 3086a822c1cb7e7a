#pragma once
// Colour maps for heatmap overlays: value in [0, 1] → colour. Turbo (Google's rainbow with
// perceptually smoother steps than jet), inferno (matplotlib's perceptually uniform dark-to-light)
// and hot (black → red → yellow → white).

#include <QRgb>
#include <QString>

#include <array>

namespace raddraft::viewer {

enum class ColorMapKind { Turbo, Inferno, Hot };

/// Every kind, in the order the UI offers them.
constexpr std::array<ColorMapKind, 3> allColorMaps{ColorMapKind::Turbo, ColorMapKind::Inferno, ColorMapKind::Hot};

/// The colour of `value` (clamped to [0, 1]); opaque.
QRgb colorMapColor(ColorMapKind kind, double value);

/// 256 colours, entry i = colorMapColor(kind, i / 255).
std::array<QRgb, 256> colorMapTable(ColorMapKind kind);

/// Stable name for settings ("turbo", "inferno", "hot") and back (unknown → Turbo).
QString colorMapName(ColorMapKind kind);
ColorMapKind colorMapFromName(const QString& name);

} // namespace raddraft::viewer
