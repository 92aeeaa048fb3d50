#pragma once
// A time budget for one query: long loops call check() now and then and stop with QueryTimeout when it is spent.
#include <chrono>

#include "core/error.hpp"

namespace peta::query {

class QueryTimeout : public Error {
 public:
  using Error::Error;
};

class Deadline {
 public:
  Deadline() = default;  // no limit
  explicit Deadline(std::chrono::milliseconds budget)
      : end_(std::chrono::steady_clock::now() + budget), limited_(true), budget_(budget) {}
  void check() const {
    if (limited_ && std::chrono::steady_clock::now() > end_)
      throw QueryTimeout("query took longer than " + std::to_string(budget_.count()) + " ms");
  }

 private:
  std::chrono::steady_clock::time_point end_{};
  bool limited_ = false;
  std::chrono::milliseconds budget_{0};
};

}  // namespace peta::query
