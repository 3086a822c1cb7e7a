#include "store/Deidentifier.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

namespace raddraft::store {

namespace {

const QRegularExpression& dicomUidPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\b\d+(?:\.\d+){3,}\b)"));
    return pattern;
}

const std::array<QRegularExpression, 6>& datePatterns()
{
    static const QString month = QStringLiteral(
        "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
        "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)");
    static const QString day = QStringLiteral(R"(\d{1,2}(?:st|nd|rd|th)?)");
    const auto pattern = [](const QString& expression) {
        return QRegularExpression(expression, QRegularExpression::CaseInsensitiveOption);
    };
    static const std::array<QRegularExpression, 6> patterns = {
        pattern(QStringLiteral(R"(\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b)")),          // 2021-03-04
        pattern(QStringLiteral(R"(\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b)")),        // 04.03.2021, 3/4/21
        pattern(QStringLiteral(R"(\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b)")), // 20210304
        pattern(QStringLiteral(R"(\b%1\.?\s+%2\.?(?:,?\s+\d{4})?\b)").arg(day, month)), // 4 March 2021
        pattern(QStringLiteral(R"(\b%1\.?\s+%2(?:,?\s+\d{4})?\b)").arg(month, day)),    // March 4th, 2021
        pattern(QStringLiteral(R"(\b%1\.?\s+\d{4}\b)").arg(month)),                    // March 2021
    };
    return patterns;
}

} // namespace

Deidentifier::Deidentifier()
{
    std::array<quint32, 4> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    m_salt = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(random.data()), sizeof(random)).toHex());
}

QString Deidentifier::pseudonym(const QString& prefix, const QString& value) const
{
    return prefix + QLatin1Char('-') + saltedHash(m_salt, value).left(16);
}

QString Deidentifier::scrubText(const QString& text, const PatientIdentifierMatcher& patient) const
{
    QString scrubbed = text;
    scrubbed.replace(dicomUidPattern(), QStringLiteral("[uid]"));
    for (const QRegularExpression& pattern : datePatterns())
        scrubbed.replace(pattern, QStringLiteral("[date]"));
    if (patient.isEmpty())
        return scrubbed;
    // Words: maximal runs of letters and digits, as identifierTokens() cuts them.
    QString result;
    result.reserve(scrubbed.size());
    qsizetype index = 0;
    while (index < scrubbed.size()) {
        if (!scrubbed.at(index).isLetterOrNumber()) {
            result.append(scrubbed.at(index++));
            continue;
        }
        const qsizetype begin = index;
        while (index < scrubbed.size() && scrubbed.at(index).isLetterOrNumber())
            ++index;
        const QString word = scrubbed.mid(begin, index - begin);
        result.append(word.size() >= 2 && patient.matches(word) ? QStringLiteral("[patient]") : word);
    }
    return result;
}

} // namespace raddraft::store
