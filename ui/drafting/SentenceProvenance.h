#pragma once
// Which part of a model draft stands behind a sentence of the report: a sentence keeps its
// evidence (maps, tags, graph nodes, retrieved reports, values) while it is edited, as long as
// its source is that draft's sentence.

#include "report/ReportSentence.h"
#include "report/SentenceSource.h"

#include "inference/Draft.h"

namespace raddraft::ui {

/// The model reference a report made from `draft` carries (type, name, version, bundle hash).
report::ModelReference modelReferenceOf(const inference::Draft& draft);

/// Index into draft.sentences of the sentence `sentence` came from; -1 when it came from the
/// user, a retrieved report or another model's draft.
int draftSentenceIndex(const report::ReportSentence& sentence, const inference::Draft& draft);

} // namespace raddraft::ui
