#pragma once
// The prepared boundaries as bytes and back: every unit (code, name, jenis, area, geometry), the hierarchy,
// the loader's issues (the quality report's repairs, duplicates, orphans, bad codes) and the locator's index
// arrays. decode_prepared throws DecodeError on anything that does not add up.
#include <memory>
#include <vector>

#include "boundaries/boundary_loader.hpp"
#include "geocode/locator_index.hpp"

namespace peta::boundary_cache {

std::vector<char> encode_prepared(const LoadedBoundaries& loaded, const LocatorIndex& index);

struct DecodedPrepared {
  LoadedBoundaries loaded;
  std::shared_ptr<LocatorIndex> index;
  std::size_t copied_bytes = 0;  // the leading bytes of `data` copied out (the units and issues), not used in place
};
// The index arrays are used in place in `data`, which `keeper` keeps alive (the mapped cache file).
DecodedPrepared decode_prepared(const char* data, std::size_t size, const std::shared_ptr<const void>& keeper);

}  // namespace peta::boundary_cache
