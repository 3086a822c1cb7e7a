#include "display/HangingProtocol.h"

#include <algorithm>
#include <cctype>

namespace raddraft::viewer {

namespace {

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

bool contains(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

} // namespace

ChestView chestViewOf(const dicom::InstanceInfo& instance)
{
    const std::string view = upper(instance.viewPosition);
    if (view == "PA" || view == "AP" || view == "APS" || view == "PAS")
        return ChestView::Frontal;
    if (view == "LL" || view == "RL" || view == "LAT" || view == "LATERAL" || view == "LLD" || view == "RLD")
        return ChestView::Lateral;
    const std::string description = upper(instance.seriesDescription);
    if (contains(description, "LAT"))
        return ChestView::Lateral;
    if (contains(description, "PA") || contains(description, "AP") || contains(description, "FRONTAL"))
        return ChestView::Frontal;
    return ChestView::Other;
}

Hanging chooseHanging(const dicom::StudyInfo& study)
{
    Hanging hanging;
    std::optional<HangingSlot> frontal, lateral;
    std::vector<HangingSlot> singles;
    for (const dicom::SeriesInfo& series : study.series) {
        for (std::size_t i = 0; i < series.instances.size(); ++i) {
            const HangingSlot slot{&series, static_cast<int>(i)};
            const ChestView view = chestViewOf(series.instances[i]);
            if (view == ChestView::Frontal && !frontal)
                frontal = slot;
            else if (view == ChestView::Lateral && !lateral)
                lateral = slot;
        }
        if (!series.instances.empty() && series.instances.size() == 1)
            singles.push_back({&series, 0});
    }
    if (frontal && lateral) {
        hanging.slots = {*frontal, *lateral};
        hanging.isChestPair = true;
        return hanging;
    }
    if (frontal || lateral) {
        hanging.slots.push_back(frontal ? *frontal : *lateral);
        for (const HangingSlot& single : singles)
            if (hanging.slots.size() < 2 && single.series != hanging.slots.front().series)
                hanging.slots.push_back(single);
        return hanging;
    }
    if (singles.size() >= 2 && singles.size() == study.series.size()) {
        hanging.slots = {singles[0], singles[1]};
        return hanging;
    }
    for (const dicom::SeriesInfo& series : study.series)
        if (!series.instances.empty()) {
            hanging.slots.push_back({&series, 0});
            break;
        }
    return hanging;
}

} // namespace raddraft::viewer
