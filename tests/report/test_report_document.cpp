// ReportDocument: every operation → exactly one event with the right fields; undo/redo → the
// inverse events; sign-off locks; replay of a long random session reproduces the document.

#include "ReportTestSupport.h"

#include "report/ReportDocument.h"
#include "report/ReportError.h"

#include <QJsonDocument>
#include <QtTest>

#include <functional>
#include <memory>
#include <random>

using namespace raddraft::report;
using namespace raddraft::report::testing;

namespace {

constexpr qint64 kStart = 1'700'000'000'000'000;

struct Session {
    std::unique_ptr<ReportDocument> document;
    std::vector<EditEvent> events;
};

Session newSession()
{
    Session session;
    session.document = std::make_unique<ReportDocument>(reportContentFromDraft(sampleDraft()));
    session.document->setUser(QStringLiteral("Dr Ada"));
    session.document->setClock(steppingClock(kStart, 1000));
    QObject::connect(session.document.get(), &ReportDocument::eventRecorded,
                     [events = &session.events](const EditEvent& event) { events->push_back(event); });
    return session;
}

EditChange change(EditKind kind, EditTarget target, SentenceId id, int position, const QString& before, const QString& after,
                  const QString& source = {}, ReportSection section = ReportSection::Findings)
{
    return {kind, target, section, id, position, before, after, source};
}

QString attributesOf(const ReportSentence& sentence)
{
    return QString::fromUtf8(QJsonDocument(sentenceAttributesToJson(sentence)).toJson(QJsonDocument::Compact));
}

/// Runs `operation`, expects ReportError with `code`, and checks nothing changed or was recorded.
void expectRefused(Session& session, ReportErrorCode code, const std::function<void()>& operation, const char* what)
{
    const QByteArray before = documentDigest(*session.document);
    const std::size_t eventsBefore = session.events.size();
    try {
        operation();
        QFAIL(qPrintable(QStringLiteral("not refused: %1").arg(QLatin1String(what))));
    } catch (const ReportError& error) {
        QVERIFY2(error.code() == code, what);
        QVERIFY2(!error.message().isEmpty(), what);
    }
    QCOMPARE(documentDigest(*session.document), before);
    QCOMPARE(session.events.size(), eventsBefore);
}

} // namespace

class TestReportDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsFromTheModelDraft()
    {
        const ReportContent content = reportContentFromDraft(sampleDraft());
        QCOMPARE(content.findings.size(), std::size_t(5));
        QVERIFY(content.impression.empty());
        QCOMPARE(content.model.name, QStringLiteral("baseline-test"));
        for (std::size_t i = 0; i < content.findings.size(); ++i) {
            const ReportSentence& sentence = content.findings[i];
            QCOMPARE(sentence.id, SentenceId(i + 1));
            QCOMPARE(sentence.source.kind, SentenceSource::Kind::ModelDraft);
            QCOMPARE(sentence.source.sentenceIndex, int(i));
            QCOMPARE(sentence.source.model, content.model);
            QCOMPARE(sentence.state, SentenceState::Pending);
            QCOMPARE(sentence.origin(), SentenceOrigin::AiUnchanged);
        }
        QCOMPARE(content.labels.size(), std::size_t(6));
        QCOMPARE(content.labels[1].name, QStringLiteral("pleural effusion"));
        QCOMPARE(content.labels[1].status, FindingStatus::Present);
        QCOMPARE(content.labels[0].status, FindingStatus::Absent);
        QVERIFY(!content.labels[0].isCorrected());
        QCOMPARE(content.finalText(), QStringLiteral("FINDINGS:\n") + QString::fromStdString(sampleDraft().text));
    }

    void textEditsRecordOneEventEach()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        document.insertText(3, 11, QStringLiteral("very "));
        document.deleteText(3, 0, 11);
        document.replaceText(3, 0, 4, QStringLiteral("Very"));
        QCOMPARE(document.sentence(3)->text, QStringLiteral("Very small left pleural effusion."));
        QCOMPARE(session.events.size(), std::size_t(3));
        QCOMPARE(session.events[0].change, change(EditKind::Insert, EditTarget::Text, 3, 11, {}, QStringLiteral("very ")));
        QCOMPARE(session.events[1].change, change(EditKind::Delete, EditTarget::Text, 3, 0, QStringLiteral("There is a "), {}));
        QCOMPARE(session.events[2].change, change(EditKind::Replace, EditTarget::Text, 3, 0, QStringLiteral("very"), QStringLiteral("Very")));
        for (std::size_t i = 0; i < session.events.size(); ++i) {
            QCOMPARE(session.events[i].sequence, qint64(i + 1));
            QCOMPARE(session.events[i].user, QStringLiteral("Dr Ada"));
            QCOMPARE(session.events[i].timestampMicroseconds, kStart + qint64(i) * 1000);
            QCOMPARE(session.events[i].cause, EditCause::Edit);
        }
        QCOMPARE(document.sentence(3)->origin(), SentenceOrigin::AiEdited);
        QCOMPARE(document.sentence(2)->origin(), SentenceOrigin::AiUnchanged);
        QCOMPARE(document.eventCount(), qint64(3));
    }

    void sentenceEditsRecordOneEventEach()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        const SentenceId written = document.insertSentence(ReportSection::Impression, 0, QStringLiteral("Small effusion."));
        QCOMPARE(written, SentenceId(6));
        const SentenceSource retrieved = SentenceSource::retrievedReport(QStringLiteral("CXR12"), QStringLiteral("No pneumothorax is seen."));
        const SentenceId inserted = document.insertAlternative(ReportSection::Findings, 1, retrieved);
        const ReportSentence removed = *document.sentence(2);
        document.deleteSentence(2);
        const ReportSentence replacedBefore = *document.sentence(4);
        const ModelReference other{QStringLiteral("ppked"), QStringLiteral("ppked-iu"), QStringLiteral("1.0"), QStringLiteral("f00")};
        document.replaceWithAlternative(4, SentenceSource::modelDraft(other, 3, QStringLiteral("No pneumothorax or effusion.")));

        QCOMPARE(session.events.size(), std::size_t(4));
        const ReportSentence& writtenSentence = *document.sentence(written);
        QCOMPARE(writtenSentence.origin(), SentenceOrigin::UserWritten);
        QCOMPARE(writtenSentence.state, SentenceState::Accepted);
        QCOMPARE(session.events[0].change, change(EditKind::Insert, EditTarget::Sentence, written, 0, {}, QStringLiteral("Small effusion."),
                                                  attributesOf(writtenSentence), ReportSection::Impression));
        const ReportSentence& insertedSentence = *document.sentence(inserted);
        QCOMPARE(insertedSentence.origin(), SentenceOrigin::InsertedFromAlternative);
        QCOMPARE(insertedSentence.source, retrieved);
        QCOMPARE(document.locate(inserted)->index, 1);
        QCOMPARE(session.events[1].change, change(EditKind::Insert, EditTarget::Sentence, inserted, 1, {}, retrieved.originalText,
                                                  attributesOf(insertedSentence)));
        QVERIFY(document.sentence(2) == nullptr);
        QCOMPARE(session.events[2].change, change(EditKind::Delete, EditTarget::Sentence, 2, 2, removed.text, {}, attributesOf(removed)));
        const ReportSentence& replaced = *document.sentence(4);
        QCOMPARE(replaced.text, QStringLiteral("No pneumothorax or effusion."));
        QCOMPARE(replaced.origin(), SentenceOrigin::InsertedFromAlternative);
        QCOMPARE(replaced.source.model, other);
        QCOMPARE(session.events[3].change, change(EditKind::Replace, EditTarget::Sentence, 4, 3, replacedBefore.text, replaced.text,
                                                  attributesOf(replaced)));
    }

    void reviewAndTagCorrectionsRecordEvents()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        document.accept(1);
        document.reject(3);
        document.accept(3);
        document.correctFinding(QStringLiteral("pleural effusion"), FindingStatus::Uncertain);
        QCOMPARE(session.events.size(), std::size_t(4));
        QCOMPARE(session.events[0].change, change(EditKind::Accept, EditTarget::Sentence, 1, 0, QStringLiteral("pending"), QStringLiteral("accepted")));
        QCOMPARE(session.events[1].change, change(EditKind::Reject, EditTarget::Sentence, 3, 2, QStringLiteral("pending"), QStringLiteral("rejected")));
        QCOMPARE(session.events[2].change, change(EditKind::Accept, EditTarget::Sentence, 3, 2, QStringLiteral("rejected"), QStringLiteral("accepted")));
        QCOMPARE(session.events[3].change, change(EditKind::TagCorrection, EditTarget::Finding, 0, 1, QStringLiteral("present"),
                                                  QStringLiteral("uncertain"), QStringLiteral("{\"finding\":\"pleural effusion\"}")));
        QCOMPARE(document.findingLabels()[1].status, FindingStatus::Uncertain);
        QVERIFY(document.findingLabels()[1].isCorrected());
        QCOMPARE(document.sentence(1)->state, SentenceState::Accepted);
    }

    void signOffRecordsTheFinalTextAndLocks()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        document.reject(2);
        document.insertSentence(ReportSection::Impression, 0, QStringLiteral("Small left pleural effusion."));
        const QString expected = QStringLiteral(
            "FINDINGS:\nThe heart is normal in size. There is a small left pleural effusion. No pneumothorax. "
            "The lungs are otherwise clear.\n\nIMPRESSION:\nSmall left pleural effusion.");
        QCOMPARE(document.finalText(), expected);
        QSignalSpy signedSpy(&document, &ReportDocument::signedOff);
        document.signOff();
        QCOMPARE(signedSpy.count(), 1);
        QCOMPARE(session.events.back().change, change(EditKind::Sign, EditTarget::Report, 0, -1, {}, expected));
        QVERIFY(document.isSigned());
        QCOMPARE(document.signedBy(), QStringLiteral("Dr Ada"));
        QCOMPARE(document.signedAtMicroseconds(), session.events.back().timestampMicroseconds);
        QVERIFY(!document.canUndo());

        const std::vector<std::pair<const char*, std::function<void()>>> operations = {
            {"insertText", [&] { document.insertText(1, 0, QStringLiteral("x")); }},
            {"deleteText", [&] { document.deleteText(1, 0, 1); }},
            {"replaceText", [&] { document.replaceText(1, 0, 1, QStringLiteral("x")); }},
            {"insertSentence", [&] { document.insertSentence(ReportSection::Findings, 0, QStringLiteral("x")); }},
            {"insertAlternative", [&] { document.insertAlternative(ReportSection::Findings, 0, SentenceSource::retrievedReport(QStringLiteral("r"), QStringLiteral("x"))); }},
            {"deleteSentence", [&] { document.deleteSentence(1); }},
            {"replaceWithAlternative", [&] { document.replaceWithAlternative(1, SentenceSource::retrievedReport(QStringLiteral("r"), QStringLiteral("x"))); }},
            {"accept", [&] { document.accept(1); }},
            {"reject", [&] { document.reject(1); }},
            {"correctFinding", [&] { document.correctFinding(QStringLiteral("edema"), FindingStatus::Present); }},
            {"signOff", [&] { document.signOff(); }},
            {"undo", [&] { document.undo(); }},
            {"redo", [&] { document.redo(); }},
        };
        for (const auto& [name, operation] : operations)
            expectRefused(session, ReportErrorCode::Signed, operation, name);
        try {
            document.accept(1);
        } catch (const ReportError& error) {
            QVERIFY2(error.message().contains(QStringLiteral("signed off by Dr Ada")), qPrintable(error.message()));
        }
    }

    void operationsThatChangeNothingRecordNothing()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        document.insertText(1, 0, {});
        document.deleteText(1, 3, 0);
        document.replaceText(1, 0, 3, QStringLiteral("The"));
        document.reject(1);
        document.reject(1);
        document.correctFinding(QStringLiteral("edema"), FindingStatus::Absent);
        document.undo();
        document.undo();
        document.redo();
        document.redo();
        QCOMPARE(session.events.size(), std::size_t(3)); // reject, undo, redo
        QCOMPARE(session.events[1].cause, EditCause::Undo);
        QCOMPARE(session.events[2].cause, EditCause::Redo);
    }

    void refusedOperationsChangeNothing()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        document.insertText(1, 0, QStringLiteral("\U0001FAC1 ")); // a surrogate pair at 0..1
        const auto invalid = ReportErrorCode::InvalidArgument;
        expectRefused(session, invalid, [&] { document.insertText(99, 0, QStringLiteral("x")); }, "unknown sentence");
        expectRefused(session, invalid, [&] { document.insertText(1, -1, QStringLiteral("x")); }, "negative position");
        expectRefused(session, invalid, [&] { document.insertText(1, 1000, QStringLiteral("x")); }, "position past the end");
        expectRefused(session, invalid, [&] { document.deleteText(1, 5, 1000); }, "range past the end");
        expectRefused(session, invalid, [&] { document.insertText(1, 1, QStringLiteral("x")); }, "inside a surrogate pair");
        expectRefused(session, invalid, [&] { document.deleteText(1, 0, 1); }, "half a surrogate pair");
        expectRefused(session, invalid, [&] { document.insertSentence(ReportSection::Impression, 1, QStringLiteral("x")); }, "sentence index");
        expectRefused(session, invalid, [&] { document.insertAlternative(ReportSection::Findings, 0, SentenceSource::user()); }, "user alternative");
        expectRefused(session, invalid, [&] { document.correctFinding(QStringLiteral("fracture"), FindingStatus::Present); }, "unknown finding");
        document.setUser({});
        expectRefused(session, invalid, [&] { document.accept(1); }, "no user");
    }

    void undoAndRedoRecordTheInverseEvents()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        document.replaceText(4, 0, 2, QStringLiteral("Small"));
        document.deleteSentence(5);
        document.correctFinding(QStringLiteral("edema"), FindingStatus::Present);
        document.accept(1);
        for (int i = 0; i < 4; ++i)
            document.undo();
        QCOMPARE(document.content().findings, reportContentFromDraft(sampleDraft()).findings);
        QCOMPARE(document.content().labels, reportContentFromDraft(sampleDraft()).labels);
        QCOMPARE(document.sentence(4)->origin(), SentenceOrigin::AiUnchanged); // back to the model's text
        document.redo();
        document.redo();

        QCOMPARE(session.events.size(), std::size_t(10));
        const auto& e = session.events;
        QCOMPARE(e[4].cause, EditCause::Undo);
        QCOMPARE(e[4].change, change(EditKind::Accept, EditTarget::Sentence, 1, 0, QStringLiteral("accepted"), QStringLiteral("pending")));
        QCOMPARE(e[5].change, change(EditKind::TagCorrection, EditTarget::Finding, 0, 5, QStringLiteral("present"), QStringLiteral("absent"),
                                     QStringLiteral("{\"finding\":\"edema\"}")));
        const ReportSentence lastSentence = reportContentFromDraft(sampleDraft()).findings[4];
        QCOMPARE(e[6].change, change(EditKind::Insert, EditTarget::Sentence, 5, 4, {}, lastSentence.text, attributesOf(lastSentence)));
        QCOMPARE(e[7].change, change(EditKind::Replace, EditTarget::Text, 4, 0, QStringLiteral("Small"), QStringLiteral("No")));
        QCOMPARE(e[8].cause, EditCause::Redo);
        QCOMPARE(e[8].change, e[0].change);
        QCOMPARE(e[9].change, e[1].change);
        QCOMPARE(document.sentence(4)->text, QStringLiteral("Small pneumothorax."));
        QVERIFY(document.canUndo());
        QVERIFY(document.canRedo());
        document.insertText(1, 0, QStringLiteral("x")); // a new edit drops the redo steps
        QVERIFY(!document.canRedo());
    }

    void typingAndBackspaceAreOneUndoStepPerWord()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        const QString typed = QStringLiteral("no acute");
        for (int i = 0; i < typed.size(); ++i)
            document.insertText(4, i, typed.mid(i, 1));
        QCOMPARE(document.sentence(4)->text, QStringLiteral("no acuteNo pneumothorax."));
        QCOMPARE(session.events.size(), std::size_t(8)); // one event per key
        QCOMPARE(document.history().undoCount(), 2);     // "no " and "acute"
        document.undo();
        QCOMPARE(session.events.back().change, change(EditKind::Delete, EditTarget::Text, 4, 3, QStringLiteral("acute"), {}));
        QCOMPARE(document.sentence(4)->text, QStringLiteral("no No pneumothorax."));
        document.undo();
        QCOMPARE(document.sentence(4)->text, QStringLiteral("No pneumothorax."));

        // Backspace three times from the end of "No", then Delete twice at the same place.
        document.deleteText(4, 1, 1);
        document.deleteText(4, 0, 1);
        document.deleteText(4, 0, 1);
        document.deleteText(4, 0, 1);
        QCOMPARE(document.sentence(4)->text, QStringLiteral("neumothorax."));
        document.undo();
        QCOMPARE(session.events.back().change, change(EditKind::Insert, EditTarget::Text, 4, 0, {}, QStringLiteral("No p")));
        QCOMPARE(document.sentence(4)->text, QStringLiteral("No pneumothorax."));
    }

    void replayReproducesARandomSession()
    {
        Session session = newSession();
        std::mt19937 random(20240607);
        while (session.events.size() < 500)
            applyRandomEdit(*session.document, random);
        session.document->signOff();

        std::vector<int> kinds(7, 0), causes(3, 0);
        for (const EditEvent& event : session.events) {
            ++kinds[std::size_t(event.change.kind)];
            ++causes[std::size_t(event.cause)];
        }
        for (std::size_t kind = 0; kind < kinds.size(); ++kind)
            QVERIFY2(kinds[kind] > 0, qPrintable(editKindName(EditKind(kind))));
        for (std::size_t cause = 0; cause < causes.size(); ++cause)
            QVERIFY2(causes[cause] > 0, qPrintable(editCauseName(EditCause(cause))));

        ReportDocument replayed(reportContentFromDraft(sampleDraft()));
        QSignalSpy recorded(&replayed, &ReportDocument::eventRecorded);
        for (const EditEvent& event : session.events)
            replayed.replay(event);
        QCOMPARE(recorded.count(), 0); // replay does not log again
        QCOMPARE(replayed.content(), session.document->content());
        QCOMPARE(replayed.finalText(), session.document->finalText());
        QCOMPARE(replayed.eventCount(), qint64(session.events.size()));
        QVERIFY(replayed.isSigned());
        QCOMPARE(replayed.signedBy(), session.document->signedBy());
        QCOMPARE(replayed.signedAtMicroseconds(), session.document->signedAtMicroseconds());
        QCOMPARE(documentDigest(replayed), documentDigest(*session.document));
    }

    void replayRestoresTheUndoHistory()
    {
        Session session = newSession();
        std::mt19937 random(7);
        while (session.events.size() < 200)
            applyRandomEdit(*session.document, random);
        ReportDocument replayed(reportContentFromDraft(sampleDraft()));
        for (const EditEvent& event : session.events)
            replayed.replay(event);
        QCOMPARE(replayed.history().undoCount(), session.document->history().undoCount());
        QCOMPARE(replayed.history().redoCount(), session.document->history().redoCount());
        replayed.setUser(QStringLiteral("Dr Ada"));
        std::vector<EditEvent> replayedEvents;
        connect(&replayed, &ReportDocument::eventRecorded, [&](const EditEvent& event) { replayedEvents.push_back(event); });
        const std::size_t before = session.events.size();
        for (int i = 0; i < 5 && session.document->canUndo(); ++i) {
            session.document->undo();
            replayed.undo();
        }
        QCOMPARE(replayedEvents.size(), session.events.size() - before);
        for (std::size_t i = 0; i < replayedEvents.size(); ++i)
            QCOMPARE(replayedEvents[i].change, session.events[before + i].change);
        QCOMPARE(replayed.content(), session.document->content());
    }

    void replayRefusesEventsThatDoNotReproduce()
    {
        Session session = newSession();
        session.document->insertText(1, 0, QStringLiteral("x"));
        session.document->accept(2);

        const auto expectMismatch = [](const std::vector<EditEvent>& events) {
            ReportDocument replayed(reportContentFromDraft(sampleDraft()));
            try {
                for (const EditEvent& event : events)
                    replayed.replay(event);
            } catch (const ReportError& error) {
                return error.code() == ReportErrorCode::ReplayMismatch;
            }
            return false;
        };
        QVERIFY(!expectMismatch(session.events));
        std::vector<EditEvent> tampered = session.events;
        tampered[0].change.before = QStringLiteral("T"); // claims to have replaced a character
        QVERIFY(expectMismatch(tampered));
        tampered = session.events;
        tampered[0].change.sentenceId = 42; // no such sentence
        QVERIFY(expectMismatch(tampered));
        tampered = session.events;
        tampered[1].change.before = QStringLiteral("rejected");
        QVERIFY(expectMismatch(tampered));
        tampered = session.events;
        tampered[1].sequence = 5;
        QVERIFY(expectMismatch(tampered));
        tampered = session.events;
        tampered[1].cause = EditCause::Redo;
        QVERIFY(expectMismatch(tampered));
        tampered = session.events;
        tampered.erase(tampered.begin());
        QVERIFY(expectMismatch(tampered));
    }

    void contentRoundTripsThroughJson()
    {
        Session session = newSession();
        std::mt19937 random(3);
        for (int i = 0; i < 100; ++i)
            applyRandomEdit(*session.document, random);
        const ReportContent& content = session.document->content();
        QCOMPARE(ReportContent::fromJson(content.toJson()), content);
        QVERIFY_THROWS_EXCEPTION(ReportError, ReportContent::fromJson(QJsonObject{{QStringLiteral("model"), 3}}));
    }

    void signalsSeeTheUpdatedDocument()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        QStringList seen;
        connect(&document, &ReportDocument::eventRecorded, [&](const EditEvent& event) {
            seen << QStringLiteral("event %1").arg(event.sequence);
        });
        connect(&document, &ReportDocument::sentenceInserted, [&](ReportSection section, int index, SentenceId id) {
            QCOMPARE(document.sentences(section)[std::size_t(index)].id, id);
            seen << QStringLiteral("inserted %1").arg(id);
        });
        connect(&document, &ReportDocument::sentenceRemoved, [&](ReportSection section, int index, SentenceId id) {
            QVERIFY(document.sentence(id) == nullptr);
            QVERIFY(index <= int(document.sentences(section).size()));
            seen << QStringLiteral("removed %1").arg(id);
        });
        connect(&document, &ReportDocument::sentenceChanged, [&](SentenceId id) { seen << QStringLiteral("changed %1").arg(id); });
        connect(&document, &ReportDocument::findingLabelChanged, [&](const QString& name) {
            seen << name + QLatin1Char(':') + findingStatusName(document.findingLabels()[0].status);
        });
        connect(&document, &ReportDocument::historyChanged, [&] {
            seen << QStringLiteral("history %1/%2").arg(document.canUndo()).arg(document.canRedo());
        });
        connect(&document, &ReportDocument::signedOff, [&] {
            QVERIFY(document.isSigned());
            seen << QStringLiteral("signed");
        });
        const SentenceId id = document.insertSentence(ReportSection::Impression, 0, QStringLiteral("Normal."));
        document.insertText(id, 0, QStringLiteral("Quite "));
        document.correctFinding(QStringLiteral("cardiomegaly"), FindingStatus::Uncertain);
        document.undo();
        document.deleteSentence(id);
        document.signOff();
        QCOMPARE(seen, (QStringList{QStringLiteral("event 1"), QStringLiteral("inserted 6"), QStringLiteral("history 1/0"),
                                    QStringLiteral("event 2"), QStringLiteral("changed 6"), QStringLiteral("history 1/0"),
                                    QStringLiteral("event 3"), QStringLiteral("cardiomegaly:uncertain"), QStringLiteral("history 1/0"),
                                    QStringLiteral("event 4"), QStringLiteral("cardiomegaly:absent"), QStringLiteral("history 1/1"),
                                    QStringLiteral("event 5"), QStringLiteral("removed 6"), QStringLiteral("history 1/0"),
                                    QStringLiteral("event 6"), QStringLiteral("signed"), QStringLiteral("history 0/0")}));
    }

    void finalTextLeavesOutRejectedAndBlankSentences()
    {
        Session session = newSession();
        ReportDocument& document = *session.document;
        for (SentenceId id = 1; id <= 5; ++id)
            document.reject(id);
        QCOMPARE(document.finalText(), QString());
        document.insertSentence(ReportSection::Impression, 0, QStringLiteral("   "));
        document.insertSentence(ReportSection::Impression, 1, QStringLiteral(" Normal chest. "));
        QCOMPARE(document.finalText(), QStringLiteral("IMPRESSION:\nNormal chest."));
    }
};

QTEST_GUILESS_MAIN(TestReportDocument)
#include "test_report_document.moc"
