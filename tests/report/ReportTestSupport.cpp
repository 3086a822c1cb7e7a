#include "ReportTestSupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace raddraft::report::testing {

namespace {

int uniform(std::mt19937& random, int low, int high)
{
    return std::uniform_int_distribution<int>(low, high)(random);
}

/// Moves an offset off the middle of a surrogate pair.
int characterBoundary(const QString& text, int offset)
{
    if (offset > 0 && offset < text.size() && text.at(offset - 1).isHighSurrogate() && text.at(offset).isLowSurrogate())
        return offset - 1;
    return offset;
}

std::vector<SentenceId> allSentenceIds(const ReportDocument& document)
{
    std::vector<SentenceId> ids;
    for (const ReportSection section : {ReportSection::Findings, ReportSection::Impression})
        for (const ReportSentence& sentence : document.sentences(section))
            ids.push_back(sentence.id);
    return ids;
}

} // namespace

inference::Draft sampleDraft()
{
    inference::Draft draft;
    draft.model = {"transformer", "baseline-test", "0.1.0", std::string(64, 'a'), "cpu"};
    const char* sentences[] = {"The heart is normal in size.", "The mediastinum is unremarkable.",
                               "There is a small left pleural effusion.", "No pneumothorax.",
                               "The lungs are otherwise clear."};
    int token = 0;
    for (const char* text : sentences) {
        inference::DraftSentence sentence;
        sentence.text = text;
        sentence.tokenBegin = token;
        token += 6;
        sentence.tokenEnd = token;
        draft.sentences.push_back(sentence);
        draft.text += (draft.text.empty() ? "" : " ") + std::string(text);
    }
    draft.findings = {{"cardiomegaly", 0.12, false, {}},   {"pleural effusion", 0.81, true, {}},
                      {"pneumothorax", 0.03, false, {}},   {"atelectasis", 0.55, true, {}},
                      {"consolidation", 0.22, false, {}},  {"edema", 0.08, false, {}}};
    draft.timings = {{"preprocess", 1.5}, {"extractor", 40.0}, {"encoder", 3.0}, {"decode", 80.0}};
    draft.views = {"frontal", "lateral"};
    return draft;
}

ReportDocument::Clock steppingClock(qint64 start, qint64 step)
{
    auto now = std::make_shared<qint64>(start - step);
    return [now, step] { return *now += step; };
}

void applyRandomEdit(ReportDocument& document, std::mt19937& random)
{
    static const QString snippets[] = {QStringLiteral("a"), QStringLiteral("no"), QStringLiteral(" "), QStringLiteral("effusion"),
                                       QStringLiteral("."), QStringLiteral("é"), QStringLiteral("°"), QStringLiteral("\U0001FAC1"),
                                       QStringLiteral("mild "), QStringLiteral("x")};
    const std::vector<SentenceId> ids = allSentenceIds(document);
    if (ids.empty()) {
        document.insertSentence(ReportSection::Findings, 0, QStringLiteral("A new sentence."));
        return;
    }
    const SentenceId id = ids[std::size_t(uniform(random, 0, int(ids.size()) - 1))];
    const QString text = document.sentence(id)->text;
    const QString& snippet = snippets[uniform(random, 0, int(std::size(snippets)) - 1)];
    const ReportSection section = uniform(random, 0, 3) == 0 ? ReportSection::Impression : ReportSection::Findings;
    const int sectionSize = int(document.sentences(section).size());
    const int choice = uniform(random, 0, 99);
    if (choice < 25) { // typing: a run of characters, one insert each
        int position = characterBoundary(text, uniform(random, 0, int(text.size())));
        const QString word = QStringLiteral("word%1 ").arg(uniform(random, 0, 9));
        for (const QChar character : word) {
            document.insertText(id, position, QString(character));
            ++position;
        }
    } else if (choice < 32) {
        document.insertText(id, characterBoundary(text, uniform(random, 0, int(text.size()))), snippet);
    } else if (choice < 40) { // Backspace run
        int end = characterBoundary(text, uniform(random, 0, int(text.size())));
        for (int presses = uniform(random, 1, 4); presses > 0 && end > 0; --presses) {
            const QString current = document.sentence(id)->text;
            const int begin = characterBoundary(current, end - 1);
            document.deleteText(id, begin, end - begin);
            end = begin;
        }
    } else if (choice < 48) {
        const int begin = characterBoundary(text, uniform(random, 0, int(text.size())));
        int end = std::min(int(text.size()), begin + uniform(random, 0, 6));
        if (end < text.size() && end > 0 && text.at(end - 1).isHighSurrogate())
            ++end;
        document.replaceText(id, begin, end - begin, snippet);
    } else if (choice < 53) {
        document.insertSentence(section, uniform(random, 0, sectionSize), QStringLiteral("User sentence %1.").arg(uniform(random, 0, 99)));
    } else if (choice < 56) {
        document.insertAlternative(section, uniform(random, 0, sectionSize),
                                   SentenceSource::retrievedReport(QStringLiteral("CXR%1").arg(uniform(random, 1, 50)),
                                                                   QStringLiteral("No acute cardiopulmonary process.")));
    } else if (choice < 60) {
        if (ids.size() > 2)
            document.deleteSentence(id);
    } else if (choice < 64) {
        const int index = uniform(random, 0, 9);
        const ModelReference other{QStringLiteral("ppked"), QStringLiteral("ppked-test"), QStringLiteral("0.2.0"), QString(64, QLatin1Char('b'))};
        document.replaceWithAlternative(id, SentenceSource::modelDraft(other, index, QStringLiteral("Alternative sentence %1.").arg(index)));
    } else if (choice < 70) {
        document.accept(id);
    } else if (choice < 75) {
        document.reject(id);
    } else if (choice < 80) {
        const std::vector<FindingLabel>& labels = document.findingLabels();
        const FindingStatus statuses[] = {FindingStatus::Present, FindingStatus::Absent, FindingStatus::Uncertain};
        document.correctFinding(labels[std::size_t(uniform(random, 0, int(labels.size()) - 1))].name, statuses[uniform(random, 0, 2)]);
    } else if (choice < 91) {
        document.undo();
    } else {
        document.redo();
    }
}

QByteArray documentDigest(const ReportDocument& document)
{
    QJsonObject state = document.content().toJson();
    state.insert(QStringLiteral("event_count"), document.eventCount());
    state.insert(QStringLiteral("signed_by"), document.isSigned() ? document.signedBy() : QString());
    return QCryptographicHash::hash(QJsonDocument(state).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex();
}

} // namespace raddraft::report::testing
