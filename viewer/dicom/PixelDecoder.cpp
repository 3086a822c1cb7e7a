#include "dicom/PixelDecoder.h"

#include "dicom/DcmtkSupport.h"
#include "dicom/Jpeg2000Decoder.h"
#include "dicom/PlainImage.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <type_traits>

namespace raddraft::dicom {

std::string supportedTransferSyntaxesDescription()
{
    return "Implicit VR Little Endian (1.2.840.10008.1.2)\n"
           "Explicit VR Little Endian (1.2.840.10008.1.2.1)\n"
           "Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99)\n"
           "Explicit VR Big Endian (1.2.840.10008.1.2.2)\n"
           "RLE Lossless (1.2.840.10008.1.2.5)\n"
           "JPEG Baseline (1.2.840.10008.1.2.4.50)\n"
           "JPEG Extended (1.2.840.10008.1.2.4.51)\n"
           "JPEG Lossless, process 14 (1.2.840.10008.1.2.4.57)\n"
           "JPEG Lossless, process 14, selection value 1 (1.2.840.10008.1.2.4.70)\n"
           "JPEG-LS Lossless (1.2.840.10008.1.2.4.80)\n"
           "JPEG-LS Near-Lossless (1.2.840.10008.1.2.4.81)\n"
           "JPEG 2000 Lossless (1.2.840.10008.1.2.4.90)\n"
           "JPEG 2000 (1.2.840.10008.1.2.4.91)\n"
           "Files without preamble or meta header; PNG and JPEG images (as modality OT)\n";
}

namespace {

using detail::initialiseDcmtk;

SampleFormat sampleFormatFor(const InstanceInfo& info)
{
    const bool signedValues = info.pixelRepresentationSigned;
    switch (info.bitsAllocated) {
    case 1: return SampleFormat::UInt8; // unpacked, one byte per pixel (as pydicom does)
    case 8: return signedValues ? SampleFormat::Int8 : SampleFormat::UInt8;
    case 16: return signedValues ? SampleFormat::Int16 : SampleFormat::UInt16;
    default: return signedValues ? SampleFormat::Int32 : SampleFormat::UInt32;
    }
}

// --- sample normalisation -------------------------------------------------------------------

/// Masks to `bitsStored` and sign-extends, in place, on the unsigned container type: the loop has
/// no branches on the format and vectorises.
template <typename T>
void normaliseSamples(T* samples, std::size_t count, int bitsStored, bool signedValues)
{
    static_assert(std::is_unsigned_v<T>);
    constexpr int containerBits = static_cast<int>(sizeof(T) * 8);
    if (bitsStored >= containerBits)
        return;
    const T mask = static_cast<T>((T{1} << bitsStored) - 1);
    if (!signedValues) {
        for (std::size_t i = 0; i < count; ++i)
            samples[i] = static_cast<T>(samples[i] & mask);
        return;
    }
    const T signBit = static_cast<T>(T{1} << (bitsStored - 1));
    const T highBits = static_cast<T>(~mask);
    for (std::size_t i = 0; i < count; ++i) {
        const T value = static_cast<T>(samples[i] & mask);
        samples[i] = (value & signBit) ? static_cast<T>(value | highBits) : value;
    }
}

void normaliseBytes(std::uint8_t* data, std::size_t count, std::size_t sampleBytes, int bitsStored, bool signedValues)
{
    switch (sampleBytes) {
    case 1: normaliseSamples(data, count, bitsStored, signedValues); break;
    case 2: normaliseSamples(reinterpret_cast<std::uint16_t*>(data), count, bitsStored, signedValues); break;
    default: normaliseSamples(reinterpret_cast<std::uint32_t*>(data), count, bitsStored, signedValues); break;
    }
}

void normalisePixels(PixelData& pixels, int bitsStored, bool signedValues)
{
    const std::size_t sampleBytes = bytesPerSample(pixels.format);
    normaliseBytes(pixels.bytes.data(), pixels.bytes.size() / sampleBytes, sampleBytes, bitsStored, signedValues);
}

// --- colour ---------------------------------------------------------------------------------

/// YBR_FULL → RGB exactly as pydicom's convert_color_space (float64 matrix, +0.5, floor, clip), so
/// that our output and pydicom's converted output agree to the last bit.
void convertYbrFullToRgb(std::uint8_t* samples, std::size_t pixelCount)
{
    const double greenFromCb = -0.114 * 1.772 / 0.587;
    const double greenFromCr = -0.299 * 1.402 / 0.587;
    auto toByte = [](double value) {
        return static_cast<std::uint8_t>(std::clamp(std::floor(value + 0.5), 0.0, 255.0));
    };
    for (std::size_t i = 0; i < pixelCount; ++i) {
        std::uint8_t* pixel = samples + i * 3;
        const double y = pixel[0];
        const double cb = pixel[1] - 128.0;
        const double cr = pixel[2] - 128.0;
        pixel[0] = toByte(y + cb * 0.0 + cr * 1.402);
        pixel[1] = toByte(y + cb * greenFromCb + cr * greenFromCr);
        pixel[2] = toByte(y + cb * 1.772 + cr * 0.0);
    }
}

// --- native (uncompressed) pixel data -------------------------------------------------------

void swapBytes(std::uint8_t* data, std::size_t size, std::size_t width)
{
    for (std::size_t offset = 0; offset + width <= size; offset += width)
        std::reverse(data + offset, data + offset + width);
}

/// Copies one frame of native pixel data into our interleaved layout.
void copyNativeFrame(const std::uint8_t* source, std::uint8_t* target, const InstanceInfo& info)
{
    const std::size_t pixelCount = static_cast<std::size_t>(info.rows) * info.columns;
    const auto sampleBytes = static_cast<std::size_t>(info.bitsAllocated / 8);
    const auto samples = static_cast<std::size_t>(info.samplesPerPixel);
    if (detail::isSubsampled422(info.photometricInterpretation)) {
        // Y0 Y1 Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2), in pixel order across rows.
        for (std::size_t pair = 0; pair < pixelCount / 2; ++pair) {
            const std::uint8_t* in = source + pair * 4;
            std::uint8_t* out = target + pair * 6;
            out[0] = in[0], out[1] = in[2], out[2] = in[3];
            out[3] = in[1], out[4] = in[2], out[5] = in[3];
        }
        return;
    }
    if (samples > 1 && info.planarConfiguration == 1) {
        for (std::size_t sample = 0; sample < samples; ++sample)
            for (std::size_t pixel = 0; pixel < pixelCount; ++pixel)
                std::memcpy(target + (pixel * samples + sample) * sampleBytes,
                            source + (sample * pixelCount + pixel) * sampleBytes, sampleBytes);
        return;
    }
    std::memcpy(target, source, pixelCount * samples * sampleBytes);
}

/// Fast path for the common layout (little endian, pixel data is the file's last element,
/// interleaved samples of 8/16/32 bits): reads the requested frames straight from the file into
/// the output, without DCMTK's intermediate copy of the whole value. Returns false (having read
/// nothing into `image`) when the layout does not qualify; the general path then runs.
bool readTrailingNativePixels(E_TransferSyntax syntax, std::uint64_t valueLength, const std::vector<int>& frames,
                              DecodedImage& image)
{
    const InstanceInfo& info = image.info;
    if ((syntax != EXS_LittleEndianExplicit && syntax != EXS_LittleEndianImplicit) || info.bitsAllocated == 1
        || detail::isSubsampled422(info.photometricInterpretation) || (info.samplesPerPixel > 1 && info.planarConfiguration == 1))
        return false;
    std::FILE* file = std::fopen(info.filePath.c_str(), "rb");
    if (file == nullptr)
        return false;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(file, std::fclose);
    if (std::fseek(file, 0, SEEK_END) != 0)
        return false;
    const long end = std::ftell(file);
    const std::uint64_t headerBytes = syntax == EXS_LittleEndianExplicit ? 12 : 8;
    if (end < 0 || static_cast<std::uint64_t>(end) < valueLength + headerBytes)
        return false;
    const std::uint64_t valueStart = static_cast<std::uint64_t>(end) - valueLength;
    // The element header must be right there: (7FE0,0010), then OB/OW + 2 reserved bytes in explicit VR.
    unsigned char header[12] = {};
    if (std::fseek(file, static_cast<long>(valueStart - headerBytes), SEEK_SET) != 0
        || std::fread(header, 1, headerBytes, file) != headerBytes)
        return false;
    const bool tagMatches = header[0] == 0xE0 && header[1] == 0x7F && header[2] == 0x10 && header[3] == 0x00;
    const bool vrMatches = syntax == EXS_LittleEndianImplicit
                           || (header[4] == 'O' && (header[5] == 'W' || header[5] == 'B') && header[6] == 0 && header[7] == 0);
    const unsigned char* lengthBytes = header + headerBytes - 4;
    const std::uint64_t lengthField = lengthBytes[0] | (lengthBytes[1] << 8) | (lengthBytes[2] << 16)
                                      | (static_cast<std::uint64_t>(lengthBytes[3]) << 24);
    if (!tagMatches || !vrMatches || lengthField != valueLength)
        return false;

    PixelData& pixels = image.pixels;
    const std::size_t frameBytes = pixels.frameSizeInBytes();
    pixels.bytes.resize(frameBytes * frames.size());
    // Read in chunks small enough to stay in cache and mask each chunk right away: one pass over
    // memory instead of two for a large radiograph.
    constexpr std::size_t chunkBytes = std::size_t{1} << 20;
    const std::size_t sampleBytes = bytesPerSample(pixels.format);
    for (std::size_t f = 0; f < frames.size(); ++f) {
        const std::uint64_t offset = valueStart + static_cast<std::uint64_t>(frames[f]) * frameBytes;
        if ((f == 0 || frames[f] != frames[f - 1] + 1) && std::fseek(file, static_cast<long>(offset), SEEK_SET) != 0)
            throw DicomError(info.filePath, "cannot seek to frame " + std::to_string(frames[f]));
        for (std::size_t done = 0; done < frameBytes; done += chunkBytes) {
            const std::size_t length = std::min(chunkBytes, frameBytes - done);
            std::uint8_t* chunk = pixels.bytes.data() + f * frameBytes + done;
            if (std::fread(chunk, 1, length, file) != length)
                throw DicomError(info.filePath, "truncated pixel data: frame " + std::to_string(frames[f]) + " cannot be read");
            normaliseBytes(chunk, length / sampleBytes, sampleBytes, info.bitsStored, info.pixelRepresentationSigned);
        }
    }
    return true;
}

/// Returns true when the samples are already masked and sign-extended (the fast path does it).
bool decodeNative(DcmDataset& dataset, E_TransferSyntax syntax, const std::vector<int>& frames, DecodedImage& image)
{
    const InstanceInfo& info = image.info;
    const std::string& path = info.filePath;
    DcmElement* element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element).good() && element != nullptr
        && element->getLengthField() != DCM_UndefinedLength && element->getLengthField() >= detail::nativePayloadBytes(info)
        && readTrailingNativePixels(syntax, element->getLengthField(), frames, image))
        return true;
    element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element).bad() || element == nullptr)
        throw DicomError(path, "no pixel data");
    // getUint8Array gives the little-endian byte stream for OB and OW alike (DCMTK swaps OW words
    // read from a big-endian file); it reads the lazily loaded value from disk now.
    Uint8* raw = nullptr;
    const OFCondition status = element->getUint8Array(raw);
    if (status.bad() || raw == nullptr)
        throw DicomError(path, std::string("cannot read pixel data: ") + status.text());
    const std::uint64_t available = element->getLength();
    if (available < detail::nativePayloadBytes(info))
        throw DicomError(path, "truncated pixel data: " + std::to_string(available) + " bytes, expected "
                                   + std::to_string(detail::nativePayloadBytes(info)));

    PixelData& pixels = image.pixels;
    const std::size_t frameBytes = pixels.frameSizeInBytes();
    pixels.bytes.resize(frameBytes * frames.size());

    if (info.bitsAllocated == 1) {
        // Bits are packed least significant first and frames follow each other without padding.
        const std::size_t frameSamples = pixels.frameSizeInSamples();
        for (std::size_t f = 0; f < frames.size(); ++f) {
            const std::size_t firstBit = static_cast<std::size_t>(frames[f]) * frameSamples;
            std::uint8_t* target = pixels.bytes.data() + f * frameBytes;
            for (std::size_t i = 0; i < frameSamples; ++i) {
                const std::size_t bit = firstBit + i;
                target[i] = static_cast<std::uint8_t>((raw[bit >> 3] >> (bit & 7)) & 1);
            }
        }
        return true;
    }

    const std::size_t storedFrameBytes = detail::nativeFrameBytes(info);
    for (std::size_t f = 0; f < frames.size(); ++f)
        copyNativeFrame(raw + static_cast<std::size_t>(frames[f]) * storedFrameBytes,
                        pixels.bytes.data() + f * frameBytes, info);

    if (syntax == EXS_BigEndianExplicit && info.bitsAllocated > 8) {
        const std::size_t width = static_cast<std::size_t>(info.bitsAllocated / 8);
        if (element->getVR() == EVR_OW && width == 4) {
            // DCMTK swapped 16-bit words only; a 32-bit big-endian sample also needs its halves swapped.
            swapBytes(pixels.bytes.data(), pixels.bytes.size(), 4);
            swapBytes(pixels.bytes.data(), pixels.bytes.size(), 2);
        } else if (element->getVR() != EVR_OW) {
            // OB (or UN) values are never swapped by DCMTK: the samples are still big-endian.
            swapBytes(pixels.bytes.data(), pixels.bytes.size(), width);
        }
    }
    return false;
}

/// Colour-by-plane → colour-by-pixel, frame by frame, in place (through one frame of scratch).
void interleavePlanes(PixelData& pixels)
{
    const std::size_t frameBytes = pixels.frameSizeInBytes();
    const std::size_t pixelCount = static_cast<std::size_t>(pixels.rows) * pixels.columns;
    const std::size_t sampleBytes = bytesPerSample(pixels.format);
    const auto samples = static_cast<std::size_t>(pixels.samplesPerPixel);
    std::vector<std::uint8_t> planes(frameBytes);
    for (int frame = 0; frame < pixels.frames; ++frame) {
        std::uint8_t* data = pixels.bytes.data() + static_cast<std::size_t>(frame) * frameBytes;
        std::memcpy(planes.data(), data, frameBytes);
        for (std::size_t sample = 0; sample < samples; ++sample)
            for (std::size_t pixel = 0; pixel < pixelCount; ++pixel)
                std::memcpy(data + (pixel * samples + sample) * sampleBytes,
                            planes.data() + (sample * pixelCount + pixel) * sampleBytes, sampleBytes);
    }
}

// --- encapsulated pixel data ----------------------------------------------------------------

struct Fragment {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
};

DcmPixelSequence& pixelSequence(DcmDataset& dataset, E_TransferSyntax syntax, const std::string& path)
{
    DcmElement* element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element).bad() || element == nullptr || element->ident() != EVR_PixelData)
        throw DicomError(path, "no pixel data");
    DcmPixelSequence* sequence = nullptr;
    if (static_cast<DcmPixelData*>(element)->getEncapsulatedRepresentation(syntax, nullptr, sequence).bad()
        || sequence == nullptr)
        throw DicomError(path, "compressed pixel data is not an encapsulated pixel sequence");
    return *sequence;
}

/// The compressed bytes of each frame: one fragment per frame, the Basic Offset Table, or (for
/// JPEG 2000 without a table) fragments grouped at codestream starts.
std::vector<std::vector<std::uint8_t>> encapsulatedFrames(DcmPixelSequence& sequence, int frameCount,
                                                          const std::string& path)
{
    std::vector<Fragment> fragments;
    std::vector<std::uint32_t> offsets;
    const unsigned long itemCount = sequence.card();
    for (unsigned long i = 0; i < itemCount; ++i) {
        DcmPixelItem* item = nullptr;
        if (sequence.getItem(item, i).bad() || item == nullptr)
            throw DicomError(path, "unreadable pixel data fragment " + std::to_string(i));
        Uint8* data = nullptr;
        const Uint32 length = item->getLength();
        if (length > 0 && (item->getUint8Array(data).bad() || data == nullptr))
            throw DicomError(path, "truncated pixel data: fragment " + std::to_string(i) + " cannot be read");
        if (i == 0) {
            for (Uint32 offset = 0; offset + 4 <= length; offset += 4)
                offsets.push_back(static_cast<std::uint32_t>(data[offset] | (data[offset + 1] << 8)
                                                             | (data[offset + 2] << 16)
                                                             | (static_cast<std::uint32_t>(data[offset + 3]) << 24)));
            continue;
        }
        fragments.push_back({data, length});
    }
    if (fragments.empty())
        throw DicomError(path, "compressed pixel data has no fragments");

    std::vector<std::vector<std::size_t>> groups; // fragment indices per frame
    if (frameCount == 1) {
        groups.emplace_back();
        for (std::size_t i = 0; i < fragments.size(); ++i)
            groups.back().push_back(i);
    } else if (fragments.size() == static_cast<std::size_t>(frameCount)) {
        for (std::size_t i = 0; i < fragments.size(); ++i)
            groups.push_back({i});
    } else if (offsets.size() == static_cast<std::size_t>(frameCount)) {
        // Offsets count bytes from the first fragment's item tag; each item has an 8-byte header.
        std::uint64_t position = 0;
        std::size_t frame = 0;
        groups.resize(offsets.size());
        for (std::size_t i = 0; i < fragments.size(); ++i) {
            while (frame + 1 < offsets.size() && position >= offsets[frame + 1])
                ++frame;
            groups[frame].push_back(i);
            position += 8 + fragments[i].size;
        }
    } else {
        for (std::size_t i = 0; i < fragments.size(); ++i) {
            if (groups.empty() || detail::startsJpeg2000(fragments[i].data, fragments[i].size))
                groups.emplace_back();
            groups.back().push_back(i);
        }
    }
    if (groups.size() != static_cast<std::size_t>(frameCount))
        throw DicomError(path, "cannot find the frame boundaries: " + std::to_string(fragments.size())
                                   + " fragments for " + std::to_string(frameCount) + " frames");

    std::vector<std::vector<std::uint8_t>> frames;
    for (const auto& group : groups) {
        std::vector<std::uint8_t> bytes;
        for (std::size_t index : group)
            bytes.insert(bytes.end(), fragments[index].data, fragments[index].data + fragments[index].size);
        frames.push_back(std::move(bytes));
    }
    return frames;
}

template <typename T>
void storeJpeg2000Samples(const detail::Jpeg2000Image& decoded, std::uint8_t* target)
{
    for (std::size_t i = 0; i < decoded.samples.size(); ++i) {
        // Two's complement truncation to the container; normalisation then fixes the width.
        const auto value = static_cast<T>(static_cast<std::uint32_t>(decoded.samples[i]));
        std::memcpy(target + i * sizeof(T), &value, sizeof(T));
    }
}

void decodeJpeg2000Frames(DcmDataset& dataset, E_TransferSyntax syntax, const std::vector<int>& frames,
                          DecodedImage& image, int& significantBits, bool& signExtend)
{
    const InstanceInfo& info = image.info;
    const std::string& path = info.filePath;
    std::vector<std::vector<std::uint8_t>> compressed
        = encapsulatedFrames(pixelSequence(dataset, syntax, path), info.numberOfFrames, path);
    PixelData& pixels = image.pixels;
    const std::size_t frameBytes = pixels.frameSizeInBytes();
    pixels.bytes.resize(frameBytes * frames.size());
    for (std::size_t f = 0; f < frames.size(); ++f) {
        const std::vector<std::uint8_t>& codestream = compressed[static_cast<std::size_t>(frames[f])];
        detail::Jpeg2000Image decoded;
        try {
            decoded = detail::decodeJpeg2000(codestream.data(), codestream.size());
        } catch (const std::runtime_error& error) {
            throw DicomError(path, "JPEG 2000 frame " + std::to_string(frames[f]) + ": " + error.what());
        }
        if (decoded.width != info.columns || decoded.height != info.rows || decoded.components != info.samplesPerPixel)
            throw DicomError(path, "JPEG 2000 frame " + std::to_string(frames[f]) + " is " + std::to_string(decoded.width)
                                       + "×" + std::to_string(decoded.height) + "×" + std::to_string(decoded.components)
                                       + ", the header says " + std::to_string(info.columns) + "×"
                                       + std::to_string(info.rows) + "×" + std::to_string(info.samplesPerPixel));
        if (decoded.precision > info.bitsAllocated)
            throw DicomError(path, "JPEG 2000 precision " + std::to_string(decoded.precision)
                                       + " bits exceeds Bits Allocated " + std::to_string(info.bitsAllocated));
        // The codestream knows the real sample width. Unsigned codestream samples in a signed
        // image are two's complement of the codestream precision (pydicom's J2K correction).
        if (f == 0) {
            significantBits = std::max(info.bitsStored, decoded.precision);
            if (info.pixelRepresentationSigned && !decoded.isSigned)
                significantBits = decoded.precision;
            signExtend = info.pixelRepresentationSigned;
        }
        std::uint8_t* target = pixels.bytes.data() + f * frameBytes;
        switch (info.bitsAllocated) {
        case 8: storeJpeg2000Samples<std::uint8_t>(decoded, target); break;
        case 16: storeJpeg2000Samples<std::uint16_t>(decoded, target); break;
        default: storeJpeg2000Samples<std::uint32_t>(decoded, target); break;
        }
    }
}

/// RLE, JPEG and JPEG-LS through DCMTK's registered codecs, one frame at a time (so a single
/// frame of a large multi-frame file is cheap). Returns the colour model of the decoded frames.
std::string decodeWithDcmtk(DcmDataset& dataset, const std::vector<int>& frames, DecodedImage& image)
{
    const InstanceInfo& info = image.info;
    const std::string& path = info.filePath;
    DcmElement* element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element).bad() || element == nullptr)
        throw DicomError(path, "no pixel data");
    PixelData& pixels = image.pixels;
    const std::size_t frameBytes = pixels.frameSizeInBytes();
    Uint32 dcmtkFrameBytes = 0;
    if (element->getUncompressedFrameSize(&dataset, dcmtkFrameBytes).bad())
        dcmtkFrameBytes = 0;
    // DCMTK wants room for a padding byte when a frame has an odd size; never less than a full frame.
    std::vector<std::uint8_t> buffer(std::max<std::size_t>(frameBytes + (frameBytes & 1), dcmtkFrameBytes));
    pixels.bytes.resize(frameBytes * frames.size());
    std::string colourModel;
    Uint32 startFragment = 0;
    for (std::size_t f = 0; f < frames.size(); ++f) {
        // Sequential frames continue where the previous one ended; a jump makes DCMTK look it up.
        if (f > 0 && frames[f] != frames[f - 1] + 1)
            startFragment = 0;
        OFString model;
        const OFCondition status = element->getUncompressedFrame(&dataset, static_cast<Uint32>(frames[f]), startFragment,
                                                                 buffer.data(), static_cast<Uint32>(buffer.size()), model);
        if (status.bad())
            throw DicomError(path, "cannot decode frame " + std::to_string(frames[f]) + ": " + status.text());
        std::memcpy(pixels.bytes.data() + f * frameBytes, buffer.data(), frameBytes);
        colourModel = std::string(model.c_str());
    }
    return colourModel;
}

// --- transforms -----------------------------------------------------------------------------

/// Reads the raw 16-bit words of a LUT Data element (OW, US or SS).
std::vector<std::uint16_t> lutWords(DcmItem& item, const DcmTagKey& tag)
{
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || element == nullptr || element->getLength() == 0)
        return {};
    if (element->getVR() == EVR_OB) {
        Uint8* bytes = nullptr;
        if (element->getUint8Array(bytes).bad() || bytes == nullptr)
            return {};
        return std::vector<std::uint16_t>(bytes, bytes + element->getLength());
    }
    Uint16* words = nullptr;
    if (element->getUint16Array(words).bad() || words == nullptr)
        return {};
    return std::vector<std::uint16_t>(words, words + element->getLength() / 2);
}

struct LutDescriptor {
    std::size_t entries = 0;
    std::int64_t firstMapped = 0;
    int bits = 16;
};

std::optional<LutDescriptor> readDescriptor(DcmItem& item, const DcmTagKey& tag, bool signedInput)
{
    const std::vector<double> values = detail::numberValues(item, tag);
    if (values.size() != 3)
        return std::nullopt;
    LutDescriptor descriptor;
    descriptor.entries = values[0] == 0 ? 65536 : static_cast<std::size_t>(values[0]);
    descriptor.firstMapped = static_cast<std::int64_t>(values[1]);
    // The first mapped value is US or SS depending on the pixel representation (PS3.3 C.11.1.1).
    if (signedInput && descriptor.firstMapped >= 32768)
        descriptor.firstMapped -= 65536;
    descriptor.bits = static_cast<int>(values[2]);
    return descriptor;
}

std::optional<LookupTable> readLookupTable(DcmItem& item, const DcmTagKey& descriptorTag, const DcmTagKey& dataTag,
                                           bool signedInput)
{
    const std::optional<LutDescriptor> descriptor = readDescriptor(item, descriptorTag, signedInput);
    if (!descriptor)
        return std::nullopt;
    std::vector<std::uint16_t> words = lutWords(item, dataTag);
    LookupTable table;
    table.firstMappedValue = descriptor->firstMapped;
    table.bitsPerEntry = descriptor->bits;
    if (descriptor->bits <= 8 && words.size() * 2 == descriptor->entries) {
        // 8-bit entries packed two per OW word, low byte first.
        for (std::uint16_t word : words) {
            table.data.push_back(static_cast<std::uint16_t>(word & 0xFF));
            table.data.push_back(static_cast<std::uint16_t>(word >> 8));
        }
    } else {
        words.resize(std::min(words.size(), descriptor->entries));
        table.data = std::move(words);
    }
    if (table.data.empty())
        return std::nullopt;
    table.explanation = detail::stringValue(item, DCM_LUTExplanation);
    return table;
}

/// Expands segmented palette data (PS3.3 C.7.9.2): discrete, linear and indirect segments,
/// rounding linear segments as pydicom does (numpy.around of a linspace).
void expandSegments(const std::vector<std::uint16_t>& data, std::size_t begin, std::size_t end,
                    std::vector<std::uint16_t>& lut, int depth, const std::string& path)
{
    if (depth > 4)
        throw DicomError(path, "segmented palette: indirect segments nest too deeply");
    std::size_t offset = begin;
    while (offset + 1 < end) {
        const std::uint16_t opcode = data[offset];
        const std::size_t length = data[offset + 1];
        offset += 2;
        if (opcode == 0) {
            if (offset + length > end)
                throw DicomError(path, "segmented palette: discrete segment runs past the data");
            lut.insert(lut.end(), data.begin() + static_cast<std::ptrdiff_t>(offset),
                       data.begin() + static_cast<std::ptrdiff_t>(offset + length));
            offset += length;
        } else if (opcode == 1) {
            if (lut.empty() || offset >= end)
                throw DicomError(path, "segmented palette: linear segment without a start value");
            const double y0 = lut.back();
            const double y1 = data[offset++];
            for (std::size_t i = 1; i <= length; ++i)
                lut.push_back(static_cast<std::uint16_t>(std::nearbyint(y0 + (y1 - y0) * static_cast<double>(i) / static_cast<double>(length))));
        } else if (opcode == 2) {
            if (offset + 1 >= end)
                throw DicomError(path, "segmented palette: indirect segment is cut short");
            const std::size_t target = static_cast<std::size_t>(data[offset]) | (static_cast<std::size_t>(data[offset + 1]) << 16);
            offset += 2;
            // Copy `length` segments starting at the byte offset `target` (in words).
            std::size_t copyOffset = target;
            for (std::size_t segment = 0; segment < length && copyOffset + 1 < data.size(); ++segment) {
                const std::uint16_t copyOpcode = data[copyOffset];
                const std::size_t copyLength = data[copyOffset + 1];
                const std::size_t segmentEnd = copyOffset + 2 + (copyOpcode == 0 ? copyLength : copyOpcode == 1 ? 1 : 2);
                expandSegments(data, copyOffset, std::min(segmentEnd, data.size()), lut, depth + 1, path);
                copyOffset = segmentEnd;
            }
        } else {
            throw DicomError(path, "segmented palette: unknown segment type " + std::to_string(opcode));
        }
    }
}

std::optional<PaletteLut> readPalette(DcmDataset& dataset, const InstanceInfo& info)
{
    const DcmTagKey descriptors[] = {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                                     DCM_BluePaletteColorLookupTableDescriptor};
    const DcmTagKey dataTags[] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData,
                                  DCM_BluePaletteColorLookupTableData};
    const DcmTagKey segmentedTags[] = {DCM_SegmentedRedPaletteColorLookupTableData,
                                       DCM_SegmentedGreenPaletteColorLookupTableData,
                                       DCM_SegmentedBluePaletteColorLookupTableData};
    PaletteLut palette;
    LookupTable* channels[] = {&palette.red, &palette.green, &palette.blue};
    for (int c = 0; c < 3; ++c) {
        const std::optional<LutDescriptor> descriptor = readDescriptor(dataset, descriptors[c], info.pixelRepresentationSigned);
        if (!descriptor)
            throw DicomError(info.filePath, "PALETTE COLOR image without a valid palette descriptor");
        LookupTable& channel = *channels[c];
        channel.firstMappedValue = descriptor->firstMapped;
        channel.bitsPerEntry = descriptor->bits;
        if (dataset.tagExists(dataTags[c])) {
            std::optional<LookupTable> table = readLookupTable(dataset, descriptors[c], dataTags[c], info.pixelRepresentationSigned);
            if (!table)
                throw DicomError(info.filePath, "PALETTE COLOR image with empty palette data");
            channel = std::move(*table);
        } else if (dataset.tagExists(segmentedTags[c])) {
            const std::vector<std::uint16_t> words = lutWords(dataset, segmentedTags[c]);
            expandSegments(words, 0, words.size(), channel.data, 0, info.filePath);
            channel.data.resize(std::min(channel.data.size(), descriptor->entries));
        } else {
            throw DicomError(info.filePath, "PALETTE COLOR image without palette data");
        }
    }
    return palette;
}

void readTransforms(DcmDataset& dataset, DecodedImage& image)
{
    ModalityTransform& modality = image.modality;
    modality.rescaleSlope = detail::numberValue(dataset, DCM_RescaleSlope).value_or(1.0);
    modality.rescaleIntercept = detail::numberValue(dataset, DCM_RescaleIntercept).value_or(0.0);
    modality.rescaleType = detail::stringValue(dataset, DCM_RescaleType);
    DcmSequenceOfItems* sequence = nullptr;
    if (dataset.findAndGetSequence(DCM_ModalityLUTSequence, sequence).good() && sequence && sequence->card() > 0) {
        if (DcmItem* item = sequence->getItem(0))
            modality.table = readLookupTable(*item, DCM_LUTDescriptor, DCM_LUTData, image.info.pixelRepresentationSigned);
    }

    VoiTransform& voi = image.voi;
    const std::vector<double> centers = detail::numberValues(dataset, DCM_WindowCenter);
    const std::vector<double> widths = detail::numberValues(dataset, DCM_WindowWidth);
    const std::vector<std::string> explanations = detail::splitMultipleValues(detail::stringValue(dataset, DCM_WindowCenterWidthExplanation));
    for (std::size_t i = 0; i < std::min(centers.size(), widths.size()); ++i)
        voi.windows.push_back({centers[i], widths[i], i < explanations.size() ? explanations[i] : std::string()});
    sequence = nullptr;
    if (dataset.findAndGetSequence(DCM_VOILUTSequence, sequence).good() && sequence) {
        for (unsigned long i = 0; i < sequence->card(); ++i)
            if (DcmItem* item = sequence->getItem(i))
                if (std::optional<LookupTable> table = readLookupTable(*item, DCM_LUTDescriptor, DCM_LUTData, false))
                    voi.tables.push_back(std::move(*table));
    }
    const std::string function = detail::stringValue(dataset, DCM_VOILUTFunction);
    if (!function.empty())
        voi.function = function;
}

std::vector<int> framesToDecode(const InstanceInfo& info, const DecodeOptions& options)
{
    if (options.frame) {
        if (*options.frame < 0 || *options.frame >= info.numberOfFrames)
            throw DicomError(info.filePath, "frame " + std::to_string(*options.frame) + " out of range (the file has "
                                                + std::to_string(info.numberOfFrames) + " frames)");
        return {*options.frame};
    }
    std::vector<int> frames(static_cast<std::size_t>(info.numberOfFrames));
    for (int i = 0; i < info.numberOfFrames; ++i)
        frames[static_cast<std::size_t>(i)] = i;
    return frames;
}

DecodedImage decodeDicom(const std::string& filePath, const DecodeOptions& options)
{
    std::unique_ptr<DcmFileFormat> file = detail::loadDicomFile(filePath, true);
    InstanceHeader header = detail::extractInstanceHeader(*file, filePath);
    DcmDataset& dataset = *file->getDataset();
    const E_TransferSyntax syntax = detail::originalTransferSyntax(*file);

    DecodedImage image;
    image.info = std::move(header.instance);
    const InstanceInfo& info = image.info;
    image.decodedFrames = framesToDecode(info, options);

    PixelData& pixels = image.pixels;
    pixels.frames = static_cast<int>(image.decodedFrames.size());
    pixels.rows = info.rows;
    pixels.columns = info.columns;
    pixels.samplesPerPixel = info.samplesPerPixel;
    pixels.format = sampleFormatFor(info);
    pixels.bitsStored = info.bitsStored;
    pixels.photometric = info.photometricInterpretation;

    int significantBits = info.bitsStored;
    bool signExtend = info.pixelRepresentationSigned;
    std::string colourModel = info.photometricInterpretation;
    bool alreadyNormalised = false;
    if (!DcmXfer(syntax).isEncapsulated()) {
        if (detail::isSubsampled422(info.photometricInterpretation) && info.bitsAllocated != 8)
            throw DicomError(filePath, "YBR_FULL_422 with Bits Allocated " + std::to_string(info.bitsAllocated)
                                           + " is not supported");
        alreadyNormalised = decodeNative(dataset, syntax, image.decodedFrames, image);
        if (detail::isSubsampled422(colourModel))
            colourModel = "YBR_FULL";
    } else if (detail::isJpeg2000(syntax)) {
        decodeJpeg2000Frames(dataset, syntax, image.decodedFrames, image, significantBits, signExtend);
        // OpenJPEG applies the inverse component transform (ICT/RCT) itself.
        if (colourModel == "YBR_ICT" || colourModel == "YBR_RCT")
            colourModel = "RGB";
    } else {
        const std::string decodedModel = decodeWithDcmtk(dataset, image.decodedFrames, image);
        if (!decodedModel.empty())
            colourModel = decodedModel;
        // DCMTK hands decoded colour frames back in the layout the Planar Configuration attribute
        // describes; our layout is always colour-by-pixel.
        if (info.samplesPerPixel > 1 && info.planarConfiguration == 1)
            interleavePlanes(pixels);
    }
    if (info.bitsAllocated > 1 && !alreadyNormalised)
        normalisePixels(pixels, std::min(significantBits, info.bitsAllocated), signExtend);

    if (colourModel == "YBR_FULL") {
        if (info.bitsAllocated != 8)
            throw DicomError(filePath, "YBR_FULL with Bits Allocated " + std::to_string(info.bitsAllocated)
                                           + " is not supported");
        convertYbrFullToRgb(pixels.bytes.data(), pixels.bytes.size() / 3);
        colourModel = "RGB";
    } else if (colourModel != "RGB" && colourModel != "MONOCHROME1" && colourModel != "MONOCHROME2"
               && colourModel != "PALETTE COLOR") {
        throw DicomError(filePath, "decoded colour model \"" + colourModel + "\" is not supported");
    }
    pixels.photometric = colourModel;

    readTransforms(dataset, image);
    if (pixels.photometric == "PALETTE COLOR")
        image.palette = readPalette(dataset, info);
    return image;
}

} // namespace

DecodedImage decodeFile(const std::string& filePath, const DecodeOptions& options)
{
    initialiseDcmtk();
    if (detail::isPlainImageFile(filePath))
        return detail::decodePlainImage(filePath, options);
    try {
        return decodeDicom(filePath, options);
    } catch (const DicomError&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw DicomError(filePath, "out of memory while decoding");
    } catch (const std::exception& error) {
        throw DicomError(filePath, std::string("decoding failed: ") + error.what());
    }
}

} // namespace raddraft::dicom
