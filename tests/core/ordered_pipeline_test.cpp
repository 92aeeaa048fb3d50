// The findings stage's ordered pipeline: units consumed in the order they were produced, whatever the thread
// count and however long each unit's work takes; never more units in flight than slots; errors stop it.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/ordered_pipeline.hpp"

namespace peta {
namespace {

struct Unit {
  int sequence = -1;
  long long result = 0;
};

TEST(OrderedPipeline, ConsumesInProductionOrderWithBoundedSlots) {
  for (unsigned threads : {1u, 2u, 4u}) {
    std::vector<Unit> slots(threads + 1);
    int produced = 0;
    std::atomic<int> in_flight{0}, most_in_flight{0};
    std::vector<int> consumed;
    long long sum = 0;
    run_ordered_pipeline(
        slots, threads,
        [&](Unit& u) {
          if (produced == 500) return false;
          u.sequence = produced++;
          int now = ++in_flight;
          for (int seen = most_in_flight; now > seen && !most_in_flight.compare_exchange_weak(seen, now);) {}
          return true;
        },
        [&](Unit& u) {
          // Uneven work: later units often finish before earlier ones.
          std::this_thread::sleep_for(std::chrono::microseconds((u.sequence * 7919) % 300));
          u.result = static_cast<long long>(u.sequence) * u.sequence;
        },
        [&](Unit& u) {
          consumed.push_back(u.sequence);
          sum += u.result;
          --in_flight;
        });
    ASSERT_EQ(consumed.size(), 500u) << threads;
    for (int i = 0; i < 500; ++i) ASSERT_EQ(consumed[static_cast<std::size_t>(i)], i) << threads;
    EXPECT_EQ(sum, 499LL * 500 * 999 / 6);
    EXPECT_LE(most_in_flight.load(), static_cast<int>(slots.size()));
    EXPECT_EQ(in_flight.load(), 0);
  }
}

TEST(OrderedPipeline, AnEmptySourceConsumesNothing) {
  std::vector<Unit> slots(3);
  int consumed = 0;
  run_ordered_pipeline(slots, 2, [](Unit&) { return false; }, [](Unit&) {}, [&](Unit&) { ++consumed; });
  EXPECT_EQ(consumed, 0);
}

TEST(OrderedPipeline, AnErrorInAnyStageStopsItAndIsRethrown) {
  for (int stage = 0; stage < 3; ++stage) {
    std::vector<Unit> slots(3);
    std::atomic<int> produced{0};
    int consumed = 0;
    auto fail_at = [&](int where, const Unit& u) {
      if (where == stage && u.sequence == 40) throw std::runtime_error("unit 40");
    };
    try {
      run_ordered_pipeline(
          slots, 2,
          [&](Unit& u) {
            if (produced == 1000) return false;
            u.sequence = produced++;
            fail_at(0, u);
            return true;
          },
          [&](Unit& u) { fail_at(1, u); },
          [&](Unit& u) {
            fail_at(2, u);
            ++consumed;
          });
      ADD_FAILURE() << "no error from stage " << stage;
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "unit 40");
    }
    // Units before the failing one were consumed in order; the stream stopped soon after it: at most the units
    // already in flight (one per slot) may still be consumed. (When produce itself throws, the units other
    // workers produced meanwhile take the next sequence numbers, so a loaded machine may consume up to 43 here.)
    EXPECT_LE(consumed, 40 + static_cast<int>(slots.size())) << stage;
    EXPECT_LT(produced.load(), 1000) << stage;
  }
}

}  // namespace
}  // namespace peta
