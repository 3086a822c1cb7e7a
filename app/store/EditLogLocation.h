#pragma once
// Where the edit log lives: a setting shared by the workstation and raddraft-cli, with a default
// in the user's data directory.

#include <QString>

namespace raddraft::store {

/// QSettings key (organisation "RadDraft", application "RadDraft": the workstation's settings)
/// holding the edit log's path; absent or empty means defaultEditLogPath().
inline constexpr char kEditLogPathSetting[] = "editLog/path";

/// "<data dir>/RadDraft/RadDraft/edit-log.sqlite": the workstation's QStandardPaths::AppDataLocation
/// (~/.local/share/RadDraft/RadDraft on Linux), whichever program asks.
QString defaultEditLogPath();

/// The setting's value, or the default when it is not set.
QString configuredEditLogPath();

/// Stores `path` in the setting; an empty path removes it (the default applies again).
void setConfiguredEditLogPath(const QString& path);

} // namespace raddraft::store
