#pragma once
// Writes a GeoPackage table's whole R-tree (rtree_<table>_<geom>) at once, packed in Hilbert order, instead of
// inserting entry by entry.
//
// By hand because SQLite has no bulk load for its R-tree: a million single inserts into an rtree take ~19 s of
// CPU here (each a descent, choose-subtree and R* splits), packing and writing the nodes well under a second.
// GDAL does the same since 3.7 (ogr/ogrsf_frmts/sqlite/sqlite_rtree_bulk_load.c, for new GeoPackage layers),
// but Debian 12 ships GDAL 3.6, which inserts one by one. The format is SQLite's own (ext/rtree/rtree.c,
// "Database Format of R-Tree Tables"): %_node (nodeno, data), node 1 the root, whose first 2 bytes hold the
// tree depth; then a 2-byte cell count and cells of a big-endian 64-bit id and 4 big-endian float32 (minx, maxx,
// miny, maxy); %_parent (nodeno, parentnode) for every node but the root; %_rowid (rowid, nodeno) for every
// entry. Coordinates are rounded outwards to float as rtree.c rounds them. Tests check the result with SQLite's
// own rtreecheck().
//
// The entries are kept in memory (RtreeEntries, 28 bytes each: id, float box, Hilbert key) and sorted in C++:
// a writer that knows its rows' envelopes as it inserts them (output/gpkg_bulk_layer) adds them as it goes and
// the table is never read back; the store, which adds to rows already there, reads every envelope once in rowid
// order (a plain scan, no SQL sort). GDAL 3.7+'s sqlite_rtree_bulk_load.c also keeps the entries in memory, but
// inserts them into an in-memory R*-tree; here they are packed bottom-up in Hilbert order (full nodes, as
// FlatGeobuf's packed index), which needs one sort and no node splits.
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "store/gpkg_geometry.hpp"

namespace peta::store {

// The envelopes an R-tree is packed from. Memory: 28 bytes an entry, up to `max_in_memory` entries: past that
// the entries are sorted into runs in a temporary file (28 bytes an entry on disk) and merged when packed, so a
// layer of 10 M points holds 28 MB of entries instead of 280 MB (470 MB while the vector doubled).
class RtreeEntries {
 public:
  explicit RtreeEntries(std::size_t max_in_memory = static_cast<std::size_t>(-1));
  ~RtreeEntries();
  RtreeEntries(const RtreeEntries&) = delete;
  RtreeEntries& operator=(const RtreeEntries&) = delete;

  void reserve(std::size_t n) { entries_.reserve(std::min(n, max_in_memory_)); }
  // A row's envelope (in lon/lat: the Hilbert key is over the whole world, so that the packed tree does not
  // depend on which rows are present).
  void add(std::int64_t id, const Envelope& envelope);
  void add_point(std::int64_t id, double x, double y) { add(id, Envelope{x, x, y, y}); }
  std::size_t size() const { return entries_.size() + spilled_; }
  bool empty() const { return size() == 0; }
  void clear();

  struct Entry {
    std::uint32_t key;         // Hilbert position of the envelope's centre
    std::uint32_t id_low, id_high;  // the row's id, split so the entry stays 4-byte aligned (28 bytes, not 32)
    float minx, maxx, miny, maxy;   // rounded outwards, as rtree.c rounds
    std::int64_t id() const {
      return static_cast<std::int64_t>((static_cast<std::uint64_t>(id_high) << 32) | id_low);
    }
  };
  std::vector<Entry>& entries() { return entries_; }  // the entries in memory (all of them when nothing spilled)
  // Sorted runs in the temporary file: [first entry, end) each.
  std::vector<std::pair<std::size_t, std::size_t>> const& runs() const { return runs_; }
  std::FILE* spill_file() const { return spill_; }
  std::int64_t min_id() const { return min_id_; }
  std::int64_t max_id() const { return max_id_; }

 private:
  void spill();
  std::size_t max_in_memory_;
  std::vector<Entry> entries_;
  std::FILE* spill_ = nullptr;
  std::size_t spilled_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> runs_;
  std::int64_t min_id_ = 0, max_id_ = -1;
};

// Replaces the content of the R-tree virtual table `rtree` with `entries`, packed in Hilbert order (ties in id
// order), in the caller's transaction. The node size is the existing tree's. `table_rows` (>= entries: rows
// without geometry count too) sizes the block of node numbers kept for the inner nodes, so the tree's node
// numbers depend only on the table. Sorts `entries` in place (and merges its spilled runs). Throws peta::Error
// with SQLite's message.
void pack_gpkg_rtree(sqlite3* db, const std::string& rtree, RtreeEntries& entries, std::size_t table_rows);

// Replaces the content of the R-tree virtual table `rtree` with the envelopes of the geometries (GeoPackage
// binary) of `table`.`geom_column`, keyed by `fid_column`, in the caller's transaction. Empty and NULL
// geometries are left out, as the GeoPackage triggers leave them out. The node size is the existing tree's.
// Throws peta::Error with SQLite's message on failure.
void rebuild_gpkg_rtree(sqlite3* db, const std::string& table, const std::string& fid_column,
                        const std::string& geom_column, const std::string& rtree);

}  // namespace peta::store
