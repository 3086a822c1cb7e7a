#include "dicom/Jpeg2000Decoder.h"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace raddraft::dicom::detail {

namespace {

constexpr std::uint8_t kCodestreamStart[] = {0xFF, 0x4F, 0xFF, 0x51};
constexpr std::uint8_t kJp2Signature[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A};

bool startsWith(const std::uint8_t* data, std::size_t size, const std::uint8_t* prefix, std::size_t prefixSize)
{
    return size >= prefixSize && std::memcmp(data, prefix, prefixSize) == 0;
}

/// The memory OpenJPEG reads from (it wants stream callbacks, not a pointer).
struct MemorySource {
    const std::uint8_t* data;
    std::size_t size;
    std::size_t position;
};

OPJ_SIZE_T readFromMemory(void* buffer, OPJ_SIZE_T count, void* user)
{
    auto* source = static_cast<MemorySource*>(user);
    if (source->position >= source->size)
        return static_cast<OPJ_SIZE_T>(-1); // OpenJPEG's end-of-stream marker
    const std::size_t available = std::min<std::size_t>(count, source->size - source->position);
    std::memcpy(buffer, source->data + source->position, available);
    source->position += available;
    return available;
}

OPJ_OFF_T skipInMemory(OPJ_OFF_T count, void* user)
{
    auto* source = static_cast<MemorySource*>(user);
    if (count < 0) {
        const auto back = std::min<std::size_t>(static_cast<std::size_t>(-count), source->position);
        source->position -= back;
        return -static_cast<OPJ_OFF_T>(back);
    }
    const std::size_t forward = std::min<std::size_t>(static_cast<std::size_t>(count), source->size - source->position);
    source->position += forward;
    return static_cast<OPJ_OFF_T>(forward);
}

OPJ_BOOL seekInMemory(OPJ_OFF_T position, void* user)
{
    auto* source = static_cast<MemorySource*>(user);
    if (position < 0 || static_cast<std::size_t>(position) > source->size)
        return OPJ_FALSE;
    source->position = static_cast<std::size_t>(position);
    return OPJ_TRUE;
}

void collectMessage(const char* message, void* user)
{
    auto* text = static_cast<std::string*>(user);
    if (text->empty() && message != nullptr) {
        *text = message;
        while (!text->empty() && (text->back() == '\n' || text->back() == ' '))
            text->pop_back();
    }
}

void ignoreMessage(const char*, void*) {}

struct StreamDeleter {
    void operator()(opj_stream_t* stream) const { opj_stream_destroy(stream); }
};
struct CodecDeleter {
    void operator()(opj_codec_t* codec) const { opj_destroy_codec(codec); }
};
struct ImageDeleter {
    void operator()(opj_image_t* image) const { opj_image_destroy(image); }
};

} // namespace

bool startsJpeg2000(const std::uint8_t* data, std::size_t size)
{
    return startsWith(data, size, kCodestreamStart, sizeof kCodestreamStart)
           || startsWith(data, size, kJp2Signature, sizeof kJp2Signature);
}

Jpeg2000Image decodeJpeg2000(const std::uint8_t* data, std::size_t size)
{
    OPJ_CODEC_FORMAT format;
    if (startsWith(data, size, kJp2Signature, sizeof kJp2Signature))
        format = OPJ_CODEC_JP2;
    else if (startsWith(data, size, kCodestreamStart, 2)) // SOC; SIZ normally follows
        format = OPJ_CODEC_J2K;
    else
        throw std::runtime_error("not a JPEG 2000 codestream (no SOC marker or JP2 signature)");

    MemorySource source{data, size, 0};
    std::unique_ptr<opj_stream_t, StreamDeleter> stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE));
    std::unique_ptr<opj_codec_t, CodecDeleter> codec(opj_create_decompress(format));
    if (!stream || !codec)
        throw std::runtime_error("OpenJPEG could not be initialised");
    opj_stream_set_user_data(stream.get(), &source, nullptr);
    opj_stream_set_user_data_length(stream.get(), size);
    opj_stream_set_read_function(stream.get(), readFromMemory);
    opj_stream_set_skip_function(stream.get(), skipInMemory);
    opj_stream_set_seek_function(stream.get(), seekInMemory);

    std::string error;
    opj_set_error_handler(codec.get(), collectMessage, &error);
    opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
    opj_set_info_handler(codec.get(), ignoreMessage, nullptr);

    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters))
        throw std::runtime_error("OpenJPEG rejected the decoder set-up");

    opj_image_t* rawImage = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &rawImage)) {
        opj_image_destroy(rawImage);
        throw std::runtime_error("corrupt JPEG 2000 header" + (error.empty() ? std::string() : ": " + error));
    }
    std::unique_ptr<opj_image_t, ImageDeleter> image(rawImage);
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
        throw std::runtime_error("corrupt or truncated JPEG 2000 data" + (error.empty() ? std::string() : ": " + error));

    if (image->numcomps < 1 || image->comps == nullptr)
        throw std::runtime_error("JPEG 2000 image has no components");
    const opj_image_comp_t& first = image->comps[0];
    Jpeg2000Image result;
    result.width = static_cast<int>(first.w);
    result.height = static_cast<int>(first.h);
    result.components = static_cast<int>(image->numcomps);
    result.precision = static_cast<int>(first.prec);
    result.isSigned = first.sgnd != 0;
    for (OPJ_UINT32 c = 0; c < image->numcomps; ++c) {
        const opj_image_comp_t& component = image->comps[c];
        if (component.data == nullptr)
            throw std::runtime_error("JPEG 2000 component " + std::to_string(c) + " was not decoded");
        if (component.w != first.w || component.h != first.h || component.dx != first.dx || component.dy != first.dy)
            throw std::runtime_error("JPEG 2000 components have different sizes (subsampling is not supported)");
    }
    const std::size_t pixels = static_cast<std::size_t>(first.w) * first.h;
    const auto components = static_cast<std::size_t>(image->numcomps);
    result.samples.resize(pixels * components);
    for (std::size_t c = 0; c < components; ++c) {
        const OPJ_INT32* plane = image->comps[c].data;
        for (std::size_t i = 0; i < pixels; ++i)
            result.samples[i * components + c] = plane[i];
    }
    return result;
}

} // namespace raddraft::dicom::detail
