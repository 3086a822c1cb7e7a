#pragma once
// The edit log's background writer: the caller's thread only appends an event to a queue (a few
// microseconds); this thread collects what arrives within a short window and writes it in one
// transaction on its own connection. A crash therefore loses at most the events of the last
// window. A failed write (locked, disk full) keeps the events queued, reports the error and is
// retried; nothing is dropped while the program runs.

#include "store/EditLogError.h"
#include "store/SqliteDatabase.h"

#include "report/EditEvent.h"

#include <QString>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace raddraft::store {

struct PendingEvent {
    qint64 draftId = 0;
    report::EditEvent event;
    QString currentText; ///< the document's final text just after the event
};

struct EditLogWriterStatus {
    qint64 pendingEvents = 0;  ///< queued or being written, not yet committed
    qint64 writtenEvents = 0;  ///< committed since the writer started
    qint64 writtenBatches = 0; ///< transactions committed since the writer started
    std::optional<EditLogError> failure; ///< the last write's error while writes are failing
};

class EditLogWriter {
public:
    struct Options {
        std::chrono::milliseconds coalesceWindow{250}; ///< from the first queued event to its transaction
        std::chrono::milliseconds retryInterval{1000}; ///< after a failed write
    };
    /// Called on the writer thread, without the queue's lock held.
    using FailureCallback = std::function<void(const EditLogError& error)>;
    using RecoveryCallback = std::function<void()>;

    EditLogWriter(std::unique_ptr<SqliteDatabase> database, const Options& options, FailureCallback onFailure,
                  RecoveryCallback onRecovery);
    /// Writes what is still queued (one last attempt), then stops the thread.
    ~EditLogWriter();
    EditLogWriter(const EditLogWriter&) = delete;
    EditLogWriter& operator=(const EditLogWriter&) = delete;

    /// Queues one event; never blocks on the database. Thread-safe.
    void enqueue(PendingEvent event);
    /// Writes everything queued now and waits for it. Throws the write's EditLogError if it fails
    /// (the events stay queued and are retried).
    void flush();
    EditLogWriterStatus status() const;

private:
    void run();
    void write(const std::deque<PendingEvent>& batch);

    std::unique_ptr<SqliteDatabase> m_database; ///< used on the writer thread only
    Options m_options;
    FailureCallback m_onFailure;
    RecoveryCallback m_onRecovery;
    std::optional<SqliteStatement> m_insertEvent;
    std::optional<SqliteStatement> m_insertTagCorrection;
    std::optional<SqliteStatement> m_insertSignOff;
    std::optional<SqliteStatement> m_updateCurrentText;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;     ///< writer waits: new events, flush, stop
    std::condition_variable m_progress; ///< flush waits: a batch committed or failed
    std::deque<PendingEvent> m_queue;
    std::chrono::steady_clock::time_point m_firstQueuedAt;
    qint64 m_inFlight = 0;
    qint64 m_written = 0;
    qint64 m_batches = 0;
    qint64 m_failures = 0;
    std::optional<EditLogError> m_failure;
    bool m_flushRequested = false;
    bool m_stopping = false;
    std::thread m_thread; ///< last: starts after every member above exists
};

} // namespace raddraft::store
