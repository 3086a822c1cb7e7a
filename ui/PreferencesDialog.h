#pragma once
// Edit ▸ Preferences: the interface language (applied at the next start: widgets take their
// texts when they are made), the theme (applied at once to the whole application) and the edit
// log's file (applied at the next start: the open log keeps its file while drafts are edited).
// The dialog shows the settings as they are and writes them when accepted.

#include "Theme.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace raddraft::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    /// The chosen language code (interfaceLanguages()); empty: the system's language.
    QString language() const;
    Theme theme() const;
    /// The chosen edit log file; empty: the default (store::defaultEditLogPath()).
    QString editLogPath() const;

    /// Choose in the dialog (as a user would); nothing is written before accept().
    void setLanguage(const QString& code);
    void setTheme(Theme theme);
    void setEditLogPath(const QString& path);

public Q_SLOTS:
    /// Writes the settings and applies the theme; an edit log path that is a folder is refused
    /// with a message in the dialog, which then stays open.
    void accept() override;

private:
    void browseEditLog();

    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
    QLineEdit* m_editLog = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace raddraft::ui
