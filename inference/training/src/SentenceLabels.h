#pragma once
// Which sentences of a report state an abnormal finding: the labels CVSE's sentence classifier
// trains on (CvseTrainer.cpp) and the filter behind data.reports "abnormal" (a baseline trained on
// the abnormal findings only, the paper's Hier-CNN-RNN "abnormal" comparison). Standard C++ only.
//
// The rule, in order (docs/MODELS.md § CVSE):
//   1. a sentence that is one of the phantom report writer's normal statements
//      (phantom/PhantomSentences.h), compared after cleaning, is normal;
//   2. otherwise it is abnormal when our labeler finds a positive or uncertain mention in it — of
//      an observation, or of a No Finding blocker such as "hyperinflated";
//   3. otherwise it is normal.
// On phantom reports this is exact: every sentence the writer produces is a normal statement (1)
// or the description of one finding of the study, which always mentions it positively or hedged
// (2) — SentenceLabelsTest checks it against the ground truth of generated studies. On other
// reports (IU X-ray, MIMIC-CXR) rule 2 is distant supervision by the labeler.

#include "FindingSentences.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace raddraft::labeler {
class Labeler;
}

namespace raddraft::training {

class SentenceLabeler {
public:
    explicit SentenceLabeler(inference::CleaningStyle style);
    ~SentenceLabeler();
    SentenceLabeler(const SentenceLabeler&) = delete;
    SentenceLabeler& operator=(const SentenceLabeler&) = delete;

    /// True when the sentence states an abnormal finding (the rule above).
    bool isAbnormal(const inference::FindingSentence& sentence) const;

    /// What the sentence states, as classes: the index in labeler::allObservations() of every
    /// observation the labeler finds positive or uncertain in it, and findingClassCount() − 1 for
    /// a positive No Finding blocker; sorted, unique. Empty for a normal sentence (isAbnormal is
    /// !statedFindings(sentence).empty()).
    std::vector<int> statedFindings(const inference::FindingSentence& sentence) const;
    /// The number of classes statedFindings uses (the labeler's observations + the blocker).
    static int findingClassCount();

    /// The report's abnormal sentences, readable and joined by single spaces, in report order;
    /// inference::kNoAbnormalFindingSentence when it has none.
    std::string abnormalFindings(const std::string& report) const;

private:
    inference::CleaningStyle m_style;
    std::set<std::string> m_normalStatements; ///< cleaned words joined by spaces
    std::unique_ptr<labeler::Labeler> m_labeler;
};

} // namespace raddraft::training
