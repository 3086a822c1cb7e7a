#include "display/ModelInput.h"

#include "display/ImageStatistics.h"
#include "display/WindowPresets.h"

namespace raddraft::viewer {

namespace {

template <typename Sample>
void mapUnit(const std::uint8_t* bytes, const UnitTable& table, std::vector<float>& out)
{
    const auto* samples = reinterpret_cast<const Sample*>(bytes);
    const std::int64_t last = static_cast<std::int64_t>(table.values.size()) - 1;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::int64_t index = (std::clamp<std::int64_t>(samples[i], table.low, table.high) - table.low) >> table.shift;
        out[i] = table.values[static_cast<std::size_t>(std::min(index, last))];
    }
}

} // namespace

UnitImage toUnitImage(const dicom::DecodedImage& image, int frame, const DisplaySettings& settings)
{
    const dicom::PixelData& pixels = image.pixels;
    UnitImage result;
    if (frame < 0 || frame >= pixels.frames)
        return result;
    result.width = pixels.columns;
    result.height = pixels.rows;
    result.pixels.resize(static_cast<std::size_t>(pixels.rows) * pixels.columns);

    if (pixels.samplesPerPixel == 3 || pixels.photometric == "PALETTE COLOR") {
        // Colour (rare for radiographs): the rendered RGB reduced to luminance (Rec. 601).
        FrameRenderer renderer;
        renderer.setImage(std::shared_ptr<const dicom::DecodedImage>(&image, [](const dicom::DecodedImage*) {}));
        DisplaySettings display = settings;
        display.invert = false;
        QImage rendered;
        renderer.render(frame, display, rendered);
        for (int row = 0; row < rendered.height(); ++row) {
            const auto* line = reinterpret_cast<const QRgb*>(rendered.constScanLine(row));
            for (int column = 0; column < rendered.width(); ++column)
                result.pixels[static_cast<std::size_t>(row) * result.width + column] =
                    (0.299f * qRed(line[column]) + 0.587f * qGreen(line[column]) + 0.114f * qBlue(line[column])) / 255.0f;
        }
        return result;
    }

    VoiSetting voi;
    voi.window = settings.window;
    voi.function = settings.function;
    if (settings.voiTableIndex >= 0 && settings.voiTableIndex < static_cast<int>(image.voi.tables.size()))
        voi.table = &image.voi.tables[static_cast<std::size_t>(settings.voiTableIndex)];
    std::optional<std::pair<std::int64_t, std::int64_t>> range;
    if (pixels.bitsStored > 20) {
        const FrameStatistics statistics = computeFrameStatistics(pixels, frame, 0.0, 1.0);
        range = std::make_pair(statistics.minimum, statistics.maximum);
    }
    const UnitTable table = buildUnitTable(pixels, image.modality, voi, pixels.photometric == "MONOCHROME1", range);
    const std::uint8_t* bytes = pixels.frameBytes(frame);
    switch (pixels.format) {
    case dicom::SampleFormat::UInt8: mapUnit<std::uint8_t>(bytes, table, result.pixels); break;
    case dicom::SampleFormat::Int8: mapUnit<std::int8_t>(bytes, table, result.pixels); break;
    case dicom::SampleFormat::UInt16: mapUnit<std::uint16_t>(bytes, table, result.pixels); break;
    case dicom::SampleFormat::Int16: mapUnit<std::int16_t>(bytes, table, result.pixels); break;
    case dicom::SampleFormat::UInt32: mapUnit<std::uint32_t>(bytes, table, result.pixels); break;
    case dicom::SampleFormat::Int32: mapUnit<std::int32_t>(bytes, table, result.pixels); break;
    }
    return result;
}

UnitImage toUnitImage(const dicom::DecodedImage& image, int frame)
{
    return toUnitImage(image, frame, defaultDisplaySettings(image, frame));
}

} // namespace raddraft::viewer
