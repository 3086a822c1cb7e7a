#include "report/FindingLabel.h"

namespace raddraft::report {

QString findingStatusName(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Present:
        return QStringLiteral("present");
    case FindingStatus::Absent:
        return QStringLiteral("absent");
    case FindingStatus::Uncertain:
        return QStringLiteral("uncertain");
    }
    return {};
}

std::optional<FindingStatus> findingStatusFromName(const QString& name)
{
    for (const FindingStatus status : {FindingStatus::Present, FindingStatus::Absent, FindingStatus::Uncertain})
        if (name == findingStatusName(status))
            return status;
    return std::nullopt;
}

} // namespace raddraft::report
