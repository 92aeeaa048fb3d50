#include "boundary_cache/cache_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/atomic_write.hpp"

namespace peta::boundary_cache {
namespace {

constexpr char kMagic[8] = {'P', 'E', 'T', 'A', 'B', 'C', 'H', '\x01'};
constexpr char kEndMagic[8] = {'P', 'E', 'T', 'A', 'E', 'N', 'D', '\x01'};

struct Header {
  char magic[8];
  std::uint32_t format;
  std::uint32_t reserved;
  Digest key;
  std::uint64_t payload_bytes;
};
struct Trailer {
  std::uint64_t checksum;  // XXH3-64 of the payload
  std::uint64_t payload_bytes;
  char magic[8];
};
static_assert(sizeof(Header) == 40 && sizeof(Trailer) == 24);

}  // namespace

ReadResult read_cache_file(const std::string& path, const Digest& key) {
  ReadResult out;
  auto fail = [&](ReadOutcome outcome, std::string why) {
    out = ReadResult{};
    out.outcome = outcome;
    out.why = std::move(why);
    return out;
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;  // missing
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return fail(ReadOutcome::corrupt, "cannot stat");
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size < sizeof(Header) + sizeof(Trailer)) {
    ::close(fd);
    return fail(ReadOutcome::corrupt, "shorter than a header and a trailer (" + std::to_string(size) + " bytes)");
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return fail(ReadOutcome::corrupt, "cannot be mapped");
  out.mapping = std::shared_ptr<const void>(map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  const char* bytes = static_cast<const char*>(map);
  Header h{};
  std::memcpy(&h, bytes, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return fail(ReadOutcome::corrupt, "not a peta boundary cache");
  if (h.format != kFormatVersion || h.key != key)
    return fail(ReadOutcome::stale, h.format != kFormatVersion ? "written in cache format " + std::to_string(h.format)
                                                               : "the sources, the settings or peta changed since it was written");
  if (h.payload_bytes != size - sizeof(Header) - sizeof(Trailer))
    return fail(ReadOutcome::corrupt, "cut short or padded: " + std::to_string(size) + " bytes, the header announces " +
                                          std::to_string(h.payload_bytes + sizeof(Header) + sizeof(Trailer)));
  Trailer t{};
  std::memcpy(&t, bytes + sizeof(Header) + h.payload_bytes, sizeof t);
  if (std::memcmp(t.magic, kEndMagic, sizeof kEndMagic) != 0 || t.payload_bytes != h.payload_bytes)
    return fail(ReadOutcome::corrupt, "no valid trailer (a write that was cut short)");
  if (XXH3_64bits(bytes + sizeof(Header), h.payload_bytes) != t.checksum) return fail(ReadOutcome::corrupt, "checksum mismatch");
  out.outcome = ReadOutcome::ok;
  out.payload = bytes + sizeof(Header);
  out.payload_size = h.payload_bytes;
  return out;
}

void release_pages(const ReadResult& read, std::size_t bytes) {
  if (!read.mapping || !read.payload) return;
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<std::uintptr_t>(read.mapping.get());  // the mapping starts on a page
  const auto end = (reinterpret_cast<std::uintptr_t>(read.payload) + bytes) / page * page;
  // Only whole pages before `end`, all inside the read-only private file mapping: dropping them loses nothing.
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

void write_cache_file(const std::string& path, const Digest& key, const std::vector<char>& payload) {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.format = kFormatVersion;
  h.key = key;
  h.payload_bytes = payload.size();
  Trailer t{};
  t.checksum = XXH3_64bits(payload.data(), payload.size());
  t.payload_bytes = payload.size();
  std::memcpy(t.magic, kEndMagic, sizeof kEndMagic);
  write_atomically(path, [&](std::ostream& o) {
    o.write(reinterpret_cast<const char*>(&h), sizeof h);
    o.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    o.write(reinterpret_cast<const char*>(&t), sizeof t);
  });
}

}  // namespace peta::boundary_cache
