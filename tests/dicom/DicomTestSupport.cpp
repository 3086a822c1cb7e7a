#include "DicomTestSupport.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>
#include <vector>

namespace raddraft::dicom::test {

PixelData syntheticPixels(int rows, int columns, int frames, int samplesPerPixel, SampleFormat format, int bitsStored,
                          const std::string& photometric, unsigned seed)
{
    PixelData pixels;
    pixels.rows = rows;
    pixels.columns = columns;
    pixels.frames = frames;
    pixels.samplesPerPixel = samplesPerPixel;
    pixels.format = format;
    pixels.bitsStored = bitsStored;
    pixels.photometric = photometric;
    const std::size_t count = pixels.frameSizeInSamples() * static_cast<std::size_t>(frames);
    const std::size_t width = bytesPerSample(format);
    pixels.bytes.resize(count * width);
    const std::int64_t minimum = pixels.minStoredValue();
    const std::int64_t maximum = pixels.maxStoredValue();
    std::mt19937_64 random(seed);
    for (std::size_t i = 0; i < count; ++i) {
        // A ramp through the range with noise, and the extremes at the start.
        std::int64_t value;
        if (i == 0)
            value = minimum;
        else if (i == 1)
            value = maximum;
        else
            value = minimum + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(maximum - minimum + 1));
        const std::uint64_t bits = static_cast<std::uint64_t>(value);
        std::memcpy(pixels.bytes.data() + i * width, &bits, width); // little-endian host: low bytes first
    }
    return pixels;
}

DicomImageToWrite syntheticImage(int rows, int columns, int frames, int samplesPerPixel, SampleFormat format,
                                 int bitsStored, const std::string& photometric, unsigned seed)
{
    DicomImageToWrite image;
    image.pixels = syntheticPixels(rows, columns, frames, samplesPerPixel, format, bitsStored, photometric, seed);
    image.patientName = "Test^Patient";
    image.patientId = "TEST001";
    image.modality = "DX";
    image.viewPosition = "PA";
    image.studyDate = "20240102";
    image.studyTime = "101500";
    image.pixelSpacing = std::array<double, 2>{0.143, 0.143};
    image.windows = {{2048.0, 4096.0, "FULL"}, {1000.0, 500.0, "NARROW"}};
    image.rescaleSlope = 1.0;
    image.rescaleIntercept = -1024.0;
    image.rescaleType = "HU";
    return image;
}

void editDataset(const std::string& path, const std::function<void(DcmDataset&)>& edit)
{
    DcmFileFormat file;
    if (file.loadFile(path.c_str()).bad())
        throw std::runtime_error("cannot load " + path);
    file.loadAllDataIntoMemory();
    edit(*file.getDataset());
    if (file.saveFile(path.c_str(), EXS_LittleEndianExplicit).bad())
        throw std::runtime_error("cannot save " + path);
}

void truncateCopy(const std::string& source, const std::string& target, std::uint64_t size)
{
    std::ifstream in(source, std::ios::binary);
    std::vector<char> bytes(size);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), in.gcount());
}

void writeGarbage(const std::string& path, std::size_t size, bool dicomPrefix)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (dicomPrefix) {
        const std::vector<char> preamble(128, 0);
        out.write(preamble.data(), 128);
        out.write("DICM", 4);
    }
    std::mt19937 random(42);
    for (std::size_t i = 0; i < size; ++i)
        out.put(static_cast<char>(random() & 0xFF));
}

} // namespace raddraft::dicom::test
