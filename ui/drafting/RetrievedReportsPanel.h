#pragma once
// The prior reports a model retrieved for this study (PPKED's Prior Working Experience), nearest
// first with their similarity, each opened into its sentences. With a sentence of the draft in
// focus, the reports it attended are marked with their attention. A sentence of a prior report can
// be inserted into the draft (insertSentenceRequested; the draft pane logs it as an insertion with
// the retrieved report as its source).

#include "DraftRepository.h"

#include <QWidget>

class QAction;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace raddraft::ui {

class RetrievedReportsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RetrievedReportsPanel(QWidget* parent = nullptr);

    void setDraft(DraftPointer draft);
    QTreeWidget* tree() const { return m_tree; }
    QAction* insertAction() const { return m_insert; }
    /// The chosen prior-report sentence ("" when a report or nothing is chosen).
    QString currentSentence() const;

public Q_SLOTS:
    /// Marks the reports that sentence `sentenceIndex` of the draft attended (-1: none).
    void focusSentence(int sentenceIndex);
    /// Emits insertSentenceRequested for the chosen sentence.
    void insertCurrentSentence();

Q_SIGNALS:
    void insertSentenceRequested(const QString& sentence, const QString& reportId);

private:
    void updateInsertAction();

    DraftPointer m_draft;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_summary = nullptr;
    QAction* m_insert = nullptr;
};

/// A report's sentences as the panel lists them: split after ". ", "? " and "! ", trimmed,
/// empty pieces dropped.
QStringList reportSentences(const QString& report);

} // namespace raddraft::ui
