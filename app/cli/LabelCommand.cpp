// raddraft-cli label: the CheXpert-style rule labeler (inference/labeler) on report text.

#include "CliCommand.h"

#include "labeler/Labeler.h"
#include "labeler/LabelerError.h"
#include "labeler/ReportReader.h"

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace raddraft::cli {

const char* const kLabelUsage =
    "Usage: raddraft-cli label [--json] [--column NAME] FILE|-\n"
    "\n"
    "Labels radiology reports with the CheXpert-style rule labeler: the 14 CheXpert observations and\n"
    "our extra knowledge-graph findings, each 1 (positive), 0 (negative), -1 (uncertain) or blank\n"
    "(not mentioned). See docs/MODELS.md, \"Labeler\".\n"
    "  FILE           one report per line (blank lines skipped); '-' reads standard input\n"
    "  --column NAME  FILE is a CSV (RFC 4180, header row) or JSONL file (detected from a leading\n"
    "                 '{'); the reports are the column / string field NAME\n"
    "  --json         one JSON object per report, {\"Cardiomegaly\": 1, \"Pleural Effusion\": 0, ...},\n"
    "                 blank labels omitted; otherwise a tab-separated table with a header row\n"
    "On failure: exit code 1 and one line on stderr naming the file and the reason.\n";

namespace {

struct LabelArguments {
    std::string input;
    std::optional<std::string> column;
    bool json = false;
};

std::optional<LabelArguments> parse(const std::vector<std::string>& arguments)
{
    LabelArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--json") {
            parsed.json = true;
        } else if (argument == "--column" && i + 1 < arguments.size()) {
            parsed.column = arguments[++i];
        } else if ((argument == "-" || (!argument.empty() && argument[0] != '-')) && parsed.input.empty()) {
            parsed.input = argument;
        } else {
            return std::nullopt;
        }
    }
    if (parsed.input.empty())
        return std::nullopt;
    return parsed;
}

std::vector<std::string> readReports(std::istream& input, const LabelArguments& arguments)
{
    return arguments.column ? labeler::readReportColumn(input, *arguments.column) : labeler::readReportLines(input);
}

} // namespace

int runLabelCommand(const std::vector<std::string>& arguments)
{
    const std::optional<LabelArguments> parsed = parse(arguments);
    if (!parsed) {
        printError("label: bad arguments (see raddraft-cli label --help)");
        return kExitUsage;
    }
    const std::string name = parsed->input == "-" ? std::string("standard input") : parsed->input;
    std::vector<std::string> reports;
    try {
        if (parsed->input == "-") {
            reports = readReports(std::cin, *parsed);
        } else {
            std::ifstream file(parsed->input, std::ios::binary);
            if (!file) {
                printError("label: " + name + ": cannot open the file");
                return kExitFailure;
            }
            reports = readReports(file, *parsed);
        }
    } catch (const labeler::LabelerError& error) {
        printError("label: " + name + ": " + error.what());
        return kExitFailure;
    }

    using labeler::allObservations;
    const labeler::Labeler reportLabeler;
    if (!parsed->json) {
        std::cout << "report";
        for (const labeler::Observation observation : allObservations())
            std::cout << '\t' << labeler::observationName(observation);
        std::cout << '\n';
    }
    for (std::size_t index = 0; index < reports.size(); ++index) {
        const labeler::ReportLabels labels = reportLabeler.label(reports[index]);
        // Label names are fixed ASCII without quotes or backslashes, so they need no JSON escaping.
        std::ostringstream object;
        object << '{';
        std::ostringstream row;
        row << index + 1;
        for (const labeler::Observation observation : allObservations()) {
            const std::optional<int> code = labeler::labelCode(labels.value(observation));
            row << '\t';
            if (code) {
                row << *code;
                object << (object.tellp() > 1 ? ", " : "") << '"' << labeler::observationName(observation)
                       << "\": " << *code;
            }
        }
        object << '}';
        std::cout << (parsed->json ? object.str() : row.str()) << '\n';
    }
    std::cout.flush();
    if (!std::cout) {
        printError("label: cannot write the output");
        return kExitFailure;
    }
    return kExitSuccess;
}

} // namespace raddraft::cli
