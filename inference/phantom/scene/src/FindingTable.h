#pragma once
// The one table behind PhantomSpec.h's name functions, with the labeler observation of each kind
// (private: PhantomSpec.h stays free of labeler headers).

#include "labeler/Observation.h"
#include "phantom/PhantomSpec.h"

namespace raddraft::phantom::detail {

struct FindingRow {
    FindingKind kind;
    const char* key;                    ///< findingKindKey
    const char* graphNode;              ///< graphNodeName: resources/knowledge_graph/chest.json
    labeler::Observation observation;   ///< observationName: the labeler's observation
};

const FindingRow& findingRow(FindingKind kind);

} // namespace raddraft::phantom::detail
