#include "evaluation/ClinicalEfficacy.h"

#include <stdexcept>

namespace raddraft::evaluation {

namespace {

bool isPositive(const ReportLabels& labels, const std::string& name)
{
    const auto found = labels.find(name);
    return found != labels.end() && found->second == 1;
}

double ratioOrZero(double numerator, double denominator)
{
    return denominator > 0 ? numerator / denominator : 0.0;
}

void fillScores(LabelCounts& counts)
{
    counts.precision = ratioOrZero(counts.truePositives, counts.truePositives + counts.falsePositives);
    counts.recall = ratioOrZero(counts.truePositives, counts.truePositives + counts.falseNegatives);
    // scikit-learn: F = 2TP / (2TP + FP + FN), 0 when that denominator is 0.
    counts.f1 = ratioOrZero(2.0 * counts.truePositives,
                            2.0 * counts.truePositives + counts.falsePositives + counts.falseNegatives);
}

} // namespace

ClinicalEfficacy computeClinicalEfficacy(const std::vector<ReportLabels>& generated,
                                         const std::vector<ReportLabels>& reference,
                                         const std::vector<std::string>& labelSet)
{
    if (generated.size() != reference.size())
        throw std::invalid_argument("generated and reference label lists differ in length");
    if (labelSet.empty())
        throw std::invalid_argument("empty label set");
    ClinicalEfficacy result;
    LabelCounts total;
    for (const std::string& name : labelSet) {
        LabelCounts counts;
        for (std::size_t i = 0; i < generated.size(); ++i) {
            const bool predicted = isPositive(generated[i], name);
            const bool actual = isPositive(reference[i], name);
            counts.truePositives += predicted && actual;
            counts.falsePositives += predicted && !actual;
            counts.falseNegatives += !predicted && actual;
        }
        fillScores(counts);
        total.truePositives += counts.truePositives;
        total.falsePositives += counts.falsePositives;
        total.falseNegatives += counts.falseNegatives;
        result.precisionMacro += counts.precision / labelSet.size();
        result.recallMacro += counts.recall / labelSet.size();
        result.f1Macro += counts.f1 / labelSet.size();
        result.perLabel[name] = counts;
    }
    fillScores(total);
    result.precisionMicro = total.precision;
    result.recallMicro = total.recall;
    result.f1Micro = total.f1;
    return result;
}

} // namespace raddraft::evaluation
