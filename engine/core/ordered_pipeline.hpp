#pragma once
// A stream of units read in order, worked on by several threads, and consumed in the order they were
// read: the shape of the findings stage.
//
//   produce(slot) -> bool   fills a slot with the next unit (false when the source is exhausted); called by
//                           one worker at a time, so a sequential reader needs no lock of its own
//   work(slot)              the heavy part, on `threads` worker threads at once
//   consume(slot)           on the calling thread, in production order, while the workers go on
//
// Each worker reads its own next unit as soon as it is free, so reading overlaps with working instead of
// every thread waiting for one reader. `slots` bounds the units in flight (and so the memory); it needs
// at least one more slot than there are threads for the consumer to keep up. The first exception thrown
// by produce, work or consume stops the stream and is rethrown once every worker has finished.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace peta {

template <class Slot, class Produce, class Work, class Consume>
void run_ordered_pipeline(std::vector<Slot>& slots, unsigned threads, Produce&& produce, Work&& work,
                          Consume&& consume) {
  std::mutex m;                     // guards everything below but the producer
  std::condition_variable changed;  // a slot became free or ready, or the stream ended
  std::mutex producer;              // one produce() at a time, and sequence numbers in read order
  std::vector<std::size_t> free_slots;
  for (std::size_t i = slots.size(); i-- > 0;) free_slots.push_back(i);
  std::map<std::size_t, std::size_t> ready;  // sequence number -> slot
  std::size_t produced = 0;                  // units produced so far (under `producer`)
  bool exhausted = false, stopped = false;
  std::size_t total = 0;  // units in the stream, once exhausted
  std::exception_ptr error;

  auto fail = [&](std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(m);
    if (!error) error = e;
    stopped = true;
    changed.notify_all();
  };
  auto worker = [&] {
    try {
      for (;;) {
        std::size_t slot;
        {
          std::unique_lock<std::mutex> lock(m);
          changed.wait(lock, [&] { return stopped || exhausted || !free_slots.empty(); });
          if (stopped || exhausted) return;
          slot = free_slots.back();
          free_slots.pop_back();
        }
        std::size_t sequence;
        {
          std::lock_guard<std::mutex> read(producer);
          bool more = false;
          {
            std::lock_guard<std::mutex> lock(m);
            more = !exhausted && !stopped;
          }
          if (more) more = produce(slots[slot]);
          if (!more) {
            std::lock_guard<std::mutex> lock(m);
            if (!exhausted) total = produced;
            exhausted = true;
            free_slots.push_back(slot);
            changed.notify_all();
            return;
          }
          sequence = produced++;
        }
        work(slots[slot]);
        std::lock_guard<std::mutex> lock(m);
        ready.emplace(sequence, slot);
        changed.notify_all();
      }
    } catch (...) {
      fail(std::current_exception());
    }
  };

  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) pool.emplace_back(worker);
  try {
    for (std::size_t next = 0;; ++next) {
      std::size_t slot;
      {
        std::unique_lock<std::mutex> lock(m);
        changed.wait(lock, [&] { return stopped || ready.count(next) || (exhausted && next == total); });
        if (stopped || !ready.count(next)) break;
        slot = ready[next];
        ready.erase(next);
      }
      consume(slots[slot]);
      std::lock_guard<std::mutex> lock(m);
      free_slots.push_back(slot);
      changed.notify_all();
    }
  } catch (...) {
    fail(std::current_exception());
  }
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace peta
