#include "geocode/locator_index.hpp"

#include <algorithm>
#include <thread>

namespace peta {

LocatorIndex build_locator_index(const Boundaries& boundaries) {
  LocatorIndex out;
  out.flat = flatten_desa(boundaries);
  out.cells = build_cell_index(boundaries, out.flat, std::max(1u, std::thread::hardware_concurrency()));
  // The cells hold their own copies of the lon/lat edges; only the metric vertices are used from here on.
  out.flat.lonlat = std::vector<Coord>();
  return out;
}

}  // namespace peta
