#include "store/PatientIdentifiers.h"

#include <QCryptographicHash>

namespace raddraft::store {

QString saltedHash(const QString& salt, const QString& value)
{
    return QString::fromLatin1(QCryptographicHash::hash((salt + value).toUtf8(), QCryptographicHash::Sha256).toHex());
}

QStringList identifierTokens(const QString& text)
{
    QStringList tokens;
    QString current;
    const auto finish = [&] {
        if (current.size() >= 2)
            tokens.append(current.toCaseFolded());
        current.clear();
    };
    for (const QChar character : text) {
        if (character.isLetterOrNumber())
            current.append(character);
        else
            finish();
    }
    finish();
    return tokens;
}

bool PatientIdentifierMatcher::matches(const QString& word) const
{
    return !m_tokenHashes.isEmpty() && m_tokenHashes.contains(saltedHash(m_salt, word.toCaseFolded()));
}

} // namespace raddraft::store
