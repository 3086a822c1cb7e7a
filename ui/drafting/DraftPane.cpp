#include "DraftPane.h"

#include "Theme.h"

#include "report/ReportDocument.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace raddraft::ui {

namespace {

QString stageText(const QString& stage)
{
    if (stage == QLatin1String("load"))
        return DraftPane::tr("Loading the model…");
    if (stage == QLatin1String("preprocess"))
        return DraftPane::tr("Preparing the images…");
    if (stage == QLatin1String("extractor"))
        return DraftPane::tr("Reading the images…");
    if (stage == QLatin1String("encoder"))
        return DraftPane::tr("Encoding the image features…");
    if (stage == QLatin1String("decode"))
        return DraftPane::tr("Writing the report…");
    return DraftPane::tr("Finishing…");
}

QLabel* noticeLabel(const QString& objectName, const QString& style, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(style);
    label->setVisible(false);
    return label;
}

} // namespace

DraftPane::DraftPane(QAction* draftAction, QAction* cancelAction, QWidget* parent) : QWidget(parent)
{
    m_model = new QLabel(this);
    m_model->setObjectName(QStringLiteral("draftModelLabel"));
    m_model->setWordWrap(true);
    m_draftButton = new QToolButton(this);
    m_draftButton->setDefaultAction(draftAction);
    m_draftButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setDefaultAction(cancelAction);
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("draftProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("draftStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_logging = noticeLabel(QStringLiteral("loggingNotice"),
                            QStringLiteral("QLabel { background: rgba(220, 80, 60, 60); border: 1px solid rgba(220, 80, 60, 160); "
                                           "border-radius: 3px; padding: 4px; }"),
                            this);
    m_signature = noticeLabel(QStringLiteral("signatureNotice"),
                              QStringLiteral("QLabel { background: rgba(63, 185, 80, 50); border: 1px solid rgba(63, 185, 80, 150); "
                                             "border-radius: 3px; padding: 4px; }"),
                              this);
    m_reportBar = new QToolBar(tr("Report"), this);
    m_reportBar->setObjectName(QStringLiteral("reportToolBar"));
    m_reportBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_reportBar->setVisible(false);

    m_editor = new ReportEditor(this);
    m_editor->setObjectName(QStringLiteral("reportEditor"));
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("reportLegend"));
    m_legend->setWordWrap(true);
    m_legend->setContentsMargins(4, 0, 4, 0);

    auto* warningsBox = new QWidget(this);
    m_warningTitle = new QLabel(warningsBox);
    m_warningTitle->setObjectName(QStringLiteral("warningTitle"));
    m_warnings = new QListWidget(warningsBox);
    m_warnings->setObjectName(QStringLiteral("consistencyWarnings"));
    m_warnings->setWordWrap(true);
    auto* warningsLayout = new QVBoxLayout(warningsBox);
    warningsLayout->setContentsMargins(0, 0, 0, 0);
    warningsLayout->setSpacing(2);
    warningsLayout->addWidget(m_warningTitle);
    warningsLayout->addWidget(m_warnings, 1);
    connect(m_warnings, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT warningActivated(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_warnings, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT warningActivated(item->data(Qt::UserRole).toLongLong());
    });
    m_evidence = new EvidenceView(this);

    auto* textBox = new QWidget(this);
    auto* textLayout = new QVBoxLayout(textBox);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->setSpacing(2);
    textLayout->addWidget(m_editor, 1);
    textLayout->addWidget(m_legend);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("draftSplitter"));
    m_splitter->addWidget(textBox);
    m_splitter->addWidget(warningsBox);
    m_splitter->addWidget(m_evidence);
    m_splitter->setStretchFactor(0, 10);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 3);

    m_splitter->setChildrenCollapsible(true);

    auto* commands = new QHBoxLayout;
    commands->addWidget(m_draftButton);
    commands->addWidget(m_progress, 1);
    commands->addWidget(m_cancelButton);
    commands->addStretch(0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_model);
    layout->addLayout(commands);
    layout->addWidget(m_status);
    layout->addWidget(m_logging);
    layout->addWidget(m_signature);
    layout->addWidget(m_reportBar);
    layout->addWidget(m_splitter, 1);
    setRunning(false);
    showWarnings({});
    applyThemeColours();
}

void DraftPane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyThemeColours();
}

void DraftPane::applyThemeColours()
{
    const QPalette colours = palette();
    m_warnings->setStyleSheet(QStringLiteral("QListWidget { color: %1; }").arg(themeColor(ThemeColor::Warning, colours).name()));
    m_status->setStyleSheet(m_statusIsError ? QStringLiteral("color: %1;").arg(themeColor(ThemeColor::Error, colours).name()) : QString());
    updateLegend();
}

void DraftPane::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_splitterSized)
        return;
    m_splitterSized = true;
    // Once the dock has its height: most of it for the text, the rest for warnings and evidence
    // (the user's later sizes stay).
    QTimer::singleShot(0, this, [this] {
        const int height = m_splitter->height();
        m_splitter->setSizes({height * 62 / 100, height * 14 / 100, height * 24 / 100});
    });
}

QString DraftPane::statusText() const { return m_status->text(); }

QString DraftPane::loggingNotice() const { return m_logging->isVisibleTo(this) ? m_logging->text() : QString(); }

QString DraftPane::signatureText() const { return m_signature->isVisibleTo(this) ? m_signature->text() : QString(); }

void DraftPane::setReportActions(const QList<QAction*>& actions)
{
    m_reportBar->clear();
    for (QAction* action : actions) {
        if (!action) {
            m_reportBar->addSeparator();
            continue;
        }
        m_reportBar->addAction(action);
        if (action->menu()) // a command with a menu opens it from its button
            if (auto* button = qobject_cast<QToolButton*>(m_reportBar->widgetForAction(action)))
                button->setPopupMode(QToolButton::InstantPopup);
    }
    m_reportBar->setVisible(!actions.isEmpty());
}

void DraftPane::setModelDescription(const QString& description) { m_model->setText(description); }

void DraftPane::updateLegend()
{
    const QPalette& colours = palette();
    const auto sample = [&colours](report::SentenceOrigin origin, const QString& text, const QString& decoration) {
        return QStringLiteral("<span style='color:%1;%2'>%3</span>")
            .arg(ReportEditor::originColor(origin, colours).name(), decoration, text.toHtmlEscaped());
    };
    m_legend->setText(QStringLiteral("<small>%1 · %2 · %3 · %4 &nbsp; %5</small>")
                          .arg(sample(report::SentenceOrigin::AiUnchanged, tr("AI text"), {}),
                               sample(report::SentenceOrigin::AiEdited, tr("AI text, edited"), QStringLiteral("text-decoration:underline")),
                               sample(report::SentenceOrigin::UserWritten, tr("written here"), {}),
                               sample(report::SentenceOrigin::InsertedFromAlternative, tr("chosen alternative"), {}),
                               tr("○ to review ✓ accepted ✗ rejected").toHtmlEscaped()));
}

void DraftPane::showReport(report::ReportDocument* report, DraftPointer draft, bool fromCache)
{
    disconnect(m_signedConnection);
    m_report = report;
    m_editor->setReport(report, draft);
    m_evidence->showSentence(nullptr, draft, 0);
    if (m_report)
        m_signedConnection = connect(m_report, &report::ReportDocument::signedOff, this, &DraftPane::updateSignature);
    updateSignature();
    if (!draft)
        return;
    double milliseconds = 0.0;
    for (const inference::StageTiming& timing : draft->timings)
        milliseconds += timing.milliseconds;
    const QString model = QString::fromStdString(draft->model.name);
    const QString device = QString::fromStdString(draft->model.device);
    QString status = fromCache ? tr("Drafted earlier by %1 on %2.").arg(model, device)
                               : tr("Drafted by %1 on %2 in %3 s.").arg(model, device).arg(milliseconds / 1000.0, 0, 'f', 1);
    if (m_report && m_report->eventCount() > 0)
        status += QLatin1Char(' ') + tr("Restored as it was left (%n logged edit(s)).", nullptr, int(m_report->eventCount()));
    else
        status += QLatin1Char(' ') + tr("Click a sentence for its evidence; point at a word for its map; type to edit.");
    showStatus(status);
}

void DraftPane::updateSignature()
{
    if (!m_report || !m_report->isSigned()) {
        m_signature->setVisible(false);
        m_signature->clear();
        return;
    }
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(m_report->signedAtMicroseconds() / 1000).toLocalTime();
    m_signature->setText(tr("Signed off by %1 on %2. The report is locked.")
                             .arg(m_report->signedBy().toHtmlEscaped(), when.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    m_signature->setVisible(true);
}

void DraftPane::clearDraft(const QString& status)
{
    showReport(nullptr, nullptr, false);
    showWarnings({});
    showStatus(status);
}

void DraftPane::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_cancelButton->setVisible(running);
    if (running) {
        m_progress->setValue(0);
        m_progress->setFormat(stageText(QStringLiteral("load")));
    }
}

void DraftPane::showProgress(const QString& stage, double overall)
{
    m_progress->setValue(static_cast<int>(overall * 1000.0));
    m_progress->setFormat(stageText(stage) + QStringLiteral(" %p%"));
}

void DraftPane::showStatus(const QString& text, bool isError)
{
    m_status->setText(text);
    m_statusIsError = isError;
    m_status->setStyleSheet(isError ? QStringLiteral("color: %1;").arg(themeColor(ThemeColor::Error, palette()).name()) : QString());
    m_status->setVisible(!text.isEmpty());
}

void DraftPane::showLoggingProblem(const QString& problem)
{
    m_logging->setText(problem.isEmpty() ? QString() : tr("Edits are not being logged: %1").arg(problem));
    m_logging->setVisible(!problem.isEmpty());
}

void DraftPane::showWarnings(const std::vector<ConsistencyWarning>& warnings)
{
    m_warnings->clear();
    for (const ConsistencyWarning& warning : warnings) {
        auto* item = new QListWidgetItem(QStringLiteral("⚠ ") + warning.message, m_warnings);
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(warning.sentenceId));
        item->setToolTip(tr("Click to select the sentence."));
    }
    m_warningTitle->setText(warnings.empty() ? tr("Consistency: the text agrees with the findings.")
                                             : tr("Consistency: %n warning(s) — the text contradicts the findings.", nullptr,
                                                  static_cast<int>(warnings.size())));
    m_warnings->setVisible(!warnings.empty());
}

} // namespace raddraft::ui
