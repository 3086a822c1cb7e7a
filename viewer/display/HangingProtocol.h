#pragma once
// Which image goes where when a study opens: chest radiographs hang frontal (PA/AP) on the left
// and lateral on the right, decided by ViewPosition; other studies show their first series.

#include "dicom/StudyTree.h"

#include <optional>
#include <vector>

namespace raddraft::viewer {

enum class ChestView { Frontal, Lateral, Other };

/// Classifies an instance by (0018,5101) ViewPosition, falling back to the series description.
ChestView chestViewOf(const dicom::InstanceInfo& instance);

struct HangingSlot {
    const dicom::SeriesInfo* series = nullptr;
    int instanceIndex = 0;
};

struct Hanging {
    std::vector<HangingSlot> slots; ///< left to right; one or two entries
    bool isChestPair = false;       ///< frontal left, lateral right
};

/// Chooses the hanging of `study`: a frontal+lateral pair when the study has both, else the first
/// two single-image series side by side, else the first series alone.
Hanging chooseHanging(const dicom::StudyInfo& study);

} // namespace raddraft::viewer
