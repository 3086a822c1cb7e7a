// raddraft-cli info: what RadDraft sees in a file, folder or DICOMDIR, as an indented tree or JSON.

#include "CliCommand.h"

#include "dicom/DicomScanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iostream>
#include <sstream>

namespace raddraft::cli {

const char* const kInfoUsage =
    "Usage: raddraft-cli info PATH [--json]\n"
    "\n"
    "Scans PATH (a DICOM file, a PNG/JPEG, a folder searched recursively, or a DICOMDIR) and prints\n"
    "the patient → study → series → instance tree with key attributes. Files that cannot be read are\n"
    "listed with the reason: on stderr, or under \"errors\" with --json (on stdout).\n"
    "Exit code 1 when nothing readable was found.\n";

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

template <std::size_t N>
QJsonArray numbers(const std::array<double, N>& values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

QJsonObject instanceJson(const dicom::InstanceInfo& instance)
{
    QJsonObject object{
        {"filePath", text(instance.filePath)},
        {"isPlainImage", instance.isPlainImage},
        {"sopInstanceUid", text(instance.sopInstanceUid)},
        {"sopClassUid", text(instance.sopClassUid)},
        {"transferSyntaxUid", text(instance.transferSyntaxUid)},
        {"modality", text(instance.modality)},
        {"photometricInterpretation", text(instance.photometricInterpretation)},
        {"instanceNumber", instance.instanceNumber},
        {"rows", instance.rows},
        {"columns", instance.columns},
        {"numberOfFrames", instance.numberOfFrames},
        {"samplesPerPixel", instance.samplesPerPixel},
        {"bitsAllocated", instance.bitsAllocated},
        {"bitsStored", instance.bitsStored},
        {"pixelRepresentationSigned", instance.pixelRepresentationSigned},
        {"viewPosition", text(instance.viewPosition)},
        {"imageLaterality", text(instance.imageLaterality)},
        {"acquisitionDate", text(instance.acquisitionDate)},
        {"contentDate", text(instance.contentDate)},
    };
    if (instance.imagePositionPatient)
        object["imagePositionPatient"] = numbers(*instance.imagePositionPatient);
    if (instance.imageOrientationPatient)
        object["imageOrientationPatient"] = numbers(*instance.imageOrientationPatient);
    if (instance.pixelSpacing)
        object["pixelSpacing"] = numbers(*instance.pixelSpacing);
    if (instance.imagerPixelSpacing)
        object["imagerPixelSpacing"] = numbers(*instance.imagerPixelSpacing);
    if (instance.sliceThickness)
        object["sliceThickness"] = *instance.sliceThickness;
    return object;
}

QJsonDocument toJson(const dicom::ScanResult& result)
{
    QJsonArray patients;
    for (const dicom::PatientInfo& patient : result.patients) {
        QJsonArray studies;
        for (const dicom::StudyInfo& study : patient.studies) {
            QJsonArray seriesArray;
            for (const dicom::SeriesInfo& series : study.series) {
                QJsonArray instances;
                for (const dicom::InstanceInfo& instance : series.instances)
                    instances.append(instanceJson(instance));
                seriesArray.append(QJsonObject{{"seriesInstanceUid", text(series.seriesInstanceUid)},
                                               {"seriesNumber", series.seriesNumber},
                                               {"modality", text(series.modality)},
                                               {"description", text(series.description)},
                                               {"bodyPartExamined", text(series.bodyPartExamined)},
                                               {"instances", instances}});
            }
            studies.append(QJsonObject{{"studyInstanceUid", text(study.studyInstanceUid)},
                                       {"studyDate", text(study.studyDate)},
                                       {"studyTime", text(study.studyTime)},
                                       {"studyDescription", text(study.studyDescription)},
                                       {"accessionNumber", text(study.accessionNumber)},
                                       {"referringPhysician", text(study.referringPhysician)},
                                       {"series", seriesArray}});
        }
        patients.append(QJsonObject{{"patientId", text(patient.patientId)},
                                    {"patientName", text(patient.patientName)},
                                    {"birthDate", text(patient.birthDate)},
                                    {"sex", text(patient.sex)},
                                    {"studies", studies}});
    }
    QJsonArray errors;
    for (const dicom::DicomError& error : result.errors)
        errors.append(QJsonObject{{"filePath", text(error.filePath())}, {"reason", text(error.reason())}});
    return QJsonDocument(QJsonObject{{"patients", patients}, {"errors", errors}, {"filesExamined", result.filesExamined}});
}

std::string orDash(const std::string& value)
{
    return value.empty() ? "-" : value;
}

void printTree(const dicom::ScanResult& result, std::ostream& out)
{
    for (const dicom::PatientInfo& patient : result.patients) {
        out << "Patient " << orDash(patient.patientName) << "  id " << orDash(patient.patientId) << "  born "
            << orDash(patient.birthDate) << "  sex " << orDash(patient.sex) << "\n";
        for (const dicom::StudyInfo& study : patient.studies) {
            out << "  Study " << orDash(study.studyDate) << " " << orDash(study.studyTime) << "  \""
                << study.studyDescription << "\"  accession " << orDash(study.accessionNumber) << "  uid "
                << orDash(study.studyInstanceUid) << "\n";
            for (const dicom::SeriesInfo& series : study.series) {
                out << "    Series " << series.seriesNumber << "  " << orDash(series.modality) << "  \""
                    << series.description << "\"  " << series.instances.size() << " instance(s)  uid "
                    << orDash(series.seriesInstanceUid) << "\n";
                for (const dicom::InstanceInfo& instance : series.instances) {
                    out << "      Instance " << instance.instanceNumber << "  " << instance.columns << "x"
                        << instance.rows << "  " << instance.numberOfFrames << " frame(s)  "
                        << instance.samplesPerPixel << " sample(s)  " << instance.bitsStored << "/"
                        << instance.bitsAllocated << " bits " << (instance.pixelRepresentationSigned ? "signed" : "unsigned")
                        << "  " << orDash(instance.photometricInterpretation);
                    if (!instance.viewPosition.empty())
                        out << "  view " << instance.viewPosition;
                    out << "  ts " << (instance.isPlainImage ? std::string("plain image") : orDash(instance.transferSyntaxUid))
                        << "\n        " << instance.filePath << "\n";
                }
            }
        }
    }
}

} // namespace

int runInfoCommand(const std::vector<std::string>& arguments)
{
    std::string path;
    bool json = false;
    for (const std::string& argument : arguments) {
        if (argument == "--json") {
            json = true;
        } else if (!argument.empty() && argument[0] != '-' && path.empty()) {
            path = argument;
        } else {
            printError("info: bad arguments (see raddraft-cli info --help)");
            return kExitUsage;
        }
    }
    if (path.empty()) {
        printError("info: missing PATH (see raddraft-cli info --help)");
        return kExitUsage;
    }
    dicom::ScanResult result;
    try {
        result = dicom::scanPath(path);
    } catch (const dicom::DicomError& error) {
        printError(error.what());
        return kExitFailure;
    }
    if (json) {
        std::cout << toJson(result).toJson(QJsonDocument::Indented).toStdString();
    } else {
        printTree(result, std::cout);
        for (const dicom::DicomError& error : result.errors)
            std::cerr << "error: " << error.what() << "\n";
        std::cout << result.filesExamined << " file(s) examined, " << result.errors.size() << " could not be read\n";
    }
    return result.patients.empty() ? kExitFailure : kExitSuccess;
}

} // namespace raddraft::cli
