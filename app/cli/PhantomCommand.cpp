// raddraft-cli phantom: a synthetic chest dataset with exact ground truth (issue 5), written in
// R2Gen's IU X-ray layout so that one loader (inference/datasets) reads it and IU X-ray alike.

#include "CliCommand.h"
#include "PhantomStudyWriter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <variant>

namespace raddraft::cli {

const char* const kPhantomUsage =
    "Usage: raddraft-cli phantom --out DIR --studies N --seed S [--size PX] [--normal-fraction F]\n"
    "                            [--threads T] [--split-fractions TRAIN,VAL,TEST] [--png-level L]\n"
    "                            [--overwrite]\n"
    "\n"
    "Generates N synthetic two-view chest studies with reports, labels and exact finding masks\n"
    "(docs/DATASETS.md, \"Layouts\" and \"Phantom reports and labels\"):\n"
    "  DIR/annotation.json                        R2Gen's IU X-ray layout plus labels and masks\n"
    "  DIR/images/<id>/0.png, 1.png               frontal and lateral, 16-bit grey PNG\n"
    "  DIR/images/<id>/masks/<finding>_<view>.png 8-bit 0/255 masks\n"
    "  DIR/dicom/<id>/frontal.dcm, lateral.dcm    DX, 16-bit, a synthetic patient\n"
    "  --out DIR            output folder; it must not exist or be empty (see --overwrite)\n"
    "  --studies N          number of studies (1 ... 10000000)\n"
    "  --seed S             set seed (unsigned 64-bit); study i depends only on S and i\n"
    "  --size PX            image width = height in pixels, 64 ... 4096 (default 1024)\n"
    "  --normal-fraction F  share of studies without findings, 0 ... 1 (default 0.3)\n"
    "  --threads T          worker threads (default: all cores); the files are byte-identical for any T\n"
    "  --split-fractions    train,val,test shares summing to 1 (default 0.7,0.1,0.2); each study's\n"
    "                       split is a hash of its index, so adding studies keeps earlier splits\n"
    "  --png-level L        zlib level 0 ... 9 of the 16-bit images (default 0, stored: deflate saves\n"
    "                       only ~20 % on their noisy low byte at 10-20x the time; masks: run-length, level 1)\n"
    "  --overwrite          replace an existing non-empty DIR\n"
    "The folder appears complete or not at all: it is built in DIR.partial-<pid> and renamed.\n"
    "Progress goes to stderr. On failure: exit code 1 (2 for bad arguments) and one line on stderr.\n";

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

constexpr std::array<const char*, 3> kSplitNames = {"train", "val", "test"};

struct PhantomArguments {
    std::string output;
    int studies = 0;
    std::optional<std::uint64_t> seed;
    int size = 1024;
    double normalFraction = 0.3;
    int threads = 0;
    std::array<double, 3> splitFractions = {0.7, 0.1, 0.2};
    int pngLevel = 0;
    bool overwrite = false;
};

// Strict number parsing: the whole text must be the number.
template <typename Number>
std::optional<Number> parseNumber(const std::string& text)
{
    std::istringstream stream(text);
    Number value{};
    if (text.empty() || text[0] == '-' || text[0] == '+' || !(stream >> value) || !stream.eof())
        return std::nullopt;
    return value;
}

// Returns the parsed arguments, or the reason they are bad.
std::variant<PhantomArguments, std::string> parse(const std::vector<std::string>& arguments)
{
    PhantomArguments parsed;
    bool haveStudies = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& name = arguments[i];
        if (name == "--overwrite") {
            parsed.overwrite = true;
            continue;
        }
        if (name != "--out" && name != "--studies" && name != "--seed" && name != "--size" && name != "--normal-fraction"
            && name != "--threads" && name != "--split-fractions" && name != "--png-level")
            return "unknown argument '" + name + "'";
        if (i + 1 >= arguments.size())
            return name + " needs a value";
        const std::string& value = arguments[++i];
        const auto bad = [&](const std::string& expected) { return name + " " + value + ": expected " + expected; };
        if (name == "--out") {
            if (value.empty())
                return bad("a folder");
            parsed.output = value;
        } else if (name == "--studies") {
            const auto number = parseNumber<long long>(value);
            if (!number || *number < 1 || *number > 10000000)
                return bad("a whole number 1 ... 10000000");
            parsed.studies = static_cast<int>(*number);
            haveStudies = true;
        } else if (name == "--seed") {
            parsed.seed = parseNumber<std::uint64_t>(value);
            if (!parsed.seed)
                return bad("an unsigned 64-bit whole number");
        } else if (name == "--size") {
            const auto number = parseNumber<long long>(value);
            if (!number || *number < 64 || *number > 4096)
                return bad("a whole number of pixels 64 ... 4096");
            parsed.size = static_cast<int>(*number);
        } else if (name == "--normal-fraction") {
            const auto number = parseNumber<double>(value);
            if (!number || *number < 0.0 || *number > 1.0)
                return bad("a number 0 ... 1");
            parsed.normalFraction = *number;
        } else if (name == "--threads") {
            const auto number = parseNumber<long long>(value);
            if (!number || *number < 1 || *number > 1024)
                return bad("a whole number 1 ... 1024");
            parsed.threads = static_cast<int>(*number);
        } else if (name == "--png-level") {
            const auto number = parseNumber<long long>(value);
            if (!number || *number > 9)
                return bad("a zlib level 0 ... 9");
            parsed.pngLevel = static_cast<int>(*number);
        } else { // --split-fractions
            std::istringstream list(value);
            std::string part;
            std::size_t count = 0;
            double sum = 0.0;
            while (std::getline(list, part, ',')) {
                const auto number = parseNumber<double>(part);
                if (count >= 3 || !number || *number > 1.0)
                    return bad("three numbers 0 ... 1 separated by commas, e.g. 0.7,0.1,0.2");
                parsed.splitFractions[count++] = *number;
                sum += *number;
            }
            if (count != 3 || value.back() == ',')
                return bad("three numbers 0 ... 1 separated by commas, e.g. 0.7,0.1,0.2");
            if (std::abs(sum - 1.0) > 1e-6)
                return bad("train,val,test shares that sum to 1");
        }
    }
    if (parsed.output.empty())
        return std::string("--out DIR is required");
    if (!haveStudies)
        return std::string("--studies N is required");
    if (!parsed.seed)
        return std::string("--seed S is required");
    if (parsed.threads == 0)
        parsed.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return parsed;
}

// SplitMix64 finaliser (as PhantomDicom.cpp's UIDs): uniform bits from the study index.
std::uint64_t mixIndex(std::uint64_t value)
{
    value += 0x9E3779B97F4A7C15ull;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
    return value ^ (value >> 31);
}

// The split of study `index`: a function of the index alone, so a larger set keeps the splits
// of the smaller one.
std::size_t splitOf(int index, const std::array<double, 3>& fractions)
{
    const double u = static_cast<double>(mixIndex(static_cast<std::uint64_t>(index)) >> 11) * 0x1.0p-53;
    double cumulative = 0.0;
    std::size_t lastNonEmpty = 0;
    for (std::size_t split = 0; split < fractions.size(); ++split) {
        if (fractions[split] <= 0.0)
            continue;
        lastNonEmpty = split;
        cumulative += fractions[split];
        if (u < cumulative)
            return split;
    }
    return lastNonEmpty; // u beyond a sum that rounded below 1
}

// The output folder: refuses a file or a non-empty folder (unless overwriting).
std::optional<std::string> outputProblem(const fs::path& output, bool overwrite)
{
    std::error_code error;
    const fs::file_status status = fs::status(output, error);
    if (!fs::exists(status))
        return std::nullopt;
    if (!fs::is_directory(status))
        return output.string() + ": exists and is not a folder";
    if (!overwrite && !fs::is_empty(output, error))
        return output.string() + ": folder exists and is not empty (use --overwrite to replace it)";
    return std::nullopt;
}

// Moves the finished folder into place; the previous one (empty or --overwrite) goes last.
void publish(const fs::path& partial, const fs::path& output, bool overwrite)
{
    if (const auto problem = outputProblem(output, overwrite))
        throw std::runtime_error(*problem);
    if (fs::exists(output)) {
        const fs::path replaced = output.string() + ".replaced-" + std::to_string(::getpid());
        fs::rename(output, replaced);
        std::error_code error;
        fs::rename(partial, output, error);
        if (error) {
            fs::rename(replaced, output, error); // put the previous folder back
            throw std::runtime_error(output.string() + ": cannot move the new folder into place");
        }
        fs::remove_all(replaced);
    } else {
        fs::rename(partial, output);
    }
}

// Progress on stderr: an updating line on a terminal, else a line per tenth of the work.
class ProgressPrinter {
public:
    explicit ProgressPrinter(int total) : m_total(total), m_terminal(::isatty(STDERR_FILENO) != 0) {}

    void update(int done, double seconds)
    {
        const int tenth = done * 10 / m_total;
        if (!m_terminal && tenth == m_lastTenth)
            return;
        m_lastTenth = tenth;
        const double rate = seconds > 0.0 ? done / seconds : 0.0;
        const double eta = rate > 0.0 ? (m_total - done) / rate : 0.0;
        std::fprintf(stderr, "%sphantom: %d/%d studies, %.1f studies/s, ETA %.0f s%s", m_terminal ? "\r" : "", done,
                     m_total, rate, eta, m_terminal ? "   " : "\n");
        std::fflush(stderr);
    }
    void finish()
    {
        if (m_terminal)
            std::fputc('\n', stderr);
    }

private:
    int m_total;
    bool m_terminal;
    int m_lastTenth = -1;
};

// Generates every study over `threads` workers; entries come back in index order.
std::vector<ordered_json> generateStudies(const std::string& root, const PhantomArguments& arguments,
                                          const PhantomStudyOptions& options, PhantomStepTimes& times)
{
    std::vector<ordered_json> entries(static_cast<std::size_t>(arguments.studies));
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<bool> failed{false};
    std::string firstError;
    std::mutex mutex;
    std::condition_variable wake;

    const auto work = [&] {
        PhantomStudyWriter writer(root, options);
        for (int index = next++; index < arguments.studies && !failed; index = next++) {
            try {
                const char* split = kSplitNames[splitOf(index, arguments.splitFractions)];
                entries[static_cast<std::size_t>(index)] = writer.write(index, split);
            } catch (const std::exception& error) {
                const std::lock_guard<std::mutex> lock(mutex);
                if (!failed.exchange(true))
                    firstError = error.what();
            }
            {
                // Under the lock, so the waiting thread cannot miss the last notification.
                const std::lock_guard<std::mutex> lock(mutex);
                ++done;
            }
            wake.notify_one();
        }
        const std::lock_guard<std::mutex> lock(mutex);
        times += writer.times();
    };
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    const int threadCount = std::min(arguments.threads, arguments.studies);
    for (int t = 0; t < threadCount; ++t)
        workers.emplace_back(work);

    ProgressPrinter progress(arguments.studies);
    {
        std::unique_lock<std::mutex> lock(mutex);
        int shown = -1;
        while (!failed && done < arguments.studies) {
            wake.wait_for(lock, std::chrono::milliseconds(500));
            if (done != shown && !failed) {
                shown = done;
                progress.update(shown, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            }
        }
    }
    for (std::thread& worker : workers)
        worker.join();
    progress.finish();
    if (failed)
        throw std::runtime_error(firstError);
    return entries;
}

} // namespace

int runPhantomCommand(const std::vector<std::string>& arguments)
{
    const auto parsed = parse(arguments);
    if (const auto* reason = std::get_if<std::string>(&parsed)) {
        printError("phantom: " + *reason + " (see raddraft-cli phantom --help)");
        return kExitUsage;
    }
    const PhantomArguments& phantomArguments = std::get<PhantomArguments>(parsed);

    fs::path output = fs::absolute(phantomArguments.output).lexically_normal();
    if (output.filename().empty())
        output = output.parent_path(); // "DIR/" names DIR
    if (const auto problem = outputProblem(output, phantomArguments.overwrite)) {
        printError("phantom: " + *problem);
        return kExitFailure;
    }
#if defined(__GLIBC__)
    // Every study allocates and frees several 2-8 MB buffers (images, DICOM pixel data). glibc
    // would hand each back to the kernel and page-fault it in again; keeping them on the heap
    // cut the CPU time per study by a third (docs/PERFORMANCE.md, "Phantom generator").
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
    const fs::path partial = output.string() + ".partial-" + std::to_string(::getpid());
    const auto start = std::chrono::steady_clock::now();
    try {
        fs::remove_all(partial);
        fs::create_directories(partial / "images");
        fs::create_directories(partial / "dicom");

        PhantomStudyOptions options;
        options.setSeed = *phantomArguments.seed;
        options.size = phantomArguments.size;
        options.normalFraction = phantomArguments.normalFraction;
        options.pngLevel = phantomArguments.pngLevel;
        PhantomStepTimes times;
        const std::vector<ordered_json> entries = generateStudies(partial.string(), phantomArguments, options, times);

        ordered_json annotation = ordered_json::object();
        for (const char* split : kSplitNames)
            annotation[split] = ordered_json::array();
        for (const ordered_json& entry : entries)
            annotation[entry.at("split").get<std::string>()].push_back(entry);
        const std::string text = annotation.dump(1) + "\n";
        writeFileAtomically((partial / "annotation.json").string(), {text});
        publish(partial, output, phantomArguments.overwrite);

        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "phantom: %d studies (train %zu, val %zu, test %zu) in %.1f s, %.2f studies/s, %d threads -> %s\n",
                     phantomArguments.studies, annotation["train"].size(), annotation["val"].size(),
                     annotation["test"].size(), seconds, phantomArguments.studies / std::max(seconds, 1e-9),
                     phantomArguments.threads, output.string().c_str());
        const double perStudy = 1000.0 / phantomArguments.studies; // seconds in total → ms per study
        std::fprintf(stderr, "phantom: CPU per study: render %.1f ms, report %.2f ms, images %.1f ms, masks %.1f ms, DICOM %.1f ms\n",
                     times.render * perStudy, times.report * perStudy, times.images * perStudy, times.masks * perStudy,
                     times.dicom * perStudy);
    } catch (const std::exception& error) {
        std::error_code ignored;
        fs::remove_all(partial, ignored);
        printError("phantom: " + std::string(error.what()));
        return kExitFailure;
    }
    return kExitSuccess;
}

} // namespace raddraft::cli
