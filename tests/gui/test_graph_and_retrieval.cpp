// The knowledge-graph dock and the retrieved-reports dock on real widgets (offscreen): a stable
// layout, the papers' thresholds, the attention ring of the sentence in focus, a click on a node
// giving its map (CKNet patch weights or the finding's CAM) and the sentences it supports, and the
// insertion of a prior report's sentence.

#include "GraphEvidence.h"
#include "KnowledgeGraphPanel.h"
#include "RetrievedReportsPanel.h"
#include "inference/Draft.h"

#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include <numeric>

using namespace raddraft;
using namespace raddraft::ui;

namespace {

inference::Heatmap grid(const std::string& view, std::vector<float> values) { return {view, 2, 2, std::move(values)}; }

/// A draft over a small graph: global + two grouped findings + one ungrouped; `scale` changes the
/// activations only.
inference::Draft makeDraft(double scale, bool withPatchNodes) {
    inference::Draft draft;
    draft.model.type = withPatchNodes ? "cknet" : "ppked";
    draft.views = {"frontal", "lateral"};
    draft.graphNodes = {{0, "global", "", 1.0},
                        {1, "cardiomegaly", "G1", 0.9 * scale},
                        {2, "pleural effusion", "G2", 0.3 * scale},
                        {3, "nodule", "", 0.7 * scale}};
    draft.graphEdges = {{0, 1, 0.5}, {0, 2, 0.2}, {1, 2, 0.35}, {0, 3, 0.1}};
    inference::DraftSentence heart;
    heart.text = "The heart is enlarged.";
    heart.support.graphNodes = {{"cardiomegaly", 0.6}, {"pleural effusion", 0.1}};
    inference::DraftSentence lungs;
    lungs.text = "Small nodule in the right upper lobe.";
    lungs.support.tags = {{"nodule", 0.7}};
    lungs.support.reports = {{"CXR2", 0.8}};
    draft.sentences = {heart, lungs};
    draft.findings = {{"cardiomegaly", 0.9, true, {grid("frontal", {0.1f, 0.4f, 0.0f, 0.0f}), grid("lateral", {0.5f, 0, 0, 0})}},
                      {"nodule", 0.7, true, {}}};
    if (withPatchNodes) {
        draft.patchNodes = {{"frontal", 0, 1, {{"cardiomegaly", 0.75}, {"nodule", 0.25}}},
                            {"frontal", 1, 1, {{"nodule", 1.0}}},
                            {"lateral", 1, 0, {{"cardiomegaly", 0.25}}}};
    }
    draft.retrievedReports = {{"CXR1", "Heart size is normal. No effusion.", 0.91}, {"CXR2", "Stable right upper lobe nodule! Lungs clear?", 0.85}};
    return draft;
}

double sum(const std::vector<inference::Heatmap>& maps) {
    double total = 0.0;
    for (const inference::Heatmap& map : maps) total = std::accumulate(map.values.begin(), map.values.end(), total);
    return total;
}

} // namespace

class TestGraphAndRetrieval : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nodeEvidenceFromPatchesOrFindings()
    {
        const inference::Draft cknet = makeDraft(1.0, true);
        const std::vector<inference::Heatmap> maps = graphNodeHeatmaps(cknet, "cardiomegaly");
        QCOMPARE(int(maps.size()), 2);
        QCOMPARE(maps[0].rows, 2);
        QCOMPARE(maps[0].cols, 2);
        QCOMPARE(maps[0].values[1], 0.75f); // (0, 1): 0.75 of a total weight of 1.0
        QCOMPARE(maps[1].values[2], 0.25f); // lateral (1, 0)
        QVERIFY(qAbs(sum(maps) - 1.0) < 1e-6);
        QVERIFY(graphNodeHeatmaps(cknet, "pleural effusion").empty()); // in no patch

        const inference::Draft ppked = makeDraft(1.0, false);
        QCOMPARE(graphNodeHeatmaps(ppked, "cardiomegaly")[0].values, ppked.findings[0].heatmaps[0].values);
        QVERIFY(graphNodeHeatmaps(ppked, "nodule").empty());

        QCOMPARE(sentencesSupportedBy(ppked, "cardiomegaly", 0.2), std::vector<int>{0});
        QCOMPARE(sentencesSupportedBy(ppked, "pleural effusion", 0.2), std::vector<int>{});
        QCOMPARE(sentencesSupportedBy(ppked, "pleural effusion", 0.05), std::vector<int>{0});
        QCOMPARE(sentencesSupportedBy(ppked, "nodule", 0.2), std::vector<int>{1}); // as a tag
    }

    void layoutIsStableAndThresholdsApply()
    {
        KnowledgeGraphPanel panel;
        panel.resize(500, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        KnowledgeGraphView* view = panel.view();
        panel.setDraft(std::make_shared<const inference::Draft>(makeDraft(1.0, true)));
        const QPointF heart = view->nodePosition(QStringLiteral("cardiomegaly"));
        QCOMPARE(view->nodePosition(QStringLiteral("global")), QPointF(0, 0));
        QVERIFY(!heart.isNull());
        QVERIFY(view->isNodeOn(QStringLiteral("cardiomegaly")));
        QVERIFY(!view->isNodeOn(QStringLiteral("pleural effusion"))); // 0.3 < 0.5
        QCOMPARE(view->strongEdgeCount(), 2);                         // 0.5 and 0.35 ≥ 0.3

        // Another draft with other activations: the same places.
        panel.setDraft(std::make_shared<const inference::Draft>(makeDraft(0.5, true)));
        QCOMPARE(view->nodePosition(QStringLiteral("cardiomegaly")), heart);
        QVERIFY(!view->isNodeOn(QStringLiteral("cardiomegaly"))); // 0.45 < 0.5

        GraphThresholds lower;
        lower.node = 0.4;
        lower.edge = 0.1;
        panel.setThresholds(lower);
        QVERIFY(view->isNodeOn(QStringLiteral("cardiomegaly")));
        QCOMPARE(view->strongEdgeCount(), 4);

        // The sentence in focus rings the nodes above the attention threshold.
        panel.setThresholds(GraphThresholds{});
        panel.focusSentence(0);
        QVERIFY(view->isNodeRinged(QStringLiteral("cardiomegaly")));
        QVERIFY(!view->isNodeRinged(QStringLiteral("pleural effusion")));
        panel.focusSentence(-1);
        QVERIFY(!view->isNodeRinged(QStringLiteral("cardiomegaly")));
    }

    void clickingANodeShowsItsMapAndSentences()
    {
        KnowledgeGraphPanel panel;
        panel.resize(500, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setDraft(std::make_shared<const inference::Draft>(makeDraft(1.0, true)));
        QSignalSpy overlays(&panel, &KnowledgeGraphPanel::overlayRequested);
        QSignalSpy sentences(&panel, &KnowledgeGraphPanel::sentencesRequested);
        KnowledgeGraphView* view = panel.view();
        const QPoint at = view->mapFromScene(view->nodePosition(QStringLiteral("nodule")));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(overlays.count(), 1);
        const auto source = overlays.takeFirst().at(0).value<OverlaySource>();
        QCOMPARE(source.kind, OverlaySource::Kind::GraphNode);
        QCOMPARE(source.index, 3);
        QVERIFY(source.title.contains(QStringLiteral("nodule")));
        QVERIFY(qAbs(sum(source.heatmaps) - 1.0) < 1e-6);
        QCOMPARE(sentences.count(), 1);
        QCOMPARE(sentences.takeFirst().at(0).value<std::vector<int>>(), std::vector<int>{1});
        QCOMPARE(view->currentNode(), QStringLiteral("nodule"));

        // A click beside every node chooses nothing.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(overlays.count(), 0);
    }

    void priorReportSentencesCanBeInserted()
    {
        QCOMPARE(reportSentences(QStringLiteral("Stable right upper lobe nodule! Lungs clear? ")),
                 QStringList({QStringLiteral("Stable right upper lobe nodule!"), QStringLiteral("Lungs clear?")}));
        RetrievedReportsPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setDraft(std::make_shared<const inference::Draft>(makeDraft(1.0, false)));
        QTreeWidget* tree = panel.tree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
        QVERIFY(!panel.insertAction()->isEnabled());

        panel.focusSentence(1);
        QVERIFY(tree->topLevelItem(1)->font(0).bold());
        QVERIFY(!tree->topLevelItem(0)->font(0).bold());
        QVERIFY(tree->topLevelItem(1)->text(1).contains(QStringLiteral("0.80")));

        QSignalSpy inserted(&panel, &RetrievedReportsPanel::insertSentenceRequested);
        tree->setCurrentItem(tree->topLevelItem(1)->child(0));
        QVERIFY(panel.insertAction()->isEnabled());
        panel.insertAction()->trigger();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(0).toString(), QStringLiteral("Stable right upper lobe nodule!"));
        QCOMPARE(inserted.at(0).at(1).toString(), QStringLiteral("CXR2"));

        panel.setDraft(std::make_shared<const inference::Draft>(inference::Draft{}));
        QCOMPARE(tree->topLevelItemCount(), 0);
        QVERIFY(!panel.insertAction()->isEnabled());
    }
};


QTEST_MAIN(TestGraphAndRetrieval)
#include "test_graph_and_retrieval.moc"
