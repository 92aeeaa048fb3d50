#pragma once
// Precomputed candidates per grid cell. Every cell lists the desa that reach into it, in desa (= code) order:
//  - a desa that covers the whole cell (none of its edges touches it) needs no test;
//  - a desa whose boundary touches the cell keeps the edges that touch the cell (as runs of consecutive edges)
//    and a reference point R in the cell whose inside/outside state GEOS decided at build time. A point P in
//    the cell is inside when the segment R-P crosses those edges an odd number of times more than R's state
//    says (a crossing number restricted to the cell), or when P lies on one of them.
// Resolution: about 4 cells per desa vertex (330 Probolinggo desa, 32 k vertices: ~130 k cells of ~150 m;
// 8,494 East Java desa, 830 k vertices: capped at 2^22 cells of ~250 m), so a typical cell holds one desa
// that covers it and a boundary cell a handful of edges.
#include <cstdint>
#include <vector>

#include "core/admin_unit.hpp"
#include "geocode/cell_grid.hpp"
#include "geocode/flat_desa.hpp"

namespace peta {

inline constexpr std::uint32_t kCoversCell = 0xffffffffu;

struct CellEntry {
  std::int32_t desa = -1;
  std::uint32_t detail = kCoversCell;  // index in CellIndex::details, or kCoversCell
};

struct EdgeRun {
  std::uint32_t first_edge = 0;  // edge k joins FlatDesa vertex k and k + 1
  std::uint32_t count = 0;
};

struct EdgeDetail {
  Coord reference;                  // R, strictly inside the cell and off every listed edge's line
  std::uint32_t run_begin = 0;      // runs [run_begin, run_begin + run_count) in CellIndex::runs
  std::uint32_t run_count = 0;
  bool reference_inside = false;    // GEOS: does the desa contain R?
};

enum class PointSide : std::uint8_t { outside, inside, on_boundary };

struct CellIndex {
  CellGrid grid;
  std::vector<std::uint32_t> cell_start;  // entries of cell c: [cell_start[c], cell_start[c + 1])
  std::vector<CellEntry> entries;
  std::vector<EdgeDetail> details;
  std::vector<EdgeRun> runs;
  // Chebyshev distance, in cells, from each cell to the nearest cell holding a desa edge (saturating).
  std::vector<std::uint16_t> edge_ring;

  std::size_t memory_bytes() const;
};

// Builds the index with up to `threads` worker threads (each with its own GEOS context).
CellIndex build_cell_index(const Boundaries& boundaries, const FlatDesa& flat, unsigned threads);

// Where P lies relative to the entry's desa, P being in the entry's cell.
inline PointSide side_in_cell(const FlatDesa& flat, const CellIndex& index, const EdgeDetail& detail, Coord p) {
  const Coord* v = flat.lonlat.data();
  const Coord r = detail.reference;
  bool inside = detail.reference_inside;
  for (std::uint32_t i = detail.run_begin; i < detail.run_begin + detail.run_count; ++i) {
    const EdgeRun run = index.runs[i];
    // Half-open rule on the line R-P: a vertex on it counts as being on its right side.
    bool a_left = orient(r, p, v[run.first_edge]) > 0;
    for (std::uint32_t k = run.first_edge; k < run.first_edge + run.count; ++k) {
      const Coord& a = v[k];
      const Coord& b = v[k + 1];
      bool b_left = orient(r, p, b) > 0;
      double ab_p = orient(a, b, p);
      if (ab_p == 0 && on_segment(a, b, p)) return PointSide::on_boundary;
      if (a_left != b_left && (orient(a, b, r) > 0) != (ab_p > 0)) inside = !inside;
      a_left = b_left;
    }
  }
  return inside ? PointSide::inside : PointSide::outside;
}

}  // namespace peta
