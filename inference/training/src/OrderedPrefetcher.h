#pragma once
// Produces items 0 … count−1 on worker threads and hands them out strictly in index order, with at
// most `capacity` items finished or in flight ahead of the consumer (a bounded queue). When every
// item depends only on its index (its random draws seeded from the index, never from a shared
// generator), the sequence is identical for any number of workers and any timing: this is what
// makes data loading deterministic per seed.
//
// An exception thrown while producing item i is rethrown by next() when item i is due (items
// before it are still delivered). The destructor stops the workers and waits for them.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace raddraft::training {

template <typename Item>
class OrderedPrefetcher {
public:
    using Producer = std::function<Item(std::size_t index)>;

    /// workers 0: each item is produced by next() on the calling thread. onWorkerStart runs once
    /// at the start of every worker thread (e.g. to limit its OpenMP team).
    OrderedPrefetcher(std::size_t count, int workers, std::size_t capacity, Producer produce,
                      std::function<void()> onWorkerStart = {})
        : m_count(count), m_capacity(capacity < 1 ? 1 : capacity), m_produce(std::move(produce)) {
        for (int i = 0; i < workers; ++i) {
            m_workers.emplace_back([this, onWorkerStart] {
                if (onWorkerStart) onWorkerStart();
                work();
            });
        }
    }

    ~OrderedPrefetcher() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_changed.notify_all();
        for (std::thread& worker : m_workers) worker.join();
    }

    OrderedPrefetcher(const OrderedPrefetcher&) = delete;
    OrderedPrefetcher& operator=(const OrderedPrefetcher&) = delete;

    std::size_t count() const { return m_count; }

    /// The next item in index order, or nullopt after the last. Rethrows a producer's exception.
    std::optional<Item> next() {
        if (m_delivered >= m_count) return std::nullopt;
        if (m_workers.empty()) return m_produce(m_delivered++);
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_done.count(m_delivered) != 0; });
        Slot slot = std::move(m_done.at(m_delivered));
        m_done.erase(m_delivered);
        ++m_delivered;
        lock.unlock();
        m_changed.notify_all(); // room for one more item
        if (slot.error) std::rethrow_exception(slot.error);
        return std::move(*slot.item);
    }

private:
    struct Slot {
        std::optional<Item> item;
        std::exception_ptr error;
    };

    void work() {
        for (;;) {
            std::size_t index = 0;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [this] {
                    return m_stopping || m_claimed >= m_count || m_claimed < m_delivered + m_capacity;
                });
                if (m_stopping || m_claimed >= m_count) return;
                index = m_claimed++;
            }
            Slot slot;
            try {
                slot.item.emplace(m_produce(index));
            } catch (...) {
                slot.error = std::current_exception();
            }
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_done.emplace(index, std::move(slot));
            }
            m_changed.notify_all();
        }
    }

    const std::size_t m_count;
    const std::size_t m_capacity;
    Producer m_produce;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<std::size_t, Slot> m_done;
    std::size_t m_claimed = 0;   ///< next index a worker takes
    std::size_t m_delivered = 0; ///< next index next() returns
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

} // namespace raddraft::training
