#include "display/ColorMap.h"

#include <algorithm>
#include <cmath>

namespace raddraft::viewer {

namespace {

int toByte(double channel) { return static_cast<int>(std::lround(std::clamp(channel, 0.0, 1.0) * 255.0)); }

// Turbo through its published polynomial fit (Mikhailov, Google AI blog 2019, Apache 2.0).
QRgb turbo(double t)
{
    const double r = 0.13572138 + t * (4.61539260 + t * (-42.66032258 + t * (132.13108234 + t * (-152.94239396 + t * 59.28637943))));
    const double g = 0.09140261 + t * (2.19418839 + t * (4.84296658 + t * (-14.18503333 + t * (4.27729857 + t * 2.82956604))));
    const double b = 0.10667330 + t * (12.64194608 + t * (-60.58204836 + t * (110.36276771 + t * (-89.90310912 + t * 27.34824973))));
    return qRgb(toByte(r), toByte(g), toByte(b));
}

// Inferno, piecewise linear through matplotlib's values at 0, 0.1, …, 1.
QRgb inferno(double t)
{
    static constexpr QRgb stops[] = {0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754,
                                     0xdd513a, 0xf37819, 0xfca50a, 0xf6d746, 0xfcffa4};
    const double position = t * 10.0;
    const int index = std::min(9, static_cast<int>(position));
    const double f = position - index;
    const QRgb a = stops[index], b = stops[index + 1];
    const auto mix = [f](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * f)); };
    return qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

QRgb hot(double t) { return qRgb(toByte(3.0 * t), toByte(3.0 * t - 1.0), toByte(3.0 * t - 2.0)); }

} // namespace

QRgb colorMapColor(ColorMapKind kind, double value)
{
    const double t = std::isfinite(value) ? std::clamp(value, 0.0, 1.0) : 0.0;
    switch (kind) {
    case ColorMapKind::Turbo: return turbo(t);
    case ColorMapKind::Inferno: return inferno(t);
    case ColorMapKind::Hot: return hot(t);
    }
    return turbo(t);
}

std::array<QRgb, 256> colorMapTable(ColorMapKind kind)
{
    std::array<QRgb, 256> table{};
    for (int i = 0; i < 256; ++i)
        table[static_cast<std::size_t>(i)] = colorMapColor(kind, i / 255.0);
    return table;
}

QString colorMapName(ColorMapKind kind)
{
    switch (kind) {
    case ColorMapKind::Turbo: return QStringLiteral("turbo");
    case ColorMapKind::Inferno: return QStringLiteral("inferno");
    case ColorMapKind::Hot: return QStringLiteral("hot");
    }
    return QStringLiteral("turbo");
}

ColorMapKind colorMapFromName(const QString& name)
{
    for (ColorMapKind kind : allColorMaps)
        if (colorMapName(kind) == name)
            return kind;
    return ColorMapKind::Turbo;
}

} // namespace raddraft::viewer
