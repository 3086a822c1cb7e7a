#pragma once
// Decodes dataset images (IU X-ray and phantom PNGs, MIMIC-CXR JPGs) with Qt's image readers into
// what the inference library takes: inference/ has no image codecs by design (it depends on
// LibTorch and the standard library only), so the app injects this reader into the trainer and
// the evaluation commands.

#include "inference/Pipeline.h"

#include <cstdint>
#include <string>
#include <vector>

namespace raddraft::dataset_io {

/// A binary mask: 0 or 1 per pixel, row-major, top row first.
struct DatasetMask {
    std::vector<std::uint8_t> pixels;
    int width = 0;
    int height = 0;
};

/// Stateless and thread-safe: one reader may serve several loader threads. Usable directly as a
/// `std::function<inference::ImageView(const std::string&)>`.
class DatasetImageReader {
public:
    /// A grey image in [0, 1], 1 = white, as the model expects it (Pipeline.h's ImageView):
    /// 16-bit grey PNG → value / 65535 (exact to float precision), 8-bit grey → value / 255,
    /// colour (RGB, palette, 16-bit RGB) → Rec. 601 luminance (as the viewer's ModelInput),
    /// alpha ignored. Datasets store radiographs as displayed (MONOCHROME2), so no inversion.
    /// Throws DatasetImageError naming the file (missing, unreadable, not decodable).
    inference::ImageView readImage(const std::string& filePath) const;

    /// A mask PNG written as 0/1 or 0/255 (8-bit grey, or 1-bit; a colour image only when every
    /// pixel is grey) → 0/1 bytes. Throws DatasetImageError for a missing or undecodable file or
    /// for any other value ("not a binary mask").
    DatasetMask readMask(const std::string& filePath) const;

    inference::ImageView operator()(const std::string& filePath) const { return readImage(filePath); }
};

} // namespace raddraft::dataset_io
