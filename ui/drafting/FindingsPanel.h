#pragma once
// Every finding of the draft with its probability bar and the model's decision threshold;
// choosing one shows where the model saw it (its class activation maps) on the views.

#include "DraftRepository.h"
#include "OverlaySource.h"

#include <QWidget>

class QLabel;
class QListView;

namespace raddraft::ui {

class FindingsModel;

class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget* parent = nullptr);

    void setDraft(DraftPointer draft, double threshold);
    FindingsModel* model() const { return m_model; }
    QListView* view() const { return m_view; }

public Q_SLOTS:
    /// Chooses the finding with index `findingIndex` in the draft and requests its maps.
    void selectFinding(int findingIndex);
    /// Removes the selection without requesting anything (another source took over).
    void clearSelection();

Q_SIGNALS:
    void overlayRequested(const raddraft::ui::OverlaySource& source);

private:
    void requestRow(int row);

    FindingsModel* m_model = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace raddraft::ui
