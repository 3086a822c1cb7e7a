#include "PhantomStudyWriter.h"

#include "PhantomDicom.h"

#include "phantom/PhantomReport.h"
#include "phantom/PhantomRenderer.h"
#include "phantom/PhantomSpec.h"

#include "PngFileWriter.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <stdexcept>

namespace raddraft::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Adds the CPU time since the last call to one step.
class StepClock {
public:
    explicit StepClock(PhantomStepTimes& times) : m_times(times), m_last(threadCpuSeconds()) {}
    void charge(double PhantomStepTimes::*step)
    {
        const double now = threadCpuSeconds();
        m_times.*step += now - m_last;
        m_last = now;
    }

private:
    PhantomStepTimes& m_times;
    double m_last;
};

// Union of the instance masks of one graph node in one view, as 0/255 bytes; `visible` when any
// instance has a pixel in this view.
struct MaskUnion {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
    bool visible = false;

    void add(const phantom::PhantomMask& mask)
    {
        if (mask.pixels.empty())
            return;
        if (pixels.empty()) {
            width = mask.width;
            height = mask.height;
            pixels.assign(mask.pixels.size(), 0);
        }
        if (mask.width != width || mask.height != height || mask.pixels.size() != pixels.size())
            throw std::logic_error("phantom renderer returned masks of different sizes");
        std::uint8_t any = 0;
        for (std::size_t i = 0; i < pixels.size(); ++i) {
            const std::uint8_t value = mask.pixels[i] ? 255 : 0;
            pixels[i] |= value;
            any |= value;
        }
        visible = visible || any != 0;
    }
    void write(const fs::path& path) const
    {
        // Masks are mostly zeros: run-length deflate at level 1 makes them ~2 KB for ~1.4 ms.
        dataset_io::writeGrey8Png(path.string(), pixels.data(), width, height, {1, dataset_io::PngContent::BinaryMask});
    }
};

ordered_json findingJson(const phantom::FindingInstance& finding)
{
    ordered_json json;
    json["kind"] = phantom::findingKindKey(finding.kind);
    json["node"] = phantom::graphNodeName(finding.kind);
    json["observation"] = phantom::observationName(finding.kind);
    json["side"] = phantom::sideKey(finding.side);
    json["zone"] = phantom::zoneKey(finding.zone);
    json["severity"] = phantom::severityKey(finding.severity);
    json["size_mm"] = finding.sizeMm;
    json["hedged"] = finding.hedged;
    if (finding.kind == phantom::FindingKind::EndotrachealTube)
        json["tip_above_carina_mm"] = finding.tipAboveCarinaMm;
    return json;
}

} // namespace

std::string phantomMaskKey(const std::string& graphNode)
{
    std::string key = graphNode;
    for (char& c : key) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        else if (!safe)
            c = '_';
    }
    return key;
}

PhantomStepTimes& PhantomStepTimes::operator+=(const PhantomStepTimes& other)
{
    render += other.render;
    report += other.report;
    images += other.images;
    masks += other.masks;
    dicom += other.dicom;
    return *this;
}

PhantomStudyWriter::PhantomStudyWriter(std::string root, const PhantomStudyOptions& options)
    : m_root(std::move(root)), m_options(options)
{
}

ordered_json PhantomStudyWriter::write(int index, const std::string& split)
{
    const PhantomStudyOptions& options = m_options;
    StepClock clock(m_times);
    const phantom::StudySpec spec = phantom::sampleStudySpec(options.setSeed, index, options.normalFraction);
    phantom::RenderOptions renderOptions;
    renderOptions.size = options.size;
    phantom::renderStudy(spec, renderOptions, m_rendered);
    const phantom::RenderedStudy& rendered = m_rendered;
    clock.charge(&PhantomStepTimes::render);
    const phantom::PhantomReport report = phantom::writeReport(spec);
    clock.charge(&PhantomStepTimes::report);

    const fs::path rootPath(m_root);
    const std::string imageFolder = spec.id;
    const fs::path imageDirectory = rootPath / "images" / imageFolder;
    const fs::path dicomDirectory = rootPath / "dicom" / spec.id;
    fs::create_directories(imageDirectory);
    fs::create_directories(dicomDirectory);

    const dataset_io::PngWriteOptions imagePng{options.pngLevel};
    for (const auto& [image, name] : {std::pair{&rendered.frontal, "0.png"}, std::pair{&rendered.lateral, "1.png"}})
        dataset_io::writeGrey16Png((imageDirectory / name).string(), image->pixels.data(), image->width, image->height,
                                   imagePng);
    clock.charge(&PhantomStepTimes::images);

    // Instances of one graph node (two nodules, bilateral effusions) share one mask per view.
    std::map<std::string, std::pair<MaskUnion, MaskUnion>> unions;
    for (const phantom::FindingMasks& masks : rendered.masks) {
        if (masks.findingIndex < 0 || masks.findingIndex >= static_cast<int>(spec.findings.size()))
            throw std::logic_error("phantom renderer returned a mask for an unknown finding");
        const std::string node = phantom::graphNodeName(spec.findings[static_cast<std::size_t>(masks.findingIndex)].kind);
        auto& [frontal, lateral] = unions[node];
        frontal.add(masks.frontal);
        lateral.add(masks.lateral);
    }
    ordered_json maskPaths = ordered_json::object();
    if (!unions.empty())
        fs::create_directories(imageDirectory / "masks");
    for (const auto& [node, views] : unions) {
        ordered_json paths = ordered_json::array();
        const std::pair<const MaskUnion*, const char*> perView[] = {{&views.first, "frontal"}, {&views.second, "lateral"}};
        for (const auto& [mask, viewName] : perView) {
            if (!mask->visible) {
                paths.push_back("");
                continue;
            }
            const std::string name = phantomMaskKey(node) + "_" + viewName + ".png";
            mask->write(imageDirectory / "masks" / name);
            paths.push_back(imageFolder + "/masks/" + name);
        }
        maskPaths[node] = std::move(paths);
    }
    clock.charge(&PhantomStepTimes::masks);

    const std::string frontalDicom = "dicom/" + spec.id + "/frontal.dcm";
    const std::string lateralDicom = "dicom/" + spec.id + "/lateral.dcm";
    dicom::writeDicomFile((rootPath / frontalDicom).string(),
                          phantomDicomImage(options.setSeed, spec, rendered.frontal, PhantomView::Frontal));
    dicom::writeDicomFile((rootPath / lateralDicom).string(),
                          phantomDicomImage(options.setSeed, spec, rendered.lateral, PhantomView::Lateral));
    clock.charge(&PhantomStepTimes::dicom);

    ordered_json entry;
    entry["id"] = spec.id;
    entry["report"] = report.text();
    entry["image_path"] = {imageFolder + "/0.png", imageFolder + "/1.png"};
    entry["split"] = split;
    entry["labels"] = report.graphLabels;
    entry["observations"] = report.observationLabels;
    ordered_json contextLabels = ordered_json::array();
    for (const phantom::ContextLabel& label : report.contextLabels)
        contextLabels.push_back(label.key());
    entry["context_labels"] = std::move(contextLabels);
    entry["masks"] = std::move(maskPaths);
    ordered_json findings = ordered_json::array();
    for (const phantom::FindingInstance& finding : spec.findings)
        findings.push_back(findingJson(finding));
    entry["findings"] = std::move(findings);
    entry["dicom"] = {frontalDicom, lateralDicom};
    return entry;
}

} // namespace raddraft::cli
