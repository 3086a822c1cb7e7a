#include "PreferencesDialog.h"

#include "InterfaceLanguage.h"
#include "store/EditLogLocation.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace raddraft::ui {

namespace {

QLabel* noteLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System default"), QString());
    for (const InterfaceLanguage& language : interfaceLanguages())
        m_language->addItem(language.name, language.code);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("Dark (for dim reading rooms)"), themeName(Theme::Dark));
    m_theme->addItem(tr("Light"), themeName(Theme::Light));

    m_editLog = new QLineEdit(this);
    m_editLog->setObjectName(QStringLiteral("editLogPath"));
    m_editLog->setPlaceholderText(QDir::toNativeSeparators(store::defaultEditLogPath()));
    m_editLog->setClearButtonEnabled(true);
    m_editLog->setMinimumWidth(380);
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseEditLog"));
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::browseEditLog);
    auto* editLogRow = new QHBoxLayout;
    editLogRow->addWidget(m_editLog, 1);
    editLogRow->addWidget(browse);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("preferencesProblem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language); // a text label's buddy is its field
    form->addRow(QString(), noteLabel(tr("The new language is used when RadDraft is started again."), this));
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(QString(), noteLabel(tr("The theme changes at once. The images are always shown on black."), this));
    auto* editLogLabel = new QLabel(tr("&Edit log:"), this);
    editLogLabel->setBuddy(m_editLog);
    form->addRow(editLogLabel, editLogRow);
    form->addRow(QString(), noteLabel(tr("The SQLite file that keeps every draft, edit and sign-off. Empty: the default file "
                                         "shown in grey. A new file is used when RadDraft is started again."),
                                      this));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);

    // The settings as they are now.
    setLanguage(configuredLanguage());
    setTheme(configuredTheme());
    const QString editLog = store::configuredEditLogPath();
    setEditLogPath(editLog == store::defaultEditLogPath() ? QString() : editLog);
}

QString PreferencesDialog::language() const { return m_language->currentData().toString(); }

Theme PreferencesDialog::theme() const { return themeFromName(m_theme->currentData().toString()); }

QString PreferencesDialog::editLogPath() const { return m_editLog->text().trimmed(); }

void PreferencesDialog::setLanguage(const QString& code)
{
    const int index = m_language->findData(code);
    m_language->setCurrentIndex(index >= 0 ? index : 0); // an unknown code reads as the system's
}

void PreferencesDialog::setTheme(Theme theme) { m_theme->setCurrentIndex(m_theme->findData(themeName(theme))); }

void PreferencesDialog::setEditLogPath(const QString& path) { m_editLog->setText(QDir::toNativeSeparators(path)); }

void PreferencesDialog::browseEditLog()
{
    const QString start = editLogPath().isEmpty() ? store::defaultEditLogPath() : editLogPath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Edit log"), start, tr("SQLite databases (*.sqlite *.db);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        setEditLogPath(path);
}

void PreferencesDialog::accept()
{
    QString editLog = QDir::fromNativeSeparators(editLogPath());
    if (!editLog.isEmpty()) {
        const QFileInfo file(editLog);
        if (file.isDir()) {
            m_problem->setText(tr("%1 is a folder: choose a file for the edit log.").arg(QDir::toNativeSeparators(file.absoluteFilePath())));
            QPalette palette = m_problem->palette();
            palette.setColor(QPalette::WindowText, themeColor(ThemeColor::Error, palette));
            m_problem->setPalette(palette);
            m_problem->setVisible(true);
            m_editLog->setFocus();
            return;
        }
        editLog = file.absoluteFilePath();
        if (editLog == store::defaultEditLogPath())
            editLog.clear();
    }

    QSettings settings;
    if (language().isEmpty())
        settings.remove(languageSetting());
    else
        settings.setValue(languageSetting(), language());
    settings.setValue(themeSetting(), themeName(theme()));
    store::setConfiguredEditLogPath(editLog);
    if (auto* application = qobject_cast<QApplication*>(QCoreApplication::instance()))
        applyTheme(*application, theme());
    QDialog::accept();
}

} // namespace raddraft::ui
