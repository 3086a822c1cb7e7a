#include "store/EditLogReplay.h"

#include "report/ReportDocument.h"
#include "report/ReportError.h"

namespace raddraft::store {

namespace {

/// "first difference at character N: "…replayed…" vs "…stored…"".
QString describeDifference(const QString& replayed, const QString& stored)
{
    qsizetype index = 0;
    while (index < replayed.size() && index < stored.size() && replayed.at(index) == stored.at(index))
        ++index;
    const qsizetype from = std::max<qsizetype>(0, index - 20);
    const auto excerpt = [from](const QString& text) { return text.mid(from, 50).replace(QLatin1Char('\n'), QStringLiteral("\\n")); };
    return QStringLiteral("first difference at character %1: replayed \"%2\", stored \"%3\"")
        .arg(index)
        .arg(excerpt(replayed), excerpt(stored));
}

} // namespace

DraftReplayResult replayDraft(EditLog& log, const DraftRecord& record)
{
    DraftReplayResult result;
    result.record = record;
    result.storedText = record.isSigned ? record.signedText : record.currentText;
    report::ReportDocument document(log.initialContent(record.id));
    for (const report::EditEvent& event : log.events(record.id)) {
        try {
            document.replay(event);
        } catch (const report::ReportError& error) {
            result.replayedText = document.finalText();
            result.problem = error.message();
            return result;
        }
        ++result.eventsReplayed;
    }
    result.replayedText = document.finalText();
    if (result.replayedText != result.storedText)
        result.problem = QStringLiteral("the replayed text differs from the stored %1 text (%2)")
                             .arg(record.isSigned ? QStringLiteral("signed") : QStringLiteral("current"),
                                  describeDifference(result.replayedText, result.storedText));
    else if (document.isSigned() != record.isSigned)
        result.problem = record.isSigned ? QStringLiteral("a sign-off is stored but no sign event replays")
                                         : QStringLiteral("a sign event replays but no sign-off is stored");
    else if (record.isSigned && (document.signedBy() != record.signedBy ||
                                 document.signedAtMicroseconds() != record.signedAtMicroseconds))
        result.problem = QStringLiteral("the sign-off (%1 at %2 µs) differs from the sign event (%3 at %4 µs)")
                             .arg(record.signedBy)
                             .arg(record.signedAtMicroseconds)
                             .arg(document.signedBy())
                             .arg(document.signedAtMicroseconds());
    else if (record.isSigned && record.currentText != record.signedText)
        result.problem = QStringLiteral("the draft's current text differs from its signed text (%1)")
                             .arg(describeDifference(record.currentText, record.signedText));
    return result;
}

} // namespace raddraft::store
