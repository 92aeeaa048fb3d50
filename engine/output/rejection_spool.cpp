#include "output/rejection_spool.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include "core/error.hpp"
#include "output/stale_run_files.hpp"

namespace peta {
namespace {

void put(std::FILE* f, const void* data, std::size_t n) {
  if (n && std::fwrite(data, 1, n, f) != n) throw Error(std::string("cannot write the rejects spool: ") + std::strerror(errno));
}
template <class T>
void put_value(std::FILE* f, T v) { put(f, &v, sizeof v); }
void put_text(std::FILE* f, const std::string& s) {
  put_value<std::uint32_t>(f, static_cast<std::uint32_t>(s.size()));
  put(f, s.data(), s.size());
}

void get(std::FILE* f, void* data, std::size_t n) {
  if (n && std::fread(data, 1, n, f) != n) throw Error("the rejects spool was cut short");
}
template <class T>
T get_value(std::FILE* f) {
  T v;
  get(f, &v, sizeof v);
  return v;
}
void get_text(std::FILE* f, std::string& s) {
  s.resize(get_value<std::uint32_t>(f));
  get(f, s.data(), s.size());
}

}  // namespace

RejectionSpool::RejectionSpool(const std::string& folder) {
  std::filesystem::create_directories(folder);
  path_ = folder + "/.peta-ditolak-" + std::to_string(::getpid()) + ".tmp";
  file_ = std::fopen(path_.c_str(), "w+b");
  if (!file_) throw Error("cannot create '" + path_ + "': " + std::strerror(errno));
  RunLock::hold(::fileno(file_), path_);  // while held, no later run takes this spool for a dead run's
}

RejectionSpool::~RejectionSpool() {
  if (file_) std::fclose(file_);
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

void RejectionSpool::add(const Rejection& r, std::size_t source) {
  put_value<std::uint64_t>(file_, source);
  put_text(file_, r.file);
  put_value<std::int64_t>(file_, r.row);
  put_text(file_, r.field);
  put_value<std::uint8_t>(file_, static_cast<std::uint8_t>(r.reason));
  put_text(file_, r.detail);
  put_value<std::uint32_t>(file_, static_cast<std::uint32_t>(r.values.size()));
  for (const auto& v : r.values) put_text(file_, v);
  put_value<std::uint8_t>(file_, r.has_point ? 1 : 0);
  put_value(file_, r.lonlat.x);
  put_value(file_, r.lonlat.y);
  put_value(file_, r.distance_m);
  ++count_;
}

void RejectionSpool::for_each(const std::function<void(const Rejection&, std::size_t)>& fn) {
  std::fflush(file_);
  long end = std::ftell(file_);
  std::rewind(file_);
  Rejection r;
  for (std::size_t i = 0; i < count_; ++i) {
    auto source = static_cast<std::size_t>(get_value<std::uint64_t>(file_));
    get_text(file_, r.file);
    r.row = get_value<std::int64_t>(file_);
    get_text(file_, r.field);
    r.reason = static_cast<RejectionReason>(get_value<std::uint8_t>(file_));
    get_text(file_, r.detail);
    r.values.resize(get_value<std::uint32_t>(file_));
    for (auto& v : r.values) get_text(file_, v);
    r.has_point = get_value<std::uint8_t>(file_) != 0;
    r.lonlat.x = get_value<double>(file_);
    r.lonlat.y = get_value<double>(file_);
    r.distance_m = get_value<double>(file_);
    fn(r, source);
  }
  std::fseek(file_, end, SEEK_SET);  // later add() calls append
}

}  // namespace peta
