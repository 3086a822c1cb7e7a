#include "display/ImageStatistics.h"

#include "display/FrameRenderer.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

namespace raddraft::viewer {

namespace {

template <typename Sample>
FrameStatistics statisticsOf(const dicom::PixelData& pixels, int frame, double lowFraction, double highFraction)
{
    const auto* samples = reinterpret_cast<const Sample*>(pixels.frameBytes(frame));
    const std::size_t stride = static_cast<std::size_t>(pixels.samplesPerPixel);
    const std::size_t count = static_cast<std::size_t>(pixels.rows) * pixels.columns;
    FrameStatistics result;
    if (count == 0)
        return result;
    const auto rank = [count](double fraction) {
        return static_cast<std::size_t>(std::clamp(fraction, 0.0, 1.0) * static_cast<double>(count - 1));
    };

    if constexpr (sizeof(Sample) <= 2) {
        // A histogram over every representable value: two passes, no sorting.
        constexpr std::int64_t offset = std::is_signed_v<Sample> ? (sizeof(Sample) == 1 ? 128 : 32768) : 0;
        const std::size_t bins = sizeof(Sample) == 1 ? 256 : 65536;
        std::vector<std::uint32_t> histogram(bins, 0);
        std::mutex merge;
        const std::size_t columns = static_cast<std::size_t>(pixels.columns);
        // Per-chunk histograms, merged once: large frames are counted on all cores.
        forEachRowRange(pixels.rows, columns, [&](int begin, int end) {
            std::vector<std::uint32_t> local(bins, 0);
            for (std::size_t i = static_cast<std::size_t>(begin) * columns; i < static_cast<std::size_t>(end) * columns; ++i)
                ++local[static_cast<std::size_t>(samples[i * stride] + offset)];
            const std::lock_guard<std::mutex> lock(merge);
            for (std::size_t bin = 0; bin < bins; ++bin)
                histogram[bin] += local[bin];
        });
        std::size_t cumulative = 0;
        const std::size_t lowRank = rank(lowFraction), highRank = rank(highFraction);
        bool haveMinimum = false, haveLow = false, haveHigh = false;
        for (std::size_t bin = 0; bin < histogram.size(); ++bin) {
            if (histogram[bin] == 0)
                continue;
            const std::int64_t value = static_cast<std::int64_t>(bin) - offset;
            if (!haveMinimum) {
                result.minimum = value;
                haveMinimum = true;
            }
            cumulative += histogram[bin];
            if (!haveLow && cumulative > lowRank) {
                result.lowPercentile = value;
                haveLow = true;
            }
            if (!haveHigh && cumulative > highRank) {
                result.highPercentile = value;
                haveHigh = true;
            }
            result.maximum = value;
        }
    } else {
        std::vector<std::int64_t> values(count);
        for (std::size_t i = 0; i < count; ++i)
            values[i] = samples[i * stride];
        const auto [minimum, maximum] = std::minmax_element(values.begin(), values.end());
        result.minimum = *minimum;
        result.maximum = *maximum;
        auto lowIt = values.begin() + static_cast<std::ptrdiff_t>(rank(lowFraction));
        std::nth_element(values.begin(), lowIt, values.end());
        result.lowPercentile = *lowIt;
        auto highIt = values.begin() + static_cast<std::ptrdiff_t>(rank(highFraction));
        std::nth_element(values.begin(), highIt, values.end());
        result.highPercentile = *highIt;
    }
    return result;
}

} // namespace

FrameStatistics computeFrameStatistics(const dicom::PixelData& pixels, int frame, double lowFraction,
                                       double highFraction)
{
    using dicom::SampleFormat;
    switch (pixels.format) {
    case SampleFormat::UInt8: return statisticsOf<std::uint8_t>(pixels, frame, lowFraction, highFraction);
    case SampleFormat::Int8: return statisticsOf<std::int8_t>(pixels, frame, lowFraction, highFraction);
    case SampleFormat::UInt16: return statisticsOf<std::uint16_t>(pixels, frame, lowFraction, highFraction);
    case SampleFormat::Int16: return statisticsOf<std::int16_t>(pixels, frame, lowFraction, highFraction);
    case SampleFormat::UInt32: return statisticsOf<std::uint32_t>(pixels, frame, lowFraction, highFraction);
    case SampleFormat::Int32: return statisticsOf<std::int32_t>(pixels, frame, lowFraction, highFraction);
    }
    return {};
}

} // namespace raddraft::viewer
