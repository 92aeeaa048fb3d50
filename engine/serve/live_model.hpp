#pragma once
// The model `peta serve` answers from, with its findings store as it stands: the store's change token is read at
// most once per `check_every`, and after a change the store is read again once (a new snapshot, a new
// generation); requests in flight keep the snapshot they started with. Without a store source the model never
// changes (generation 0).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "query/query_model.hpp"
#include "query/store_findings.hpp"

namespace peta::serve {

struct StoreSource {
  std::function<std::string()> change_token;  // FindingStore::change_token
  // Reads the store into a table joined to the model's desa (as ModelSource does at start).
  std::function<std::shared_ptr<const query::StoreTable>(const query::QueryModel&)> read;
  explicit operator bool() const { return change_token && read; }
};

struct ModelSnapshot {
  std::shared_ptr<const query::QueryModel> model;
  std::uint64_t generation = 0;  // 0 at start; one more after each re-read of the store
};

class LiveModel {
 public:
  // `base` is the model as loaded (its store already read); `source` re-reads the store after a change.
  explicit LiveModel(query::QueryModel base, StoreSource source = {},
                     std::chrono::milliseconds check_every = std::chrono::milliseconds(1000));
  // The snapshot to answer with; checks the store's token when the last check is older than check_every.
  // A failing check or re-read keeps the current snapshot (the error is kept in last_error()).
  ModelSnapshot current();
  std::string last_error() const;

 private:
  void refresh(std::chrono::steady_clock::time_point now);

  StoreSource source_;
  std::chrono::milliseconds check_every_;
  mutable std::mutex mutex_;        // guards everything below
  ModelSnapshot snapshot_;
  std::string token_;
  std::chrono::steady_clock::time_point checked_{};
  std::string error_;
  std::mutex refresh_mutex_;        // one re-read at a time; others keep answering from the current snapshot
};

}  // namespace peta::serve
