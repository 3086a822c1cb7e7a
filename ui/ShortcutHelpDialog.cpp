#include "ShortcutHelpDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace raddraft::ui {

ShortcutHelpDialog::ShortcutHelpDialog(const QList<QAction*>& actions, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(this);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Command"), tr("Shortcut")});
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    for (const QAction* action : actions) {
        if (action->shortcut().isEmpty())
            continue;
        const int row = table->rowCount();
        table->insertRow(row);
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        table->setItem(row, 0, new QTableWidgetItem(text));
        table->setItem(row, 1, new QTableWidgetItem(action->shortcut().toString(QKeySequence::NativeText)));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto* mouse = new QLabel(tr("<b>Mouse:</b> left button = active tool · middle button or Shift+left = pan · "
                                "right drag = window/level (horizontal: width, vertical: level) · wheel = next/previous "
                                "image in a stack, zoom on single images · Ctrl+wheel = zoom · double-click = fit. "
                                "Click a measurement to select it; drag its handles to adjust."),
                             this);
    mouse->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table, 1);
    layout->addWidget(mouse);
    layout->addWidget(buttons);
    resize(560, 640);
}

} // namespace raddraft::ui
