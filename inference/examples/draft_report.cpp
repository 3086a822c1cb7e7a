// draft_report: the shortest complete use of RadDraft's inference library, step by step.
//
//   draft_report BUNDLE FRONTAL.pgm [LATERAL.pgm]
//
// Images are binary PGM (P5, 8 or 16 bit): the library itself reads no image formats (the app
// reads DICOM and applies the window before handing pixels over). Here a PGM's full range is the
// window, so 0 is black and maxval white.

#include "inference/Pipeline.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

using namespace raddraft::inference;

namespace {

// Reads a binary PGM into [0, 1] floats; throws std::runtime_error naming the file.
ImageView readPgm(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    std::string magic;
    int width = 0, height = 0, maxValue = 0;
    file >> magic >> width >> height >> maxValue;
    file.get(); // the single whitespace after the header
    if (!file || magic != "P5" || width <= 0 || height <= 0 || maxValue <= 0 || maxValue > 65535)
        throw std::runtime_error(path + ": not a binary PGM (P5) image");
    ImageView image{std::vector<float>(static_cast<std::size_t>(width) * height), width, height};
    for (float& pixel : image.pixels) {
        int value = file.get();
        if (maxValue > 255)
            value = (value << 8) | file.get(); // 16-bit PGM samples are big-endian
        pixel = static_cast<float>(value) / static_cast<float>(maxValue);
    }
    if (!file)
        throw std::runtime_error(path + ": truncated PGM image");
    return image;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: draft_report BUNDLE FRONTAL.pgm [LATERAL.pgm]\n");
        return 2;
    }
    try {
        // 1. Load the bundle: manifest, checksums, weights; CUDA when available, else the CPU.
        Pipeline pipeline = Pipeline::load(argv[1]);

        // 2. Describe the study: a frontal view and, when given, a lateral one.
        StudyInput study;
        study.frontal = readPgm(argv[2]);
        if (argc == 4)
            study.lateral = readPgm(argv[3]);

        // 3. Draft, reporting each stage as it starts.
        RunOptions options;
        options.progress = [](const std::string& stage, double fraction) {
            if (fraction == 0.0)
                std::fprintf(stderr, "  %s…\n", stage.c_str());
        };
        const Draft draft = pipeline.run(study, options);

        // 4. Use the result: each sentence with the findings that support it.
        for (const DraftSentence& sentence : draft.sentences) {
            std::cout << sentence.text;
            for (const WeightedItem& tag : sentence.support.tags)
                std::cout << "  [" << tag.name << " " << tag.weight << "]";
            std::cout << "\n";
        }
        std::fprintf(stderr, "%s %s on %s\n", draft.model.type.c_str(), draft.model.version.c_str(), draft.model.device.c_str());
        return 0;
    } catch (const std::exception& error) { // InferenceError included
        std::fprintf(stderr, "draft_report: %s\n", error.what());
        return 1;
    }
}
