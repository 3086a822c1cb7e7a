#pragma once
// Shared by the report and store tests: a small model draft, a deterministic clock, and a random
// editor that exercises every operation of ReportDocument (typing and Backspace runs included).

#include "report/ReportDocument.h"

#include "inference/Draft.h"

#include <QByteArray>

#include <random>

namespace raddraft::report::testing {

/// A draft of 5 sentences and 6 findings (2 present) from model "transformer"/"baseline-test".
inference::Draft sampleDraft();

/// A clock that starts at `start` µs and advances `step` µs per reading.
ReportDocument::Clock steppingClock(qint64 start = 1'700'000'000'000'000, qint64 step = 1000);

/// Applies one random user operation (never sign-off): typing or deleting a run of characters,
/// a text replace, sentence insert/delete/replace-with-alternative, accept, reject, tag
/// correction, undo or redo. Texts include accented letters and a surrogate pair.
void applyRandomEdit(ReportDocument& document, std::mt19937& random);

/// SHA-256 (hex) of everything that defines the document's state: content, event count, sign-off.
QByteArray documentDigest(const ReportDocument& document);

} // namespace raddraft::report::testing
