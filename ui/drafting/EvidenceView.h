#pragma once
// What stands behind the selected sentence of the report, as the model's draft gives it: where
// the sentence came from (and what the model wrote, if it was edited), the model's score for it,
// the findings (tags) and knowledge-graph nodes that drove it with their weights, the retrieved
// reports it drew on, model-specific values (PPKED's λ, …) and how many other wordings exist.
// Read-only; its map goes on the views through the overlays.

#include "DraftRepository.h"

#include "report/ReportSentence.h"

#include <QTextBrowser>

namespace raddraft::ui {

class EvidenceView : public QTextBrowser {
    Q_OBJECT
public:
    explicit EvidenceView(QWidget* parent = nullptr);

    /// Shows the evidence of `sentence` (nullptr: a hint) of a report drafted from `draft`.
    /// `alternatives`: how many replacements the alternatives menu offers for it.
    void showSentence(const report::ReportSentence* sentence, const DraftPointer& draft, int alternatives);
};

} // namespace raddraft::ui
