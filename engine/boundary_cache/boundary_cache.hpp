#pragma once
// The boundaries ready to locate, from a cache of a previous run when it is still valid, else loaded and
// prepared anew (and the cache written). A cache file holds everything load_boundaries returns (units with
// their repaired geometry, areas, the dissolved kecamatan, codes, names, the hierarchy, the quality issues)
// and the point locator's index arrays (geocode/locator_index.hpp); see source_fingerprint.hpp for what
// invalidates it and cache_file.hpp for how a damaged file is recognised. Only the cache's own state differs
// between a run with and without it: the outputs are the same bytes.
//
// Where: `folder` if given (peta build --cache DIR), else $XDG_CACHE_HOME/peta, else ~/.cache/peta. Off with
// `enabled = false` (peta build --tanpa-cache, or "boundaries": {"cache": false} in the project file).
#include <memory>
#include <string>

#include "boundaries/boundary_loader.hpp"
#include "geocode/locator_index.hpp"

namespace peta {

struct BoundaryCacheOptions {
  bool enabled = true;
  std::string folder;  // empty: default_boundary_cache_folder()
};

enum class BoundaryCacheState {
  off,          // turned off
  uncacheable,  // a source is not a local file (PostGIS, a URL)
  hit,          // read from the cache
  miss,         // no cache yet: loaded and written
  stale,        // a cache for other bytes, settings or another peta: loaded anew and rewritten
  corrupt,      // a damaged or cut-short cache: ignored, loaded anew and rewritten
};
const char* to_string(BoundaryCacheState state);

struct PreparedBoundaries {
  LoadedBoundaries loaded;
  std::shared_ptr<const LocatorIndex> index;
  BoundaryCacheState state = BoundaryCacheState::off;
  std::string note;        // one line for the person running it: what the cache did and why
  std::string cache_file;  // empty when off or uncacheable
};

std::string default_boundary_cache_folder();

// Throws what load_boundaries throws. A cache that cannot be written (read-only folder) is a note, not an
// error: the run goes on with what it loaded.
PreparedBoundaries load_prepared_boundaries(const BoundarySettings& settings, const BoundaryCacheOptions& options = {});

}  // namespace peta
