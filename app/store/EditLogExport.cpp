#include "store/EditLogExport.h"

#include "store/Deidentifier.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace raddraft::store {

namespace {

/// Replaces every "original_text" string inside `object` (at any depth) by its scrubbed form.
QJsonObject scrubOriginalTexts(QJsonObject object, const Deidentifier& deidentifier, const PatientIdentifierMatcher& patient)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isObject())
            it.value() = scrubOriginalTexts(it.value().toObject(), deidentifier, patient);
        else if (it.key() == QLatin1String("original_text") && it.value().isString())
            it.value() = deidentifier.scrubText(it.value().toString(), patient);
    }
    return object;
}

QJsonValue sourceJson(const QString& source)
{
    if (source.isEmpty())
        return QJsonValue::Null;
    return QJsonDocument::fromJson(source.toUtf8()).object();
}

QJsonObject eventJson(const DraftRecord& draft, const report::EditEvent& event, const Deidentifier* deidentifier,
                      const PatientIdentifierMatcher& patient)
{
    const report::EditChange& change = event.change;
    QJsonObject json{{QStringLiteral("draft"), draft.id},
                     {QStringLiteral("model"), report::modelReferenceToJson(draft.model)},
                     {QStringLiteral("sequence"), event.sequence},
                     {QStringLiteral("cause"), report::editCauseName(event.cause)},
                     {QStringLiteral("kind"), report::editKindName(change.kind)},
                     {QStringLiteral("target"), report::editTargetName(change.target)},
                     {QStringLiteral("section"), report::reportSectionName(change.section)},
                     {QStringLiteral("sentence_id"), change.sentenceId},
                     {QStringLiteral("position"), change.position}};
    QJsonValue source = sourceJson(change.source);
    if (!deidentifier) {
        json.insert(QStringLiteral("study_uid"), draft.studyUid);
        json.insert(QStringLiteral("user"), event.user);
        json.insert(QStringLiteral("timestamp_us"), event.timestampMicroseconds);
        json.insert(QStringLiteral("before"), change.before);
        json.insert(QStringLiteral("after"), change.after);
    } else {
        json.insert(QStringLiteral("study"), deidentifier->pseudonym(QStringLiteral("study"), draft.studyUid));
        json.insert(QStringLiteral("user"), deidentifier->pseudonym(QStringLiteral("user"), event.user));
        json.insert(QStringLiteral("time_since_draft_us"), event.timestampMicroseconds - draft.createdAtMicroseconds);
        json.insert(QStringLiteral("before"), deidentifier->scrubText(change.before, patient));
        json.insert(QStringLiteral("after"), deidentifier->scrubText(change.after, patient));
        if (source.isObject())
            source = scrubOriginalTexts(source.toObject(), *deidentifier, patient);
    }
    json.insert(QStringLiteral("source"), source);
    return json;
}

} // namespace

EditLogExportSummary exportEditLog(EditLog& log, const QString& outputPath, const EditLogExportOptions& options)
{
    const auto fail = [&outputPath](const QString& reason) {
        return EditLogError(EditLogErrorCode::Io, outputPath, reason);
    };
    const QFileInfo target(outputPath);
    if (target.isDir())
        throw fail(QStringLiteral("is a folder, not a file"));
    // QTemporaryFile creates the file with mode 0600: the export holds clinical text.
    QTemporaryFile temporary(target.absolutePath() + QStringLiteral("/.") + target.fileName() + QStringLiteral(".XXXXXX"));
    if (!temporary.open())
        throw fail(QStringLiteral("cannot create a file in %1 (%2)").arg(target.absolutePath(), temporary.errorString()));

    const std::vector<DraftRecord> drafts = options.studyUid.isEmpty() ? log.allDrafts() : log.drafts(options.studyUid);
    const std::optional<Deidentifier> deidentifier =
        options.deidentify ? std::optional<Deidentifier>(Deidentifier()) : std::nullopt;
    EditLogExportSummary summary;
    for (const DraftRecord& draft : drafts) {
        const PatientIdentifierMatcher patient = options.deidentify ? log.patientIdentifiers(draft.studyUid) : PatientIdentifierMatcher();
        for (const report::EditEvent& event : log.events(draft.id)) {
            const QByteArray line = QJsonDocument(eventJson(draft, event, deidentifier ? &*deidentifier : nullptr, patient))
                                        .toJson(QJsonDocument::Compact) +
                                    '\n';
            if (temporary.write(line) != line.size())
                throw fail(QStringLiteral("write error (%1)").arg(temporary.errorString()));
            ++summary.events;
        }
        ++summary.drafts;
    }
    if (!temporary.flush())
        throw fail(QStringLiteral("write error (%1)").arg(temporary.errorString()));
    temporary.close();
    // rename(2) replaces an existing file atomically; QFile::rename would refuse to.
    if (std::rename(QFile::encodeName(temporary.fileName()).constData(), QFile::encodeName(outputPath).constData()) != 0)
        throw fail(QStringLiteral("cannot move the export into place (%1)").arg(QString::fromLocal8Bit(std::strerror(errno))));
    temporary.setAutoRemove(false);
    return summary;
}

} // namespace raddraft::store
