#pragma once
// Precomputed candidates per grid cell. Every cell lists the desa that reach into it, in desa (= code) order:
//  - a desa that covers the whole cell (none of its edges touches it) needs no test;
//  - a desa whose boundary touches the cell keeps a copy of the edges that touch the cell (chains of
//    consecutive vertices) and a reference point R in the cell whose inside/outside state GEOS decided at
//    build time. A point P in the cell is inside when the segment R-P crosses those edges an odd number of
//    times more than R's state says (a crossing number restricted to the cell), or when P lies on one of them.
// Resolution: about 8 cells per desa vertex, capped at 2^21 cells (330 Probolinggo desa, 32 k vertices:
// 263 k cells of 109 m, 84 % of the land cells covered by one desa; 8,494 East Java desa, 830 k vertices,
// an extent mostly sea: 2.1 M cells of 340 m), so most points fall in a cell that one desa covers and a
// boundary cell holds a handful of edges. Index size: ~6 MB for Probolinggo, ~75 MB for East Java.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/admin_unit.hpp"
#include "geocode/cell_grid.hpp"
#include "geocode/flat_array.hpp"
#include "geocode/flat_desa.hpp"

namespace peta {

struct CellEntry {
  Coord reference;                  // R, strictly inside the cell and off every listed edge's line
  std::uint32_t first_vertex = 0;   // the edges: CellIndex::chain_vertices[first_vertex, + vertex_count),
  std::uint32_t vertex_count = 0;   // chains separated by a NaN vertex; 0: the desa covers the whole cell
  std::int32_t desa = -1;
  std::uint32_t reference_inside = 0;  // GEOS: does the desa contain R?
  bool covers_cell() const { return vertex_count == 0; }
};

enum class PointSide : std::uint8_t { outside, inside, on_boundary };

inline constexpr std::uint16_t kNotCovered = 0xffff;

struct CellIndex {
  CellGrid grid;
  // Per cell, the desa that alone covers it (such a cell has no entries), else kNotCovered: look at the
  // entries. 2 bytes a cell keep this first look-up mostly in cache; with 65,535 desa or more every cell
  // says kNotCovered and has its entries.
  FlatArray<std::uint16_t> covered_by;
  FlatArray<std::uint32_t> cell_start;  // entries of cell c: [cell_start[c], cell_start[c + 1])
  FlatArray<CellEntry> entries;
  FlatArray<Coord> chain_vertices;

  std::size_t memory_bytes() const;
};

// Builds the index with up to `threads` worker threads (each with its own GEOS context).
CellIndex build_cell_index(const Boundaries& boundaries, const FlatDesa& flat, unsigned threads);

// Where P lies relative to the entry's desa, P being in the entry's cell (entry not covers_cell()).
inline PointSide side_in_cell(const CellIndex& index, const CellEntry& entry, Coord p) {
  const Coord* v = index.chain_vertices.data() + entry.first_vertex;
  const Coord* end = v + entry.vertex_count;
  const Coord r = entry.reference;
  bool inside = entry.reference_inside != 0;
  // Half-open rule on the line R-P: a vertex on it counts as being on its right side.
  bool a_left = orient(r, p, v[0]) > 0;
  for (++v; v < end; ++v) {
    if (std::isnan(v->x)) {  // the next chain starts after the separator
      ++v;
      a_left = orient(r, p, *v) > 0;
      continue;
    }
    const Coord& a = v[-1];
    const Coord& b = v[0];
    bool b_left = orient(r, p, b) > 0;
    double ab_p = orient(a, b, p);
    if (ab_p == 0 && on_segment(a, b, p)) return PointSide::on_boundary;
    if (a_left != b_left && (orient(a, b, r) > 0) != (ab_p > 0)) inside = !inside;
    a_left = b_left;
  }
  return inside ? PointSide::inside : PointSide::outside;
}

}  // namespace peta
