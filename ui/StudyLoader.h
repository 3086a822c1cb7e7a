#pragma once
// Opens studies off the UI thread: scans a path, decodes series and makes thumbnails, each in
// the background with progress and cancellation. Decoded images are cached (bounded by bytes)
// so switching between series of the open study is instant.

#include "dicom/PixelDecoder.h"
#include "dicom/StudyTree.h"
#include "mpr/Volume.h"

#include <QFutureWatcher>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <deque>
#include <memory>
#include <vector>

namespace raddraft::ui {

using DecodedImagePointer = std::shared_ptr<const dicom::DecodedImage>;

struct VolumeBuildResult {
    std::shared_ptr<const mpr::Volume> volume; ///< null on failure or cancellation
    QString error;                             ///< why not, naming the series and instance
    bool cancelled = false;
};

struct SeriesDecodeResult {
    int requestId = 0;
    std::vector<DecodedImagePointer> images; ///< in series order; failed instances are left out
    QStringList errors;                      ///< "file: reason" per instance that failed
    bool cancelled = false;
};

class StudyLoader : public QObject {
    Q_OBJECT
public:
    explicit StudyLoader(QObject* parent = nullptr);
    ~StudyLoader() override;

    /// Starts scanning `path` (file, folder or DICOMDIR); cancels a scan in progress. Emits
    /// scanProgress while running and scanFinished (also when cancelled, with what was found).
    void openPath(const QString& path);
    /// Decodes the instances of `series` (all frames) in the background; emits seriesDecoded
    /// with `requestId`. Cached images are returned without decoding again.
    void decodeSeries(const dicom::SeriesInfo& series, int requestId);
    /// Renders a thumbnail (edge `size` pixels) of each series' middle instance; emits
    /// thumbnailReady per series.
    void makeThumbnails(const std::vector<const dicom::SeriesInfo*>& series, int size = 96);
    /// Builds the 3-D volume of `series` for MPR in the background; emits volumeProgress and
    /// volumeBuilt. The header-only geometry check runs first, so an inconsistent series fails fast.
    void buildVolume(const dicom::SeriesInfo& series);
    /// Asks every running job to stop as soon as possible.
    void cancel();
    bool isBusy() const;

    /// A decoded image if it is in the cache.
    DecodedImagePointer cachedImage(const std::string& filePath) const;
    /// Decodes one file synchronously through the cache (for worker threads). Throws DicomError.
    DecodedImagePointer decodeCached(const std::string& filePath);
    void clearCache();
    void setCacheBudgetBytes(std::size_t bytes) { m_cacheBudget = bytes; }

Q_SIGNALS:
    void scanProgress(int filesDone, int filesFound);
    void scanFinished(const raddraft::dicom::ScanResult& result, bool cancelled);
    void seriesDecoded(const raddraft::ui::SeriesDecodeResult& result);
    void thumbnailReady(const QString& seriesUid, const QImage& thumbnail);
    void volumeProgress(int slicesDone, int slicesTotal);
    void volumeBuilt(const raddraft::ui::VolumeBuildResult& result);
    void busyChanged(bool busy);

private:
    void trackBusy();

    struct InstanceOutcome {
        DecodedImagePointer image;
        QString error;
    };

    // Long jobs (scan, decode, thumbnails) run on their own pool; the global pool stays free for
    // the short parallel loops of rendering, which the UI thread waits on.
    QThreadPool m_workPool;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<dicom::ScanResult> m_scanWatcher;
    std::vector<std::unique_ptr<QFutureWatcher<InstanceOutcome>>> m_decodeWatchers;
    std::unique_ptr<QFutureWatcher<void>> m_thumbnailWatcher;
    std::unique_ptr<QFutureWatcher<VolumeBuildResult>> m_volumeWatcher;
    std::atomic<int> m_runningJobs{0};

    mutable QMutex m_cacheMutex;
    QHash<QString, DecodedImagePointer> m_cache;
    std::deque<QString> m_cacheOrder; ///< oldest first, for eviction
    std::size_t m_cacheBytes = 0;
    std::size_t m_cacheBudget = std::size_t{1536} << 20;
};

} // namespace raddraft::ui

Q_DECLARE_METATYPE(raddraft::dicom::ScanResult)
Q_DECLARE_METATYPE(raddraft::ui::SeriesDecodeResult)
Q_DECLARE_METATYPE(raddraft::ui::VolumeBuildResult)
