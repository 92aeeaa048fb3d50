#pragma once
// Little helpers to write plain values into a byte buffer and read them back with bounds checks. The cache is
// read only by the binary that wrote it (the key holds the build), so values are stored in the machine's own
// layout: trivially copyable structs and arrays go in with one memcpy each. Arrays start at a multiple of
// 8 bytes from the payload's start (which the file keeps 8-aligned), so a reader can use them in place.
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "geocode/flat_array.hpp"

namespace peta::boundary_cache {

// A payload that does not decode: the cache is ignored and rebuilt.
struct DecodeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class ByteWriter {
 public:
  template <class T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    append(&value, sizeof(T));
  }
  // Any contiguous array of plain values (std::vector, FlatArray).
  template <class Array>
  void put_array(const Array& values) {
    using T = std::remove_cv_t<std::remove_reference_t<decltype(*values.data())>>;
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    put<std::uint64_t>(values.size());
    bytes_.resize((bytes_.size() + 7) / 8 * 8, 0);
    append(values.data(), values.size() * sizeof(T));
  }
  void put_string(const std::string& s) {
    put<std::uint64_t>(s.size());
    append(s.data(), s.size());
  }
  void put_strings(const std::vector<std::string>& list) {
    put<std::uint64_t>(list.size());
    for (const auto& s : list) put_string(s);
  }
  std::vector<char>& bytes() { return bytes_; }

 private:
  void append(const void* data, std::size_t n) {
    const char* p = static_cast<const char*>(data);
    bytes_.insert(bytes_.end(), p, p + n);
  }
  std::vector<char> bytes_;
};

class ByteReader {
 public:
  ByteReader(const char* data, std::size_t size) : begin_(data), p_(data), end_(data + size) {}
  std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }

  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T value;
    std::memcpy(&value, take(sizeof(T)), sizeof(T));
    return value;
  }
  template <class T>
  std::vector<T> get_array() {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = count(sizeof(T));
    align();
    std::vector<T> out(n);
    if (n) std::memcpy(out.data(), take(n * sizeof(T)), n * sizeof(T));
    return out;
  }
  // The same array used in place, kept alive by `keeper` (the mapping of the file).
  template <class T>
  FlatArray<T> view_array(const std::shared_ptr<const void>& keeper) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    std::uint64_t n = count(sizeof(T));
    align();
    const char* p = take(n * sizeof(T));
    if (reinterpret_cast<std::uintptr_t>(p) % alignof(T) != 0) throw DecodeError("misaligned array");
    return FlatArray<T>(reinterpret_cast<const T*>(p), n, keeper);
  }
  std::string get_string() {
    std::uint64_t n = count(1);
    const char* p = take(n);
    return std::string(p, n);
  }
  std::vector<std::string> get_strings() {
    std::uint64_t n = count(sizeof(std::uint64_t));
    std::vector<std::string> out;
    out.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) out.push_back(get_string());
    return out;
  }
  // A count of elements of `element_size` bytes that the rest of the payload can hold.
  std::uint64_t count(std::size_t element_size) {
    auto n = get<std::uint64_t>();
    if (element_size && n > static_cast<std::uint64_t>(end_ - p_) / element_size) throw DecodeError("count past the end");
    return n;
  }
  bool at_end() const { return p_ == end_; }

 private:
  void align() {
    const std::size_t pad = (8 - static_cast<std::size_t>(p_ - begin_) % 8) % 8;
    take(pad);
  }
  const char* take(std::size_t n) {
    if (n > static_cast<std::size_t>(end_ - p_)) throw DecodeError("read past the end");
    const char* p = p_;
    p_ += n;
    return p;
  }
  const char* begin_;
  const char* p_;
  const char* end_;
};

}  // namespace peta::boundary_cache
