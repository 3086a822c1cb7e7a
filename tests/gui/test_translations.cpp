// The workstation's translations and the Preferences dialog: every .ts file in translations/ is
// complete (nothing unfinished or obsolete, the same messages in each, placeholders and keyboard
// mnemonics kept, Chinese mnemonics as "(&F)"); a real MainWindow with the drafting workspace shows
// its menus and commands in German and Chinese from the embedded .qm files, with the same shortcuts
// as in English; the English file carries the plural forms; Preferences writes the language,
// theme and edit log settings and applies the light theme at once; a bad --language is refused.

#include "DraftPane.h"
#include "DraftingWorkspace.h"
#include "FindingNames.h"
#include "InterfaceLanguage.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ReportEditor.h"
#include "Theme.h"
#include "store/EditLogLocation.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace raddraft;
using ui::DraftingWorkspace;
using ui::MainWindow;

namespace {

const QStringList shippedLanguages{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};

QString translationsDir() { return QStringLiteral(RADDRAFT_TRANSLATIONS_DIR); }

/// One message of a .ts file.
struct TsMessage {
    QString context;
    QString source;
    QString comment;
    QString type;               ///< the translation's type attribute: "", "unfinished", "obsolete", "vanished"
    QStringList translations;   ///< one text, or the plural forms
    bool numerus = false;
};

/// Reads a .ts file; an error names the file, line and reason.
std::vector<TsMessage> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    std::vector<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage message;
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    message.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("comment")) {
                    message.comment = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    message.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                message.translations << xml.readElementText();
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        message.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.push_back(message);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

/// %1 … %99 and %n, sorted: what QString::arg and tr(…, n) replace.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d{1,2}|n)"));
    QStringList found;
    for (auto match = pattern.globalMatch(text); match.hasNext();)
        found << match.next().captured(0);
    found.sort();
    return found;
}

/// The keyboard mnemonics of a text: "&F" (not "&&", not an HTML entity such as "&nbsp;").
QStringList mnemonics(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("(?<!&)&(?![&\\s]|[A-Za-z]+;|#\\d+;)(.)"));
    QStringList found;
    for (auto match = pattern.globalMatch(text); match.hasNext();)
        found << match.next().captured(1);
    return found;
}

/// What a window shows, made with `language` installed.
struct WindowTexts {
    std::map<QString, QString> actionTexts;      ///< object name → text
    std::map<QString, QKeySequence> shortcuts;   ///< object name → shortcut
    QStringList menuTitles;
    QStringList dockTitles;
    QString preferencesMenuTitle;                ///< the title of the menu that holds Preferences
};

WindowTexts windowTextsIn(const QString& language)
{
    const QString installed = ui::installTranslations(language);
    if (installed != language)
        qWarning("installTranslations(%s) installed '%s'", qPrintable(language), qPrintable(installed));
    WindowTexts texts;
    MainWindow window;
    DraftingWorkspace drafting(&window);
    for (QAction* action : window.commandActions()) {
        texts.actionTexts[action->objectName()] = action->text();
        texts.shortcuts[action->objectName()] = action->shortcut();
    }
    for (QAction* menu : window.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        texts.menuTitles << menu->text();
        if (menu->menu()->actions().contains(window.action(QStringLiteral("preferences"))))
            texts.preferencesMenuTitle = menu->text();
    }
    for (QDockWidget* dock : window.findChildren<QDockWidget*>())
        texts.dockTitles << dock->windowTitle();
    texts.dockTitles.sort();
    return texts;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("RadDraftTranslationsTest"));
        QSettings().clear();
        m_english = windowTextsIn(QStringLiteral("en"));
        QVERIFY(!m_english.actionTexts.empty());
    }

    void cleanupTestCase()
    {
        ui::installTranslations(QStringLiteral("en"));
        QSettings().clear();
        store::setConfiguredEditLogPath({});
    }

    void everyTsFileIsCompleteAndConsistent()
    {
        const QStringList files = QDir(translationsDir()).entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
        for (const QString& language : shippedLanguages)
            QVERIFY2(files.contains(QStringLiteral("raddraft_%1.ts").arg(language)), qPrintable(translationsDir() + QStringLiteral(": no .ts for ") + language));

        QStringList problems;
        std::map<QString, std::set<std::pair<QString, QString>>> keysOfFile;
        for (const QString& name : files) {
            const QString path = QDir(translationsDir()).filePath(name);
            QString error;
            const std::vector<TsMessage> messages = readTs(path, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(messages.size() > 400, qPrintable(QStringLiteral("%1: only %2 messages").arg(name).arg(messages.size())));
            const bool chinese = name.contains(QLatin1String("_zh"));
            for (const TsMessage& message : messages) {
                keysOfFile[name].insert({message.context, message.source + QLatin1Char('\x1f') + message.comment});
                const QString where = QStringLiteral("%1: [%2] \"%3\"").arg(name, message.context, message.source);
                if (!message.type.isEmpty()) {
                    problems << QStringLiteral("%1 is %2").arg(where, message.type);
                    continue;
                }
                if (message.translations.isEmpty() || std::any_of(message.translations.begin(), message.translations.end(),
                                                                  [](const QString& text) { return text.isEmpty(); })) {
                    problems << where + QStringLiteral(" has an empty translation");
                    continue;
                }
                const QStringList sourceMnemonics = mnemonics(message.source);
                for (const QString& translation : message.translations) {
                    if (placeholders(translation) != placeholders(message.source))
                        problems << QStringLiteral("%1: placeholders of \"%2\" differ").arg(where, translation);
                    const QStringList translatedMnemonics = mnemonics(translation);
                    if (translatedMnemonics.size() != sourceMnemonics.size())
                        problems << QStringLiteral("%1: \"%2\" has %3 mnemonic(s), the source %4")
                                        .arg(where, translation)
                                        .arg(translatedMnemonics.size())
                                        .arg(sourceMnemonics.size());
                    else if (chinese && !sourceMnemonics.isEmpty() &&
                             !translation.contains(QStringLiteral("(&%1)").arg(sourceMnemonics.first().toUpper())))
                        problems << QStringLiteral("%1: \"%2\" lacks the mnemonic as (&%3)").arg(where, translation, sourceMnemonics.first().toUpper());
                }
            }
        }
        const auto& reference = keysOfFile[QStringLiteral("raddraft_en.ts")];
        for (const auto& [name, keys] : keysOfFile)
            for (const auto& key : reference)
                if (!keys.count(key))
                    problems << QStringLiteral("%1: lacks [%2] \"%3\" (run the update_translations target)").arg(name, key.first, key.second.section(QLatin1Char('\x1f'), 0, 0));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void theWindowSpeaksGerman()
    {
        const WindowTexts german = windowTextsIn(QStringLiteral("de"));
        QCOMPARE(german.actionTexts.at(QStringLiteral("openFile")), QStringLiteral("&Datei oder DICOMDIR öffnen…"));
        QCOMPARE(german.actionTexts.at(QStringLiteral("preferences")), QStringLiteral("&Einstellungen…"));
        QCOMPARE(german.actionTexts.at(QStringLiteral("draftReport")), QStringLiteral("Bericht &entwerfen"));
        QCOMPARE(german.actionTexts.at(QStringLiteral("signOff")), QStringLiteral("Bericht &freigeben…"));
        QCOMPARE(german.actionTexts.at(QStringLiteral("compareModels")), QStringLiteral("&Modelle vergleichen…"));
        QCOMPARE(german.preferencesMenuTitle, QStringLiteral("&Bearbeiten"));
        for (const char* menu : {"&Datei", "&Ansicht", "&Werkzeuge", "Be&richt", "&Hilfe"})
            QVERIFY2(german.menuTitles.contains(QString::fromUtf8(menu)), qPrintable(german.menuTitles.join(QLatin1Char(' '))));
        QVERIFY2(german.dockTitles.contains(QStringLiteral("Befunde")) && german.dockTitles.contains(QStringLiteral("Wissensgraph")),
                 qPrintable(german.dockTitles.join(QLatin1Char(' '))));
        QVERIFY(!german.menuTitles.contains(QStringLiteral("&File")));
        // Translated shortcut texts must name the same keys.
        for (const auto& [name, shortcut] : m_english.shortcuts)
            QVERIFY2(german.shortcuts.at(name) == shortcut, qPrintable(name));
    }

    void theWindowSpeaksChinese()
    {
        const WindowTexts chinese = windowTextsIn(QStringLiteral("zh_CN"));
        QCOMPARE(chinese.actionTexts.at(QStringLiteral("openFolder")), QStringLiteral("打开文件夹(&F)…"));
        QCOMPARE(chinese.actionTexts.at(QStringLiteral("draftReport")), QStringLiteral("起草报告(&D)"));
        QCOMPARE(chinese.preferencesMenuTitle, QStringLiteral("编辑(&E)"));
        QVERIFY2(chinese.menuTitles.contains(QStringLiteral("文件(&F)")), qPrintable(chinese.menuTitles.join(QLatin1Char(' '))));
        // Every command, menu and panel title differs from the English one: a text missing from the
        // translation would show through in English.
        QStringList untranslated;
        for (const auto& [name, text] : m_english.actionTexts)
            if (chinese.actionTexts.at(name) == text)
                untranslated << name + QStringLiteral(": ") + text;
        for (const QString& title : chinese.menuTitles + chinese.dockTitles)
            if (m_english.menuTitles.contains(title) || m_english.dockTitles.contains(title))
                untranslated << title;
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
        for (const auto& [name, shortcut] : m_english.shortcuts)
            QVERIFY2(chinese.shortcuts.at(name) == shortcut, qPrintable(name));
    }

    void englishHasPluralFormsAndFindingsAreTranslatedForDisplay()
    {
        QCOMPARE(ui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("raddraft::ui::StudyTreeModel", "%1 · %2 · %n image(s)", nullptr, 1), QStringLiteral("%1 · %2 · 1 image"));
        QCOMPARE(QCoreApplication::translate("raddraft::ui::StudyTreeModel", "%1 · %2 · %n image(s)", nullptr, 3), QStringLiteral("%1 · %2 · 3 images"));
        QCOMPARE(ui::findingDisplayName(QStringLiteral("Pleural Effusion")), QStringLiteral("Pleural Effusion")); // the model's spelling

        QCOMPARE(ui::installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("raddraft::ui::StudyTreeModel", "%1 · %2 · %n image(s)", nullptr, 3), QStringLiteral("%1 · %2 · 3 Bilder"));
        QCOMPARE(ui::findingDisplayName(QStringLiteral("pleural effusion")), QStringLiteral("Pleuraerguss"));
        QCOMPARE(ui::findingDisplayName(QStringLiteral("Pleural Effusion")), QStringLiteral("Pleuraerguss")); // CheXpert's spelling
        QCOMPARE(ui::findingDisplayName(QStringLiteral("a finding of another model")), QStringLiteral("a finding of another model"));

        QCOMPARE(ui::installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(ui::findingDisplayName(QStringLiteral("pleural_effusion")), QStringLiteral("胸腔积液"));

        // The system's language, else English: never the bare source texts.
        QVERIFY(ui::isInterfaceLanguage(ui::installTranslations(QString())));

        // An unknown language installs nothing: the source texts.
        QCOMPARE(ui::installTranslations(QStringLiteral("fr")), QString());
        QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&File"));
        ui::installTranslations(QStringLiteral("en"));
    }

    void preferencesWriteTheSettingsAndApplyTheTheme()
    {
        auto* application = qobject_cast<QApplication*>(QCoreApplication::instance());
        QVERIFY(application);
        ui::applyTheme(*application, ui::Theme::Dark);
        const QColor darkWindow = QApplication::palette().color(QPalette::Window);
        QVERIFY(ui::isDarkPalette(QApplication::palette()));
        const QColor darkUserColour = ui::ReportEditor::originColor(report::SentenceOrigin::UserWritten, QApplication::palette());
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString editLog = folder.filePath(QStringLiteral("logs/edit-log.sqlite"));

        MainWindow window;
        DraftingWorkspace drafting(&window);
        const auto headingColour = [&drafting] {
            // The report's FINDINGS heading, coloured from the palette when the text was laid out.
            const QTextBlock heading = drafting.draftPane()->editor()->document()->firstBlock();
            return heading.begin().fragment().charFormat().foreground().color().rgb();
        };
        QCOMPARE(headingColour(), QApplication::palette().color(QPalette::Text).rgb());
        QAction* preferences = window.action(QStringLiteral("preferences"));
        QVERIFY(preferences);
        QVERIFY(!preferences->shortcut().isEmpty());
        QVERIFY(window.editMenu() && window.editMenu()->actions().contains(preferences));
        {
            ui::PreferencesDialog dialog(&window);
            QCOMPARE(dialog.language(), QString()); // nothing set: the system's language
            QCOMPARE(dialog.theme(), ui::Theme::Dark);
            dialog.setLanguage(QStringLiteral("de"));
            dialog.setTheme(ui::Theme::Light);
            dialog.setEditLogPath(editLog);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(QSettings().value(ui::languageSetting()).toString(), QStringLiteral("de"));
        QCOMPARE(ui::configuredLanguage(), QStringLiteral("de"));
        QCOMPARE(QSettings().value(ui::themeSetting()).toString(), QStringLiteral("light"));
        QCOMPARE(ui::configuredTheme(), ui::Theme::Light);
        QCOMPARE(store::configuredEditLogPath(), editLog);
        // The light theme is applied at once, and the colours with a meaning follow it.
        QVERIFY(QApplication::palette().color(QPalette::Window) != darkWindow);
        QVERIFY(!ui::isDarkPalette(QApplication::palette()));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QVERIFY(ui::ReportEditor::originColor(report::SentenceOrigin::UserWritten, QApplication::palette()) != darkUserColour);
        QCoreApplication::processEvents();
        QCOMPARE(window.palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
        QCOMPARE(headingColour(), QApplication::palette().color(QPalette::Text).rgb()); // the text was redone

        {
            // Opened again: the settings as they are now. A folder is refused, nothing is written.
            ui::PreferencesDialog dialog(&window);
            QCOMPARE(dialog.language(), QStringLiteral("de"));
            QCOMPARE(dialog.theme(), ui::Theme::Light);
            QCOMPARE(QDir::fromNativeSeparators(dialog.editLogPath()), editLog);
            dialog.setTheme(ui::Theme::Dark);
            dialog.setEditLogPath(folder.path());
            dialog.accept();
            QVERIFY(dialog.result() != int(QDialog::Accepted));
            auto* problem = dialog.findChild<QLabel*>(QStringLiteral("preferencesProblem"));
            QVERIFY(problem && !problem->isHidden());
            QVERIFY2(problem->text().contains(QDir::toNativeSeparators(folder.path())), qPrintable(problem->text()));
            QCOMPARE(ui::configuredTheme(), ui::Theme::Light);
            QCOMPARE(store::configuredEditLogPath(), editLog);

            // Empty path and the system's language: the settings are removed (the defaults apply).
            dialog.setLanguage(QString());
            dialog.setEditLogPath(QString());
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QVERIFY(!QSettings().contains(ui::languageSetting()));
        QCOMPARE(store::configuredEditLogPath(), store::defaultEditLogPath());
        QCOMPARE(ui::configuredTheme(), ui::Theme::Dark);
        QCOMPARE(QApplication::palette().color(QPalette::Window), darkWindow);
    }

    void anUnknownLanguageOnTheCommandLineIsRefused()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/raddraft-translations-test-config"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RADDRAFT_GUI), {QStringLiteral("--language"), QStringLiteral("fr")});
        QVERIFY(process.waitForFinished(60000));
        const QString error = QString::fromLocal8Bit(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(error.contains(QStringLiteral("--language")) && error.contains(QStringLiteral("'fr'")), qPrintable(error));
    }

private:
    WindowTexts m_english;
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
