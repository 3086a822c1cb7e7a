// raddraft-phantom-bench: how many phantom studies (both views + masks) one thread renders per
// second, at 1024 and 512 px (docs/PERFORMANCE.md, "Phantom generator"). Studies come from
// sampleStudySpec (30 % normal, the rest with 1–4 findings) and are rendered with the buffer-reusing
// renderStudy overload, as a generator does. Both wall-clock time and the thread's CPU time are
// reported: on a shared machine the CPU time is the per-core figure.
//
//   raddraft-phantom-bench [--studies N] [--seed S] [--fresh] [--dump DIR [--dump-count N] [--dump-size PX]]
//
// --fresh uses the allocating renderStudy(spec, options) instead (new image and mask memory for
// every study, as a caller that keeps no RenderedStudy gets).
// --dump DIR also writes the first N studies at --dump-size (default 1024) as 16-bit PGM images
// (frontal, lateral) and 8-bit PGM masks, with a line per study naming its findings (studies.txt).

#include "phantom/PhantomRenderer.h"
#include "phantom/PhantomSpec.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <stdexcept>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

using raddraft::phantom::PhantomImage;
using raddraft::phantom::PhantomMask;
using raddraft::phantom::RenderOptions;
using raddraft::phantom::StudySpec;

bool writePgm16(const std::string& path, const PhantomImage& image)
{
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << image.width << ' ' << image.height << "\n65535\n";
    std::vector<unsigned char> bytes(image.pixels.size() * 2);
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        bytes[2 * i] = static_cast<unsigned char>(image.pixels[i] >> 8U);
        bytes[2 * i + 1] = static_cast<unsigned char>(image.pixels[i] & 0xFFU);
    }
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

bool writePgm8(const std::string& path, const PhantomMask& mask)
{
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << mask.width << ' ' << mask.height << "\n255\n";
    std::vector<unsigned char> bytes(mask.pixels.size());
    for (std::size_t i = 0; i < mask.pixels.size(); ++i)
        bytes[i] = mask.pixels[i] != 0 ? 255 : 0;
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

std::string describe(const StudySpec& spec)
{
    using namespace raddraft::phantom;
    std::string text = spec.id + (spec.patient.anteroposterior ? " AP" : " PA") + (spec.patient.female ? " F" : " M");
    for (const FindingInstance& f : spec.findings) {
        text += std::string(" | ") + findingKindKey(f.kind);
        for (const char* part : {sideKey(f.side), zoneKey(f.zone), severityKey(f.severity)})
            if (*part != '\0')
                text += std::string(" ") + part;
        if (f.sizeMm > 0.0)
            text += " " + std::to_string(static_cast<int>(f.sizeMm)) + "mm";
        if (f.hedged)
            text += " hedged";
    }
    return text;
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

struct Timing {
    double wallStudiesPerSecond = 0.0;
    double cpuStudiesPerSecond = 0.0;
    double p50Ms = 0.0;    ///< wall
    double p90Ms = 0.0;    ///< wall
    double cpuP50Ms = 0.0;
};

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

Timing measure(int size, int studies, std::uint64_t seed, bool fresh)
{
    RenderOptions options;
    options.size = size;
    std::vector<double> wall;
    std::vector<double> cpu;
    raddraft::phantom::RenderedStudy study;
    // Warm-up studies: profile tables, and the first use of the buffers a thread keeps.
    for (int i = 0; i < 3; ++i)
        raddraft::phantom::renderStudy(raddraft::phantom::sampleStudySpec(seed + 1, i), options, study);
    double wallTotal = 0.0;
    double cpuTotal = 0.0;
    for (int i = 0; i < studies; ++i) {
        const StudySpec spec = raddraft::phantom::sampleStudySpec(seed, i);
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = threadCpuMs();
        if (fresh)
            study = raddraft::phantom::renderStudy(spec, options);
        else
            raddraft::phantom::renderStudy(spec, options, study);
        const double cpuMs = threadCpuMs() - cpuStart;
        const double wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (study.frontal.pixels.empty())
            std::abort();
        wall.push_back(wallMs);
        cpu.push_back(cpuMs);
        wallTotal += wallMs;
        cpuTotal += cpuMs;
    }
    Timing t;
    t.wallStudiesPerSecond = 1000.0 * studies / wallTotal;
    t.cpuStudiesPerSecond = 1000.0 * studies / cpuTotal;
    t.p50Ms = percentile(wall, 0.5);
    t.p90Ms = percentile(wall, 0.9);
    t.cpuP50Ms = percentile(cpu, 0.5);
    return t;
}

} // namespace

int run(int argc, char** argv)
{
    int studies = 60;
    std::uint64_t seed = 2026;
    std::string dump;
    int dumpCount = 8;
    int dumpSize = 1024;
    bool fresh = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "raddraft-phantom-bench: " << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        const auto number = [&]() -> long long {
            const std::string text = value();
            std::size_t used = 0;
            long long n = 0;
            try {
                n = std::stoll(text, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != text.size() || text.empty())
                throw std::invalid_argument(arg + " needs a whole number, got '" + text + "'");
            return n;
        };
        if (arg == "--studies")
            studies = static_cast<int>(std::max(1LL, number()));
        else if (arg == "--seed")
            seed = static_cast<std::uint64_t>(number());
        else if (arg == "--dump")
            dump = value();
        else if (arg == "--dump-count")
            dumpCount = static_cast<int>(std::max(1LL, number()));
        else if (arg == "--dump-size")
            dumpSize = static_cast<int>(number());
        else if (arg == "--fresh")
            fresh = true;
        else {
            std::cerr << "usage: raddraft-phantom-bench [--studies N] [--seed S] [--fresh] [--dump DIR [--dump-count N] "
                         "[--dump-size PX]]\n";
            return 2;
        }
    }
    if (!dump.empty()) {
        RenderOptions options;
        options.size = dumpSize;
        std::ofstream index(dump + "/studies.txt");
        for (int i = 0; i < dumpCount; ++i) {
            const StudySpec spec = raddraft::phantom::sampleStudySpec(seed, i);
            const auto study = raddraft::phantom::renderStudy(spec, options);
            const std::string stem = dump + "/" + spec.id;
            bool ok = writePgm16(stem + "-frontal.pgm", study.frontal) && writePgm16(stem + "-lateral.pgm", study.lateral);
            for (const auto& m : study.masks) {
                const std::string finding = std::to_string(m.findingIndex);
                if (!m.frontal.pixels.empty())
                    ok = ok && writePgm8(stem + "-mask" + finding + "-frontal.pgm", m.frontal);
                if (!m.lateral.pixels.empty())
                    ok = ok && writePgm8(stem + "-mask" + finding + "-lateral.pgm", m.lateral);
            }
            if (!ok) {
                std::cerr << "raddraft-phantom-bench: cannot write " << stem << "-*.pgm\n";
                return 1;
            }
            index << describe(spec) << '\n';
        }
        std::cout << "wrote " << dumpCount << " studies to " << dump << '\n';
    }
    std::cout << "phantom studies (frontal + lateral + masks), one thread, seed " << seed
              << (fresh ? ", fresh output memory per study" : ", output buffers reused") << '\n';
    for (const int size : {1024, 512}) {
        const int count = size == 1024 ? studies : 2 * studies;
        const Timing t = measure(size, count, seed, fresh);
        std::printf("  %4d px, %3d studies: %6.1f studies/s (wall)  %6.1f studies/s (thread CPU)   "
                    "p50 %6.1f ms  p90 %6.1f ms (wall)   p50 %6.1f ms (CPU)\n",
                    size, count, t.wallStudiesPerSecond, t.cpuStudiesPerSecond, t.p50Ms, t.p90Ms, t.cpuP50Ms);
    }
    return 0;
}

int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "raddraft-phantom-bench: " << e.what() << '\n';
        return 1;
    }
}
