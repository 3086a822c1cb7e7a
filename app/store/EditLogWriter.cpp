#include "store/EditLogWriter.h"

#include <QDebug>

#include <map>

namespace raddraft::store {

using report::editCauseName;
using report::editKindName;
using report::editTargetName;
using report::EditKind;

EditLogWriter::EditLogWriter(std::unique_ptr<SqliteDatabase> database, const Options& options, FailureCallback onFailure,
                             RecoveryCallback onRecovery)
    : m_database(std::move(database)), m_options(options), m_onFailure(std::move(onFailure)),
      m_onRecovery(std::move(onRecovery)), m_thread([this] { run(); })
{
}

EditLogWriter::~EditLogWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void EditLogWriter::enqueue(PendingEvent event)
{
    bool first = false;
    {
        const std::lock_guard lock(m_mutex);
        first = m_queue.empty();
        if (first)
            m_firstQueuedAt = std::chrono::steady_clock::now();
        m_queue.push_back(std::move(event));
    }
    // Only the first event of a window needs to wake the writer (it then sleeps until the window
    // closes); waking it for every keystroke would cost a context switch each.
    if (first)
        m_wake.notify_one();
}

void EditLogWriter::flush()
{
    std::unique_lock lock(m_mutex);
    if (m_queue.empty() && m_inFlight == 0)
        return;
    const qint64 failuresBefore = m_failures;
    m_flushRequested = true;
    m_wake.notify_one();
    m_progress.wait(lock, [&] { return (m_queue.empty() && m_inFlight == 0) || m_failures != failuresBefore; });
    if (m_failures != failuresBefore && m_failure)
        throw *m_failure;
}

EditLogWriterStatus EditLogWriter::status() const
{
    const std::lock_guard lock(m_mutex);
    return {static_cast<qint64>(m_queue.size()) + m_inFlight, m_written, m_batches, m_failure};
}

void EditLogWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping with nothing left
        // Coalesce: let events of the next moments join this transaction, unless asked to hurry.
        m_wake.wait_until(lock, m_firstQueuedAt + m_options.coalesceWindow, [&] { return m_stopping || m_flushRequested; });
        m_flushRequested = false;
        std::deque<PendingEvent> batch;
        batch.swap(m_queue); // O(1): the caller's thread never waits for a copy of the queue
        m_inFlight = static_cast<qint64>(batch.size());
        lock.unlock();

        std::optional<EditLogError> error;
        try {
            write(batch);
        } catch (const EditLogError& failure) {
            error = failure;
        }

        lock.lock();
        m_inFlight = 0;
        const bool recovered = !error && m_failure.has_value();
        if (error) {
            // Keep the events, in order, ahead of anything queued meanwhile.
            m_queue.insert(m_queue.begin(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
            m_firstQueuedAt = std::chrono::steady_clock::now();
            m_failure = error;
            ++m_failures;
        } else {
            m_written += static_cast<qint64>(batch.size());
            ++m_batches;
            m_failure.reset();
        }
        m_progress.notify_all();
        lock.unlock();
        if (error && m_onFailure)
            m_onFailure(*error);
        if (recovered && m_onRecovery)
            m_onRecovery();
        lock.lock();
        if (error) {
            if (m_stopping) {
                qWarning("edit log: %d events could not be written when closing: %s", int(m_queue.size()), error->what());
                return;
            }
            m_wake.wait_for(lock, m_options.retryInterval, [&] { return m_stopping || m_flushRequested; });
        }
    }
}

void EditLogWriter::write(const std::deque<PendingEvent>& batch)
{
    if (!m_insertEvent) {
        m_insertEvent.emplace(m_database->prepare(
            "INSERT INTO edit_events (draft_id, sequence, user, timestamp_us, cause, kind, target, section, sentence_id, "
            "position, before_text, after_text, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
        m_insertTagCorrection.emplace(m_database->prepare(
            "INSERT INTO tag_corrections (event_id, draft_id, finding, before_status, after_status, user, timestamp_us, cause) "
            "VALUES (?1, ?2, json_extract(?3, '$.finding'), ?4, ?5, ?6, ?7, ?8)"));
        m_insertSignOff.emplace(
            m_database->prepare("INSERT INTO sign_offs (draft_id, user, signed_at_us, final_text) VALUES (?1, ?2, ?3, ?4)"));
        m_updateCurrentText.emplace(m_database->prepare("UPDATE drafts SET current_text = ?1 WHERE id = ?2"));
    }
    SqliteTransaction transaction(*m_database);
    std::map<qint64, const QString*> latestText;
    for (const PendingEvent& pending : batch) {
        const report::EditEvent& event = pending.event;
        const report::EditChange& change = event.change;
        m_insertEvent->bind(1, pending.draftId)
            .bind(2, event.sequence)
            .bind(3, event.user)
            .bind(4, event.timestampMicroseconds)
            .bind(5, editCauseName(event.cause))
            .bind(6, editKindName(change.kind))
            .bind(7, editTargetName(change.target))
            .bind(8, report::reportSectionName(change.section))
            .bind(9, change.sentenceId)
            .bind(10, qint64(change.position))
            .bind(11, change.before)
            .bind(12, change.after)
            .bind(13, change.source)
            .run();
        if (change.kind == EditKind::TagCorrection) {
            m_insertTagCorrection->bind(1, m_database->lastInsertRowId())
                .bind(2, pending.draftId)
                .bind(3, change.source)
                .bind(4, change.before)
                .bind(5, change.after)
                .bind(6, event.user)
                .bind(7, event.timestampMicroseconds)
                .bind(8, editCauseName(event.cause))
                .run();
        } else if (change.kind == EditKind::Sign) {
            m_insertSignOff->bind(1, pending.draftId).bind(2, event.user).bind(3, event.timestampMicroseconds).bind(4, change.after).run();
        }
        latestText[pending.draftId] = &pending.currentText;
    }
    for (const auto& [draftId, text] : latestText)
        m_updateCurrentText->bind(1, *text).bind(2, draftId).run();
    transaction.commit();
}

} // namespace raddraft::store
