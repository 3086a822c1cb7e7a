#pragma once
// "Compare models": every installed bundle drafts the displayed study, and the drafts are shown
// side by side with the report labeler's reading of each (ModelComparison) and the findings on
// which they disagree; sentences that speak about a disputed finding are marked in each draft.
//
// The drafts run one after another off the UI thread on the dialog's own DraftingController
// (progress per model, Cancel), and go to the workstation's DraftRepository: a model that drafted
// this study before answers at once, and the drafts made here are there when the radiologist
// switches to that model.

#include "BundleCatalog.h"
#include "DraftingController.h"
#include "ModelComparison.h"

#include <QDialog>

#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTextBrowser;

namespace raddraft::ui {

class ModelComparisonDialog : public QDialog {
    Q_OBJECT
public:
    /// `request`: the displayed study (its bundle fields are replaced per model); `repository`
    /// (not owned, must outlive the dialog) keeps the drafts; `options`: how pipelines load.
    ModelComparisonDialog(std::vector<InstalledBundle> bundles, DraftRequest request, DraftRepository* repository,
                          const inference::PipelineOptions& options, QWidget* parent = nullptr);
    ~ModelComparisonDialog() override;

    /// Drafts with every model in turn; comparisonFinished follows when all are done or cancelled.
    void start();
    void cancel();
    bool isRunning() const { return m_next > 0 && !m_finished; }

    int modelCount() const { return static_cast<int>(m_columns.size()); }
    /// The draft of model `index` (nullptr while not drafted, or when it failed or was cancelled).
    DraftPointer draft(int index) const { return m_columns.at(static_cast<std::size_t>(index)).draft; }
    /// Why model `index` has no draft ("" when it has one or has not run yet).
    QString problem(int index) const { return m_columns.at(static_cast<std::size_t>(index)).problem; }
    /// Whether model `index`'s draft came from the repository rather than a new run.
    bool fromCache(int index) const { return m_columns.at(static_cast<std::size_t>(index)).fromCache; }
    const std::vector<ComparisonRow>& rows() const { return m_rows; }
    QTableWidget* findingsTable() const { return m_table; }
    QTextBrowser* draftView(int index) const { return m_columns.at(static_cast<std::size_t>(index)).text; }

Q_SIGNALS:
    void modelFinished(int index);
    void comparisonFinished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct Column {
        InstalledBundle bundle;
        DraftPointer draft;
        QString problem;
        bool fromCache = false;
        QLabel* header = nullptr;
        QTextBrowser* text = nullptr;
    };

    void runNext();
    void finishModel(int index);
    void refresh();
    void showDraftText(Column& column);
    void updateProgress(const QString& stage, double overall);

    std::vector<Column> m_columns;
    DraftRequest m_request;
    DraftingController* m_controller = nullptr;
    ModelComparison m_comparison;
    std::vector<ComparisonRow> m_rows;
    int m_next = 0;          ///< index of the next model to run (m_next - 1 is running)
    bool m_finished = false;
    bool m_cancelRequested = false;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace raddraft::ui
