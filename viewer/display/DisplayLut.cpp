#include "display/DisplayLut.h"

#include <algorithm>
#include <cmath>

namespace raddraft::viewer {

VoiFunction voiFunctionFromDicom(const std::string& name)
{
    if (name == "LINEAR_EXACT")
        return VoiFunction::LinearExact;
    if (name == "SIGMOID")
        return VoiFunction::Sigmoid;
    return VoiFunction::Linear;
}

double applyWindow(double x, const WindowLevel& window, VoiFunction function)
{
    const double c = window.center;
    switch (function) {
    case VoiFunction::LinearExact: {
        const double w = std::max(window.width, 1e-9);
        if (x <= c - w / 2)
            return 0.0;
        if (x > c + w / 2)
            return 1.0;
        return (x - c) / w + 0.5;
    }
    case VoiFunction::Sigmoid: {
        const double w = std::max(window.width, 1e-9);
        return 1.0 / (1.0 + std::exp(-4.0 * (x - c) / w));
    }
    case VoiFunction::Linear:
        break;
    }
    // PS3.3 C.11.2.1.2.1: width < 1 is not allowed for LINEAR; treat it as 1.
    const double w = std::max(window.width, 1.0);
    if (x <= c - 0.5 - (w - 1) / 2)
        return 0.0;
    if (x > c - 0.5 + (w - 1) / 2)
        return 1.0;
    if (w <= 1.0)
        return 1.0;
    return (x - (c - 0.5)) / (w - 1) + 0.5;
}

double applyLookupTable(const dicom::LookupTable& table, double input)
{
    if (table.data.empty())
        return input;
    const double index = std::floor(input) - static_cast<double>(table.firstMappedValue);
    if (index <= 0)
        return table.data.front();
    if (index >= static_cast<double>(table.data.size() - 1))
        return table.data.back();
    return table.data[static_cast<std::size_t>(index)];
}

double toModalityValue(const dicom::ModalityTransform& modality, std::int64_t storedValue)
{
    if (modality.table)
        return applyLookupTable(*modality.table, static_cast<double>(storedValue));
    return static_cast<double>(storedValue) * modality.rescaleSlope + modality.rescaleIntercept;
}

namespace {

// The output range of a VOI LUT. Files often declare 16 bits per entry but store 12-bit values
// (and vice versa); like DCMTK, derive the real bit depth from the largest entry.
double voiTableMaximum(const dicom::LookupTable& table)
{
    const std::uint16_t largest =
        table.data.empty() ? 0 : *std::max_element(table.data.begin(), table.data.end());
    int bits = 1;
    while (bits < 16 && (1u << bits) - 1u < largest)
        ++bits;
    return std::ldexp(1.0, bits) - 1.0;
}

} // namespace

UnitTable buildUnitTable(const dicom::PixelData& pixels, const dicom::ModalityTransform& modality,
                         const VoiSetting& voi, bool invert,
                         std::optional<std::pair<std::int64_t, std::int64_t>> valueRange)
{
    constexpr int maxTableBits = 20;
    UnitTable table;
    if (pixels.bitsStored <= maxTableBits || !valueRange) {
        table.low = pixels.minStoredValue();
        table.high = pixels.maxStoredValue();
    } else {
        table.low = valueRange->first;
        table.high = std::max(valueRange->second, valueRange->first);
    }
    while (((table.high - table.low) >> table.shift) >= (std::int64_t{1} << maxTableBits))
        ++table.shift;
    const std::size_t entries = static_cast<std::size_t>(((table.high - table.low) >> table.shift) + 1);
    table.values.resize(entries);

    const double tableMaximum = voi.table ? voiTableMaximum(*voi.table) : 1.0;
    for (std::size_t i = 0; i < entries; ++i) {
        const std::int64_t stored = table.low + (static_cast<std::int64_t>(i) << table.shift);
        const double value = toModalityValue(modality, stored);
        double unit = voi.table ? applyLookupTable(*voi.table, value) / tableMaximum
                                : applyWindow(value, voi.window, voi.function);
        unit = std::clamp(unit, 0.0, 1.0);
        table.values[i] = static_cast<float>(invert ? 1.0 - unit : unit);
    }
    return table;
}

void GrayscaleLut::build(const dicom::PixelData& pixels, const dicom::ModalityTransform& modality,
                         const VoiSetting& voi, bool invert,
                         std::optional<std::pair<std::int64_t, std::int64_t>> valueRange)
{
    const UnitTable unit = buildUnitTable(pixels, modality, voi, invert, valueRange);
    m_low = unit.low;
    m_high = unit.high;
    m_shift = unit.shift;
    m_table.resize(unit.values.size());
    for (std::size_t i = 0; i < unit.values.size(); ++i)
        m_table[i] = static_cast<std::uint8_t>(std::lround(unit.values[i] * 255.0f));
}

std::uint8_t GrayscaleLut::map(std::int64_t storedValue) const
{
    const std::int64_t clamped = std::clamp(storedValue, m_low, m_high);
    return m_table[static_cast<std::size_t>((clamped - m_low) >> m_shift)];
}

} // namespace raddraft::viewer
