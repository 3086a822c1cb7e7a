#pragma once
// Helpers shared by the DICOM tests: synthetic images with known values, and DCMTK-level edits
// that produce the broken files real archives contain.

#include "dicom/DicomWriter.h"
#include "dicom/PixelData.h"

#include <cstdint>
#include <functional>
#include <string>

class DcmDataset;

namespace raddraft::dicom::test {

/// A rows×columns×frames image of `format` whose values cover the whole BitsStored range
/// (including the minimum and maximum), deterministic per `seed`.
PixelData syntheticPixels(int rows, int columns, int frames, int samplesPerPixel, SampleFormat format, int bitsStored,
                          const std::string& photometric, unsigned seed = 1);

/// An image ready to write: synthetic pixels plus typical header values.
DicomImageToWrite syntheticImage(int rows, int columns, int frames, int samplesPerPixel, SampleFormat format,
                                 int bitsStored, const std::string& photometric, unsigned seed = 1);

/// Loads `path` with DCMTK, lets `edit` change the dataset, and saves it back (explicit VR LE).
void editDataset(const std::string& path, const std::function<void(DcmDataset&)>& edit);

/// Copies the first `size` bytes of `source` to `target`.
void truncateCopy(const std::string& source, const std::string& target, std::uint64_t size);

/// Writes `size` pseudo-random bytes; with `dicomPrefix` they follow a 128-byte preamble and "DICM".
void writeGarbage(const std::string& path, std::size_t size, bool dicomPrefix);

} // namespace raddraft::dicom::test
