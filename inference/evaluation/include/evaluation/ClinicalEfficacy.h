#pragma once
// Clinical efficacy (CE) as R2GenCMN computes it: labels of generated reports against labels of
// their references, precision / recall / F1 micro and macro with scikit-learn's semantics.

#include <map>
#include <string>
#include <vector>

namespace raddraft::evaluation {

/// One report's labels: label name → 1 positive, 0 negative, −1 uncertain; a missing name is
/// blank. Only 1 counts as positive: uncertain and blank count as 0, as in R2GenCMN.
using ReportLabels = std::map<std::string, int>;

struct LabelCounts {
    long truePositives = 0, falsePositives = 0, falseNegatives = 0;
    double precision = 0, recall = 0, f1 = 0; ///< 0 where the denominator is 0 (zero_division=0)
};

struct ClinicalEfficacy {
    std::map<std::string, LabelCounts> perLabel;
    double precisionMicro = 0, recallMicro = 0, f1Micro = 0; ///< from summed counts
    double precisionMacro = 0, recallMacro = 0, f1Macro = 0; ///< unweighted means over labelSet
};

/// generated[i] is compared with reference[i] over labelSet. Throws std::invalid_argument when the
/// two lists differ in length or labelSet is empty.
ClinicalEfficacy computeClinicalEfficacy(const std::vector<ReportLabels>& generated,
                                         const std::vector<ReportLabels>& reference,
                                         const std::vector<std::string>& labelSet);

} // namespace raddraft::evaluation
