#pragma once
// Answers of `peta serve` kept until the data they were computed from changes: the same request (path and
// parameters) of the same model generation (LiveModel) gets the same bytes, so a repeated top-N query, the
// overdue table or an Open311 list is computed once per store change instead of once per request. Only
// successful answers are kept; at most `max_bytes` of bodies (then the oldest generation's entries are dropped:
// everything, since one generation is live at a time).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "query/query_spec.hpp"
#include "serve/api_router.hpp"

namespace peta::serve {

class AnswerCache {
 public:
  explicit AnswerCache(std::size_t max_bytes = 64u << 20, std::size_t max_entries = 4096);
  // The key of a request: its path and parameters in the order given (a different order is another entry).
  static std::string key(const ApiRequest& request);
  std::shared_ptr<const ApiResponse> find(const std::string& key, std::uint64_t generation) const;
  void put(const std::string& key, std::uint64_t generation, std::shared_ptr<const ApiResponse> answer);
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_, max_entries_;
  std::unordered_map<std::string, std::shared_ptr<const ApiResponse>> answers_;
};

}  // namespace peta::serve
