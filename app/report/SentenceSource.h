#pragma once
// Where a sentence of the draft report came from: a model's draft, a retrieved prior report, or
// the user's keyboard. A source never changes while the sentence's text is edited; only
// "replace with alternative" gives a sentence a new source.

#include <QJsonObject>
#include <QString>

namespace raddraft::report {

/// The model bundle that wrote a draft (inference::ModelIdentity without the device).
struct ModelReference {
    QString type;       ///< registry type ("transformer", "ppked", ...)
    QString name;
    QString version;
    QString bundleHash; ///< SHA-256 of the bundle's manifest.json

    bool operator==(const ModelReference& other) const;
    bool operator!=(const ModelReference& other) const { return !(*this == other); }
};

struct SentenceSource {
    enum class Kind {
        User,            ///< typed by the user; no original text
        ModelDraft,      ///< sentence `sentenceIndex` of `model`'s draft (this study's or another model's)
        RetrievedReport, ///< a sentence of the retrieved prior report `reportId`
    };

    Kind kind = Kind::User;
    ModelReference model;  ///< ModelDraft only
    int sentenceIndex = -1; ///< ModelDraft: index into that draft's inference::Draft::sentences
    QString reportId;      ///< RetrievedReport only
    QString originalText;  ///< the text exactly as the source gave it (empty for User)

    static SentenceSource user() { return {}; }
    static SentenceSource modelDraft(const ModelReference& model, int sentenceIndex, const QString& text);
    static SentenceSource retrievedReport(const QString& reportId, const QString& text);

    /// {"kind": "user" | "model-draft" | "retrieved-report", ...}; only the kind's own fields.
    QJsonObject toJson() const;
    /// Throws ReportError(InvalidData) naming the field when `json` does not fit.
    static SentenceSource fromJson(const QJsonObject& json);

    bool operator==(const SentenceSource& other) const;
    bool operator!=(const SentenceSource& other) const { return !(*this == other); }
};

/// "user", "model-draft", "retrieved-report".
QString sentenceSourceKindName(SentenceSource::Kind kind);

QJsonObject modelReferenceToJson(const ModelReference& model);
/// Throws ReportError(InvalidData) when a field is missing or not a string.
ModelReference modelReferenceFromJson(const QJsonObject& json);

} // namespace raddraft::report
