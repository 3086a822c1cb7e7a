#pragma once
// The state of a draft report at one moment: the Findings and Impression sections (lists of
// sentences) and the finding labels. A ReportDocument starts from one ReportContent and changes
// it only through logged operations.

#include "report/FindingLabel.h"
#include "report/ReportSentence.h"
#include "report/SentenceSource.h"

#include "inference/Draft.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace raddraft::report {

struct ReportContent {
    ModelReference model;                  ///< the model whose draft this report started from (may be empty)
    std::vector<ReportSentence> findings;  ///< the Findings section, in reading order
    std::vector<ReportSentence> impression;///< the Impression section, in reading order
    std::vector<FindingLabel> labels;      ///< one per finding of the draft, in the draft's order

    std::vector<ReportSentence>& sentences(ReportSection section)
    {
        return section == ReportSection::Findings ? findings : impression;
    }
    const std::vector<ReportSentence>& sentences(ReportSection section) const
    {
        return section == ReportSection::Findings ? findings : impression;
    }

    /// The report as signed: "FINDINGS:\n<sentences>" and "IMPRESSION:\n<sentences>" separated by
    /// a blank line. Sentences are the non-rejected, non-blank ones, trimmed, joined by one space;
    /// a section with none is left out; "" when nothing is left.
    QString finalText() const;
    /// The largest sentence id in either section (0 when there is none).
    SentenceId largestSentenceId() const;

    /// Every field, as JSON ({"model", "findings": [...], "impression": [...], "labels": [...]});
    /// compact serialisation of it is canonical (QJsonObject keys are sorted), so two contents
    /// are equal exactly when their JSON is.
    QJsonObject toJson() const;
    /// Throws ReportError(InvalidData) naming the field when `json` does not fit.
    static ReportContent fromJson(const QJsonObject& json);

    bool operator==(const ReportContent& other) const;
    bool operator!=(const ReportContent& other) const { return !(*this == other); }
};

/// The report a model draft starts: every draft sentence in Findings (ids 1..n in order, source
/// ModelDraft with its index, state Pending), Impression empty (the models write findings only),
/// one label per draft finding with the model's decision as its status.
ReportContent reportContentFromDraft(const inference::Draft& draft);

QJsonObject sentenceToJson(const ReportSentence& sentence);
ReportSentence sentenceFromJson(const QJsonObject& json);
QJsonObject findingLabelToJson(const FindingLabel& label);
FindingLabel findingLabelFromJson(const QJsonObject& json);

} // namespace raddraft::report
