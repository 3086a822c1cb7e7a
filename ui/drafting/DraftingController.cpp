#include "DraftingController.h"

#include "MemoryDraftRepository.h"
#include "display/ModelInput.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <map>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace raddraft::ui {

namespace {

bool sameOptions(const inference::PipelineOptions& a, const inference::PipelineOptions& b)
{
    return a.device == b.device && a.halfPrecision == b.halfPrecision && a.threads == b.threads &&
           a.verifyChecksums == b.verifyChecksums && a.beamWidth == b.beamWidth && a.maxLength == b.maxLength &&
           a.minLength == b.minLength;
}

// Share of the whole run per pipeline stage (decoding dominates on the CPU).
double overallProgress(const std::string& stage, double fraction)
{
    static const std::vector<std::pair<std::string, double>> weights{
        {"preprocess", 0.05}, {"extractor", 0.2}, {"encoder", 0.1}, {"decode", 0.65}};
    double done = 0.0;
    for (const auto& [name, weight] : weights) {
        if (name == stage)
            return done + weight * std::clamp(fraction, 0.0, 1.0);
        done += weight;
    }
    return stage == "done" ? 1.0 : 0.0;
}

// The worker computes for seconds; the UI thread must win every time both want a core. Nice 10
// on this thread (per-thread on Linux; LibTorch's threads, created from it, inherit it) gives the
// UI thread about ten times its weight without starving drafting on an idle machine.
void lowerWorkerPriority()
{
#ifdef __linux__
    static thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    }
#endif
}

inference::ImageView toModelView(const DraftViewImage& view)
{
    viewer::UnitImage unit = viewer::toUnitImage(*view.image, view.frame, view.settings);
    return inference::ImageView{std::move(unit.pixels), unit.width, unit.height};
}

} // namespace

// Lives as long as any job: the pipelines are only touched by the pool's single thread.
struct DraftingController::WorkerState {
    struct Loaded {
        std::string hash;
        inference::PipelineOptions options;
        std::unique_ptr<inference::Pipeline> pipeline;
    };
    std::map<std::string, Loaded> pipelines; ///< bundle directory → pipeline

    inference::Pipeline& obtain(const std::string& directory, const std::string& hash, const inference::PipelineOptions& options)
    {
        auto it = pipelines.find(directory);
        if (it == pipelines.end() || it->second.hash != hash || !sameOptions(it->second.options, options)) {
            if (it != pipelines.end())
                pipelines.erase(it); // free the old weights before loading new ones
            auto pipeline = std::make_unique<inference::Pipeline>(inference::Pipeline::load(directory, options));
            it = pipelines.emplace(directory, Loaded{hash, options, std::move(pipeline)}).first;
        }
        return *it->second.pipeline;
    }
};

DraftingController::DraftingController(QObject* parent)
    : QObject(parent), m_worker(std::make_shared<WorkerState>()),
      m_ownRepository(std::make_unique<MemoryDraftRepository>()), m_repository(m_ownRepository.get())
{
    qRegisterMetaType<raddraft::ui::DraftPointer>();
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // keep the thread: LibTorch's thread pools are tied to it
    m_options.threads = std::max(1, QThread::idealThreadCount() - 1);
}

DraftingController::~DraftingController()
{
    for (const auto& job : m_jobs)
        job->token.cancel();
    m_pool.waitForDone();
}

void DraftingController::setRepository(DraftRepository* repository)
{
    m_repository = repository ? repository : m_ownRepository.get();
}

bool DraftingController::draft(const DraftRequest& request)
{
    if (DraftPointer cached = m_repository->find(request.studyUid, request.bundleHash)) {
        Q_EMIT draftReady(request.studyUid, request.bundleHash, cached, true);
        return true;
    }
    cancel();

    auto job = std::make_unique<Job>();
    job->request = request;
    job->watcher = std::make_unique<QFutureWatcher<Outcome>>();
    Job* raw = job.get();
    connect(raw->watcher.get(), &QFutureWatcher<Outcome>::finished, this, [this, raw] { finishJob(raw); });

    const std::shared_ptr<WorkerState> worker = m_worker;
    const inference::PipelineOptions options = m_options;
    const inference::CancellationToken token = raw->token;
    QPointer<DraftingController> self(this);
    const auto report = [self](const std::string& stage, double overall) {
        QMetaObject::invokeMethod(self.data(), [self, stage = QString::fromStdString(stage), overall] {
            if (self)
                Q_EMIT self->progressChanged(stage, overall);
        }, Qt::QueuedConnection);
    };
    ++m_runningJobs;
    if (m_runningJobs == 1)
        Q_EMIT runningChanged(true);
    raw->watcher->setFuture(QtConcurrent::run(&m_pool, [request, worker, options, token, report]() -> Outcome {
        Outcome outcome;
        try {
            lowerWorkerPriority();
            if (token.isCancelled())
                throw inference::CancelledError();
            report("load", 0.0);
            inference::Pipeline& pipeline =
                worker->obtain(request.bundleDirectory.toStdString(), request.bundleHash.toStdString(), options);
            report("preprocess", 0.0);
            inference::StudyInput study;
            if (request.frontal)
                study.frontal = toModelView(*request.frontal);
            if (request.lateral)
                study.lateral = toModelView(*request.lateral);
            inference::RunOptions run;
            run.cancellation = token;
            // Decoding reports every step; forward a new stage at once and progress within a stage
            // at most every 50 ms: each report is a cross-thread post to the UI thread.
            std::string lastStage;
            auto lastReport = std::chrono::steady_clock::now();
            run.progress = [&](const std::string& stage, double fraction) {
                const auto now = std::chrono::steady_clock::now();
                if (stage != lastStage || now - lastReport >= std::chrono::milliseconds(50)) {
                    lastStage = stage;
                    lastReport = now;
                    report(stage, overallProgress(stage, fraction));
                }
            };
            outcome.draft = std::make_shared<const inference::Draft>(pipeline.run(study, run));
        } catch (const inference::CancelledError&) {
            outcome.cancelled = true;
        } catch (const std::exception& error) { // InferenceError, and std::bad_alloc from conversions
            outcome.error = QString::fromStdString(error.what());
        }
        return outcome;
    }));
    m_jobs.push_back(std::move(job));
    return false;
}

void DraftingController::cancel()
{
    for (const auto& job : m_jobs)
        job->token.cancel();
}

void DraftingController::finishJob(Job* job)
{
    const Outcome outcome = job->watcher->result();
    const DraftRequest request = job->request;
    const bool cancelled = outcome.cancelled || (job->token.isCancelled() && !outcome.draft);
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it)
        if (it->get() == job) {
            // The watcher is the sender of this call: delete it once the signal has returned.
            it->get()->watcher.release()->deleteLater();
            m_jobs.erase(it);
            break;
        }
    --m_runningJobs;
    if (outcome.draft) {
        m_repository->store(request.studyUid, request.bundleHash, outcome.draft);
        Q_EMIT draftReady(request.studyUid, request.bundleHash, outcome.draft, false);
    } else if (cancelled) {
        Q_EMIT draftCancelled(request.studyUid, request.bundleHash);
    } else {
        Q_EMIT draftFailed(request.studyUid, request.bundleHash, outcome.error);
    }
    if (m_runningJobs == 0)
        Q_EMIT runningChanged(false);
}

} // namespace raddraft::ui
