// RtreeEntries past its in-memory limit (store/sqlite_rtree_bulk.hpp): the entries sorted into runs in a
// temporary file and merged when packed give the very tree (nodes, parents, leaf of every row) that packing all
// of them in memory gives, and SQLite's rtreecheck passes.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>
#include <string>

#include "store/sqlite_rtree_bulk.hpp"

namespace peta {
namespace {

std::string packed_tree(std::size_t max_in_memory, int rows) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  store::RtreeEntries entries(max_in_memory);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> x(112.9, 113.6), y(-8.1, -7.6), size(0, 0.01);
  for (int id = 1; id <= rows; ++id) {
    if (id % 13 == 0) continue;  // rows without geometry
    const double x0 = x(rng), y0 = y(rng), w = id % 3 ? 0.0 : size(rng);
    // Every 50th row on a shared key (the same point): ties go in id order, across runs too.
    if (id % 50 == 0) entries.add_point(id, 113.0, -7.8);
    else entries.add(id, store::Envelope{x0, x0 + w, y0, y0 + w});
  }
  EXPECT_EQ(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
  store::pack_gpkg_rtree(db, "r", entries, static_cast<std::size_t>(rows));
  EXPECT_EQ(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  std::string all;
  for (const char* sql : {"SELECT nodeno, hex(data) FROM r_node ORDER BY nodeno",
                          "SELECT nodeno, parentnode FROM r_parent ORDER BY nodeno",
                          "SELECT rowid, nodeno FROM r_rowid ORDER BY rowid", "SELECT rtreecheck('r')",
                          "SELECT COUNT(*), 0 FROM r"}) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), SQLITE_OK) << sql;
    while (s && sqlite3_step(s) == SQLITE_ROW) {
      all += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
      if (sqlite3_column_count(s) > 1) all += std::string(":") + reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
      all += "\n";
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return all;
}

TEST(RtreeEntriesSpill, RunsMergedGiveTheTreePackedInMemory) {
  constexpr int kRows = 30000;
  const std::string in_memory = packed_tree(static_cast<std::size_t>(-1), kRows);
  EXPECT_NE(in_memory.find("\nok\n"), std::string::npos);
  EXPECT_NE(in_memory.find("\n27693:0\n"), std::string::npos);  // 30,000 rows minus every 13th
  EXPECT_EQ(packed_tree(1000, kRows), in_memory);   // 27 runs in the file and the rest in memory
  EXPECT_EQ(packed_tree(27693, kRows), in_memory);  // exactly the limit: nothing spills
  EXPECT_EQ(packed_tree(4096, kRows), in_memory);
}

}  // namespace
}  // namespace peta
