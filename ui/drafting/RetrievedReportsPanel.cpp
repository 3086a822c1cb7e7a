#include "RetrievedReportsPanel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace raddraft::ui {
namespace {

constexpr int kSentenceRole = Qt::UserRole + 1; // the sentence text (sentence items only)
constexpr int kReportRole = Qt::UserRole + 2;   // the report id (every item)

} // namespace

QStringList reportSentences(const QString& report) {
    QStringList sentences;
    static const QRegularExpression boundary(QStringLiteral("(?<=[.?!])\\s+"));
    for (const QString& piece : report.split(boundary)) {
        const QString sentence = piece.trimmed();
        if (!sentence.isEmpty()) sentences << sentence;
    }
    return sentences;
}

RetrievedReportsPanel::RetrievedReportsPanel(QWidget* parent) : QWidget(parent) {
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Prior report"), tr("Score")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_insert = new QAction(tr("&Insert Sentence into Report"), this);
    m_insert->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_insert->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_insert->setToolTip(tr("Insert the chosen sentence of a prior report into the draft (Ctrl+Shift+I)"));
    addAction(m_insert);
    auto* button = new QToolButton(this);
    button->setDefaultAction(m_insert);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(button, 0, Qt::AlignLeft);

    connect(m_insert, &QAction::triggered, this, &RetrievedReportsPanel::insertCurrentSentence);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &RetrievedReportsPanel::updateInsertAction);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        if (item && item->data(0, kSentenceRole).isValid()) insertCurrentSentence();
    });
    setDraft(nullptr);
}

void RetrievedReportsPanel::setDraft(DraftPointer draft) {
    m_draft = std::move(draft);
    m_tree->clear();
    if (!m_draft || m_draft->retrievedReports.empty()) {
        m_summary->setText(m_draft ? tr("This model retrieves no prior reports.") : tr("No draft."));
        updateInsertAction();
        return;
    }
    m_summary->setText(tr("%n prior report(s), nearest first.", nullptr, int(m_draft->retrievedReports.size())));
    for (const inference::RetrievedReport& report : m_draft->retrievedReports) {
        const QString id = QString::fromStdString(report.id);
        auto* item = new QTreeWidgetItem(m_tree, {id, QString::number(report.score, 'f', 3)});
        item->setData(0, kReportRole, id);
        item->setToolTip(0, QString::fromStdString(report.text));
        for (const QString& sentence : reportSentences(QString::fromStdString(report.text))) {
            auto* child = new QTreeWidgetItem(item, {sentence, QString()});
            child->setData(0, kSentenceRole, sentence);
            child->setData(0, kReportRole, id);
            child->setToolTip(0, sentence);
        }
    }
    if (m_tree->topLevelItemCount() > 0) m_tree->topLevelItem(0)->setExpanded(true);
    updateInsertAction();
}

void RetrievedReportsPanel::focusSentence(int sentenceIndex) {
    std::map<QString, double> attended;
    if (m_draft && sentenceIndex >= 0 && sentenceIndex < int(m_draft->sentences.size())) {
        for (const inference::RetrievedReportReference& reference : m_draft->sentences[std::size_t(sentenceIndex)].support.reports) {
            attended[QString::fromStdString(reference.id)] = reference.weight;
        }
    }
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_tree->topLevelItem(row);
        const auto found = attended.find(item->data(0, kReportRole).toString());
        QFont font = item->font(0);
        font.setBold(found != attended.end());
        item->setFont(0, font);
        const inference::RetrievedReport& report = m_draft->retrievedReports[std::size_t(row)];
        item->setText(1, found == attended.end() ? QString::number(report.score, 'f', 3)
                                                 : tr("%1 · attention %2").arg(report.score, 0, 'f', 3).arg(found->second, 0, 'f', 2));
    }
}

QString RetrievedReportsPanel::currentSentence() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(0, kSentenceRole).toString() : QString();
}

void RetrievedReportsPanel::insertCurrentSentence() {
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || !item->data(0, kSentenceRole).isValid()) return;
    Q_EMIT insertSentenceRequested(item->data(0, kSentenceRole).toString(), item->data(0, kReportRole).toString());
}

void RetrievedReportsPanel::updateInsertAction() { m_insert->setEnabled(!currentSentence().isEmpty()); }

} // namespace raddraft::ui
