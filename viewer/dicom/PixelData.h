#pragma once
// Decoded pixels and the transforms DICOM attaches to them, in plain C++ types.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::dicom {

/// The natural in-memory type of the stored values (what pydicom's pixel_array would give).
enum class SampleFormat { UInt8, Int8, UInt16, Int16, UInt32, Int32 };

std::size_t bytesPerSample(SampleFormat format);
bool isSigned(SampleFormat format);
const char* numpyDescr(SampleFormat format); ///< "|u1", "<i2", … for .npy headers

/// Stored pixel values of all decoded frames, native byte order, frame-major, then row-major,
/// samples interleaved (samples last): index = ((frame*rows + row)*columns + col)*samples + s.
/// Values below BitsAllocated are masked to BitsStored and sign-extended when signed.
/// Colour images are RGB (YBR_* is converted to RGB on decode; `photometric` then says "RGB").
/// PALETTE COLOR images keep their stored indices (see PaletteLut).
struct PixelData {
    int frames = 0;
    int rows = 0;
    int columns = 0;
    int samplesPerPixel = 1;
    SampleFormat format = SampleFormat::UInt16;
    int bitsStored = 16;
    std::string photometric; ///< after decoding: "MONOCHROME1", "MONOCHROME2", "RGB", "PALETTE COLOR"
    std::vector<std::uint8_t> bytes;

    std::size_t frameSizeInSamples() const {
        return static_cast<std::size_t>(rows) * columns * samplesPerPixel;
    }
    std::size_t frameSizeInBytes() const { return frameSizeInSamples() * bytesPerSample(format); }
    /// Pointer to the first byte of frame `index`.
    const std::uint8_t* frameBytes(int index) const { return bytes.data() + index * frameSizeInBytes(); }
    /// Smallest and largest value a stored sample can take (from BitsStored and signedness).
    std::int64_t minStoredValue() const;
    std::int64_t maxStoredValue() const;
};

/// A DICOM lookup table (Modality LUT, VOI LUT or one palette channel): values for the inputs
/// firstMappedValue … firstMappedValue + data.size() - 1; inputs outside clamp to the ends.
struct LookupTable {
    std::int64_t firstMappedValue = 0;
    int bitsPerEntry = 16;
    std::vector<std::uint16_t> data;
    std::string explanation;
};

/// Modality LUT stage: Rescale Slope/Intercept, or a Modality LUT Sequence table.
struct ModalityTransform {
    double rescaleSlope = 1.0;
    double rescaleIntercept = 0.0;
    std::string rescaleType;           ///< "HU", "US", … (may be empty)
    std::optional<LookupTable> table;  ///< when present it replaces slope/intercept
};

/// One Window Center / Window Width pair (values after the modality LUT).
struct VoiWindow {
    double center = 0.0;
    double width = 1.0;
    std::string explanation;
};

/// VOI stage: zero or more windows and zero or more VOI LUTs, as stored in the file.
struct VoiTransform {
    std::vector<VoiWindow> windows;
    std::vector<LookupTable> tables;
    std::string function = "LINEAR"; ///< VOILUTFunction: LINEAR, LINEAR_EXACT or SIGMOID
};

/// PALETTE COLOR lookup tables (red, green, blue), 16-bit entries as stored.
struct PaletteLut {
    LookupTable red;
    LookupTable green;
    LookupTable blue;
};

/// The stored value of sample `index` (see PixelData's layout) as a 64-bit integer.
std::int64_t sampleValue(const PixelData& pixels, std::size_t index);

/// Applies the modality stage (table when present, else slope/intercept) to every sample:
/// output[i] = transform(stored[i]), same layout as `pixels`. Inputs outside a table clamp to its
/// ends (PS3.3 C.11.1).
std::vector<float> applyModalityTransform(const PixelData& pixels, const ModalityTransform& modality);

/// Looks up `input` in `table`, clamping to the first/last entry.
std::uint16_t lookUp(const LookupTable& table, std::int64_t input);

} // namespace raddraft::dicom
