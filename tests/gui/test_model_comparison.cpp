// "Compare models": the labeler's reading of several drafts and where they disagree (logic), and
// the dialog on the bundled sample study with two tiny random bundles made at test time: both
// draft off the UI thread into the workstation's repository, the table has a column per model and
// a row per finding, a second comparison answers from the repository, and Cancel stops the models
// not yet run.

#include "DraftingController.h"
#include "DraftingWorkspace.h"
#include "MainWindow.h"
#include "ModelComparison.h"
#include "ModelComparisonDialog.h"
#include "ModelSelector.h"
#include "inference/Bundle.h"

#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace raddraft;
using labeler::LabelValue;
using labeler::Observation;

namespace {

QString sourceDir() { return qEnvironmentVariable("RADDRAFT_SOURCE_DIR"); }

void createBundle(const QString& directory, const char* name, std::uint64_t seed)
{
    inference::BundleSpec spec;
    spec.modelType = "transformer";
    spec.name = name;
    spec.hyperParametersJson = R"({"visual_extractor": "resnet18", "d_model": 32, "num_heads": 4, "num_layers": 1, "d_ff": 64, "max_length": 16})";
    spec.vocabulary = {".", "<unk>", "are", "clear", "effusion", "heart", "is", "lungs", "no", "normal", "pleural", "size", "small", "the"};
    spec.knowledgeGraphFile = (sourceDir() + QStringLiteral("/resources/knowledge_graph/chest.json")).toStdString();
    spec.imageSize = 64;
    spec.seed = seed;
    inference::createRandomBundle(spec, directory.toStdString());
}

const ui::ComparisonRow* rowOf(const std::vector<ui::ComparisonRow>& rows, Observation observation)
{
    for (const ui::ComparisonRow& row : rows)
        if (row.observation == observation)
            return &row;
    return nullptr;
}

} // namespace

class TestModelComparison : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_work;

    struct Workstation {
        ui::MainWindow window;
        ui::DraftingWorkspace workspace{&window};
    };

    bool openSample(Workstation& station)
    {
        station.workspace.setModelFolders({{m_work.filePath(QStringLiteral("models")), QStringLiteral("built-in")}});
        inference::PipelineOptions options = station.workspace.controller()->pipelineOptions();
        options.device = inference::DevicePreference::Cpu;
        options.minLength = 4;
        station.workspace.controller()->setPipelineOptions(options);
        station.window.show();
        QSignalSpy displayed(&station.window, &ui::MainWindow::studyDisplayed);
        station.window.openPath(sourceDir() + QStringLiteral("/resources/samples/phantom-cardiomegaly-effusion"));
        return displayed.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RadDraftComparisonTest"));
        QVERIFY(m_work.isValid());
        createBundle(m_work.filePath(QStringLiteral("models/first")), "first comparison model", 3);
        createBundle(m_work.filePath(QStringLiteral("models/second")), "second comparison model", 4);
    }

    void init() { QSettings().clear(); }

    void disagreementsComeFirstAndAgreementIsKept()
    {
        const ui::ModelComparison comparison;
        const std::vector<ui::ComparisonRow> rows = comparison.compare(
            {QStringLiteral("Small left pleural effusion. No pneumothorax. Heart size is normal."),
             QStringLiteral("No pleural effusion. No pneumothorax. The heart is enlarged.")});
        const ui::ComparisonRow* effusion = rowOf(rows, Observation::PleuralEffusion);
        const ui::ComparisonRow* pneumothorax = rowOf(rows, Observation::Pneumothorax);
        const ui::ComparisonRow* heart = rowOf(rows, Observation::Cardiomegaly);
        QVERIFY(effusion && pneumothorax && heart);
        QCOMPARE(effusion->values, (std::vector<LabelValue>{LabelValue::Positive, LabelValue::Negative}));
        QVERIFY(effusion->disagreement);
        QVERIFY(heart->disagreement);
        QCOMPARE(pneumothorax->values, (std::vector<LabelValue>{LabelValue::Negative, LabelValue::Negative}));
        QVERIFY(!pneumothorax->disagreement);
        QVERIFY(!rowOf(rows, Observation::Edema)); // nobody mentions it
        // Disagreements first.
        bool seenAgreement = false;
        for (const ui::ComparisonRow& row : rows) {
            QVERIFY(!(seenAgreement && row.disagreement));
            seenAgreement = seenAgreement || !row.disagreement;
        }
    }

    void notMentioningIsAbsentAndHedgingIsItsOwnVerdict()
    {
        const ui::ModelComparison comparison;
        std::vector<ui::ComparisonRow> rows =
            comparison.compare({QStringLiteral("No pleural effusion."), QStringLiteral("The lungs are clear.")});
        QVERIFY(!rowOf(rows, Observation::PleuralEffusion)->disagreement); // negated vs not stated: both absent
        rows = comparison.compare({QStringLiteral("Possible small pleural effusion."), QStringLiteral("Small pleural effusion.")});
        QCOMPARE(rowOf(rows, Observation::PleuralEffusion)->values[0], LabelValue::Uncertain);
        QVERIFY(rowOf(rows, Observation::PleuralEffusion)->disagreement);
        // A model without a draft has no opinion.
        rows = comparison.compare({QStringLiteral("Small pleural effusion."), QString()});
        QVERIFY(!rowOf(rows, Observation::PleuralEffusion)->disagreement);
        QCOMPARE(comparison.mentionedIn(QStringLiteral("Small right pleural effusion.")),
                 (std::vector<Observation>{Observation::PleuralEffusion}));
        QVERIFY(comparison.mentionedIn(QStringLiteral("The heart is normal in size.")) ==
                std::vector<Observation>{Observation::Cardiomegaly});
    }

    void everyModelDraftsSideBySideAndTheRepositoryKeepsThem()
    {
        Workstation station;
        QVERIFY(openSample(station));
        QCOMPARE(station.workspace.modelSelector()->bundles().size(), std::size_t{2});
        ui::ModelComparisonDialog* dialog = station.workspace.compareModels();
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &ui::ModelComparisonDialog::comparisonFinished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog->modelCount(), 2);
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(dialog->draft(i), qPrintable(dialog->problem(i)));
            QVERIFY(!dialog->fromCache(i));
            QVERIFY(!dialog->draft(i)->text.empty());
            // The column shows the model's sentences.
            QCOMPARE(dialog->draftView(i)->toPlainText().simplified(), QString::fromStdString(dialog->draft(i)->text).simplified());
        }
        QCOMPARE(dialog->findingsTable()->columnCount(), 2);
        QCOMPARE(dialog->findingsTable()->rowCount(), static_cast<int>(dialog->rows().size()));
        QCOMPARE(dialog->findingsTable()->horizontalHeaderItem(0)->text(), QStringLiteral("first comparison model"));
        // The rows are the labeler's reading of the drafts shown.
        const ui::ModelComparison comparison;
        const auto expected = comparison.compare({QString::fromStdString(dialog->draft(0)->text), QString::fromStdString(dialog->draft(1)->text)});
        QCOMPARE(dialog->rows().size(), expected.size());
        for (std::size_t r = 0; r < expected.size(); ++r) {
            QCOMPARE(dialog->rows()[r].observation, expected[r].observation);
            QCOMPARE(dialog->rows()[r].disagreement, expected[r].disagreement);
        }
        // Stored per study and bundle: the workstation's own drafting finds them.
        const QString study = station.workspace.currentStudyKey();
        for (const ui::InstalledBundle& bundle : station.workspace.modelSelector()->bundles())
            QVERIFY(station.workspace.controller()->repository().find(study, bundle.bundleHash()));
        dialog->close();

        // A second comparison answers from the repository at once.
        dialog = station.workspace.compareModels();
        QVERIFY(dialog);
        QSignalSpy again(dialog, &ui::ModelComparisonDialog::comparisonFinished);
        QVERIFY(again.count() == 1 || again.wait(10000));
        QVERIFY(dialog->fromCache(0) && dialog->fromCache(1));
        dialog->close();
    }

    void cancelStopsTheModelsNotYetRun()
    {
        Workstation station;
        QVERIFY(openSample(station));
        ui::ModelComparisonDialog* dialog = station.workspace.compareModels();
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &ui::ModelComparisonDialog::comparisonFinished);
        dialog->cancel();
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        QVERIFY(!dialog->isRunning());
        QVERIFY(!dialog->draft(1));
        QCOMPARE(dialog->problem(1), ui::ModelComparisonDialog::tr("Not run (cancelled)."));
        dialog->close();
    }

    void withoutAStudyThereIsNothingToCompare()
    {
        ui::MainWindow window;
        ui::DraftingWorkspace workspace(&window);
        workspace.setModelFolders({{m_work.filePath(QStringLiteral("models")), QStringLiteral("built-in")}});
        QTimer::singleShot(0, [] {
            for (QWidget* widget : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(widget))
                    box->accept();
        });
        QVERIFY(!workspace.compareModels());
    }
};

QTEST_MAIN(TestModelComparison)
#include "test_model_comparison.moc"
