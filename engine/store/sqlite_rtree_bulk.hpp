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
// own rtreecheck(). Memory: 4 bytes a row plus the inner nodes; the rows are ordered by SQLite's external sort.
#include <sqlite3.h>

#include <string>

namespace peta::store {

// Replaces the content of the R-tree virtual table `rtree` with the envelopes of the geometries (GeoPackage
// binary) of `table`.`geom_column`, keyed by `fid_column`, in the caller's transaction. Empty and NULL
// geometries are left out, as the GeoPackage triggers leave them out. The node size is the existing tree's.
// Throws peta::Error with SQLite's message on failure.
void rebuild_gpkg_rtree(sqlite3* db, const std::string& table, const std::string& fid_column,
                        const std::string& geom_column, const std::string& rtree);

}  // namespace peta::store
