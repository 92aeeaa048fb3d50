#include "serve/live_model.hpp"

#include <exception>

namespace peta::serve {

LiveModel::LiveModel(query::QueryModel base, StoreSource source, std::chrono::milliseconds check_every)
    : source_(std::move(source)), check_every_(check_every) {
  snapshot_.model = std::make_shared<const query::QueryModel>(std::move(base));
  checked_ = std::chrono::steady_clock::now();
  if (source_) {
    try {
      token_ = source_.change_token();
    } catch (const std::exception& e) {
      error_ = e.what();
    }
  }
}

ModelSnapshot LiveModel::current() {
  if (source_) {
    const auto now = std::chrono::steady_clock::now();
    bool due;
    {
      std::lock_guard lock(mutex_);
      due = now - checked_ >= check_every_;
    }
    // Only one thread checks; the others answer from the snapshot they have meanwhile.
    if (due) {
      std::unique_lock refreshing(refresh_mutex_, std::try_to_lock);
      if (refreshing.owns_lock()) refresh(now);
    }
  }
  std::lock_guard lock(mutex_);
  return snapshot_;
}

void LiveModel::refresh(std::chrono::steady_clock::time_point now) {
  std::shared_ptr<const query::QueryModel> base;
  std::string known;
  {
    std::lock_guard lock(mutex_);
    if (now - checked_ < check_every_) return;  // another thread has just checked
    base = snapshot_.model;
    known = token_;
  }
  std::string token, error;
  std::shared_ptr<const query::QueryModel> next;
  try {
    token = source_.change_token();
    if (token != known) {
      auto model = std::make_shared<query::QueryModel>(*base);  // the built layers are the same; the store is new
      model->store = source_.read(*model);
      next = std::move(model);
    }
  } catch (const std::exception& e) {
    error = e.what();
  }
  std::lock_guard lock(mutex_);
  checked_ = std::chrono::steady_clock::now();
  error_ = error;
  if (next) {
    snapshot_.model = std::move(next);
    ++snapshot_.generation;
    token_ = token;
  }
}

std::string LiveModel::last_error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

}  // namespace peta::serve
