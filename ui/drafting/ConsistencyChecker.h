#pragma once
// Consistency of a report's text with its findings: the labeler (inference/labeler) reads each
// sentence, and a sentence that states a finding present while the finding's label is absent,
// or absent while it is present, is a warning. The label is the model's decision (probability ≥
// the bundle's threshold) unless an annotator corrected it; corrections win. Uncertain labels and
// hedged sentences ("may represent effusion") never warn: they contradict nothing.
//
// Logic only (no widgets). Sentences are labelled one at a time and remembered by their text, so
// checking again after a keystroke labels just the sentence that changed (tens of microseconds).

#include "report/ReportContent.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace raddraft::labeler {
class Labeler;
class ReportLabels;
} // namespace raddraft::labeler

namespace raddraft::ui {

struct ConsistencyWarning {
    report::SentenceId sentenceId = 0;
    report::ReportSection section = report::ReportSection::Findings;
    int sentenceNumber = 0;          ///< 1-based position in its section
    QString finding;                 ///< the finding's name as the draft gives it
    report::FindingStatus label = report::FindingStatus::Present; ///< the finding's current label
    bool corrected = false;          ///< the label was set by an annotator
    double probability = 0.0;        ///< the model's probability for the finding
    bool sentenceSaysPresent = false;///< what the sentence states (the opposite of the label)
    QString message;                 ///< one line for the user, naming the sentence and the finding

    bool operator==(const ConsistencyWarning& other) const;
    bool operator!=(const ConsistencyWarning& other) const { return !(*this == other); }
};

class ConsistencyChecker {
public:
    ConsistencyChecker();
    ~ConsistencyChecker();
    ConsistencyChecker(const ConsistencyChecker&) = delete;
    ConsistencyChecker& operator=(const ConsistencyChecker&) = delete;

    /// The warnings of `content` in reading order (Findings then Impression, sentence order, the
    /// labels' order within a sentence). Rejected sentences are not part of the report and are
    /// not checked. `threshold` is the bundle's decision threshold, quoted in the messages.
    std::vector<ConsistencyWarning> check(const report::ReportContent& content, double threshold);

private:
    const labeler::ReportLabels& labelsOf(const QString& sentence);

    std::unique_ptr<labeler::Labeler> m_labeler;
    QHash<QString, std::shared_ptr<const labeler::ReportLabels>> m_labelled; ///< sentence text → its labels
};

} // namespace raddraft::ui
