#pragma once
// Every finding of the draft with its probability bar, the model's decision threshold and its
// current label; choosing one shows where the model saw it (its class activation maps) on the
// views. Annotators set the chosen finding present, absent or uncertain with the three label
// commands shown under the list (each a logged tag correction, made by whoever owns them).

#include "DraftRepository.h"
#include "OverlaySource.h"

#include <QWidget>

class QAction;
class QLabel;
class QListView;

namespace raddraft::report {
class ReportDocument;
}

namespace raddraft::ui {

class FindingsModel;

class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget* parent = nullptr);

    /// Shows the findings of `draft` judged against `threshold`, labelled by `report` (may be nullptr).
    void setDraft(DraftPointer draft, double threshold, const report::ReportDocument* report = nullptr);
    /// Shows the window's present / absent / uncertain commands as buttons under the list.
    void setLabelActions(QAction* present, QAction* absent, QAction* uncertain);
    FindingsModel* model() const { return m_model; }
    QListView* view() const { return m_view; }
    /// Index into Draft::findings of the chosen finding, -1 when none is chosen.
    int currentFinding() const;

public Q_SLOTS:
    /// Chooses the finding with index `findingIndex` in the draft and requests its maps.
    void selectFinding(int findingIndex);
    /// Removes the selection without requesting anything (another source took over).
    void clearSelection();

Q_SIGNALS:
    void overlayRequested(const raddraft::ui::OverlaySource& source);
    /// The chosen finding or its label changed (the label commands follow it).
    void currentFindingChanged(int findingIndex);

private:
    void requestRow(int row);
    void updateSummary();

    FindingsModel* m_model = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    QWidget* m_labelButtons = nullptr;
};

} // namespace raddraft::ui
