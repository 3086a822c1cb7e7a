#include "PhantomDicom.h"

#include <array>
#include <cstring>

namespace raddraft::cli {

namespace {

// SplitMix64's finaliser: a bijective 64-bit mix with full avalanche.
std::uint64_t mix64(std::uint64_t value)
{
    value += 0x9E3779B97F4A7C15ull;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
    return value ^ (value >> 31);
}

// One 64-bit lane of the hash: FNV-1a over the text, keyed by `key`, then mixed.
std::uint64_t hashLane(const std::string& text, std::uint64_t key)
{
    std::uint64_t hash = 0xCBF29CE484222325ull ^ mix64(key);
    for (const unsigned char c : text)
        hash = (hash ^ c) * 0x100000001B3ull;
    return mix64(hash ^ key);
}

// Decimal digits of the 128-bit number high:low, by long division on 32-bit limbs.
std::string toDecimal(std::uint64_t high, std::uint64_t low)
{
    std::array<std::uint32_t, 4> limbs = {static_cast<std::uint32_t>(high >> 32), static_cast<std::uint32_t>(high),
                                          static_cast<std::uint32_t>(low >> 32), static_cast<std::uint32_t>(low)};
    std::string digits;
    const auto isZero = [&limbs] { return limbs[0] == 0 && limbs[1] == 0 && limbs[2] == 0 && limbs[3] == 0; };
    do {
        std::uint64_t remainder = 0;
        for (std::uint32_t& limb : limbs) {
            const std::uint64_t current = (remainder << 32) | limb;
            limb = static_cast<std::uint32_t>(current / 10);
            remainder = current % 10;
        }
        digits.insert(digits.begin(), static_cast<char>('0' + remainder));
    } while (!isZero());
    return digits;
}

} // namespace

std::string phantomUid(std::uint64_t setSeed, const std::string& studyId, const std::string& role)
{
    const std::string text = std::to_string(setSeed) + '/' + studyId + '/' + role;
    return "2.25." + toDecimal(hashLane(text, 0x5241444452414654ull), hashLane(text, setSeed));
}

dicom::VoiWindow phantomUnitWindow()
{
    // LINEAR maps x to (x - (c - 0.5)) / (w - 1) + 0.5; with c = 32768 and w = 65536 that is
    // x / 65535, with 0 → 0 and 65535 → 1 exactly.
    return {32768.0, 65536.0, "PHANTOM VALUE/65535"};
}

dicom::DicomImageToWrite phantomDicomImage(std::uint64_t setSeed, const phantom::StudySpec& spec,
                                           const phantom::PhantomImage& image, PhantomView view)
{
    const bool frontal = view == PhantomView::Frontal;
    const std::string viewName = frontal ? "frontal" : "lateral";
    dicom::DicomImageToWrite dicomImage;
    dicom::PixelData& pixels = dicomImage.pixels;
    pixels.frames = 1;
    pixels.rows = image.height;
    pixels.columns = image.width;
    pixels.samplesPerPixel = 1;
    pixels.format = dicom::SampleFormat::UInt16;
    pixels.bitsStored = 16;
    pixels.photometric = "MONOCHROME2";
    pixels.bytes.resize(image.pixels.size() * sizeof(std::uint16_t));
    std::memcpy(pixels.bytes.data(), image.pixels.data(), pixels.bytes.size());

    dicomImage.patientName = "PHANTOM^SYNTHETIC";
    dicomImage.patientId = spec.id;
    dicomImage.patientSex = spec.patient.female ? "F" : "M";
    dicomImage.studyInstanceUid = phantomUid(setSeed, spec.id, "study");
    dicomImage.seriesInstanceUid = phantomUid(setSeed, spec.id, "series-" + viewName);
    dicomImage.sopInstanceUid = phantomUid(setSeed, spec.id, "sop-" + viewName);
    dicomImage.sopClassUid = "1.2.840.10008.5.1.4.1.1.1.1"; // Digital X-Ray Image Storage – For Presentation
    dicomImage.modality = "DX";
    dicomImage.bodyPartExamined = "CHEST";
    dicomImage.studyDescription = "CHEST 2 VIEWS (SYNTHETIC PHANTOM, NOT A PATIENT)";
    dicomImage.seriesDescription = frontal ? "SYNTHETIC PHANTOM FRONTAL" : "SYNTHETIC PHANTOM LATERAL";
    dicomImage.accessionNumber = spec.id.size() <= 16 ? spec.id : std::string(); // SH: 16 characters
    dicomImage.viewPosition = frontal ? (spec.patient.anteroposterior ? "AP" : "PA") : "LL";
    dicomImage.seriesNumber = frontal ? 1 : 2;
    dicomImage.instanceNumber = 1;
    dicomImage.pixelSpacing = std::array<double, 2>{image.pixelSpacingMm, image.pixelSpacingMm};
    dicomImage.imagerPixelSpacing = dicomImage.pixelSpacing;
    dicomImage.windows = {phantomUnitWindow()};
    return dicomImage;
}

} // namespace raddraft::cli
