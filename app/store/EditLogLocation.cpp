#include "store/EditLogLocation.h"

#include <QSettings>
#include <QStandardPaths>

namespace raddraft::store {

QString defaultEditLogPath()
{
    // GenericDataLocation + organisation/application is what AppDataLocation gives the workstation
    // (both named "RadDraft"); spelt out so raddraft-cli, with its own application name, finds
    // the same file.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/RadDraft/RadDraft/edit-log.sqlite");
}

QString configuredEditLogPath()
{
    const QSettings settings(QStringLiteral("RadDraft"), QStringLiteral("RadDraft"));
    const QString path = settings.value(QLatin1String(kEditLogPathSetting)).toString();
    return path.isEmpty() ? defaultEditLogPath() : path;
}

void setConfiguredEditLogPath(const QString& path)
{
    QSettings settings(QStringLiteral("RadDraft"), QStringLiteral("RadDraft"));
    if (path.isEmpty())
        settings.remove(QLatin1String(kEditLogPathSetting));
    else
        settings.setValue(QLatin1String(kEditLogPathSetting), path);
}

} // namespace raddraft::store
