#include "output/output_set.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <gdal.h>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "render/map_picture.hpp"

namespace fs = std::filesystem;
using namespace peta;

namespace {

// A fresh folder under the system temp folder, removed at the end of the test.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string templ = (fs::temp_directory_path() / "peta-output-test-XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~ScratchFolder() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> entries(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.insert(e.path().filename().string());
  return names;
}

GDALDatasetUniquePtr open_vector(const fs::path& p) {
  GDALAllRegister();
  return GDALDatasetUniquePtr(
      GDALDataset::FromHandle(GDALOpenEx(p.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

// 100 euro signs: 300 bytes of UTF-8, 3 bytes a character.
std::string long_utf8_text() {
  std::string s;
  for (int i = 0; i < 100; ++i) s += "\xE2\x82\xAC";
  return s;
}

Ring square(double x0, double y0, double size, bool clockwise) {
  Ring r = {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
  if (clockwise) std::reverse(r.begin(), r.end());
  return r;
}

LayerSchema desa_schema() {
  return {"desa",
          GeometryKind::multipolygon,
          {{"kode_desa", FieldType::text, "kode", 13},
           {"nama_desa", FieldType::text, "nama"},
           {"luas_km2", FieldType::real, "luas_km2", 12, 4},
           {"jumlah_temuan", FieldType::integer, "jml_temuan"},
           {"tanggal_survei", FieldType::date, "tgl_survei"},
           {"keterangan", FieldType::text, "ket"}}};
}

std::vector<Feature> desa_features() {
  // Outer ring clockwise and hole counter-clockwise on purpose: GeoJSON must come out RFC 7946.
  Polygon with_hole{{square(113.0, -7.8, 0.1, true), square(113.02, -7.78, 0.02, false)}};
  Polygon second{{square(113.2, -7.8, 0.05, true)}};
  Polygon third{{square(113.3, -7.8, 0.05, false)}};
  return {
      {MultiPolygon{{with_hole}},
       {std::string("35.13.01.2001"), std::string("Soka'an"), 1.2345, std::int64_t{0}, std::string("2024-03-05"),
        long_utf8_text()}},
      {MultiPolygon{{second, third}},
       {std::string("35.13.01.2002"), std::string("Kraksaan W\xC3\xA9tan"), std::monostate{}, std::monostate{},
        std::monostate{}, std::monostate{}}},
  };
}

LayerSchema temuan_schema() {
  return {"temuan",
          GeometryKind::point,
          {{"id_temuan", FieldType::integer, "id", 9}, {"kategori", FieldType::text, "kategori", 40}}};
}

LayerSchema ditolak_schema() {
  return {"ditolak",
          GeometryKind::none,
          {{"baris", FieldType::integer, "baris"}, {"alasan", FieldType::text, "alasan"}}};
}

void write_all_layers(const fs::path& folder) {
  OutputOptions options{folder.string()};
  options.draw_picture = render_map_picture;
  OutputSet out(options);
  auto& desa = out.open_layer(desa_schema());
  for (const auto& f : desa_features()) desa.write(f);
  auto& temuan = out.open_layer(temuan_schema());
  temuan.write({Coord{113.05, -7.75}, {std::int64_t{1}, std::string("jalan rusak")}});
  temuan.write({Coord{113.21, -7.77}, {std::int64_t{2}, std::string("jembatan")}});
  temuan.write({Coord{113.31, -7.79}, {std::int64_t{3}, std::monostate{}}});
  auto& ditolak = out.open_layer(ditolak_schema());
  ditolak.write({std::monostate{}, {std::int64_t{7}, std::string("koordinat di luar kabupaten")}});
  ditolak.write({std::monostate{}, {std::int64_t{9}, std::string("tanpa koordinat")}});
  out.commit();
}

struct ExpectedField {
  const char* name;
  OGRFieldType type;
};

void expect_fields(OGRLayer* layer, const std::vector<ExpectedField>& expected) {
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  ASSERT_EQ(defn->GetFieldCount(), static_cast<int>(expected.size())) << layer->GetName();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_STREQ(defn->GetFieldDefn(static_cast<int>(i))->GetNameRef(), expected[i].name);
    EXPECT_EQ(defn->GetFieldDefn(static_cast<int>(i))->GetType(), expected[i].type) << expected[i].name;
  }
}

double ring_signed_area(const nlohmann::json& ring) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
         ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  return a / 2;
}

class OutputSetFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new ScratchFolder();
    write_all_layers(scratch_->path());
  }
  static void TearDownTestSuite() { delete scratch_; }
  static fs::path at(const std::string& name) { return scratch_->path() / name; }
  static ScratchFolder* scratch_;
};
ScratchFolder* OutputSetFiles::scratch_ = nullptr;

TEST_F(OutputSetFiles, WritesExactlyTheExpectedFilesAndNoTemporaries) {
  EXPECT_EQ(entries(scratch_->path()),
            (std::set<std::string>{"peta.gpkg", "desa.geojson", "temuan.geojson", "ditolak.geojson", "desa.shp",
                                   "desa.shx", "desa.dbf", "desa.prj", "desa.cpg", "desa.qix", "temuan.shp",
                                   "temuan.shx", "temuan.dbf", "temuan.prj", "temuan.cpg", "temuan.qix",
                                   "ditolak.dbf", "ditolak.cpg",
                                   // QGIS extras: data dictionaries, styles, the project, the picture
                                   "desa.kamus.csv", "temuan.kamus.csv", "ditolak.kamus.csv", "desa.qml",
                                   "temuan.qml", "ditolak.qml", "peta.qgs", "peta_desa.png"}));
}

TEST_F(OutputSetFiles, GeoJsonIsRfc7946WithCounterClockwiseOuterRings) {
  const auto doc = nlohmann::json::parse(read_text(at("desa.geojson")));
  EXPECT_EQ(doc["type"], "FeatureCollection");
  EXPECT_FALSE(doc.contains("crs"));
  ASSERT_EQ(doc["features"].size(), 2u);
  int outer = 0, holes = 0;
  for (const auto& f : doc["features"]) {
    // GDAL's RFC 7946 writer emits a one-part multipolygon as a Polygon: both are valid.
    const auto& g = f["geometry"];
    ASSERT_TRUE(g["type"] == "MultiPolygon" || g["type"] == "Polygon") << g["type"];
    const auto polygons = g["type"] == "Polygon" ? nlohmann::json::array({g["coordinates"]}) : g["coordinates"];
    for (const auto& polygon : polygons)
      for (std::size_t r = 0; r < polygon.size(); ++r) {
        const double a = ring_signed_area(polygon[r]);
        if (r == 0) {
          EXPECT_GT(a, 0) << "outer ring must be counter-clockwise";
          ++outer;
        } else {
          EXPECT_LT(a, 0) << "hole must be clockwise";
          ++holes;
        }
      }
  }
  EXPECT_EQ(outer, 3);
  EXPECT_EQ(holes, 1);
  const auto& props = doc["features"][0]["properties"];
  EXPECT_EQ(props["nama_desa"], "Soka'an");
  EXPECT_EQ(props["tanggal_survei"], "2024-03-05");
  EXPECT_EQ(props["keterangan"].get<std::string>(), long_utf8_text());  // GeoJSON keeps the full text
  EXPECT_EQ(props["jumlah_temuan"], 0);
  const auto& second = doc["features"][1]["properties"];
  EXPECT_EQ(second["nama_desa"], "Kraksaan W\xC3\xA9tan");
  EXPECT_TRUE(second["jumlah_temuan"].is_null());
  EXPECT_TRUE(second["luas_km2"].is_null());

  const auto points = nlohmann::json::parse(read_text(at("temuan.geojson")));
  EXPECT_FALSE(points.contains("crs"));
  ASSERT_EQ(points["features"].size(), 3u);
  EXPECT_DOUBLE_EQ(points["features"][0]["geometry"]["coordinates"][0].get<double>(), 113.05);
  EXPECT_DOUBLE_EQ(points["features"][0]["geometry"]["coordinates"][1].get<double>(), -7.75);
  const auto table = nlohmann::json::parse(read_text(at("ditolak.geojson")));
  ASSERT_EQ(table["features"].size(), 2u);
  EXPECT_TRUE(table["features"][1]["geometry"].is_null());
  EXPECT_EQ(table["features"][1]["properties"]["alasan"], "tanpa koordinat");
}

TEST_F(OutputSetFiles, GeoJsonReopensWithOgr) {
  auto ds = open_vector(at("desa.geojson"));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  EXPECT_EQ(layer->GetFeatureCount(), 2);
  expect_fields(layer, {{"kode_desa", OFTString},
                        {"nama_desa", OFTString},
                        {"luas_km2", OFTReal},
                        {"jumlah_temuan", OFTInteger},
                        {"tanggal_survei", OFTDate},
                        {"keterangan", OFTString}});
}

TEST_F(OutputSetFiles, ShapefileHasShortNamesWidthsUtf8AndNulls) {
  auto ds = open_vector(at("desa.shp"));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  EXPECT_EQ(layer->GetFeatureCount(), 2);
  EXPECT_EQ(wkbFlatten(layer->GetGeomType()), wkbPolygon);  // shapefiles do not tell polygon from multi
  expect_fields(layer, {{"kode", OFTString},
                        {"nama", OFTString},
                        {"luas_km2", OFTReal},
                        {"jml_temuan", OFTInteger64},
                        {"tgl_survei", OFTDate},
                        {"ket", OFTString}});
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  EXPECT_EQ(defn->GetFieldDefn(0)->GetWidth(), 13);
  EXPECT_EQ(defn->GetFieldDefn(1)->GetWidth(), 254);
  EXPECT_EQ(defn->GetFieldDefn(2)->GetWidth(), 12);
  EXPECT_EQ(defn->GetFieldDefn(2)->GetPrecision(), 4);
  EXPECT_EQ(defn->GetFieldDefn(3)->GetWidth(), 10);

  OGRFeatureUniquePtr f(layer->GetNextFeature());
  ASSERT_TRUE(f);
  EXPECT_STREQ(f->GetFieldAsString(1), "Soka'an");
  EXPECT_DOUBLE_EQ(f->GetFieldAsDouble(2), 1.2345);
  EXPECT_FALSE(f->IsFieldNull(3));
  EXPECT_EQ(f->GetFieldAsInteger64(3), 0);
  int y = 0, m = 0, d = 0, h, mi, tz;
  float s;
  ASSERT_TRUE(f->GetFieldAsDateTime(4, &y, &m, &d, &h, &mi, &s, &tz));
  EXPECT_EQ(y * 10000 + m * 100 + d, 20240305);
  const std::string cut = f->GetFieldAsString(5);
  EXPECT_EQ(cut.size(), 252u);  // 84 whole three-byte characters: <= 254 bytes, never half a character
  EXPECT_EQ(cut, long_utf8_text().substr(0, 252));
  EXPECT_EQ(f->GetGeometryRef()->toPolygon()->getNumInteriorRings(), 1);

  f.reset(layer->GetNextFeature());
  ASSERT_TRUE(f);
  EXPECT_STREQ(f->GetFieldAsString(1), "Kraksaan W\xC3\xA9tan");
  EXPECT_TRUE(f->IsFieldNull(2));
  EXPECT_TRUE(f->IsFieldNull(3));
  EXPECT_TRUE(f->IsFieldNull(4));
  EXPECT_EQ(wkbFlatten(f->GetGeometryRef()->getGeometryType()), wkbMultiPolygon);
  EXPECT_EQ(f->GetGeometryRef()->toMultiPolygon()->getNumGeometries(), 2);
}

TEST_F(OutputSetFiles, ShapefileSidecarsIdentifyWgs84AndUtf8) {
  EXPECT_EQ(read_text(at("desa.cpg")).substr(0, 5), "UTF-8");
  EXPECT_EQ(read_text(at("ditolak.cpg")).substr(0, 5), "UTF-8");
  EXPECT_GT(fs::file_size(at("desa.qix")), 0u);
  EXPECT_GT(fs::file_size(at("temuan.qix")), 0u);

  // The .prj alone must be identified as EPSG:4326 (what QGIS does with it).
  OGRSpatialReference from_prj;
  ASSERT_EQ(from_prj.SetFromUserInput(read_text(at("desa.prj")).c_str()), OGRERR_NONE);
  int matches = 0;
  int* confidences = nullptr;
  OGRSpatialReferenceH* found = from_prj.FindMatches(nullptr, &matches, &confidences);
  ASSERT_GE(matches, 1);
  auto* best = OGRSpatialReference::FromHandle(found[0]);
  EXPECT_STREQ(best->GetAuthorityName(nullptr), "EPSG");
  EXPECT_STREQ(best->GetAuthorityCode(nullptr), "4326");
  EXPECT_GE(confidences[0], 90);
  OSRFreeSRSArray(found);
  CPLFree(confidences);

  auto ds = open_vector(at("desa.shp"));
  ASSERT_TRUE(ds);
  const OGRSpatialReference* srs = ds->GetLayer(0)->GetSpatialRef();
  ASSERT_NE(srs, nullptr);
  EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "4326");
}

TEST_F(OutputSetFiles, ShapefilePointsAndAttributeOnlyTable) {
  auto points = open_vector(at("temuan.shp"));
  ASSERT_TRUE(points);
  OGRLayer* layer = points->GetLayer(0);
  EXPECT_EQ(layer->GetFeatureCount(), 3);
  EXPECT_EQ(wkbFlatten(layer->GetGeomType()), wkbPoint);
  expect_fields(layer, {{"id", OFTInteger}, {"kategori", OFTString}});
  EXPECT_EQ(layer->GetLayerDefn()->GetFieldDefn(1)->GetWidth(), 40);

  EXPECT_FALSE(fs::exists(at("ditolak.shp")));
  auto table = open_vector(at("ditolak.dbf"));
  ASSERT_TRUE(table);
  OGRLayer* rejects = table->GetLayer(0);
  EXPECT_EQ(rejects->GetFeatureCount(), 2);
  EXPECT_EQ(rejects->GetGeomType(), wkbNone);
  expect_fields(rejects, {{"baris", OFTInteger64}, {"alasan", OFTString}});
  OGRFeatureUniquePtr f(rejects->GetNextFeature());
  EXPECT_EQ(f->GetFieldAsInteger64(0), 7);
  EXPECT_STREQ(f->GetFieldAsString(1), "koordinat di luar kabupaten");
}

TEST_F(OutputSetFiles, GeoPackageHoldsEveryLayerWithSpatialIndexes) {
  auto ds = open_vector(at("peta.gpkg"));
  ASSERT_TRUE(ds);
  ASSERT_EQ(ds->GetLayerCount(), 3 + 1);  // and QGIS's layer_styles table
  OGRLayer* styles = ds->GetLayerByName("layer_styles");
  ASSERT_TRUE(styles);
  EXPECT_EQ(styles->GetFeatureCount(), 2 + 1 + 1);  // desa: one symbol + outlines; temuan; ditolak by reason
  styles->SetAttributeFilter("useAsDefault = 1");
  EXPECT_EQ(styles->GetFeatureCount(), 3);  // one default per layer
  OGRLayer* desa = ds->GetLayerByName("desa");
  OGRLayer* temuan = ds->GetLayerByName("temuan");
  OGRLayer* ditolak = ds->GetLayerByName("ditolak");
  ASSERT_TRUE(desa && temuan && ditolak);
  EXPECT_EQ(desa->GetFeatureCount(), 2);
  EXPECT_EQ(temuan->GetFeatureCount(), 3);
  EXPECT_EQ(ditolak->GetFeatureCount(), 2);
  EXPECT_EQ(desa->GetGeomType(), wkbMultiPolygon);
  EXPECT_EQ(temuan->GetGeomType(), wkbPoint);
  EXPECT_EQ(ditolak->GetGeomType(), wkbNone);
  EXPECT_STREQ(desa->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");
  expect_fields(desa, {{"kode_desa", OFTString},
                       {"nama_desa", OFTString},
                       {"luas_km2", OFTReal},
                       {"jumlah_temuan", OFTInteger64},
                       {"tanggal_survei", OFTDate},
                       {"keterangan", OFTString}});

  OGRFeatureUniquePtr f(desa->GetNextFeature());
  EXPECT_STREQ(f->GetFieldAsString(1), "Soka'an");
  EXPECT_FALSE(f->IsFieldNull(3));
  EXPECT_EQ(f->GetFieldAsInteger64(3), 0);
  EXPECT_EQ(std::string(f->GetFieldAsString(5)), long_utf8_text());  // full text outside the shapefile
  f.reset(desa->GetNextFeature());
  EXPECT_STREQ(f->GetFieldAsString(1), "Kraksaan W\xC3\xA9tan");
  EXPECT_TRUE(f->IsFieldNull(2));
  EXPECT_TRUE(f->IsFieldNull(3));
  EXPECT_TRUE(f->IsFieldNull(4));
  EXPECT_TRUE(f->IsFieldNull(5));  // NULL, not an empty string

  auto count_rows = [&](const std::string& sql) {
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) return -1;
    OGRFeatureUniquePtr row(result->GetNextFeature());
    const int n = row ? row->GetFieldAsInteger(0) : -1;
    ds->ReleaseResultSet(result);
    return n;
  };
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='rtree_desa_geom'"), 1);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='rtree_temuan_geom'"), 1);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name LIKE 'rtree_ditolak%'"), 0);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM rtree_temuan_geom"), 3);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM gpkg_contents WHERE table_name='ditolak' AND data_type='attributes'"),
            1);
}

TEST_F(OutputSetFiles, OgrinfoReadsEveryOutput) {
  for (const char* name : {"peta.gpkg", "desa.geojson", "temuan.geojson", "ditolak.geojson", "desa.shp",
                           "temuan.shp", "ditolak.dbf"}) {
    const std::string cmd = "ogrinfo -ro -so -al '" + at(name).string() + "' > /dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
}

TEST(OutputSetAtomicity, WithoutCommitNoFileIsLeftAndExistingFilesAreUntouched) {
  ScratchFolder scratch;
  {
    std::ofstream(scratch.path() / "desa.geojson") << "previous run";
  }
  {
    OutputSet out({scratch.path().string()});
    auto& desa = out.open_layer(desa_schema());
    for (const auto& f : desa_features()) desa.write(f);
    out.open_layer(ditolak_schema());
    EXPECT_FALSE(fs::exists(scratch.path() / "desa.shp"));  // nothing final before commit()
    EXPECT_FALSE(fs::exists(scratch.path() / "peta.gpkg"));
  }
  EXPECT_EQ(entries(scratch.path()), std::set<std::string>{"desa.geojson"});
  EXPECT_EQ(read_text(scratch.path() / "desa.geojson"), "previous run");
}

TEST(OutputSetAtomicity, AFolderItCreatedIsRemovedWithoutCommit) {
  ScratchFolder scratch;
  const fs::path folder = scratch.path() / "new" / "run";
  {
    OutputSet out({folder.string()});
    out.open_layer(ditolak_schema()).write({std::monostate{}, {std::int64_t{1}, std::string("x")}});
  }
  EXPECT_FALSE(fs::exists(folder));
}

TEST(OutputSetAtomicity, CommitReplacesAnEarlierOutput) {
  ScratchFolder scratch;
  write_all_layers(scratch.path());
  const auto first = entries(scratch.path());
  {
    OutputSet out({scratch.path().string()});
    auto& temuan = out.open_layer(temuan_schema());
    temuan.write({Coord{113.0, -7.7}, {std::int64_t{42}, std::string("baru")}});
    const auto finals = out.commit();
    EXPECT_EQ(finals.size(), 1u + 1u + 6u + 3u);  // gpkg, geojson, shp/shx/dbf/prj/cpg/qix, kamus/qml/qgs
  }
  EXPECT_EQ(entries(scratch.path()), first);  // no leftover staging folder
  auto gpkg = open_vector(scratch.path() / "peta.gpkg");
  ASSERT_TRUE(gpkg);
  EXPECT_EQ(gpkg->GetLayerCount(), 1 + 1);  // temuan and layer_styles
  EXPECT_EQ(gpkg->GetLayerByName("temuan")->GetFeatureCount(), 1);
  auto shp = open_vector(scratch.path() / "temuan.shp");
  ASSERT_TRUE(shp);
  EXPECT_EQ(shp->GetLayer(0)->GetFeatureCount(), 1);
  const auto doc = nlohmann::json::parse(read_text(scratch.path() / "temuan.geojson"));
  ASSERT_EQ(doc["features"].size(), 1u);
  EXPECT_EQ(doc["features"][0]["properties"]["kategori"], "baru");
}

void expect_error_naming(const LayerSchema& schema, const std::string& field) {
  ScratchFolder scratch;
  {
    OutputSet out({scratch.path().string()});
    try {
      out.open_layer(schema);
      ADD_FAILURE() << "expected peta::Error for field " << field;
    } catch (const peta::Error& e) {
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
    }
  }
  EXPECT_TRUE(entries(scratch.path()).empty());
}

TEST(OutputSetShortNames, TooLongOrMissingShortNameThrowsNamingTheField) {
  expect_error_naming({"desa", GeometryKind::multipolygon, {{"jumlah_temuan_total", FieldType::integer}}},
                      "jumlah_temuan_total");
}

TEST(OutputSetShortNames, TenCharactersFit) {
  ScratchFolder scratch;
  OutputSet out({scratch.path().string(), false, true, false});
  EXPECT_NO_THROW(out.open_layer({"desa", GeometryKind::multipolygon, {{"luas", FieldType::real, "luas_km2_x"}}}));
  out.commit();
  auto ds = open_vector(scratch.path() / "desa.shp");
  ASSERT_TRUE(ds);
  EXPECT_STREQ(ds->GetLayer(0)->GetLayerDefn()->GetFieldDefn(0)->GetNameRef(), "luas_km2_x");
}

TEST(OutputSetShortNames, ElevenCharactersThrow) {
  expect_error_naming({"desa", GeometryKind::multipolygon, {{"kepadatan", FieldType::real, "kepadatan_1"}}},
                      "kepadatan");
}

TEST(OutputSetShortNames, CollisionThrowsNamingBothFields) {
  expect_error_naming({"desa",
                       GeometryKind::multipolygon,
                       {{"nama_desa", FieldType::text, "nama"}, {"nama_kecamatan", FieldType::text, "NAMA"}}},
                      "nama_kecamatan");
  expect_error_naming({"desa",
                       GeometryKind::multipolygon,
                       {{"nama_desa", FieldType::text, "nama"}, {"nama_kecamatan", FieldType::text, "NAMA"}}},
                      "nama_desa");
}

TEST(OutputSetShortNames, NonAsciiShortNameThrows) {
  expect_error_naming({"desa", GeometryKind::multipolygon, {{"wilayah", FieldType::text, "w\xC3\xA9tan"}}},
                      "wilayah");
}

}  // namespace
