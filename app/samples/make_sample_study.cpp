// raddraft-make-sample-study: writes RadDraft's bundled sample studies — six phantom chest
// studies (PA + lateral, 16-bit DX DICOM, JPEG-LS lossless) with hand-chosen findings — and
// resources/samples/README.md with each study's ground truth (findings and the report the
// phantom generator writes for it). Every tag says the patient is synthetic.
//
//   raddraft-make-sample-study resources/samples

#include "PhantomDicom.h"
#include "dicom/DicomWriter.h"
#include "phantom/PhantomRenderer.h"
#include "phantom/PhantomReport.h"
#include "phantom/PhantomSpec.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace raddraft;
using phantom::FindingInstance;
using phantom::FindingKind;
using phantom::Severity;
using phantom::Side;
using phantom::Zone;

namespace {

// The set seed of the samples' UIDs (PhantomDicom.h): fixed, so the files are reproducible.
constexpr std::uint64_t kSampleSetSeed = 20261122;

struct Sample {
    const char* folder;
    const char* title;
    phantom::StudySpec spec;
};

FindingInstance finding(FindingKind kind, Side side = Side::None, Zone zone = Zone::None,
                        Severity severity = Severity::None, double sizeMm = 0.0, std::uint64_t placement = 1)
{
    FindingInstance instance;
    instance.kind = kind;
    instance.side = side;
    instance.zone = zone;
    instance.severity = severity;
    instance.sizeMm = sizeMm;
    instance.placementSeed = placement;
    return instance;
}

phantom::StudySpec study(const char* id, std::uint64_t seed, std::vector<FindingInstance> findings)
{
    phantom::StudySpec spec;
    spec.id = id;
    spec.seed = seed;
    spec.findings = std::move(findings);
    return spec;
}

std::vector<Sample> samples()
{
    std::vector<Sample> result;
    result.push_back({"phantom-normal", "Normal", study("sample-normal", 101, {})});

    phantom::StudySpec heart = study("sample-cardiomegaly-effusion", 202,
                                     {finding(FindingKind::Cardiomegaly, Side::None, Zone::None, Severity::Moderate),
                                      finding(FindingKind::PleuralEffusion, Side::Left, Zone::Lower, Severity::Moderate)});
    heart.patient.thoraxWidthScale = 1.08;
    result.push_back({"phantom-cardiomegaly-effusion", "Cardiomegaly and left pleural effusion", heart});

    phantom::StudySpec pneumothorax =
        study("sample-pneumothorax", 303, {finding(FindingKind::Pneumothorax, Side::Right, Zone::Upper, Severity::Moderate)});
    pneumothorax.patient.thoraxWidthScale = 0.9;
    result.push_back({"phantom-pneumothorax", "Right pneumothorax", pneumothorax});

    result.push_back({"phantom-nodule", "Left upper lobe nodule",
                      study("sample-nodule", 404, {finding(FindingKind::Nodule, Side::Left, Zone::Upper, Severity::None, 18.0, 7)})});

    FindingInstance tube = finding(FindingKind::EndotrachealTube);
    tube.tipAboveCarinaMm = 45.0;
    phantom::StudySpec devices =
        study("sample-devices", 505,
              {tube, finding(FindingKind::CentralLine, Side::Right, Zone::Upper),
               finding(FindingKind::Pacemaker, Side::Left), finding(FindingKind::SternotomyWires)});
    devices.patient.anteroposterior = true;
    result.push_back({"phantom-devices", "Support devices: endotracheal tube, right central line, pacemaker, sternotomy", devices});

    phantom::StudySpec edema = study("sample-edema", 606,
                                     {finding(FindingKind::PulmonaryEdema, Side::Bilateral, Zone::None, Severity::Moderate),
                                      finding(FindingKind::Cardiomegaly, Side::None, Zone::None, Severity::Mild)});
    edema.patient.female = true;
    result.push_back({"phantom-edema", "Pulmonary edema with mild cardiomegaly", edema});
    return result;
}

void writeView(const std::filesystem::path& file, const phantom::StudySpec& spec, const phantom::PhantomImage& image,
               cli::PhantomView view)
{
    dicom::DicomImageToWrite dicomImage = cli::phantomDicomImage(kSampleSetSeed, spec, image, view);
    dicomImage.studyDate = "20261101";
    dicomImage.studyTime = "093000";
    // A second, narrower window for the lung fields (preset 2 in the viewer); the first stays the
    // phantom's unit window, so what the model sees is unchanged.
    dicomImage.windows.push_back({20000.0, 24000.0, "LUNG"});
    dicom::DicomWriteOptions options;
    options.transferSyntax = dicom::WriteTransferSyntax::JpegLsLossless; // lossless, ~half the size
    dicom::writeDicomFile(file.string(), dicomImage, options);
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc != 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "usage: raddraft-make-sample-study OUTPUT_FOLDER\n");
        return 2;
    }
    const std::filesystem::path root = argv[1];
    std::string readme =
        "# Sample studies\n\n"
        "Six synthetic two-view chest studies written by `raddraft-make-sample-study` (app/samples) with\n"
        "RadDraft's phantom generator (inference/phantom): 1024 × 1024, 16-bit DX, JPEG-LS lossless,\n"
        "patient `PHANTOM^SYNTHETIC`. No real patient data. Ground truth below: the findings placed in\n"
        "the images and the report the generator writes for them.\n\n";
    try {
        for (const Sample& sample : samples()) {
            const std::filesystem::path folder = root / sample.folder;
            std::filesystem::create_directories(folder);
            const phantom::RenderedStudy rendered = phantom::renderStudy(sample.spec);
            writeView(folder / "frontal.dcm", sample.spec, rendered.frontal, cli::PhantomView::Frontal);
            writeView(folder / "lateral.dcm", sample.spec, rendered.lateral, cli::PhantomView::Lateral);
            const phantom::PhantomReport report = phantom::writeReport(sample.spec);
            readme += std::string("## ") + sample.folder + " — " + sample.title + "\n\n";
            readme += "Findings placed: ";
            if (sample.spec.findings.empty())
                readme += "none";
            for (std::size_t i = 0; i < sample.spec.findings.size(); ++i) {
                const FindingInstance& placed = sample.spec.findings[i];
                readme += std::string(i ? "; " : "") + phantom::findingKindKey(placed.kind);
                for (const char* word : {phantom::sideKey(placed.side), phantom::zoneKey(placed.zone),
                                         phantom::severityKey(placed.severity)})
                    if (*word)
                        readme += std::string(" ") + word;
                if (placed.sizeMm > 0)
                    readme += " " + std::to_string(int(placed.sizeMm)) + " mm";
            }
            readme += ".\n\n> FINDINGS: " + report.findings + "\n>\n> IMPRESSION: " + report.impression + "\n\n";
            std::printf("wrote %s\n", folder.c_str());
        }
        const std::filesystem::path readmePath = root / "README.md";
        const std::filesystem::path temporary = root / "README.md.partial";
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out << readme;
            if (!out.flush())
                throw std::runtime_error(temporary.string() + ": cannot write");
        }
        std::filesystem::rename(temporary, readmePath);
    } catch (const std::exception& failure) {
        std::fprintf(stderr, "raddraft-make-sample-study: %s\n", failure.what());
        return 1;
    }
    return 0;
}
