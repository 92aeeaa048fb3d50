// The formats written each on its own thread (output/format_writers.hpp) give the same files as written one
// after another: every GeoJSON, shapefile, data dictionary and style byte for byte, the GeoPackage table by
// table (its timestamps aside), the files listed in the same order; and a writer's error still reaches the
// caller with its message.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "output/output_set.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

namespace fs = std::filesystem;

LayerSchema points_schema() {
  return {"temuan",
          GeometryKind::point,
          {{"id_temuan", FieldType::text, "id_temuan"},
           {"kategori", FieldType::text, "kategori"},
           {"tanggal", FieldType::date, "tanggal"},
           {"jumlah", FieldType::integer, "jumlah"},
           {"jarak_m", FieldType::real, "jarak_m"}}};
}

Feature point(int i) {
  Feature f;
  if (i % 89 != 0) f.geometry = Coord{113.0 + (i % 300) * 0.001, -7.9 - (i / 300) * 0.002};
  f.values = {std::string("T") + std::to_string(i), std::string(i % 3 ? "jalan_rusak" : "sampah"),
              std::string("2026-0" + std::to_string(i % 9 + 1) + "-15"), static_cast<std::int64_t>(i),
              i % 7 == 0 ? FieldValue{} : FieldValue{i * 1.5}};
  return f;
}

Feature square(int i) {
  const double x = 113.0 + i * 0.05, y = -7.9;
  Feature f;
  MultiPolygon mp;
  mp.parts.push_back(Polygon{{Ring{{x, y}, {x + 0.04, y}, {x + 0.04, y + 0.04}, {x, y + 0.04}, {x, y}}}});
  f.geometry = std::move(mp);
  f.values = {std::string("Desa ") + std::to_string(i), static_cast<std::int64_t>(i * 11)};
  return f;
}

struct WrittenSet {
  std::string folder;
  std::vector<std::string> files;  // as commit() lists them, folder replaced by "OUT"
};

WrittenSet write_all(const std::string& name, bool parallel) {
  OutputOptions o;
  o.folder = test::temp_dir(name);
  o.parallel_writers = parallel;
  o.project_title = "Uji";
  OutputSet out(o);
  LayerSink& p = out.open_layer(points_schema());
  for (int i = 1; i <= 6000; ++i) p.write(point(i));
  LayerSink& d = out.open_layer(
      {"desa", GeometryKind::multipolygon, {{"nama", FieldType::text, "nama"}, {"jumlah", FieldType::integer, "jumlah"}}});
  for (int i = 0; i < 12; ++i) {
    const Feature f = square(i);
    d.write(f);  // by reference (copied into the batch) ...
  }
  LayerSink& t = out.open_layer({"ringkas", GeometryKind::none, {{"nama", FieldType::text, "nama"}}});
  for (int i = 0; i < 3; ++i) t.write(Feature{{}, {std::string("baris ") + std::to_string(i)}});  // ... and moved
  WrittenSet run{o.folder, {}};
  for (auto& f : out.commit()) run.files.push_back("OUT" + f.substr(o.folder.size()));
  return run;
}

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every table of the GeoPackage, row by row, without the columns that hold the time of writing.
std::string gpkg_content(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> tables;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  std::string out;
  for (const auto& t : tables) {
    out += "== " + t + "\n";
    const std::string sql = "SELECT * FROM \"" + t + "\" ORDER BY rowid";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) continue;  // a virtual table
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const std::string column = sqlite3_column_name(s, c);
        if (column == "last_change" || column == "update_time" || column == "timestamp") continue;
        const auto* text = sqlite3_column_blob(s, c);
        out += text ? std::string(static_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(s, c)))
                    : std::string("NULL");
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

TEST(FormatWriters, ParallelWritersGiveTheSameFilesAsSerial) {
  const WrittenSet serial = write_all("writers-serial", false);
  const WrittenSet parallel = write_all("writers-parallel", true);
  EXPECT_EQ(serial.files, parallel.files);
  ASSERT_GE(serial.files.size(), 20u);  // 3 layers x (GeoJSON, shapefile set, dictionary, style) + GeoPackage, project
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(serial.folder)) {
    const std::string name = entry.path().filename().string();
    const fs::path other = fs::path(parallel.folder) / name;
    ASSERT_TRUE(fs::exists(other)) << name;
    if (entry.path().extension() == ".gpkg") {
      const std::string content = gpkg_content(entry.path().string());
      EXPECT_NE(content.find("== rtree_temuan_geom_node"), std::string::npos);
      EXPECT_EQ(content, gpkg_content(other.string())) << name;
    } else if (entry.path().extension() == ".qgs") {
      continue;  // names its own folder
    } else {
      EXPECT_EQ(bytes(entry.path()), bytes(other)) << name;
    }
    ++compared;
  }
  EXPECT_GE(compared, 20);
  // Not empty files compared with empty files: the point layer's GeoJSON holds all 6,000 features.
  const std::string geojson = bytes(fs::path(parallel.folder) / "temuan.geojson");
  std::size_t features = 0;
  for (std::size_t at = geojson.find("\"Feature\""); at != std::string::npos; at = geojson.find("\"Feature\"", at + 1))
    ++features;
  EXPECT_EQ(features, 6000u);
}

TEST(FormatWriters, AnErrorOnAWritersThreadReachesTheCaller) {
  OutputOptions o;
  o.folder = test::temp_dir("writers-error");
  o.qgis = false;
  OutputSet out(o);
  LayerSink& sink = out.open_layer(points_schema());
  Feature bad = point(5);
  bad.values[3] = std::string("lima");  // text in an integer field
  try {
    for (int i = 0; i < 3; ++i) sink.write(point(i + 1));
    sink.write(bad);
    out.commit();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("jumlah"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(fs::path(o.folder) / "peta.gpkg"));
  EXPECT_FALSE(fs::exists(fs::path(o.folder) / "temuan.geojson"));
}

}  // namespace
}  // namespace peta
