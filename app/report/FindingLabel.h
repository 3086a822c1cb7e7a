#pragma once
// A finding (tag) of the draft with the model's decision and the annotator's label. The label
// starts as the model's decision; a tag correction changes it and is logged.

#include <QString>

#include <optional>

namespace raddraft::report {

enum class FindingStatus { Present, Absent, Uncertain };

struct FindingLabel {
    QString name;              ///< the finding's name as the model reports it ("pleural effusion")
    double probability = 0.0;  ///< the model's probability
    bool modelPresent = false; ///< the model's decision (probability ≥ its threshold)
    FindingStatus status = FindingStatus::Absent; ///< the current label

    bool isCorrected() const { return status != (modelPresent ? FindingStatus::Present : FindingStatus::Absent); }
    bool operator==(const FindingLabel& other) const
    {
        return name == other.name && probability == other.probability && modelPresent == other.modelPresent &&
               status == other.status;
    }
    bool operator!=(const FindingLabel& other) const { return !(*this == other); }
};

/// "present", "absent", "uncertain".
QString findingStatusName(FindingStatus status);
std::optional<FindingStatus> findingStatusFromName(const QString& name);

} // namespace raddraft::report
