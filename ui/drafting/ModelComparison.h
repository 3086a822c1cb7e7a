#pragma once
// What several models' drafts of one study say about each finding, read by the report labeler
// (inference/labeler), and where they disagree: the logic behind "Compare models" (no widgets).
//
// A draft's text is labelled as a whole report. Per observation a draft's verdict is Present
// (positive mention), Uncertain (hedged mention) or Absent (negated or not mentioned: a report
// that does not state a finding reports it absent). Drafts disagree on an observation when their
// verdicts differ; observations no draft mentions are left out.

#include "labeler/Aggregation.h"
#include "labeler/Observation.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace raddraft::labeler {
class Labeler;
}

namespace raddraft::ui {

enum class ComparedVerdict { Absent, Uncertain, Present };

/// Absent for Blank and Negative (see the header comment).
ComparedVerdict verdictOf(labeler::LabelValue value);

struct ComparisonRow {
    labeler::Observation observation = labeler::Observation::NoFinding;
    QString name;                                ///< the labeler's name ("Pleural Effusion"), translated for display
    std::vector<labeler::LabelValue> values;     ///< one per draft, in the drafts' order
    bool disagreement = false;                   ///< the drafts' verdicts differ
};

class ModelComparison {
public:
    ModelComparison();
    ~ModelComparison();
    ModelComparison(const ModelComparison&) = delete;
    ModelComparison& operator=(const ModelComparison&) = delete;

    /// One row per observation mentioned by at least one of `reportTexts`: disagreements first,
    /// then in the labeler's observation order. An empty text (a model that failed) is skipped
    /// when deciding disagreement; its values are Blank.
    std::vector<ComparisonRow> compare(const QStringList& reportTexts) const;
    /// The observations one sentence mentions (any value but Blank; not No Finding), in the
    /// labeler's order.
    std::vector<labeler::Observation> mentionedIn(const QString& sentence) const;

private:
    std::unique_ptr<labeler::Labeler> m_labeler;
};

} // namespace raddraft::ui
