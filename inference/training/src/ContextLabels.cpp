#include "ContextLabels.h"

#include "labeler/Labeler.h"
#include "labeler/ReportText.h"

#include <algorithm>
#include <sstream>

namespace raddraft::training {
namespace {

std::optional<std::size_t> indexOf(const std::vector<std::string>& items, const std::string& item) {
    const auto found = std::find(items.begin(), items.end(), item);
    if (found == items.end()) return std::nullopt;
    return std::size_t(found - items.begin());
}

// The distinct words of `words` that are context words, in contextWords order.
std::vector<std::string> orderedContextWords(const std::vector<std::string>& words, const std::vector<std::string>& contextWords) {
    std::vector<std::string> kept;
    for (const std::string& candidate : contextWords) {
        if (std::find(words.begin(), words.end(), candidate) != words.end()) kept.push_back(candidate);
    }
    return kept;
}

} // namespace

std::optional<ContextLabel> parseContextLabel(const std::string& key, const std::vector<std::string>& labels,
                                              const std::vector<std::string>& contextWords) {
    const std::size_t bar = key.find('|');
    const std::optional<std::size_t> label = indexOf(labels, key.substr(0, bar));
    if (!label) return std::nullopt;
    std::vector<std::string> words;
    if (bar != std::string::npos) {
        std::string rest = key.substr(bar + 1);
        std::replace(rest.begin(), rest.end(), '|', ' ');
        std::istringstream stream(rest);
        for (std::string word; stream >> word;) {
            if (indexOf(contextWords, word) && !indexOf(words, word)) words.push_back(word);
        }
    }
    return ContextLabel{*label, words};
}

std::vector<ContextLabel> mineContextLabels(const labeler::Labeler& reportLabeler, const std::string& report,
                                            const std::vector<std::string>& labels, const std::vector<std::string>& contextWords) {
    const std::vector<labeler::Sentence> sentences = labeler::splitSentences(report);
    std::vector<ContextLabel> mined;
    for (const labeler::LabeledMention& mention : reportLabeler.findMentions(report)) {
        if (!mention.observation || mention.status != labeler::MentionStatus::Positive) continue;
        const std::optional<std::size_t> label =
            indexOf(labels, graphNodeForObservation(labeler::observationName(*mention.observation)));
        if (!label || mention.sentence >= sentences.size()) continue;
        const bool seen = std::any_of(mined.begin(), mined.end(), [&](const ContextLabel& item) { return item.label == *label; });
        if (seen) continue;
        mined.push_back({*label, orderedContextWords(sentences[mention.sentence], contextWords)});
    }
    return mined;
}

std::vector<ContextLabel> contextLabelTargets(const TrainingExample& example, const std::vector<std::string>& labels,
                                              const std::vector<std::string>& contextWords, bool fromDataset,
                                              const labeler::Labeler& reportLabeler) {
    std::vector<ContextLabel> targets;
    if (fromDataset) {
        for (const std::string& key : example.contextLabels) {
            std::optional<ContextLabel> parsed = parseContextLabel(key, labels, contextWords);
            if (parsed && std::find(targets.begin(), targets.end(), *parsed) == targets.end()) targets.push_back(*parsed);
        }
    } else {
        targets = mineContextLabels(reportLabeler, example.report, labels, contextWords);
    }
    for (const ContextLabel& single : singleLabelTargets(example)) {
        const bool covered = std::any_of(targets.begin(), targets.end(), [&](const ContextLabel& item) { return item.label == single.label; });
        if (!covered) targets.push_back(single);
    }
    return targets;
}

std::vector<ContextLabel> singleLabelTargets(const TrainingExample& example) {
    std::vector<ContextLabel> targets;
    for (std::size_t k = 0; k < example.labels.size() && k < example.labelWeights.size(); ++k) {
        if (example.labels[k] > 0.5f && example.labelWeights[k] > 0.0f) targets.push_back({k, {}});
    }
    return targets;
}

} // namespace raddraft::training
