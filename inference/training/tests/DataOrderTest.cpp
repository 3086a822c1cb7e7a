// Deterministic data order: batch plans, seeds, and the ordered prefetcher (same items in the same
// order for any number of worker threads, bounded look-ahead, errors at their index).

#include "BatchPlan.h"
#include "OrderedPrefetcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>

using namespace raddraft::training;

TEST(BatchPlan, EveryExampleOnceInBatchesAndTheSameForTheSameSeed) {
    const auto plan = planBatches(10, 4, true, 123);
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_EQ(plan[0].size(), 4u);
    EXPECT_EQ(plan[2].size(), 2u); // the last batch keeps the remainder
    std::multiset<std::size_t> seen;
    for (const auto& batch : plan) seen.insert(batch.begin(), batch.end());
    EXPECT_EQ(seen, (std::multiset<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(planBatches(10, 4, true, 123), plan);
    EXPECT_NE(planBatches(10, 4, true, 124), plan);
    EXPECT_EQ(planBatches(5, 2, false, 9), (std::vector<std::vector<std::size_t>>{{0, 1}, {2, 3}, {4}}));
}

TEST(BatchPlan, SeedsDifferPerStageEpochAndItem) {
    const std::uint64_t base = mixSeed(42, "report", 1, 0);
    EXPECT_EQ(mixSeed(42, "report", 1, 0), base);
    EXPECT_NE(mixSeed(42, "report", 2, 0), base);
    EXPECT_NE(mixSeed(42, "pretrain", 1, 0), base);
    EXPECT_NE(mixSeed(42, "report", 1, 1), base);
    EXPECT_NE(mixSeed(43, "report", 1, 0), base);
}

namespace {

// An item that depends only on its index, produced after a random delay (timing noise).
std::vector<std::uint64_t> drain(int workers, std::size_t capacity) {
    OrderedPrefetcher<std::uint64_t> prefetcher(50, workers, capacity, [](std::size_t index) {
        std::mt19937_64 delay(index * 7919u + std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()));
        std::this_thread::sleep_for(std::chrono::microseconds(delay() % 300));
        std::mt19937_64 value(mixSeed(5, "test", 0, index));
        return value();
    });
    std::vector<std::uint64_t> items;
    while (std::optional<std::uint64_t> item = prefetcher.next()) items.push_back(*item);
    return items;
}

} // namespace

TEST(OrderedPrefetcher, TheSameSequenceForAnyNumberOfWorkers) {
    const std::vector<std::uint64_t> inline0 = drain(0, 1);
    ASSERT_EQ(inline0.size(), 50u);
    EXPECT_EQ(drain(1, 2), inline0);
    EXPECT_EQ(drain(3, 4), inline0);
    EXPECT_EQ(drain(4, 1), inline0);
}

TEST(OrderedPrefetcher, NeverRunsMoreThanCapacityItemsAhead) {
    std::atomic<std::size_t> delivered{0};
    std::atomic<std::size_t> worstLead{0};
    const std::size_t capacity = 3;
    {
        OrderedPrefetcher<int> prefetcher(40, 4, capacity, [&](std::size_t index) {
            const std::size_t lead = index - std::min(index, delivered.load());
            std::size_t worst = worstLead.load();
            while (lead > worst && !worstLead.compare_exchange_weak(worst, lead)) {
            }
            return int(index);
        });
        int expected = 0;
        while (std::optional<int> item = prefetcher.next()) {
            EXPECT_EQ(*item, expected++);
            delivered = std::size_t(expected);
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
        EXPECT_EQ(expected, 40);
    }
    EXPECT_LT(worstLead.load(), capacity + 1);
}

TEST(OrderedPrefetcher, AnErrorSurfacesAtItsIndexAfterTheItemsBeforeIt) {
    OrderedPrefetcher<int> prefetcher(10, 2, 4, [](std::size_t index) {
        if (index == 6) throw std::runtime_error("image 6 is broken");
        return int(index);
    });
    for (int i = 0; i < 6; ++i) EXPECT_EQ(*prefetcher.next(), i);
    try {
        prefetcher.next();
        FAIL() << "the error of item 6 was not rethrown";
    } catch (const std::runtime_error& error) {
        EXPECT_STREQ(error.what(), "image 6 is broken");
    }
}

TEST(OrderedPrefetcher, StopsCleanlyWhenDestroyedEarly) {
    std::atomic<int> produced{0};
    {
        OrderedPrefetcher<int> prefetcher(1000, 3, 2, [&](std::size_t index) {
            ++produced;
            return int(index);
        });
        EXPECT_EQ(*prefetcher.next(), 0);
    }
    EXPECT_LE(produced.load(), 1 + 2 + 3); // the one taken, the look-ahead, at most one per worker more
}
