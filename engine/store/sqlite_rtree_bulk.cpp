#include "store/sqlite_rtree_bulk.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "store/gpkg_geometry.hpp"

namespace peta::store {
namespace {

constexpr int kBytesPerCell = 8 + 4 * 4;

// rtree.c's rounding: a box's float bounds never lie inside the double box.
float value_down(double d) {
  float f = static_cast<float>(d);
  if (f > d) f = static_cast<float>(d * (d < 0 ? 1.0 + 1.0 / 8388608.0 : 1.0 - 1.0 / 8388608.0));
  return f;
}
float value_up(double d) {
  float f = static_cast<float>(d);
  if (f < d) f = static_cast<float>(d * (d < 0 ? 1.0 - 1.0 / 8388608.0 : 1.0 + 1.0 / 8388608.0));
  return f;
}

struct Box {
  float minx, maxx, miny, maxy;
  void expand(const Box& o) {
    minx = std::min(minx, o.minx);
    maxx = std::max(maxx, o.maxx);
    miny = std::min(miny, o.miny);
    maxy = std::max(maxy, o.maxy);
  }
};

struct Cell {
  std::int64_t ref;  // the row's id (leaves) or a child's node number
  Box box;
};

// Position along a Hilbert curve over a 2^16 x 2^16 grid of the world (lon/lat; about 600 m cells, enough to
// order points for packing).
std::uint32_t hilbert_key(double x, double y) {
  const std::uint32_t n = 1u << 16;
  auto cell = [&](double v, double lo, double hi) {
    const double t = std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
    return std::min<std::uint32_t>(n - 1, static_cast<std::uint32_t>(t * n));
  };
  std::uint32_t cx = cell(x, -180, 180), cy = cell(y, -90, 90);
  std::uint64_t d = 0;
  for (std::uint32_t s = n / 2; s > 0; s /= 2) {
    const std::uint32_t rx = (cx & s) ? 1 : 0, ry = (cy & s) ? 1 : 0;
    d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
    if (ry == 0) {
      if (rx == 1) {
        cx = s - 1 - (cx & (s - 1)) + (cx & ~(s - 1));
        cy = s - 1 - (cy & (s - 1)) + (cy & ~(s - 1));
        cx &= n - 1;
        cy &= n - 1;
      }
      std::swap(cx, cy);
    }
  }
  return static_cast<std::uint32_t>(d);  // < 2^32: 16 bits an axis
}

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) fail(sql);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt* get() { return stmt_; }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail(sqlite3_sql(stmt_));
    return false;
  }
  void run(std::int64_t a, std::int64_t b) {
    sqlite3_bind_int64(stmt_, 1, a);
    sqlite3_bind_int64(stmt_, 2, b);
    step();
    sqlite3_reset(stmt_);
  }
  [[noreturn]] void fail(const std::string& what) {
    throw Error("R-tree bulk load: " + what + ": " + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::string quoted(const std::string& name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

void put16(unsigned char* p, unsigned v) {
  p[0] = static_cast<unsigned char>(v >> 8);
  p[1] = static_cast<unsigned char>(v);
}
void put64(unsigned char* p, std::int64_t v) {
  const auto u = static_cast<std::uint64_t>(v);
  for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(u >> (56 - 8 * i));
}
void put_float(unsigned char* p, float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, 4);
  for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(u >> (24 - 8 * i));
}

// Nodes of `capacity` cells for `n` entries: leaves, then each level above, up to the root (1).
std::vector<std::size_t> level_sizes(std::size_t n, std::size_t capacity) {
  std::vector<std::size_t> sizes{std::max<std::size_t>(1, (n + capacity - 1) / capacity)};
  while (sizes.back() > 1) sizes.push_back((sizes.back() + capacity - 1) / capacity);
  return sizes;
}

class NodeWriter {
 public:
  NodeWriter(sqlite3* db, const std::string& rtree, int node_size)
      : node_(db, "INSERT INTO " + quoted(rtree + "_node") + " VALUES (?, ?)"),
        parent_(db, "INSERT INTO " + quoted(rtree + "_parent") + " VALUES (?, ?)"),
        blob_(static_cast<std::size_t>(node_size)) {}
  // Writes node `nodeno` with `cells`; the root (1) carries the depth.
  void write(std::int64_t nodeno, const Cell* cells, std::size_t count, int depth) {
    std::fill(blob_.begin(), blob_.end(), 0);
    put16(blob_.data(), nodeno == 1 ? static_cast<unsigned>(depth) : 0);
    put16(blob_.data() + 2, static_cast<unsigned>(count));
    for (std::size_t k = 0; k < count; ++k) {
      unsigned char* p = blob_.data() + 4 + k * kBytesPerCell;
      put64(p, cells[k].ref);
      put_float(p + 8, cells[k].box.minx);
      put_float(p + 12, cells[k].box.maxx);
      put_float(p + 16, cells[k].box.miny);
      put_float(p + 20, cells[k].box.maxy);
    }
    sqlite3_bind_int64(node_.get(), 1, nodeno);
    sqlite3_bind_blob(node_.get(), 2, blob_.data(), static_cast<int>(blob_.size()), SQLITE_STATIC);
    node_.step();
    sqlite3_reset(node_.get());
  }
  void parent(std::int64_t child, std::int64_t parent) { parent_.run(child, parent); }

 private:
  Statement node_, parent_;
  std::vector<unsigned char> blob_;
};

bool entry_before(const RtreeEntries::Entry& a, const RtreeEntries::Entry& b) {
  if (a.key != b.key) return a.key < b.key;
  return a.id() < b.id();
}

}  // namespace

RtreeEntries::RtreeEntries(std::size_t max_in_memory) : max_in_memory_(std::max<std::size_t>(max_in_memory, 1)) {}

RtreeEntries::~RtreeEntries() {
  if (spill_) std::fclose(spill_);
}

void RtreeEntries::clear() {
  entries_ = {};
  if (spill_) std::fclose(spill_);
  spill_ = nullptr;
  spilled_ = 0;
  runs_.clear();
  min_id_ = 0, max_id_ = -1;
}

void RtreeEntries::add(std::int64_t id, const Envelope& e) {
  if (entries_.size() >= max_in_memory_) spill();
  const auto u = static_cast<std::uint64_t>(id);
  entries_.push_back({hilbert_key((e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2), static_cast<std::uint32_t>(u),
                      static_cast<std::uint32_t>(u >> 32), value_down(e.minx), value_up(e.maxx), value_down(e.miny),
                      value_up(e.maxy)});
  if (max_id_ < min_id_) min_id_ = max_id_ = id;
  min_id_ = std::min(min_id_, id);
  max_id_ = std::max(max_id_, id);
}

// Sorts the entries in memory and appends them to the temporary file as one run.
void RtreeEntries::spill() {
  if (!spill_ && !(spill_ = std::tmpfile()))
    throw Error("R-tree bulk load: cannot create a temporary file for the index entries");
  std::sort(entries_.begin(), entries_.end(), entry_before);
  if (std::fwrite(entries_.data(), sizeof(Entry), entries_.size(), spill_) != entries_.size())
    throw Error("R-tree bulk load: cannot write the index entries to a temporary file (disk full?)");
  runs_.emplace_back(spilled_, spilled_ + entries_.size());
  spilled_ += entries_.size();
  entries_.clear();
}

namespace {

// SQL: peta_hilbert(geom) -> the Hilbert key of the geometry's envelope centre (as RtreeEntries::add computes
// it); NULL for an empty or NULL geometry, which has no entry.
void sql_hilbert(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* blob = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
  const auto env = gpkg_envelope(blob, static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
  if (!env) return sqlite3_result_null(ctx);
  sqlite3_result_int64(ctx, hilbert_key((env->minx + env->maxx) / 2, (env->miny + env->maxy) / 2));
}

// Packs the rows' cells, which `next(cell)` yields in Hilbert order (ties in id order) until it returns false, into
// the R-tree `rtree` (emptied first). [min_id, max_id] holds every id; `table_rows` sizes the block of node numbers
// kept for the inner nodes. Only one cell per leaf and 4 bytes per id are held, whatever the number of rows.
template <class Next>
void pack_in_order(sqlite3* db, const std::string& rtree, std::size_t table_rows, std::int64_t min_id,
                   std::int64_t max_id, Next next) {
  int node_size = 0;
  {
    Statement s(db, "SELECT length(data) FROM " + quoted(rtree + "_node") + " WHERE nodeno = 1");
    if (s.step()) node_size = sqlite3_column_int(s.get(), 0);
  }
  const std::size_t capacity = node_size > 4 ? static_cast<std::size_t>(node_size - 4) / kBytesPerCell : 0;
  if (capacity < 4)
    throw Error("R-tree bulk load: " + rtree + " has no usable root node (size " + std::to_string(node_size) + ")");
  for (const char* shadow : {"_node", "_parent", "_rowid"}) Statement(db, "DELETE FROM " + quoted(rtree + shadow)).step();

  // Node numbers 1 .. reserved are kept for the root and the inner nodes (counted for every row of the table,
  // an upper bound); leaves are numbered after them, in the order they are written.
  const auto bound = level_sizes(table_rows, capacity);
  std::int64_t reserved = 1;
  for (std::size_t i = 1; i < bound.size(); ++i) reserved += static_cast<std::int64_t>(bound[i]);
  // Leaf of each row (by id - min_id), written to %_rowid in id order at the end: appends, not random inserts.
  std::vector<std::uint32_t> leaf_of(max_id >= min_id ? static_cast<std::size_t>(max_id - min_id + 1) : 0, 0);
  auto leaf = [&](const Cell& c, std::int64_t nodeno) {
    if (c.ref < min_id || c.ref > max_id) throw Error("R-tree bulk load: a row id outside the table's (internal error)");
    leaf_of[static_cast<std::size_t>(c.ref - min_id)] = static_cast<std::uint32_t>(nodeno);
  };

  NodeWriter writer(db, rtree, node_size);
  // The first capacity + 1 cells tell whether one leaf holds them all (then it is the root).
  std::vector<Cell> cells;
  cells.reserve(capacity + 1);
  Cell cell{};
  while (cells.size() <= capacity && next(cell)) cells.push_back(cell);
  if (cells.size() <= capacity) {
    for (const auto& c : cells) leaf(c, 1);
    writer.write(1, cells.data(), cells.size(), 0);
  } else {
    std::vector<Cell> leaves;  // one cell per leaf: its node number and box (the level above is packed from them)
    std::int64_t next_leaf = reserved + 1;
    auto write_leaf = [&](const Cell* first, std::size_t count) {
      Box box = first[0].box;
      for (std::size_t k = 0; k < count; ++k) {
        box.expand(first[k].box);
        leaf(first[k], next_leaf);
      }
      writer.write(next_leaf, first, count, 0);
      leaves.push_back({next_leaf++, box});
    };
    write_leaf(cells.data(), capacity);
    Cell carried = cells[capacity];
    cells.clear();
    cells.push_back(carried);
    while (next(cell)) {
      cells.push_back(cell);
      if (cells.size() == capacity) {
        write_leaf(cells.data(), capacity);
        cells.clear();
      }
    }
    if (!cells.empty()) write_leaf(cells.data(), cells.size());
    // Inner levels: consecutive cells (in Hilbert order) grouped by `capacity`, until one node is left.
    std::vector<Cell> level = std::move(leaves);
    int depth = 0;
    std::int64_t next_inner = 2;
    while (level.size() > 1) {
      ++depth;
      std::vector<Cell> up;
      const bool root_level = level.size() <= capacity;
      for (std::size_t i = 0; i < level.size(); i += capacity) {
        const std::size_t count = std::min(capacity, level.size() - i);
        const std::int64_t nodeno = root_level ? 1 : next_inner++;
        Box box = level[i].box;
        for (std::size_t k = i; k < i + count; ++k) {
          box.expand(level[k].box);
          writer.parent(level[k].ref, nodeno);
        }
        up.push_back({nodeno, box});
        // The root carries the depth.
        writer.write(nodeno, &level[i], count, root_level ? depth : 0);
      }
      level = std::move(up);
    }
    if (next_inner - 1 > reserved) throw Error("R-tree bulk load: inner node numbers overflowed (internal error)");
  }
  Statement rowid(db, "INSERT INTO " + quoted(rtree + "_rowid") + " VALUES (?, ?)");
  for (std::size_t i = 0; i < leaf_of.size(); ++i)
    if (leaf_of[i]) rowid.run(min_id + static_cast<std::int64_t>(i), leaf_of[i]);
}

}  // namespace

namespace {

// One spilled run read back in blocks.
class RunReader {
 public:
  RunReader(std::FILE* file, std::pair<std::size_t, std::size_t> run) : file_(file), next_(run.first), end_(run.second) {
    fill();
  }
  bool done() const { return at_ == block_.size(); }
  const RtreeEntries::Entry& front() const { return block_[at_]; }
  void pop() {
    if (++at_ == block_.size()) fill();
  }

 private:
  void fill() {
    block_.resize(std::min<std::size_t>(kBlock, end_ - next_));
    at_ = 0;
    if (block_.empty()) return;
    if (std::fseek(file_, static_cast<long>(next_ * sizeof(RtreeEntries::Entry)), SEEK_SET) != 0 ||
        std::fread(block_.data(), sizeof(RtreeEntries::Entry), block_.size(), file_) != block_.size())
      throw Error("R-tree bulk load: cannot read the index entries back from their temporary file");
    next_ += block_.size();
  }
  static constexpr std::size_t kBlock = 4096;  // 112 KB a run
  std::FILE* file_;
  std::size_t next_, end_;
  std::vector<RtreeEntries::Entry> block_;
  std::size_t at_ = 0;
};

}  // namespace

void pack_gpkg_rtree(sqlite3* db, const std::string& rtree, RtreeEntries& entries, std::size_t table_rows) {
  auto& memory = entries.entries();
  std::sort(memory.begin(), memory.end(), entry_before);
  std::vector<RunReader> runs;
  for (const auto& run : entries.runs()) runs.emplace_back(entries.spill_file(), run);
  std::size_t at = 0;
  // The smallest of the runs' fronts and the entries in memory, in the order they were sorted: a heap of the
  // runs (a 10 M-point layer spills 40 runs of 256 K entries), min at the top.
  auto later = [](const RunReader* a, const RunReader* b) { return entry_before(b->front(), a->front()); };
  std::vector<RunReader*> heap;
  for (auto& r : runs)
    if (!r.done()) heap.push_back(&r);
  std::make_heap(heap.begin(), heap.end(), later);
  pack_in_order(db, rtree, std::max(table_rows, entries.size()), entries.min_id(), entries.max_id(), [&](Cell& c) {
    const bool from_memory =
        at < memory.size() && (heap.empty() || entry_before(memory[at], heap.front()->front()));
    if (!from_memory && heap.empty()) return false;
    const RtreeEntries::Entry& e = from_memory ? memory[at] : heap.front()->front();
    c = {e.id(), {e.minx, e.maxx, e.miny, e.maxy}};
    if (from_memory) {
      ++at;
    } else {
      std::pop_heap(heap.begin(), heap.end(), later);
      heap.back()->pop();
      if (heap.back()->done()) heap.pop_back();
      else std::push_heap(heap.begin(), heap.end(), later);
    }
    return true;
  });
}

// The store's tables grow to millions of rows: the order comes from SQLite's sorter (ORDER BY the Hilbert key, then
// the id, as pack_gpkg_rtree sorts), so the rebuild holds 4 bytes a row, not the 28 of RtreeEntries (at 10 M rows
// 280 MB, over the store's memory target).
void rebuild_gpkg_rtree(sqlite3* db, const std::string& table, const std::string& fid_column,
                        const std::string& geom_column, const std::string& rtree) {
  std::int64_t rows = 0, min_fid = 0, max_fid = -1;
  {
    Statement s(db, "SELECT COUNT(*), MIN(" + quoted(fid_column) + "), MAX(" + quoted(fid_column) + ") FROM " + quoted(table));
    if (s.step()) {
      rows = sqlite3_column_int64(s.get(), 0);
      min_fid = sqlite3_column_int64(s.get(), 1);
      max_fid = sqlite3_column_int64(s.get(), 2);
    }
  }
  if (rows == 0) min_fid = 0, max_fid = -1;
  if (sqlite3_create_function(db, "peta_hilbert", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &sql_hilbert,
                              nullptr, nullptr) != SQLITE_OK)
    throw Error(std::string("R-tree bulk load: cannot register peta_hilbert: ") + sqlite3_errmsg(db));
  {
    Statement s(db, "SELECT " + quoted(fid_column) + ", " + quoted(geom_column) + " FROM " + quoted(table) +
                        " WHERE peta_hilbert(" + quoted(geom_column) + ") IS NOT NULL ORDER BY peta_hilbert(" +
                        quoted(geom_column) + "), " + quoted(fid_column));
    pack_in_order(db, rtree, static_cast<std::size_t>(rows), min_fid, max_fid, [&](Cell& c) {
      if (!s.step()) return false;
      const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(s.get(), 1));
      const auto env = gpkg_envelope(blob, static_cast<std::size_t>(sqlite3_column_bytes(s.get(), 1)));
      if (!env) throw Error("R-tree bulk load: a geometry without envelope in " + table + " (internal error)");
      c = {sqlite3_column_int64(s.get(), 0),
           {value_down(env->minx), value_up(env->maxx), value_down(env->miny), value_up(env->maxy)}};
      return true;
    });
  }
  sqlite3_create_function(db, "peta_hilbert", 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr);
}

}  // namespace peta::store
