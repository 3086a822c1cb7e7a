#pragma once
// Writes dataset images and masks as greyscale PNG with libpng directly. Qt's PNG writer always
// runs libpng's adaptive filter search, which cost ~26 ms per 1024² 16-bit image even with
// compression off (10× libpng with no filter); the phantom generator writes two such images per
// study (docs/PERFORMANCE.md, "Phantom generator"). Reading stays with Qt (DatasetImageReader.h).

#include <cstdint>
#include <string>

namespace raddraft::dataset_io {

/// How rows are prepared for deflate (measured on phantom images, docs/PERFORMANCE.md).
enum class PngContent {
    Radiograph, ///< the "up" row filter when compressing (best size per CPU time), none at level 0
    BinaryMask, ///< no filter, zlib's run-length strategy: ~1.8 KB and ~1.4 ms per 1024² mask
};

struct PngWriteOptions {
    /// zlib level 0 (stored: fastest; the 16-bit phantom images carry noise in their low byte,
    /// so deflate saves only ~20 %) … 9.
    int zlibLevel = 0;
    PngContent content = PngContent::Radiograph;
};

/// Writes `pixels` (row-major, top row first, width × height values, native byte order) as a
/// 16-bit greyscale PNG. Atomic: written to a temporary file in the same folder, renamed into place;
/// nothing is left behind on failure. Deterministic: the same pixels give the same bytes.
/// Throws DatasetImageError naming `filePath` (bad size, cannot create, write error).
void writeGrey16Png(const std::string& filePath, const std::uint16_t* pixels, int width, int height,
                    const PngWriteOptions& options = {});

/// The same for 8-bit greyscale (masks: 0/255).
void writeGrey8Png(const std::string& filePath, const std::uint8_t* pixels, int width, int height,
                   const PngWriteOptions& options = {});

} // namespace raddraft::dataset_io
