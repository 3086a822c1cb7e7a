#include "PngFileWriter.h"

#include "DatasetImageError.h"

#include <png.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace raddraft::dataset_io {

namespace {

namespace fs = std::filesystem;

// libpng reports errors by longjmp; the message is copied here first.
struct PngErrorState {
    char message[256] = {};
};

extern "C" void onPngError(png_structp png, png_const_charp message)
{
    auto* state = static_cast<PngErrorState*>(png_get_error_ptr(png));
    std::snprintf(state->message, sizeof state->message, "%s", message);
    png_longjmp(png, 1);
}

extern "C" void onPngWarning(png_structp, png_const_charp) {}

bool hostIsLittleEndian()
{
    const std::uint16_t probe = 1;
    unsigned char first = 0;
    std::memcpy(&first, &probe, 1);
    return first == 1;
}

// The libpng part, kept free of C++ objects with destructors: libpng leaves by longjmp on error.
bool encodePng(std::FILE* file, const unsigned char* pixels, int width, int height, int bitDepth,
               const PngWriteOptions& options, PngErrorState* errorState)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, errorState, onPngError, onPngWarning);
    if (!png) {
        std::snprintf(errorState->message, sizeof errorState->message, "libpng could not start");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        std::snprintf(errorState->message, sizeof errorState->message, "libpng could not start");
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, file);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), bitDepth,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    const bool mask = options.content == PngContent::BinaryMask;
    png_set_filter(png, PNG_FILTER_TYPE_BASE, options.zlibLevel == 0 || mask ? PNG_FILTER_NONE : PNG_FILTER_UP);
    png_set_compression_level(png, options.zlibLevel);
    if (mask)
        png_set_compression_strategy(png, Z_RLE);
    png_write_info(png, info);
    if (bitDepth == 16 && hostIsLittleEndian())
        png_set_swap(png); // PNG stores 16-bit samples big-endian
    const std::size_t rowBytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(bitDepth / 8);
    for (int row = 0; row < height; ++row)
        png_write_row(png, pixels + static_cast<std::size_t>(row) * rowBytes);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

void writePng(const std::string& filePath, const unsigned char* pixels, int width, int height, int bitDepth,
              const PngWriteOptions& options)
{
    if (width <= 0 || height <= 0 || !pixels)
        throw DatasetImageError(filePath, "cannot write an empty image (" + std::to_string(width) + " x "
                                              + std::to_string(height) + ")");
    if (options.zlibLevel < 0 || options.zlibLevel > 9)
        throw DatasetImageError(filePath, "zlib level " + std::to_string(options.zlibLevel) + " is not 0 ... 9");
    const fs::path target(filePath);
    std::random_device random;
    const fs::path temporary =
        target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(random()));
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        throw DatasetImageError(filePath, std::string("cannot create the file (") + std::strerror(errno) + ")");
    PngErrorState errorState;
    const bool encoded = encodePng(file, pixels, width, height, bitDepth, options, &errorState);
    const bool written = std::ferror(file) == 0;
    const bool closed = std::fclose(file) == 0;
    std::error_code ignored;
    if (!encoded || !written || !closed) {
        fs::remove(temporary, ignored);
        throw DatasetImageError(filePath, encoded ? std::string("write error") : std::string("PNG encoding failed: ")
                                                                                   + errorState.message);
    }
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error) {
        fs::remove(temporary, ignored);
        throw DatasetImageError(filePath, "cannot move the file into place (" + error.message() + ")");
    }
}

} // namespace

void writeGrey16Png(const std::string& filePath, const std::uint16_t* pixels, int width, int height,
                    const PngWriteOptions& options)
{
    writePng(filePath, reinterpret_cast<const unsigned char*>(pixels), width, height, 16, options);
}

void writeGrey8Png(const std::string& filePath, const std::uint8_t* pixels, int width, int height,
                   const PngWriteOptions& options)
{
    writePng(filePath, pixels, width, height, 8, options);
}

} // namespace raddraft::dataset_io
