// raddraft-make-sample-study: writes RadDraft's bundled sample study, a synthetic two-view chest
// radiograph (PA + left lateral) as 16-bit DX DICOM, to the folder given on the command line.
// Every tag says it is synthetic; no third-party image is involved.
//
//   raddraft-make-sample-study resources/samples/chest-pa-lateral

#include "ChestSampleImage.h"
#include "dicom/DicomWriter.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

using namespace raddraft;

int main(int argc, char* argv[])
{
    if (argc != 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "usage: raddraft-make-sample-study OUTPUT_FOLDER\n");
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        std::fprintf(stderr, "raddraft-make-sample-study: %s: %s\n", folder.c_str(), error.message().c_str());
        return 1;
    }

    samples::ChestSampleOptions options;
    // Fixed UIDs under the UUID-derived root 2.25: the sample is byte-for-byte reproducible.
    const std::string studyUid = "2.25.160347226372140913838383413920478166021";
    const struct {
        const char* fileName;
        const char* viewPosition;
        const char* seriesDescription;
        const char* seriesUid;
        const char* sopUid;
        int seriesNumber;
    } views[] = {
        {"chest-pa.dcm", "PA", "CHEST PA", "2.25.160347226372140913838383413920478166022",
         "2.25.160347226372140913838383413920478166023", 1},
        {"chest-lateral.dcm", "LL", "CHEST LAT", "2.25.160347226372140913838383413920478166024",
         "2.25.160347226372140913838383413920478166025", 2},
    };

    for (const auto& view : views) {
        dicom::DicomImageToWrite image = samples::renderChestImage(
            options, std::strcmp(view.viewPosition, "PA") == 0 ? samples::ChestView::Frontal : samples::ChestView::Lateral);
        image.patientName = "SYNTHETIC^SAMPLE^CHEST";
        image.patientId = "RD-SAMPLE-0001";
        image.patientBirthDate = "19700101";
        image.patientSex = "O";
        image.studyInstanceUid = studyUid;
        image.seriesInstanceUid = view.seriesUid;
        image.sopInstanceUid = view.sopUid;
        image.studyDate = "20261101";
        image.studyTime = "093000";
        image.studyDescription = "CHEST 2 VIEWS (SYNTHETIC SAMPLE)";
        image.seriesDescription = view.seriesDescription;
        image.accessionNumber = "RDSAMPLE1";
        image.seriesNumber = view.seriesNumber;
        image.instanceNumber = 1;
        image.imagerPixelSpacing = std::array<double, 2>{0.2, 0.2};
        image.pixelSpacing = std::array<double, 2>{0.2, 0.2};
        image.windows = {{2150.0, 3000.0, "DEFAULT"}, {2400.0, 1600.0, "LUNG DETAIL"}};

        const std::filesystem::path file = folder / view.fileName;
        try {
            dicom::DicomWriteOptions writeOptions;
            writeOptions.transferSyntax = dicom::WriteTransferSyntax::JpegLsLossless;
            dicom::writeDicomFile(file.string(), image, writeOptions);
        } catch (const dicom::DicomError& failure) {
            std::fprintf(stderr, "raddraft-make-sample-study: %s\n", failure.what());
            return 1;
        }
        std::printf("wrote %s\n", file.c_str());
    }
    return 0;
}
