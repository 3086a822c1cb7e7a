// raddraft-cli pixels: decoded stored values as .npy, the format the pydicom comparison and the
// benchmarks read.

#include "CliCommand.h"
#include "NpyWriter.h"

#include "dicom/PixelDecoder.h"

#include <iostream>
#include <optional>

namespace raddraft::cli {

const char* const kPixelsUsage =
    "Usage: raddraft-cli pixels FILE [--frame N | --all-frames] [--modality] --out OUT.npy\n"
    "\n"
    "Decodes FILE (DICOM in any supported transfer syntax, or PNG/JPEG) and writes a NumPy .npy file\n"
    "of shape (frames, rows, columns) or (frames, rows, columns, samples).\n"
    "  --frame N      only frame N (0-based); the first axis then has length 1\n"
    "  --all-frames   every frame (the default)\n"
    "  --modality     float32 values after the modality LUT (Rescale Slope/Intercept or LUT table)\n"
    "                 instead of the stored values (uint8/int8/uint16/int16/uint32/int32)\n"
    "  --out OUT.npy  output file, written atomically (nothing is left behind on failure)\n"
    "Colour is RGB with samples last (YBR is converted); PALETTE COLOR keeps its indices.\n"
    "On failure: exit code 1 and one line on stderr naming the file and the reason.\n";

namespace {

struct PixelsArguments {
    std::string input;
    std::string output;
    std::optional<int> frame;
    bool modality = false;
};

std::optional<PixelsArguments> parse(const std::vector<std::string>& arguments)
{
    PixelsArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--out" && hasValue) {
            parsed.output = arguments[++i];
        } else if (argument == "--frame" && hasValue) {
            try {
                std::size_t used = 0;
                parsed.frame = std::stoi(arguments[++i], &used);
                if (used != arguments[i].size())
                    return std::nullopt;
            } catch (const std::exception&) {
                return std::nullopt;
            }
        } else if (argument == "--all-frames") {
            parsed.frame.reset();
        } else if (argument == "--modality") {
            parsed.modality = true;
        } else if (!argument.empty() && argument[0] != '-' && parsed.input.empty()) {
            parsed.input = argument;
        } else {
            return std::nullopt;
        }
    }
    if (parsed.input.empty() || parsed.output.empty())
        return std::nullopt;
    return parsed;
}

} // namespace

int runPixelsCommand(const std::vector<std::string>& arguments)
{
    const std::optional<PixelsArguments> parsed = parse(arguments);
    if (!parsed) {
        printError("pixels: bad arguments (see raddraft-cli pixels --help)");
        return kExitUsage;
    }
    try {
        dicom::DecodeOptions options;
        options.frame = parsed->frame;
        const dicom::DecodedImage image = dicom::decodeFile(parsed->input, options);
        const dicom::PixelData& pixels = image.pixels;
        std::vector<std::size_t> shape{static_cast<std::size_t>(pixels.frames), static_cast<std::size_t>(pixels.rows),
                                       static_cast<std::size_t>(pixels.columns)};
        if (pixels.samplesPerPixel > 1)
            shape.push_back(static_cast<std::size_t>(pixels.samplesPerPixel));
        if (parsed->modality) {
            const std::vector<float> values = dicom::applyModalityTransform(pixels, image.modality);
            writeNpyFile(parsed->output, "<f4", shape, values.data(), values.size() * sizeof(float));
        } else {
            writeNpyFile(parsed->output, dicom::numpyDescr(pixels.format), shape, pixels.bytes.data(), pixels.bytes.size());
        }
    } catch (const dicom::DicomError& error) {
        printError(error.what());
        return kExitFailure;
    } catch (const std::exception& error) {
        printError(parsed->input + ": " + error.what());
        return kExitFailure;
    }
    return kExitSuccess;
}

} // namespace raddraft::cli
