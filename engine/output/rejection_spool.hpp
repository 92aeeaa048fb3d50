#pragma once
// Rejected rows kept on disk, not in memory, until the rejects layer and CSV are written: a run over
// millions of rows with many rejections keeps a flat memory profile. The spool file lives in the output
// folder under a temporary name and is removed when the spool is destroyed.
#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>

#include "core/rejection.hpp"

namespace peta {

class RejectionSpool {
 public:
  explicit RejectionSpool(const std::string& folder);
  ~RejectionSpool();
  RejectionSpool(const RejectionSpool&) = delete;
  RejectionSpool& operator=(const RejectionSpool&) = delete;

  void add(const Rejection& r, std::size_t source);
  std::size_t size() const { return count_; }
  // Every rejection in the order added, with the index of its source.
  void for_each(const std::function<void(const Rejection&, std::size_t source)>& fn);

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::size_t count_ = 0;
};

}  // namespace peta
