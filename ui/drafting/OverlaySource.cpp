#include "OverlaySource.h"

#include "FindingNames.h"
#include "GraphEvidence.h"

#include <QCoreApplication>

namespace raddraft::ui {

namespace {

/// This file's translation context, "OverlaySource" (lupdate reads it from the macro; a helper function
/// would hide it).
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(OverlaySource)
};

template <typename Items>
bool inRange(const Items& items, int index)
{
    return index >= 0 && index < static_cast<int>(items.size());
}

} // namespace

bool OverlaySource::operator==(const OverlaySource& other) const
{
    if (kind != other.kind || index != other.index || title != other.title || heatmaps.size() != other.heatmaps.size())
        return false;
    for (std::size_t i = 0; i < heatmaps.size(); ++i) {
        const inference::Heatmap& a = heatmaps[i];
        const inference::Heatmap& b = other.heatmaps[i];
        if (a.view != b.view || a.rows != b.rows || a.cols != b.cols || a.values != b.values)
            return false;
    }
    return true;
}

OverlaySource sentenceOverlay(const inference::Draft& draft, int sentenceIndex)
{
    if (!inRange(draft.sentences, sentenceIndex))
        return {};
    const inference::DraftSentence& sentence = draft.sentences[static_cast<std::size_t>(sentenceIndex)];
    return {OverlaySource::Kind::Sentence, sentenceIndex, Texts::tr("Sentence %1").arg(sentenceIndex + 1), sentence.heatmaps};
}

OverlaySource tokenOverlay(const inference::Draft& draft, int tokenIndex)
{
    if (!inRange(draft.tokens, tokenIndex))
        return {};
    const inference::DraftToken& token = draft.tokens[static_cast<std::size_t>(tokenIndex)];
    return {OverlaySource::Kind::Token, tokenIndex, Texts::tr("Word “%1”").arg(QString::fromStdString(token.text)), token.heatmaps};
}

OverlaySource findingOverlay(const inference::Draft& draft, int findingIndex)
{
    if (!inRange(draft.findings, findingIndex))
        return {};
    const inference::Finding& finding = draft.findings[static_cast<std::size_t>(findingIndex)];
    return {OverlaySource::Kind::Finding, findingIndex,
            Texts::tr("%1 (%2)").arg(findingDisplayName(QString::fromStdString(finding.name))).arg(finding.probability, 0, 'f', 2), finding.heatmaps};
}

OverlaySource graphNodeOverlay(const inference::Draft& draft, int nodeIndex)
{
    if (!inRange(draft.graphNodes, nodeIndex))
        return {};
    const inference::GraphNodeState& node = draft.graphNodes[static_cast<std::size_t>(nodeIndex)];
    return {OverlaySource::Kind::GraphNode, nodeIndex,
            Texts::tr("Graph node %1 (%2)").arg(findingDisplayName(QString::fromStdString(node.name))).arg(node.activation, 0, 'f', 2),
            graphNodeHeatmaps(draft, node.name)};
}

OverlaySource topicMapOverlay(const inference::Draft& draft, int mapIndex)
{
    if (!inRange(draft.topicMaps, mapIndex))
        return {};
    const inference::NamedHeatmaps& map = draft.topicMaps[static_cast<std::size_t>(mapIndex)];
    return {OverlaySource::Kind::TopicMap, mapIndex, Texts::tr("Topic %1").arg(QString::fromStdString(map.name)), map.heatmaps};
}

} // namespace raddraft::ui
