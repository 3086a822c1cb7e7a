#pragma once
// The installed model bundles (BundleCatalog) as a list to choose the drafting model from, with
// bundles that could not be read listed under it.

#include "BundleCatalog.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QListWidget;

namespace raddraft::ui {

class ModelSelector : public QWidget {
    Q_OBJECT
public:
    /// `rescanAction`: the window's command that lists the bundles again (shown as a button).
    explicit ModelSelector(QAction* rescanAction, QWidget* parent = nullptr);

    /// Replaces the list; keeps the current bundle when it is still there.
    void setBundles(std::vector<InstalledBundle> bundles, const QStringList& problems);
    /// Adds `bundle` unless a bundle with its directory is listed already.
    void addBundle(const InstalledBundle& bundle);
    const std::vector<InstalledBundle>& bundles() const { return m_bundles; }
    /// The chosen bundle, if any.
    std::optional<InstalledBundle> currentBundle() const;
    /// Chooses the bundle in `directory` (canonical path); false when it is not listed.
    bool selectBundle(const QString& directory);
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void currentBundleChanged();
    /// The user asked to add a bundle directory (the owner shows a folder dialog).
    void addBundleRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildList(const QString& keepDirectory);
    void applyThemeColours();

    std::vector<InstalledBundle> m_bundles;
    QListWidget* m_list = nullptr;
    QLabel* m_problems = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace raddraft::ui
