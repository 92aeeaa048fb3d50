#include "query/query_model.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <memory>

#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "core/layer_fields.hpp"
#include "core/date_text.hpp"

namespace peta::query {
namespace {

constexpr double kNull = std::numeric_limits<double>::quiet_NaN();

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(ds); }
};
struct FeatureDestroyer {
  void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

std::string lower_trimmed(std::string s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  s = s.substr(b, e - b);
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reprojects unit geometries to EPSG:4326 (lon, lat) when the layer is in another CRS.
class ToLonLat {
 public:
  explicit ToLonLat(OGRLayerH layer) {
    OGRSpatialReferenceH src = OGR_L_GetSpatialRef(layer);
    if (!src) return;
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    if (!OSRIsSame(src, wgs84)) {
      OGRSpatialReferenceH from = OSRClone(src);
      OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER);
      transform_ = OCTNewCoordinateTransformation(from, wgs84);
      OSRDestroySpatialReference(from);
    }
    OSRDestroySpatialReference(wgs84);
  }
  ~ToLonLat() {
    if (transform_) OCTDestroyCoordinateTransformation(transform_);
  }
  ToLonLat(const ToLonLat&) = delete;
  ToLonLat& operator=(const ToLonLat&) = delete;
  void apply(OGRGeometryH g) const {
    if (transform_ && g) OGR_G_Transform(g, transform_);
  }

 private:
  OGRCoordinateTransformationH transform_ = nullptr;
};

std::string field_text(OGRFeatureH f, int index) {
  if (index < 0 || !OGR_F_IsFieldSetAndNotNull(f, index)) return {};
  return OGR_F_GetFieldAsString(f, index);
}

OGRLayerH layer_or_throw(void* ds, const std::string& path, const char* name) {
  OGRLayerH layer = GDALDatasetGetLayerByName(ds, name);
  if (!layer) throw Error(path + ": no layer '" + name + "' (is this a GeoPackage written by `peta build`?)");
  return layer;
}

int field_or_throw(OGRFeatureDefnH defn, const std::string& path, const char* layer, const char* name) {
  int i = OGR_FD_GetFieldIndex(defn, name);
  if (i < 0) throw Error(path + ": layer '" + layer + "' has no field '" + name + "'");
  return i;
}

template <std::size_t N>
int first_field(OGRFeatureDefnH defn, const char* const (&names)[N], std::string& found) {
  for (const char* n : names) {
    int i = OGR_FD_GetFieldIndex(defn, n);
    if (i >= 0) {
      found = n;
      return i;
    }
  }
  return -1;
}

void read_units(void* ds, const std::string& path, const char* name, bool is_desa, const LoadLimits& limits,
                UnitTable& t) {
  OGRLayerH layer = layer_or_throw(ds, path, name);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int kode = field_or_throw(defn, path, name, layer_field::kode);
  const int nama = field_or_throw(defn, path, name, layer_field::nama);
  const int luas = OGR_FD_GetFieldIndex(defn, layer_field::luas_km2);
  const int jenis = is_desa ? OGR_FD_GetFieldIndex(defn, layer_field::jenis) : -1;
  const int kode_kec = is_desa ? field_or_throw(defn, path, name, layer_field::kode_kec) : -1;
  const int nama_kec = is_desa ? OGR_FD_GetFieldIndex(defn, layer_field::nama_kec) : -1;
  std::vector<int> numeric_fields, trend_fields, text_fields;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    OGRFieldType type = OGR_Fld_GetType(fd);
    const std::string field_name = OGR_Fld_GetNameRef(fd);
    if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) {
      numeric_fields.push_back(i);
      t.field_index[field_name] = t.numeric_names.size();
      t.numeric_names.push_back(field_name);
    } else if (type == OFTString && field_name.rfind("tren_", 0) == 0) {
      trend_fields.push_back(i);
      t.trend_names.push_back(field_name);
    } else if (type == OFTString && i != kode && i != nama && i != jenis && i != kode_kec && i != nama_kec) {
      text_fields.push_back(i);
      t.text_names.push_back(field_name);
    }
  }
  t.numeric.assign(numeric_fields.size(), {});
  t.trend.assign(trend_fields.size(), {});
  t.text.assign(text_fields.size(), {});
  ToLonLat to_lonlat(layer);
  char precision[] = "COORDINATE_PRECISION=6";
  char* json_options[] = {precision, nullptr};
  OGR_L_ResetReading(layer);
  while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
    if (t.kode.size() >= limits.max_units)
      throw Error(path + ": layer '" + name + "' has more than " + std::to_string(limits.max_units) + " features");
    t.kode.push_back(field_text(f.get(), kode));
    t.nama.push_back(field_text(f.get(), nama));
    t.jenis.push_back(field_text(f.get(), jenis));
    t.kode_kec.push_back(field_text(f.get(), kode_kec));
    t.nama_kec.push_back(field_text(f.get(), nama_kec));
    t.luas_km2.push_back(luas >= 0 && OGR_F_IsFieldSetAndNotNull(f.get(), luas) ? OGR_F_GetFieldAsDouble(f.get(), luas)
                                                                                : kNull);
    for (std::size_t k = 0; k < trend_fields.size(); ++k) t.trend[k].push_back(field_text(f.get(), trend_fields[k]));
    for (std::size_t k = 0; k < text_fields.size(); ++k) t.text[k].push_back(field_text(f.get(), text_fields[k]));
    for (std::size_t k = 0; k < numeric_fields.size(); ++k)
      t.numeric[k].push_back(OGR_F_IsFieldSetAndNotNull(f.get(), numeric_fields[k])
                                 ? OGR_F_GetFieldAsDouble(f.get(), numeric_fields[k])
                                 : kNull);
    OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
    double lon = kNull, lat = kNull;
    std::string json = "null";
    if (g && !OGR_G_IsEmpty(g)) {
      to_lonlat.apply(g);
      if (char* text = OGR_G_ExportToJsonEx(g, json_options)) {
        json = text;
        CPLFree(text);
      }
      if (OGRGeometryH p = OGR_G_PointOnSurface(g)) {
        if (!OGR_G_IsEmpty(p)) {
          lon = OGR_G_GetX(p, 0);
          lat = OGR_G_GetY(p, 0);
        }
        OGR_G_DestroyGeometry(p);
      }
    }
    t.geometry_json.push_back(std::move(json));
    t.label_lon.push_back(lon);
    t.label_lat.push_back(lat);
  }
  for (std::size_t u = 0; u < t.size(); ++u) t.kode_index.emplace(code_digits(t.kode[u]), u);
}

std::uint16_t intern(std::vector<std::string>& values, std::string value, const std::string& path) {
  value = lower_trimmed(std::move(value));
  if (value.empty()) return 0;
  auto it = std::find(values.begin(), values.end(), value);
  if (it != values.end()) return static_cast<std::uint16_t>(it - values.begin());
  if (values.size() >= 1000) throw Error(path + ": temuan: more than 1000 distinct severity or status values");
  values.push_back(std::move(value));
  return static_cast<std::uint16_t>(values.size() - 1);
}

void read_findings(void* ds, const std::string& path, const LoadLimits& limits, QueryModel& m) {
  OGRLayerH layer = GDALDatasetGetLayerByName(ds, "temuan");
  if (!layer) return;
  m.has_findings = true;
  FindingTable& t = m.findings;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int kode_desa = field_or_throw(defn, path, "temuan", "kode_desa");
  const int kat_kode = field_or_throw(defn, path, "temuan", "kat_kode");
  const int id = OGR_FD_GetFieldIndex(defn, "id");
  const int note = OGR_FD_GetFieldIndex(defn, "keterangan");
  const int severity = first_field(defn, kSeverityColumns, t.severity_column);
  const int status = first_field(defn, kStatusColumns, t.status_column);
  const int date = first_field(defn, kDateColumns, t.date_column);
  const GIntBig declared = OGR_L_GetFeatureCount(layer, 0);
  if (declared > 0 && static_cast<std::size_t>(declared) > limits.max_findings)
    throw Error(path + ": temuan has " + std::to_string(declared) + " findings, more than the limit of " +
                std::to_string(limits.max_findings));
  // Only attributes are needed: skip geometry decoding.
  const char* ignored[] = {"OGR_GEOMETRY", nullptr};
  OGR_L_SetIgnoredFields(layer, ignored);
  OGR_L_ResetReading(layer);
  while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
    if (t.size() >= limits.max_findings)
      throw Error(path + ": temuan has more than the limit of " + std::to_string(limits.max_findings) + " findings");
    auto unit = m.desa.unit(field_text(f.get(), kode_desa));
    if (!unit) continue;  // a finding outside the desa layer cannot be queried by place
    auto category = m.category(field_text(f.get(), kat_kode));
    t.desa.push_back(static_cast<std::int32_t>(*unit));
    t.category.push_back(category ? static_cast<std::int16_t>(*category) : std::int16_t{-1});
    t.severity.push_back(intern(t.severity_values, field_text(f.get(), severity), path));
    t.status.push_back(intern(t.status_values, field_text(f.get(), status), path));
    const int day = parse_date(field_text(f.get(), date)).value_or(0);
    t.date.push_back(day);
    if (day) {
      m.date_min = m.date_min ? std::min(m.date_min, day) : day;
      m.date_max = std::max(m.date_max, day);
    }
    t.id.push_back(field_text(f.get(), id));
    t.note.push_back(field_text(f.get(), note));
  }
  // Group by desa, each group in layer order (a counting sort).
  t.by_desa_start.assign(m.desa.size() + 1, 0);
  for (auto d : t.desa) ++t.by_desa_start[static_cast<std::size_t>(d) + 1];
  for (std::size_t d = 0; d < m.desa.size(); ++d) t.by_desa_start[d + 1] += t.by_desa_start[d];
  t.by_desa.resize(t.size());
  std::vector<std::uint32_t> next(t.by_desa_start.begin(), t.by_desa_start.end() - 1);
  for (std::size_t i = 0; i < t.size(); ++i) t.by_desa[next[static_cast<std::size_t>(t.desa[i])]++] = static_cast<std::uint32_t>(i);
}

}  // namespace

std::string code_digits(std::string_view code) {
  std::string out;
  for (char c : code)
    if (c != '.' && !std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

std::optional<std::size_t> UnitTable::field(std::string_view name) const {
  auto it = field_index.find(std::string(name));
  if (it == field_index.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> UnitTable::text_field(std::string_view name) const {
  auto lower = [](std::string_view v) {
    std::string out(v);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string key = lower(name);
  for (std::size_t i = 0; i < text_names.size(); ++i)
    if (lower(text_names[i]) == key) return i;
  return std::nullopt;
}

std::optional<std::size_t> UnitTable::unit(std::string_view code) const {
  auto it = kode_index.find(code_digits(code));
  if (it == kode_index.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> QueryModel::category(std::string_view code) const {
  for (std::size_t c = 0; c < categories.size(); ++c)
    if (categories[c].code == code) return c;
  return std::nullopt;
}

QueryModel load_query_model(const std::string& path, const CategoryTaxonomy& taxonomy,
                            const std::vector<double>& weights, const LoadLimits& limits) {
  ensure_gdal_registered();
  std::unique_ptr<void, DatasetCloser> ds(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) throw Error("cannot open GeoPackage '" + path + "'");
  QueryModel m;
  m.source = path;
  read_units(ds.get(), path, "desa", true, limits, m.desa);
  read_units(ds.get(), path, "kecamatan", false, limits, m.kecamatan);
  for (std::size_t c = 0; c < taxonomy.size(); ++c) {
    const Category& cat = taxonomy.categories()[c];
    if (!m.desa.field(layer_field::count_of(cat.code))) continue;
    m.categories.push_back(cat);
    m.weights.push_back(c < weights.size() ? weights[c] : 1.0);
  }
  if (!m.desa.field(layer_field::n_total)) throw Error(path + ": layer 'desa' has no field '" + std::string(layer_field::n_total) + "'");
  m.desa_kecamatan.resize(m.desa.size(), -1);
  for (std::size_t d = 0; d < m.desa.size(); ++d)
    if (auto k = m.kecamatan.unit(m.desa.kode_kec[d])) m.desa_kecamatan[d] = static_cast<std::int32_t>(*k);
  read_findings(ds.get(), path, limits, m);
  m.privacy_k = limits.privacy_k;
  // A category is recountable under a filter when its findings are in the temuan layer: not when the layer
  // flags it as withheld-capable (s_<code>, the public profile's sensitive categories), and not when the layer
  // counts some but the temuan layer holds none of them.
  std::vector<std::size_t> points(m.categories.size(), 0);
  for (auto c : m.findings.category)
    if (c >= 0) ++points[static_cast<std::size_t>(c)];
  for (std::size_t c = 0; c < m.categories.size(); ++c) {
    double counted = 0;
    for (double v : m.desa.numeric[*m.desa.field(layer_field::count_of(m.categories[c].code))])
      if (!std::isnan(v)) counted += v;
    const bool flagged = m.desa.field("s_" + m.categories[c].code).has_value();
    m.recountable.push_back(m.has_findings && !flagged && !(points[c] == 0 && counted > 0));
  }
  return m;
}

}  // namespace peta::query
