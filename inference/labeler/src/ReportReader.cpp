#include "labeler/ReportReader.h"

#include "labeler/LabelerError.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <sstream>

namespace raddraft::labeler {

CsvTable parseCsv(std::istream& input)
{
    const std::string text((std::istreambuf_iterator<char>(input)), std::istreambuf_iterator<char>());
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;     // inside a quoted field
    bool afterQuote = false; // a quoted field has just closed
    std::size_t recordNumber = 1;
    const auto endField = [&] {
        record.push_back(field);
        field.clear();
        afterQuote = false;
    };
    const auto endRecord = [&] {
        endField();
        records.push_back(record);
        record.clear();
        ++recordNumber;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char character = text[i];
        if (quoted) {
            if (character != '"') {
                field += character;
            } else if (i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else {
                quoted = false;
                afterQuote = true;
            }
        } else if (character == ',') {
            endField();
        } else if (character == '\n' || (character == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
            if (character == '\r')
                ++i;
            endRecord();
        } else if (afterQuote) {
            throw LabelerError("CSV record " + std::to_string(recordNumber) + ": characters after a closing quote");
        } else if (character == '"' && field.empty()) {
            quoted = true;
        } else {
            field += character;
        }
    }
    if (quoted)
        throw LabelerError("CSV record " + std::to_string(recordNumber) + ": unterminated quoted field");
    if (!field.empty() || !record.empty() || afterQuote)
        endRecord();
    CsvTable table;
    if (records.empty())
        return table;
    table.header = records.front();
    table.rows.assign(records.begin() + 1, records.end());
    return table;
}

std::size_t csvColumnIndex(const CsvTable& table, const std::string& name)
{
    const auto found = std::find(table.header.begin(), table.header.end(), name);
    if (found == table.header.end())
        throw LabelerError("no column '" + name + "' in the CSV header");
    return static_cast<std::size_t>(found - table.header.begin());
}

std::vector<std::string> readReportLines(std::istream& input)
{
    std::vector<std::string> reports;
    std::string line;
    while (std::getline(input, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos)
            reports.push_back(line);
    }
    return reports;
}

std::vector<std::string> readCsvColumn(std::istream& input, const std::string& name)
{
    const CsvTable table = parseCsv(input);
    const std::size_t column = csvColumnIndex(table, name);
    std::vector<std::string> values;
    for (const std::vector<std::string>& row : table.rows)
        values.push_back(column < row.size() ? row[column] : std::string());
    return values;
}

std::vector<std::string> readJsonlColumn(std::istream& input, const std::string& name)
{
    std::vector<std::string> values;
    std::string line;
    std::size_t lineNumber = 0;
    while (std::getline(input, line)) {
        ++lineNumber;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        const std::string where = "JSONL line " + std::to_string(lineNumber) + ": ";
        const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
        if (object.is_discarded())
            throw LabelerError(where + "invalid JSON");
        if (!object.is_object())
            throw LabelerError(where + "not a JSON object");
        const auto field = object.find(name);
        if (field == object.end())
            throw LabelerError(where + "no field '" + name + "'");
        if (!field->is_string())
            throw LabelerError(where + "field '" + name + "' is not a string");
        values.push_back(field->get<std::string>());
    }
    return values;
}

std::vector<std::string> readReportColumn(std::istream& input, const std::string& name)
{
    const std::string text((std::istreambuf_iterator<char>(input)), std::istreambuf_iterator<char>());
    std::istringstream copy(text);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{')
        return readJsonlColumn(copy, name);
    return readCsvColumn(copy, name);
}

} // namespace raddraft::labeler
