#include "boundary_cache/boundary_cache.hpp"

#include <cstdlib>
#include <filesystem>

#include "boundary_cache/boundary_codec.hpp"
#include "boundary_cache/byte_codec.hpp"
#include "boundary_cache/cache_file.hpp"
#include "boundary_cache/source_fingerprint.hpp"

namespace peta {
namespace fs = std::filesystem;

const char* to_string(BoundaryCacheState state) {
  switch (state) {
    case BoundaryCacheState::off: return "off";
    case BoundaryCacheState::uncacheable: return "uncacheable";
    case BoundaryCacheState::hit: return "hit";
    case BoundaryCacheState::miss: return "miss";
    case BoundaryCacheState::stale: return "stale";
    case BoundaryCacheState::corrupt: return "corrupt";
  }
  return "?";
}

std::string default_boundary_cache_folder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return (fs::path(xdg) / "peta").string();
  if (const char* home = std::getenv("HOME"); home && *home) return (fs::path(home) / ".cache" / "peta").string();
  return (fs::temp_directory_path() / "peta-cache").string();
}

namespace {

PreparedBoundaries load_fresh(const BoundarySettings& settings) {
  PreparedBoundaries out;
  out.loaded = load_boundaries(settings);
  out.index = std::make_shared<const LocatorIndex>(build_locator_index(out.loaded.boundaries));
  return out;
}

}  // namespace

PreparedBoundaries load_prepared_boundaries(const BoundarySettings& settings, const BoundaryCacheOptions& options) {
  if (!options.enabled) {
    PreparedBoundaries out = load_fresh(settings);
    out.note = "cache batas dimatikan / boundary cache off";
    return out;
  }
  std::string why;
  auto print = boundary_cache::fingerprint(settings, why);
  if (!print) {
    PreparedBoundaries out = load_fresh(settings);
    out.state = BoundaryCacheState::uncacheable;
    out.note = "cache batas tidak dipakai / boundary cache not used: " + why;
    return out;
  }
  const std::string folder = options.folder.empty() ? default_boundary_cache_folder() : options.folder;
  const std::string path = (fs::path(folder) / ("batas-" + print->slot + ".petacache")).string();

  auto read = boundary_cache::read_cache_file(path, print->key);
  BoundaryCacheState state = BoundaryCacheState::miss;
  std::string note = "cache batas dibuat / boundary cache written: " + path;
  if (read.outcome == boundary_cache::ReadOutcome::ok) {
    try {
      auto decoded = boundary_cache::decode_prepared(read.payload, read.payload_size, read.mapping);
      boundary_cache::release_pages(read, decoded.copied_bytes);
      PreparedBoundaries out;
      out.loaded = std::move(decoded.loaded);
      out.index = std::move(decoded.index);
      out.state = BoundaryCacheState::hit;
      out.cache_file = path;
      out.note = "batas dari cache / boundaries from the cache: " + path;
      return out;
    } catch (const boundary_cache::DecodeError& e) {
      read.outcome = boundary_cache::ReadOutcome::corrupt;
      read.why = std::string("does not decode: ") + e.what();
    }
  }
  if (read.outcome == boundary_cache::ReadOutcome::stale) {
    state = BoundaryCacheState::stale;
    note = "cache batas kedaluwarsa, dibuat ulang / boundary cache stale, rebuilt (" + read.why + "): " + path;
  } else if (read.outcome == boundary_cache::ReadOutcome::corrupt) {
    state = BoundaryCacheState::corrupt;
    note = "cache batas rusak, diabaikan dan dibuat ulang / boundary cache damaged, ignored and rebuilt (" + read.why +
           "): " + path;
  }
  read = boundary_cache::ReadResult{};  // unmapped

  PreparedBoundaries out = load_fresh(settings);
  out.state = state;
  out.note = note;
  try {
    fs::create_directories(folder);
    boundary_cache::write_cache_file(path, print->key, boundary_cache::encode_prepared(out.loaded, *out.index));
    out.cache_file = path;
  } catch (const std::exception& e) {
    out.note += std::string(" (tidak dapat ditulis / could not be written: ") + e.what() + ")";
  }
  return out;
}

}  // namespace peta
