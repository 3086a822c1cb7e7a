#include "dicom/StudyTree.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace raddraft::dicom {

std::vector<const SeriesInfo*> ScanResult::allSeries() const
{
    std::vector<const SeriesInfo*> result;
    for (const PatientInfo& patient : patients)
        for (const StudyInfo& study : patient.studies)
            for (const SeriesInfo& series : study.series)
                result.push_back(&series);
    return result;
}

const StudyInfo* ScanResult::findStudy(const std::string& studyInstanceUid) const
{
    for (const PatientInfo& patient : patients)
        for (const StudyInfo& study : patient.studies)
            if (study.studyInstanceUid == studyInstanceUid)
                return &study;
    return nullptr;
}

namespace {

void fillIfEmpty(std::string& target, const std::string& value)
{
    if (target.empty())
        target = value;
}

bool sameOrientation(const std::array<double, 6>& a, const std::array<double, 6>& b)
{
    for (std::size_t i = 0; i < 6; ++i)
        if (std::abs(a[i] - b[i]) > 1e-4)
            return false;
    return true;
}

bool byInstanceNumberThenPath(const InstanceInfo& a, const InstanceInfo& b)
{
    return std::tie(a.instanceNumber, a.filePath) < std::tie(b.instanceNumber, b.filePath);
}

} // namespace

void sortInstances(std::vector<InstanceInfo>& instances)
{
    bool geometryConsistent = !instances.empty();
    for (const InstanceInfo& instance : instances) {
        if (!instance.imagePositionPatient || !instance.imageOrientationPatient
            || !sameOrientation(*instance.imageOrientationPatient, *instances.front().imageOrientationPatient)) {
            geometryConsistent = false;
            break;
        }
    }
    if (!geometryConsistent) {
        std::stable_sort(instances.begin(), instances.end(), byInstanceNumberThenPath);
        return;
    }
    const std::array<double, 6>& o = *instances.front().imageOrientationPatient;
    const std::array<double, 3> normal{o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5],
                                       o[0] * o[4] - o[1] * o[3]};
    auto distance = [&normal](const InstanceInfo& instance) {
        const std::array<double, 3>& p = *instance.imagePositionPatient;
        return p[0] * normal[0] + p[1] * normal[1] + p[2] * normal[2];
    };
    std::stable_sort(instances.begin(), instances.end(), [&](const InstanceInfo& a, const InstanceInfo& b) {
        const double da = distance(a);
        const double db = distance(b);
        // Positions closer than a micrometre are the same slice (e.g. several frames of one position).
        if (std::abs(da - db) > 1e-3)
            return da < db;
        return byInstanceNumberThenPath(a, b);
    });
}

std::vector<PatientInfo> buildStudyTree(std::vector<InstanceHeader> headers)
{
    // Ordered maps keyed by identity keep the grouping deterministic; the final sort orders
    // are applied afterwards.
    std::map<std::pair<std::string, std::string>, PatientInfo> patients;
    std::map<std::pair<std::string, std::string>, std::map<std::string, StudyInfo>> studiesByPatient;
    // Series are keyed by (patient, study) so that a study UID reused by two patients stays apart.
    using StudyKey = std::tuple<std::string, std::string, std::string>;
    std::map<StudyKey, std::map<std::string, SeriesInfo>> seriesByStudy;

    for (InstanceHeader& header : headers) {
        // Patients with the same ID but different names stay apart only when there is no ID.
        const std::pair<std::string, std::string> patientKey{
            header.patient.patientId, header.patient.patientId.empty() ? header.patient.patientName : std::string{}};
        PatientInfo& patient = patients[patientKey];
        fillIfEmpty(patient.patientId, header.patient.patientId);
        fillIfEmpty(patient.patientName, header.patient.patientName);
        fillIfEmpty(patient.birthDate, header.patient.birthDate);
        fillIfEmpty(patient.sex, header.patient.sex);

        StudyInfo& study = studiesByPatient[patientKey][header.study.studyInstanceUid];
        fillIfEmpty(study.studyInstanceUid, header.study.studyInstanceUid);
        fillIfEmpty(study.studyDate, header.study.studyDate);
        fillIfEmpty(study.studyTime, header.study.studyTime);
        fillIfEmpty(study.studyDescription, header.study.studyDescription);
        fillIfEmpty(study.accessionNumber, header.study.accessionNumber);
        fillIfEmpty(study.referringPhysician, header.study.referringPhysician);

        const StudyKey studyKey{patientKey.first, patientKey.second, header.study.studyInstanceUid};
        SeriesInfo& series = seriesByStudy[studyKey][header.series.seriesInstanceUid];
        fillIfEmpty(series.seriesInstanceUid, header.series.seriesInstanceUid);
        if (series.seriesNumber == 0)
            series.seriesNumber = header.series.seriesNumber;
        fillIfEmpty(series.modality, header.series.modality);
        fillIfEmpty(series.description, header.series.description);
        fillIfEmpty(series.bodyPartExamined, header.series.bodyPartExamined);
        series.instances.push_back(std::move(header.instance));
    }

    std::vector<PatientInfo> result;
    for (auto& [patientKey, patient] : patients) {
        for (auto& [studyUid, study] : studiesByPatient[patientKey]) {
            for (auto& [seriesUid, series] : seriesByStudy[StudyKey{patientKey.first, patientKey.second, studyUid}]) {
                sortInstances(series.instances);
                study.series.push_back(std::move(series));
            }
            std::sort(study.series.begin(), study.series.end(), [](const SeriesInfo& a, const SeriesInfo& b) {
                return std::tie(a.seriesNumber, a.seriesInstanceUid) < std::tie(b.seriesNumber, b.seriesInstanceUid);
            });
            patient.studies.push_back(std::move(study));
        }
        std::sort(patient.studies.begin(), patient.studies.end(), [](const StudyInfo& a, const StudyInfo& b) {
            return std::tie(b.studyDate, b.studyTime, a.studyInstanceUid) < std::tie(a.studyDate, a.studyTime, b.studyInstanceUid);
        });
        result.push_back(std::move(patient));
    }
    std::sort(result.begin(), result.end(), [](const PatientInfo& a, const PatientInfo& b) {
        return std::tie(a.patientName, a.patientId) < std::tie(b.patientName, b.patientId);
    });
    return result;
}

} // namespace raddraft::dicom
