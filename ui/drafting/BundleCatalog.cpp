#include "BundleCatalog.h"

#include "inference/InferenceError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace raddraft::ui {

namespace {

const QString manifestName = QStringLiteral("manifest.json");

// inspectBundle does not report the decision threshold; the Findings panel draws it.
double tagThresholdOf(const QString& directory)
{
    QFile file(QDir(directory).filePath(manifestName));
    if (!file.open(QIODevice::ReadOnly))
        return 0.5;
    const QJsonObject hyperParameters =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("hyperparameters")).toObject();
    return hyperParameters.value(QStringLiteral("tag_threshold")).toDouble(0.5);
}

} // namespace

QString InstalledBundle::displayName() const
{
    return QStringLiteral("%1 %2 (%3)").arg(name(), QString::fromStdString(summary.version), QString::fromStdString(summary.modelType));
}

QString BundleCatalog::userModelsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/models");
}

std::vector<ModelFolder> BundleCatalog::defaultFolders()
{
    std::vector<ModelFolder> folders;
#ifdef RADDRAFT_SOURCE_MODELS_DIR
    folders.push_back({QStringLiteral(RADDRAFT_SOURCE_MODELS_DIR), QStringLiteral("built-in")});
#endif
    folders.push_back({QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/raddraft/models")),
                       QStringLiteral("installed")});
    folders.push_back({userModelsFolder(), QStringLiteral("user")});
    return folders;
}

InstalledBundle BundleCatalog::inspect(const QString& directory, const QString& origin)
{
    const QFileInfo info(directory);
    if (!info.isDir())
        throw inference::InferenceError(inference::ErrorCode::Io, QDir::toNativeSeparators(directory).toStdString(),
                                        info.exists() ? "not a directory (a model bundle is a directory with manifest.json)"
                                                      : "no such directory");
    InstalledBundle bundle;
    bundle.directory = info.canonicalFilePath();
    bundle.summary = inference::inspectBundle(bundle.directory.toStdString());
    bundle.tagThreshold = tagThresholdOf(bundle.directory);
    bundle.origin = origin;
    return bundle;
}

BundleCatalog::ScanResult BundleCatalog::scan(const std::vector<ModelFolder>& folders)
{
    ScanResult result;
    QSet<QString> seen;
    for (const ModelFolder& folder : folders) {
        const QDir dir(folder.path);
        if (!dir.exists())
            continue;
        QStringList candidates;
        if (dir.exists(manifestName))
            candidates << dir.absolutePath();
        for (const QString& entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (QFileInfo::exists(dir.absoluteFilePath(entry) + QLatin1Char('/') + manifestName))
                candidates << dir.absoluteFilePath(entry);
        std::vector<InstalledBundle> found;
        for (const QString& candidate : candidates) {
            const QString canonical = QFileInfo(candidate).canonicalFilePath();
            if (seen.contains(canonical))
                continue;
            seen.insert(canonical);
            try {
                found.push_back(inspect(candidate, folder.origin));
            } catch (const inference::InferenceError& error) {
                result.problems << QString::fromStdString(error.what());
            }
        }
        std::stable_sort(found.begin(), found.end(), [](const InstalledBundle& a, const InstalledBundle& b) {
            return QString::localeAwareCompare(a.displayName(), b.displayName()) < 0;
        });
        result.bundles.insert(result.bundles.end(), found.begin(), found.end());
    }
    return result;
}

} // namespace raddraft::ui
