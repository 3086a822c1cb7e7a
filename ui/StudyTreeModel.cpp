#include "StudyTreeModel.h"

#include <QIcon>
#include <QPixmap>

namespace raddraft::ui {

namespace {

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

QString formatDate(const std::string& date)
{
    if (date.size() == 8)
        return fromStd(date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2));
    return fromStd(date);
}

QString formatName(const std::string& name)
{
    QString text = fromStd(name);
    const int caret = static_cast<int>(text.indexOf(QLatin1Char('^')));
    if (caret < 0)
        return text;
    return text.left(caret) + QStringLiteral(", ") + text.mid(caret + 1).replace(QLatin1Char('^'), QLatin1Char(' ')).trimmed();
}

} // namespace

StudyTreeModel::StudyTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void StudyTreeModel::setScanResult(const dicom::ScanResult& result)
{
    beginResetModel();
    m_result = result;
    m_nodes.clear();
    m_rootNodes.clear();
    m_thumbnails.clear();
    // Reserve so node pointers into m_result stay meaningful; indices are used throughout.
    for (const dicom::PatientInfo& patient : m_result.patients) {
        const int patientNode = static_cast<int>(m_nodes.size());
        m_nodes.push_back({NodeKind::Patient, -1, static_cast<int>(m_rootNodes.size()), {}, &patient, nullptr, nullptr});
        m_rootNodes.push_back(patientNode);
        for (const dicom::StudyInfo& study : patient.studies) {
            const int studyNode = static_cast<int>(m_nodes.size());
            m_nodes.push_back({NodeKind::Study, patientNode, static_cast<int>(m_nodes[static_cast<std::size_t>(patientNode)].children.size()),
                               {}, &patient, &study, nullptr});
            m_nodes[static_cast<std::size_t>(patientNode)].children.push_back(studyNode);
            for (const dicom::SeriesInfo& series : study.series) {
                const int seriesNode = static_cast<int>(m_nodes.size());
                m_nodes.push_back({NodeKind::Series, studyNode,
                                   static_cast<int>(m_nodes[static_cast<std::size_t>(studyNode)].children.size()), {},
                                   &patient, &study, &series});
                m_nodes[static_cast<std::size_t>(studyNode)].children.push_back(seriesNode);
            }
        }
    }
    endResetModel();
}

void StudyTreeModel::setThumbnail(const QString& seriesUid, const QImage& thumbnail)
{
    m_thumbnails.insert(seriesUid, thumbnail);
    const QModelIndex index = indexOfSeries(seriesUid);
    if (index.isValid())
        Q_EMIT dataChanged(index, index, {Qt::DecorationRole});
}

const StudyTreeModel::Node* StudyTreeModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto id = static_cast<std::size_t>(index.internalId());
    return id < m_nodes.size() ? &m_nodes[id] : nullptr;
}

const dicom::SeriesInfo* StudyTreeModel::seriesAt(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    return node ? node->series : nullptr;
}

const dicom::StudyInfo* StudyTreeModel::studyAt(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    return node ? node->study : nullptr;
}

const dicom::PatientInfo* StudyTreeModel::patientAt(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    return node ? node->patient : nullptr;
}

QModelIndex StudyTreeModel::indexOfSeries(const QString& seriesUid) const
{
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].series && fromStd(m_nodes[i].series->seriesInstanceUid) == seriesUid)
            return createIndex(m_nodes[i].row, 0, static_cast<quintptr>(i));
    return {};
}

QModelIndex StudyTreeModel::indexOfStudy(const QString& studyUid) const
{
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].kind == NodeKind::Study && fromStd(m_nodes[i].study->studyInstanceUid) == studyUid)
            return createIndex(m_nodes[i].row, 0, static_cast<quintptr>(i));
    return {};
}

QModelIndex StudyTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column != 0)
        return {};
    const std::vector<int>* children = &m_rootNodes;
    if (parent.isValid()) {
        const Node* node = nodeOf(parent);
        if (!node)
            return {};
        children = &node->children;
    }
    if (row >= static_cast<int>(children->size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>((*children)[static_cast<std::size_t>(row)]));
}

QModelIndex StudyTreeModel::parent(const QModelIndex& child) const
{
    const Node* node = nodeOf(child);
    if (!node || node->parent < 0)
        return {};
    const Node& parentNode = m_nodes[static_cast<std::size_t>(node->parent)];
    return createIndex(parentNode.row, 0, static_cast<quintptr>(node->parent));
}

int StudyTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_rootNodes.size());
    const Node* node = nodeOf(parent);
    return node ? static_cast<int>(node->children.size()) : 0;
}

int StudyTreeModel::columnCount(const QModelIndex&) const { return 1; }

QVariant StudyTreeModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (node->kind) {
        case NodeKind::Patient:
            return tr("%1 (%2)").arg(formatName(node->patient->patientName), fromStd(node->patient->patientId));
        case NodeKind::Study: {
            const QString description = node->study->studyDescription.empty() ? tr("Study") : fromStd(node->study->studyDescription);
            return tr("%1  %2").arg(formatDate(node->study->studyDate), description);
        }
        case NodeKind::Series: {
            const dicom::SeriesInfo& series = *node->series;
            const QString description = series.description.empty() ? tr("Series %1").arg(series.seriesNumber) : fromStd(series.description);
            int images = 0;
            for (const dicom::InstanceInfo& instance : series.instances)
                images += instance.numberOfFrames;
            return tr("%1 · %2 · %n image(s)", nullptr, images).arg(fromStd(series.modality), description);
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (node->kind == NodeKind::Series && !node->series->instances.empty())
            return fromStd(node->series->instances.front().filePath);
        if (node->kind == NodeKind::Study)
            return tr("Study UID %1\nAccession %2").arg(fromStd(node->study->studyInstanceUid), fromStd(node->study->accessionNumber));
        return {};
    case Qt::DecorationRole:
        if (node->kind == NodeKind::Series) {
            const QImage thumbnail = m_thumbnails.value(fromStd(node->series->seriesInstanceUid));
            if (!thumbnail.isNull())
                return QIcon(QPixmap::fromImage(thumbnail));
        }
        return {};
    case NodeKindRole:
        return static_cast<int>(node->kind);
    case StudyUidRole:
        return node->study ? fromStd(node->study->studyInstanceUid) : QVariant();
    case SeriesUidRole:
        return node->series ? fromStd(node->series->seriesInstanceUid) : QVariant();
    default:
        return {};
    }
}

QVariant StudyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Patients, studies and series");
    return {};
}

} // namespace raddraft::ui
