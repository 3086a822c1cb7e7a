#pragma once
// Turns the stored values of one frame into a displayable QImage through a lookup table.
// The table is rebuilt only when the display settings change; applying it is one lookup per
// pixel, spread over the available cores.

#include "dicom/PixelDecoder.h"
#include "display/DisplayLut.h"

#include <QImage>
#include <QRgb>

#include <memory>
#include <vector>

namespace raddraft::viewer {

/// Everything that changes how stored values become display values.
struct DisplaySettings {
    WindowLevel window;
    VoiFunction function = VoiFunction::Linear;
    /// Index into DecodedImage::voi.tables to use that VOI LUT instead of `window`; -1 = window.
    int voiTableIndex = -1;
    /// User inversion, on top of MONOCHROME1's own inversion.
    bool invert = false;

    bool operator==(const DisplaySettings& other) const {
        return window == other.window && function == other.function &&
               voiTableIndex == other.voiTableIndex && invert == other.invert;
    }
    bool operator!=(const DisplaySettings& other) const { return !(*this == other); }
};

class FrameRenderer {
public:
    /// The image whose frames are rendered; shared with the viewport that shows it.
    void setImage(std::shared_ptr<const dicom::DecodedImage> image);
    const std::shared_ptr<const dicom::DecodedImage>& image() const { return m_image; }

    /// Renders `frame` with `settings` into `target`, reusing its buffer when the size and
    /// format already fit. Monochrome → Format_Grayscale8; RGB and PALETTE COLOR → Format_RGB32.
    void render(int frame, const DisplaySettings& settings, QImage& target);

    /// True for images shown through a grayscale window (MONOCHROME1/2).
    bool isMonochrome() const;

private:
    void rebuildTablesIfNeeded(int frame, const DisplaySettings& settings);

    std::shared_ptr<const dicom::DecodedImage> m_image;
    GrayscaleLut m_grayscaleLut;
    std::vector<QRgb> m_paletteLut;              ///< stored index → colour (PALETTE COLOR)
    std::array<std::uint8_t, 256> m_channelLut{}; ///< 8-bit channel → display (RGB)
    bool m_tablesValid = false;
    DisplaySettings m_tableSettings;
    int m_tableFrame = -1; ///< only matters when the LUT domain depends on the frame's values
};

/// Calls `function(firstRow, endRow)` for contiguous row ranges covering [0, rows), in parallel
/// on the global thread pool when the work is large enough to be worth it.
void forEachRowRange(int rows, std::size_t pixelsPerRow,
                     const std::function<void(int, int)>& function);

} // namespace raddraft::viewer
