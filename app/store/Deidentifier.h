#pragma once
// De-identification for exports of the edit log: identifiers become salted hashes that are
// consistent within one export (a fresh random salt each time, so two exports cannot be linked),
// and free text loses the patient's dates, DICOM UIDs and the words of the patient's name and ID.

#include "store/PatientIdentifiers.h"

#include <QString>

namespace raddraft::store {

class Deidentifier {
public:
    /// Draws a new random salt.
    Deidentifier();

    /// "<prefix>-<16 hex digits>": the same value gives the same pseudonym within this object.
    QString pseudonym(const QString& prefix, const QString& value) const;

    /// Replaces, in this order: DICOM UIDs ("1.2.840.…") by "[uid]", dates (2021-03-04, 04.03.2021,
    /// 3/4/21, 20210304, "4 March 2021", "March 4th, 2021", "March 2021") by "[date]", and the
    /// words `patient` matches by "[patient]". Best effort for free text: a name the log never saw
    /// (e.g. a relative's) cannot be recognised.
    QString scrubText(const QString& text, const PatientIdentifierMatcher& patient) const;

private:
    QString m_salt;
};

} // namespace raddraft::store
