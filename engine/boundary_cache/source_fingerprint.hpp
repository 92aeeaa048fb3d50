#pragma once
// What identifies a boundary cache entry:
//  - `slot`: the settings alone (paths, layers, field mappings, CRS, filters, duplicate rule): which cache file
//    a project uses, so a changed source overwrites its own entry instead of piling up new ones;
//  - `key`: the slot plus the bytes of every source file (and a shapefile's or GeoPackage's sidecar files), the
//    cache format, the peta executable (its path, size and modification time: any rebuild or upgrade) and the
//    GDAL, GEOS and PROJ versions. A cache whose stored key differs is stale.
// Sources that are not local files (PostGIS "PG:...", /vsicurl/ and the like) cannot be fingerprinted cheaply
// and make the boundaries uncacheable.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "boundaries/boundary_source.hpp"

namespace peta::boundary_cache {

using Digest = std::array<std::uint64_t, 2>;  // XXH3 128 bits

struct Fingerprint {
  std::string slot;  // 16 hex digits
  Digest key{};
};

// Bump when the payload layout or the meaning of a prepared field changes.
inline constexpr std::uint32_t kFormatVersion = 1;

// nullopt with `why` set when a source is not a local file (so not cacheable).
std::optional<Fingerprint> fingerprint(const BoundarySettings& settings, std::string& why);

}  // namespace peta::boundary_cache
