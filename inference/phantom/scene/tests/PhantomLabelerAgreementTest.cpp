// The key test of the phantom reports: raddraft's own labeler, run on the report text, reads back
// the observation labels the report writer assigned (PhantomReport::observationLabels).

#include "phantom/PhantomReport.h"
#include "phantom/PhantomSpec.h"

#include "labeler/Labeler.h"

#include <gtest/gtest.h>

#include <iostream>
#include <map>

using namespace raddraft;

namespace {

struct Agreement {
    int studies = 0;
    int exactReports = 0;
    std::map<std::string, int> disagreements; ///< per observation name
    std::map<std::string, int> stated;        ///< reports where the truth holds the observation
};

std::string codeText(const std::optional<int>& code)
{
    return code ? std::to_string(*code) : std::string("blank");
}

Agreement measure(std::uint64_t setSeed, int count, double normalFraction)
{
    const labeler::Labeler reader;
    Agreement agreement;
    int printed = 0;
    for (int i = 0; i < count; ++i) {
        const phantom::PhantomReport report = phantom::writeReport(phantom::sampleStudySpec(setSeed, i, normalFraction));
        const labeler::ReportLabels read = reader.label(report.text());
        bool exact = true;
        for (const labeler::Observation observation : labeler::allObservations()) {
            const std::string name = labeler::observationName(observation);
            const std::optional<int> labelerCode = labeler::labelCode(read.value(observation));
            const auto truth = report.observationLabels.find(name);
            const bool stated = truth != report.observationLabels.end();
            const int truthValue = stated ? truth->second : 0;
            if (stated)
                ++agreement.stated[name];
            if (labelerCode.has_value() != stated || (stated && *labelerCode != truthValue)) {
                exact = false;
                ++agreement.disagreements[name];
                if (printed++ < 20)
                    std::cout << name << ": labeler " << codeText(labelerCode) << ", truth " << (stated ? std::to_string(truthValue) : std::string("blank"))
                              << " in: " << report.text() << "\n";
            }
        }
        ++agreement.studies;
        agreement.exactReports += exact ? 1 : 0;
    }
    return agreement;
}

void expectAgreement(const Agreement& agreement)
{
    for (const labeler::Observation observation : labeler::allObservations()) {
        const std::string name = labeler::observationName(observation);
        const int wrong = agreement.disagreements.count(name) ? agreement.disagreements.at(name) : 0;
        const double rate = 1.0 - static_cast<double>(wrong) / agreement.studies;
        EXPECT_GE(rate, 0.99) << name << ": " << wrong << " of " << agreement.studies;
    }
    std::cout << "labeler agreement: " << agreement.exactReports << " of " << agreement.studies
              << " reports read back exactly\n";
}

} // namespace

TEST(PhantomLabelerAgreement, LabelerReadsBackTheLabelsOf2000Studies)
{
    const Agreement agreement = measure(2024, 2000, 0.3);
    expectAgreement(agreement);
    // Not vacuous: every finding kind's observation is stated in many reports.
    for (const phantom::FindingKind kind : phantom::allFindingKinds())
        EXPECT_GE(agreement.stated.count(phantom::observationName(kind)) ? agreement.stated.at(phantom::observationName(kind)) : 0,
                  20)
            << phantom::observationName(kind);
    EXPECT_GE(agreement.stated.at("No Finding"), 400);
}

TEST(PhantomLabelerAgreement, HoldsForAbnormalOnlySetsToo)
{
    expectAgreement(measure(99, 1000, 0.0));
}
