#pragma once
// How a report states each finding: in the Findings section (at least five phrasings per kind,
// severity and laterality, certain and hedged) and in the Impression (shorter forms).

#include "ReportSentence.h"
#include "phantom/PhantomSpec.h"

#include <vector>

namespace raddraft::phantom::detail {

enum class ReportSection { Findings, Impression };

/// Every phrasing of `kind` for `section`; hedged ones state the finding as uncertain. The
/// caller keeps those whose `fits` covers findingFit() of the instance. Empty for a hedged kind
/// that is never hedged.
const std::vector<Phrasing>& findingPhrasings(FindingKind kind, bool hedged, ReportSection section);

/// Whether the Impression names this kind whenever it is present; the others (incidental,
/// chronic: granuloma, aortic calcification, scoliosis, pleural thickening, pacemaker,
/// sternotomy) are named there only sometimes, after "No acute cardiopulmonary abnormality".
bool isImpressionFinding(FindingKind kind);

/// Order of findings in the Impression: most urgent first.
int impressionPriority(FindingKind kind);

} // namespace raddraft::phantom::detail
