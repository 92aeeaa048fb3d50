// QGIS styles, data dictionary, project and picture: unit tests of the generators, then QGIS itself
// (PyQGIS headless, tests/qgis/check_layers.py) opening a fixture layer with hotspot fields and a whole
// `peta build` over the real Probolinggo desa.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "aggregate/category_taxonomy.hpp"
#include "hotspots/kde.hpp"
#include "output/class_breaks.hpp"
#include "output/data_dictionary.hpp"
#include "output/output_set.hpp"
#include "output/peta_layers.hpp"
#include "output/qgis_project.hpp"
#include "output/qml_style.hpp"
#include "output/style_rules.hpp"
#include "render/map_picture.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace peta;
using nlohmann::json;

namespace {

const char* const kDash = "\xE2\x80\x93";

StyleObserver observe(const LayerSchema& schema, const std::vector<Feature>& features) {
  StyleObserver o(schema);
  for (const auto& f : features) o.observe(f);
  return o;
}

const LayerStyle* find_style(const std::vector<LayerStyle>& styles, const std::string& name) {
  for (const auto& s : styles)
    if (s.name == name) return &s;
  return nullptr;
}

MultiPolygon square(double x0, double y0, double size) {
  return {{Polygon{{Ring{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}}}}};
}

// A desa layer as the hotspot workstream will write it: counts, Gi*, LISA and EB fields of one category.
LayerSchema hotspot_schema() {
  return {"desa",
          GeometryKind::multipolygon,
          {{"kode", FieldType::text, "", 13, 0, "Kode desa", "Village code", ""},
           {"nama", FieldType::text, "", 80, 0, "Nama desa", "Village name", ""},
           {"n_total", FieldType::integer, "", 10, 0, "Jumlah semua temuan", "Number of findings", "jumlah"},
           {"n_jalan_rusak", FieldType::integer, "n_jalan", 10, 0, "Jumlah temuan: Jalan rusak", "Damaged road", "jumlah"},
           {"gi_z_jalan_rusak", FieldType::real, "gzjalan", 10, 4, "Gi* z: Jalan rusak", "Gi* z-score", ""},
           {"gi_bin_jalan_rusak", FieldType::integer, "gbjalan", 2, 0, "Kelas Gi*: Jalan rusak", "Gi* bin", ""},
           {"lisa_q_jalan_rusak", FieldType::integer, "lqjalan", 1, 0, "Kuadran LISA: Jalan rusak", "LISA quadrant", ""},
           {"eb_jalan_rusak", FieldType::real, "ebjalan", 12, 6, "Laju EB: Jalan rusak", "EB rate", "per km2"},
           {"tgl_survei", FieldType::date, "", 8, 0, "Tanggal survei", "Survey date", ""},
           {"catatan", FieldType::text, "", 254, 0, "Catatan", "Note", ""},
           {"tren_jalan_rusak", FieldType::text, "trjalan", 16, 0, "Tren titik panas: Jalan rusak", "Emerging hot spot trend", ""}}};
}

std::string long_text() {  // 100 euro signs, 300 bytes: cut to 84 signs (252 bytes) in the shapefile
  std::string s;
  for (int i = 0; i < 100; ++i) s += "\xE2\x82\xAC";
  return s;
}

std::vector<Feature> hotspot_features() {
  const char* names[] = {"Soka'an", "Kraksaan W\xC3\xA9tan", "Sumber \xC3\x91gepoh", "Tongas"};
  std::vector<Feature> out;
  for (int i = 0; i < 4; ++i) {
    Feature f;
    f.geometry = square(113.0 + 0.05 * i, -7.8, 0.04);
    f.values = {std::string("35.13.01.200") + std::to_string(i + 1), std::string(names[i]),
                std::int64_t{i * 3}, std::int64_t{i},      0.5 * i - 1.0,
                std::int64_t{3 - 2 * i},  // 3, 1, -1, -3
                std::int64_t{i},          0.001 * i,
                i == 2 ? FieldValue{} : FieldValue{std::string("2026-03-0") + std::to_string(i + 1)},
                i == 0 ? FieldValue{long_text()} : FieldValue{},
                FieldValue{std::string(i == 0 ? "panas_baru" : i == 1 ? "tidak_ada_pola" : i == 2 ? "dingin_menetap" : "panas_menguat")}};
    if (i == 3) f.values[2] = FieldValue{};  // a missing count stays NULL, never 0
    out.push_back(std::move(f));
  }
  return out;
}

bool pyqgis_available() {
  return std::system("QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c 'import qgis.core' > /dev/null 2>&1") == 0;
}

// Runs check_layers.py on `expect`; returns its exit status and output.
int run_qgis_check(const json& expect, const std::string& dir, std::string& log) {
  const std::string expect_path = dir + "/expect.json", log_path = dir + "/qgis_check.log";
  test::write_file(expect_path, expect.dump(2));
  const std::string runtime = dir + "/xdg";  // Qt wants a private runtime folder
  fs::create_directories(runtime);
  fs::permissions(runtime, fs::perms::owner_all, fs::perm_options::replace);
  const std::string cmd = std::string("QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=") + runtime +
                          " /usr/bin/python3 " PETA_SOURCE_DIR "/tests/qgis/check_layers.py " + expect_path + " > " +
                          log_path + " 2>&1";
  int status = std::system(cmd.c_str());
  log = test::read_file(log_path);
  return status;
}

json fields_json(const LayerSchema& s) {
  json out = json::array();
  for (const auto& f : s.fields)
    out.push_back({{"name", f.name},
                   {"short", f.short_name.empty() ? f.name : f.short_name},
                   {"type", field_type_name(f.type)},
                   {"alias", f.label_id}});
  return out;
}

}  // namespace

TEST(ClassBreaks, CountsGetAZeroClassAndJenksClassesOverThePositiveCounts) {
  auto classes = count_classes({0, 0, 1, 1, 2, 5, 6, 7, 20, 21}, 3);
  ASSERT_EQ(classes.size(), 4u);
  EXPECT_EQ(classes[0].label, "0");
  EXPECT_EQ(classes[1].label, std::string("1") + kDash + "2");
  // Jenks groups {1, 1, 2}, {5, 6, 7}, {20, 21}; the legend covers every integer in between.
  EXPECT_EQ(classes[2].label, std::string("3") + kDash + "7");
  EXPECT_EQ(classes[3].label, std::string("8") + kDash + "21");
  EXPECT_EQ(classes[3].lower, 8);  // ranges are contiguous over the integers
  EXPECT_EQ(classes[3].upper, 21);
  // No zero: no "0" class; fewer distinct values than classes: one class per value.
  auto few = count_classes({4, 4, 9}, 5);
  ASSERT_EQ(few.size(), 2u);
  EXPECT_EQ(few[0].label, "4");  // the first class starts at the smallest count (k for a suppressed category)
  EXPECT_EQ(few[1].label, std::string("5") + kDash + "9");
  EXPECT_EQ(count_classes({}, 5).size(), 1u);  // an empty layer still has a legend: "0"
}

TEST(ClassBreaks, JenksFindsTheNaturalGroupsAndRatesUseADecimalComma) {
  EXPECT_EQ(jenks_upper_bounds({1, 2, 3, 10, 11, 12, 30, 31}, 3), (std::vector<double>{3, 12, 31}));
  // 5,000 distinct values (pooled to 1,000 runs) in two clusters still split between them.
  std::vector<double> v;
  for (int i = 0; i < 2500; ++i) v.push_back(i * 0.0001);
  for (int i = 0; i < 2500; ++i) v.push_back(5 + i * 0.0001);
  auto b = jenks_upper_bounds(v, 2);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_NEAR(b[0], 0.2499, 0.0011);
  auto rates = rate_classes({0.1, 0.5, 0.75}, 2, 2);
  ASSERT_EQ(rates.size(), 2u);
  EXPECT_EQ(rates[0].label, "0,10");
  EXPECT_EQ(rates[1].label, std::string("0,10") + kDash + "0,75");
}

TEST(QmlStyle, GiAndLisaStylesExistOnlyWithTheirFieldsInRedWhiteBlue) {
  const LayerSchema schema = hotspot_schema();
  auto styles = layer_styles(schema, observe(schema, hotspot_features()));
  ASSERT_FALSE(styles.empty());
  EXPECT_EQ(styles[0].name, "Jumlah temuan");
  EXPECT_EQ(styles[0].renderer, RendererKind::graduated);

  const LayerStyle* gi = find_style(styles, "Titik panas Gi*: jalan_rusak");
  ASSERT_NE(gi, nullptr);
  EXPECT_EQ(gi->renderer, RendererKind::categorized);
  EXPECT_EQ(gi->field, "gi_bin_jalan_rusak");
  EXPECT_EQ(gi->field_short, "gbjalan");
  ASSERT_EQ(gi->categories.size(), 7u);
  EXPECT_EQ(gi->categories[0].value, "3");
  EXPECT_EQ(gi->categories[0].label, "Titik panas 99%");
  EXPECT_EQ(gi->categories[3].label, "Tidak signifikan");
  EXPECT_EQ(gi->categories[6].value, "-3");
  EXPECT_EQ(gi->categories[6].label, "Titik dingin 99%");
  EXPECT_GT(gi->categories[0].symbol.fill.r, 150);  // hot: red
  EXPECT_LT(gi->categories[0].symbol.fill.b, 60);
  EXPECT_GT(gi->categories[6].symbol.fill.b, 150);  // cold: blue
  EXPECT_LT(gi->categories[6].symbol.fill.r, 60);
  EXPECT_GT(gi->categories[3].symbol.fill.r, 240);  // not significant: near white
  EXPECT_GT(gi->categories[3].symbol.fill.b, 240);

  const LayerStyle* lisa = find_style(styles, "Kluster LISA: jalan_rusak");
  ASSERT_NE(lisa, nullptr);
  ASSERT_EQ(lisa->categories.size(), 5u);
  EXPECT_EQ(lisa->categories[0].value, "1");
  EXPECT_EQ(lisa->categories[0].label, "Tinggi–Tinggi (HH)");
  EXPECT_EQ(lisa->categories[4].value, "0");
  EXPECT_NE(find_style(styles, "Laju EB: jalan_rusak"), nullptr);
  EXPECT_NE(find_style(styles, "Jumlah temuan: Jalan rusak"), nullptr);
  EXPECT_NE(find_style(styles, kOutlineStyleName), nullptr);

  // The QML: categories in order, the shapefile name reachable, Indonesian aliases for both names.
  const std::string qml = qml_document(*gi, FieldNaming::any);
  EXPECT_NE(qml.find("type=\"categorizedSymbol\""), std::string::npos);
  EXPECT_NE(qml.find("attribute(@feature, &apos;gbjalan&apos;)"), std::string::npos);
  EXPECT_NE(qml.find("<category value=\"3\" symbol=\"0\" label=\"Titik panas 99%\""), std::string::npos);
  EXPECT_NE(qml.find("<alias field=\"n_jalan\""), std::string::npos);
  EXPECT_NE(qml_document(*gi, FieldNaming::full).find("attr=\"gi_bin_jalan_rusak\""), std::string::npos);

  // The layer peta writes today has none of these fields: no Gi*/LISA style.
  const LayerSchema desa = desa_schema(CategoryTaxonomy::defaults());
  auto plain = layer_styles(desa, StyleObserver(desa));
  for (const auto& s : plain) {
    EXPECT_EQ(s.name.find("Gi*"), std::string::npos) << s.name;
    EXPECT_EQ(s.name.find("LISA"), std::string::npos) << s.name;
  }
  EXPECT_TRUE(plain[0].has_labels);
  EXPECT_EQ(plain[0].labels.field, "nama");
  EXPECT_EQ(plain[0].labels.max_scale, 150000);
}

TEST(DataDictionary, OneRowPerFieldWithBothNamesWidthsAndLabels) {
  std::ostringstream out;
  write_data_dictionary(out, desa_schema(CategoryTaxonomy::defaults()));
  const std::string text = out.str();
  EXPECT_EQ(text.substr(0, text.find('\n')), "nama_kolom,nama_shp,tipe,lebar_shp,desimal_shp,keterangan,description,satuan");
  EXPECT_NE(text.find("\nluas_km2,luas_km2,real,12,4,\"Luas (km², UTM 49S)\",\"Area (km², UTM 49S)\",km2\n"),
            std::string::npos);
  EXPECT_NE(text.find("\nn_jalan_rusak,n_jalan,integer,10,0,Jumlah temuan: Jalan rusak,Number of findings: Damaged road,jumlah\n"),
            std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1 + 6 + 1 + 6 + 1);  // header, 6 fixed, total, 6 categories, lainnya
}

TEST(QgisCheck, FixtureWithHotspotFieldsOpensStyledInQgis) {
  ASSERT_TRUE(pyqgis_available()) << "PyQGIS is missing: run scripts/setup.sh (python3-qgis, qgis-providers)";
  const std::string dir = test::temp_dir("qgis-fixture");
  {
    OutputOptions options{dir, true, true, true, "peta.gpkg", true, "uji"};
    options.draw_picture = render_map_picture;
    OutputSet out(options);
    LayerSink& sink = out.open_layer(hotspot_schema());
    for (const auto& f : hotspot_features()) sink.write(f);
    auto finals = out.commit();
    for (const char* name : {"desa.qml", "desa.kamus.csv", "peta.qgs", "peta_desa.png"})
      EXPECT_TRUE(fs::exists(fs::path(dir) / name)) << name;
  }
  json fields = fields_json(hotspot_schema());
  fields[8]["geojson_type"] = "date";  // ISO date strings: GDAL and QGIS read a date
  json expect = {
      {"folder", dir},
      {"formats", {"geojson", "shapefile", "geopackage"}},
      {"geopackage", "peta.gpkg"},
      {"project", "peta.qgs"},
      {"project_layers", {"peta_layer_desa"}},
      {"project_styles", {{{"id", "peta_layer_desa"}, {"renderer", "graduatedSymbol"}, {"classes", 3}}}},
      {"layers",
       {{{"name", "desa"},
         {"count", 4},
         {"crs", "EPSG:4326"},
         {"wkb", "MultiPolygon"},
         {"fields", fields},
         {"renderer", "graduatedSymbol"},
         {"classes", 3},  // "0", "1–3", "4–6" (n_total 0, 3, 6 and one NULL)
         {"labels", true},
         {"texts", {{{"field", "nama"}, {"value", "Soka'an"}},
                    {{"field", "nama"}, {"value", "Kraksaan W\xC3\xA9tan"}},
                    {{"field", "nama"}, {"value", "Sumber \xC3\x91gepoh"}},
                    // 300 bytes of euro signs: whole in GeoJSON and GeoPackage, cut to 84 signs (252 bytes)
                    // on a character boundary in the shapefile
                    {{"field", "catatan"}, {"value", long_text()}, {"formats", {"geojson", "geopackage"}}},
                    {{"field", "catatan"}, {"value", long_text().substr(0, 252)}, {"formats", {"shapefile"}}}}},
         {"nulls", {{{"field", "n_total"}, {"count", 1}}, {{"field", "tgl_survei"}, {"count", 1}}}},
         {"styles",
          {{{"name", "Titik panas Gi*: jalan_rusak"}, {"renderer", "categorizedSymbol"}, {"classes", 7}},
           {{"name", "Kluster LISA: jalan_rusak"}, {"renderer", "categorizedSymbol"}, {"classes", 5}},
           {{"name", "Laju EB: jalan_rusak"}, {"renderer", "graduatedSymbol"}, {"classes", 4}},
           {{"name", "Tren titik panas: jalan_rusak"}, {"renderer", "categorizedSymbol"}, {"classes", 17}},
           {{"name", "Titik buta: desa tanpa temuan"}, {"renderer", "graduatedSymbol"}, {"classes", 2}},
           {{"name", "Batas wilayah"}, {"renderer", "singleSymbol"}, {"classes", 1}}}}}}}};
  std::string log;
  EXPECT_EQ(run_qgis_check(expect, dir, log), 0) << log;
  EXPECT_NE(log.find("ok desa [shapefile]"), std::string::npos) << log;
  EXPECT_NE(log.find("ok project"), std::string::npos) << log;
  fs::remove_all(dir);
}

namespace {

// The fields a layer was written with, as its data dictionary lists them (for the layers whose
// schema depends on the source columns).
json fields_from_dictionary(const std::string& path) {
  json out = json::array();
  std::istringstream in(test::read_file(path));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) cells.push_back(cell), cell.clear();
      else cell += c;
    }
    cells.push_back(cell);
    out.push_back({{"name", cells[0]}, {"short", cells[1]}, {"type", cells[2]}, {"alias", cells[5]}});
  }
  return out;
}

// GeoJSON has no field types: GDAL (and so QGIS) reads a text column whose values are all ISO dates
// as a date. The sample's `tanggal` column is one.
json with_guessed_dates(json fields) {
  for (auto& f : fields)
    if (f["name"] == "tanggal") f["geojson_type"] = "date";
  return fields;
}

// The distinct non-empty values of a text field of the first layer of `path`.
std::set<std::string> distinct_values(const std::string& path, const char* field) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  std::set<std::string> out;
  if (!ds) return out;
  for (auto& f : *ds->GetLayer(0))
    if (f->IsFieldSetAndNotNull(f->GetFieldIndex(field))) out.insert(f->GetFieldAsString(field));
  return out;
}

std::vector<double> desa_totals(const std::string& geojson) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(geojson.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  std::vector<double> out;
  if (!ds) return out;
  for (auto& f : *ds->GetLayer(0)) out.push_back(static_cast<double>(f->GetFieldAsInteger64("n_total")));
  return out;
}

}  // namespace

TEST(QgisCheck, ProbolinggoBuildOpensStyledInQgisInEveryFormat) {
  ASSERT_TRUE(pyqgis_available()) << "PyQGIS is missing: run scripts/setup.sh (python3-qgis, qgis-providers)";
  const std::string dir = test::temp_dir("qgis-build");
  const std::string csv = dir + "/temuan.csv";
  std::string sample = std::string(PETA_CLI) + " sample --boundaries " + test::data("probolinggo/desa.geojson") +
                       " --count 2000 --seed 11 --out " + csv + " > /dev/null";
  ASSERT_EQ(std::system(sample.c_str()), 0) << sample;
  json project = {{"name", "Uji QGIS"},
                  {"boundaries",
                   {{"desa", {{"path", test::data("probolinggo/desa.geojson")}}},
                    {"kecamatan", {{"path", test::data("probolinggo/kecamatan.geojson")}}},
                    {"kabupaten", {{"path", test::data("probolinggo/kabupaten.geojson")}}}}},
                  {"findings", {{{"path", csv}, {"publish", {"tanggal", "tingkat", "keterangan"}}}}},
                  {"privacy", {{"profile", "internal"}}},
                  {"hotspots", {{"kde", {{"bandwidth_m", 1500}}}}},  // the density raster, in the project too
                  {"output", {{"folder", dir + "/out"}}}};
  test::write_file(dir + "/project.json", project.dump(2));
  std::string build = std::string(PETA_CLI) + " build --json " + dir + "/project.json > " + dir + "/summary.json";
  ASSERT_EQ(std::system(build.c_str()), 0) << build;
  auto summary = json::parse(test::read_file(dir + "/summary.json"));
  const long long located = summary["total"]["geocoded"].get<long long>() + summary["total"]["flagged"].get<long long>();
  const long long rejected = summary["total"]["rejected"];
  ASSERT_EQ(located + rejected, 2000);
  const std::string out = dir + "/out";
  for (const char* name : {"peta.qgs", "peta_desa.png", "desa.qml", "kecamatan.qml", "kabupaten.qml", "temuan.qml",
                           "ditolak.qml", "desa.kamus.csv", "temuan.kamus.csv", "desa.qix"})
    EXPECT_TRUE(fs::exists(out + "/" + name)) << name;

  const auto taxonomy = CategoryTaxonomy::defaults();
  // The desa fields: the counts, then eight hotspot fields for each category and for all ("semua"), then the
  // emerging hot spot class of each category (the sample's dates span a year of months).
  nlohmann::json desa_fields = fields_from_dictionary(out + "/desa.kamus.csv");
  ASSERT_EQ(desa_fields.size(), fields_json(desa_schema(taxonomy)).size() + 8 * (taxonomy.size() + 1) + taxonomy.size());
  EXPECT_EQ(desa_fields[desa_fields.size() - taxonomy.size() - 1]["name"], "lisa_q_semua");
  EXPECT_EQ(desa_fields.back()["name"], "tren_potensi");
  const std::size_t desa_classes = count_classes(desa_totals(out + "/desa.geojson")).size();
  EXPECT_GE(desa_classes, 5u);  // "0" and five Jenks classes, unless a class is empty
  const std::size_t categories_found = distinct_values(out + "/temuan.geojson", "kat_kode").size();
  const std::size_t reasons_found = distinct_values(out + "/ditolak.geojson", "alasan").size();
  EXPECT_GE(categories_found, 5u);
  EXPECT_GE(reasons_found, 1u);
  json layers = {
      {{"name", "desa"}, {"count", 330}, {"wkb", "MultiPolygon"}, {"fields", desa_fields},
       {"renderer", "graduatedSymbol"}, {"classes", desa_classes}, {"labels", true},
       {"texts", {{{"field", "nama"}, {"value", "Soka'an"}}}}},
      {{"name", "kecamatan"}, {"count", 24}, {"wkb", "MultiPolygon"}, {"fields", fields_json(kecamatan_schema(taxonomy))},
       {"renderer", "graduatedSymbol"}, {"labels", true}},
      {{"name", "kabupaten"}, {"count", 1}, {"wkb", "MultiPolygon"}, {"fields", fields_json(kabupaten_schema())},
       {"renderer", "singleSymbol"}, {"classes", 1}, {"labels", false}},
      {{"name", "temuan"}, {"count", located}, {"wkb", "Point"},
       {"fields", with_guessed_dates(fields_from_dictionary(out + "/temuan.kamus.csv"))},
       {"renderer", "categorizedSymbol"},
       {"classes", categories_found + 1}},  // the categories found, and "Lainnya / kosong"
      {{"name", "ditolak"}, {"count", rejected}, {"wkb", "Point"},
       {"fields", with_guessed_dates(fields_from_dictionary(out + "/ditolak.kamus.csv"))},
       {"renderer", "categorizedSymbol"}, {"classes", reasons_found + 1}}};
  json expect = {{"folder", out},
                 {"formats", {"geojson", "shapefile", "geopackage"}},
                 {"geopackage", "peta.gpkg"},
                 {"project", "peta.qgs"},
                 {"project_layers",
                  {"peta_layer_temuan", "peta_layer_ditolak", "peta_layer_kecamatan", "peta_raster_kepadatan",
                   "peta_layer_desa", "peta_layer_kabupaten"}},
                 {"rasters", {{{"id", "peta_raster_kepadatan"}, {"renderer", "singlebandpseudocolor"}, {"crs", "EPSG:32749"}}}},
                 {"project_styles",
                  {{{"id", "peta_layer_desa"}, {"renderer", "graduatedSymbol"}, {"classes", desa_classes}},
                   {{"id", "peta_layer_kecamatan"}, {"renderer", "singleSymbol"}}}},
                 {"atlas",
                  {{"layout", "Buklet kecamatan"}, {"coverage", "peta_layer_kecamatan"}, {"features", 24},
                   {"first_name", "Sukapura"}, {"image", dir + "/atlas_1.png"}}},
                 {"layers", layers}};
  std::string log;
  EXPECT_EQ(run_qgis_check(expect, dir, log), 0) << log;
  EXPECT_NE(log.find("ok atlas Buklet kecamatan 24 pages"), std::string::npos) << log;
  for (const char* layer : {"desa", "kecamatan", "kabupaten", "temuan", "ditolak"})
    for (const char* fmt : {"geojson", "shapefile", "geopackage"})
      EXPECT_NE(log.find(std::string("ok ") + layer + " [" + fmt + "]"), std::string::npos) << layer << " " << fmt;
  fs::remove_all(dir);
}

TEST(QgisProject, TheDensityRasterIsALayerAboveTheDesa) {
  ProjectSpec spec;
  ProjectLayer desa;
  desa.id = "peta_layer_desa";
  desa.title = "Desa";
  desa.datasource = "./peta.gpkg|layername=desa";
  desa.styles = layer_styles(hotspot_schema(), observe(hotspot_schema(), hotspot_features()));
  desa.extent = {113.0, -7.8, 113.19, -7.76};
  ProjectLayer temuan = desa;
  temuan.id = "peta_layer_temuan";
  spec.layers = {temuan, desa};
  spec.rasters.push_back({"peta_raster_kepadatan", "Kepadatan", "./kepadatan.tif", "temuan per km²", "peta_layer_desa"});
  const std::string xml = qgis_project_xml(spec);
  const auto at = [&](const std::string& s) { return xml.find(s); };
  // Panel and drawing order: temuan, the raster, desa.
  EXPECT_LT(at("<layer-tree-layer id=\"peta_layer_temuan\""), at("<layer-tree-layer id=\"peta_raster_kepadatan\""));
  EXPECT_LT(at("<layer-tree-layer id=\"peta_raster_kepadatan\""), at("<layer-tree-layer id=\"peta_layer_desa\""));
  EXPECT_NE(at("providerKey=\"gdal\""), std::string::npos);
  EXPECT_NE(at("<layer id=\"peta_raster_kepadatan\"/><layer id=\"peta_layer_desa\"/>"), std::string::npos);
  const std::string raster = raster_layer_xml(spec.rasters[0]);
  for (const char* part : {"type=\"singlebandpseudocolor\"", "<extent>UpdatedCanvas</extent>", "<limits>MinMax</limits>",
                           "<datasource>./kepadatan.tif</datasource>", "<provider>gdal</provider>", "EPSG:32749",
                           "color=\"#bd0026\"", "percentTransparent=\"100\""})
    EXPECT_NE(raster.find(part), std::string::npos) << part;
}

TEST(QgisCheck, TheDensityRasterLoadsAndRendersInQgis) {
  ASSERT_TRUE(pyqgis_available()) << "PyQGIS is missing: run scripts/setup.sh (python3-qgis, qgis-providers)";
  const std::string dir = test::temp_dir("qgis-kde");
  {
    OutputOptions options{dir, false, false, true, "peta.gpkg", true, "uji"};
    options.density_raster = "kepadatan.tif";
    OutputSet out(options);
    LayerSink& sink = out.open_layer(hotspot_schema());
    for (const auto& f : hotspot_features()) sink.write(f);
    out.commit();
  }
  // The raster the build writes after the project: a dense cluster in the first desa, a thin spread elsewhere.
  std::vector<Coord> points;
  for (int i = 0; i < 400; ++i) points.push_back({113.02 + 0.004 * std::sin(i * 1.7), -7.78 + 0.004 * std::cos(i * 2.3)});
  for (int i = 0; i < 60; ++i) points.push_back({113.0 + 0.19 * ((i * 37) % 60) / 60.0, -7.8 + 0.04 * ((i * 11) % 60) / 60.0});
  std::vector<MultiPolygon> polygons;
  for (const auto& f : hotspot_features()) polygons.push_back(std::get<MultiPolygon>(f.geometry));
  KdeSettings kde;
  kde.bandwidth_m = 1500;
  write_density_geotiff(kernel_density(points, metric_extent(polygons), kde), dir + "/kepadatan.tif");
  json expect = {{"folder", dir},
                 {"formats", json::array()},
                 {"project", "peta.qgs"},
                 {"project_layers", {"peta_raster_kepadatan", "peta_layer_desa"}},
                 {"rasters",
                  {{{"id", "peta_raster_kepadatan"}, {"renderer", "singlebandpseudocolor"}, {"crs", "EPSG:32749"},
                    {"min_colours", 8}, {"image", dir + "/kepadatan.png"}}}},
                 {"layers", json::array()}};
  std::string log;
  EXPECT_EQ(run_qgis_check(expect, dir, log), 0) << log;
  EXPECT_NE(log.find("ok raster peta_raster_kepadatan"), std::string::npos) << log;
  fs::remove_all(dir);
}
