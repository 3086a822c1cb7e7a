#include "display/FrameRenderer.h"

#include "display/ImageStatistics.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstring>
#include <thread>

namespace raddraft::viewer {

using dicom::SampleFormat;

void forEachRowRange(int rows, std::size_t pixelsPerRow, const std::function<void(int, int)>& function)
{
    // Below ~1 MPixel, handing work to the pool costs more than it saves.
    const std::size_t total = static_cast<std::size_t>(rows) * pixelsPerRow;
    const int workers = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    if (total < (1u << 20) || workers == 1 || rows < 2 * workers) {
        function(0, rows);
        return;
    }
    struct Range {
        int begin;
        int end;
    };
    std::vector<Range> ranges;
    const int chunks = workers * 2;
    for (int i = 0; i < chunks; ++i)
        ranges.push_back({rows * i / chunks, rows * (i + 1) / chunks});
    QtConcurrent::blockingMap(ranges, [&function](const Range& range) { function(range.begin, range.end); });
}

void FrameRenderer::setImage(std::shared_ptr<const dicom::DecodedImage> image)
{
    m_image = std::move(image);
    m_tablesValid = false;
    m_tableFrame = -1;
}

bool FrameRenderer::isMonochrome() const
{
    return m_image && m_image->pixels.samplesPerPixel == 1 && m_image->pixels.photometric != "PALETTE COLOR";
}

void FrameRenderer::rebuildTablesIfNeeded(int frame, const DisplaySettings& settings)
{
    const dicom::PixelData& pixels = m_image->pixels;
    const bool frameDependent = pixels.bitsStored > 20;
    if (m_tablesValid && m_tableSettings == settings && (!frameDependent || m_tableFrame == frame))
        return;

    if (pixels.photometric == "PALETTE COLOR" && m_image->palette) {
        // Palette entries are 16-bit (or 8-bit) per channel; display uses the top 8 bits.
        const dicom::PaletteLut& palette = *m_image->palette;
        const auto channel = [](const dicom::LookupTable& table, std::int64_t index) {
            const double entry = applyLookupTable(table, static_cast<double>(index));
            const int shift = table.bitsPerEntry > 8 ? table.bitsPerEntry - 8 : 0;
            return std::clamp(static_cast<int>(entry) >> shift, 0, 255);
        };
        const std::int64_t low = pixels.minStoredValue();
        const std::int64_t high = pixels.maxStoredValue();
        m_paletteLut.resize(static_cast<std::size_t>(high - low + 1));
        for (std::int64_t value = low; value <= high; ++value) {
            int r = channel(palette.red, value), g = channel(palette.green, value), b = channel(palette.blue, value);
            if (settings.invert) {
                r = 255 - r;
                g = 255 - g;
                b = 255 - b;
            }
            m_paletteLut[static_cast<std::size_t>(value - low)] = qRgb(r, g, b);
        }
    } else if (pixels.samplesPerPixel == 3) {
        // Colour: the window applies to each 8-bit channel alike.
        for (int value = 0; value < 256; ++value) {
            double unit = std::clamp(applyWindow(value, settings.window, settings.function), 0.0, 1.0);
            if (settings.invert)
                unit = 1.0 - unit;
            m_channelLut[static_cast<std::size_t>(value)] = static_cast<std::uint8_t>(std::lround(unit * 255.0));
        }
    } else {
        VoiSetting voi;
        voi.window = settings.window;
        voi.function = settings.function;
        if (settings.voiTableIndex >= 0 &&
            settings.voiTableIndex < static_cast<int>(m_image->voi.tables.size()))
            voi.table = &m_image->voi.tables[static_cast<std::size_t>(settings.voiTableIndex)];
        const bool invert = (pixels.photometric == "MONOCHROME1") != settings.invert;
        std::optional<std::pair<std::int64_t, std::int64_t>> range;
        if (frameDependent) {
            const FrameStatistics statistics = computeFrameStatistics(pixels, frame, 0.0, 1.0);
            range = std::make_pair(statistics.minimum, statistics.maximum);
        }
        m_grayscaleLut.build(pixels, m_image->modality, voi, invert, range);
    }
    m_tableSettings = settings;
    m_tableFrame = frame;
    m_tablesValid = true;
}

namespace {

template <typename Sample>
void mapGrayscale(const std::uint8_t* frameBytes, const GrayscaleLut& lut, QImage& target)
{
    const auto* samples = reinterpret_cast<const Sample*>(frameBytes);
    const int columns = target.width();
    const std::uint8_t* table = lut.table();
    const std::int64_t low = lut.domainLow();
    const std::int64_t high = lut.domainHigh();
    const int shift = lut.quantisationShift();
    forEachRowRange(target.height(), static_cast<std::size_t>(columns), [&](int begin, int end) {
        for (int row = begin; row < end; ++row) {
            const Sample* in = samples + static_cast<std::size_t>(row) * columns;
            std::uint8_t* out = target.scanLine(row);
            if (shift == 0 && sizeof(Sample) <= 2) {
                // Hot path (8/16-bit): the domain covers every representable stored value the
                // decoder can produce, so no clamping is needed.
                for (int col = 0; col < columns; ++col)
                    out[col] = table[static_cast<std::int64_t>(in[col]) - low];
            } else {
                for (int col = 0; col < columns; ++col) {
                    const std::int64_t value = std::clamp<std::int64_t>(in[col], low, high);
                    out[col] = table[(value - low) >> shift];
                }
            }
        }
    });
}

template <typename Sample>
void mapPalette(const std::uint8_t* frameBytes, const std::vector<QRgb>& palette, std::int64_t low,
                QImage& target)
{
    const auto* samples = reinterpret_cast<const Sample*>(frameBytes);
    const int columns = target.width();
    const std::int64_t last = static_cast<std::int64_t>(palette.size()) - 1;
    forEachRowRange(target.height(), static_cast<std::size_t>(columns), [&](int begin, int end) {
        for (int row = begin; row < end; ++row) {
            const Sample* in = samples + static_cast<std::size_t>(row) * columns;
            auto* out = reinterpret_cast<QRgb*>(target.scanLine(row));
            for (int col = 0; col < columns; ++col)
                out[col] = palette[static_cast<std::size_t>(std::clamp<std::int64_t>(in[col] - low, 0, last))];
        }
    });
}

} // namespace

void FrameRenderer::render(int frame, const DisplaySettings& settings, QImage& target)
{
    if (!m_image || frame < 0 || frame >= m_image->pixels.frames) {
        target = QImage();
        return;
    }
    rebuildTablesIfNeeded(frame, settings);
    const dicom::PixelData& pixels = m_image->pixels;
    const bool palette = pixels.photometric == "PALETTE COLOR" && m_image->palette;
    const QImage::Format format =
        (pixels.samplesPerPixel == 3 || palette) ? QImage::Format_RGB32 : QImage::Format_Grayscale8;
    if (target.width() != pixels.columns || target.height() != pixels.rows || target.format() != format)
        target = QImage(pixels.columns, pixels.rows, format);
    const std::uint8_t* bytes = pixels.frameBytes(frame);

    if (palette) {
        const std::int64_t low = pixels.minStoredValue();
        switch (pixels.format) {
        case SampleFormat::UInt8: mapPalette<std::uint8_t>(bytes, m_paletteLut, low, target); break;
        case SampleFormat::Int8: mapPalette<std::int8_t>(bytes, m_paletteLut, low, target); break;
        case SampleFormat::UInt16: mapPalette<std::uint16_t>(bytes, m_paletteLut, low, target); break;
        case SampleFormat::Int16: mapPalette<std::int16_t>(bytes, m_paletteLut, low, target); break;
        case SampleFormat::UInt32: mapPalette<std::uint32_t>(bytes, m_paletteLut, low, target); break;
        case SampleFormat::Int32: mapPalette<std::int32_t>(bytes, m_paletteLut, low, target); break;
        }
        return;
    }
    if (pixels.samplesPerPixel == 3) {
        // Decoded colour is 8-bit RGB, samples interleaved.
        const int columns = pixels.columns;
        const auto& lut = m_channelLut;
        forEachRowRange(pixels.rows, static_cast<std::size_t>(columns), [&](int begin, int end) {
            for (int row = begin; row < end; ++row) {
                const std::uint8_t* in = bytes + static_cast<std::size_t>(row) * columns * 3;
                auto* out = reinterpret_cast<QRgb*>(target.scanLine(row));
                for (int col = 0; col < columns; ++col, in += 3)
                    out[col] = qRgb(lut[in[0]], lut[in[1]], lut[in[2]]);
            }
        });
        return;
    }
    switch (pixels.format) {
    case SampleFormat::UInt8: mapGrayscale<std::uint8_t>(bytes, m_grayscaleLut, target); break;
    case SampleFormat::Int8: mapGrayscale<std::int8_t>(bytes, m_grayscaleLut, target); break;
    case SampleFormat::UInt16: mapGrayscale<std::uint16_t>(bytes, m_grayscaleLut, target); break;
    case SampleFormat::Int16: mapGrayscale<std::int16_t>(bytes, m_grayscaleLut, target); break;
    case SampleFormat::UInt32: mapGrayscale<std::uint32_t>(bytes, m_grayscaleLut, target); break;
    case SampleFormat::Int32: mapGrayscale<std::int32_t>(bytes, m_grayscaleLut, target); break;
    }
}

} // namespace raddraft::viewer
