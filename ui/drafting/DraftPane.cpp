#include "DraftPane.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
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
    m_text = new DraftTextView(this);
    m_text->setObjectName(QStringLiteral("draftText"));

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
    layout->addWidget(m_text, 1);
    setRunning(false);
}

QString DraftPane::statusText() const { return m_status->text(); }

void DraftPane::setModelDescription(const QString& description) { m_model->setText(description); }

void DraftPane::showDraft(DraftPointer draft, bool fromCache)
{
    m_text->setDraft(draft);
    if (!draft)
        return;
    double milliseconds = 0.0;
    for (const inference::StageTiming& timing : draft->timings)
        milliseconds += timing.milliseconds;
    showStatus(fromCache ? tr("Drafted earlier by %1 on %2.").arg(QString::fromStdString(draft->model.name), QString::fromStdString(draft->model.device))
                         : tr("Drafted by %1 on %2 in %3 s. Click a sentence to see its evidence; point at a word for its map.")
                               .arg(QString::fromStdString(draft->model.name), QString::fromStdString(draft->model.device))
                               .arg(milliseconds / 1000.0, 0, 'f', 1));
}

void DraftPane::clearDraft(const QString& status)
{
    m_text->setDraft(nullptr);
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
    m_status->setStyleSheet(isError ? QStringLiteral("color: #ff7b72;") : QString());
    m_status->setVisible(!text.isEmpty());
}

} // namespace raddraft::ui
