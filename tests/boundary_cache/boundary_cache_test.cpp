// The boundary cache (engine/boundary_cache) on the real Probolinggo boundaries: a second load reads the
// cache and gives exactly what a fresh load gives (units, geometry, areas, issues, the locator's index and so
// every located point); a changed setting or changed source bytes, a damaged or cut-short cache are never
// trusted; and a whole build gives byte-identical outputs with and without the cache.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "boundary_cache/boundary_cache.hpp"
#include "geocode/point_locator.hpp"
#include "project/pipeline.hpp"
#include "project/project_settings.hpp"
#include "test_support.hpp"

namespace peta {
namespace {
namespace fs = std::filesystem;
using test::data;

BoundarySettings probolinggo(const std::string& desa_path) {
  BoundarySettings s;
  s.desa.path = desa_path;
  s.kecamatan = BoundarySource{};
  s.kecamatan->path = data("probolinggo/kecamatan.geojson");
  return s;
}

BoundaryCacheOptions in(const std::string& folder) { return {true, folder}; }

void expect_same_units(const std::vector<AdminUnit>& a, const std::vector<AdminUnit>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].code, b[i].code);
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].jenis, b[i].jenis);
    EXPECT_EQ(a[i].area_km2, b[i].area_km2);  // bit for bit
    ASSERT_EQ(a[i].geometry.parts.size(), b[i].geometry.parts.size()) << a[i].code.dotted();
    for (std::size_t p = 0; p < a[i].geometry.parts.size(); ++p) {
      const auto& ra = a[i].geometry.parts[p].rings;
      const auto& rb = b[i].geometry.parts[p].rings;
      ASSERT_EQ(ra.size(), rb.size());
      for (std::size_t r = 0; r < ra.size(); ++r) EXPECT_TRUE(ra[r] == rb[r]) << a[i].code.dotted();
    }
  }
}

template <class Array>
bool same_bytes(const Array& a, const Array& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(*a.data())) == 0);
}

void expect_same(const PreparedBoundaries& a, const PreparedBoundaries& b) {
  const Boundaries& x = a.loaded.boundaries;
  const Boundaries& y = b.loaded.boundaries;
  expect_same_units(x.kabupaten, y.kabupaten);
  expect_same_units(x.kecamatan, y.kecamatan);
  expect_same_units(x.desa, y.desa);
  EXPECT_EQ(x.desa_kecamatan, y.desa_kecamatan);
  EXPECT_EQ(x.kecamatan_kabupaten, y.kecamatan_kabupaten);
  const LoadIssues& i = a.loaded.issues;
  const LoadIssues& j = b.loaded.issues;
  ASSERT_EQ(i.repairs.size(), j.repairs.size());
  for (std::size_t k = 0; k < i.repairs.size(); ++k) {
    EXPECT_EQ(i.repairs[k].code, j.repairs[k].code);
    EXPECT_EQ(i.repairs[k].reason, j.repairs[k].reason);
    EXPECT_EQ(i.repairs[k].area_change_km2, j.repairs[k].area_change_km2);
  }
  EXPECT_EQ(i.duplicate_codes, j.duplicate_codes);
  EXPECT_EQ(i.orphan_desa, j.orphan_desa);
  EXPECT_EQ(i.bad_codes, j.bad_codes);
  EXPECT_EQ(i.kecamatan_dissolved, j.kecamatan_dissolved);
  EXPECT_EQ(i.desa_profile, j.desa_profile);
  const LocatorIndex& p = *a.index;
  const LocatorIndex& q = *b.index;
  EXPECT_TRUE(same_bytes(p.flat.metres, q.flat.metres));
  EXPECT_TRUE(same_bytes(p.flat.rings, q.flat.rings));
  EXPECT_TRUE(same_bytes(p.flat.desa_rings, q.flat.desa_rings));
  EXPECT_TRUE(same_bytes(p.cells.covered_by, q.cells.covered_by));
  EXPECT_TRUE(same_bytes(p.cells.cell_start, q.cells.cell_start));
  EXPECT_TRUE(same_bytes(p.cells.entries, q.cells.entries));
  EXPECT_EQ(p.cells.chain_vertices.size(), q.cells.chain_vertices.size());  // NaN separators: compare bytes
  EXPECT_TRUE(same_bytes(p.cells.chain_vertices, q.cells.chain_vertices));
  EXPECT_EQ(std::memcmp(&p.cells.grid, &q.cells.grid, sizeof(CellGrid)), 0);
}

std::vector<std::string> cache_files(const std::string& folder) {
  std::vector<std::string> out;
  if (!fs::exists(folder)) return out;
  for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(BoundaryCache, SecondLoadIsAHitEqualToAFreshLoad) {
  const std::string dir = test::temp_dir("bcache-hit");
  const auto settings = probolinggo(data("probolinggo/desa.geojson"));
  PreparedBoundaries fresh = load_prepared_boundaries(settings, {false, ""});
  EXPECT_EQ(fresh.state, BoundaryCacheState::off);
  EXPECT_TRUE(cache_files(dir).empty());

  PreparedBoundaries first = load_prepared_boundaries(settings, in(dir));
  EXPECT_EQ(first.state, BoundaryCacheState::miss) << first.note;
  ASSERT_EQ(cache_files(dir).size(), 1u);  // no temporary file left behind
  EXPECT_EQ(fs::path(first.cache_file).parent_path(), fs::path(dir));
  PreparedBoundaries second = load_prepared_boundaries(settings, in(dir));
  EXPECT_EQ(second.state, BoundaryCacheState::hit) << second.note;
  EXPECT_EQ(second.cache_file, first.cache_file);

  ASSERT_EQ(second.loaded.boundaries.desa.size(), 330u);
  ASSERT_EQ(second.loaded.boundaries.kecamatan.size(), 24u);
  expect_same(fresh, first);
  expect_same(fresh, second);

  // Every point of a 200 x 200 grid over the kabupaten and beyond is placed alike (desa, flags, distance).
  PointLocator a(fresh.loaded.boundaries);
  PointLocator b(second.index);
  int inside = 0;
  for (int i = 0; i < 200; ++i)
    for (int j = 0; j < 200; ++j) {
      Coord p{112.85 + 0.6 * i / 199.0, -8.15 + 0.45 * j / 199.0};
      Assignment x = a.locate(p), y = b.locate(p);
      ASSERT_EQ(x.desa, y.desa) << p.x << " " << p.y;
      ASSERT_EQ(x.flags, y.flags);
      ASSERT_EQ(x.distance_m, y.distance_m);
      ASSERT_EQ(x.nearest, y.nearest);
      inside += x.desa >= 0;
    }
  EXPECT_GT(inside, 10000);  // the grid does reach into the desa
}

TEST(BoundaryCache, AnotherSettingIsAnotherEntry) {
  const std::string dir = test::temp_dir("bcache-setting");
  auto settings = probolinggo(data("probolinggo/desa.geojson"));
  EXPECT_EQ(load_prepared_boundaries(settings, in(dir)).state, BoundaryCacheState::miss);
  // Without the kecamatan layer the kecamatan are dissolved from the desa: another result, another entry.
  auto dissolved = settings;
  dissolved.kecamatan.reset();
  PreparedBoundaries d = load_prepared_boundaries(dissolved, in(dir));
  EXPECT_EQ(d.state, BoundaryCacheState::miss);
  EXPECT_TRUE(d.loaded.issues.kecamatan_dissolved);
  EXPECT_EQ(cache_files(dir).size(), 2u);
  // A filter on the desa layer too.
  auto filtered = settings;
  filtered.desa.where = "1 = 1";
  EXPECT_EQ(load_prepared_boundaries(filtered, in(dir)).state, BoundaryCacheState::miss);
  EXPECT_EQ(cache_files(dir).size(), 3u);
  // Each is then a hit with its own content.
  PreparedBoundaries d2 = load_prepared_boundaries(dissolved, in(dir));
  EXPECT_EQ(d2.state, BoundaryCacheState::hit);
  EXPECT_TRUE(d2.loaded.issues.kecamatan_dissolved);
  expect_same(d, d2);
  EXPECT_EQ(load_prepared_boundaries(settings, in(dir)).state, BoundaryCacheState::hit);
}

// Changes one byte of a file in place, keeping its size and modification time: only the bytes tell.
void change_one_byte_keep_mtime(const std::string& path, std::size_t offset, char from, char to) {
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  f.get(c);
  ASSERT_EQ(c, from);
  f.seekp(static_cast<std::streamoff>(offset));
  f.put(to);
  f.close();
  const struct timespec times[2] = {st.st_atim, st.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

TEST(BoundaryCache, ChangedSourceBytesMakeItStale) {
  const std::string dir = test::temp_dir("bcache-bytes");
  const std::string desa = dir + "/desa.geojson";
  fs::copy_file(data("probolinggo/desa.geojson"), desa);
  const auto settings = probolinggo(desa);
  PreparedBoundaries before = load_prepared_boundaries(settings, in(dir + "/cache"));
  ASSERT_EQ(before.state, BoundaryCacheState::miss);
  ASSERT_EQ(load_prepared_boundaries(settings, in(dir + "/cache")).state, BoundaryCacheState::hit);

  // Rename the first desa by one letter, same size and modification time.
  const std::string text = test::read_file(desa);
  const std::string first_name = before.loaded.boundaries.desa.front().name;  // sorted by code; find it in the file
  std::size_t at = text.find("\"nama\":\"" + first_name + "\"");
  ASSERT_NE(at, std::string::npos) << first_name;
  const char old_letter = text[at + 8];
  change_one_byte_keep_mtime(desa, at + 8, old_letter, old_letter == 'Z' ? 'Y' : 'Z');

  PreparedBoundaries after = load_prepared_boundaries(settings, in(dir + "/cache"));
  EXPECT_EQ(after.state, BoundaryCacheState::stale) << after.note;
  EXPECT_NE(after.note.find("stale"), std::string::npos);
  EXPECT_EQ(after.cache_file, before.cache_file);  // rewritten in place, not a second entry
  EXPECT_EQ(cache_files(dir + "/cache").size(), 1u);
  // Exactly one desa has the new name, read from the source; the rewritten cache now serves it.
  std::string new_name = first_name;
  new_name[0] = old_letter == 'Z' ? 'Y' : 'Z';
  int renamed = 0;
  for (std::size_t d = 0; d < 330; ++d)
    if (after.loaded.boundaries.desa[d].name != before.loaded.boundaries.desa[d].name) {
      ++renamed;
      EXPECT_EQ(after.loaded.boundaries.desa[d].name, new_name);
    }
  EXPECT_EQ(renamed, 1);
  PreparedBoundaries again = load_prepared_boundaries(settings, in(dir + "/cache"));
  EXPECT_EQ(again.state, BoundaryCacheState::hit);
  expect_same(after, again);
}

std::string only_cache_file(const std::string& folder) {
  auto files = cache_files(folder);
  EXPECT_EQ(files.size(), 1u);
  return folder + "/" + files.at(0);
}

TEST(BoundaryCache, AFlippedByteIsIgnoredAndRebuilt) {
  const std::string dir = test::temp_dir("bcache-corrupt");
  const auto settings = probolinggo(data("probolinggo/desa.geojson"));
  PreparedBoundaries fresh = load_prepared_boundaries(settings, in(dir));
  const std::string file = only_cache_file(dir);
  const auto size = fs::file_size(file);
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(size / 2));
    char c = 0;
    f.get(c);
    f.seekp(static_cast<std::streamoff>(size / 2));
    f.put(static_cast<char>(c ^ 0x10));
  }
  PreparedBoundaries damaged = load_prepared_boundaries(settings, in(dir));
  EXPECT_EQ(damaged.state, BoundaryCacheState::corrupt) << damaged.note;
  EXPECT_NE(damaged.note.find("checksum"), std::string::npos) << damaged.note;
  expect_same(fresh, damaged);
  EXPECT_EQ(load_prepared_boundaries(settings, in(dir)).state, BoundaryCacheState::hit);  // rewritten
}

TEST(BoundaryCache, AHalfWrittenCacheIsIgnored) {
  const std::string dir = test::temp_dir("bcache-truncated");
  const auto settings = probolinggo(data("probolinggo/desa.geojson"));
  PreparedBoundaries fresh = load_prepared_boundaries(settings, in(dir));
  const std::string file = only_cache_file(dir);
  const auto size = fs::file_size(file);
  // A kill while writing: every length from nothing to all but the last byte.
  for (std::uintmax_t keep : {std::uintmax_t{0}, std::uintmax_t{7}, std::uintmax_t{40}, size / 2, size - 24, size - 1}) {
    ASSERT_EQ(load_prepared_boundaries(settings, in(dir)).state, BoundaryCacheState::hit);
    fs::resize_file(file, keep);
    PreparedBoundaries cut = load_prepared_boundaries(settings, in(dir));
    EXPECT_EQ(cut.state, BoundaryCacheState::corrupt) << "kept " << keep << " bytes: " << cut.note;
    expect_same(fresh, cut);
    EXPECT_EQ(fs::file_size(file), size);  // rewritten whole
  }
  // Garbage of the right length after a valid header is caught by the checksum, a foreign file by its magic.
  test::write_file(file, std::string(static_cast<std::size_t>(size), 'x'));
  PreparedBoundaries foreign = load_prepared_boundaries(settings, in(dir));
  EXPECT_EQ(foreign.state, BoundaryCacheState::corrupt);
  EXPECT_NE(foreign.note.find("not a peta boundary cache"), std::string::npos) << foreign.note;
}

TEST(BoundaryCache, ReadOnlyFolderIsANoteNotAnError) {
  const std::string dir = test::temp_dir("bcache-readonly");
  const std::string file_in_the_way = dir + "/not-a-folder";
  test::write_file(file_in_the_way, "x");
  PreparedBoundaries p = load_prepared_boundaries(probolinggo(data("probolinggo/desa.geojson")), in(file_in_the_way + "/cache"));
  EXPECT_EQ(p.state, BoundaryCacheState::miss);
  EXPECT_TRUE(p.cache_file.empty());
  EXPECT_NE(p.note.find("could not be written"), std::string::npos) << p.note;
  EXPECT_EQ(p.loaded.boundaries.desa.size(), 330u);
}

// A whole build: off, first run (cache written), repeated run (cache read) give the same bytes in every
// GeoJSON and Shapefile output and in the run summary but for its stage times.
TEST(BoundaryCache, BuildOutputsAreIdenticalWithAndWithoutTheCache) {
  const std::string dir = test::temp_dir("bcache-build");
  const std::string csv = dir + "/temuan.csv";
  {
    std::ofstream o(csv);
    o << "id,lon,lat,kategori\n";
    // 2,000 points on a grid over the kabupaten, some in the sea (rejected), a few categories.
    const char* cats[] = {"jalan_rusak", "akses_sekolah", "kemiskinan", "stunting"};
    int id = 0;
    for (int i = 0; i < 50; ++i)
      for (int j = 0; j < 40; ++j, ++id)
        o << "T" << id << "," << 112.9 + 0.5 * i / 49.0 << "," << -8.1 + 0.35 * j / 39.0 << "," << cats[id % 4] << "\n";
  }
  auto build = [&](const std::string& name, bool cache) {
    nlohmann::json p = {{"name", "uji"},
                        {"boundaries",
                         {{"desa", {{"path", data("probolinggo/desa.geojson")}}},
                          {"kecamatan", {{"path", data("probolinggo/kecamatan.geojson")}}},
                          {"cache", cache ? nlohmann::json(dir + "/cache") : nlohmann::json(false)}}},
                        {"findings", {{{"path", csv}}}},
                        {"privacy", {{"profile", "internal"}}},
                        {"output", {{"folder", dir + "/" + name}, {"formats", {"geojson", "shapefile"}}}}};
    test::write_file(dir + "/" + name + ".json", p.dump(2));
    RunOptions options;
    options.threads = 2;
    return run_project(load_project(dir + "/" + name + ".json"), options);
  };
  auto boundaries_note = [](const RunSummary& s) {
    for (const auto& st : s.stages)
      if (st.stage == "boundaries") return st.note;
    return std::string();
  };
  RunSummary off = build("off", false);
  RunSummary first = build("first", true);
  RunSummary again = build("again", true);
  EXPECT_NE(boundaries_note(off).find("off"), std::string::npos) << boundaries_note(off);
  EXPECT_NE(boundaries_note(first).find("written"), std::string::npos) << boundaries_note(first);
  EXPECT_NE(boundaries_note(again).find("from the cache"), std::string::npos) << boundaries_note(again);
  EXPECT_EQ(off.total().rows_read, 2000);
  EXPECT_GT(off.total().rejected, 0);
  EXPECT_EQ(off.total().geocoded, 880);  // the grid reaches the sea and beyond the kabupaten
  EXPECT_TRUE(off.total().balanced());
  EXPECT_EQ(first.total().geocoded, 880);
  EXPECT_EQ(again.total().geocoded, 880);
  EXPECT_EQ(again.total().rejected, off.total().rejected);
  EXPECT_EQ(again.total().flagged, off.total().flagged);

  auto normalised_summary = [&](const std::string& name) {
    auto j = nlohmann::json::parse(test::read_file(dir + "/" + name + "/ringkasan.json"));
    j.erase("stages");
    std::string text = j.dump(1);
    for (std::size_t at; (at = text.find(dir + "/" + name)) != std::string::npos;) text.replace(at, dir.size() + 1 + name.size(), "OUT");
    return text;
  };
  EXPECT_EQ(normalised_summary("off"), normalised_summary("first"));
  EXPECT_EQ(normalised_summary("off"), normalised_summary("again"));
  int compared = 0;
  for (const auto& e : fs::directory_iterator(dir + "/off")) {
    const std::string name = e.path().filename().string();
    if (name == "ringkasan.json") continue;
    const std::string a = test::read_file(e.path().string());
    for (const char* other : {"first", "again"}) {
      ASSERT_TRUE(fs::exists(dir + "/" + other + "/" + name)) << name;
      EXPECT_TRUE(a == test::read_file(dir + "/" + other + "/" + name)) << name << " differs in " << other;
    }
    ++compared;
  }
  EXPECT_GE(compared, 10);  // desa, kecamatan, kabupaten, temuan, ditolak in two formats at least
  EXPECT_FALSE(fs::exists(dir + "/again/.peta-cache"));  // the cache went where the project said
  EXPECT_EQ(cache_files(dir + "/cache").size(), 1u);
}

}  // namespace
}  // namespace peta
