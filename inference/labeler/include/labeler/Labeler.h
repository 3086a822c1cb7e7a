#pragma once
// The CheXpert-style rule labeler: report text → one value per observation (Observation.h).
//
//   Labeler labeler;
//   ReportLabels labels = labeler.label("Mild cardiomegaly. No pleural effusion.");
//   labels.value(Observation::Cardiomegaly);    // LabelValue::Positive
//   labels.value(Observation::PleuralEffusion); // LabelValue::Negative

#include "labeler/Aggregation.h"
#include "labeler/MentionClassifier.h"
#include "labeler/PhraseMatcher.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace raddraft::labeler {

struct LabelerOptions {
    ScopeLimits scope; ///< how far negation and uncertainty rules look (MentionClassifier.h)
    std::size_t organQualifierWordsBefore = 3; ///< "normal heart size", "mildly enlarged heart"
    std::size_t organQualifierWordsAfter = 6;  ///< "the heart size is within normal limits"
};

/// One mention found in a report, with its classification.
struct LabeledMention {
    std::optional<Observation> observation; ///< nullopt: a No Finding blocker
    std::size_t sentence = 0;               ///< index into splitSentences(text)
    TokenSpan span;                         ///< the mention (an organ mention includes its qualifier)
    MentionStatus status = MentionStatus::Positive;
};

/// Immutable after construction; label() may be called from several threads at once.
class Labeler {
public:
    explicit Labeler(LabelerOptions options = {});
    ~Labeler();
    Labeler(const Labeler&) = delete;
    Labeler& operator=(const Labeler&) = delete;

    /// The labels of one report (findings and/or impression text). Never throws for any text.
    ReportLabels label(const std::string& text) const;

    /// The mentions behind label(), in text order; for inspection and tests.
    std::vector<LabeledMention> findMentions(const std::string& text) const;

private:
    struct CompiledObservation;
    LabelerOptions options_;
    std::vector<CompiledObservation> observations_;
    std::vector<Phrase> blockers_;
    std::vector<Phrase> normalQualifiers_;
};

} // namespace raddraft::labeler
