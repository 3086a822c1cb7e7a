#include "dicom/PixelData.h"

#include <algorithm>
#include <cstring>

namespace raddraft::dicom {

std::size_t bytesPerSample(SampleFormat format)
{
    switch (format) {
    case SampleFormat::UInt8:
    case SampleFormat::Int8:
        return 1;
    case SampleFormat::UInt16:
    case SampleFormat::Int16:
        return 2;
    case SampleFormat::UInt32:
    case SampleFormat::Int32:
        return 4;
    }
    return 1;
}

bool isSigned(SampleFormat format)
{
    return format == SampleFormat::Int8 || format == SampleFormat::Int16 || format == SampleFormat::Int32;
}

const char* numpyDescr(SampleFormat format)
{
    switch (format) {
    case SampleFormat::UInt8: return "|u1";
    case SampleFormat::Int8: return "|i1";
    case SampleFormat::UInt16: return "<u2";
    case SampleFormat::Int16: return "<i2";
    case SampleFormat::UInt32: return "<u4";
    case SampleFormat::Int32: return "<i4";
    }
    return "|u1";
}

std::int64_t PixelData::minStoredValue() const
{
    if (!isSigned(format) || bitsStored <= 0)
        return 0;
    return -(std::int64_t{1} << (bitsStored - 1));
}

std::int64_t PixelData::maxStoredValue() const
{
    if (bitsStored <= 0)
        return 0;
    if (isSigned(format))
        return (std::int64_t{1} << (bitsStored - 1)) - 1;
    return (std::int64_t{1} << bitsStored) - 1;
}

namespace {

template <typename T>
T loadSample(const std::uint8_t* base, std::size_t index)
{
    T value;
    std::memcpy(&value, base + index * sizeof(T), sizeof(T));
    return value;
}

// One switch per call instead of per sample: the loops below are instantiated per type.
template <typename T, typename Function>
void forEachSample(const PixelData& pixels, Function&& function)
{
    const std::size_t count = pixels.bytes.size() / sizeof(T);
    const std::uint8_t* base = pixels.bytes.data();
    for (std::size_t i = 0; i < count; ++i)
        function(i, static_cast<std::int64_t>(loadSample<T>(base, i)));
}

template <typename Function>
void dispatchSamples(const PixelData& pixels, Function&& function)
{
    switch (pixels.format) {
    case SampleFormat::UInt8: forEachSample<std::uint8_t>(pixels, function); break;
    case SampleFormat::Int8: forEachSample<std::int8_t>(pixels, function); break;
    case SampleFormat::UInt16: forEachSample<std::uint16_t>(pixels, function); break;
    case SampleFormat::Int16: forEachSample<std::int16_t>(pixels, function); break;
    case SampleFormat::UInt32: forEachSample<std::uint32_t>(pixels, function); break;
    case SampleFormat::Int32: forEachSample<std::int32_t>(pixels, function); break;
    }
}

} // namespace

std::int64_t sampleValue(const PixelData& pixels, std::size_t index)
{
    const std::uint8_t* base = pixels.bytes.data();
    switch (pixels.format) {
    case SampleFormat::UInt8: return loadSample<std::uint8_t>(base, index);
    case SampleFormat::Int8: return loadSample<std::int8_t>(base, index);
    case SampleFormat::UInt16: return loadSample<std::uint16_t>(base, index);
    case SampleFormat::Int16: return loadSample<std::int16_t>(base, index);
    case SampleFormat::UInt32: return loadSample<std::uint32_t>(base, index);
    case SampleFormat::Int32: return loadSample<std::int32_t>(base, index);
    }
    return 0;
}

std::uint16_t lookUp(const LookupTable& table, std::int64_t input)
{
    if (table.data.empty())
        return 0;
    const std::int64_t last = static_cast<std::int64_t>(table.data.size()) - 1;
    const std::int64_t position = std::clamp<std::int64_t>(input - table.firstMappedValue, 0, last);
    return table.data[static_cast<std::size_t>(position)];
}

std::vector<float> applyModalityTransform(const PixelData& pixels, const ModalityTransform& modality)
{
    std::vector<float> output(pixels.bytes.size() / bytesPerSample(pixels.format));
    if (modality.table && !modality.table->data.empty()) {
        const LookupTable& table = *modality.table;
        dispatchSamples(pixels, [&](std::size_t i, std::int64_t value) {
            output[i] = static_cast<float>(lookUp(table, value));
        });
    } else {
        // In double, like pydicom's apply_modality_lut, then rounded once to float32.
        const double slope = modality.rescaleSlope;
        const double intercept = modality.rescaleIntercept;
        dispatchSamples(pixels, [&](std::size_t i, std::int64_t value) {
            output[i] = static_cast<float>(static_cast<double>(value) * slope + intercept);
        });
    }
    return output;
}

} // namespace raddraft::dicom
