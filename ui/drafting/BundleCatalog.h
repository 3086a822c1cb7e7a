#pragma once
// The model bundles installed on this machine: what the model selector lists. Bundles are found
// directly inside a few folders (each sub-directory with a manifest.json), read with
// inference::inspectBundle (manifest only: fast, no weights loaded).

#include "inference/Bundle.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace raddraft::ui {

struct InstalledBundle {
    QString directory;                 ///< absolute, canonical path of the bundle directory
    inference::BundleSummary summary;  ///< name, version, type, hash, views, labels
    double tagThreshold = 0.5;         ///< hyperparameters.tag_threshold: a finding is present at ≥ this
    QString origin;                    ///< where it was found: "built-in", "installed", "user", "command line"

    QString name() const { return QString::fromStdString(summary.name); }
    QString bundleHash() const { return QString::fromStdString(summary.bundleHash); }
    /// "name 0.1.0 (transformer)".
    QString displayName() const;
};

/// A folder that holds bundles, and what the selector calls bundles found there.
struct ModelFolder {
    QString path;
    QString origin;
};

class BundleCatalog {
public:
    /// Searched in this order: the source tree's resources/models (development builds; absent
    /// when the program was built elsewhere), <prefix>/share/raddraft/models relative to the
    /// program, and the user's folder (userModelsFolder()).
    static std::vector<ModelFolder> defaultFolders();
    /// QStandardPaths::AppDataLocation + "/models"; users drop their bundles here.
    static QString userModelsFolder();

    /// Reads one bundle's manifest. Throws inference::InferenceError whose message names the file
    /// and the reason (missing manifest, bad JSON, unknown model type, …).
    static InstalledBundle inspect(const QString& directory, const QString& origin);

    struct ScanResult {
        std::vector<InstalledBundle> bundles; ///< in folder order, then by name; no duplicates
        QStringList problems;                 ///< "reason naming the file" per unreadable bundle
    };
    /// Every bundle directly inside `folders` (a folder that is itself a bundle counts too).
    /// Missing folders are skipped silently; a directory with a manifest.json that cannot be read
    /// becomes a problem.
    static ScanResult scan(const std::vector<ModelFolder>& folders);
};

} // namespace raddraft::ui
