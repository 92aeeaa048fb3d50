#include "geocode/cell_index.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include "core/geos_handle.hpp"
#include "core/parallel.hpp"

namespace peta {
namespace {

// Liang-Barsky: does the closed segment a-b meet the closed box?
bool segment_meets_box(const Coord& a, const Coord& b, const Box& box) {
  double t0 = 0, t1 = 1;
  auto clip = [&](double p, double q) {
    if (p == 0) return q >= 0;
    double r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      t0 = std::max(t0, r);
    } else {
      if (r < t0) return false;
      t1 = std::min(t1, r);
    }
    return true;
  };
  double dx = b.x - a.x, dy = b.y - a.y;
  return clip(-dx, a.x - box.min_x) && clip(dx, box.max_x - a.x) && clip(-dy, a.y - box.min_y) &&
         clip(dy, box.max_y - a.y);
}

// Candidate positions of R inside a cell, as fractions of the cell; the first one far enough from every
// listed edge's line is used.
constexpr Coord kReferenceFractions[] = {{0.5, 0.5},           {0.381966011, 0.618033989}, {0.618033989, 0.381966011},
                                         {0.276393202, 0.276393202}, {0.723606798, 0.723606798},
                                         {0.276393202, 0.723606798}, {0.723606798, 0.276393202},
                                         {0.145898034, 0.854101966}, {0.854101966, 0.145898034}};

// One desa's contribution to the index, before the merge.
struct LocalEntry {
  std::uint32_t cell;
  CellEntry entry;  // first_vertex local to DesaCells::vertices
};
struct DesaCells {
  std::vector<LocalEntry> entries;   // cells this desa's edges touch
  std::vector<std::uint32_t> covered;  // cells this desa covers whole
  std::vector<Coord> vertices;
};

constexpr Coord kChainBreak{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};

class DesaIndexer {
 public:
  DesaIndexer(const FlatDesa& flat, const CellGrid& grid) : flat_(flat), grid_(grid) {}

  DesaCells index(std::size_t desa, const MultiPolygon& geometry) {
    DesaCells out;
    const Box& b = flat_.bounds_lonlat[desa];
    if (b.empty()) return out;
    GeosGeom geom = to_geos(closed_rings(geometry));
    if (!geom) return out;
    prepared_ = prepare(geom.get());
    collect_edge_cells(desa);
    // The same growth as in collect_edge_cells, so every edge cell lies in the sweep.
    int col0 = grid_.column(b.min_x - grid_.dx * 1e-6), col1 = grid_.column(b.max_x + grid_.dx * 1e-6);
    int row0 = grid_.row(b.min_y - grid_.dy * 1e-6), row1 = grid_.row(b.max_y + grid_.dy * 1e-6);
    std::size_t next = 0;  // into pairs_ (sorted by cell, then edge)
    for (int row = row0; row <= row1; ++row) {
      int col = col0;
      while (col <= col1) {
        std::size_t cell = grid_.cell(col, row);
        if (next < pairs_.size() && pairs_[next].first == cell) {
          next = add_edge_cell(desa, col, row, next, out);
          ++col;
          continue;
        }
        // A run of cells free of this desa's edges: all inside or all outside it.
        int end = col;
        std::size_t limit = next < pairs_.size() ? pairs_[next].first : std::numeric_limits<std::size_t>::max();
        while (end + 1 <= col1 && grid_.cell(end + 1, row) < limit) ++end;
        if (contains(cell_point(col, row, kReferenceFractions[0])))
          for (int c = col; c <= end; ++c) out.covered.push_back(static_cast<std::uint32_t>(grid_.cell(c, row)));
        col = end + 1;
      }
    }
    prepared_.reset();
    return out;
  }

 private:
  Coord cell_point(int col, int row, Coord f) const {
    return {grid_.x0 + (col + f.x) * grid_.dx, grid_.y0 + (row + f.y) * grid_.dy};
  }

  bool contains(const Coord& p) const {
    GeosGeom point = to_geos(p);
    return GEOSPreparedContains_r(geos_context().get(), prepared_.get(), point.get()) == 1;
  }

  // pairs_ = every (cell, edge) where the edge touches the (slightly grown) cell, sorted.
  void collect_edge_cells(std::size_t desa) {
    pairs_.clear();
    const Coord* v = flat_.lonlat.data();
    for (std::uint32_t r = flat_.desa_rings[desa]; r < flat_.desa_rings[desa + 1]; ++r)
      for (std::uint32_t k = flat_.rings[r].begin; k + 1 < flat_.rings[r].end; ++k) {
        const Coord& a = v[k];
        const Coord& b = v[k + 1];
        int c0 = grid_.column(std::min(a.x, b.x) - grid_.dx * 1e-6), c1 = grid_.column(std::max(a.x, b.x) + grid_.dx * 1e-6);
        int r0 = grid_.row(std::min(a.y, b.y) - grid_.dy * 1e-6), r1 = grid_.row(std::max(a.y, b.y) + grid_.dy * 1e-6);
        bool single = c0 == c1 && r0 == r1;
        for (int row = r0; row <= r1; ++row)
          for (int col = c0; col <= c1; ++col)
            if (single || segment_meets_box(a, b, grid_.cell_box(col, row))) pairs_.emplace_back(grid_.cell(col, row), k);
      }
    std::sort(pairs_.begin(), pairs_.end());
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  }

  // Adds the entry of one edge cell (pairs_[first..] share its cell); returns the index after them.
  std::size_t add_edge_cell(std::size_t desa, int col, int row, std::size_t first, DesaCells& out) {
    std::size_t cell = pairs_[first].first;
    const Coord* v = flat_.lonlat.data();
    CellEntry e;
    e.desa = static_cast<std::int32_t>(desa);
    e.first_vertex = static_cast<std::uint32_t>(out.vertices.size());
    std::size_t i = first;
    std::uint32_t last_edge = 0;
    for (; i < pairs_.size() && pairs_[i].first == cell; ++i) {
      std::uint32_t k = pairs_[i].second;
      bool continues = i > first && k == last_edge + 1;
      if (!continues) {
        if (i > first) out.vertices.push_back(kChainBreak);
        out.vertices.push_back(v[k]);
      }
      out.vertices.push_back(v[k + 1]);
      last_edge = k;
    }
    e.vertex_count = static_cast<std::uint32_t>(out.vertices.size()) - e.first_vertex;
    e.reference = choose_reference(col, row, &out.vertices[e.first_vertex], e.vertex_count);
    e.reference_inside = contains(e.reference) ? 1 : 0;
    out.entries.push_back({static_cast<std::uint32_t>(cell), e});
    return i;
  }

  Coord choose_reference(int col, int row, const Coord* v, std::uint32_t n) const {
    double wanted = std::min(grid_.dx, grid_.dy) * 1e-7;
    Coord best{};
    double best_clearance = -1;
    for (Coord f : kReferenceFractions) {
      Coord r = cell_point(col, row, f);
      double clearance = std::numeric_limits<double>::infinity();
      for (std::uint32_t k = 0; k + 1 < n; ++k) {
        if (std::isnan(v[k].x) || std::isnan(v[k + 1].x)) continue;
        double len = std::hypot(v[k + 1].x - v[k].x, v[k + 1].y - v[k].y);
        double dist = len > 0 ? std::abs(orient(v[k], v[k + 1], r)) / len : std::hypot(r.x - v[k].x, r.y - v[k].y);
        clearance = std::min(clearance, dist);
      }
      if (clearance > best_clearance) {
        best_clearance = clearance;
        best = r;
      }
      if (clearance > wanted) break;
    }
    return best;
  }

  const FlatDesa& flat_;
  const CellGrid& grid_;
  GeosPrepared prepared_;
  std::vector<std::pair<std::size_t, std::uint32_t>> pairs_;
};

}  // namespace

std::size_t CellIndex::memory_bytes() const {
  return covered_by.size() * sizeof(std::uint16_t) + cell_start.size() * sizeof(std::uint32_t) +
         entries.size() * sizeof(CellEntry) + chain_vertices.size() * sizeof(Coord);
}

CellIndex build_cell_index(const Boundaries& boundaries, const FlatDesa& flat, unsigned threads) {
  CellIndex index;
  std::size_t vertices = flat.lonlat.size();
  std::size_t target = std::clamp<std::size_t>(vertices * 8, 1024, std::size_t{1} << 21);
  index.grid = CellGrid::covering(flat.extent, target, 2);

  std::size_t n = flat.desa_count();
  std::vector<DesaCells> per_desa(n);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    DesaIndexer indexer(flat, index.grid);
    for (std::size_t d; (d = next.fetch_add(1)) < n;) per_desa[d] = indexer.index(d, boundaries.desa[d].geometry);
  };
  run_on_threads(std::clamp<unsigned>(threads, 1, 16), work);

  // Merge in desa order, so each cell lists its desa by code. A cell that one desa alone covers only gets
  // covered_by (when desa indices fit in it), no entry.
  bool use_covered_by = n < kNotCovered;
  std::vector<std::uint32_t> count(index.grid.cell_count() + 1, 0);  // becomes cell_start
  std::vector<std::uint16_t> covered_by(index.grid.cell_count(), kNotCovered);
  for (std::size_t d = 0; d < n; ++d) {
    for (const auto& e : per_desa[d].entries) ++count[e.cell + 1];
    for (std::uint32_t cell : per_desa[d].covered) {
      ++count[cell + 1];
      if (use_covered_by) covered_by[cell] = static_cast<std::uint16_t>(d);
    }
  }
  for (std::size_t c = 0; c < index.grid.cell_count(); ++c) {
    if (count[c + 1] == 1 && covered_by[c] != kNotCovered)
      count[c + 1] = 0;  // covered_by says it all
    else
      covered_by[c] = kNotCovered;
  }
  for (std::size_t c = 0; c < index.grid.cell_count(); ++c) count[c + 1] += count[c];
  std::vector<CellEntry> entries(count.back());
  std::vector<Coord> chain_vertices;
  std::vector<std::uint32_t> cursor(count.begin(), count.end() - 1);
  // Entries of one cell must come in desa order: place desa after desa.
  for (std::size_t d = 0; d < n; ++d) {
    auto& dc = per_desa[d];
    auto offset = static_cast<std::uint32_t>(chain_vertices.size());
    chain_vertices.insert(chain_vertices.end(), dc.vertices.begin(), dc.vertices.end());
    for (auto e : dc.entries) {
      e.entry.first_vertex += offset;
      entries[cursor[e.cell]++] = e.entry;
    }
    for (std::uint32_t cell : dc.covered) {
      if (covered_by[cell] != kNotCovered) continue;
      CellEntry covers;
      covers.desa = static_cast<std::int32_t>(d);
      entries[cursor[cell]++] = covers;
    }
    dc = DesaCells{};
  }
  index.covered_by = std::move(covered_by);
  index.cell_start = std::move(count);
  index.entries = std::move(entries);
  index.chain_vertices = std::move(chain_vertices);
  return index;
}

}  // namespace peta
