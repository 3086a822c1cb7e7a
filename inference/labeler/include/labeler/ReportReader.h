#pragma once
// Reading reports to label: one per line, a CSV column (RFC 4180) or a JSONL field.

#include <istream>
#include <string>
#include <vector>

namespace raddraft::labeler {

/// A parsed CSV file: the header row and the data rows (each padded or cut to the header's width
/// is *not* done: rows keep their own field count).
struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

/// RFC 4180: fields separated by ",", records by LF or CRLF; a quoted field may hold commas,
/// line breaks and doubled quotes (""). Throws LabelerError for an unterminated quoted field or
/// characters after a closing quote (message names the record number, 1-based, header = 1).
CsvTable parseCsv(std::istream& input);

/// The index of `name` in `table.header`; throws LabelerError if absent.
std::size_t csvColumnIndex(const CsvTable& table, const std::string& name);

/// One report per non-empty line (a trailing CR is removed).
std::vector<std::string> readReportLines(std::istream& input);

/// The values of column `name`, one per data row (a row too short for it gives "").
std::vector<std::string> readCsvColumn(std::istream& input, const std::string& name);

/// The string field `name` of each non-empty line's JSON object; throws LabelerError naming the
/// line for invalid JSON, a non-object, a missing field or a non-string value.
std::vector<std::string> readJsonlColumn(std::istream& input, const std::string& name);

/// readJsonlColumn when the first non-blank character of the input is "{", else readCsvColumn.
std::vector<std::string> readReportColumn(std::istream& input, const std::string& name);

} // namespace raddraft::labeler
