#include "SentenceProvenance.h"

namespace raddraft::ui {

report::ModelReference modelReferenceOf(const inference::Draft& draft)
{
    return {QString::fromStdString(draft.model.type), QString::fromStdString(draft.model.name),
            QString::fromStdString(draft.model.version), QString::fromStdString(draft.model.bundleHash)};
}

int draftSentenceIndex(const report::ReportSentence& sentence, const inference::Draft& draft)
{
    const report::SentenceSource& source = sentence.source;
    if (source.kind != report::SentenceSource::Kind::ModelDraft || source.model != modelReferenceOf(draft))
        return -1;
    return source.sentenceIndex >= 0 && source.sentenceIndex < static_cast<int>(draft.sentences.size()) ? source.sentenceIndex : -1;
}

} // namespace raddraft::ui
