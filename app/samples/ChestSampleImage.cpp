#include "ChestSampleImage.h"

#include <cstring>

namespace raddraft::samples {

dicom::DicomImageToWrite renderChestImage(const ChestSampleOptions& options, ChestView view)
{
    const std::vector<std::uint16_t> values =
        view == ChestView::Frontal ? renderFrontalChest(options) : renderLateralChest(options);
    dicom::DicomImageToWrite image;
    image.pixels.frames = 1;
    image.pixels.rows = options.rows;
    image.pixels.columns = options.columns;
    image.pixels.samplesPerPixel = 1;
    image.pixels.format = dicom::SampleFormat::UInt16;
    image.pixels.bitsStored = options.bitsStored;
    image.pixels.photometric = "MONOCHROME2";
    image.pixels.bytes.resize(values.size() * sizeof(std::uint16_t));
    std::memcpy(image.pixels.bytes.data(), values.data(), image.pixels.bytes.size());
    image.modality = "DX";
    image.sopClassUid = "1.2.840.10008.5.1.4.1.1.1.1"; // Digital X-Ray Image Storage – For Presentation
    image.bodyPartExamined = "CHEST";
    image.viewPosition = view == ChestView::Frontal ? "PA" : "LL";
    return image;
}

} // namespace raddraft::samples
