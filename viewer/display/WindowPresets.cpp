#include "display/WindowPresets.h"

#include "display/ImageStatistics.h"

#include <QCoreApplication>

#include <algorithm>

namespace raddraft::viewer {

namespace {

/// This file's translation context, "WindowPresets" (lupdate reads it from the macro; a helper function
/// would hide it).
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(WindowPresets)
};

WindowLevel windowBetween(double low, double high)
{
    if (high < low)
        std::swap(low, high);
    return {(low + high) / 2.0, std::max(1.0, high - low + 1.0)};
}

WindowLevel modalityWindow(const dicom::DecodedImage& image, std::int64_t lowStored, std::int64_t highStored)
{
    return windowBetween(toModalityValue(image.modality, lowStored), toModalityValue(image.modality, highStored));
}

bool isColour(const dicom::DecodedImage& image)
{
    return image.pixels.samplesPerPixel == 3 || image.pixels.photometric == "PALETTE COLOR";
}

} // namespace

std::vector<WindowPreset> windowPresetsFor(const dicom::DecodedImage& image, int frame)
{
    std::vector<WindowPreset> presets;
    if (isColour(image)) {
        presets.push_back({Texts::tr("Full range"), DisplaySettings{{128.0, 256.0}, VoiFunction::Linear, -1, false}});
        return presets;
    }
    const VoiFunction function = voiFunctionFromDicom(image.voi.function);
    for (std::size_t i = 0; i < image.voi.windows.size(); ++i) {
        const dicom::VoiWindow& window = image.voi.windows[i];
        const QString explanation = window.explanation.empty()
                                        ? Texts::tr("File window %1").arg(i + 1)
                                        : Texts::tr("File: %1").arg(QString::fromStdString(window.explanation));
        presets.push_back({explanation, DisplaySettings{{window.center, window.width}, function, -1, false}});
    }
    for (std::size_t i = 0; i < image.voi.tables.size(); ++i) {
        const dicom::LookupTable& table = image.voi.tables[i];
        const QString explanation = table.explanation.empty()
                                        ? Texts::tr("File VOI LUT %1").arg(i + 1)
                                        : Texts::tr("File LUT: %1").arg(QString::fromStdString(table.explanation));
        presets.push_back({explanation, DisplaySettings{{0.0, 1.0}, VoiFunction::Linear, static_cast<int>(i), false}});
    }
    if (frame >= 0 && frame < image.pixels.frames) {
        const FrameStatistics statistics = computeFrameStatistics(image.pixels, frame);
        presets.push_back({Texts::tr("Full range"),
                           DisplaySettings{modalityWindow(image, statistics.minimum, statistics.maximum),
                                           VoiFunction::Linear, -1, false}});
        presets.push_back({Texts::tr("Automatic"),
                           DisplaySettings{modalityWindow(image, statistics.lowPercentile, statistics.highPercentile),
                                           VoiFunction::Linear, -1, false}});
    }
    if (image.info.modality == "CT") {
        presets.push_back({Texts::tr("Soft tissue 40/400"), DisplaySettings{{40, 400}, VoiFunction::Linear, -1, false}});
        presets.push_back({Texts::tr("Lung −600/1500"), DisplaySettings{{-600, 1500}, VoiFunction::Linear, -1, false}});
        presets.push_back({Texts::tr("Bone 480/2500"), DisplaySettings{{480, 2500}, VoiFunction::Linear, -1, false}});
        presets.push_back({Texts::tr("Brain 40/80"), DisplaySettings{{40, 80}, VoiFunction::Linear, -1, false}});
    }
    return presets;
}

DisplaySettings defaultDisplaySettings(const dicom::DecodedImage& image, int frame)
{
    return defaultDisplaySettings(image, windowPresetsFor(image, frame));
}

DisplaySettings defaultDisplaySettings(const dicom::DecodedImage& image, const std::vector<WindowPreset>& presets)
{
    if (isColour(image) || !image.voi.windows.empty() || !image.voi.tables.empty())
        return presets.front().settings;
    // No window in the file: CT opens in the soft-tissue window (its units are HU, so the
    // preset is meaningful); everything else in the automatic window.
    const QString wanted = image.info.modality == "CT" ? Texts::tr("Soft tissue 40/400") : Texts::tr("Automatic");
    for (const WindowPreset& preset : presets)
        if (preset.name == wanted)
            return preset.settings;
    return presets.empty() ? DisplaySettings{} : presets.front().settings;
}

} // namespace raddraft::viewer
