#pragma once
// What the heatmap overlay shows: the maps of one sentence, one token (word) or one finding of a
// draft, one per view. Every pane that lets the user pick evidence (the draft text, the findings
// panel, later the editable report and the knowledge graph) emits an OverlaySource through an
// `overlayRequested(OverlaySource)` signal; the OverlayPresenter puts it on the views.

#include "inference/Draft.h"

#include <QMetaType>
#include <QString>

#include <vector>

namespace raddraft::ui {

struct OverlaySource {
    enum class Kind { None, Sentence, Token, Finding, GraphNode, TopicMap };
    Kind kind = Kind::None;
    int index = -1;                           ///< into Draft::sentences, ::tokens, ::findings, ::graphNodes or ::topicMaps
    QString title;                            ///< names the source on the colour bar
    std::vector<inference::Heatmap> heatmaps; ///< one per view ("frontal", "lateral"); may be empty

    bool isNone() const { return kind == Kind::None; }
    /// Same part with the same maps (two drafts' "Sentence 1" differ by their maps).
    bool operator==(const OverlaySource& other) const;
    bool operator!=(const OverlaySource& other) const { return !(*this == other); }
};

/// The sources of a draft's parts; an index out of range gives a None source.
OverlaySource sentenceOverlay(const inference::Draft& draft, int sentenceIndex);
OverlaySource tokenOverlay(const inference::Draft& draft, int tokenIndex);
OverlaySource findingOverlay(const inference::Draft& draft, int findingIndex);
/// A knowledge-graph node's maps (GraphEvidence.h: CKNet's patch weights or the finding's CAM).
OverlaySource graphNodeOverlay(const inference::Draft& draft, int nodeIndex);
/// A model's named map (PPKED topic, CVSE finding α).
OverlaySource topicMapOverlay(const inference::Draft& draft, int mapIndex);

} // namespace raddraft::ui

Q_DECLARE_METATYPE(raddraft::ui::OverlaySource)
