#include "serve/answer_cache.hpp"

namespace peta::serve {

AnswerCache::AnswerCache(std::size_t max_bytes, std::size_t max_entries)
    : max_bytes_(max_bytes), max_entries_(max_entries) {}

std::string AnswerCache::key(const ApiRequest& request) {
  std::string k = request.method == "HEAD" ? "GET" : request.method;  // HEAD is GET without the body
  k += ' ';
  k += request.path;
  for (const auto& [name, value] : request.params) {
    k += '\x1f';  // unit separator: neither may hold it unescaped in a URL, and both are compared whole
    k += name;
    k += '\x1e';
    k += value;
  }
  if (request.accepts_gzip) k += "\x1dgzip";
  return k;
}

std::shared_ptr<const ApiResponse> AnswerCache::find(const std::string& key, std::uint64_t generation) const {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return nullptr;
  auto it = answers_.find(key);
  return it == answers_.end() ? nullptr : it->second;
}

void AnswerCache::put(const std::string& key, std::uint64_t generation, std::shared_ptr<const ApiResponse> answer) {
  if (!answer || answer->status != 200) return;
  const std::size_t size = answer->body.size() + key.size();
  if (size > max_bytes_ / 4) return;  // one huge answer does not push the rest out
  std::lock_guard lock(mutex_);
  if (generation < generation_) return;  // computed from a snapshot that is already replaced
  if (generation > generation_ || bytes_ + size > max_bytes_ || answers_.size() >= max_entries_) {
    answers_.clear();
    bytes_ = 0;
    generation_ = generation;
  }
  if (answers_.emplace(key, std::move(answer)).second) bytes_ += size;
}

std::size_t AnswerCache::size() const {
  std::lock_guard lock(mutex_);
  return answers_.size();
}

}  // namespace peta::serve
