#include "store/EditLog.h"

#include "store/EditLogSchema.h"
#include "store/SqliteDatabase.h"

#include "report/ReportError.h"

#include "inference/InferenceError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>

namespace raddraft::store {

using report::EditEvent;
using report::ReportContent;
using report::ReportSection;

namespace {

qint64 nowMicroseconds()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

QString compactJson(const QJsonDocument& document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

/// Creates the log's folder when missing, readable by the user only (it holds clinical text).
void ensureFolder(const QString& path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (QFileInfo::exists(folder))
        return;
    if (!QDir().mkpath(folder))
        throw EditLogError(EditLogErrorCode::Io, path, QStringLiteral("cannot create the folder %1").arg(folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

QString timingsJson(const inference::Draft& draft)
{
    QJsonArray timings;
    for (const inference::StageTiming& timing : draft.timings)
        timings.append(QJsonObject{{QStringLiteral("stage"), QString::fromStdString(timing.stage)},
                                   {QStringLiteral("milliseconds"), timing.milliseconds}});
    return compactJson(QJsonDocument(timings));
}

template <typename Enum>
Enum requireName(std::optional<Enum> value, const QString& path, const QString& where, const QString& name)
{
    if (!value)
        throw EditLogError(EditLogErrorCode::InvalidData, path, QStringLiteral("%1: unknown name '%2'").arg(where, name));
    return *value;
}

} // namespace

std::unique_ptr<EditLog> EditLog::open(const QString& path, const EditLogOptions& options)
{
    if (path.isEmpty())
        throw EditLogError(EditLogErrorCode::Io, path, QStringLiteral("no edit log file given"));
    if (options.createIfMissing)
        ensureFolder(path);
    const SqliteDatabase::OpenOptions openOptions{options.createIfMissing, options.busyTimeoutMilliseconds};
    auto database = std::make_unique<SqliteDatabase>(path, openOptions);
    migrateEditLog(*database);
    auto writerDatabase = std::make_unique<SqliteDatabase>(path, SqliteDatabase::OpenOptions{false, options.busyTimeoutMilliseconds});
    return std::unique_ptr<EditLog>(new EditLog(path, std::move(database), std::move(writerDatabase), options));
}

EditLog::EditLog(QString path, std::unique_ptr<SqliteDatabase> database, std::unique_ptr<SqliteDatabase> writerDatabase,
                 const EditLogOptions& options)
    : m_path(std::move(path)), m_database(std::move(database))
{
    m_identifierSalt = m_database->queryText("SELECT value FROM meta WHERE key = 'identifier_salt'");
    EditLogWriter::Options writerOptions;
    writerOptions.coalesceWindow = std::chrono::milliseconds(options.coalesceMilliseconds);
    writerOptions.retryInterval = std::chrono::milliseconds(options.retryMilliseconds);
    m_writer = std::make_unique<EditLogWriter>(
        std::move(writerDatabase), writerOptions, [this](const EditLogError& error) { Q_EMIT writeFailed(error.message()); },
        [this] { Q_EMIT writeRecovered(); });
}

EditLog::~EditLog()
{
    m_writer.reset(); // its last write may still emit writeFailed: do it while this object is whole
}

// ---- Writing ----

qint64 EditLog::ensureStudy(const QString& studyUid, qint64 now)
{
    if (studyUid.isEmpty())
        throw EditLogError(EditLogErrorCode::InvalidData, m_path, QStringLiteral("a study needs its Study Instance UID"));
    SqliteStatement insert = m_database->prepare(
        "INSERT INTO studies (study_uid, opened_at_us) VALUES (?1, ?2) ON CONFLICT (study_uid) DO NOTHING");
    insert.bind(1, studyUid).bind(2, now).run();
    SqliteStatement select = m_database->prepare("SELECT id FROM studies WHERE study_uid = ?1");
    select.bind(1, studyUid);
    select.step();
    return select.integer(0);
}

void EditLog::openStudy(const QString& studyUid, const PatientIdentity& patient)
{
    const qint64 now = nowMicroseconds();
    SqliteTransaction transaction(*m_database);
    const qint64 studyId = ensureStudy(studyUid, now);
    SqliteStatement update = m_database->prepare("UPDATE studies SET opened_at_us = ?1 WHERE id = ?2");
    update.bind(1, now).bind(2, studyId).run();
    if (!patient.patientId.isEmpty()) {
        SqliteStatement reference = m_database->prepare("UPDATE studies SET patient_ref = ?1 WHERE id = ?2");
        reference.bind(1, saltedHash(m_identifierSalt, patient.patientId)).bind(2, studyId).run();
    }
    SqliteStatement insertToken = m_database->prepare(
        "INSERT INTO patient_identifier_hashes (study_id, token_hash) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
    for (const QString& token : identifierTokens(patient.patientId + QLatin1Char(' ') + patient.patientName))
        insertToken.bind(1, studyId).bind(2, saltedHash(m_identifierSalt, token)).run();
    transaction.commit();
}

DraftId EditLog::addDraft(const QString& studyUid, const inference::Draft& draft, const ReportContent& initial,
                          const QString& createdBy)
{
    const qint64 now = nowMicroseconds();
    QJsonArray labels;
    for (const report::FindingLabel& label : initial.labels)
        labels.append(report::findingLabelToJson(label));

    SqliteTransaction transaction(*m_database);
    const qint64 studyId = ensureStudy(studyUid, now);
    SqliteStatement insertDraft = m_database->prepare(
        "INSERT INTO drafts (study_id, bundle_type, bundle_name, bundle_version, bundle_hash, device, timings_json, "
        "draft_json, initial_labels_json, created_at_us, created_by, current_text) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    insertDraft.bind(1, studyId)
        .bind(2, initial.model.type)
        .bind(3, initial.model.name)
        .bind(4, initial.model.version)
        .bind(5, initial.model.bundleHash)
        .bind(6, QString::fromStdString(draft.model.device))
        .bind(7, timingsJson(draft))
        .bind(8, QString::fromStdString(inference::draftToJson(draft)))
        .bind(9, compactJson(QJsonDocument(labels)))
        .bind(10, now)
        .bind(11, createdBy)
        .bind(12, initial.finalText())
        .run();
    const DraftId draftId = m_database->lastInsertRowId();
    SqliteStatement insertSentence = m_database->prepare(
        "INSERT INTO sentences (draft_id, sentence_id, section, position, text, origin, attributes_json) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const ReportSection section : {ReportSection::Findings, ReportSection::Impression}) {
        const std::vector<report::ReportSentence>& sentences = initial.sentences(section);
        for (std::size_t position = 0; position < sentences.size(); ++position) {
            const report::ReportSentence& sentence = sentences[position];
            insertSentence.bind(1, draftId)
                .bind(2, sentence.id)
                .bind(3, report::reportSectionName(section))
                .bind(4, qint64(position))
                .bind(5, sentence.text)
                .bind(6, report::sentenceOriginName(sentence.origin()))
                .bind(7, compactJson(QJsonDocument(report::sentenceAttributesToJson(sentence))))
                .run();
        }
    }
    transaction.commit();
    return draftId;
}

QMetaObject::Connection EditLog::attach(report::ReportDocument& document, DraftId draftId)
{
    return connect(&document, &report::ReportDocument::eventRecorded, this,
                   [this, &document, draftId](const EditEvent& event) { record(draftId, event, document.finalText()); });
}

void EditLog::record(DraftId draftId, const EditEvent& event, const QString& currentText)
{
    m_writer->enqueue({draftId, event, currentText});
}

void EditLog::flush()
{
    m_writer->flush();
}

EditLogWriterStatus EditLog::status() const
{
    return m_writer->status();
}

// ---- Reading ----

std::vector<DraftRecord> EditLog::queryDrafts(const char* condition, const QString& parameter) const
{
    const QByteArray sql = QByteArray(
                               "SELECT d.id, s.study_uid, d.bundle_type, d.bundle_name, d.bundle_version, d.bundle_hash, "
                               "d.device, d.created_at_us, d.created_by, d.current_text, "
                               "(SELECT count(*) FROM edit_events e WHERE e.draft_id = d.id), "
                               "o.draft_id IS NOT NULL, o.user, o.signed_at_us, o.final_text "
                               "FROM drafts d JOIN studies s ON s.id = d.study_id "
                               "LEFT JOIN sign_offs o ON o.draft_id = d.id WHERE ") +
                           condition + " ORDER BY d.id";
    SqliteStatement select = m_database->prepare(sql.constData());
    if (!parameter.isNull())
        select.bind(1, parameter);
    std::vector<DraftRecord> records;
    while (select.step()) {
        DraftRecord record;
        record.id = select.integer(0);
        record.studyUid = select.text(1);
        record.model = {select.text(2), select.text(3), select.text(4), select.text(5)};
        record.device = select.text(6);
        record.createdAtMicroseconds = select.integer(7);
        record.createdBy = select.text(8);
        record.currentText = select.text(9);
        record.eventCount = select.integer(10);
        record.isSigned = select.integer(11) != 0;
        record.signedBy = select.text(12);
        record.signedAtMicroseconds = select.integer(13);
        record.signedText = select.text(14);
        records.push_back(std::move(record));
    }
    return records;
}

std::vector<DraftRecord> EditLog::drafts(const QString& studyUid) const
{
    return queryDrafts("s.study_uid = ?1", studyUid.isNull() ? QStringLiteral("") : studyUid);
}

std::vector<DraftRecord> EditLog::allDrafts() const
{
    return queryDrafts("1", QString());
}

std::optional<DraftRecord> EditLog::draftRecord(DraftId draftId) const
{
    std::vector<DraftRecord> records = queryDrafts("d.id = CAST(?1 AS INTEGER)", QString::number(draftId));
    if (records.empty())
        return std::nullopt;
    return std::move(records.front());
}

ReportContent EditLog::initialContent(DraftId draftId) const
{
    const QString where = QStringLiteral("draft %1").arg(draftId);
    SqliteStatement draftRow = m_database->prepare(
        "SELECT bundle_type, bundle_name, bundle_version, bundle_hash, initial_labels_json FROM drafts WHERE id = ?1");
    draftRow.bind(1, draftId);
    if (!draftRow.step())
        throw EditLogError(EditLogErrorCode::NotFound, m_path, QStringLiteral("there is no %1").arg(where));
    ReportContent content;
    content.model = {draftRow.text(0), draftRow.text(1), draftRow.text(2), draftRow.text(3)};
    try {
        const QJsonDocument labels = QJsonDocument::fromJson(draftRow.text(4).toUtf8());
        if (!labels.isArray())
            throw report::ReportError(report::ReportErrorCode::InvalidData, QStringLiteral("initial labels are not a JSON array"));
        for (const QJsonValue& label : labels.array())
            content.labels.push_back(report::findingLabelFromJson(label.toObject()));

        SqliteStatement sentences = m_database->prepare(
            "SELECT sentence_id, section, text, attributes_json FROM sentences WHERE draft_id = ?1 ORDER BY section, position");
        sentences.bind(1, draftId);
        while (sentences.step()) {
            report::ReportSentence sentence;
            sentence.id = sentences.integer(0);
            sentence.text = sentences.text(2);
            const QJsonDocument attributes = QJsonDocument::fromJson(sentences.text(3).toUtf8());
            report::sentenceAttributesFromJson(attributes.object(), sentence);
            const QString sectionName = sentences.text(1);
            const ReportSection section = requireName(report::reportSectionFromName(sectionName), m_path, where, sectionName);
            content.sentences(section).push_back(std::move(sentence));
        }
    } catch (const report::ReportError& error) {
        throw EditLogError(EditLogErrorCode::InvalidData, m_path, QStringLiteral("%1: %2").arg(where, error.message()));
    }
    return content;
}

inference::Draft EditLog::modelDraft(DraftId draftId) const
{
    SqliteStatement select = m_database->prepare("SELECT draft_json FROM drafts WHERE id = ?1");
    select.bind(1, draftId);
    if (!select.step())
        throw EditLogError(EditLogErrorCode::NotFound, m_path, QStringLiteral("there is no draft %1").arg(draftId));
    try {
        return inference::draftFromJson(select.text(0).toStdString());
    } catch (const inference::InferenceError& error) {
        throw EditLogError(EditLogErrorCode::InvalidData, m_path,
                           QStringLiteral("draft %1: the stored draft JSON does not parse (%2)").arg(draftId).arg(QString::fromUtf8(error.what())));
    }
}

std::vector<EditEvent> EditLog::events(DraftId draftId) const
{
    SqliteStatement select = m_database->prepare(
        "SELECT sequence, user, timestamp_us, cause, kind, target, section, sentence_id, position, before_text, "
        "after_text, source FROM edit_events WHERE draft_id = ?1 ORDER BY sequence");
    select.bind(1, draftId);
    std::vector<EditEvent> events;
    while (select.step()) {
        EditEvent event;
        event.sequence = select.integer(0);
        const QString where = QStringLiteral("draft %1, event %2").arg(draftId).arg(event.sequence);
        event.user = select.text(1);
        event.timestampMicroseconds = select.integer(2);
        event.cause = requireName(report::editCauseFromName(select.text(3)), m_path, where, select.text(3));
        event.change.kind = requireName(report::editKindFromName(select.text(4)), m_path, where, select.text(4));
        event.change.target = requireName(report::editTargetFromName(select.text(5)), m_path, where, select.text(5));
        event.change.section = requireName(report::reportSectionFromName(select.text(6)), m_path, where, select.text(6));
        event.change.sentenceId = select.integer(7);
        event.change.position = static_cast<int>(select.integer(8));
        event.change.before = select.text(9);
        event.change.after = select.text(10);
        event.change.source = select.text(11);
        events.push_back(std::move(event));
    }
    return events;
}

PatientIdentifierMatcher EditLog::patientIdentifiers(const QString& studyUid) const
{
    SqliteStatement select = m_database->prepare(
        "SELECT h.token_hash FROM patient_identifier_hashes h JOIN studies s ON s.id = h.study_id WHERE s.study_uid = ?1");
    select.bind(1, studyUid);
    QSet<QString> hashes;
    while (select.step())
        hashes.insert(select.text(0));
    return {m_identifierSalt, hashes};
}

// ---- Restoring ----

std::optional<RestoredDraft> EditLog::restoreUnsignedDraft(const QString& studyUid)
{
    flush();
    SqliteStatement select = m_database->prepare(
        "SELECT d.id FROM drafts d JOIN studies s ON s.id = d.study_id "
        "WHERE s.study_uid = ?1 AND NOT EXISTS (SELECT 1 FROM sign_offs o WHERE o.draft_id = d.id) "
        "ORDER BY max(d.created_at_us, coalesce((SELECT max(e.timestamp_us) FROM edit_events e WHERE e.draft_id = d.id), 0)) DESC, "
        "d.id DESC LIMIT 1");
    select.bind(1, studyUid);
    if (!select.step())
        return std::nullopt;
    return restoreDraft(select.integer(0));
}

RestoredDraft EditLog::restoreDraft(DraftId draftId)
{
    flush();
    std::optional<DraftRecord> record = draftRecord(draftId);
    if (!record)
        throw EditLogError(EditLogErrorCode::NotFound, m_path, QStringLiteral("there is no draft %1").arg(draftId));
    RestoredDraft restored;
    restored.record = std::move(*record);
    restored.draft = modelDraft(draftId);
    const ReportContent initial = initialContent(draftId);
    const std::vector<EditEvent> logged = events(draftId);
    restored.document = std::make_unique<report::ReportDocument>(initial);
    for (const EditEvent& event : logged) {
        try {
            restored.document->replay(event);
            ++restored.eventsReplayed;
        } catch (const report::ReportError& error) {
            restored.problem = QStringLiteral("%1: draft %2: %3 of %4 logged events restored; %5")
                                   .arg(m_path)
                                   .arg(draftId)
                                   .arg(restored.eventsReplayed)
                                   .arg(qint64(logged.size()))
                                   .arg(error.message());
            // The failed replay may have changed the document: rebuild it from the good events.
            restored.document = std::make_unique<report::ReportDocument>(initial);
            for (qint64 index = 0; index < restored.eventsReplayed; ++index)
                restored.document->replay(logged[std::size_t(index)]);
            break;
        }
    }
    return restored;
}

} // namespace raddraft::store
