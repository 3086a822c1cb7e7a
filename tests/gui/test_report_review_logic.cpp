// The draft pane's logic without widgets: consistency warnings from the labeler (which sentences
// contradict which finding labels, annotator corrections winning), the finding-name → observation
// table, report sentence splitting, and the alternatives offered for a sentence.

#include "ConsistencyChecker.h"
#include "FindingObservations.h"
#include "SentenceAlternatives.h"
#include "SentenceProvenance.h"

#include "report/ReportContent.h"

#include <QtTest>

using namespace raddraft;
using report::FindingStatus;
using report::ReportSection;
using report::SentenceState;
using ui::ConsistencyChecker;
using ui::ConsistencyWarning;

namespace {

inference::Draft draftWith(std::vector<std::string> sentences, std::vector<inference::Finding> findings)
{
    inference::Draft draft;
    draft.model = {"transformer", "logic-test", "0.1.0", std::string(64, 'b'), "cpu"};
    for (const std::string& text : sentences) {
        inference::DraftSentence sentence;
        sentence.text = text;
        draft.sentences.push_back(sentence);
    }
    draft.findings = std::move(findings);
    return draft;
}

} // namespace

class TestReportReviewLogic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findingNamesMapToLabelerObservations()
    {
        using labeler::Observation;
        QCOMPARE(ui::observationsForFinding(QStringLiteral("pleural effusion")), std::vector<Observation>{Observation::PleuralEffusion});
        QCOMPARE(ui::observationsForFinding(QStringLiteral("Pleural Effusion")), std::vector<Observation>{Observation::PleuralEffusion});
        QCOMPARE(ui::observationsForFinding(QStringLiteral("pulmonary_edema")), std::vector<Observation>{Observation::Edema});
        QCOMPARE(ui::observationsForFinding(QStringLiteral("pneumonia")),
                 (std::vector<Observation>{Observation::Pneumonia, Observation::Consolidation}));
        QCOMPARE(ui::observationsForFinding(QStringLiteral("medical device")), std::vector<Observation>{Observation::SupportDevices});
        QCOMPARE(ui::observationsForFinding(QStringLiteral("Enlarged Cardiomediastinum")),
                 std::vector<Observation>{Observation::EnlargedCardiomediastinum});
        QVERIFY(ui::observationsForFinding(QStringLiteral("normal")).empty());
        QVERIFY(ui::observationsForFinding(QStringLiteral("others")).empty());
        QVERIFY(ui::observationsForFinding(QStringLiteral("No Finding")).empty());
    }

    void sentencesThatContradictTheLabelsAreWarnings()
    {
        const inference::Draft draft = draftWith(
            {"The heart is normal in size.", "There is no pleural effusion.", "Small right pneumothorax.",
             "Possible left basilar atelectasis.", "No focal consolidation."},
            {{"pleural effusion", 0.92, true, {}}, {"pneumothorax", 0.10, false, {}}, {"atelectasis", 0.05, false, {}},
             {"cardiomegaly", 0.80, true, {}}, {"pneumonia", 0.70, true, {}}, {"others", 0.9, true, {}}});
        report::ReportContent content = report::reportContentFromDraft(draft);
        ConsistencyChecker checker;
        std::vector<ConsistencyWarning> warnings = checker.check(content, 0.5);
        // 2: "no pleural effusion" vs present; 3: pneumothorax vs absent; 1: "heart is normal" vs
        // cardiomegaly present; 5: "no consolidation" vs pneumonia present. The hedged
        // atelectasis (4) contradicts nothing.
        QStringList found;
        for (const ConsistencyWarning& warning : warnings)
            found << QStringLiteral("%1:%2").arg(warning.sentenceNumber).arg(warning.finding);
        QCOMPARE(found, (QStringList{"1:cardiomegaly", "2:pleural effusion", "3:pneumothorax", "5:pneumonia"}));
        const ConsistencyWarning& effusion = warnings[1];
        QCOMPARE(effusion.sentenceId, report::SentenceId(2));
        QCOMPARE(effusion.section, ReportSection::Findings);
        QVERIFY(!effusion.sentenceSaysPresent);
        QVERIFY(!effusion.corrected);
        QCOMPARE(effusion.message, QStringLiteral("Findings sentence 2 says no pleural effusion, but the model finds it present (0.92 ≥ 0.50)."));
        QCOMPARE(warnings[2].message, QStringLiteral("Findings sentence 3 says pneumothorax, but the model finds it absent (0.10 < 0.50)."));

        // Corrections win: effusion absent removes its warning; pneumothorax present removes that
        // one; cardiomegaly uncertain contradicts nothing. A rejected sentence is not checked.
        content.labels[0].status = FindingStatus::Absent;
        content.labels[1].status = FindingStatus::Present;
        content.labels[3].status = FindingStatus::Uncertain;
        content.findings[4].state = SentenceState::Rejected;
        QVERIFY(checker.check(content, 0.5).empty());

        // An Impression sentence against a corrected label names the annotator.
        report::ReportSentence impression;
        impression.id = 10;
        impression.text = QStringLiteral("Moderate pleural effusion.");
        content.impression.push_back(impression);
        warnings = checker.check(content, 0.5);
        QCOMPARE(warnings.size(), std::size_t{1});
        QCOMPARE(warnings[0].section, ReportSection::Impression);
        QCOMPARE(warnings[0].sentenceId, report::SentenceId(10));
        QVERIFY(warnings[0].corrected);
        QCOMPARE(warnings[0].message, QStringLiteral("Impression sentence 1 says pleural effusion, but an annotator marked it absent."));
    }

    void reportsSplitIntoSentences()
    {
        QCOMPARE(ui::splitReportSentences(QStringLiteral("Heart size is 1.2 cm. No effusion!\nLungs clear?  Stable")),
                 (QStringList{"Heart size is 1.2 cm.", "No effusion!", "Lungs clear?", "Stable"}));
        QVERIFY(ui::splitReportSentences(QStringLiteral("  \n ")).isEmpty());
    }

    void alternativesComeFromWordingsRetrievedReportsAndOtherModels()
    {
        inference::Draft draft = draftWith({"The heart is normal in size.", "No effusion."}, {});
        draft.sentences[0].alternatives = {"Heart size is normal.", "The heart is normal in size.", "Heart size is normal."};
        draft.retrievedReports = {{"R-1", "Normal heart size. No effusion.", 0.9}};
        auto other = std::make_shared<inference::Draft>(draftWith({"Cardiac silhouette within normal limits.", "No effusion."}, {}));
        other->model.bundleHash = std::string(64, 'c');
        other->model.name = "other-model";
        const auto own = std::make_shared<inference::Draft>(draft);
        const report::ReportContent content = report::reportContentFromDraft(draft);

        const std::vector<ui::SentenceAlternative> alternatives =
            ui::sentenceAlternatives(content.findings[0], draft, {own, other});
        QStringList texts;
        for (const ui::SentenceAlternative& alternative : alternatives)
            texts << alternative.source.originalText;
        // The sentence's own text and repeats are left out; the report's own draft is not "another model".
        QCOMPARE(texts, (QStringList{"Heart size is normal.", "Normal heart size.", "No effusion.", "Cardiac silhouette within normal limits."}));
        QCOMPARE(alternatives[0].origin, ui::SentenceAlternative::Origin::ModelWording);
        QCOMPARE(alternatives[0].source.kind, report::SentenceSource::Kind::ModelDraft);
        QCOMPARE(alternatives[0].source.sentenceIndex, 0); // shares the sentence's evidence
        QCOMPARE(alternatives[1].origin, ui::SentenceAlternative::Origin::RetrievedReport);
        QCOMPARE(alternatives[1].source.reportId, QStringLiteral("R-1"));
        QCOMPARE(alternatives[3].origin, ui::SentenceAlternative::Origin::OtherModel);
        QCOMPARE(alternatives[3].source.model.name, QStringLiteral("other-model"));

        // Provenance: the first sentence is the draft's sentence 0; a user sentence has none.
        QCOMPARE(ui::draftSentenceIndex(content.findings[0], draft), 0);
        QCOMPARE(ui::draftSentenceIndex(content.findings[1], draft), 1);
        report::ReportSentence typed;
        typed.text = QStringLiteral("Typed.");
        QCOMPARE(ui::draftSentenceIndex(typed, draft), -1);
        QCOMPARE(ui::draftSentenceIndex(content.findings[0], *other), -1);
    }
};

QTEST_GUILESS_MAIN(TestReportReviewLogic)
#include "test_report_review_logic.moc"
