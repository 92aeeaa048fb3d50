#pragma once
// The one way peta spreads work over cores: a worker function run on N threads (the caller is one of
// them), or a loop whose iterations are handed out one at a time.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace peta {

// `requested` threads, or every core when 0.
inline unsigned thread_count(unsigned requested = 0) {
  if (requested) return requested;
  unsigned hw = std::thread::hardware_concurrency();
  return hw ? hw : 1;
}

// Runs `worker()` on `threads` threads (the calling thread included) and waits for all. The first
// exception thrown by any worker is rethrown once every thread has finished.
template <class Worker>
void run_on_threads(unsigned threads, Worker&& worker) {
  threads = std::max(1u, threads);
  std::exception_ptr error;
  std::mutex error_mutex;
  auto guarded = [&] {
    try {
      worker();
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(guarded);
  guarded();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

// Calls `body(i)` for every i in [0, n), spread over `threads` threads; iterations are handed out one at a
// time, so uneven costs balance. The order of calls is unspecified: write results by index.
template <class Body>
void parallel_for(std::size_t n, unsigned threads, Body&& body) {
  std::atomic<std::size_t> next{0};
  run_on_threads(static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), std::max<std::size_t>(n, 1))), [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) body(i);
  });
}

}  // namespace peta
