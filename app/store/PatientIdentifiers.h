#pragma once
// Patient identifiers in the edit log: never stored in clear. The log keeps a salted SHA-256 of
// the patient ID (to tell studies of one patient apart) and of each word of the patient's name
// and ID, so that a de-identified export can blank those words where a user typed them.

#include <QSet>
#include <QString>
#include <QStringList>

namespace raddraft::store {

/// The patient of a study, as the DICOM header gives it; used only to compute hashes.
struct PatientIdentity {
    QString patientId;   ///< (0010,0020)
    QString patientName; ///< (0010,0010), DICOM PN ("DOE^JANE^^^") or plain text
};

/// Hex SHA-256 of salt + value (UTF-8).
QString saltedHash(const QString& salt, const QString& value);

/// The words of `text` that identifier matching looks at: maximal runs of letters and digits of
/// at least two characters, case-folded ("DOE^JANE" → doe, jane; "PID-4711" → pid, 4711).
QStringList identifierTokens(const QString& text);

/// Tells whether a word of free text is a word of one study's patient name or ID.
class PatientIdentifierMatcher {
public:
    PatientIdentifierMatcher() = default;
    PatientIdentifierMatcher(QString salt, QSet<QString> tokenHashes)
        : m_salt(std::move(salt)), m_tokenHashes(std::move(tokenHashes)) {}

    /// `word` as found in text (any case).
    bool matches(const QString& word) const;
    bool isEmpty() const { return m_tokenHashes.isEmpty(); }

private:
    QString m_salt;
    QSet<QString> m_tokenHashes;
};

} // namespace raddraft::store
