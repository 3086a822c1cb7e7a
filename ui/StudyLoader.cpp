#include "StudyLoader.h"

#include "dicom/DicomScanner.h"
#include "display/FrameRenderer.h"
#include "display/WindowPresets.h"
#include "mpr/VolumeBuilder.h"

#include <QMetaObject>
#include <QThread>
#include <QPointer>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

namespace raddraft::ui {

StudyLoader::StudyLoader(QObject* parent) : QObject(parent), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<raddraft::dicom::ScanResult>();
    qRegisterMetaType<raddraft::ui::SeriesDecodeResult>();
    qRegisterMetaType<raddraft::ui::VolumeBuildResult>();
    m_workPool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    connect(&m_scanWatcher, &QFutureWatcher<dicom::ScanResult>::finished, this, [this] {
        const bool cancelled = m_cancel->load();
        Q_EMIT scanFinished(m_scanWatcher.result(), cancelled);
        --m_runningJobs;
        trackBusy();
    });
}

StudyLoader::~StudyLoader()
{
    cancel();
    m_scanWatcher.waitForFinished();
    for (auto& watcher : m_decodeWatchers)
        watcher->waitForFinished();
    if (m_thumbnailWatcher)
        m_thumbnailWatcher->waitForFinished();
    if (m_volumeWatcher)
        m_volumeWatcher->waitForFinished();
}

void StudyLoader::trackBusy() { Q_EMIT busyChanged(isBusy()); }

bool StudyLoader::isBusy() const { return m_runningJobs.load() > 0; }

void StudyLoader::cancel() { m_cancel->store(true); }

void StudyLoader::openPath(const QString& path)
{
    cancel();
    m_scanWatcher.waitForFinished();
    // A new flag per scan: a job of the previous scan keeps seeing its own cancellation.
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    clearCache();
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    QPointer<StudyLoader> self(this);
    ++m_runningJobs;
    trackBusy();
    m_scanWatcher.setFuture(QtConcurrent::run(&m_workPool, [path, cancelFlag, self]() -> dicom::ScanResult {
        dicom::ScanOptions options;
        options.cancel = cancelFlag.get();
        options.progress = [self](int done, int found) {
            if (self)
                QMetaObject::invokeMethod(self.data(), [self, done, found] {
                    if (self)
                        Q_EMIT self->scanProgress(done, found);
                }, Qt::QueuedConnection);
        };
        try {
            return dicom::scanPath(path.toStdString(), options);
        } catch (const dicom::DicomError& error) {
            dicom::ScanResult result;
            result.errors.push_back(error);
            return result;
        }
    }));
}

DecodedImagePointer StudyLoader::cachedImage(const std::string& filePath) const
{
    QMutexLocker locker(&m_cacheMutex);
    return m_cache.value(QString::fromStdString(filePath));
}

DecodedImagePointer StudyLoader::decodeCached(const std::string& filePath)
{
    if (DecodedImagePointer cached = cachedImage(filePath))
        return cached;
    auto image = std::make_shared<const dicom::DecodedImage>(dicom::decodeFile(filePath));
    QMutexLocker locker(&m_cacheMutex);
    const QString key = QString::fromStdString(filePath);
    if (!m_cache.contains(key)) {
        m_cache.insert(key, image);
        m_cacheOrder.push_back(key);
        m_cacheBytes += image->pixels.bytes.size();
        // Evict the oldest images beyond the budget; viewports keep theirs alive by shared_ptr.
        while (m_cacheBytes > m_cacheBudget && m_cacheOrder.size() > 1) {
            const QString oldest = m_cacheOrder.front();
            m_cacheOrder.pop_front();
            if (const DecodedImagePointer evicted = m_cache.take(oldest))
                m_cacheBytes -= evicted->pixels.bytes.size();
        }
    }
    return image;
}

void StudyLoader::clearCache()
{
    QMutexLocker locker(&m_cacheMutex);
    m_cache.clear();
    m_cacheOrder.clear();
    m_cacheBytes = 0;
}

void StudyLoader::decodeSeries(const dicom::SeriesInfo& series, int requestId)
{
    std::vector<std::string> files;
    for (const dicom::InstanceInfo& instance : series.instances)
        files.push_back(instance.filePath);
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;

    auto watcher = std::make_unique<QFutureWatcher<InstanceOutcome>>();
    QFutureWatcher<InstanceOutcome>* raw = watcher.get();
    connect(raw, &QFutureWatcher<InstanceOutcome>::finished, this, [this, raw, requestId, cancelFlag] {
        SeriesDecodeResult result;
        result.requestId = requestId;
        result.cancelled = cancelFlag->load();
        // Results come in input order: the series order.
        for (const InstanceOutcome& outcome : raw->future().results()) {
            if (outcome.image)
                result.images.push_back(outcome.image);
            else if (!outcome.error.isEmpty())
                result.errors << outcome.error;
        }
        --m_runningJobs;
        trackBusy();
        Q_EMIT seriesDecoded(result);
        for (auto it = m_decodeWatchers.begin(); it != m_decodeWatchers.end(); ++it)
            if (it->get() == raw) {
                it->release()->deleteLater();
                m_decodeWatchers.erase(it);
                break;
            }
    });
    ++m_runningJobs;
    trackBusy();
    // Instances decode in parallel; nothing here blocks a pool thread on another pool job.
    raw->setFuture(QtConcurrent::mapped(&m_workPool, files, [this, cancelFlag](const std::string& file) -> InstanceOutcome {
        if (cancelFlag->load())
            return {};
        try {
            return {decodeCached(file), {}};
        } catch (const dicom::DicomError& error) {
            return {nullptr, QString::fromStdString(error.what())};
        }
    }));
    m_decodeWatchers.push_back(std::move(watcher));
}

void StudyLoader::makeThumbnails(const std::vector<const dicom::SeriesInfo*>& series, int size)
{
    struct Job {
        QString seriesUid;
        std::string filePath;
    };
    std::vector<Job> jobs;
    for (const dicom::SeriesInfo* item : series)
        if (item && !item->instances.empty())
            jobs.push_back({QString::fromStdString(item->seriesInstanceUid),
                            item->instances[item->instances.size() / 2].filePath});
    if (m_thumbnailWatcher)
        m_thumbnailWatcher->waitForFinished();
    m_thumbnailWatcher = std::make_unique<QFutureWatcher<void>>();
    connect(m_thumbnailWatcher.get(), &QFutureWatcher<void>::finished, this, [this] {
        --m_runningJobs;
        trackBusy();
    });
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    QPointer<StudyLoader> self(this);
    ++m_runningJobs;
    trackBusy();
    m_thumbnailWatcher->setFuture(QtConcurrent::run(&m_workPool, [this, jobs, size, cancelFlag, self] {
        for (const Job& job : jobs) {
            if (cancelFlag->load())
                return;
            QImage thumbnail;
            try {
                const DecodedImagePointer image = decodeCached(job.filePath);
                viewer::FrameRenderer renderer;
                renderer.setImage(image);
                const int frame = image->pixels.frames / 2;
                QImage full;
                renderer.render(frame, viewer::defaultDisplaySettings(*image, frame), full);
                // Nearest-neighbour down to twice the size, then smooth: a smooth scale of a
                // 3000-pixel image to 96 pixels costs tens of milliseconds.
                const QImage reduced = full.width() > 4 * size || full.height() > 4 * size
                                           ? full.scaled(2 * size, 2 * size, Qt::KeepAspectRatio, Qt::FastTransformation)
                                           : full;
                thumbnail = reduced.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            } catch (const dicom::DicomError&) {
                continue; // the series view reports the error when it is opened
            }
            QMetaObject::invokeMethod(self.data(), [self, uid = job.seriesUid, thumbnail] {
                if (self)
                    Q_EMIT self->thumbnailReady(uid, thumbnail);
            }, Qt::QueuedConnection);
        }
    }));
}

} // namespace raddraft::ui

namespace raddraft::ui {

void StudyLoader::buildVolume(const dicom::SeriesInfo& series)
{
    if (m_volumeWatcher)
        m_volumeWatcher->waitForFinished();
    m_volumeWatcher = std::make_unique<QFutureWatcher<VolumeBuildResult>>();
    connect(m_volumeWatcher.get(), &QFutureWatcher<VolumeBuildResult>::finished, this, [this] {
        --m_runningJobs;
        trackBusy();
        Q_EMIT volumeBuilt(m_volumeWatcher->result());
    });
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    QPointer<StudyLoader> self(this);
    ++m_runningJobs;
    trackBusy();
    m_volumeWatcher->setFuture(QtConcurrent::run(&m_workPool, [series, cancelFlag, self]() {
        VolumeBuildResult result;
        mpr::VolumeBuildOptions options;
        options.cancel = cancelFlag.get();
        options.progress = [self](int done, int total) {
            QMetaObject::invokeMethod(self.data(), [self, done, total] {
                if (self)
                    Q_EMIT self->volumeProgress(done, total);
            }, Qt::QueuedConnection);
        };
        // VolumeError is no QException: it must not cross the future, so it becomes text here.
        try {
            result.volume = mpr::VolumeBuilder::fromSeries(series, options);
        } catch (const mpr::VolumeError& error) {
            result.cancelled = error.kind() == mpr::VolumeError::Kind::Cancelled;
            result.error = QString::fromStdString(error.what());
        }
        return result;
    }));
}

} // namespace raddraft::ui
