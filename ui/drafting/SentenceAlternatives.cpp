#include "SentenceAlternatives.h"

#include "SentenceProvenance.h"

#include <QCoreApplication>
#include <QSet>

namespace raddraft::ui {

namespace {

/// This file's translation context, "SentenceAlternatives" (lupdate reads it from the macro; a helper function
/// would hide it).
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SentenceAlternatives)
};

} // namespace

QStringList splitReportSentences(const QString& text)
{
    QStringList sentences;
    QString current;
    for (int i = 0; i < text.size(); ++i) {
        const QChar character = text.at(i);
        if (character == QLatin1Char('\n') || character == QLatin1Char('\r')) {
            sentences << current.trimmed();
            current.clear();
            continue;
        }
        current += character;
        const bool ends = character == QLatin1Char('.') || character == QLatin1Char('?') || character == QLatin1Char('!');
        if (ends && (i + 1 == text.size() || text.at(i + 1).isSpace())) {
            sentences << current.trimmed();
            current.clear();
        }
    }
    sentences << current.trimmed();
    sentences.removeAll(QString());
    return sentences;
}

std::vector<SentenceAlternative> sentenceAlternatives(const report::ReportSentence& sentence, const inference::Draft& draft,
                                                      const std::vector<DraftPointer>& otherDrafts)
{
    std::vector<SentenceAlternative> alternatives;
    QSet<QString> seen{sentence.text.trimmed()};
    const auto add = [&](SentenceAlternative::Origin origin, const QString& from, const report::SentenceSource& source) {
        const QString key = source.originalText.trimmed();
        if (key.isEmpty() || seen.contains(key))
            return;
        seen.insert(key);
        alternatives.push_back({origin, from, source});
    };

    const report::ModelReference model = modelReferenceOf(draft);
    const int index = draftSentenceIndex(sentence, draft);
    if (index >= 0) {
        // The model offers these for its own sentence: they share its evidence (same index).
        for (const std::string& wording : draft.sentences[static_cast<std::size_t>(index)].alternatives)
            add(SentenceAlternative::Origin::ModelWording, Texts::tr("%1 %2").arg(model.name, model.version),
                report::SentenceSource::modelDraft(model, index, QString::fromStdString(wording)));
    }
    for (const inference::RetrievedReport& retrieved : draft.retrievedReports) {
        const QString id = QString::fromStdString(retrieved.id);
        for (const QString& text : splitReportSentences(QString::fromStdString(retrieved.text)))
            add(SentenceAlternative::Origin::RetrievedReport, Texts::tr("report %1 (%2)").arg(id).arg(retrieved.score, 0, 'f', 2),
                report::SentenceSource::retrievedReport(id, text));
    }
    for (const DraftPointer& other : otherDrafts) {
        if (!other || other->model.bundleHash == draft.model.bundleHash)
            continue;
        const report::ModelReference otherModel = modelReferenceOf(*other);
        for (std::size_t i = 0; i < other->sentences.size(); ++i)
            add(SentenceAlternative::Origin::OtherModel, Texts::tr("%1 %2").arg(otherModel.name, otherModel.version),
                report::SentenceSource::modelDraft(otherModel, static_cast<int>(i), QString::fromStdString(other->sentences[i].text)));
    }
    return alternatives;
}

} // namespace raddraft::ui
