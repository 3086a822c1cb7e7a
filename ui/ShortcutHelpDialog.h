#pragma once
// Lists every command with its shortcut, generated from the window's actions so it can never
// disagree with what the keys really do.

#include <QDialog>
#include <QList>

class QAction;

namespace raddraft::ui {

class ShortcutHelpDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutHelpDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
};

} // namespace raddraft::ui
