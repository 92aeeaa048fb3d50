#include "output/format_writers.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace peta::output_detail {
namespace {

enum Kind { kBegin, kBatch, kEnd, kFinish };

struct Command {
  Kind kind = kBatch;
  std::uint64_t step = 0;  // StagingFolder's step the command belongs to (the staging order)
  std::shared_ptr<const LayerSchema> schema;
  std::shared_ptr<const std::vector<Feature>> features;
};

}  // namespace

struct FormatWriters::Worker {
  Worker(std::unique_ptr<FormatWriter> w, std::uint32_t s) : writer(std::move(w)), slot(s) {
    thread = std::thread([this] { run(); });
  }
  ~Worker() {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    if (thread.joinable()) thread.join();
  }

  // Blocks while the queue is full.
  void push(Command c) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return queue.size() < kQueuedBatches || stop; });
    queue.push_back(std::move(c));
    lock.unlock();
    changed.notify_all();
  }
  std::exception_ptr failure() {
    std::lock_guard lock(mutex);
    return error;
  }
  void join() {
    if (thread.joinable()) thread.join();
  }

  // The writer is destroyed on its own thread too (its datasets closed there), however the thread ends.
  void run() {
    struct Release {
      std::unique_ptr<FormatWriter>& writer;
      ~Release() { writer.reset(); }
    } release{writer};
    for (;;) {
      Command c;
      bool failed = false;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || !queue.empty(); });
        if (stop) return;
        c = std::move(queue.front());
        queue.pop_front();
        failed = error != nullptr;
      }
      changed.notify_all();  // room in the queue
      if (!failed) {
        // After a failure the rest is drained unread: the driving thread rethrows the error at its next call.
        try {
          StagingFolder::ThreadOrder order(c.step, slot);
          switch (c.kind) {
            case kBegin: writer->begin_layer(*c.schema); break;
            case kBatch:
              for (const Feature& f : *c.features) writer->write(f);
              break;
            case kEnd: writer->end_layer(); break;
            case kFinish: writer->finish(); break;
          }
        } catch (...) {
          std::lock_guard lock(mutex);
          error = std::current_exception();
        }
      }
      if (c.kind == kFinish) return;
    }
  }

  std::unique_ptr<FormatWriter> writer;
  std::uint32_t slot;
  std::mutex mutex;
  std::condition_variable changed;  // the queue changed, or stop
  std::deque<Command> queue;
  std::exception_ptr error;
  bool stop = false;
  std::thread thread;
};

FormatWriters::FormatWriters(StagingFolder& staging, std::vector<std::unique_ptr<FormatWriter>> writers, bool parallel)
    : staging_(staging) {
  if (!parallel) {
    serial_ = std::move(writers);
    return;
  }
  for (std::size_t i = 0; i < writers.size(); ++i)
    workers_.push_back(std::make_unique<Worker>(std::move(writers[i]), static_cast<std::uint32_t>(i)));
}

FormatWriters::~FormatWriters() = default;

void FormatWriters::rethrow_failure() {
  for (auto& w : workers_)
    if (auto e = w->failure()) std::rethrow_exception(e);
}

void FormatWriters::send_all(int kind, std::shared_ptr<const LayerSchema> schema) {
  const std::uint64_t step = staging_.next_step();
  for (auto& w : workers_) w->push({static_cast<Kind>(kind), step, schema, nullptr});
  rethrow_failure();
}

void FormatWriters::flush_batch() {
  if (batch_.empty()) return;
  auto features = std::make_shared<const std::vector<Feature>>(std::move(batch_));
  batch_ = {};
  batch_.reserve(kBatchFeatures);
  // Features belong to no staging step of their own: a writer stages files only on begin, end and finish.
  for (auto& w : workers_) w->push({kBatch, 0, nullptr, features});
  rethrow_failure();
}

void FormatWriters::begin_layer(const LayerSchema& schema) {
  if (workers_.empty()) {
    for (auto& w : serial_) w->begin_layer(schema);
    return;
  }
  send_all(kBegin, std::make_shared<const LayerSchema>(schema));
}

void FormatWriters::write(const Feature& feature) {
  if (workers_.empty()) {
    for (auto& w : serial_) w->write(feature);
    return;
  }
  batch_.push_back(feature);
  if (batch_.size() >= kBatchFeatures) flush_batch();
}

void FormatWriters::write(Feature&& feature) {
  if (workers_.empty()) {
    for (auto& w : serial_) w->write(feature);
    return;
  }
  batch_.push_back(std::move(feature));
  if (batch_.size() >= kBatchFeatures) flush_batch();
}

void FormatWriters::end_layer() {
  if (workers_.empty()) {
    for (auto& w : serial_) w->end_layer();
    return;
  }
  flush_batch();
  send_all(kEnd);
}

void FormatWriters::finish() {
  if (finished_) return;
  finished_ = true;
  if (workers_.empty()) {
    for (auto& w : serial_) w->finish();
    serial_.clear();
    return;
  }
  flush_batch();
  const std::uint64_t step = staging_.next_step();
  for (auto& w : workers_) w->push({kFinish, step, nullptr, nullptr});
  for (auto& w : workers_) w->join();
  rethrow_failure();
  workers_.clear();
}

}  // namespace peta::output_detail
