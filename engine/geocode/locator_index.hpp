#pragma once
// What the point locator precomputes from the desa boundaries: the flat vertex arrays (EPSG:32749) and the
// grid of candidates per cell. It depends on the boundaries alone (not on the gap tolerance, which is applied
// per query), so the boundary cache (engine/boundary_cache) keeps it next to the boundaries and a repeated run
// skips building it.
#include "core/admin_unit.hpp"
#include "geocode/cell_index.hpp"
#include "geocode/flat_desa.hpp"

namespace peta {

struct LocatorIndex {
  FlatDesa flat;  // flat.lonlat is empty: the cells hold their own lon/lat edges
  CellIndex cells;
};

// Builds the index on every core (each thread its own GEOS context).
LocatorIndex build_locator_index(const Boundaries& boundaries);

}  // namespace peta
