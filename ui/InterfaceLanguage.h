#pragma once
// The language of the workstation's interface. RadDraft's translations (translations/*.ts,
// compiled into the programs under :/i18n/) and Qt's own (qtbase_*.qm of the Qt installation,
// used when present: standard buttons and dialogs) are installed on the application before any
// widget exists; widgets take their texts when they are made, so a change applies at the next
// start. The draft report itself stays as the model wrote it (English).

#include <QString>

#include <vector>

namespace raddraft::ui {

struct InterfaceLanguage {
    QString code; ///< "en", "de", "zh_CN": the suffix of translations/raddraft_<code>.ts
    QString name; ///< the language's name in that language ("Deutsch")
};

/// The languages RadDraft is translated into, English (the source language) first.
const std::vector<InterfaceLanguage>& interfaceLanguages();
/// True for a code of interfaceLanguages().
bool isInterfaceLanguage(const QString& code);

/// QSettings key of the interface language: a code of interfaceLanguages(); absent or empty
/// means the system's language.
QString languageSetting();
/// The setting's value (empty: the system's language).
QString configuredLanguage();

/// Installs RadDraft's translation for `code` (empty: the first of the system's UI languages
/// that RadDraft has, else English) and Qt's own for the same language where installed,
/// replacing translations installed by an earlier call. Returns the code installed. An unknown
/// code installs nothing and returns empty: the interface shows the source texts (English
/// without its plural forms).
QString installTranslations(const QString& code);

} // namespace raddraft::ui
