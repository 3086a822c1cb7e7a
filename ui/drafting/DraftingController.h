#pragma once
// Runs a model bundle on a study off the UI thread.
//
// One worker thread (its own QThreadPool) loads each bundle's inference::Pipeline once and keeps
// it; drafts run there one at a time. The UI thread only packs the request (shared image
// pointers, the display settings) and receives the result: image conversion to model input
// (viewer::toUnitImage), loading and inference all happen on the worker. Progress comes from the
// pipeline's ProgressCallback, forwarded to the UI thread through queued calls; cancellation is the
// pipeline's CancellationToken. Finished drafts go to a DraftRepository (in memory by default) and
// are served from there when the same study and bundle are asked for again.

#include "DraftRepository.h"
#include "dicom/PixelDecoder.h"
#include "display/FrameRenderer.h"
#include "inference/Pipeline.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <vector>

namespace raddraft::ui {

/// One view as the viewer shows it: the model sees what the radiologist sees.
struct DraftViewImage {
    std::shared_ptr<const dicom::DecodedImage> image;
    int frame = 0;
    viewer::DisplaySettings settings; ///< the viewport's window (its inversion flag is ignored)
};

struct DraftRequest {
    QString studyUid;        ///< cache key, with bundleHash
    QString bundleDirectory;
    QString bundleHash;      ///< SHA-256 of the bundle's manifest (InstalledBundle::bundleHash)
    std::optional<DraftViewImage> frontal;
    std::optional<DraftViewImage> lateral;
};

class DraftingController : public QObject {
    Q_OBJECT
public:
    explicit DraftingController(QObject* parent = nullptr);
    /// Cancels what runs and waits for the worker to stop (the pipeline checks its token between
    /// stages and decoding steps).
    ~DraftingController() override;

    /// Where drafts are kept; not owned, must outlive the controller. nullptr restores the
    /// built-in in-memory repository.
    void setRepository(DraftRepository* repository);
    DraftRepository& repository() const { return *m_repository; }

    /// Options for pipelines loaded from now on (a bundle loaded with other options is reloaded).
    /// Default: device Auto, CPU threads = cores − 1 so the UI thread keeps a core.
    void setPipelineOptions(const inference::PipelineOptions& options) { m_options = options; }
    const inference::PipelineOptions& pipelineOptions() const { return m_options; }

    /// Starts drafting `request`; a draft still running is cancelled first. When the repository
    /// already has the draft, draftReady is emitted before this returns (fromCache = true) and the
    /// result is true; otherwise the work is queued and the result is false.
    bool draft(const DraftRequest& request);
    /// Asks the running draft to stop; draftCancelled follows.
    void cancel();
    bool isRunning() const { return m_runningJobs > 0; }

Q_SIGNALS:
    void runningChanged(bool running);
    /// stage: "load", "preprocess", "extractor", "encoder", "decode"; overall in [0, 1].
    void progressChanged(const QString& stage, double overall);
    void draftReady(const QString& studyUid, const QString& bundleHash, raddraft::ui::DraftPointer draft, bool fromCache);
    /// `message` names the file (bundle) and the reason.
    void draftFailed(const QString& studyUid, const QString& bundleHash, const QString& message);
    void draftCancelled(const QString& studyUid, const QString& bundleHash);

private:
    struct Outcome {
        DraftPointer draft;
        QString error;
        bool cancelled = false;
    };
    struct WorkerState;
    struct Job {
        DraftRequest request;
        inference::CancellationToken token;
        std::unique_ptr<QFutureWatcher<Outcome>> watcher;
    };

    void finishJob(Job* job);

    QThreadPool m_pool; ///< one thread: drafts run one after another on the pipelines it keeps
    std::shared_ptr<WorkerState> m_worker;
    std::vector<std::unique_ptr<Job>> m_jobs;
    int m_runningJobs = 0;
    inference::PipelineOptions m_options;
    std::unique_ptr<DraftRepository> m_ownRepository;
    DraftRepository* m_repository = nullptr;
};

} // namespace raddraft::ui
