#pragma once
// Stored value → 8-bit display value, as one lookup table: modality LUT (rescale or table), then
// VOI (window or VOI LUT table, LINEAR / LINEAR_EXACT / SIGMOID), then presentation (inversion
// for MONOCHROME1 or on request). Rebuilt when window/level changes; rendering a frame is then a
// single table lookup per pixel, never floating-point math per pixel.

#include "dicom/PixelData.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace raddraft::viewer {

/// A window in modality units (after rescale): centre and width, DICOM semantics.
struct WindowLevel {
    double center = 0.0;
    double width = 1.0;
    bool operator==(const WindowLevel& other) const {
        return center == other.center && width == other.width;
    }
    bool operator!=(const WindowLevel& other) const { return !(*this == other); }
};

enum class VoiFunction { Linear, LinearExact, Sigmoid };
VoiFunction voiFunctionFromDicom(const std::string& name); ///< unknown names → Linear

/// How the VOI stage maps modality values to display values.
struct VoiSetting {
    WindowLevel window;                          ///< used unless `table` is set
    VoiFunction function = VoiFunction::Linear;
    const dicom::LookupTable* table = nullptr;   ///< a VOI LUT from the file; not owned
};

/// Applies the window function to one modality value; returns 0..1.
double applyWindow(double modalityValue, const WindowLevel& window, VoiFunction function);

/// Maps a modality value through a DICOM LUT table (clamping outside the table); returns the raw
/// table entry as double.
double applyLookupTable(const dicom::LookupTable& table, double input);

/// Applies the modality stage (slope/intercept, or the Modality LUT table) to a stored value.
double toModalityValue(const dicom::ModalityTransform& modality, std::int64_t storedValue);

/// The display value in [0, 1] of every stored value of a domain, before quantisation: the shared
/// core of GrayscaleLut (8-bit display) and of model input (float).
struct UnitTable {
    std::int64_t low = 0;   ///< stored value of entry 0
    std::int64_t high = 0;  ///< largest stored value covered
    int shift = 0;          ///< entry = (stored − low) >> shift
    std::vector<float> values;
};

/// Builds the unit table for `pixels`' stored-value domain (see GrayscaleLut for the domain).
UnitTable buildUnitTable(const dicom::PixelData& pixels, const dicom::ModalityTransform& modality,
                         const VoiSetting& voi, bool invert,
                         std::optional<std::pair<std::int64_t, std::int64_t>> valueRange = std::nullopt);

/// The table for one monochrome frame format. Domain: every value a stored sample can take
/// (BitsStored, signedness); for BitsStored > 20 the domain is the frame's actual value range,
/// quantised to at most 2^20 entries.
class GrayscaleLut {
public:
    /// `valueRange`: the stored values actually present (needed only for BitsStored > 20).
    void build(const dicom::PixelData& pixels, const dicom::ModalityTransform& modality,
               const VoiSetting& voi, bool invert,
               std::optional<std::pair<std::int64_t, std::int64_t>> valueRange = std::nullopt);

    std::int64_t domainLow() const { return m_low; }
    std::int64_t domainHigh() const { return m_high; }
    int quantisationShift() const { return m_shift; }
    const std::uint8_t* table() const { return m_table.data(); }
    std::size_t size() const { return m_table.size(); }

    /// Display value of one stored value (values outside the domain clamp to its ends).
    std::uint8_t map(std::int64_t storedValue) const;

private:
    std::int64_t m_low = 0;
    std::int64_t m_high = 0;
    int m_shift = 0;
    std::vector<std::uint8_t> m_table;
};

} // namespace raddraft::viewer
