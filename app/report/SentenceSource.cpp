#include "report/SentenceSource.h"

#include "report/ReportError.h"

#include <QJsonValue>

namespace raddraft::report {

namespace {

QString requireString(const QJsonObject& json, const QString& key, const QString& what)
{
    const QJsonValue value = json.value(key);
    if (!value.isString())
        throw ReportError(ReportErrorCode::InvalidData, QStringLiteral("%1: \"%2\" is missing or not a string").arg(what, key));
    return value.toString();
}

} // namespace

bool ModelReference::operator==(const ModelReference& other) const
{
    return type == other.type && name == other.name && version == other.version && bundleHash == other.bundleHash;
}

QJsonObject modelReferenceToJson(const ModelReference& model)
{
    return {{QStringLiteral("type"), model.type},
            {QStringLiteral("name"), model.name},
            {QStringLiteral("version"), model.version},
            {QStringLiteral("bundle_hash"), model.bundleHash}};
}

ModelReference modelReferenceFromJson(const QJsonObject& json)
{
    const QString what = QStringLiteral("model reference");
    return {requireString(json, QStringLiteral("type"), what), requireString(json, QStringLiteral("name"), what),
            requireString(json, QStringLiteral("version"), what), requireString(json, QStringLiteral("bundle_hash"), what)};
}

QString sentenceSourceKindName(SentenceSource::Kind kind)
{
    switch (kind) {
    case SentenceSource::Kind::User:
        return QStringLiteral("user");
    case SentenceSource::Kind::ModelDraft:
        return QStringLiteral("model-draft");
    case SentenceSource::Kind::RetrievedReport:
        return QStringLiteral("retrieved-report");
    }
    return {};
}

SentenceSource SentenceSource::modelDraft(const ModelReference& model, int sentenceIndex, const QString& text)
{
    SentenceSource source;
    source.kind = Kind::ModelDraft;
    source.model = model;
    source.sentenceIndex = sentenceIndex;
    source.originalText = text;
    return source;
}

SentenceSource SentenceSource::retrievedReport(const QString& reportId, const QString& text)
{
    SentenceSource source;
    source.kind = Kind::RetrievedReport;
    source.reportId = reportId;
    source.originalText = text;
    return source;
}

QJsonObject SentenceSource::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), sentenceSourceKindName(kind)}};
    switch (kind) {
    case Kind::User:
        break;
    case Kind::ModelDraft:
        json.insert(QStringLiteral("model"), modelReferenceToJson(model));
        json.insert(QStringLiteral("sentence_index"), sentenceIndex);
        json.insert(QStringLiteral("original_text"), originalText);
        break;
    case Kind::RetrievedReport:
        json.insert(QStringLiteral("report_id"), reportId);
        json.insert(QStringLiteral("original_text"), originalText);
        break;
    }
    return json;
}

SentenceSource SentenceSource::fromJson(const QJsonObject& json)
{
    const QString what = QStringLiteral("sentence source");
    const QString kindName = requireString(json, QStringLiteral("kind"), what);
    SentenceSource source;
    if (kindName == sentenceSourceKindName(Kind::User))
        return source;
    if (kindName == sentenceSourceKindName(Kind::ModelDraft)) {
        source.kind = Kind::ModelDraft;
        if (!json.value(QStringLiteral("model")).isObject())
            throw ReportError(ReportErrorCode::InvalidData, what + QStringLiteral(": \"model\" is missing or not an object"));
        source.model = modelReferenceFromJson(json.value(QStringLiteral("model")).toObject());
        const QJsonValue index = json.value(QStringLiteral("sentence_index"));
        if (!index.isDouble() || index.toDouble() != double(index.toInt()))
            throw ReportError(ReportErrorCode::InvalidData, what + QStringLiteral(": \"sentence_index\" is missing or not an integer"));
        source.sentenceIndex = index.toInt();
    } else if (kindName == sentenceSourceKindName(Kind::RetrievedReport)) {
        source.kind = Kind::RetrievedReport;
        source.reportId = requireString(json, QStringLiteral("report_id"), what);
    } else {
        throw ReportError(ReportErrorCode::InvalidData, QStringLiteral("%1: unknown kind \"%2\"").arg(what, kindName));
    }
    source.originalText = requireString(json, QStringLiteral("original_text"), what);
    return source;
}

bool SentenceSource::operator==(const SentenceSource& other) const
{
    return kind == other.kind && model == other.model && sentenceIndex == other.sentenceIndex &&
           reportId == other.reportId && originalText == other.originalText;
}

} // namespace raddraft::report
