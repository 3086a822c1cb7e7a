#include "SentenceLabels.h"

#include "labeler/Labeler.h"
#include "phantom/PhantomSentences.h"

#include <algorithm>

namespace raddraft::training {
namespace {

std::string joinedWords(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
    return text;
}

} // namespace

SentenceLabeler::SentenceLabeler(inference::CleaningStyle style)
    : m_style(style), m_labeler(std::make_unique<labeler::Labeler>()) {
    for (const std::string& statement : phantom::normalStatementSentences()) {
        for (const inference::FindingSentence& sentence : inference::reportSentences(statement, style)) {
            m_normalStatements.insert(joinedWords(sentence.words));
        }
    }
}

SentenceLabeler::~SentenceLabeler() = default;

int SentenceLabeler::findingClassCount() { return labeler::kObservationCount + 1; }

std::vector<int> SentenceLabeler::statedFindings(const inference::FindingSentence& sentence) const {
    std::vector<int> classes;
    if (m_normalStatements.count(joinedWords(sentence.words)) > 0) return classes;
    const auto& observations = labeler::allObservations();
    for (const labeler::LabeledMention& mention : m_labeler->findMentions(sentence.text)) {
        if (mention.observation == labeler::Observation::NoFinding) continue;
        if (mention.status != labeler::MentionStatus::Positive && mention.status != labeler::MentionStatus::Uncertain) continue;
        classes.push_back(mention.observation
                              ? int(std::find(observations.begin(), observations.end(), *mention.observation) - observations.begin())
                              : findingClassCount() - 1);
    }
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    return classes;
}

bool SentenceLabeler::isAbnormal(const inference::FindingSentence& sentence) const { return !statedFindings(sentence).empty(); }

std::string SentenceLabeler::abnormalFindings(const std::string& report) const {
    std::string text;
    for (const inference::FindingSentence& sentence : inference::reportSentences(report, m_style)) {
        if (isAbnormal(sentence)) text += (text.empty() ? "" : " ") + sentence.text;
    }
    return text.empty() ? std::string(inference::kNoAbnormalFindingSentence) : text;
}

} // namespace raddraft::training
