// Reads the project file into ProjectSettings. The accepted keys are listed in the README.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_object_reader.hpp"
#include "project/project_settings.hpp"
#include "project/time_settings.hpp"

namespace peta {
namespace fs = std::filesystem;

bool OutputSettings::has_layer(const std::string& name) const {
  return std::find(layers.begin(), layers.end(), name) != layers.end();
}

namespace {

std::string resolve_path(const std::string& p, const fs::path& base) {
  if (p.rfind("PG:", 0) == 0 || p.rfind("/vsi", 0) == 0 || fs::path(p).is_absolute()) return p;
  return (base / p).lexically_normal().string();
}

FieldMapping read_mapping(const nlohmann::json& j, const std::string& where) {
  JsonObjectReader r(j, where, {"code", "name", "parent_code", "parent_name", "kab_code", "kab_name", "jenis"});
  FieldMapping m;
  m.code = r.required_text("code");
  m.name = r.text("name").value_or("");
  m.parent_code = r.text("parent_code").value_or("");
  m.parent_name = r.text("parent_name").value_or("");
  m.kab_code = r.text("kab_code").value_or("");
  m.kab_name = r.text("kab_name").value_or("");
  m.jenis = r.text("jenis").value_or("");
  return m;
}

BoundarySource read_boundary_source(const nlohmann::json& j, const std::string& where, const fs::path& base) {
  JsonObjectReader r(j, where, {"path", "layer", "fields", "crs", "where"});
  BoundarySource s;
  s.path = resolve_path(r.required_text("path"), base);
  s.layer = r.text("layer").value_or("");
  s.crs = r.text("crs").value_or("");
  s.where = r.text("where").value_or("");
  if (r.has("fields")) s.mapping = read_mapping(r.at("fields"), r.where("fields"));
  return s;
}

SourceFormat format_of(const std::string& path, const std::optional<std::string>& declared, const std::string& where) {
  std::string f = declared.value_or("");
  if (f.empty()) {
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv" || ext == ".txt" || ext == ".tsv") return SourceFormat::csv;
    if (ext == ".xlsx") return SourceFormat::xlsx;
    if (ext == ".geojson" || ext == ".json" || ext == ".gpkg" || ext == ".shp" || ext == ".fgb" || ext == ".kml" ||
        ext == ".gml" || ext == ".zip")
      return SourceFormat::vector;
    throw Error(where + ": cannot tell the format of '" + path + "' from its extension; give \"format\": csv, xlsx or vector");
  }
  if (f == "csv") return SourceFormat::csv;
  if (f == "xlsx") return SourceFormat::xlsx;
  if (f == "vector" || f == "geojson" || f == "gpkg" || f == "shapefile") return SourceFormat::vector;
  throw Error(where + ": unknown format '" + f + "' (expected csv, xlsx, vector, geojson, gpkg or shapefile)");
}

FindingSourceSettings read_finding_source(const nlohmann::json& j, const std::string& where, const fs::path& base) {
  JsonObjectReader r(j, where,
                     {"path", "format", "sheet", "layer", "encoding", "columns", "delimiter", "crs", "kategori", "publish",
                      "kunci"});
  FindingSourceSettings s;
  s.path = resolve_path(r.required_text("path"), base);
  s.format = format_of(s.path, r.text("format"), r.where("format"));
  if (r.has("sheet") && r.has("layer")) throw Error(r.where("sheet") + ": give either sheet or layer, not both");
  s.layer = r.text("sheet").value_or(r.text("layer").value_or(""));
  s.encoding = parse_text_encoding(r.text("encoding").value_or(""), r.where("encoding"));
  s.crs = r.text("crs").value_or("");
  s.category = r.text("kategori").value_or("");
  s.publish = r.texts("publish").value_or(std::vector<std::string>{});
  s.key = r.text("kunci").value_or("");
  if (r.has("kunci") && (s.key.empty() || s.key.find(':') != std::string::npos))
    throw Error(r.where("kunci") + ": a source key is a non-empty name without ':' (e.g. \"jalan\")");
  if (auto d = r.text("delimiter")) {
    if (d->size() != 1) throw Error(r.where("delimiter") + ": must be one character, e.g. \",\" or \";\"");
    s.delimiter = (*d)[0];
  }
  if (r.has("columns")) {
    JsonObjectReader c(r.at("columns"), r.where("columns"),
                       {"id", "lon", "lat", "kategori", "koordinat", "geopoint", "desa", "kecamatan", "kabupaten", "kode_desa",
                        "wkt"});
    s.columns.id = c.text("id").value_or("");
    s.columns.lon = c.text("lon").value_or("");
    s.columns.lat = c.text("lat").value_or("");
    s.columns.category = c.text("kategori").value_or("");
    s.columns.koordinat = c.text("koordinat").value_or("");
    s.columns.geopoint = c.text("geopoint").value_or("");
    s.columns.desa = c.text("desa").value_or("");
    s.columns.kecamatan = c.text("kecamatan").value_or("");
    s.columns.kabupaten = c.text("kabupaten").value_or("");
    s.columns.kode_desa = c.text("kode_desa").value_or("");
    s.columns.wkt = c.text("wkt").value_or("");
  }
  return s;
}

OutputSettings read_output(const nlohmann::json& j, const fs::path& base) {
  JsonObjectReader r(j, "output", {"folder", "formats", "layers", "geopackage_name", "language", "qgis"});
  OutputSettings o;
  o.folder = resolve_path(r.text("folder").value_or("out"), base);
  if (auto formats = r.texts("formats")) {
    o.geojson = o.shapefile = o.geopackage = o.flatgeobuf = false;
    for (const auto& f : *formats) {
      if (f == "geojson") o.geojson = true;
      else if (f == "shapefile") o.shapefile = true;
      else if (f == "geopackage") o.geopackage = true;
      else if (f == "flatgeobuf") o.flatgeobuf = true;
      else throw Error("output.formats: unknown format '" + f + "' (expected geojson, shapefile, geopackage, flatgeobuf)");
    }
  }
  if (auto layers = r.texts("layers")) {
    static const std::vector<std::string> known = {"desa",   "kecamatan", "kabupaten",        "temuan",   "ditolak",
                                                   "ruas",   "hitungan_periode", "kunjungan", "titik_buta"};
    for (const auto& l : *layers)
      if (std::find(known.begin(), known.end(), l) == known.end())
        throw Error("output.layers: unknown layer '" + l +
                    "' (expected desa, kecamatan, kabupaten, temuan, ditolak, ruas, hitungan_periode, kunjungan, "
                    "titik_buta)");
    o.layers = *layers;
  }
  o.geopackage_name = r.text("geopackage_name").value_or(o.geopackage_name);
  o.language = r.text("language").value_or("id");
  o.qgis = r.boolean("qgis").value_or(true);
  if (o.language != "id" && o.language != "en") throw Error("output.language: must be \"id\" or \"en\"");
  return o;
}

// "priority": {"weights": {"<category code>": number >= 0, ...}}
query::PrioritySettings read_priority(const nlohmann::json& j, const CategoryTaxonomy& categories) {
  JsonObjectReader r(j, "priority", {"weights"});
  query::PrioritySettings p;
  if (!r.has("weights")) return p;
  const auto& w = r.at("weights");
  if (!w.is_object()) throw Error("priority.weights: must be an object of category code -> weight");
  for (const auto& [code, value] : w.items()) {
    const std::string where = "priority.weights." + code;
    bool known = false;
    std::string codes;
    for (const auto& c : categories.categories()) {
      known = known || c.code == code;
      codes += (codes.empty() ? "" : ", ") + c.code;
    }
    if (!known) throw Error(where + ": unknown category (expected one of: " + codes + ")");
    if (!value.is_number() || value.get<double>() < 0) throw Error(where + ": must be a number >= 0");
    p.weights[code] = value.get<double>();
  }
  return p;
}

void read_hotspots(const nlohmann::json& j, const fs::path& base, HotspotSettings& h, PointHotspotSettings& p,
                   profile::PopulationTableSettings& population) {
  JsonObjectReader r(j, "hotspots", {"enabled", "tolerance_m", "permutations", "seed", "alpha", "fdr", "population", "kde", "dbscan"});
  h.enabled = r.boolean("enabled").value_or(true);
  h.weights.tolerance_m = r.number("tolerance_m").value_or(h.weights.tolerance_m);
  if (h.weights.tolerance_m < 0) throw Error("hotspots.tolerance_m: must be >= 0");
  h.permutations = static_cast<int>(r.integer("permutations").value_or(h.permutations));
  if (h.permutations < 0 || h.permutations > 99999) throw Error("hotspots.permutations: must be 0..99999");
  h.seed = static_cast<std::uint64_t>(r.integer("seed").value_or(static_cast<long long>(h.seed)));
  h.alpha = r.number("alpha").value_or(h.alpha);
  if (h.alpha <= 0 || h.alpha >= 1) throw Error("hotspots.alpha: must be between 0 and 1");
  h.fdr = r.boolean("fdr").value_or(false);
  if (r.has("population")) {
    JsonObjectReader pop(r.at("population"), "hotspots.population", {"path", "code", "value", "per"});
    population.path = resolve_path(pop.required_text("path"), base);
    population.code_column = pop.text("code").value_or(population.code_column);
    population.value_column = pop.text("value").value_or(population.value_column);
    h.per = pop.number("per").value_or(h.per);
    if (h.per <= 0) throw Error("hotspots.population.per: must be > 0");
  }
  if (r.has("kde")) {
    JsonObjectReader k(r.at("kde"), "hotspots.kde", {"bandwidth_m", "cell_size_m"});
    p.kde = true;
    p.kde_settings.bandwidth_m = k.number("bandwidth_m").value_or(0);
    p.kde_settings.cell_size_m = k.number("cell_size_m").value_or(0);
    if (p.kde_settings.bandwidth_m < 0 || p.kde_settings.cell_size_m < 0)
      throw Error("hotspots.kde: bandwidth_m and cell_size_m must be >= 0 (0 = the default rule)");
  }
  if (r.has("dbscan")) {
    JsonObjectReader d(r.at("dbscan"), "hotspots.dbscan", {"eps_m", "min_points"});
    p.dbscan = true;
    p.dbscan_settings.eps_m = d.number("eps_m").value_or(p.dbscan_settings.eps_m);
    p.dbscan_settings.min_points = static_cast<std::size_t>(d.integer("min_points").value_or(5));
    if (p.dbscan_settings.eps_m <= 0 || p.dbscan_settings.min_points < 1)
      throw Error("hotspots.dbscan: eps_m must be > 0 and min_points >= 1");
  }
}

// Parses the project file; any JSON error (bad syntax, or a number out of range such as 1e999, which the
// library reports as out_of_range, not parse_error) becomes a peta::Error naming the file and the key path
// being read when it happened, tracked through the parser's callback.
nlohmann::json parse_project_json(std::istream& in, const std::string& path) {
  struct Frame {
    bool array = false;
    std::size_t index = 0;  // in an array: elements completed so far
    std::string key;        // in an object: the last key read
  };
  std::vector<Frame> frames;
  auto completed = [&] {
    if (!frames.empty() && frames.back().array) ++frames.back().index;
  };
  auto track = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if (event == E::object_start || event == E::array_start) frames.push_back({event == E::array_start, 0, {}});
    else if (event == E::key && !frames.empty()) frames.back().key = parsed.get<std::string>();
    else if (event == E::object_end || event == E::array_end) {
      if (!frames.empty()) frames.pop_back();
      completed();
    } else if (event == E::value) completed();
    return true;
  };
  try {
    return nlohmann::json::parse(in, track);
  } catch (const nlohmann::json::exception& e) {
    std::string where;
    for (const auto& f : frames) {
      if (f.array) where += "[" + std::to_string(f.index) + "]";
      else if (!f.key.empty()) where += (where.empty() ? "" : ".") + f.key;
    }
    throw Error(path + ": " + (where.empty() ? "" : where + ": ") + "not valid JSON: " + e.what());
  }
}

}  // namespace

SourceFormat finding_source_format(const std::string& path) { return format_of(path, std::nullopt, path); }

ProjectSettings load_project(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot open project file '" + path + "'");
  const nlohmann::json j = parse_project_json(in, path);
  fs::path base = fs::absolute(path).parent_path();
  ProjectSettings s;
  s.file = path;
  try {
    JsonObjectReader r(j, "", {"name", "boundaries", "findings", "categories", "geocode", "privacy", "output", "hotspots", "priority", "store", "opd",
                                "waktu", "program", "statistik", "profil", "agregasi", "matriks"});
    s.name = r.text("name").value_or(fs::path(path).stem().string());
    if (!r.has("boundaries")) throw Error("boundaries: missing (required)");
    JsonObjectReader b(r.at("boundaries"), "boundaries", {"desa", "kecamatan", "kabupaten", "cache"});
    if (!b.has("desa")) throw Error("boundaries.desa: missing (required)");
    s.boundaries.desa = read_boundary_source(b.at("desa"), "boundaries.desa", base);
    if (b.has("kecamatan")) s.boundaries.kecamatan = read_boundary_source(b.at("kecamatan"), "boundaries.kecamatan", base);
    if (b.has("kabupaten")) s.boundaries.kabupaten = read_boundary_source(b.at("kabupaten"), "boundaries.kabupaten", base);
    if (b.has("cache")) {  // the boundary cache: on (default), off, or in this folder
      const auto& c = b.at("cache");
      if (c.is_boolean()) s.boundary_cache.enabled = c.get<bool>();
      else if (c.is_string()) s.boundary_cache.folder = resolve_path(c.get<std::string>(), base);
      else throw Error("boundaries.cache: must be true, false or a folder");
    }
    if (r.has("findings")) {
      const auto& f = r.at("findings");
      if (!f.is_array()) throw Error("findings: must be an array of sources");
      for (std::size_t i = 0; i < f.size(); ++i)
        s.findings.push_back(read_finding_source(f[i], "findings[" + std::to_string(i) + "]", base));
    }
    if (r.has("categories")) s.categories = CategoryTaxonomy::from_json(r.at("categories"), "categories");
    if (r.has("priority")) s.priority = read_priority(r.at("priority"), s.categories);
    if (r.has("geocode")) {
      JsonObjectReader g(r.at("geocode"), "geocode", {"gap_tolerance_m", "code_lists"});
      s.geocode.gap_tolerance_m = g.number("gap_tolerance_m").value_or(s.geocode.gap_tolerance_m);
      if (s.geocode.gap_tolerance_m < 0) throw Error("geocode.gap_tolerance_m: must be >= 0");
      for (const auto& p : g.texts("code_lists").value_or(std::vector<std::string>{}))
        s.code_lists.push_back(resolve_path(p, base));
    }
    if (r.has("privacy")) {
      JsonObjectReader p(r.at("privacy"), "privacy", {"profile", "k"});
      std::string profile = p.text("profile").value_or("public");
      if (profile != "public" && profile != "internal") throw Error("privacy.profile: must be \"public\" or \"internal\"");
      s.privacy.public_profile = profile == "public";
      s.privacy.k = static_cast<int>(p.integer("k").value_or(5));
      if (s.privacy.k < 1) throw Error("privacy.k: must be >= 1");
    }
    if (r.has("store")) {
      JsonObjectReader st(r.at("store"), "store", {"path"});
      const std::string p = st.required_text("path");
      s.store.path = p.rfind("PG:", 0) == 0 ? p : resolve_path(p, base);
    }
    if (r.has("opd")) s.opd.override_with(r.at("opd"), "opd");
    s.time = read_time_settings(r.has("waktu") ? r.at("waktu") : nlohmann::json(), r.has("program") ? r.at("program") : nlohmann::json(),
                                base);
    if (r.has("hotspots")) read_hotspots(r.at("hotspots"), base, s.hotspots, s.point_hotspots, s.population);
    if (r.has("statistik")) s.indicator_statistics = read_indicator_settings(r.at("statistik"), base.string());
    if (r.has("profil") || r.has("agregasi") || r.has("matriks")) {
      const nlohmann::json none;
      s.profile = profile::read_profile_settings(r.has("profil") ? r.at("profil") : none, r.has("agregasi") ? r.at("agregasi") : none,
                                                 r.has("matriks") ? r.at("matriks") : none,
                                                 [&](const std::string& p) { return resolve_path(p, base); });
    }
    if (r.has("output")) s.output = read_output(r.at("output"), base);
    else s.output.folder = (base / "out").string();
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
  return s;
}

}  // namespace peta
