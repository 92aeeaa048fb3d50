#pragma once
// A read-only array of plain values that either owns its elements (built in this run) or views memory that
// something else keeps alive: the boundary cache maps its file once and the locator reads the index arrays
// in place, instead of copying 80 MB (East Java) into fresh pages, whose page faults cost more than
// everything else a cached load does (measured: engine/boundary_cache, BENCHMARKS.md).
#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace peta {

template <class T>
class FlatArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  FlatArray() = default;
  FlatArray(std::vector<T> values) : owned_(std::move(values)), data_(owned_.data()), size_(owned_.size()) {}
  // A view of `size` elements at `data`, valid while `keeper` lives.
  FlatArray(const T* data, std::size_t size, std::shared_ptr<const void> keeper)
      : keeper_(std::move(keeper)), data_(data), size_(size) {}

  FlatArray(const FlatArray& other) { *this = other; }
  FlatArray(FlatArray&& other) noexcept { *this = std::move(other); }
  FlatArray& operator=(const FlatArray& other) {
    if (this == &other) return *this;
    owned_ = other.owned_;
    keeper_ = other.keeper_;
    data_ = other.keeper_ ? other.data_ : owned_.data();
    size_ = other.size_;
    return *this;
  }
  FlatArray& operator=(FlatArray&& other) noexcept {
    if (this == &other) return *this;
    owned_ = std::move(other.owned_);  // the buffer moves with its address
    keeper_ = std::move(other.keeper_);
    data_ = keeper_ ? other.data_ : owned_.data();
    size_ = other.size_;
    other.data_ = nullptr;
    other.size_ = 0;
    return *this;
  }

  const T& operator[](std::size_t i) const { return data_[i]; }
  const T* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& back() const { return data_[size_ - 1]; }

 private:
  std::vector<T> owned_;
  std::shared_ptr<const void> keeper_;
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace peta
