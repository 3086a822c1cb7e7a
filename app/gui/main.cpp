// raddraft: the workstation. `raddraft [--db PATH] [--user NAME] [--model BUNDLE] [STUDY_PATH]`
// opens a file, folder or DICOMDIR; with no argument it reopens the last study. --model chooses
// the drafting model, --db the edit log (default: the setting, else the user's data folder),
// --user the name stamped on every edit (default: the name given once in a dialog, remembered),
// --language the interface language for this run (default: the setting, else the system's).
// The language and the theme come from the settings (Edit ▸ Preferences).

#include "DraftPane.h"
#include "DraftingWorkspace.h"
#include "ModelComparisonDialog.h"
#include "InterfaceLanguage.h"
#include "MainWindow.h"
#include "Theme.h"
#include "inference/InferenceError.h"
#include "report/ReportDocument.h"
#include "store/EditLogLocation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("RadDraft"));
    QApplication::setOrganizationName(QStringLiteral("RadDraft"));
    QApplication::setApplicationVersion(QStringLiteral(RADDRAFT_VERSION));
    // Translations before any text is made (the options' help too); --language may replace them below.
    raddraft::ui::installTranslations(raddraft::ui::configuredLanguage());
    raddraft::ui::applyTheme(application, raddraft::ui::configuredTheme());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "RadDraft radiology reporting workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("study"),
                                 QApplication::translate("main", "DICOM file, folder or DICOMDIR to open (default: the last study)"),
                                 QStringLiteral("[STUDY_PATH]"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window once the study (with --draft: its draft) is on screen, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("window-size"),
                                        QApplication::translate("main", "Initial window size, e.g. 1600x1000."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption modelOption(
        QStringLiteral("model"), QApplication::translate("main", "Model bundle folder to draft with (default: the one chosen last)."),
        QStringLiteral("BUNDLE"));
    const QCommandLineOption draftOption(QStringLiteral("draft"),
                                         QApplication::translate("main", "Draft the report as soon as the study is on screen."));
    const QCommandLineOption sentenceOption(
        QStringLiteral("sentence"),
        QApplication::translate("main", "With --draft: select sentence N (1 = first) of the draft and show its map."),
        QStringLiteral("N"));
    const QCommandLineOption databaseOption(
        QStringLiteral("db"), QApplication::translate("main", "Edit log (SQLite) to keep drafts and every edit in (default: the setting, else %1).")
                                  .arg(QDir::toNativeSeparators(raddraft::store::defaultEditLogPath())),
        QStringLiteral("PATH"));
    const QCommandLineOption userOption(
        QStringLiteral("user"), QApplication::translate("main", "Your name, stamped on every edit and sign-off (default: the name given before)."),
        QStringLiteral("NAME"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "Interface language for this run: en, de or zh_CN (default: the setting, else the system's)."),
        QStringLiteral("CODE"));
    parser.addOption(databaseOption);
    parser.addOption(userOption);
    parser.addOption(languageOption);
    parser.addOption(screenshotOption);
    parser.addOption(sizeOption);
    parser.addOption(modelOption);
    parser.addOption(draftOption);
    const QCommandLineOption compareOption(
        QStringLiteral("compare"),
        QApplication::translate("main", "Compare the installed models on the study as soon as it is on screen (with --screenshot: grab the comparison)."));
    parser.addOption(compareOption);
    parser.addOption(sentenceOption);
    parser.process(application);
    if (parser.isSet(languageOption)) {
        const QString language = parser.value(languageOption);
        if (!raddraft::ui::isInterfaceLanguage(language)) {
            std::fprintf(stderr, "raddraft: --language: unknown language '%s' (choose en, de or zh_CN)\n", qPrintable(language));
            return 2;
        }
        raddraft::ui::installTranslations(language);
    }

    raddraft::ui::MainWindow window;
    raddraft::ui::DraftingWorkspace drafting(&window);
    if (parser.isSet(modelOption)) {
        try {
            drafting.useBundle(parser.value(modelOption));
        } catch (const raddraft::inference::InferenceError& error) {
            std::fprintf(stderr, "raddraft: --model: %s\n", error.what());
            return 2;
        }
    }
    // A failure shows a message box naming the file and the reason; work goes on without logging.
    drafting.openEditLog(parser.isSet(databaseOption) ? parser.value(databaseOption) : raddraft::store::configuredEditLogPath());
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split(QLatin1Char('x'));
        if (parts.size() == 2)
            window.resize(parts[0].toInt(), parts[1].toInt());
    }
    window.show();

    // The name is asked once and remembered; --user stands for this session only. Screenshot runs
    // are unattended: they ask nothing.
    const QString user = parser.isSet(userOption) ? parser.value(userOption)
                                                  : QSettings().value(raddraft::ui::DraftingWorkspace::userNameSetting()).toString();
    if (!user.trimmed().isEmpty())
        drafting.setUser(user);
    else if (!parser.isSet(screenshotOption))
        drafting.changeUserName();

    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty())
        path = QSettings().value(QStringLiteral("session/lastStudyPath")).toString();
    if (!path.isEmpty()) {
        if (!QFileInfo::exists(path)) {
            std::fprintf(stderr, "raddraft: %s: no such file or folder\n", qPrintable(QDir::toNativeSeparators(path)));
            if (!parser.positionalArguments().isEmpty())
                return 2;
        } else {
            window.openPath(path);
        }
    }

    if (parser.isSet(draftOption)) {
        // Connected after the workspace's own studyDisplayed handler, which shows a stored draft of
        // the study first: the sentence is selected in the draft this request shows, not in that one.
        const int sentence = parser.isSet(sentenceOption) ? parser.value(sentenceOption).toInt() : 0;
        QObject::connect(&window, &raddraft::ui::MainWindow::studyDisplayed, &drafting,
                         [&drafting, sentence] {
                             if (sentence > 0)
                                 drafting.draftReportSelectingSentence(sentence);
                             else
                                 drafting.draftReport();
                         },
                         Qt::SingleShotConnection);
    }

    // The comparison dialog, once open: with --screenshot it is what gets grabbed.
    auto comparison = std::make_shared<QPointer<raddraft::ui::ModelComparisonDialog>>();
    if (parser.isSet(compareOption)) {
        QObject::connect(&window, &raddraft::ui::MainWindow::studyDisplayed, &drafting,
                         [&drafting, comparison] { *comparison = drafting.compareModels(); }, Qt::SingleShotConnection);
    }

    if (parser.isSet(screenshotOption) && parser.isSet(compareOption)) {
        const QString file = parser.value(screenshotOption);
        QObject::connect(&window, &raddraft::ui::MainWindow::studyDisplayed, &window, [comparison, file] {
            raddraft::ui::ModelComparisonDialog* dialog = *comparison;
            if (!dialog) {
                QApplication::exit(1);
                return;
            }
            QObject::connect(dialog, &raddraft::ui::ModelComparisonDialog::comparisonFinished, dialog, [dialog, file] {
                QTimer::singleShot(1000, dialog, [dialog, file] {
                    const bool saved = dialog->grab().save(file);
                    std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "could not save", qPrintable(file));
                    QApplication::exit(saved ? 0 : 1);
                });
            });
        }, Qt::SingleShotConnection);
    } else if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const auto grabLater = [&window, file] {
            // Let thumbnails and the last paint settle before grabbing.
            QTimer::singleShot(1500, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "could not save", qPrintable(file));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        if (parser.isSet(draftOption)) {
            QObject::connect(&drafting, &raddraft::ui::DraftingWorkspace::draftShown, &window, grabLater, Qt::SingleShotConnection);
            QObject::connect(&drafting, &raddraft::ui::DraftingWorkspace::draftingFailed, &window, [](const QString& message) {
                std::fprintf(stderr, "raddraft: drafting failed: %s\n", qPrintable(message));
                QApplication::exit(1);
            });
        } else {
            QObject::connect(&window, &raddraft::ui::MainWindow::studyDisplayed, &window, grabLater);
        }
    }
    return QApplication::exec();
}
