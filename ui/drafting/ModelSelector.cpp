#include "ModelSelector.h"

#include "Theme.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace raddraft::ui {

namespace {

/// Where a bundle was found, for the list (InstalledBundle::origin is a fixed English key).
QString originText(const QString& origin)
{
    if (origin == QLatin1String("built-in"))
        return ModelSelector::tr("built-in");
    if (origin == QLatin1String("installed"))
        return ModelSelector::tr("installed");
    if (origin == QLatin1String("user"))
        return ModelSelector::tr("user");
    if (origin == QLatin1String("command line"))
        return ModelSelector::tr("command line");
    return origin;
}

} // namespace

ModelSelector::ModelSelector(QAction* rescanAction, QWidget* parent) : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("modelList"));
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_empty = new QLabel(tr("No model bundles installed. Put bundle folders into %1, or start RadDraft with --model BUNDLE.")
                             .arg(QDir::toNativeSeparators(BundleCatalog::userModelsFolder())),
                         this);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("modelProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* rescan = new QToolButton(this);
    rescan->setDefaultAction(rescanAction);
    auto* add = new QPushButton(tr("Add Bundle…"), this);
    connect(add, &QPushButton::clicked, this, &ModelSelector::addBundleRequested);
    connect(m_list, &QListWidget::currentRowChanged, this, &ModelSelector::currentBundleChanged);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(rescan);
    buttons->addWidget(add);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);
    applyThemeColours();
    setBundles({}, {});
}

void ModelSelector::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyThemeColours();
}

void ModelSelector::applyThemeColours()
{
    m_problems->setStyleSheet(QStringLiteral("color: %1;").arg(themeColor(ThemeColor::Error, palette()).name()));
}

void ModelSelector::setBundles(std::vector<InstalledBundle> bundles, const QStringList& problems)
{
    const std::optional<InstalledBundle> current = currentBundle();
    // Bundles given on the command line are not in any folder: keep them across rescans.
    for (const InstalledBundle& old : m_bundles)
        if (old.origin == QLatin1String("command line") &&
            std::none_of(bundles.begin(), bundles.end(), [&](const InstalledBundle& b) { return b.directory == old.directory; }))
            bundles.push_back(old);
    m_bundles = std::move(bundles);
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    rebuildList(current ? current->directory : QString());
}

void ModelSelector::addBundle(const InstalledBundle& bundle)
{
    for (const InstalledBundle& listed : m_bundles)
        if (listed.directory == bundle.directory)
            return;
    const std::optional<InstalledBundle> current = currentBundle();
    m_bundles.push_back(bundle);
    rebuildList(current ? current->directory : QString());
}

void ModelSelector::rebuildList(const QString& keepDirectory)
{
    QSignalBlocker blocker(m_list);
    m_list->clear();
    int keepRow = -1;
    for (std::size_t i = 0; i < m_bundles.size(); ++i) {
        const InstalledBundle& bundle = m_bundles[i];
        const inference::BundleSummary& summary = bundle.summary;
        QStringList views;
        for (const std::string& view : summary.views)
            views << QString::fromStdString(view);
        auto* item = new QListWidgetItem(tr("%1\n%2 · %3 · %4 findings · %5")
                                             .arg(bundle.name(), QString::fromStdString(summary.version), views.join(QStringLiteral(" + ")))
                                             .arg(summary.labels.size())
                                             .arg(originText(bundle.origin)),
                                         m_list);
        item->setToolTip(tr("%1\nType: %2\nManifest SHA-256: %3")
                             .arg(QDir::toNativeSeparators(bundle.directory), QString::fromStdString(summary.modelType), bundle.bundleHash()));
        if (bundle.directory == keepDirectory)
            keepRow = static_cast<int>(i);
    }
    m_empty->setVisible(m_bundles.empty());
    const int row = keepRow >= 0 ? keepRow : (m_bundles.empty() ? -1 : 0);
    m_list->setCurrentRow(row);
    blocker.unblock();
    if ((row >= 0 ? m_bundles[static_cast<std::size_t>(row)].directory : QString()) != keepDirectory)
        Q_EMIT currentBundleChanged();
}

std::optional<InstalledBundle> ModelSelector::currentBundle() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_bundles.size()))
        return std::nullopt;
    return m_bundles[static_cast<std::size_t>(row)];
}

bool ModelSelector::selectBundle(const QString& directory)
{
    for (std::size_t i = 0; i < m_bundles.size(); ++i)
        if (m_bundles[i].directory == directory) {
            m_list->setCurrentRow(static_cast<int>(i));
            return true;
        }
    return false;
}

} // namespace raddraft::ui
