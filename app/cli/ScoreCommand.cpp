// raddraft-cli score: the text metrics of the papers' tables (pycocoevalcap's BLEU_1..4, METEOR,
// ROUGE_L, CIDEr) for generated reports against references. The metrics live in
// inference/evaluation (raddraft_evaluation); this file only reads, cleans and prints.

#include "CliCommand.h"

#include "evaluation/TextMetrics.h"
#include "inference/Text.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>

namespace raddraft::cli {

const char* const kScoreUsage =
    "Usage: raddraft-cli score --refs REFS --hyps HYPS [--json OUT] [--raw]\n"
    "\n"
    "Scores generated reports (HYPS) against references (REFS) with BLEU-1..4, METEOR, ROUGE-L\n"
    "and CIDEr-D, computed as pycocoevalcap (vendored by R2Gen) computes them.\n"
    "  --refs REFS  JSONL lines {\"id\": ..., \"report\": ...}; several lines with the same id are\n"
    "               several references. Or one report per line (the id is the line number).\n"
    "  --hyps HYPS  the same formats; exactly one hypothesis per id, the same ids as REFS\n"
    "  --json OUT   also write {\"BLEU_1\", ..., \"BLEU_4\", \"METEOR\", \"ROUGE_L\", \"CIDEr\"} to OUT\n"
    "               (atomically)\n"
    "  --raw        score the strings as given; by default both sides are first cleaned as R2Gen\n"
    "               cleans IU X-ray reports (lower case, punctuation stripped, \" .\" sentence ends)\n"
    "METEOR here has exact and Porter-stem matching only (no WordNet synonym or paraphrase modules),\n"
    "so it is a lower bound of METEOR 1.5's value.\n"
    "On failure: exit code 1 and one line on stderr naming the file and the reason.\n";

namespace {

struct ScoreArguments {
    std::string referencesPath;
    std::string hypothesesPath;
    std::string jsonPath;
    bool raw = false;
};

std::optional<ScoreArguments> parse(const std::vector<std::string>& arguments)
{
    ScoreArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--refs" && hasValue)
            parsed.referencesPath = arguments[++i];
        else if (argument == "--hyps" && hasValue)
            parsed.hypothesesPath = arguments[++i];
        else if (argument == "--json" && hasValue)
            parsed.jsonPath = arguments[++i];
        else if (argument == "--raw")
            parsed.raw = true;
        else
            return std::nullopt;
    }
    if (parsed.referencesPath.empty() || parsed.hypothesesPath.empty())
        return std::nullopt;
    return parsed;
}

/// A failure tied to one input file; the message already names it.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// (id, report) pairs of a JSONL file or of a one-report-per-line file, in file order.
std::vector<std::pair<std::string, std::string>> readReports(const std::string& path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        throw InputError(path + ": cannot open the file");
    std::vector<std::string> lines;
    for (std::string line; std::getline(stream, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
    }
    if (stream.bad())
        throw InputError(path + ": read error");

    bool jsonLines = false;
    for (const std::string& line : lines) {
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string::npos) {
            jsonLines = line[first] == '{';
            break;
        }
    }
    std::vector<std::pair<std::string, std::string>> reports;
    for (std::size_t index = 0; index < lines.size(); ++index) {
        const std::string where = path + ":" + std::to_string(index + 1) + ": ";
        if (!jsonLines) {
            reports.emplace_back(std::to_string(index + 1), lines[index]);
            continue;
        }
        if (lines[index].find_first_not_of(" \t") == std::string::npos)
            continue;
        nlohmann::json object;
        try {
            object = nlohmann::json::parse(lines[index]);
        } catch (const nlohmann::json::exception& error) {
            throw InputError(where + "not valid JSON (" + error.what() + ")");
        }
        if (!object.is_object() || !object.contains("id") || !object.contains("report") ||
            !object["report"].is_string())
            throw InputError(where + "expected an object with \"id\" and a string \"report\"");
        const nlohmann::json& id = object["id"];
        if (!id.is_string() && !id.is_number_integer())
            throw InputError(where + "\"id\" must be a string or an integer");
        reports.emplace_back(id.is_string() ? id.get<std::string>() : id.dump(), object["report"].get<std::string>());
    }
    if (reports.empty())
        throw InputError(path + ": no reports in the file");
    return reports;
}

evaluation::TextCorpus buildCorpus(const ScoreArguments& arguments)
{
    const auto prepare = [&](const std::string& report) {
        return arguments.raw ? report : inference::cleanReport(report, inference::CleaningStyle::IuXray);
    };
    evaluation::TextCorpus corpus;
    for (const auto& [id, report] : readReports(arguments.referencesPath))
        corpus.references[id].push_back(prepare(report));
    for (const auto& [id, report] : readReports(arguments.hypothesesPath)) {
        if (!corpus.hypotheses.emplace(id, prepare(report)).second)
            throw InputError(arguments.hypothesesPath + ": id " + id + " appears more than once (one hypothesis per id)");
        if (corpus.references.count(id) == 0)
            throw InputError(arguments.hypothesesPath + ": id " + id + " has no reference in " + arguments.referencesPath);
    }
    for (const auto& entry : corpus.references)
        if (corpus.hypotheses.count(entry.first) == 0)
            throw InputError(arguments.referencesPath + ": id " + entry.first + " has no hypothesis in " +
                             arguments.hypothesesPath);
    return corpus;
}

} // namespace

int runScoreCommand(const std::vector<std::string>& arguments)
{
    const std::optional<ScoreArguments> parsed = parse(arguments);
    if (!parsed) {
        printError("score: bad arguments (see raddraft-cli score --help)");
        return kExitUsage;
    }
    try {
        const evaluation::TextCorpus corpus = buildCorpus(*parsed);
        const std::vector<std::pair<std::string, double>> scores = evaluation::computeTextMetrics(corpus);
        std::size_t referenceCount = 0;
        for (const auto& entry : corpus.references)
            referenceCount += entry.second.size();
        std::printf("samples: %zu, references: %zu, text: %s\n", corpus.hypotheses.size(), referenceCount,
                    parsed->raw ? "as given (--raw)" : "cleaned as R2Gen cleans IU X-ray reports");
        std::printf("%-8s %s\n", "metric", "score");
        for (const auto& [name, value] : scores)
            std::printf("%-8s %.6f\n", name.c_str(), value);
        std::printf("%s\n", evaluation::kMeteorCaveat);
        if (!parsed->jsonPath.empty()) {
            nlohmann::ordered_json json;
            for (const auto& [name, value] : scores)
                json[name] = value;
            writeFileAtomically(parsed->jsonPath, {json.dump(2), "\n"});
        }
        return kExitSuccess;
    } catch (const std::exception& error) {
        printError(std::string("score: ") + error.what());
        return kExitFailure;
    }
}

} // namespace raddraft::cli
