#pragma once
// What a sentence of the report can be replaced with: the model's other wordings of it
// (DraftSentence::alternatives, e.g. CVSE's retrieved group), the sentences of the reports the
// model retrieved, and the sentences other models wrote for the same study. Logic only; the
// draft pane lists them in a menu and ReportDocument::replaceWithAlternative applies one.

#include "DraftRepository.h"

#include "report/ReportSentence.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace raddraft::ui {

struct SentenceAlternative {
    enum class Origin {
        ModelWording,    ///< the draft's own alternative wording of this sentence
        RetrievedReport, ///< a sentence of a report the model retrieved
        OtherModel,      ///< a sentence of another model's draft of the study
    };
    Origin origin = Origin::ModelWording;
    QString from;                 ///< where it comes from, for the menu ("report 17 (0.82)", "ppked 0.1.0")
    report::SentenceSource source;///< what replaceWithAlternative takes; the text is source.originalText
};

/// The alternatives for `sentence` of a report drafted from `draft`, grouped in the order of
/// Origin and, within a group, in the draft's order. `otherDrafts` are the study's drafts by any
/// bundle (the report's own draft among them is skipped). Texts equal to the sentence's current
/// text, and repeats, are left out.
std::vector<SentenceAlternative> sentenceAlternatives(const report::ReportSentence& sentence, const inference::Draft& draft,
                                                      const std::vector<DraftPointer>& otherDrafts);

/// A report's sentences: split after ".", "?" or "!" followed by white space, and at line breaks;
/// trimmed, empty ones dropped. ("Heart size is 1.2 cm." stays one sentence.)
QStringList splitReportSentences(const QString& text);

} // namespace raddraft::ui
