#pragma once
// Item model of what was opened: patients → studies → series, with a thumbnail per series.

#include "dicom/StudyTree.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QImage>

#include <memory>
#include <vector>

namespace raddraft::ui {

class StudyTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        NodeKindRole = Qt::UserRole + 1, ///< NodeKind as int
        StudyUidRole,
        SeriesUidRole,
    };
    enum class NodeKind { Patient, Study, Series };

    explicit StudyTreeModel(QObject* parent = nullptr);

    /// Replaces the content (the scan result is copied; series pointers stay valid until the
    /// next call).
    void setScanResult(const dicom::ScanResult& result);
    const dicom::ScanResult& scanResult() const { return m_result; }

    /// Sets the thumbnail shown for a series (decoration role).
    void setThumbnail(const QString& seriesUid, const QImage& thumbnail);

    const dicom::SeriesInfo* seriesAt(const QModelIndex& index) const;
    const dicom::StudyInfo* studyAt(const QModelIndex& index) const;
    const dicom::PatientInfo* patientAt(const QModelIndex& index) const;
    QModelIndex indexOfSeries(const QString& seriesUid) const;
    QModelIndex indexOfStudy(const QString& studyUid) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        NodeKind kind;
        int parent;   ///< index into m_nodes, -1 for patients
        int row;      ///< row under its parent
        std::vector<int> children;
        const dicom::PatientInfo* patient = nullptr;
        const dicom::StudyInfo* study = nullptr;
        const dicom::SeriesInfo* series = nullptr;
    };
    const Node* nodeOf(const QModelIndex& index) const;

    dicom::ScanResult m_result;
    std::vector<Node> m_nodes;
    std::vector<int> m_rootNodes;
    QHash<QString, QImage> m_thumbnails;
};

} // namespace raddraft::ui
