#include "InterfaceLanguage.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <algorithm>
#include <memory>

namespace raddraft::ui {

namespace {

/// Object name of the translators installed here (children of the application object), so a
/// later call finds and replaces them.
const QString translatorName = QStringLiteral("raddraftTranslator");
/// RadDraft's translations are :/i18n/raddraft_<code>.qm.
const QString fileStem = QStringLiteral("raddraft");

/// Loads `file`_<language>.qm from `folder` for `locale` and installs it; nullptr when there is none.
const QTranslator* installTranslator(const QLocale& locale, const QString& file, const QString& folder)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, file, QStringLiteral("_"), folder))
        return nullptr;
    translator->setObjectName(translatorName);
    translator->setParent(QCoreApplication::instance());
    QCoreApplication::installTranslator(translator.get());
    return translator.release(); // owned by the application object
}

} // namespace

const std::vector<InterfaceLanguage>& interfaceLanguages()
{
    static const std::vector<InterfaceLanguage> languages{
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("zh_CN"), QStringLiteral("中文 (简体)")},
    };
    return languages;
}

bool isInterfaceLanguage(const QString& code)
{
    const auto& languages = interfaceLanguages();
    return std::any_of(languages.begin(), languages.end(), [&code](const InterfaceLanguage& language) { return language.code == code; });
}

QString languageSetting() { return QStringLiteral("interface/language"); }

QString configuredLanguage() { return QSettings().value(languageSetting()).toString(); }

QString installTranslations(const QString& code)
{
    QCoreApplication* application = QCoreApplication::instance();
    if (!application)
        return {};
    for (QTranslator* earlier : application->findChildren<QTranslator*>(translatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(earlier);
        delete earlier; // owned by the application object
    }
    if (!code.isEmpty() && !isInterfaceLanguage(code))
        return {};

    // The system's language: QTranslator tries each of its UI languages (de-AT, de, …); when
    // RadDraft has none of them, English (its plural forms: "1 image", "3 images").
    const QTranslator* own = installTranslator(code.isEmpty() ? QLocale::system() : QLocale(code), fileStem, QStringLiteral(":/i18n"));
    if (!own && code.isEmpty())
        own = installTranslator(QLocale(QLocale::English), fileStem, QStringLiteral(":/i18n"));
    if (!own)
        return {};
    const QString installed = QFileInfo(own->filePath()).completeBaseName().mid(fileStem.size() + 1); // raddraft_<code>.qm
    // Qt's own texts (standard buttons, file dialogs) in the same language, where installed.
    installTranslator(QLocale(installed), QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return installed;
}

} // namespace raddraft::ui
