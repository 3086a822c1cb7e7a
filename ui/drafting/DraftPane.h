#pragma once
// The draft report pane (right dock): which model drafts, the Draft/Cancel commands with a
// progress bar, and the generated text (DraftTextView, read-only for now).

#include "DraftRepository.h"
#include "DraftTextView.h"

#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace raddraft::ui {

class DraftPane : public QWidget {
    Q_OBJECT
public:
    /// `draftAction` and `cancelAction` are the window's commands (shown as buttons here).
    DraftPane(QAction* draftAction, QAction* cancelAction, QWidget* parent = nullptr);

    DraftTextView* textView() const { return m_text; }
    QProgressBar* progressBar() const { return m_progress; }
    QString statusText() const;

    /// "transformer-phantom 0.1.0 (transformer)" or a hint that no model is chosen.
    void setModelDescription(const QString& description);
    void showDraft(DraftPointer draft, bool fromCache);
    /// Empties the text; `status` says why (e.g. "Cancelled.").
    void clearDraft(const QString& status = {});
    void setRunning(bool running);
    void showProgress(const QString& stage, double overall);
    void showStatus(const QString& text, bool isError = false);

private:
    QLabel* m_model = nullptr;
    QToolButton* m_draftButton = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    DraftTextView* m_text = nullptr;
};

} // namespace raddraft::ui
