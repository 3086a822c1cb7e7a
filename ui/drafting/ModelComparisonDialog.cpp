#include "ModelComparisonDialog.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <numeric>
#include <set>

namespace raddraft::ui {

namespace {

QString valueText(labeler::LabelValue value)
{
    switch (value) {
    case labeler::LabelValue::Positive:
        return ModelComparisonDialog::tr("present");
    case labeler::LabelValue::Uncertain:
        return ModelComparisonDialog::tr("uncertain");
    case labeler::LabelValue::Negative:
        return ModelComparisonDialog::tr("absent");
    case labeler::LabelValue::Blank:
        break;
    }
    return ModelComparisonDialog::tr("not mentioned");
}

/// Translucent so that the cell text stays readable in the light and the dark theme.
QColor valueColour(labeler::LabelValue value)
{
    switch (value) {
    case labeler::LabelValue::Positive:
        return QColor(220, 70, 50, 110);
    case labeler::LabelValue::Uncertain:
        return QColor(230, 170, 30, 110);
    case labeler::LabelValue::Negative:
        return QColor(60, 150, 90, 80);
    case labeler::LabelValue::Blank:
        break;
    }
    return QColor(0, 0, 0, 0);
}

} // namespace

ModelComparisonDialog::ModelComparisonDialog(std::vector<InstalledBundle> bundles, DraftRequest request, DraftRepository* repository,
                                             const inference::PipelineOptions& options, QWidget* parent)
    : QDialog(parent), m_request(std::move(request))
{
    setObjectName(QStringLiteral("modelComparison"));
    setWindowTitle(tr("Compare Models"));
    m_controller = new DraftingController(this);
    m_controller->setRepository(repository);
    m_controller->setPipelineOptions(options);
    connect(m_controller, &DraftingController::progressChanged, this, &ModelComparisonDialog::updateProgress);
    connect(m_controller, &DraftingController::draftReady, this, [this](const QString&, const QString&, DraftPointer draft, bool fromCache) {
        Column& column = m_columns.at(static_cast<std::size_t>(m_next - 1));
        column.draft = std::move(draft);
        column.fromCache = fromCache;
        finishModel(m_next - 1);
    });
    connect(m_controller, &DraftingController::draftFailed, this, [this](const QString&, const QString&, const QString& message) {
        m_columns.at(static_cast<std::size_t>(m_next - 1)).problem = message;
        finishModel(m_next - 1);
    });
    connect(m_controller, &DraftingController::draftCancelled, this, [this](const QString&, const QString&) {
        m_columns.at(static_cast<std::size_t>(m_next - 1)).problem = tr("Cancelled.");
        for (std::size_t i = static_cast<std::size_t>(m_next); i < m_columns.size(); ++i)
            m_columns[i].problem = tr("Not run (cancelled).");
        m_next = static_cast<int>(m_columns.size());
        finishModel(static_cast<int>(m_columns.size()) - 1);
    });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("comparisonStatus"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("Cancel"), this);
    connect(m_cancel, &QPushButton::clicked, this, &ModelComparisonDialog::cancel);
    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_progress, 1);
    top->addWidget(m_cancel);

    auto* drafts = new QSplitter(Qt::Horizontal, this);
    for (InstalledBundle& bundle : bundles) {
        Column column;
        column.bundle = std::move(bundle);
        auto* box = new QWidget(drafts);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(2, 2, 2, 2);
        column.header = new QLabel(box);
        column.header->setWordWrap(true);
        column.text = new QTextBrowser(box);
        column.text->setObjectName(QStringLiteral("comparedDraft"));
        layout->addWidget(column.header);
        layout->addWidget(column.text, 1);
        drafts->addWidget(box);
        m_columns.push_back(std::move(column));
    }

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("comparedFindings"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->setVisible(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto* findings = new QWidget(this);
    auto* findingsLayout = new QVBoxLayout(findings);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    auto* legend = new QLabel(tr("Findings as the report labeler reads each draft. Rows where the models disagree come first, "
                                 "marked ⚠; the sentences behind them are highlighted in the drafts above."),
                              findings);
    legend->setWordWrap(true);
    findingsLayout->addWidget(legend);
    findingsLayout->addWidget(m_table, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(drafts);
    split->addWidget(findings);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(1200, 800);
    refresh();
}

ModelComparisonDialog::~ModelComparisonDialog() = default;

void ModelComparisonDialog::start()
{
    if (isRunning())
        return;
    for (Column& column : m_columns) {
        column.draft.reset();
        column.problem.clear();
        column.fromCache = false;
    }
    m_next = 0;
    m_finished = false;
    m_cancelRequested = false;
    m_cancel->setEnabled(true);
    refresh();
    runNext();
}

void ModelComparisonDialog::cancel()
{
    if (!isRunning())
        return;
    m_cancelRequested = true; // also stops the models not started yet (runNext)
    m_controller->cancel();
}

void ModelComparisonDialog::closeEvent(QCloseEvent* event)
{
    cancel(); // the controller's destructor waits for the worker; nothing is left running
    QDialog::closeEvent(event);
}

void ModelComparisonDialog::runNext()
{
    if (m_cancelRequested) {
        for (std::size_t i = static_cast<std::size_t>(m_next); i < m_columns.size(); ++i)
            m_columns[i].problem = tr("Not run (cancelled).");
        m_next = static_cast<int>(m_columns.size());
    }
    if (m_next >= static_cast<int>(m_columns.size())) {
        m_finished = true;
        m_cancel->setEnabled(false);
        refresh();
        Q_EMIT comparisonFinished();
        return;
    }
    const Column& column = m_columns[static_cast<std::size_t>(m_next++)];
    DraftRequest request = m_request;
    request.bundleDirectory = column.bundle.directory;
    request.bundleHash = column.bundle.bundleHash();
    refresh();
    m_controller->draft(request); // a stored draft is reported before this returns
}

void ModelComparisonDialog::finishModel(int index)
{
    refresh();
    Q_EMIT modelFinished(index);
    // Queued: the controller is still inside its own signal (or inside draft() for a stored one).
    QMetaObject::invokeMethod(this, &ModelComparisonDialog::runNext, Qt::QueuedConnection);
}

void ModelComparisonDialog::updateProgress(const QString& stage, double overall)
{
    const int models = static_cast<int>(m_columns.size());
    const double done = (std::max(0, m_next - 1) + std::clamp(overall, 0.0, 1.0)) / std::max(1, models);
    m_progress->setValue(static_cast<int>(done * 1000.0));
    m_status->setText(tr("Drafting with %1 (%2 of %3): %4")
                          .arg(m_columns[static_cast<std::size_t>(std::max(0, m_next - 1))].bundle.displayName())
                          .arg(m_next)
                          .arg(models)
                          .arg(stage));
}

void ModelComparisonDialog::refresh()
{
    const int models = static_cast<int>(m_columns.size());
    QStringList texts;
    for (const Column& column : m_columns)
        texts << (column.draft ? QString::fromStdString(column.draft->text) : QString());
    m_rows = m_comparison.compare(texts);

    const int drafted = static_cast<int>(std::count_if(m_columns.begin(), m_columns.end(), [](const Column& c) { return c.draft != nullptr; }));
    const int disputed = static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const ComparisonRow& r) { return r.disagreement; }));
    if (models == 0) {
        m_status->setText(tr("No model is installed."));
    } else if (m_finished) {
        m_status->setText(tr("%1 of %2 models drafted; they disagree on %3 finding(s).").arg(drafted).arg(models).arg(disputed));
        m_progress->setValue(1000);
    } else if (m_next == 0) {
        m_status->setText(tr("%1 models will draft this study.").arg(models));
        m_progress->setValue(0);
    }

    m_table->clear();
    m_table->setColumnCount(models);
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    for (int c = 0; c < models; ++c)
        m_table->setHorizontalHeaderItem(c, new QTableWidgetItem(m_columns[static_cast<std::size_t>(c)].bundle.name()));
    for (int r = 0; r < static_cast<int>(m_rows.size()); ++r) {
        const ComparisonRow& row = m_rows[static_cast<std::size_t>(r)];
        auto* header = new QTableWidgetItem(row.disagreement ? QStringLiteral("⚠ ") + row.name : row.name);
        if (row.disagreement) {
            QFont bold = header->font();
            bold.setBold(true);
            header->setFont(bold);
            header->setToolTip(tr("The models disagree on %1.").arg(row.name));
        }
        m_table->setVerticalHeaderItem(r, header);
        for (int c = 0; c < models; ++c) {
            const Column& column = m_columns[static_cast<std::size_t>(c)];
            const labeler::LabelValue value = row.values[static_cast<std::size_t>(c)];
            auto* cell = new QTableWidgetItem(column.draft ? valueText(value) : QString());
            cell->setTextAlignment(Qt::AlignCenter);
            cell->setBackground(valueColour(value));
            m_table->setItem(r, c, cell);
        }
    }
    m_table->resizeRowsToContents();
    for (Column& column : m_columns)
        showDraftText(column);
}

void ModelComparisonDialog::showDraftText(Column& column)
{
    QString header = QStringLiteral("<b>%1</b>").arg(column.bundle.displayName().toHtmlEscaped());
    if (column.draft) {
        const double milliseconds = std::accumulate(column.draft->timings.begin(), column.draft->timings.end(), 0.0,
                                                    [](double sum, const inference::StageTiming& t) { return sum + t.milliseconds; });
        header += QStringLiteral("<br>") + (column.fromCache ? tr("drafted earlier") : tr("drafted in %1 s").arg(milliseconds / 1000.0, 0, 'f', 1));
    } else if (!column.problem.isEmpty()) {
        header += QStringLiteral("<br>") + column.problem.toHtmlEscaped();
    } else {
        header += QStringLiteral("<br>") + tr("waiting");
    }
    column.header->setText(header);
    if (!column.draft) {
        column.text->clear();
        return;
    }
    std::set<labeler::Observation> disputed;
    for (const ComparisonRow& row : m_rows) {
        if (row.disagreement)
            disputed.insert(row.observation);
    }
    QString html;
    for (const inference::DraftSentence& sentence : column.draft->sentences) {
        const QString text = QString::fromStdString(sentence.text);
        bool marked = false;
        for (const labeler::Observation observation : m_comparison.mentionedIn(text))
            marked = marked || disputed.count(observation) > 0;
        html += marked ? QStringLiteral("<span style=\"background-color: rgba(230, 170, 30, 45%); font-weight: 600\">%1</span> ")
                             .arg(text.toHtmlEscaped())
                       : text.toHtmlEscaped() + QLatin1Char(' ');
    }
    column.text->setHtml(html);
}

} // namespace raddraft::ui
