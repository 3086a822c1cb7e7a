#include "labeler/LabelerError.h"
#include "labeler/ReportReader.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace raddraft::labeler;

TEST(ReportReader, CsvQuotingFollowsRfc4180)
{
    std::istringstream input("id,report\r\n1,\"Heart, normal. \"\"Clear\"\" lungs.\nNo effusion.\"\r\n2,plain\n");
    const CsvTable table = parseCsv(input);
    ASSERT_EQ(table.header, (std::vector<std::string>{"id", "report"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0][1], "Heart, normal. \"Clear\" lungs.\nNo effusion.");
    EXPECT_EQ(table.rows[1], (std::vector<std::string>{"2", "plain"}));
}

TEST(ReportReader, CsvColumnByName)
{
    std::istringstream input("a,report,c\nx,first,y\nx,\"second\"\n");
    EXPECT_EQ(readCsvColumn(input, "report"), (std::vector<std::string>{"first", "second"}));
}

TEST(ReportReader, CsvErrors)
{
    std::istringstream unterminated("report\n\"open");
    EXPECT_THROW(parseCsv(unterminated), LabelerError);
    std::istringstream trailing("report\n\"a\"b\n");
    EXPECT_THROW(parseCsv(trailing), LabelerError);
    std::istringstream missing("other\nx\n");
    EXPECT_THROW(readCsvColumn(missing, "report"), LabelerError);
}

TEST(ReportReader, JsonlColumn)
{
    std::istringstream input("{\"id\": 1, \"report\": \"No effusion.\"}\n\n{\"report\": \"Cardiomegaly.\"}\n");
    EXPECT_EQ(readJsonlColumn(input, "report"), (std::vector<std::string>{"No effusion.", "Cardiomegaly."}));
    std::istringstream notString("{\"report\": 3}\n");
    EXPECT_THROW(readJsonlColumn(notString, "report"), LabelerError);
    std::istringstream invalid("{\"report\": \n");
    EXPECT_THROW(readJsonlColumn(invalid, "report"), LabelerError);
}

TEST(ReportReader, ColumnFormatIsDetectedFromContent)
{
    std::istringstream jsonl("  {\"text\": \"a\"}\n");
    EXPECT_EQ(readReportColumn(jsonl, "text"), (std::vector<std::string>{"a"}));
    std::istringstream csv("text\nb\n");
    EXPECT_EQ(readReportColumn(csv, "text"), (std::vector<std::string>{"b"}));
}

TEST(ReportReader, LinesSkipBlankOnes)
{
    std::istringstream input("first\r\n\n  \nsecond");
    EXPECT_EQ(readReportLines(input), (std::vector<std::string>{"first", "second"}));
}
