#include "boundary_cache/source_fingerprint.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/error.hpp"

namespace peta::boundary_cache {
namespace fs = std::filesystem;
namespace {

// Feeds length-prefixed fields, so ("ab", "c") and ("a", "bc") differ.
class Hasher {
 public:
  Hasher() : state_(XXH3_createState()) { XXH3_128bits_reset(state_); }
  ~Hasher() { XXH3_freeState(state_); }
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void text(const std::string& s) {
    std::uint64_t n = s.size();
    bytes(&n, sizeof n);
    bytes(s.data(), s.size());
  }
  void number(std::uint64_t n) { bytes(&n, sizeof n); }
  void bytes(const void* p, std::size_t n) { XXH3_128bits_update(state_, p, n); }
  Digest digest() const {
    XXH128_hash_t h = XXH3_128bits_digest(state_);
    return {h.low64, h.high64};
  }

 private:
  XXH3_state_t* state_;
};

void hash_settings(Hasher& h, const char* level, const std::optional<BoundarySource>& source) {
  h.text(level);
  if (!source) return h.text("-");
  h.text(source->path);
  h.text(source->layer);
  h.text(source->crs);
  h.text(source->where);
  h.number(source->mapping ? 1 : 0);
  if (const auto& m = source->mapping)
    for (const std::string* f : {&m->code, &m->name, &m->parent_code, &m->parent_name, &m->kab_code, &m->kab_name, &m->jenis})
      h.text(*f);
}

// The bytes of one file (read through a private map; the file may be large).
void hash_file_bytes(Hasher& h, const fs::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(file.string() + ": cannot be read for the boundary cache key");
  struct stat st {};
  ::fstat(fd, &st);
  h.text(file.filename().string());
  h.number(static_cast<std::uint64_t>(st.st_size));
  if (st.st_size > 0) {
    void* map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (map == MAP_FAILED) {
      ::close(fd);
      throw Error(file.string() + ": cannot be mapped for the boundary cache key");
    }
    h.bytes(map, static_cast<std::size_t>(st.st_size));
    ::munmap(map, static_cast<std::size_t>(st.st_size));
  }
  ::close(fd);
}

// The files a source is read from: the file itself and its sidecars (a shapefile's .dbf/.shx/.prj/.cpg, a
// GeoPackage's -wal), or every file of a folder source, in name order.
std::vector<fs::path> source_files(const fs::path& path) {
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& e : fs::recursive_directory_iterator(path))
      if (e.is_regular_file()) files.push_back(e.path());
  } else {
    files.push_back(path);
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::string stem = path.stem().string();
    std::string name = path.filename().string();
    for (const auto& e : fs::directory_iterator(dir)) {
      if (!e.is_regular_file() || e.path() == path) continue;
      std::string other = e.path().filename().string();
      bool sidecar = (e.path().stem().string() == stem && e.path().extension() != path.extension()) ||
                     other == name + "-wal" || other == name + ".aux.xml";
      if (sidecar) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool local_file(const std::string& path) {
  if (path.empty() || path.rfind("PG:", 0) == 0 || path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos)
    return false;
  return fs::exists(path);
}

// The running executable: any rebuild or upgrade of peta gives a new key.
void hash_executable(Hasher& h) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  struct stat st {};
  if (ec || ::stat(exe.c_str(), &st) != 0) return h.text("exe?");
  h.text(exe.string());
  h.number(static_cast<std::uint64_t>(st.st_size));
  h.number(static_cast<std::uint64_t>(st.st_mtim.tv_sec));
  h.number(static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
}

std::string hex16(std::uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = digits[v & 15];
  return s;
}

}  // namespace

std::optional<Fingerprint> fingerprint(const BoundarySettings& settings, std::string& why) {
  const std::pair<const char*, std::optional<BoundarySource>> sources[] = {
      {"desa", settings.desa}, {"kecamatan", settings.kecamatan}, {"kabupaten", settings.kabupaten}};
  Hasher slot;
  for (const auto& [level, source] : sources) hash_settings(slot, level, source);
  slot.number(settings.duplicate_codes_stop ? 1 : 0);
  Fingerprint out;
  out.slot = hex16(slot.digest()[0] ^ slot.digest()[1]);

  Hasher key;
  key.number(kFormatVersion);
  key.bytes(slot.digest().data(), sizeof(Digest));
  for (const auto& [level, source] : sources) {
    if (!source) continue;
    if (!local_file(source->path)) {
      why = std::string(level) + " boundaries are not a local file (" + source->path.substr(0, source->path.find(' ')) + ")";
      return std::nullopt;
    }
    for (const auto& file : source_files(source->path)) hash_file_bytes(key, file);
  }
  hash_executable(key);
  key.text(GDALVersionInfo("RELEASE_NAME"));
  key.text(GEOSversion());
  key.text(proj_info().release);
  out.key = key.digest();
  return out;
}

}  // namespace peta::boundary_cache
