#include "dicom/DicomScanner.h"

#include "dicom/DcmtkSupport.h"
#include "dicom/PlainImage.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace raddraft::dicom {

namespace fs = std::filesystem;

namespace {

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool isNamedDicomDir(const fs::path& path)
{
    return upper(path.filename().string()) == "DICOMDIR";
}

/// Resolves a Referenced File ID against the DICOMDIR's folder. Media written on case-insensitive
/// systems often store the IDs in upper case and the files in lower case: try both.
std::string resolveFileId(const fs::path& base, const std::vector<std::string>& components)
{
    fs::path exact = base;
    fs::path lowered = base;
    for (const std::string& component : components) {
        exact /= component;
        lowered /= lower(component);
    }
    std::error_code error;
    if (!fs::exists(exact, error) && fs::exists(lowered, error))
        return lowered.lexically_normal().string();
    return exact.lexically_normal().string();
}

std::vector<std::string> listFolder(const std::string& folder)
{
    std::vector<std::string> files;
    std::error_code error;
    fs::recursive_directory_iterator iterator(folder, fs::directory_options::skip_permission_denied, error);
    if (error)
        throw DicomError(folder, "cannot list folder: " + error.message());
    for (const fs::recursive_directory_iterator end; iterator != end; iterator.increment(error)) {
        if (error)
            break; // an unreadable sub-folder: keep what was found
        const fs::path& path = iterator->path();
        const std::string name = path.filename().string();
        // Hidden files (.DS_Store, our writer's temporary files) are not part of a study, and a
        // DICOMDIR inside a folder only repeats files the walk reaches anyway.
        if (!name.empty() && name[0] == '.') {
            if (iterator->is_directory(error))
                iterator.disable_recursion_pending();
            continue;
        }
        if (iterator->is_regular_file(error) && !isNamedDicomDir(path))
            files.push_back(path.string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

bool isDicomDir(const std::string& filePath)
{
    if (isNamedDicomDir(fs::path(filePath)))
        return true;
    if (!detail::looksLikeDicom(filePath, false))
        return false;
    DcmFileFormat file;
    detail::initialiseDcmtk();
    // The meta header alone tells: stop before the dataset.
    if (file.loadFileUntilTag(filePath.c_str(), EXS_Unknown, EGL_noChange, 256, ERM_fileOnly, DCM_SpecificCharacterSet).bad())
        return false;
    DcmMetaInfo* meta = file.getMetaInfo();
    return meta != nullptr && detail::stringValue(*meta, DCM_MediaStorageSOPClassUID) == UID_MediaStorageDirectoryStorage;
}

std::vector<std::string> filesReferencedByDicomDir(const std::string& dicomDirPath)
{
    std::unique_ptr<DcmFileFormat> file = detail::loadDicomFile(dicomDirPath, true);
    DcmSequenceOfItems* records = nullptr;
    if (file->getDataset()->findAndGetSequence(DCM_DirectoryRecordSequence, records).bad() || records == nullptr)
        throw DicomError(dicomDirPath, "DICOMDIR without a Directory Record Sequence");
    std::error_code error;
    const fs::path base = fs::absolute(fs::path(dicomDirPath), error).parent_path();
    std::vector<std::string> files;
    std::set<std::string> seen;
    for (unsigned long i = 0; i < records->card(); ++i) {
        DcmItem* record = records->getItem(i);
        if (record == nullptr)
            continue;
        const std::string fileId = detail::stringValue(*record, DCM_ReferencedFileID);
        if (fileId.empty())
            continue;
        const std::string path = resolveFileId(base, detail::splitMultipleValues(fileId));
        if (seen.insert(path).second)
            files.push_back(path);
    }
    return files;
}

InstanceHeader readFileHeader(const std::string& filePath, const ScanOptions& options)
{
    if (detail::isPlainImageFile(filePath)) {
        if (!options.acceptPlainImages)
            throw DicomError(filePath, "not a DICOM file (a PNG/JPEG image; plain images are switched off)");
        return detail::readPlainImageHeader(filePath);
    }
    try {
        std::unique_ptr<DcmFileFormat> file = detail::loadDicomFile(filePath, options.acceptFilesWithoutMetaHeader);
        return detail::extractInstanceHeader(*file, filePath);
    } catch (const DicomError&) {
        throw;
    } catch (const std::exception& error) {
        throw DicomError(filePath, std::string("cannot read header: ") + error.what());
    }
}

InstanceInfo readInstanceHeader(const std::string& filePath, const ScanOptions& options)
{
    return readFileHeader(filePath, options).instance;
}

ScanResult scanPath(const std::string& path, const ScanOptions& options)
{
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status))
        throw DicomError(path, "does not exist");

    ScanResult result;
    std::vector<std::string> files;
    if (fs::is_directory(status)) {
        files = listFolder(path);
    } else if (isDicomDir(path)) {
        files = filesReferencedByDicomDir(path);
    } else {
        files.push_back(path);
    }

    std::vector<InstanceHeader> headers;
    std::set<std::string> seenInstances; // the same SOP instance copied twice is shown once
    const int total = static_cast<int>(files.size());
    for (int i = 0; i < total; ++i) {
        if (options.cancel != nullptr && options.cancel->load())
            break;
        const std::string& file = files[static_cast<std::size_t>(i)];
        ++result.filesExamined;
        try {
            InstanceHeader header = readFileHeader(file, options);
            const std::string& uid = header.instance.sopInstanceUid;
            if (uid.empty() || seenInstances.insert(uid).second)
                headers.push_back(std::move(header));
        } catch (const DicomError& failure) {
            result.errors.push_back(failure);
        }
        if (options.progress)
            options.progress(i + 1, total);
    }
    result.patients = buildStudyTree(std::move(headers));
    return result;
}

} // namespace raddraft::dicom
